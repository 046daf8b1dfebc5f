"""One checklist item's attachments to one PDF: images downsampled and recompressed to fit,
PDFs merged, and each file that cannot go in reported, never raised."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from ee_desktop.package import Source, build_item, file_name, prepare_folder
from ee_desktop.package.build import MB, QUALITIES
from ee_desktop.package.images import load_pages
from ee_desktop.package.output import FolderError
from tests.package.inputs import (
    HEIC,
    damaged_pdf,
    encrypted_pdf,
    photo_12mp,
    png,
    two_page_pdf,
)


def _pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_12_megapixel_photo_fits_in_2_mb_with_the_other_files(tmp_path: Path) -> None:
    photo = photo_12mp(tmp_path / "photo.jpg").read_bytes()
    assert len(photo) > 8 * MB
    sources = [
        Source("b-photo.jpg", photo),
        Source("a-scan.png", png(tmp_path / "scan.png").read_bytes()),
        Source("c-statement.pdf", two_page_pdf()),
    ]
    built = build_item(sources, 2 * MB)
    assert built.pdf is not None and built.problems == ()
    assert len(built.pdf) <= 2 * MB
    assert built.pages == _pages(built.pdf) == 4
    assert built.quality in QUALITIES
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    assert "page 1" in reader.pages[2].extract_text()  # by name: scan, photo, statement
    # The photo's page: 2000 px at 200 dpi is 10 inches (720 points) wide.
    assert round(float(reader.pages[1].mediabox.width)) == 720


def test_a_photo_is_turned_upright_and_downsampled() -> None:
    image = Image.new("RGB", (3000, 1000), "white")
    exif = image.getexif()
    exif[0x0112] = 6  # rotated: shown turned by 90°
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    (page,) = load_pages(out.getvalue())
    assert page.size == (667, 2000)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("locked.pdf", encrypted_pdf(), "password-protected: remove the password"),
        ("broken.pdf", damaged_pdf(), "the PDF is damaged"),
        ("phone.heic", HEIC, "phone format HEIC: save it as JPEG"),
        ("notes.docx", b"PK\x03\x04 not an image", "save it as PDF or JPEG"),
    ],
)
def test_a_file_that_cannot_go_in_is_a_problem_and_the_others_still_do(
    name: str, data: bytes, words: str
) -> None:
    built = build_item([Source(name, data), Source("ok.pdf", two_page_pdf())], 4 * MB)
    assert built.pdf is not None and built.pages == 2
    (problem,) = built.problems
    assert problem.startswith(f"{name}: ") and words in problem


def test_an_owner_password_alone_does_not_stop_a_pdf() -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(two_page_pdf()))
    writer.encrypt(user_password="", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    built = build_item([Source("signed.pdf", out.getvalue())], 4 * MB)
    assert built.problems == () and built.pdf is not None
    assert not pypdf.PdfReader(io.BytesIO(built.pdf)).is_encrypted


def test_what_cannot_fit_is_a_problem_with_no_file(tmp_path: Path) -> None:
    photo = photo_12mp(tmp_path / "photo.jpg").read_bytes()
    built = build_item([Source("photo.jpg", photo)], int(0.2 * MB))
    assert built.pdf is None
    assert built.problems[0].startswith("cannot fit in 0.2 MB (")
    big_pdf = build_item([Source("photo.pdf", _photo_pdf(photo))], 1 * MB)
    assert big_pdf.pdf is None
    assert big_pdf.problems[0].startswith("photo.pdf: cannot fit in 1 MB (")


def _photo_pdf(photo: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(photo)).save(out, "PDF", quality=95)
    return out.getvalue()


def test_nothing_usable_gives_no_file() -> None:
    built = build_item([Source("phone.heic", HEIC)], 4 * MB)
    assert built.pdf is None and built.pages == 0 and len(built.problems) == 1


def test_file_names_say_which_slot() -> None:
    assert file_name(3, "passport:applicant", "Passport") == "03-passport-applicant.pdf"
    assert file_name(12, "custom:ab12", "Lettre d'explication (Élise)") == (
        "12-lettre-d-explication-elise.pdf"
    )
    assert file_name(1, "custom:ab12", "日本") == "01-item.pdf"


def test_the_folder_is_new_empty_or_a_previous_package(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    assert prepare_folder(folder) is True
    assert folder.stat().st_mode & 0o777 == 0o700
    (folder / "manifest.json").write_text("{}")
    (folder / "01-passport-applicant.pdf").write_bytes(b"%PDF-")
    assert prepare_folder(folder) is False
    assert list(folder.iterdir()) == []
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(FolderError, match="the folder is not empty"):
        prepare_folder(folder)
    assert (folder / "mine.txt").exists()
    with pytest.raises(FolderError, match="not a folder"):
        prepare_folder(folder / "mine.txt")


def test_a_failure_while_assembling_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from ee_desktop.package import pdfs

    def broken(_parts: object) -> tuple[bytes, int]:
        raise ValueError("unexpected")

    monkeypatch.setattr(pdfs, "merge", broken)
    built = build_item([Source("ok.pdf", two_page_pdf())], 4 * MB)
    assert built.pdf is None
    assert built.problems == (
        "the files could not be put together in one PDF: attach them as PDF or JPEG",
    )


def _first_words(pdf: bytes) -> list[str]:
    return [page.extract_text().split("\n")[0] for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _one_page(text: str) -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out)
    drawing.drawString(72, 720, text)
    drawing.showPage()
    drawing.save()
    return out.getvalue()


def test_a_document_in_another_language_without_translation_is_a_problem() -> None:
    sources = [
        Source("acte.pdf", _one_page("original"), other_language=True),
        Source("id.pdf", _one_page("english")),
    ]
    built = build_item(sources, 4 * MB)
    assert built.pdf is not None and built.pages == 2  # still made
    assert built.problems == (
        "“acte.pdf” is not in English or French and no translation is attached: attach the "
        "certified translation and the translator's affidavit, marked as a translation",
    )


def test_a_translation_goes_right_after_its_original_and_clears_the_problem() -> None:
    sources = [
        Source("b-acte.pdf", _one_page("original B"), other_language=True),
        Source("z-acte-b-translation.pdf", _one_page("translation B"), translation=True),
        Source("c-id.pdf", _one_page("english")),
        Source("a-diplome.pdf", _one_page("original A"), other_language=True),
        Source("a-diplome-en.pdf", _one_page("translation A"), translation=True),
    ]
    built = build_item(sources, 4 * MB)
    assert built.problems == ()
    assert built.pdf is not None
    assert _first_words(built.pdf) == [
        "original A",
        "translation A",
        "original B",
        "translation B",
        "english",
    ]


def test_a_translation_with_no_original_marked_keeps_its_place_by_name() -> None:
    sources = [
        Source("b.pdf", _one_page("b")),
        Source("a-en.pdf", _one_page("a translation"), translation=True),
    ]
    built = build_item(sources, 4 * MB)
    assert built.problems == () and built.pdf is not None
    assert _first_words(built.pdf) == ["a translation", "b"]
