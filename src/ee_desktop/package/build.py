"""One checklist item's attachments → the bytes of one PDF, and the problems found.

The attachments go in by name (no attachment is marked as a letter of explanation, so a
user who wants theirs first names it so: "00 letter.pdf"). Images become pages (images.py),
PDFs are merged whole (pdfs.py). Images are stored at JPEG quality 85, then 75, 60 and 45
until the whole PDF fits the limit; a PDF is never re-encoded, so one that alone exceeds
the limit is left out with a problem. A file that cannot go in (HEIC, a password, damage,
an unknown format) is left out with a problem; the item's other files still make its PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from ee_desktop.i18n import _
from ee_desktop.package import images, pdfs

DEFAULT_MAX_MB = 4.0  # IRCC's portal takes at most 4 MB per file
MB = 1_000_000  # a decimal megabyte: a little under the portal's limit, whichever it means
QUALITIES = (85, 75, 60, 45)


@dataclass(frozen=True, slots=True)
class Source:
    """An attached file: its name as the user knows it and its content."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class BuiltItem:
    pdf: bytes | None  # None when nothing could go in, or it cannot fit the limit
    pages: int
    problems: tuple[str, ...]
    quality: int | None = None  # the JPEG quality of its images, None without images


def megabytes(size: float) -> str:
    """2.5 for 2_500_000 bytes; 4 for 4.0."""
    return f"{size / MB:.1f}".removesuffix(".0")


def _problem_of(name: str, data: bytes, limit: int) -> tuple[str | None, object]:
    """(problem, part): the part is the clean PDF bytes or the image pages."""
    if images.is_heif(data):
        return _(
            "{name}: phone format HEIC: save it as JPEG (on iPhone: Settings > Camera > "
            "Formats > Most Compatible) and attach again"
        ).format(name=name), None
    if pdfs.is_pdf(data):
        try:
            clean, _pages = pdfs.clean_copy(data)
        except pdfs.PdfProblem as exc:
            if exc.kind == "password":
                return _(
                    "{name}: password-protected: remove the password (print to PDF) and "
                    "attach again"
                ).format(name=name), None
            return _(
                "{name}: the PDF is damaged and cannot be read: attach a good copy again"
            ).format(name=name), None
        if len(clean) > limit:
            return _(
                "{name}: cannot fit in {limit} MB ({size} MB even compressed): ask for a "
                "smaller copy, or scan it again at a lower resolution"
            ).format(name=name, limit=megabytes(limit), size=megabytes(len(clean))), None
        return None, clean
    try:
        return None, images.load_pages(data)
    except images.ImageProblem:
        return _(
            "{name}: not a PDF or an image that can be read (JPEG, PNG, WebP, TIFF, BMP): "
            "save it as PDF or JPEG and attach again"
        ).format(name=name), None


def build_item(sources: Sequence[Source], max_bytes: int) -> BuiltItem:
    """The item's PDF, at most ``max_bytes``, with a problem for each file left out."""
    problems: list[str] = []
    parts: list[bytes | list[Image.Image]] = []
    for source in sorted(sources, key=lambda s: (s.name.casefold(), s.name)):
        problem, part = _problem_of(source.name, source.data, max_bytes)
        if problem is not None:
            problems.append(problem)
        elif isinstance(part, bytes | list):
            parts.append(part)
    if not parts:
        return BuiltItem(None, 0, tuple(problems))
    has_images = any(isinstance(p, list) for p in parts)
    size = 0
    for quality in QUALITIES if has_images else (None,):
        try:
            pieces = [
                p if isinstance(p, bytes) else images.pages_pdf(p, quality or QUALITIES[0])
                for p in parts
            ]
            pdf, pages = pdfs.merge(pieces)
        except Exception:  # noqa: BLE001 - reported on the item, never a crash
            problems.append(
                _("the files could not be put together in one PDF: attach them as PDF or JPEG")
            )
            return BuiltItem(None, 0, tuple(problems))
        if len(pdf) <= max_bytes:
            return BuiltItem(pdf, pages, tuple(problems), quality)
        size = len(pdf)
    problems.append(
        _(
            "cannot fit in {limit} MB ({size} MB even compressed): attach fewer pages, or "
            "split the documents over several uploads"
        ).format(limit=megabytes(max_bytes), size=megabytes(size))
    )
    return BuiltItem(None, 0, tuple(problems))
