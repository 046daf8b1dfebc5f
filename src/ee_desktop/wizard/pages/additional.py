"""The Additional factors page: sibling, trade certificate, nomination, job offer.

The settlement funds have their own page, next (pages/funds.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel

from ee_desktop.profile.labels import PROVINCE
from ee_desktop.profile.labels import label as code_label
from ee_desktop.profile.model import PROVINCES
from ee_desktop.services.wizard import WizardService
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Form, Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.noc_hint import NocHint
from ee_desktop.wizard.records import OptionalGroup


def _province_options() -> list[tuple[str, str]]:
    return [(code, code_label(PROVINCE, code)) for code in PROVINCES]


class AdditionalPage(WizardPage):
    key = "additional"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.form = Form("applicant")
        self.form.check(
            "sibling_in_canada",
            self.tr(
                "I (or my accompanying spouse) have a &brother or sister in "
                "Canada who is a citizen or permanent resident, aged 18 or over"
            ),
            self.tr("A brother or sister living in Canada can add points."),
        )
        self.body.addWidget(self.form)

        self.certificate = OptionalGroup(
            self.tr("I have a Canadian certificate of qualification in a trade"),
            "applicant",
            "certificate_of_qualification",
            lambda _node: {"province": "ON", "trade": "", "issued_on": ""},
            self.kept,
        )
        c = self.certificate.form
        c.choice("province", self.tr("&Province or territory:"), _province_options())
        c.text("trade", self.tr("Tra&de:"))
        c.date("issued_on", self.tr("&Issued on:"))

        self.nomination = OptionalGroup(
            self.tr("I have a provincial or territorial nomination"),
            "applicant",
            "provincial_nomination",
            lambda _node: {"province": "ON", "stream": "", "nominated_on": ""},
            self.kept,
        )
        n = self.nomination.form
        n.choice("province", self.tr("P&rovince or territory:"), _province_options())
        n.text("stream", self.tr("&Stream:"))
        n.date("nominated_on", self.tr("&Nominated on:"))
        n.date(
            "accepted_on",
            self.tr("Acce&pted in your profile on:"),
            self.tr(
                "Optional: the day you accepted the nomination in your Express Entry profile "
                "(you have 30 calendar days from the nomination)."
            ),
            nullable=True,
        )

        self.offer = OptionalGroup(
            self.tr("I have a job offer from a Canadian employer"),
            "applicant",
            "job_offer",
            lambda _node: {
                "noc_code": "",
                "employer": "",
                "start_on": "",
                "lmia_exempt_or_approved": True,
            },
            self.kept,
        )
        o = self.offer.form
        offer_noc = o.text(
            "noc_code",
            self.tr("NOC &code:"),
            terms.noc(),
            placeholder=self.tr("Type a code or a job title"),
        )
        self.offer_hint = NocHint(offer_noc)
        o.add_widget(self.offer_hint)
        o.text("employer", self.tr("E&mployer:"))
        o.date("start_on", self.tr("Sta&rts on:"))
        o.check("lmia_exempt_or_approved", self.tr("Backed by an &LMIA or LMIA-exempt"))
        offer_note = QLabel(
            self.tr(
                "Since 25 March 2025 a job offer no longer adds points, "
                "but it can still matter for the Federal Skilled Trades "
                "program and the settlement-funds exemption."
            )
        )
        offer_note.setWordWrap(True)
        o.add_widget(offer_note)

        for widget in (self.certificate, self.nomination, self.offer):
            self.body.addWidget(widget)
        self._connect(self.form, self.certificate, self.nomination, self.offer)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Additional factors")

    def introduction(self) -> str:
        return self.tr(
            "These can add points or change which programs you qualify for. Leave "
            "unticked what does not apply to you."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        applicant = draft["applicant"]
        self.form.bind(applicant)
        for group in (self.certificate, self.nomination, self.offer):
            group.bind(applicant)
        self.offer_hint.update_title()

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        for group in (self.certificate, self.nomination, self.offer):
            group.form.show_problems(problems, force)
