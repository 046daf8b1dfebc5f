"""Employment reference letters: the draft for the employer (DOCX and PDF) and the check of a
letter received (text PDF, DOCX, plain text, scanned image)."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from ee_desktop.cli import main
from ee_desktop.letters import LetterError, job_at
from ee_desktop.letters.check import CannotReadText, check_letter, read_letter
from ee_desktop.letters.reference import reference_draft, write_reference
from ee_desktop.profile import Profile
from ee_desktop.profile.codec import load_document
from ee_desktop.profile.model import Job

EXAMPLE = Path(__file__).resolve().parents[1] / "src/ee_desktop/resources/example-profile.json"

GOOD = """ACME LTD, 12 MG Road, Pune 411001, India. Tel +91 20 1234 5678, hr@acme.example

To whom it may concern,

This is to certify that Asha Rao has been employed by Acme Ltd as Software developer
from 1 July 2018 to date. She works 40 hours per week.
Her annual salary is INR 1,800,000 plus health insurance.

Her main duties are:
- Writing and testing Python code for our e-commerce web site and mobile application
- Analysing user requests and planning the installation of new systems
- Writing user guides for each new version of our software

Sincerely,
Priya Shah
Human Resources Manager
"""


def _profile() -> Profile:
    return load_document(EXAMPLE, today=date(2026, 11, 24))[0]


def _job(profile: Profile) -> Job:
    return job_at(profile, "applicant", 1)[1]


def _two_positions(tmp_path: Path) -> tuple[Profile, Path]:
    """The example with an earlier position at the same employer and a job elsewhere."""
    profile = _profile()
    current = _job(profile)
    junior = replace(
        current,
        title="Junior developer",
        start=date(2016, 5, 2),
        end=date(2018, 6, 30),
        hours_per_week=37.5,
    )
    other = replace(
        current,
        employer="Other Corp",
        title="Tester",
        start=date(2015, 1, 5),
        end=date(2016, 4, 29),
    )
    applicant = replace(profile.applicant, work_history=(current, junior, other))
    profile = replace(profile, applicant=applicant)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    jobs = data["applicant"]["work_history"]
    jobs.append(
        {
            **jobs[0],
            "title": "Junior developer",
            "start": "2016-05-02",
            "end": "2018-06-30",
            "hours_per_week": 37.5,
        }
    )
    jobs.append(
        {
            **jobs[0],
            "employer": "Other Corp",
            "title": "Tester",
            "start": "2015-01-05",
            "end": "2016-04-29",
        }
    )
    path = tmp_path / "file.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return profile, path


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_draft_lists_every_position_with_the_employer_and_the_noc_duties_apart(
    tmp_path: Path,
) -> None:
    profile, _path = _two_positions(tmp_path)
    draft = reference_draft(profile, "applicant", 1)
    assert [p.title for p in draft.positions] == ["Junior developer", "Software developer"]
    assert draft.employer == "Acme Ltd" and draft.person == "Asha Rao"
    out = tmp_path / "draft.docx"
    write_reference(draft, out)
    text = _docx_text(out)
    for expected in (
        "Company name: Acme Ltd",
        "Telephone: ____",
        "Asha Rao has worked for Acme Ltd",
        "Junior developer",
        "May 2, 2016",
        "June 30, 2018",
        "July 1, 2018",
        "present",
        "37.5",
        "Annual salary",
        "Benefits",
        "Main duties as Software developer",
        "Name of the signatory: ____",
        "Title of the signatory: ____",
        "do not copy this list",
        "Write documentation for new and updated software",
        "Open Government Licence – Canada",
    ):
        assert expected in text, expected
    assert "Tester" not in text and "Other Corp" not in text


def test_the_pdf_draft(tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    write_reference(reference_draft(_profile(), "applicant", 1), out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Employment reference letter" in text and "Asha Rao" in text
    assert "July 1, 2018" in text and "Design, write, read, test, and correct code" in text
    with pytest.raises(LetterError, match=r"\.docx or \.pdf"):
        write_reference(reference_draft(_profile(), "applicant", 1), tmp_path / "draft.odt")


def test_a_complete_letter_as_text(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(GOOD, encoding="utf-8")
    result = check_letter(read_letter(letter), _job(_profile()))
    assert result.missing == () and result.mismatches == ()
    assert result.noc_duties_total == 7 and 2 <= len(result.noc_duties_covered) < 7
    assert result.copied == ()


def test_a_docx_letter_that_differs_from_the_file(tmp_path: Path) -> None:
    document = Document()
    for line in (
        GOOD.replace("1 July 2018 to date", "March 3, 2019 to date")
        .replace("40 hours", "45 hours")
        .splitlines()
    ):
        document.add_paragraph(line)
    document.add_paragraph("Design, write, read, test, and correct code for new software")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    result = check_letter(read_letter(path), _job(_profile()))
    assert result.missing == ()
    fields = {(m.field, m.in_file, m.in_letter) for m in result.mismatches}
    assert ("dates", "2018-07", "2019-03") in fields
    assert ("hours_per_week", "40", "45") in fields
    assert result.copied == ("Design, write, read, test, and correct code for new software",)


def test_a_pdf_letter_missing_fields(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    lines = [
        "Acme Ltd",
        "Asha Rao worked with us from 2018-07-01 and still works here.",
        "She wrote programs for our online shop and fixed the bugs customers reported.",
        "Best wishes.",
    ]
    for number, line in enumerate(lines):
        page.drawString(72, 750 - 20 * number, line)
    page.save()
    path = tmp_path / "letter.pdf"
    path.write_bytes(buffer.getvalue())
    result = check_letter(read_letter(path), _job(_profile()))
    assert result.missing == (
        "employer_contact",
        "signatory",
        "job_title",
        "hours_per_week",
        "salary",
        "duties",
    )
    assert result.mismatches == ()


def test_a_scanned_letter_cannot_be_read(tmp_path: Path) -> None:
    from PIL import Image

    scan = tmp_path / "scan.png"
    Image.new("RGB", (60, 80), "white").save(scan)
    with pytest.raises(CannotReadText):
        read_letter(scan)
    from reportlab.pdfgen import canvas

    empty = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(empty))
    page.rect(10, 10, 100, 100)
    page.save()
    with pytest.raises(CannotReadText):
        read_letter(empty)


def test_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _profile_, path = _two_positions(tmp_path)
    out = tmp_path / "draft.pdf"
    assert main(["letter", "reference", str(path), "--job", "2", "-o", str(out)]) == 0
    assert "Junior developer" in PdfReader(out).pages[0].extract_text()
    letter = tmp_path / "letter.txt"
    letter.write_text(GOOD, encoding="utf-8")
    capsys.readouterr()
    assert main(["letter", "check", str(letter), str(path), "--job", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["missing"] == [] and report["mismatches"] == []
    assert report["noc_duties_total"] == 7 and report["noc_duties_covered"] >= 2
    # Job 2 (the junior position) has other dates and hours than this letter.
    assert main(["letter", "check", str(letter), str(path), "--job", "2"]) == 0
    text = capsys.readouterr().out
    assert "dates: file 2016-05" in text and "hours_per_week: file 37.5; letter 40" in text
    scan = tmp_path / "scan.jpg"
    from PIL import Image

    Image.new("RGB", (20, 20)).save(scan)
    assert main(["letter", "check", str(scan), str(path), "--job", "1"]) == 1
    assert "cannot read text: check by hand" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["reference", "FILE", "--job", "4", "-o", "x.pdf"], "--job: got 4; expected 1 to 3"),
        (
            ["reference", "FILE", "--job", "1", "--person", "spouse", "-o", "x.pdf"],
            "work history is empty",
        ),
        (
            ["reference", "FILE", "--job", "1", "-o", "x.odt"],
            "expected a file name ending in .docx or .pdf",
        ),
        (["check", "missing.pdf", "FILE", "--job", "1"], "cannot read the file"),
        (["check", "bad.pdf", "FILE", "--job", "1"], "not a PDF that can be read"),
        (["check", "bad.docx", "FILE", "--job", "1"], "not a DOCX file that can be read"),
        (["check", "letter.odt", "FILE", "--job", "1"], "expected a PDF, a DOCX or a text file"),
        (["check", "missing.pdf", "nofile.json", "--job", "1"], "nofile.json"),
        (["check", "bad.pdf", "FILE", "--job", "0"], "expected the job's number"),
    ],
)
def test_bad_input_exits_2(
    arguments: list[str],
    problem: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _profile_, path = _two_positions(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    (tmp_path / "bad.docx").write_bytes(b"not a docx")
    (tmp_path / "letter.odt").write_bytes(b"x")
    arguments = [str(path) if a == "FILE" else a for a in arguments]
    try:
        status = main(["letter", *arguments])
    except SystemExit as exc:
        status = exc.code  # type: ignore[assignment]
    assert status == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()
