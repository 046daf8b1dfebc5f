"""The one date input of the app: a line to type a day in, with a calendar button.

It takes the form the files use, ISO ``YYYY-MM-DD`` (also the short date of the CLDR's
English and French Canadian locales), and the numeric form people in Canada write by hand,
day first: ``DD/MM/YYYY``, with ``/``, ``-`` or ``.`` between the numbers (15/05/1994,
15-05-1994, 15.05.1994). Day first is the convention of both languages of the app: Canadian
French always writes it so, and IRCC's forms ask for it when they do not ask for ISO. A
month-first date (05/15/1994, as in the United States) is therefore not a date; the year
must have four digits, so that nothing is guessed.

A day it can read is shown as ISO once the line is left (the stored form); text it
cannot read is kept as typed, and :meth:`DateInput.problem` names the forms it takes.
The calendar button (or Alt+Down, or F4) opens a calendar; a day chosen there is written
in the line as if typed.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QToolButton, QWidget

_YEAR_FIRST = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})")


def parse_date(text: str) -> date | None:
    """The day ``text`` names (``YYYY-MM-DD``, ``YYYY/MM/DD`` or ``DD/MM/YYYY`` with ``/``,
    ``-`` or ``.``); None when it names none (empty text, 31/02/2020, 05/15/1994)."""
    typed = text.strip()
    try:
        if found := _YEAR_FIRST.fullmatch(typed):
            return date(int(found.group(1)), int(found.group(3)), int(found.group(4)))
        if found := _DAY_FIRST.fullmatch(typed):
            return date(int(found.group(4)), int(found.group(3)), int(found.group(1)))
    except ValueError:
        return None
    return None


def _calendar_icon(colour: QPalette) -> QIcon:
    """A small calendar page drawn in the text colour (no icon theme is needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = colour.color(QPalette.ColorRole.ButtonText)
    painter.setPen(ink)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 3), ink)
    for row in (7, 10):
        for column in (3, 6, 9, 12):
            painter.fillRect(QRect(column, row, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)


class DateInput(QLineEdit):
    """A QLineEdit for one day; ``date()`` is the day typed or chosen, None when there is
    none or the text is not one, ``problem()`` the sentence to show for such a text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.button = QToolButton(self)
        self.button.setObjectName("date:calendar")
        self.button.setIcon(_calendar_icon(self.palette()))
        self.button.setIconSize(QSize(16, 16))
        self.button.setAutoRaise(True)
        self.button.setCursor(Qt.CursorShape.ArrowCursor)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.tr("Choose the day on a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.clicked.connect(self.open_calendar)
        self.setTextMargins(0, 0, 22, 0)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._normalise)

    # -- what was typed -----------------------------------------------------------------
    def date(self) -> dt.date | None:
        return parse_date(self.text())

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day is not None else "")

    def problem(self) -> str:
        """Empty when the line is empty or holds a day; otherwise what to type instead."""
        text = self.text().strip()
        if not text or self.date() is not None:
            return ""
        return self.tr(
            "“%1” is not a date: write it as YYYY-MM-DD or DD/MM/YYYY (for example "
            "2026-03-01 or 01/03/2026), or choose it on the calendar."
        ).replace("%1", text)

    def _normalise(self) -> None:
        day = self.date()
        if day is not None and self.text() != day.isoformat():
            self.setText(day.isoformat())

    # -- the calendar -------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("date:calendar:popup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self.choose)
            self.calendar.activated.connect(self.choose)
        day = self.date() or date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def choose(self, day: QDate) -> None:
        """Write ``day`` in the line as if it had been typed, and leave it."""
        if self.calendar is not None:
            self.calendar.hide()
        text = date(day.year(), day.month(), day.day()).isoformat()
        self.setText(text)
        self.textEdited.emit(text)
        self.editingFinished.emit()
        self.setFocus()

    # -- Qt -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = min(20, self.height() - 2)
        self.button.setGeometry(self.width() - size - 2, (self.height() - size) // 2, size, size)
