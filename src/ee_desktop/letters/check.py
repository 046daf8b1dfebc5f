"""The check of an employment reference letter received: its text is read (a PDF with text,
a DOCX or plain text; a scanned image cannot be read and is to be checked by hand), the fields
IRCC asks for are looked for, the dates, hours and title are compared with the personal file,
and the job's NOC main duties are compared with the duties the letter describes.

Finding a field is a heuristic on the words of the letter, said as such to the user: a field
reported missing may be written in an unusual way; the report says where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ee_desktop.i18n import _
from ee_desktop.letters import LetterError
from ee_desktop.noc.duties import main_duties
from ee_desktop.noc.match import MATCH_THRESHOLD, duty_lines, fold, match_index
from ee_desktop.profile.model import Job

FIELDS = (
    "employer_contact",
    "signatory",
    "job_title",
    "dates",
    "hours_per_week",
    "salary",
    "duties",
)
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif"}
)
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
MAX_BYTES = 30_000_000


class CannotReadText(Exception):
    """A scanned letter (an image, or a PDF without text): to be checked by hand."""


def read_letter(path: Path) -> str:
    """The text of the letter. CannotReadText for an image or a PDF without text; LetterError
    for a file that cannot be read or is of another kind."""
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LetterError(_("{path}: the file is too large for a letter").format(path=path))
        if suffix in IMAGE_SUFFIXES:
            raise CannotReadText
        if suffix == ".pdf":
            text = _pdf_text(path)
        elif suffix == ".docx":
            text = _docx_text(path)
        elif suffix in TEXT_SUFFIXES:
            data = path.read_bytes()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
        else:
            raise LetterError(
                _("{path}: expected a PDF, a DOCX or a text file (.txt)").format(path=path)
            )
    except OSError as exc:
        raise LetterError(
            _("{path}: cannot read the file ({reason})").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 5:
        raise CannotReadText
    return text


def _pdf_text(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # its warnings on a damaged file: the error says it
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LetterError(_("{path}: the PDF is protected by a password").format(path=path))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise LetterError(
            _("{path}: not a PDF that can be read ({reason})").format(path=path, reason=exc)
        ) from None
    finally:
        pypdf_log.setLevel(level)


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LetterError(
            _("{path}: not a DOCX file that can be read ({reason})").format(path=path, reason=exc)
        ) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("  ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Mismatch:
    field: str  # dates, hours_per_week, job_title
    in_file: str
    in_letter: str

    def as_json(self) -> dict[str, str]:
        return {"field": self.field, "file": self.in_file, "letter": self.in_letter}


@dataclass(frozen=True, slots=True)
class LetterCheck:
    missing: tuple[str, ...]  # ids from FIELDS
    mismatches: tuple[Mismatch, ...]
    noc_code: str
    noc_duties_covered: tuple[str, ...]  # the NOC main duties the letter's duties match
    noc_duties_total: int
    copied: tuple[str, ...] = ()  # the letter's lines that repeat a NOC duty word for word

    def as_json(self) -> dict[str, object]:
        return {
            "readable": True,
            "missing": list(self.missing),
            "mismatches": [m.as_json() for m in self.mismatches],
            "noc_code": self.noc_code,
            "noc_duties_covered": len(self.noc_duties_covered),
            "noc_duties_total": self.noc_duties_total,
            "covered_duties": list(self.noc_duties_covered),
            "copied_from_noc": list(self.copied),
        }


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "janv"),
            ("february", "feb", "fevrier", "fevr"),
            ("march", "mar", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juin"),
            ("july", "jul", "juillet", "juil"),
            ("august", "aug", "aout"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_NAMED_DMY = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th|er)?\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b")
_NAMED_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_ONGOING = re.compile(
    r"\b(present|to date|till date|until now|currently|current|still|continues|ongoing|"
    r"aujourd'hui|ce jour|actuellement)\b"
)
_PHONE = re.compile(r"(?:\+|\b)\d[\d\s().-]{7,}\d\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_SIGN_OFF = re.compile(
    r"\b(sincerely|regards|signature|signed|yours truly|yours faithfully|signatory|"
    r"cordialement|authorized by|authorised by)\b"
)
_SIGNER_TITLE = re.compile(
    r"\b(manager|director|supervisor|human resources|hr|president|owner|officer|ceo|cfo|cto|"
    r"head|partner|founder|administrator|chief|directeur|directrice|gestionnaire)\b"
)
_TITLE_WORDS = re.compile(
    r"\b(position|job title|designation|employed as|worked as|working as|works as|role|title|"
    r"poste)\b"
)
_HOURS = re.compile(
    r"(\d{1,3}(?:[.,]\d+)?)\s*(?:hours|hrs|hr|h|heures)\b[^.\n]{0,25}?"
    r"\b(?:per|a|each|every|/|par)?\s*(?:week|wk|semaine)"
)
_SALARY = re.compile(
    r"((salary|wage|wages|pay|paid|remuneration|compensation|ctc|salaire|per annum|annual|"
    r"per year|per month|per hour)\b[^\n]{0,60}\d)|"
    r"([$€£₹¥]\s*\d)|(\b(cad|usd|inr|eur|gbp|aed|php|cny|rs|ngn|pkr)\.?\s*\d)|(\d\s*(cad|usd|inr|eur|gbp|aed|php|rupees|dollars)\b)"
)
_DUTY_WORDS = re.compile(r"\b(duties|responsibilities|responsible for|tasks|fonctions|taches)\b")


def _found_dates(text: str) -> list[tuple[int, int]]:
    """(year, month) of each date written in the letter."""
    found: list[tuple[int, int]] = []
    for match in _ISO.finditer(text):
        found.append((int(match[1]), int(match[2])))
    for match in _NUMERIC.finditer(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        # day/month (most of the world) or month/day: keep each reading that is a month
        for month in {second, first}:
            if 1 <= month <= 12:
                found.append((year, month))
    for match in _NAMED_DMY.finditer(text):
        found.append((int(match[3]), _MONTHS[match[2]]))
    for match in _NAMED_MDY.finditer(text):
        found.append((int(match[3]), _MONTHS[match[1]]))
    return [(y, m) for y, m in found if 1900 <= y <= 2100 and 1 <= m <= 12]


_HOURS_LABEL = re.compile(
    r"\b(?:hours|heures)\s*(?:per|a|/|par)\s*(?:week|semaine)\s*[:=-]?\s*(\d{1,3}(?:[.,]\d+)?)\b"
)


def _hours_found(text: str) -> list[float]:
    found = [m[1] for m in _HOURS.finditer(text)] + [m[1] for m in _HOURS_LABEL.finditer(text)]
    return [float(value.replace(",", ".")) for value in found]


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def check_letter(text: str, job: Job) -> LetterCheck:
    """What the letter lacks, where it differs from ``job``, and how many of the job's NOC
    main duties its duties cover."""
    folded = fold(text)
    missing: list[str] = []
    mismatches: list[Mismatch] = []
    phones = (m[0] for m in _PHONE.finditer(text))
    if not (any(sum(c.isdigit() for c in p) >= 9 for p in phones) or _EMAIL.search(text)):
        missing.append("employer_contact")
    if not (_SIGN_OFF.search(folded) and _SIGNER_TITLE.search(folded)):
        missing.append("signatory")
    title = " ".join(fold(job.title).split())
    title_found = bool(title) and title in " ".join(folded.split())
    if not title_found:
        if _TITLE_WORDS.search(folded):
            mismatches.append(Mismatch("job_title", job.title, _("not found in the letter")))
        else:
            missing.append("job_title")
    dates = _found_dates(folded)
    if not dates:
        missing.append("dates")
    else:
        months = {(y, m) for y, m in dates}
        if (job.start.year, job.start.month) not in months:
            mismatches.append(
                Mismatch(
                    "dates",
                    _month(job.start),
                    ", ".join(sorted({f"{y:04d}-{m:02d}" for y, m in months})),
                )
            )
        if job.end is None:
            if not _ONGOING.search(folded):
                mismatches.append(
                    Mismatch("dates", _("still employed"), _("no mention that the job continues"))
                )
        elif (job.end.year, job.end.month) not in months:
            mismatches.append(
                Mismatch(
                    "dates",
                    _month(job.end),
                    ", ".join(sorted({f"{y:04d}-{m:02d}" for y, m in months})),
                )
            )
    hours = _hours_found(folded)
    if not hours:
        missing.append("hours_per_week")
    elif not any(abs(h - job.hours_per_week) < 0.01 for h in hours):
        mismatches.append(
            Mismatch(
                "hours_per_week",
                f"{job.hours_per_week:g}",
                ", ".join(f"{h:g}" for h in hours),
            )
        )
    if not _SALARY.search(folded):
        missing.append("salary")
    lines = [line for line in duty_lines(text) if len(line.split()) >= 3]
    if not _DUTY_WORDS.search(folded):
        missing.append("duties")
    covered = _covered(lines, job.noc_code)
    return LetterCheck(
        tuple(f for f in FIELDS if f in missing),
        tuple(mismatches),
        job.noc_code,
        covered,
        len(main_duties(job.noc_code)),
        _copied(lines),
    )


def _copied(lines: list[str]) -> tuple[str, ...]:
    """The lines that are a NOC main duty or lead statement, word for word."""
    from ee_desktop.noc.match import copied_lines

    return tuple(copy.line for copy in copied_lines(lines))


def _covered(lines: list[str], code: str) -> tuple[str, ...]:
    """The NOC main duties of ``code`` that one of the letter's lines matches."""
    duties = main_duties(code)
    if not duties or not lines:
        return ()
    index = match_index()
    best: dict[str, float] = {}
    for line in lines:
        for doc_index, similarity in index.similarities(index.vector(line)).items():
            document = index.documents[doc_index]
            if document.code == code and not document.is_lead:
                best[document.text] = max(best.get(document.text, 0.0), similarity)
    return tuple(duty for duty in duties if best.get(duty, 0.0) >= MATCH_THRESHOLD)
