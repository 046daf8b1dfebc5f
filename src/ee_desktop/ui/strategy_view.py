"""What raises the score most and how soon, against recent rounds; try changes on a copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import _, format_date
from ee_desktop.profile import Profile
from ee_desktop.rules.explain import FACTOR_NAMES
from ee_desktop.services.strategy import RoundsImport, StrategyService
from ee_desktop.strategy import Plan, PlanItem
from ee_desktop.strategy.eligibility import program_names
from ee_desktop.strategy.outlook import freshness
from ee_desktop.strategy.rounds import round_type_name
from ee_desktop.ui.base import Tab
from ee_desktop.ui.dialogs import ProblemsDialog
from ee_desktop.ui.rounds_dialog import RoundsDialog
from ee_desktop.ui.score_chart import ScoreChart


class StrategyView(Tab[StrategyService]):
    """Emits ``try_requested`` with a copy of the file to open in the editor (the sandbox)."""

    try_requested = Signal(object, object)  # the copy (None: the file itself), its date

    def __init__(
        self, service: StrategyService, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(service, today, parent)
        self.items: list[PlanItem] = []
        self.found = Plan((), ())

        self.summary = QLabel()
        self.summary.setObjectName("strategy:summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.freshness = QLabel()
        self.freshness.setObjectName("strategy:freshness")
        self.freshness.setWordWrap(True)
        self.outlook = QLabel()
        self.outlook.setObjectName("strategy:outlook")
        self.outlook.setWordWrap(True)
        self.outlook.setTextFormat(Qt.TextFormat.PlainText)
        import_button = QPushButton(self.tr("&Import rounds (CSV or IRCC file)…"))
        import_button.clicked.connect(self.choose_and_import)
        edit_button = QPushButton(self.tr("Edit my &rounds…"))
        edit_button.clicked.connect(self.edit_rounds)
        self.try_own = QPushButton(self.tr("&Try my own changes…"))
        self.try_own.setObjectName("strategy:try_own")
        self.try_own.setToolTip(
            self.tr(
                "Opens the editor on your file: the score shows beside "
                "today's, and your file changes only if you save."
            )
        )
        self.try_own.clicked.connect(lambda: self.try_requested.emit(None, None))
        top = QHBoxLayout()
        top.addWidget(self.freshness, 1)
        top.addWidget(import_button)
        top.addWidget(edit_button)
        top.addWidget(self.try_own)

        self.chart = ScoreChart()
        self.chart.setObjectName("strategy:chart")
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("What to do"),
                self.tr("Points"),
                self.tr("Ready by"),
                self.tr("Score after"),
                self.tr("Clears recent cut-offs of"),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("strategy:plan")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Wrapped lines need their height again whenever a column's width changes.
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_args: self.table.resizeRowsToContents()
        )
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.every = QCheckBox(self.tr("Show &every single move instead of the plan"))
        self.every.setObjectName("strategy:every")
        self.every.setToolTip(
            self.tr(
                "The plan shows the ten best lines, combinations included; this lists each "
                "move on its own, most points first."
            )
        )
        self.every.toggled.connect(lambda _on: self._fill())
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.table, 1)
        plan_layout.addWidget(self.every)

        self.detail = QLabel()
        self.detail.setObjectName("strategy:detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.apply_button = QPushButton(self.tr("Open this in the &editor…"))
        self.apply_button.setObjectName("strategy:apply")
        self.apply_button.setToolTip(
            self.tr(
                "See it factor by factor beside today's score; your file changes only if you save."
            )
        )
        self.apply_button.clicked.connect(self._apply)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.apply_button)

        lower = QSplitter()
        lower.addWidget(plan_box)
        lower.addWidget(right)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.outlook)
        layout.addWidget(self.chart)
        layout.addWidget(lower, 1)
        self._show_detail(None)

    def refresh(self) -> None:
        as_of = self.today()
        latest = self.service.latest_round()
        self.freshness.setText(freshness(latest))
        found = self.service.outlook(as_of)
        self.outlook.setText("\n".join(found.sentences))
        evaluation = self.service.evaluation(as_of)
        cuts = self.service.cut_offs(as_of)
        self.found = self.service.full_plan(as_of)
        self.chart.show_projection(self.service.projection(as_of), cuts)
        score = evaluation.crs.total
        lines = [self.tr("Your score today: <b>%1</b>.").replace("%1", str(score))]
        advice = self.service.advice(as_of, list(self.found.items))
        lines += [_html(sentence) for sentence in advice]
        if cuts:
            parts = [f"{c.name} {c.recent_lowest}" for c in cuts]
            lines.append(
                self.tr("Recent cut-offs of the rounds you qualify for: %1.").replace(
                    "%1", ", ".join(parts)
                )
            )
        self.summary.setText("<br>".join(lines))
        self._fill()

    def _fill(self) -> None:
        """The plan's lines, or every single move."""
        found = self.found
        self.items = list(found.moves if self.every.isChecked() else found.items)
        self.model.removeRows(0, self.model.rowCount())
        for item in self.items:
            action = item.actions
            if item.opens:  # what a move makes possible matters more than its points
                action = self.tr("%1 (opens %2)").replace("%1", action)
                action = action.replace("%2", program_names(item.opens))
            if item.variants:
                action += "\n" + self.tr(
                    "Other levels of the same moves: %n", "", len(item.variants)
                )
            row = [
                QStandardItem(action),
                QStandardItem(f"+{item.points}"),
                QStandardItem(format_date(item.ready_on)),
                QStandardItem(str(item.score_after)),
                QStandardItem(
                    ", ".join(round_type_name(t) for t in item.clears) or self.tr("none yet")
                ),
            ]
            for cell in row:
                cell.setToolTip("\n".join(m.explanation for m in item.moves))
            self.model.appendRow(row)
        for column in (1, 2, 3, 4):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self._show_detail(None)

    def _current(self) -> PlanItem | None:
        row = self.table.currentIndex().row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected(self, *_args: object) -> None:
        self._show_detail(self._current())

    def _show_detail(self, item: PlanItem | None) -> None:
        self.apply_button.setEnabled(item is not None)
        if item is None:
            self.detail.setText(
                self.tr(
                    "Choose a line of the plan to see each step and what changes, factor by factor."
                )
            )
            return
        as_of = self.today()
        today = self.service.evaluation(as_of)
        after = self.service.evaluation(item.ready_on, _copy_of(item))
        steps = "".join(f"<li>{_html(m.explanation)}</li>" for m in item.moves)
        if item.variants:
            others = "".join(
                f"<li>{_html(v.actions)}: +{v.points}, {v.score_after} "
                f"({_html(format_date(v.ready_on))})</li>"
                for v in item.variants
            )
            steps += f"<p>{_html(self.tr('Or the same at other levels:'))}</p><ul>{others}</ul>"
        rows = "".join(
            f"<tr><td>{_html(_(FACTOR_NAMES.get(c.factor, c.factor)))}</td>"
            f"<td align='right'>{c.today}</td><td align='right'>{c.after}</td></tr>"
            for c in self.service.compare(today, after)
            if c.today != c.after
        )
        table = (
            f"<table cellspacing='4'><tr><th align='left'>{self.tr('Factor')}</th>"
            f"<th>{self.tr('Today')}</th><th>{self.tr('After')}</th></tr>{rows}</table>"
        )
        self.detail.setText(f"<ul>{steps}</ul>{table}")

    def _apply(self) -> None:
        item = self._current()
        if item is not None:
            self.try_requested.emit(_copy_of(item), item.ready_on)

    # -- rounds ---------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import rounds of invitations"),
            "",
            self.tr("Rounds files: CSV or IRCC's ee_rounds_123_en.json (*.csv *.json)"),
        )
        if path:
            self.import_rounds(Path(path))

    def import_rounds(self, path: Path) -> RoundsImport:
        """A CSV file's good rows are kept; IRCC's JSON file is taken whole or not at all."""
        result = self.service.import_rounds(path, keep_good_rows=True)
        summary = (
            self.tr("%1 rounds imported (%2 new); distributions for %3.")
            .replace("%1", str(len(result.rounds)))
            .replace("%2", str(result.new))
            .replace("%3", str(result.distributions))
        )
        if not result.stored:
            ProblemsDialog(
                self.tr("The file was not imported"),
                self.tr("Nothing was imported. Problems found:"),
                result.problems,
                self,
            ).exec()
        elif result.problems:
            ProblemsDialog(
                self.tr("Some rows were not imported"),
                summary + " " + self.tr("These rows were left out:"),
                result.problems,
                self,
            ).exec()
        elif result.notes:
            ProblemsDialog(
                self.tr("Rounds imported"),
                summary + " " + self.tr("Left out of some rounds:"),
                result.notes,
                self,
            ).exec()
        else:
            QMessageBox.information(self, self.tr("Rounds imported"), summary)
        self.refresh()
        return result

    def edit_rounds(self) -> None:
        RoundsDialog(self.service, self).exec()
        self.refresh()


def _copy_of(item: PlanItem) -> Profile:
    """The file with every move of the line applied."""
    return item.profile if item.profile is not None else item.moves[-1].profile


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
