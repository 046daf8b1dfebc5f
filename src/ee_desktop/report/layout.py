"""Page geometry, fonts, styles, the page header and footer, and table builders."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ee_desktop.i18n import _

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": letter}
MARGIN = 15 * mm
HEADER_SPACE = 14 * mm  # between the top margin line and the frame
FOOTER_SPACE = 10 * mm
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#e8e8e8")
LABEL_SHADE = colors.HexColor("#f4f4f4")
MUTED = colors.HexColor("#555555")
ALERT = colors.HexColor("#b00020")

# A row taller than this (about half a page) may split across pages; a shorter one moves to
# the next page whole.
TALL_ROW = 300.0

_font_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register DejaVu once: a TrueType font that is embedded, so every name prints as typed
    (the standard PDF fonts cover Latin-1 only)."""
    global _fonts_ready
    with _font_lock:
        if _fonts_ready:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
        _fonts_ready = True


def text(value: object) -> str:
    """User text made safe for Paragraph markup (names may hold "&" or "<")."""
    return escape(str(value))


Group = list[Flowable]  # flowables printed on one page


class _Table(Table):  # type: ignore[misc]
    """A Table that splits between rows, and inside a row only when that row is tall (a very
    long note). reportlab would otherwise split a row wherever a line of it fits: after a page
    of rows, the repeated header and the first line of the next row at the foot of the page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        parts: list[Flowable] = self._splitRows(availHeight, doInRowSplit=False)
        if parts or not self.splitInRow:
            return parts
        row = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=True)
        if row < len(self._rowHeights) and self._rowHeights[row] > TALL_ROW:
            return list(super().split(availWidth, availHeight))
        return []


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    alert: ParagraphStyle
    warning: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    number: ParagraphStyle


def _styles() -> Styles:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9.2, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        alert=ParagraphStyle("alert", parent=cell, fontName=BOLD, textColor=ALERT),
        warning=ParagraphStyle("warning", parent=body, textColor=ALERT, spaceAfter=2),
        label=ParagraphStyle("label", parent=cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        # keepWithNext: a heading never ends a page without what it introduces.
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=6,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=8,
            spaceAfter=4,
        ),
        h3=ParagraphStyle(
            "h3", parent=body, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=4,
            spaceAfter=2, keepWithNext=1,
        ),
        number=ParagraphStyle("number", parent=cell, alignment=TA_RIGHT),
    )  # fmt: skip


@dataclass(frozen=True)
class Layout:
    """What the section builders need to know about the page."""

    paper: str
    width: float  # of the frame, in points
    styles: Styles

    def p(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.styles.cell)

    def section(self, title: str, groups: Sequence[Group], keep: int = 1) -> list[Flowable]:
        """A section: each group stays on one page, and the title on the page of the first
        ``keep`` groups. (KeepTogether must not nest: an inner one reports an endless height
        and the outer one then always starts a new page.)"""
        first = [Paragraph(text(title), self.styles.h2)]
        for group in groups[:keep]:
            first += group
        return [KeepTogether(first), *(KeepTogether(list(group)) for group in groups[keep:])]

    def subheading(self, title: str) -> Paragraph:
        return Paragraph(text(title), self.styles.h3)

    def paragraph(self, markup: str) -> Paragraph:
        return Paragraph(markup, self.styles.body)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        widths: Sequence[float],
        extra: Sequence[tuple[Any, ...]] = (),
        title: str | None = None,
    ) -> Table:
        """A table whose header row repeats on every page it spans; it breaks between rows
        (inside a row only when that row is taller than a page), and cells are Paragraphs so
        long text wraps instead of being clipped.

        A ``title`` is a row of the table itself, repeated with the header: a title can then
        never end a page alone, as a heading followed by a table can."""
        head = [Paragraph(text(h), self.styles.label) for h in header]
        top: list[list[object]] = []
        if title is not None:
            top = [[Paragraph(text(title), self.styles.h2)] + [""] * (len(header) - 1)]
        body = [[self._cell(value, numbers=True) for value in row] for row in rows]
        table = _Table(
            [*top, head, *body],
            colWidths=[self.width * w for w in widths],
            repeatRows=len(top) + 1,
            splitByRow=1,
            splitInRow=1,  # only a tall row (very long notes) splits inside: see _Table
            hAlign="LEFT",
        )
        first = len(top)
        style: list[tuple[Any, ...]] = [
            *_grid_style(first),
            ("BACKGROUND", (0, first), (-1, first), SHADE),
            *extra,
        ]
        if title is not None:
            style += [
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("TOPPADDING", (0, 0), (0, 0), 8),
            ]
        table.setStyle(TableStyle(style))
        return table

    def fields(
        self, pairs: Sequence[tuple[str, object]], columns: int = 2, label_share: float = 0.36
    ) -> Table:
        """Question/answer pairs, ``columns`` pairs to a row, as on a paper form; a label
        takes ``label_share`` of its pair's width."""
        rows: list[list[object]] = []
        for start in range(0, len(pairs), columns):
            row: list[object] = []
            for label, value in pairs[start : start + columns]:
                row += [Paragraph(text(label), self.styles.label), self._cell(value)]
            row += [""] * (2 * columns - len(row))
            rows.append(row)
        share = 1 / columns
        widths = [self.width * share * f for f in (label_share, 1 - label_share)] * columns
        table = _Table(rows, colWidths=widths, splitByRow=1, splitInRow=1, hAlign="LEFT")
        shade = [("BACKGROUND", (2 * i, 0), (2 * i, -1), LABEL_SHADE) for i in range(columns)]
        table.setStyle(TableStyle([*_grid_style(), *shade]))
        return table

    def block(self, title: str, pairs: Sequence[tuple[str, object]]) -> Group:
        """One entry (a job, a test): its title and its answers, for a section group."""
        return [self.subheading(title), self.fields(pairs), Spacer(1, 4)]

    def _cell(self, value: object, numbers: bool = False) -> object:
        if isinstance(value, Flowable | list):  # a list: several flowables in one cell
            return value
        if numbers and isinstance(value, int) and not isinstance(value, bool):
            # Points read down a column: aligned on the right, signs printed as minus.
            return Paragraph(text(value).replace("-", "\u2212"), self.styles.number)
        return Paragraph(text(value), self.styles.cell)


