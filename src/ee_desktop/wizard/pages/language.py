"""The Language tests page: the applicant's tests and the first official language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel

from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.fields import Form, Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.language_tests import test_list


class LanguagePage(WizardPage):
    key = "language"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.form = Form("")
        self.form.choice(
            "first_official_language",
            self.tr("First official lan&guage:"),
            [
                ("auto", self.tr("Whichever gives me more points")),
                ("english", self.tr("English")),
                ("french", self.tr("French")),
            ],
            self.tr(
                "With results in both English and French, one is your first official "
                "language and the other your second."
            ),
        )
        self.body.addWidget(self.form)
        self.tests = test_list("applicant", service, today)
        self.body.addWidget(self.tests)
        self.summary = QLabel()
        self.summary.setObjectName("language:summary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self._connect(self.form, self.tests)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Language tests")

    def introduction(self) -> str:
        return self.tr(
            "Enter each approved test you have taken, with the score of each ability "
            "exactly as on your results. The CLB or NCLC level appears as you type."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        self.form.bind(draft)
        self.tests.bind(draft["applicant"]["language_tests"])

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        self.tests.show_problems(problems, force)

    def refresh(self, assessment: Assessment) -> None:
        evaluation = assessment.evaluation
        if evaluation is None or evaluation.facts.first_language is None:
            self.summary.setText(
                self.tr(
                    "No valid test counts yet: results older than two "
                    "years, or taken after today, do not count."
                )
            )
            return
        first = evaluation.facts.first_language
        text = (
            self.tr("Counted: %1 as first official language (lowest level %2).")
            .replace("%1", self.tr("English") if first.language == "english" else self.tr("French"))
            .replace("%2", str(first.lowest))
        )
        if evaluation.facts.second_language is not None:
            text += " " + self.tr("A second official language also counts.")
        self.summary.setText(text)
