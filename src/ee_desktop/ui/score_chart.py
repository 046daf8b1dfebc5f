"""The projected score month by month, with events marked and recent cut-offs as lines."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ee_desktop.i18n import format_date
from ee_desktop.strategy import CutOff, ProjectionPoint

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 16, 16, 44
LINE, EVENT, CUT, TODAY = (
    QColor("#1f5fae"),
    QColor("#c25e00"),
    QColor("#8a8a8a"),
    QColor("#2e7d32"),
)


class ScoreChart(QWidget):
    """Drawn with QPainter: no chart library, nothing to download."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ProjectionPoint] = []
        self.cut_offs: list[CutOff] = []
        self.setMinimumHeight(220)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Projected score over the next months"))

    def show_projection(
        self, points: Sequence[ProjectionPoint], cut_offs: Sequence[CutOff] = ()
    ) -> None:
        self.points = list(points)
        self.cut_offs = list(cut_offs)
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (tooltips and screen readers)."""
        if not self.points:
            return ""
        first, last = self.points[0], self.points[-1]
        text = self.tr("From %1 on %2 to %3 on %4 if nothing changes.")
        text = (
            text.replace("%1", str(first.score))
            .replace("%2", format_date(first.on))
            .replace("%3", str(last.score))
            .replace("%4", format_date(last.on))
        )
        return text

    def legend(self) -> list[tuple[str, QColor, Qt.PenStyle]]:
        """What each mark means, as drawn in the corner."""
        entries = [(self.tr("Your score if nothing changes"), LINE, Qt.PenStyle.SolidLine)]
        if any(p.events for p in self.points):
            entries.append((self.tr("A change (birthday, expiry, work)"), EVENT, Qt.PenStyle.NoPen))
        if self.cut_offs:
            entries.append(
                (self.tr("Recent cut-off of a round you qualify for"), CUT, Qt.PenStyle.DashLine)
            )
        entries.append((self.tr("Today"), TODAY, Qt.PenStyle.DotLine))
        return entries

    def _range(self) -> tuple[int, int]:
        values = [p.score for p in self.points] + [c.recent_lowest for c in self.cut_offs]
        low, high = min(values), max(values)
        pad = max(10, (high - low) // 10)
        return max(0, low - pad), min(1200, high + pad)

    def _plot(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def position(self, index: int, score: int) -> QPointF:
        plot = self._plot()
        low, high = self._range()
        steps = max(1, len(self.points) - 1)
        x = plot.left() + plot.width() * index / steps
        y = plot.bottom() - plot.height() * (score - low) / max(1, high - low)
        return QPointF(x, y)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.points:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No projection yet.")
            )
            return
        plot = self._plot()
        low, high = self._range()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(plot)
        for value in (low, (low + high) // 2, high):
            y = self.position(0, value).y()
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        for index in range(0, len(self.points), 6):  # a date label every six months
            x = self.position(index, low).x()
            left = min(max(0.0, x - 40), self.width() - 80.0)  # keep the label inside
            painter.drawText(
                QRectF(left, plot.bottom() + 4, 80, 16),
                Qt.AlignmentFlag.AlignHCenter,
                self.points[index].on.strftime("%Y-%m"),
            )
        for cut in self.cut_offs:
            y = self.position(0, cut.recent_lowest).y()
            painter.setPen(QPen(CUT, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QPointF(plot.left() + 4, y - 3), f"{cut.name} {cut.recent_lowest}")
        today = self.position(0, low).x()  # the projection starts on the day it is made
        painter.setPen(QPen(TODAY, 1.5, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(today, plot.top()), QPointF(today, plot.bottom()))
        painter.setPen(QPen(LINE, 2))
        for index in range(1, len(self.points)):
            painter.drawLine(
                self.position(index - 1, self.points[index - 1].score),
                self.position(index, self.points[index].score),
            )
        painter.setBrush(EVENT)
        painter.setPen(QPen(EVENT, 1))
        for index, point in enumerate(self.points):
            if point.events:
                painter.drawEllipse(self.position(index, point.score), 4, 4)
        self._axis_titles(painter, plot)
        self._draw_legend(painter, plot)

    def _axis_titles(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(
            QRectF(plot.left(), self.height() - 18, plot.width(), 16),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Month"),
        )
        painter.save()
        painter.translate(12, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -8, plot.height(), 16),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("CRS score"),
        )
        painter.restore()

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        entries = self.legend()
        metrics = painter.fontMetrics()
        row = metrics.height() + 2
        width = 28 + max(metrics.horizontalAdvance(text) for text, _c, _s in entries)
        box = QRectF(plot.right() - width - 6, plot.top() + 6, width, row * len(entries) + 6)
        background = self.palette().base().color()
        background.setAlpha(225)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.setBrush(background)
        painter.drawRect(box)
        for number, (text, colour, style) in enumerate(entries):
            y = box.top() + 3 + row * number + row / 2
            if style == Qt.PenStyle.NoPen:
                painter.setPen(QPen(colour, 1))
                painter.setBrush(colour)
                painter.drawEllipse(QPointF(box.left() + 12, y), 4, 4)
            else:
                painter.setPen(QPen(colour, 2, style))
                painter.drawLine(QPointF(box.left() + 4, y), QPointF(box.left() + 20, y))
            painter.setPen(QPen(self.palette().text().color()))
            painter.drawText(
                QRectF(box.left() + 24, y - row / 2, width - 24, row),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def event_at(self, x: float) -> ProjectionPoint | None:
        """The month under the mouse, for the tooltip."""
        if not self.points:
            return None
        steps = max(1, len(self.points) - 1)
        plot = self._plot()
        index = round((x - plot.left()) / plot.width() * steps)
        return self.points[max(0, min(index, len(self.points) - 1))]

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            point = self.event_at(event.pos().x())
            if point is not None:
                lines = [f"{point.on.isoformat()}: {point.score}", *point.events]
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
                return True
        return super().event(event)  # type: ignore[arg-type]
