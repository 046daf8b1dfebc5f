"""The last page: the full breakdown, programs, categories and warnings, each linked back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import _
from ee_desktop.profile.draft import page_for
from ee_desktop.rules import Evaluation
from ee_desktop.rules.explain import FACTOR_NAMES, SECTIONS
from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.pages.base import WizardPage

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


def _clear_grid(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


def _shape(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows without their texts: sections and factors, with their links."""
    return [(row[0],) if row[0] == "section" else (row[0], row[1], row[5]) for row in rows]


class ReviewPage(WizardPage):
    key = "review"
    refreshed_when_hidden = False
    go_to = Signal(str)

    def __init__(
        self,
        service: WizardService,
        today: Callable[[], date],
        page_titles: Callable[[], dict[str, str]],
        label_for: Callable[[str], str],
    ) -> None:
        super().__init__(service, today)
        self.page_titles = page_titles
        self.label_for = label_for
        self.baseline: Evaluation | None = None  # the saved file today, beside a what-if
        # What is on screen, so that an edit that changes none of it rebuilds nothing.
        self._shown_factors: list[tuple[str, ...]] = []
        self._factor_labels: list[tuple[QLabel, ...]] = []
        self._shown_warnings: list[tuple[str, str, bool]] | None = None
        self._shown_problems: tuple[bool, tuple[object, ...]] | None = None
        self.status = QLabel()
        self.status.setObjectName("review:status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: 600;")
        self.body.addWidget(self.status)
        self.problems = QVBoxLayout()
        self.body.addLayout(self.problems)

        self.body.addWidget(self._heading(self.tr("Score breakdown")))
        self.factors = QGridLayout()
        self.factors.setColumnStretch(2, 1)
        self.factors.setHorizontalSpacing(12)
        self.factors.setVerticalSpacing(4)
        self.body.addLayout(self.factors)

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
            _clear_grid(self.factors)
            self._shown_factors = []
            self._shown_warnings = None
            for label in (self.programs, self.categories, self.notices):
                label.setText("—")
            _clear(self.warnings)
            return
        self._show_factors(evaluation)

        lines = []
        base = self.baseline
        for name, result, before in (
            (self.tr("Federal Skilled Worker"), evaluation.fsw, base.fsw if base else None),
            (self.tr("Canadian Experience Class"), evaluation.cec, base.cec if base else None),
            (self.tr("Federal Skilled Trades"), evaluation.fst, base.fst if base else None),
        ):
            if before is not None and before.eligible != result.eligible:
                name += " " + (
                    self.tr("(today: eligible)")
                    if before.eligible
                    else self.tr("(today: not eligible)")
                )
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
        eligible = [c.title for c in evaluation.categories if c.eligible]
        if base is not None:
            before_names = {c.title for c in base.categories if c.eligible}
            eligible = [n if n in before_names else n + " " + self.tr("(new)") for n in eligible]
        self.categories.setText(
            "\n".join(f"✓ {name}" for name in eligible)
            if eligible
            else self.tr("This file does not qualify for a category-based draw today.")
        )
        # Warnings first; what is only worth knowing ("30 of 40 hours count") is not an alarm.
        alerts = sorted(evaluation.alerts, key=lambda a: a.is_information)
        warnings = [(a.text, page_for(a.field), a.is_information) for a in alerts]
        if warnings != self._shown_warnings:
            self._shown_warnings = warnings
            _clear(self.warnings)
            if not warnings:
                self.warnings.addWidget(QLabel(self.tr("No warnings.")))
            for index, (text, page, information) in enumerate(warnings):
                mark = "ℹ" if information else "⚠"
                row = self._row(f"{mark} {text}", page, f"review:warning:{index}")
                row.setProperty("information", information)
                row.setStyleSheet("" if information else "QLabel { color: #9a4b00; }")
                row.setToolTip(self.tr("Good to know") if information else self.tr("Warning"))
                self.warnings.addWidget(row)
        self.notices.setText(
            "\n\n".join(f"{n.title}: {n.text}" for n in evaluation.notices)
            or self.tr("The rules are verified up to date.")
        )

    def _show_factors(self, evaluation: Evaluation) -> None:
        """Section by section: factor, points of maximum, why, and a link to change it.

        Rebuilt only when the rows change: most edits change nothing here, and building
        some sixty widgets per keystroke would make typing lag."""
        rows = self._factor_rows(evaluation)
        if rows == self._shown_factors:
            return
        same_shape = _shape(rows) == _shape(self._shown_factors)
        self._shown_factors = rows
        if same_shape:  # the same factors with other points: new texts, same widgets
            for labels, (_kind, *texts) in zip(self._factor_labels, rows, strict=True):
                shown = texts[:1] if len(labels) == 1 else texts[1:4]
                for label, text in zip(labels, shown, strict=True):
                    label.setText(f"<b>{text}</b>" if len(labels) == 1 else text)
            return
        _clear_grid(self.factors)
        self._factor_labels = []
        for row, (kind, *texts) in enumerate(rows):
            if kind == "section":
                header = QLabel(f"<b>{texts[0]}</b>")
                header.setStyleSheet("margin-top: 6px;")
                self.factors.addWidget(header, row, 0, 1, 4)
                self._factor_labels.append((header,))
                continue
            factor, name_text, points_text, why_text, page = texts
            name = QLabel(name_text)
            points = QLabel(points_text)
            points.setObjectName(f"review:points:{factor}")
            why = QLabel(why_text)
            why.setWordWrap(True)
            self.factors.addWidget(name, row, 0)
            self.factors.addWidget(points, row, 1)
            self.factors.addWidget(why, row, 2)
            if page:
                self.factors.addWidget(self._link(page), row, 3)
            self._factor_labels.append((name, points, why))

    def _factor_rows(self, evaluation: Evaluation) -> list[tuple[str, ...]]:
        """What the breakdown shows, as text: ("section", title) and ("factor", id, name,
        points, why, page) rows."""
        baseline = (
            {}
            if self.baseline is None
            else {(f.section, f.factor): f.points for f in self.baseline.factors}
        )
        rows: list[tuple[str, ...]] = []
        section = None
        totals = {key: getattr(evaluation.crs, key) for key in SECTIONS}
        for factor in evaluation.factors:
            if factor.section != section:
                section = factor.section
                title = f"{_(SECTIONS.get(section, section))}: {totals.get(section, '')}"
                rows.append(("section", title))
            text = self.tr("%1 of %2").replace("%1", str(factor.points))
            text = text.replace("%2", str(factor.max))
            before = baseline.get((factor.section, factor.factor))
            if before is not None and before != factor.points:
                text += " " + self.tr("(today %1)").replace("%1", str(before))
            name = _(FACTOR_NAMES.get(factor.factor, factor.factor))
            page = FACTOR_PAGES.get(factor.factor, "")
            rows.append(("factor", factor.factor, name, text, factor.explanation, page))
        return rows

    def _show_problems(self, assessment: Assessment) -> None:
        shown = (assessment.check.complete, assessment.check.problems)
        if shown == self._shown_problems:
            return
        self._shown_problems = shown
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
            text = self.tr("%1: %2, expected %3.").replace("%1", titles.get(page, page))
            text = text.replace("%2", self.label_for(problem.path)).replace("%3", problem.expected)
            self.problems.addWidget(self._row(text, page))

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
