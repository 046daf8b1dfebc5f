"""The Work history page: the applicant's jobs and the skilled years counted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel

from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.jobs import job_list


class WorkPage(WizardPage):
    key = "work"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.summary = QLabel()
        self.summary.setObjectName("work:summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.body.addWidget(self.summary)
        self.jobs = job_list("applicant")
        self.body.addWidget(self.jobs)
        self._connect(self.jobs)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Work history")

    def introduction(self) -> str:
        return self.tr(
            "List every job of the last ten years, in Canada and abroad. Skilled "
            "work (NOC TEER 0, 1, 2 or 3), paid, counts toward your score; at most 30 "
            "hours a week are counted and 1,560 hours make a year."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        self.jobs.bind(draft["applicant"]["work_history"])

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.jobs.show_problems(problems, force)

    def refresh(self, assessment: Assessment) -> None:
        evaluation = assessment.evaluation
        if evaluation is None:
            self.summary.setText("")
            return
        f = evaluation.facts
        self.summary.setText(
            self.tr("Counted skilled experience: %1 year(s) in Canada, %2 year(s) abroad.")
            .replace("%1", str(f.canadian_work_years))
            .replace("%2", str(f.foreign_work_years))
        )
