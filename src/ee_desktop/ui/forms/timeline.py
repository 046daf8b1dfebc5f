"""The month strip: one cell per month of a person's window, covered, gap or overlap, with a
tick and the year at each January. One strip for the personal history (months), one for the
places lived (days, shown per month: a month with a day lived nowhere is a gap)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolTip, QWidget

from ee_desktop.history.checks import PersonHistory
from ee_desktop.history.timeline import Span, month_index, month_start, months_covered
from ee_desktop.i18n import N_, _
from ee_desktop.profile.background_codec import month_text
from ee_desktop.ui.forms.quiet import set_text

COVERED, GAP, OVERLAP = "covered", "gap", "overlap"
COLOURS = {COVERED: "#8cc99a", GAP: "#d32f2f", OVERLAP: "#f39c12"}
STATE_NAMES = {COVERED: N_("covered"), GAP: N_("gap"), OVERLAP: N_("overlap")}
CELL_HEIGHT = 16
YEAR_HEIGHT = 14


def personal_months(history: PersonHistory) -> list[str]:
    window = history.member.window
    counts = months_covered(history.member.background.personal_history, window)
    return [COVERED if count else GAP for count in counts]


def address_months(history: PersonHistory) -> list[str]:
    """A month with a day lived nowhere is a gap; with a day in two places, an overlap."""
    window = history.member.window
    first = month_index(window.start)
    states = [COVERED] * (month_index(window.end) - first + 1)

    def mark(spans: Sequence[Span], state: str) -> None:
        for span in spans:
            for index in range(month_index(span.start), month_index(span.end) + 1):
                states[index - first] = state

    mark(history.address_overlaps, OVERLAP)
    mark(history.address_gaps, GAP)  # a gap matters more than an overlap the same month
    return states


class MonthStrip(QWidget):
    """``month_clicked(date)``: the first day of the month clicked."""

    month_clicked = Signal(object)

    def __init__(self, name: str, years: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.years = years
        self.first: date | None = None
        self.states: list[str] = []
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, CELL_HEIGHT + (YEAR_HEIGHT if self.years else 0) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, self.sizeHint().height())

    def show_months(self, first: date | None, states: list[str]) -> None:
        if (first, states) == (self.first, self.states):
            return
        self.first, self.states = first, states
        counts = {state: states.count(state) for state in (GAP, OVERLAP)}
        description = _("{months} months: {gaps} with a gap, {overlaps} with an overlap").format(
            months=len(states), gaps=counts[GAP], overlaps=counts[OVERLAP]
        )
        self.setAccessibleDescription(description)
        self.update()

    def month_at(self, x: float) -> int | None:
        if not self.states or self.width() <= 0:
            return None
        index = int(x * len(self.states) / self.width())
        return index if 0 <= index < len(self.states) else None

    def _left(self, index: int) -> float:
        return index * self.width() / max(len(self.states), 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(0, 0, self.width(), CELL_HEIGHT, QColor("#eeeeee"))
        if self.first is None or not self.states:
            painter.end()
            return
        first = month_index(self.first)
        for index, state in enumerate(self.states):
            left, right = self._left(index), self._left(index + 1)
            painter.fillRect(QRectF(left, 0, right - left, CELL_HEIGHT), QColor(COLOURS[state]))
        painter.setPen(QPen(QColor("#333333"), 1))
        metrics = painter.fontMetrics()
        labelled_any = False
        for index in range(len(self.states)):
            month = month_start(first + index)
            if month.month != 1:
                continue
            x = round(self._left(index))
            painter.drawLine(x, 0, x, CELL_HEIGHT + (3 if self.years else 0))
            if self.years:
                text = str(month.year)
                if x + 2 + metrics.horizontalAdvance(text) <= self.width():
                    painter.drawText(x + 2, CELL_HEIGHT + YEAR_HEIGHT - 1, text)
                    labelled_any = True
        if self.years and not labelled_any:  # a window within one year: name its first month
            painter.drawText(2, CELL_HEIGHT + YEAR_HEIGHT - 1, month_text(self.first))
        painter.end()

    def _describe(self, index: int) -> str:
        assert self.first is not None
        month = month_start(month_index(self.first) + index)
        return f"{month_text(month)}: {_(STATE_NAMES[self.states[index]])}"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.month_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._describe(index), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self.month_at(event.position().x())
        if index is not None and self.first is not None:
            self.month_clicked.emit(month_start(month_index(self.first) + index))
        super().mousePressEvent(event)

    def state_at(self, month: date) -> str | None:
        if self.first is None:
            return None
        index = month_index(month) - month_index(self.first)
        return self.states[index] if 0 <= index < len(self.states) else None

    def cell_centre(self, month: date) -> QPoint:
        """Where a click lands on ``month`` (for tests and keyboard-free demos)."""
        assert self.first is not None
        index = month_index(month) - month_index(self.first)
        return QPoint(round((self._left(index) + self._left(index + 1)) / 2), CELL_HEIGHT // 2)


def legend() -> QLabel:
    swatch = '<span style="color:{colour}; font-size: 12pt;">■</span>&nbsp;{name}'
    text = "&nbsp;&nbsp;".join(
        swatch.format(colour=COLOURS[state], name=_(STATE_NAMES[state]))
        for state in (COVERED, GAP, OVERLAP)
    )
    found = QLabel(text)
    found.setTextFormat(Qt.TextFormat.RichText)
    return found


class TimelinePanel(QWidget):
    """The two strips of the person shown, one above the other, over the same months."""

    personal_clicked = Signal(object)
    addresses_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.personal = MonthStrip("forms:strip:personal", years=False)
        self.personal.setAccessibleName(_("Personal history, month by month"))
        self.personal.month_clicked.connect(self.personal_clicked)
        self.addresses = MonthStrip("forms:strip:addresses", years=True)
        self.addresses.setAccessibleName(_("Addresses, month by month"))
        self.addresses.month_clicked.connect(self.addresses_clicked)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        self.span = QLabel()
        self.span.setObjectName("forms:window")
        grid.addWidget(self.span, 0, 1)
        grid.addWidget(legend(), 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel(_("Personal history")), 1, 0)
        grid.addWidget(self.personal, 1, 1, 1, 2)
        caption = QLabel(_("Addresses"))
        caption.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(caption, 2, 0)
        grid.addWidget(self.addresses, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    def show_history(self, history: PersonHistory | None) -> None:
        if history is None:
            return  # the checks wait for a correction: the last strips stay
        window = history.member.window
        first = month_start(month_index(window.start))
        set_text(
            self.span,
            _("The forms cover {start} to {end}").format(
                start=window.start.isoformat(), end=window.end.isoformat()
            ),
        )
        self.personal.show_months(first, personal_months(history))
        self.addresses.show_months(first, address_months(history))
