"""The Spouse or partner page: whether they count in the score, and their own records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel

from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Form, Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.credentials import credential_list
from ee_desktop.wizard.pages.jobs import job_list
from ee_desktop.wizard.pages.language_tests import test_list
from ee_desktop.wizard.pages.passport import passport_group
from ee_desktop.wizard.pages.residences import places_header, residence_list
from ee_desktop.wizard.pages.status import StatusGroup


class SpousePage(WizardPage):
    key = "spouse"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.form = Form("spouse")
        f = self.form
        f.check(
            "accompanying",
            self.tr("My spouse or partner will &come with me to Canada"),
            terms.accompanying(),
        )
        f.check(
            "canadian_citizen_or_pr",
            self.tr("My spouse or partner is a Canadian &citizen or permanent resident"),
            terms.accompanying(),
        )
        f.text("given_names", self.tr("&Given names:"))
        f.text("family_name", self.tr("Famil&y name:"))
        f.date("date_of_birth", self.tr("Date of &birth:"))
        self.body.addWidget(self.form)
        self.counted = QLabel()
        self.counted.setObjectName("spouse:counted")
        self.counted.setWordWrap(True)
        self.body.addWidget(self.counted)
        self.passport = passport_group("spouse", self.kept)
        self.body.addWidget(self.passport)
        self.status_group = StatusGroup("spouse", self.kept)
        self.body.addWidget(self.status_group)
        for widget in places_header(self.tr("Places they have lived")):
            self.body.addWidget(widget)
        self.residences = residence_list("spouse")
        self.body.addWidget(self.residences)
        self.tests = test_list("spouse", service, today)
        self.credentials = credential_list("spouse", self.kept)
        self.jobs = job_list("spouse")
        for heading, records in (
            (self.tr("Their language tests"), self.tests),
            (self.tr("Their education"), self.credentials),
            (self.tr("Their work"), self.jobs),
        ):
            label = QLabel(f"<b>{heading}</b>")
            self.body.addWidget(label)
            self.body.addWidget(records)
        self._connect(
            self.form,
            self.passport,
            self.status_group,
            self.residences,
            self.tests,
            self.credentials,
            self.jobs,
        )
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Spouse or partner")

    def introduction(self) -> str:
        return self.tr(
            "Whether your spouse or partner comes with you changes how your score "
            "is calculated. Their test results, education and Canadian work can add "
            "points."
        )

    def applies(self) -> bool:
        return self.draft.get("spouse") is not None

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        spouse = draft.get("spouse")
        if spouse is None:
            return
        spouse.setdefault("education", [])
        spouse.setdefault("language_tests", [])
        spouse.setdefault("work_history", [])
        self.form.bind(spouse)
        self.passport.bind(spouse)
        self.status_group.bind(spouse)
        self.residences.bind(spouse.setdefault("residence_history", []))
        self.tests.bind(spouse["language_tests"])
        self.credentials.bind(spouse["education"])
        self.jobs.bind(spouse["work_history"])

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        self.passport.form.show_problems(problems, force)
        self.status_group.form.show_problems(problems, force)
        for records in (self.residences, self.tests, self.credentials, self.jobs):
            records.show_problems(problems, force)

    def refresh(self, assessment: Assessment) -> None:
        spouse = self.draft.get("spouse") or {}
        counts = spouse.get("accompanying") and not spouse.get("canadian_citizen_or_pr")
        self.counted.setText(
            self.tr("Your score is calculated with a spouse: their factors below add points.")
            if counts
            else self.tr(
                "Your score is calculated as if you were single: your spouse or partner "
                "is not coming with you or is already a Canadian citizen or permanent "
                "resident. Their details are still needed for the application."
            )
        )