def _grid_style(first_row: int = 0) -> list[tuple[Any, ...]]:
    return [
        ("GRID", (0, first_row), (-1, -1), 0.4, GRID),
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # for plain-string cells; the default is Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def layout(paper: str) -> Layout:
    register_fonts()
    width, _height = PAGE_SIZES[paper]
    return Layout(paper, width - 2 * MARGIN, _styles())


@dataclass(frozen=True)
class PageHeader:
    name: str
    line: str  # "Generated on ... by ee-desktop, computed on this computer"
    title: str


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end so the footer can say "Page N of M" in one layout
    pass."""

    def __init__(self, header: PageHeader, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header = header
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for number, state in enumerate(self._saved, 1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        top, right = height - MARGIN, width - MARGIN
        small, name_size = 7.5, 10.0
        # The name gets the room the document title leaves; a very long one is set smaller.
        room = right - MARGIN - pdfmetrics.stringWidth(self._header.title, FONT, small) - 12
        name_width = pdfmetrics.stringWidth(self._header.name, BOLD, name_size)
        if name_width > room:
            name_size = max(5.0, name_size * room / name_width)
        self.saveState()
        self.setFont(BOLD, name_size)
        self.drawString(MARGIN, top, self._header.name)
        self.setFont(FONT, small)
        self.setFillColor(MUTED)
        self.drawRightString(right, top, self._header.title)
        self.drawString(MARGIN, top - 11, self._header.line)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, top - 15, right, top - 15)
        self.line(MARGIN, MARGIN + 4, right, MARGIN + 4)
        self.setFont(FONT, 8)
        self.setFillColor(colors.black)
        footer = _("Page {number} of {total}").format(number=number, total=total)
        self.drawRightString(right, MARGIN - 6, footer)
        self.restoreState()


def build_pdf(story: list[Flowable], paper: str, header: PageHeader) -> bytes:
    """Lay out ``story`` on ``paper`` and return the PDF."""
    size = PAGE_SIZES[paper]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE,
        bottomMargin=MARGIN + FOOTER_SPACE,
        title=f"{header.title} - {header.name}",
        author="",
        creator="ee-desktop",
        initialFontName=FONT,  # else every page also references Helvetica, unused
        invariant=1,  # no clock or random id in the file: same input, same bytes
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=partial(_NumberedCanvas, header))
    return buffer.getvalue()
