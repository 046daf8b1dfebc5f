"""Writing a letter, part by part, as DOCX (python-docx, to edit) or PDF (reportlab)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ee_desktop.i18n import _
from ee_desktop.letters import LetterError


@dataclass(frozen=True, slots=True)
class Block:
    """One part of the letter: a heading (may be empty), a table, paragraphs, a list."""

    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # the first row is the header
    items: tuple[str, ...] = ()
    note: bool = False  # for the employer's eyes: not part of the letter


def letter_bytes(blocks: list[Block], suffix: str, title: str) -> bytes:
    """The letter as DOCX (``.docx``) or PDF (``.pdf``)."""
    if suffix == ".docx":
        return _docx(blocks)
    return _pdf(blocks, title)


def write_letter(blocks: list[Block], path: Path, title: str) -> None:
    """The letter as DOCX or PDF, by the suffix of ``path``."""
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise LetterError(
            _("{path}: expected a file name ending in .docx or .pdf").format(path=path)
        )
    from ee_desktop.files import write_bytes_atomically

    write_bytes_atomically(path, letter_bytes(blocks, suffix, title))


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


def _pdf(blocks: list[Block], title: str) -> bytes:
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
            widths = [40 * mm, 26 * mm, 26 * mm, 18 * mm, 28 * mm, 32 * mm]
            table = Table(rows, repeatRows=1, colWidths=widths if len(rows[0]) == 6 else None)
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
        title=title,
        invariant=True,
    ).build(story)
    return out.getvalue()
