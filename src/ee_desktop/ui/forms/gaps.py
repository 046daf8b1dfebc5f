"""The gaps of a history, one row each, with the button that fills one in a click."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ee_desktop.i18n import _

GAP_STYLE = "QFrame#gaps { background: #fdecea; border: 1px solid #e6a19a; border-radius: 4px; }"


@dataclass(frozen=True, slots=True)
class GapRow:
    text: str
    fillable: bool = True  # an overlap is corrected in the entries, not filled


class GapRows(QFrame):
    """``fill_requested(row, activity)``; ``activity`` is "" when the rows offer no choice."""

    fill_requested = Signal(int, str)

    def __init__(
        self,
        list_path: str,
        heading: str,
        button_text: str,
        choices: Sequence[tuple[str, str]] = (),
        default: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("gaps")
        self.setStyleSheet(GAP_STYLE)
        self.list_path = list_path
        self.button_text = button_text
        self.choices = choices
        self.default = default
        self.rows: list[QFrame] = []
        self.shown: list[GapRow] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        title = QLabel(f"<b>{heading}</b>")
        title.setWordWrap(True)
        self.layout_.addWidget(title)
        self.setVisible(False)

    def show_rows(self, rows: Sequence[GapRow]) -> None:
        if list(rows) == self.shown:
            return  # the same gaps: the activity chosen in a row, and the focus, stay
        self.shown = list(rows)
        for row in self.rows:
            self.layout_.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for index, gap in enumerate(rows):
            self.rows.append(self._row(index, gap))
            self.layout_.addWidget(self.rows[-1])
        self.setVisible(bool(rows))

    def _row(self, index: int, gap: GapRow) -> QFrame:
        name = f"{self.list_path}:gap[{index}]"
        row = QFrame()
        row.setObjectName(name)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(gap.text)
        text.setWordWrap(True)
        text.setObjectName(name + ":text")
        layout.addWidget(text, 1)
        if not gap.fillable:
            return row
        combo: QComboBox | None = None
        if self.choices:
            combo = QComboBox()
            combo.setObjectName(name + ":activity")
            combo.setAccessibleName(_("Activity for this gap"))
            for code, label in self.choices:
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(self.default), 0))
            layout.addWidget(combo)
        button = QPushButton(self.button_text)
        button.setObjectName(name + ":fill")
        button.setAccessibleName(f"{self.button_text}: {gap.text}")
        button.clicked.connect(
            lambda: self.fill_requested.emit(index, "" if combo is None else combo.currentData())
        )
        layout.addWidget(button)
        return row

    def fill_button(self, index: int) -> QPushButton | None:
        return self.findChild(QPushButton, f"{self.list_path}:gap[{index}]:fill")
