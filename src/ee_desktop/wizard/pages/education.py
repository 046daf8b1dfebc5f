"""The Education page: the applicant's credentials and the level that counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel

from ee_desktop.i18n import _
from ee_desktop.rules.explain import LEVEL_NAMES
from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.credentials import credential_list


class EducationPage(WizardPage):
    key = "education"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.credentials = credential_list("applicant", self.kept)
        self.body.addWidget(self.credentials)
        self.summary = QLabel()
        self.summary.setObjectName("education:summary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self._connect(self.credentials)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Education")

    def introduction(self) -> str:
        return self.tr(
            "Enter every credential you completed (not only the highest): two or "
            "more credentials can be worth more than one. A credential from outside "
            "Canada counts only with an ECA report."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        self.credentials.bind(draft["applicant"]["education"])

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.credentials.show_problems(problems, force)

    def refresh(self, assessment: Assessment) -> None:
        evaluation = assessment.evaluation
        if evaluation is None:
            self.summary.setText("")
            return
        level = evaluation.facts.education_level
        self.summary.setText(
            self.tr("Counted education: %1.").replace(
                "%1", _(LEVEL_NAMES[level]) if level in LEVEL_NAMES else level
            )
        )
