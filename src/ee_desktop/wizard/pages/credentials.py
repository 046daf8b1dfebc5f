"""Education credential cards, each with its optional ECA report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ee_desktop.profile.model import ECA_ORGANIZATIONS, EDUCATION_LEVELS
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.records import Card, OptionalGroup, RecordList


def level_options() -> list[tuple[str, str]]:
    names = {
        "less_than_secondary": QCoreApplication.translate("wizard", "Less than secondary school"),
        "secondary": QCoreApplication.translate("wizard", "Secondary school diploma"),
        "one_year_post_secondary": QCoreApplication.translate(
            "wizard", "One-year post-secondary program"
        ),
        "two_year_post_secondary": QCoreApplication.translate(
            "wizard", "Two-year post-secondary program"
        ),
        "bachelors": QCoreApplication.translate(
            "wizard", "Bachelor's degree or program of 3 years or more"
        ),
        "masters": QCoreApplication.translate(
            "wizard", "Master's degree or professional degree (e.g. medicine, law)"
        ),
        "doctoral": QCoreApplication.translate("wizard", "Doctoral degree (PhD)"),
    }
    return [(level, names[level]) for level in EDUCATION_LEVELS]


class CredentialCard(Card):
    def __init__(self, base_path: str, index: int, kept: Callable[[], Node]) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Credential %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this credential"),
        )
        f = self.form
        f.choice(
            "level",
            self.tr("&Level:"),
            level_options(),
            self.tr(
                "For a credential from outside Canada, the Canadian equivalent written "
                "on your ECA report."
            ),
        )
        f.number(
            "program_length_years",
            self.tr("Program &length (years):"),
            self.tr("How many years the full program lasts."),
            placeholder="1-15",
        )
        f.check("full_time", self.tr("Full-time &program"))
        self.country = f.country("country", self.tr("&Country:"), self.tr("Where you studied."))
        f.text("institution", self.tr("&Institution:"))
        f.text("field", self.tr("Field of &study:"))
        f.date("completed_on", self.tr("&Completed on:"))

        def eca_template(node: Node) -> Node:
            return {
                "organization": "WES",
                "reference": "",
                "issued_on": "",
                "level": node.get("level", "bachelors"),
            }

        self.eca = OptionalGroup(
            self.tr("I have an ECA report for this credential"),
            base_path,
            "eca",
            eca_template,
            kept,
        )
        self.eca.setToolTip(terms.eca())
        e = self.eca.form
        e.choice(
            "organization",
            self.tr("&Organization:"),
            [(o, o) for o in ECA_ORGANIZATIONS],
            terms.eca(),
        )
        e.text("reference", self.tr("&Reference number:"))
        e.date(
            "issued_on",
            self.tr("&Issued on:"),
            self.tr("An ECA report is valid for five years from this date."),
        )
        e.choice(
            "level",
            self.tr("Canadian &equivalent:"),
            level_options(),
            self.tr("The level the report says the credential is equal to in Canada."),
        )
        self.add_optional(self.eca)
        self.country.edited.connect(self._country_changed)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self._country_changed()

    def _country_changed(self) -> None:
        canadian = self.node.get("country") == "CA"
        if canadian and self.eca.isChecked():
            # A Canadian credential needs no ECA; unticking keeps it in the stash, so
            # choosing the right country again and ticking brings it back.
            self.eca.setChecked(False)
        self.eca.setVisible(not canadian)


def new_credential() -> Node:
    return {
        "level": "bachelors",
        "program_length_years": "",
        "full_time": True,
        "country": "",
        "institution": "",
        "field": "",
        "completed_on": "",
        "eca": None,
    }


def credential_list(prefix: str, kept: Callable[[], Node]) -> RecordList:
    return RecordList(
        f"{prefix}.education",
        QCoreApplication.translate("wizard", "Add a &credential"),
        QCoreApplication.translate("wizard", "No credential entered yet."),
        new_credential,
        lambda path, i: CredentialCard(path, i, kept),
    )
