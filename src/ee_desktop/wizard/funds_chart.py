"""The six month-end totals of the settlement-funds accounts against the amount required.

Drawn with QPainter like the strategy's score chart (the wizard may not import ``ui``):
a bar per month end, the requirement as a dashed line, axis titles and a legend; the same
figures in words are the widget's accessible description and tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ee_desktop.i18n import format_date, format_money

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 96, 16, 44, 44  # legend on top
BAR, BELOW, REQUIRED = QColor("#1f5fae"), QColor("#c25e00"), QColor("#b00020")


class FundsChart(QWidget):
    """Six bars (the month ends, the last one today) and the requirement line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[tuple[date, float]] = []
        self.required: int | None = None
        self.setObjectName("funds:chart")
        self.setMinimumHeight(220)
        self.setMaximumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Your accounts at the end of each of the last six months"))

    def show_months(self, months: Sequence[tuple[date, float]], required: int | None) -> None:
        self.months = list(months)
        self.required = required
        text = self.describe()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def describe(self) -> str:
        """The chart in words (tooltip and screen readers)."""
        if not self.months:
            return ""
        totals = "; ".join(
            self.tr("%1: %2").replace("%1", format_date(day)).replace("%2", format_money(total))
            for day, total in self.months
        )
        text = self.tr("Total of your accounts at each month's end: %1.").replace("%1", totals)
        if self.required is not None:
            text += " " + self.tr("Required for your family: %1.").replace(
                "%1", format_money(self.required)
            )
        return text

    def legend(self) -> list[tuple[str, QColor, Qt.PenStyle]]:
        entries = [(self.tr("Your accounts at the month's end"), BAR, Qt.PenStyle.NoPen)]
        if self.required is not None:
            entries.append((self.tr("Below the requirement"), BELOW, Qt.PenStyle.NoPen))
            entries.append((self.tr("Required for your family"), REQUIRED, Qt.PenStyle.DashLine))
        return entries

    def _top(self) -> float:
        values = [total for _day, total in self.months] + [float(self.required or 0)]
        return max(values) * 1.15 or 1.0

    def _plot(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def _y(self, value: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * max(0.0, value) / self._top()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.months:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No accounts yet."))
            return
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        plot = self._plot()
        text_pen = QPen(self.palette().text().color())
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(plot)
        painter.setPen(text_pen)
        top = self._top()
        for value in (0.0, top / 2, top):
            y = self._y(value)
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_money(round(value)),
            )
        slot = plot.width() / len(self.months)
        for index, (day, total) in enumerate(self.months):
            left = plot.left() + slot * index
            below = self.required is not None and total < self.required
            y = self._y(total)
            painter.fillRect(
                QRectF(left + slot * 0.2, y, slot * 0.6, plot.bottom() - y), BELOW if below else BAR
            )
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(left, plot.bottom() + 4, slot, 16),
                Qt.AlignmentFlag.AlignHCenter,
                day.strftime("%Y-%m") if index < len(self.months) - 1 else day.isoformat(),
            )
        if self.required is not None:
            y = self._y(self.required)
            painter.setPen(QPen(REQUIRED, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        self._axis_titles(painter, plot)
        self._draw_legend(painter, plot)
        painter.end()

    def _axis_titles(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(
            QRectF(plot.left(), self.height() - 18, plot.width(), 16),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Month end (the last bar is today)"),
        )
        painter.save()
        painter.translate(10, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -8, plot.height(), 16),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Canadian dollars"),
        )
        painter.restore()

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        """The legend above the plot, flowing onto a second line when it must."""
        metrics = painter.fontMetrics()
        row = metrics.height() + 2
        x, y = plot.left(), 4.0
        for text, colour, style in self.legend():
            width = 30 + metrics.horizontalAdvance(text)
            if x > plot.left() and x + width > plot.right():
                x, y = plot.left(), y + row
            middle = y + row / 2
            if style == Qt.PenStyle.NoPen:
                painter.fillRect(QRectF(x + 2, middle - 5, 12, 10), colour)
            else:
                painter.setPen(QPen(colour, 2, style))
                painter.drawLine(QPointF(x, middle), QPointF(x + 16, middle))
            painter.setPen(QPen(self.palette().text().color()))
            painter.drawText(
                QRectF(x + 20, y, width - 20, row), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += width
