"""The About you page: names, birth date, marital status, passport and places lived."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from ee_desktop.profile.draft import new_spouse
from ee_desktop.profile.model import STATUSES_WITH_SPOUSE
from ee_desktop.services.wizard import WizardService
from ee_desktop.wizard.fields import Form, Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.passport import passport_group
from ee_desktop.wizard.pages.residences import places_header, residence_list
from ee_desktop.wizard.pages.status import StatusGroup


class AboutPage(WizardPage):
    key = "about"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.form = Form("applicant")
        f = self.form
        f.text("given_names", self.tr("&Given names:"), self.tr("As written in your passport."))
        f.text("family_name", self.tr("Famil&y name:"), self.tr("As written in your passport."))
        f.date(
            "date_of_birth",
            self.tr("Date of &birth:"),
            self.tr("Your age on the day you are invited counts for up to 110 points."),
        )
        statuses = [
            ("never_married", self.tr("Never married / single")),
            ("married", self.tr("Married")),
            ("common_law", self.tr("Common-law (lived together 12 months or more)")),
            ("separated", self.tr("Legally separated")),
            ("divorced", self.tr("Divorced")),
            ("widowed", self.tr("Widowed")),
            ("annulled", self.tr("Annulled marriage")),
        ]
        self.status = f.choice(
            "marital_status",
            self.tr("&Marital status:"),
            statuses,
            self.tr(
                "Married and common-law applicants enter their spouse or partner on the next page."
            ),
        )
        f.country(
            "country_of_residence",
            self.tr("&Country of residence:"),
            self.tr("The country where you live now."),
        )
        self.body.addWidget(self.form)
        self.passport = passport_group("applicant", self.kept)
        self.body.addWidget(self.passport)
        self.status_group = StatusGroup("applicant", self.kept)
        self.body.addWidget(self.status_group)
        self.residences = residence_list("applicant")
        for widget in places_header(QCoreApplication.translate("wizard", "Places you have lived")):
            self.body.addWidget(widget)
        self.body.addWidget(self.residences)
        self._connect(self.passport, self.status_group, self.residences)
        self.status.edited.connect(self._status_changed)
        self._connect(self.form)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("About you")

    def introduction(self) -> str:
        return self.tr("Start with the basics, exactly as they appear in your passport.")

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        self.form.bind(draft["applicant"])
        self.passport.bind(draft["applicant"])
        self.status_group.bind(draft["applicant"])
        self.residences.bind(draft["applicant"].setdefault("residence_history", []))

    def _status_changed(self) -> None:
        """A spouse exists only for married and common-law applicants; keep typed data."""
        has_spouse = self.draft["applicant"]["marital_status"] in STATUSES_WITH_SPOUSE
        if has_spouse and self.draft.get("spouse") is None:
            self.draft["spouse"] = self.kept().pop("spouse", None) or new_spouse()
        elif not has_spouse and self.draft.get("spouse") is not None:
            self.kept()["spouse"] = self.draft["spouse"]
            self.draft["spouse"] = None

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        self.passport.form.show_problems(problems, force)
        self.status_group.form.show_problems(problems, force)
        self.residences.show_problems(problems, force)
