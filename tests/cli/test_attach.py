"""`ee-desktop attach`, `detach` and `package`: the same vault as the Documents tab, and
the upload package with its manifest, in process (memory keyring)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from ee_desktop.cli import main
from tests.conftest import EXAMPLE
from tests.package.inputs import HEIC, damaged_pdf, encrypted_pdf, photo_12mp, two_page_pdf


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(EXAMPLE)]) == 0
    capsys.readouterr()


def _attachments(capsys: pytest.CaptureFixture[str], key: str) -> list[str]:
    assert main(["checklist", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    found: list[str] = next(i["attachments"] for i in items if i["key"] == key)
    return found


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.usefixtures("imported")
def test_attach_then_detach(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path / "passport.pdf", two_page_pdf())
    second = _write(tmp_path / "passport-back.pdf", b"%PDF-1.4 back")
    assert main(["attach", "passport:applicant", str(first), str(second)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Attached passport.pdf (2 KB) to “Passport: biographical page”")
    assert out[1].startswith("Attached passport-back.pdf (")
    # Shared with the profile item of the same document, as in the app.
    assert _attachments(capsys, "profile.passport:applicant") == [
        "passport.pdf",
        "passport-back.pdf",
    ]
    assert main(["detach", "passport:applicant", "passport.pdf"]) == 0
    assert "Removed passport.pdf" in capsys.readouterr().out
    assert _attachments(capsys, "passport:applicant") == ["passport-back.pdf"]


@pytest.mark.usefixtures("imported")
def test_bad_input_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path / "good.pdf", two_page_pdf())
    assert main(["attach", "no-such-key", str(good)]) == 2
    err = capsys.readouterr().err
    assert "no-such-key: no checklist item has this key" in err
    assert "checklist --json" in err
    assert main(["attach", "passport:applicant", str(good), str(tmp_path / "gone.pdf")]) == 2
    assert "gone.pdf: no such file" in capsys.readouterr().err
    assert main(["attach", "passport:applicant", str(tmp_path)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert _attachments(capsys, "passport:applicant") == []  # nothing attached on an error
    assert main(["detach", "passport:applicant", "good.pdf"]) == 2
    assert "good.pdf: not attached to “Passport: biographical page”" in capsys.readouterr().err
    assert main(["detach", "nope", "good.pdf"]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.usefixtures("imported")
def test_package_writes_one_pdf_per_item_and_a_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = photo_12mp(tmp_path / "photo.jpg")
    statement = _write(tmp_path / "statement.pdf", two_page_pdf())
    locked = _write(tmp_path / "locked.pdf", encrypted_pdf())
    broken = _write(tmp_path / "broken.pdf", damaged_pdf())
    phone = _write(tmp_path / "phone.heic", HEIC)
    assert main(["attach", "passport:applicant", str(photo), str(statement)]) == 0
    assert main(["attach", "funds:applicant", str(locked), str(broken), str(statement)]) == 0
    assert main(["attach", "photo:spouse", str(phone)]) == 0
    capsys.readouterr()

    out = tmp_path / "package"
    assert main(["package", "--stage", "application", "--max-mb", "2", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["stage"] == "application" and manifest["max_mb"] == 2
    files = {f["key"]: f for f in manifest["files"]}
    assert list(files) == ["passport:applicant", "funds:applicant", "photo:spouse"]
    for item in manifest["files"]:
        assert set(item) >= {"key", "file", "pages", "bytes", "problems"}
    passport = files["passport:applicant"]
    assert passport["file"] == "01-passport-applicant.pdf" and passport["pages"] == 3
    assert passport["bytes"] == (out / passport["file"]).stat().st_size <= 2_000_000
    assert passport["problems"] == []
    funds = files["funds:applicant"]
    assert funds["file"] == "02-funds-applicant.pdf" and funds["pages"] == 2
    assert [p.split(":")[0] for p in funds["problems"]] == ["broken.pdf", "locked.pdf"]
    spouse = files["photo:spouse"]
    assert spouse["file"] is None and spouse["pages"] == 0
    assert "phone format HEIC" in spouse["problems"][0]
    assert "not encrypted" in manifest["not_encrypted"]
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    lines = text.splitlines()
    assert lines[0].startswith("01-passport-applicant.pdf  3 pages, ")
    assert lines[1].startswith("02-funds-applicant.pdf  2 pages, ")
    assert "Problem with “Digital photo”: phone.heic: phone format HEIC" in text
    assert lines[-1] == manifest["not_encrypted"]

    # Again into the same folder: the previous package is replaced.
    assert main(["package", "--stage", "application", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "01-passport-applicant.pdf",
        "02-funds-applicant.pdf",
        "manifest.json",
    ]


@pytest.mark.usefixtures("imported")
def test_package_refuses_a_folder_in_use_and_a_bad_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = _write(tmp_path / "statement.pdf", two_page_pdf())
    assert main(["attach", "funds:applicant", str(statement)]) == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    assert main(["package", "-o", str(tmp_path / "mine")]) == 2
    assert "the folder is not empty" in capsys.readouterr().err
    assert main(["package", "-o", str(statement)]) == 2
    assert "not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["package", "--max-mb", "lots", "-o", str(tmp_path / "new")])
    assert exit_.value.code == 2
    assert "--max-mb: got 'lots'" in capsys.readouterr().err


@pytest.mark.usefixtures("imported")
def test_package_with_nothing_attached(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["package", "-o", str(tmp_path / "out")]) == 0
    assert "nothing to package" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("imported")
def test_attach_marks_other_language_and_translation_for_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _write(tmp_path / "releve.pdf", two_page_pdf())
    assert main(["attach", "funds:applicant", str(original), "--other-language"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(". (other language)")
    out = tmp_path / "first"
    assert main(["package", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    (funds,) = json.loads((out / "manifest.json").read_text())["files"]
    assert funds["file"] is not None and funds["pages"] == 2  # the PDF is still built
    assert funds["problems"] == [
        "“releve.pdf” is not in English or French and no translation is attached: attach the "
        "certified translation and the translator's affidavit, marked as a translation"
    ]
    assert "Problem with “" in text and "“releve.pdf” is not in English or French" in text

    translation = _write(tmp_path / "releve-en.pdf", two_page_pdf())
    assert main(["attach", "funds:applicant", str(translation), "--translation"]) == 0
    assert "(translation)" in capsys.readouterr().out
    second = tmp_path / "second"
    assert main(["package", "-o", str(second)]) == 0
    assert "not in English or French" not in capsys.readouterr().out
    (funds,) = json.loads((second / "manifest.json").read_text())["files"]
    assert funds["problems"] == [] and funds["pages"] == 4


@pytest.mark.usefixtures("imported")
def test_attach_prints_the_marks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both = _write(tmp_path / "both.pdf", two_page_pdf())
    plain = _write(tmp_path / "plain.pdf", two_page_pdf())
    assert main(["attach", "funds:applicant", str(both), "--other-language", "--translation"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(". (other language) (translation)")
    assert main(["attach", "funds:applicant", str(plain)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("”.")
