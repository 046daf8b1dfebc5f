"""Edit the rounds of invitations the user added (the shipped ones stay as they are)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import format_date
from ee_desktop.services.strategy import StrategyService
from ee_desktop.strategy import ROUND_TYPES, Round, builtin_rounds

COLUMNS = ("number", "date", "type", "name", "invited", "lowest_score", "tie_break", "source")


def _as_rows(problems: list[str]) -> list[str]:
    """The checker counts CSV lines (the header is line 1); the table counts rows."""
    return [
        re.sub(
            r"^line (\d+)",
            lambda m: QCoreApplication.translate("rounds", "row %1").replace(
                "%1", str(int(m.group(1)) - 1)
            ),
            problem,
        )
        for problem in problems
    ]


class RoundsDialog(QDialog):
    def __init__(self, service: StrategyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("My rounds of invitations"))
        layout = QVBoxLayout(self)
        shipped = builtin_rounds()
        intro = QLabel(
            self.tr(
                "ee-desktop ships %1 rounds up to %2. Add rounds published since then, or correct "
                "one (same number, date and type). Dates are YYYY-MM-DD; round types: %3."
            )
            .replace("%1", str(len(shipped)))
            .replace("%2", format_date(shipped[-1].on) if shipped else "-")
            .replace("%3", ", ".join(ROUND_TYPES))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Type"),
                self.tr("Name"),
                self.tr("Invited", "number of candidates invited"),
                self.tr("Lowest score"),
                self.tr("Tie-break (UTC)"),
                self.tr("Source"),
            ]
        )
        for r in service.user_rounds():
            self._append(r)
        self.table = QTableView()
        self.table.setObjectName("rounds:table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(len(COLUMNS) - 1, True)
        layout.addWidget(self.table)
        self.problems = QLabel()
        self.problems.setObjectName("rounds:problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        add = QPushButton(self.tr("&Add a round"))
        add.clicked.connect(lambda: self._append(None))
        remove = QPushButton(self.tr("&Delete the selected round"))
        remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _append(self, r: Round | None) -> None:
        values = (
            ["", date.today().isoformat(), "general", "", "", "", "", ""]
            if r is None
            else [
                "" if r.number is None else str(r.number),
                r.on.isoformat(),
                r.round_type,
                r.name,
                str(r.invited),
                str(r.lowest_score),
                r.tie_break.strftime("%Y-%m-%d %H:%M:%S") if r.tie_break else "",
                r.source,  # kept as it was: the table shows what the user may edit
            ]
        )
        self.model.appendRow([QStandardItem(v) for v in values])

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.removeRow(row)

    def rows_as_csv(self) -> str:
        lines = [",".join(COLUMNS)]
        for row in range(self.model.rowCount()):
            cells = [self.model.item(row, c).text().replace('"', '""') for c in range(len(COLUMNS))]
            lines.append(",".join(f'"{cell}"' for cell in cells))
        return "\n".join(lines) + "\n"

    def save(self) -> bool:
        """Check every row (with the CSV rules) and save them all, or show what is wrong."""
        from ee_desktop.strategy import parse_rounds_csv

        rounds, problems = parse_rounds_csv(self.rows_as_csv())
        if problems:
            # Line 1 is the header: line n is row n - 1 of the table.
            self.problems.setText("\n".join(_as_rows(problems)))
            return False
        self.service.save_user_rounds(rounds)
        self.accept()
        return True
