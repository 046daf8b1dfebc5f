"""The last page: the full breakdown, programs, categories and warnings, each linked back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import _
from ee_desktop.profile.draft import page_for
from ee_desktop.rules.explain import FACTOR_NAMES, SECTIONS
from ee_desktop.service import Assessment, WizardService
from ee_desktop.wizard.pages import WizardPage

# The page where each CRS factor is changed.
FACTOR_PAGES = {
    "age": "about",
    "education": "education",
    "first_official_language": "language",
    "second_official_language": "language",
    "canadian_work_experience": "work",
    "spouse_education": "spouse",
    "spouse_first_official_language": "spouse",
    "spouse_canadian_work_experience": "spouse",
    "education_transferability": "education",
    "foreign_work_transferability": "work",
    "certificate_of_qualification": "additional",
    "provincial_nomination": "additional",
    "job_offer": "additional",
    "canadian_education": "education",
    "french_language": "language",
    "sibling_in_canada": "additional",
}


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


class ReviewPage(WizardPage):
    key = "review"
    go_to = Signal(str)

    def __init__(
        self,
        service: WizardService,
        today: Callable[[], date],
        page_titles: Callable[[], dict[str, str]],
    ) -> None:
        super().__init__(service, today)
        self.page_titles = page_titles
        self.status = QLabel()
        self.status.setObjectName("review:status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: 600;")
        self.body.addWidget(self.status)
        self.problems = QVBoxLayout()
        self.body.addLayout(self.problems)

        self.body.addWidget(self._heading(self.tr("Score breakdown")))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("review:factors")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Factor"), self.tr("Points"), self.tr("Maximum"), self.tr("Why"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(320)
        self.body.addWidget(self.table)

        self.body.addWidget(self._heading(self.tr("Programs")))
        self.programs = QLabel()
        self.programs.setObjectName("review:programs")
        self.programs.setWordWrap(True)
        self.body.addWidget(self.programs)
        self.body.addWidget(self._heading(self.tr("Draw categories")))
        self.categories = QLabel()
        self.categories.setObjectName("review:categories")
        self.categories.setWordWrap(True)
        self.body.addWidget(self.categories)
        self.body.addWidget(self._heading(self.tr("Warnings")))
        self.warnings = QVBoxLayout()
        self.body.addLayout(self.warnings)
        self.body.addWidget(self._heading(self.tr("About these rules")))
        self.notices = QLabel()
        self.notices.setObjectName("review:notices")
        self.notices.setWordWrap(True)
        self.body.addWidget(self.notices)
        self.finish_layout()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 10px;")
        return label

    def title(self) -> str:
        return self.tr("Review")

    def introduction(self) -> str:
        return self.tr(
            "Check your score and what it is made of. Each line links back to the "
            "page where you can change it."
        )

    def _link(self, page: str) -> QPushButton:
        button = QPushButton(self.tr("Change…"))
        button.setObjectName(f"review:go:{page}")
        button.setToolTip(self.tr("Go to %1").replace("%1", self.page_titles().get(page, page)))
        button.clicked.connect(lambda: self.go_to.emit(page))
        return button

    def refresh(self, assessment: Assessment) -> None:
        self._show_problems(assessment)
        evaluation = assessment.evaluation
        if evaluation is None:
            self.table.setRowCount(0)
            for label in (self.programs, self.categories, self.notices):
                label.setText("—")
            _clear(self.warnings)
            return
        factors = evaluation.factors
        self.table.setRowCount(len(factors))
        for row, factor in enumerate(factors):
            name = _(FACTOR_NAMES.get(factor.factor, factor.factor))
            section = _(SECTIONS.get(factor.section, factor.section))
            cells = [f"{section}: {name}", str(factor.points), str(factor.max), factor.explanation]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            page = FACTOR_PAGES.get(factor.factor)
            if page is not None:
                self.table.setCellWidget(row, 4, self._link(page))
            else:
                self.table.removeCellWidget(row, 4)
        self.table.resizeRowsToContents()

        lines = []
        for name, result in (
            (self.tr("Federal Skilled Worker"), evaluation.fsw),
            (self.tr("Canadian Experience Class"), evaluation.cec),
            (self.tr("Federal Skilled Trades"), evaluation.fst),
        ):
            if result.eligible:
                extra = (
                    self.tr(" (%1 of 100 points on the selection grid)").replace(
                        "%1", str(result.points)
                    )
                    if result.points is not None
                    else ""
                )
                lines.append("✓ " + self.tr("%1: eligible").replace("%1", name) + extra)
            else:
                lines.append("✗ " + self.tr("%1: not eligible").replace("%1", name))
                lines.extend(f"      • {reason}" for reason in result.reasons)
        self.programs.setText("\n".join(lines))
        eligible = [c.name for c in evaluation.categories if c.eligible]
        self.categories.setText(
            "\n".join(f"✓ {name}" for name in eligible)
            if eligible
            else self.tr("This file does not qualify for a category-based draw today.")
        )
        _clear(self.warnings)
        if not evaluation.alerts:
            self.warnings.addWidget(QLabel(self.tr("No warnings.")))
        for index, alert in enumerate(evaluation.alerts):
            self.warnings.addWidget(
                self._row(f"• {alert.text}", page_for(alert.field), f"review:warning:{index}")
            )
        self.notices.setText(
            "\n\n".join(f"{n.title}: {n.text}" for n in evaluation.notices)
            or self.tr("The rules are verified up to date.")
        )

    def _show_problems(self, assessment: Assessment) -> None:
        _clear(self.problems)
        if assessment.check.complete:
            self.status.setText(
                self.tr("Everything is filled in. Save to keep this as your personal file.")
            )
            return
        self.status.setText(self.tr("Some entries need attention before you can save:"))
        titles = self.page_titles()
        for problem in assessment.check.problems:
            page = page_for(problem.path)
            self.problems.addWidget(self._row(f"{titles.get(page, page)}: {problem}", page))

    def _row(self, text: str, page: str, name: str = "") -> QWidget:
        """A sentence with a button to the page that changes it."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        row.addWidget(label, 1)
        row.addWidget(self._link(page))
        holder = QWidget()
        holder.setLayout(row)
        return holder
