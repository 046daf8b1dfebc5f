"""One checklist item's attachments → the bytes of one PDF, and the problems found.

The attachments go in by name (no attachment is marked as a letter of explanation, so a
user who wants theirs first names it so: "00 letter.pdf"), except that a file marked as a
translation goes right after the original it translates (the file marked as not in English
or French whose name has most in common with it). A document not in English or
French with no translation attached is a problem; its PDF is still made.

Images become pages (images.py), PDFs are merged whole (pdfs.py). Images are stored at JPEG
quality 85, then 75, 60 and 45 until the whole PDF fits the limit; a PDF is never
re-encoded, so one that alone exceeds the limit is left out with a problem. A file that
cannot go in (HEIC, a password, damage, an unknown format) is left out with a problem; the
item's other files still make its PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

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
    other_language: bool = False  # not in English or French
    translation: bool = False  # a certified translation (with the translator's affidavit)


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


def _by_name(source: Source) -> tuple[str, str]:
    return source.name.casefold(), source.name


def _in_common(a: str, b: str) -> int:
    """The length of the longest run of characters two file names (without their
    extension) have in common, whatever the case."""
    x, y = Path(a).stem.casefold(), Path(b).stem.casefold()
    return SequenceMatcher(None, x, y, autojunk=False).find_longest_match().size


def in_order(sources: Sequence[Source]) -> list[Source]:
    """By name, each translation right after the original it belongs to: the file not in
    English or French whose name has the longest run of characters in common with it (the
    first by name on a tie); translations with no such original keep their place by name."""
    translations = sorted((s for s in sources if s.translation), key=_by_name)
    others = sorted((s for s in sources if not s.translation), key=_by_name)
    originals = [s for s in others if s.other_language]
    following: dict[int, list[Source]] = {}
    loose: list[Source] = []
    for translation in translations:
        if not originals:
            loose.append(translation)
            continue
        best = max(originals, key=lambda o: _in_common(o.name, translation.name))
        following.setdefault(id(best), []).append(translation)
    ordered: list[Source] = []
    for source in sorted([*others, *loose], key=_by_name):
        ordered.append(source)
        ordered.extend(following.get(id(source), ()))
    return ordered


def language_problems(sources: Sequence[Source]) -> list[str]:
    """Documents not in English or French while no file of the item is a translation."""
    if any(s.translation for s in sources):
        return []
    return [
        _(
            "“{name}” is not in English or French and no translation is attached: attach the "
            "certified translation and the translator's affidavit, marked as a translation"
        ).format(name=s.name)
        for s in sorted(sources, key=_by_name)
        if s.other_language
    ]


def build_item(sources: Sequence[Source], max_bytes: int) -> BuiltItem:
    """The item's PDF, at most ``max_bytes``, with a problem for each file left out and for
    each document not in English or French without a translation."""
    problems: list[str] = language_problems(sources)
    parts: list[bytes | list[Image.Image]] = []
    for source in in_order(sources):
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
