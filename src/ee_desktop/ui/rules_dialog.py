"""Install and remove updated rules files, and see which rules are in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import format_date
from ee_desktop.rules import RulesError
from ee_desktop.services.rules import RulesService
from ee_desktop.ui.dialogs import ProblemsDialog


class RulesDialog(QDialog):
    def __init__(self, rules: RulesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.setWindowTitle(self.tr("Rules updates"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("rules_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        explanation = QLabel(
            self.tr(
                "When the government changes the rules, an updated rules file lets ee-desktop "
                "follow before a new version is released. A rules file is checked before it is "
                "used, applies only from the dates it states, never replaces the built-in rules, "
                "and can be removed at any time."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rules_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Version"), self.tr("Verified up to"), self.tr("State")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.install_button = QPushButton(self.tr("&Install a rules file…"))
        self.install_button.clicked.connect(self.choose_and_install)
        self.remove_button = QPushButton(self.tr("&Remove the selected file"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(640, 380)
        self.refresh()

    def refresh(self) -> None:
        current = self.rules.rules
        self.summary.setText(
            self.tr("Rules in use: version %1, verified against official sources up to %2.")
            .replace("%1", current.rules_version)
            .replace("%2", format_date(current.verified_on))
        )
        installed = self.rules.installed()
        self.table.setRowCount(len(installed))
        for row, item in enumerate(installed):
            state = "; ".join(item.problems) if item.problems else self.tr("In use")
            cells = [
                item.name,
                item.rules_version or "-",
                item.verified_on.isoformat() if item.verified_on else "-",
                state,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.remove_button.setEnabled(bool(installed))

    def choose_and_install(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Install a rules file"), "", self.tr("Rules files (*.toml)")
        )
        if path:
            self.install(Path(path))

    def install(self, path: Path) -> bool:
        try:
            self.rules.install(path)
        except RulesError as exc:
            ProblemsDialog(
                self.tr("This rules file cannot be used"),
                self.tr("Nothing was installed. Problems found:"),
                [str(p) for p in exc.problems],
                self,
            ).exec()
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Install failed"), str(exc.strerror or exc))
            return False
        self.refresh()
        return True

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = 0
        item = self.table.item(row, 0)
        if item is None:
            return
        try:
            self.rules.remove(item.text())
        except RulesError as exc:
            QMessageBox.warning(self, self.tr("Remove failed"), "\n".join(exc.problems))
        self.refresh()
