"""The draft of an employment reference letter, for the employer to put on letterhead, with
every field IRCC asks for: the employer's contact details, the signatory's name and title,
every position the person held there with its dates, hours per week, salary and benefits, and
the main duties. The file's dates and hours are filled in; what only the employer knows is
left as a blank to fill. The job's NOC main duties come in a separate note, to compare with
what the person really did: the letter must describe the real duties, not copy the NOC.

Written as DOCX (python-docx, for the employer to edit) or PDF (reportlab).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ee_desktop.i18n import _, format_date, format_number
from ee_desktop.letters import LetterError, job_at, person_jobs
from ee_desktop.noc import noc_index
from ee_desktop.noc.duties import attribution, duties_language_note, main_duties
from ee_desktop.profile import Profile
from ee_desktop.profile.model import Job

BLANK = "________________"
SHORT_BLANK = "__________"


@dataclass(frozen=True, slots=True)
class Position:
    title: str
    start: date
    end: date | None
    hours_per_week: float


@dataclass(frozen=True, slots=True)
class ReferenceDraft:
    person: str
    employer: str
    positions: tuple[Position, ...]  # every position held with this employer, oldest first
    noc_code: str
    noc_title: str
    noc_duties: tuple[str, ...]


def reference_draft(profile: Profile, person: str, number: int) -> ReferenceDraft:
    """The draft for job ``number`` of ``person``: every job of the file with the same
    employer is a position of the letter."""
    name, job = job_at(profile, person, number)
    _name, jobs = person_jobs(profile, person)
    same = [j for j in jobs if _same_employer(j, job)]
    positions = tuple(
        Position(j.title, j.start, j.end, j.hours_per_week)
        for j in sorted(same, key=lambda j: j.start)
    )
    occupation = noc_index().get(job.noc_code)
    return ReferenceDraft(
        name,
        job.employer,
        positions,
        job.noc_code,
        occupation.title() if occupation else "",
        main_duties(job.noc_code),
    )


def _same_employer(a: Job, b: Job) -> bool:
    return " ".join(a.employer.casefold().split()) == " ".join(b.employer.casefold().split())


def _day(day: date | None) -> str:
    return format_date(day) if day is not None else _("present")


def _hours(hours: float) -> str:
    return format_number(hours)


@dataclass(frozen=True, slots=True)
class Block:
    """One part of the letter: a heading (may be empty), a table, paragraphs, a list."""

    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # the first row is the header
    items: tuple[str, ...] = ()
    note: bool = False  # for the employer's eyes: not part of the letter


def letter_blocks(draft: ReferenceDraft) -> list[Block]:
    """The letter, part by part, in the app's language."""
    latest = draft.positions[-1]
    blocks = [
        Block(
            _("[Print on the company's letterhead]"),
            (
                _("Company name: {employer}").format(employer=draft.employer),
                _("Address: {blank}").format(blank=BLANK),
                _("Telephone: {blank}").format(blank=BLANK),
                _("Email: {blank}").format(blank=BLANK),
                _("Website: {blank}").format(blank=BLANK),
                _("Date: {blank}").format(blank=BLANK),
            ),
        ),
        Block(
            _("Employment reference letter"),
            (
                _("To Immigration, Refugees and Citizenship Canada (IRCC)"),
                _(
                    "This letter confirms that {person} has worked for {employer} in the "
                    "positions below."
                ).format(person=draft.person, employer=draft.employer),
            ),
        ),
        Block(
            _("Positions held"),
            table=(
                (
                    _("Job title"),
                    _("From"),
                    _("To"),
                    _("Hours per week"),
                    _("Annual salary"),
                    _("Benefits"),
                ),
                *(
                    (
                        p.title,
                        _day(p.start),
                        _day(p.end),
                        _hours(p.hours_per_week),
                        SHORT_BLANK,
                        SHORT_BLANK,
                    )
                    for p in draft.positions
                ),
            ),
            paragraphs=(
                _(
                    "Salary: the amount and currency per year, or per hour with the hours "
                    "paid. Benefits: health insurance, bonus, housing, or none."
                ),
            ),
        ),
        Block(
            _("Main duties as {title}").format(title=latest.title),
            paragraphs=(
                _(
                    "[Describe, in your own words, the duties {person} really performed, "
                    "one per line.]"
                ).format(person=draft.person),
            ),
            items=(BLANK * 2,) * 6,
        ),
        Block(
            "",
            (
                _(
                    "For any question about this letter, please contact me at the telephone "
                    "number or email address above."
                ),
                _("Signature: {blank}").format(blank=BLANK),
                _("Name of the signatory: {blank}").format(blank=BLANK),
                _("Title of the signatory: {blank}").format(blank=BLANK),
                _("Telephone: {blank}   Email: {blank}").format(blank=BLANK),
            ),
        ),
    ]
    if draft.noc_duties:
        blocks.append(
            Block(
                _("Note for the employer: remove this page before signing"),
                (
                    _(
                        "The person chose NOC {code} ({title}) for this job. For comparison "
                        "only, here are the main duties ESDC lists for it. The letter must "
                        "describe the duties the person really performed, in your own "
                        "words: do not copy this list."
                    ).format(code=draft.noc_code, title=draft.noc_title),
                    *(note for note in (duties_language_note(),) if note),
                ),
                items=draft.noc_duties,
                note=True,
            )
        )
        blocks.append(Block("", (attribution(),), note=True))
    return blocks


def write_reference(draft: ReferenceDraft, path: Path) -> None:
    """The draft as DOCX or PDF, by the suffix of ``path``."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        data = _docx(letter_blocks(draft))
    elif suffix == ".pdf":
        data = _pdf(letter_blocks(draft))
    else:
        raise LetterError(
            _("{path}: expected a file name ending in .docx or .pdf").format(path=path)
        )
    from ee_desktop.files import write_bytes_atomically

    write_bytes_atomically(path, data)


def _docx(blocks: list[Block]) -> bytes:
    import io

    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    for block in blocks:
        if block.note and block.heading:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if block.heading:
            document.add_heading(block.heading, level=2)
        if block.table:
            table = document.add_table(rows=0, cols=len(block.table[0]))
            table.style = "Table Grid"
            for number, row in enumerate(block.table):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
                    if number == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        for text in block.paragraphs:
            document.add_paragraph(text)
        for item in block.items:
            document.add_paragraph(item, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(blocks: list[Block]) -> bytes:
    import io
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from ee_desktop.report.layout import BOLD, FONT, register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    heading = ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=12, spaceBefore=8)
    story: list[object] = []
    for block in blocks:
        if block.note and block.heading:
            story.append(PageBreak())
        if block.heading:
            story.append(Paragraph(escape(block.heading), heading))
        if block.table:
            rows = [[Paragraph(escape(text), cell) for text in row] for row in block.table]
            table = Table(
                rows, repeatRows=1, colWidths=[40 * mm, 26 * mm, 26 * mm, 18 * mm, 28 * mm, 32 * mm]
            )
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 4 * mm))
        story.extend(Paragraph(escape(text), body) for text in block.paragraphs)
        if block.items:
            story.append(
                ListFlowable(
                    [Paragraph(escape(item), body) for item in block.items],
                    bulletType="bullet",
                    bulletFontName=FONT,
                )
            )
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=_("Employment reference letter"),
        invariant=True,
    ).build(story)
    return out.getvalue()
