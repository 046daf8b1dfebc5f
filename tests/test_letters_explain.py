"""Letters of explanation: filled from the file, written as DOCX or PDF, and attached to
the checklist item they explain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from ee_desktop.cli import main
from ee_desktop.letters import LetterError
from ee_desktop.letters.explain import explanation
from tests.history.history_helpers import AS_OF, family, family_data


def test_a_gap_letter_names_each_open_period() -> None:
    data = family_data()
    del data["applicant"]["personal_history"][1]
    letter = explanation("gap", family(data), AS_OF)
    assert letter.slot is None
    assert "Meera Iyer" in letter.text and "from " in letter.text and "[…]" in letter.text
    with pytest.raises(LetterError, match="no gap to explain"):
        explanation("gap", family(), AS_OF)


def test_names_police_reference_and_funds_letters_go_to_their_items() -> None:
    profile = family()
    names = explanation("names", profile, AS_OF)
    assert names.slot == "passport:applicant"
    other = profile.applicant.background.other_names[0]
    assert other.family_name in names.text
    police = explanation("police", profile, AS_OF, country="AE")
    assert police.slot == "police:applicant:AE" and "United Arab Emirates" in police.text
    reference = explanation("reference", profile, AS_OF, job=1)
    job = profile.applicant.work_history[0]
    assert reference.slot is not None and reference.slot.startswith("reference_letter:applicant:")
    assert job.employer in reference.text and job.title in reference.text
    with pytest.raises(LetterError, match="no deposit to explain"):
        explanation("funds", profile, AS_OF)
    with pytest.raises(LetterError, match="--country"):
        explanation("police", profile, AS_OF)


def test_the_letter_is_written_as_docx_or_pdf_and_attached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "family.json"
    source.write_text(json.dumps(family_data()), encoding="utf-8")
    docx = tmp_path / "names.docx"
    assert main(["letter", "explain", "names", str(source), "-o", str(docx)]) == 0
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Letter of explanation: my names" in text and "IRCC" in text
    pdf = tmp_path / "police.pdf"
    assert (
        main(["letter", "explain", "police", str(source), "--country", "in", "-o", str(pdf)]) == 0
    )
    assert "India" in PdfReader(str(pdf)).pages[0].extract_text()
    capsys.readouterr()
    assert main(["import", str(source)]) == 0
    attached = tmp_path / "police-letter.pdf"
    assert (
        main(["letter", "explain", "police", "--country", "IN", "-o", str(attached), "--attach"])
        == 0
    )
    assert "Attached police-letter.pdf" in capsys.readouterr().out
    assert main(["checklist", "--json"]) == 0
    items: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["items"]
    police = next(i for i in items if i["key"] == "police:applicant:IN")
    assert any("police-letter.pdf" in json.dumps(a) for a in police.get("attachments", [])), police


def test_bad_requests_exit_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "family.json"
    source.write_text(json.dumps(family_data()), encoding="utf-8")
    assert main(["letter", "explain", "gap", str(source), "-o", str(tmp_path / "x.docx")]) == 2
    assert "no gap to explain" in capsys.readouterr().err
    assert main(["letter", "explain", "names", str(source), "-o", str(tmp_path / "x.txt")]) == 2
    assert "expected a file name ending in .docx or .pdf" in capsys.readouterr().err
