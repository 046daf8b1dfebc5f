"""The wizard's pages. Each binds its forms to part of the draft and shows live hints.

Pages hold layout and display only; the draft's meaning (validity, score,
levels) comes from the WizardService passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import _
from ee_desktop.noc import noc_index
from ee_desktop.profile.codes import SCORE_SCALES, TEST_LANGUAGE
from ee_desktop.profile.draft import new_spouse, stash
from ee_desktop.profile.labels import PROVINCE, level_scale
from ee_desktop.profile.labels import label as code_label
from ee_desktop.profile.model import (
    ABILITIES,
    ECA_ORGANIZATIONS,
    EDUCATION_LEVELS,
    PROVINCES,
    STATUSES_WITH_SPOUSE,
)
from ee_desktop.profile.problems import Problem
from ee_desktop.rules.explain import LEVEL_NAMES
from ee_desktop.service import Assessment, WizardService
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Form, Node, TextField
from ee_desktop.wizard.records import Card, OptionalGroup, RecordList

Problems = dict[str, Problem]


class WizardPage(QWidget):
    """Base page: a title, an introduction and the forms that edit the draft."""

    key = ""
    edited = Signal()

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__()
        self.service = service
        self.today = today
        self.draft: Node = {}
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel(self.title())
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.body.addWidget(self.heading)
        intro = QLabel(self.introduction())
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.page_message = QLabel()
        self.page_message.setWordWrap(True)
        self.page_message.setStyleSheet("color: #b00020;")
        self.page_message.setVisible(False)
        self.body.addWidget(self.page_message)

    def title(self) -> str:
        raise NotImplementedError

    def introduction(self) -> str:
        return ""

    def finish_layout(self) -> None:
        self.body.addStretch(1)

    def bind(self, draft: Node) -> None:
        self.draft = draft

    def kept(self) -> Node:
        """The draft's store of data from sections switched off, by field path."""
        return stash(self.draft)

    def show_problems(self, problems: Problems, force: bool) -> None:
        """Show each problem under its field; ``force`` also shows those of untouched fields."""

    def refresh(self, assessment: Assessment) -> None:
        """Update live hints (levels, counted years) after any change."""

    def applies(self) -> bool:
        return True

    def _connect(self, *sources: Any) -> None:
        for source in sources:
            source.edited.connect(self.edited)


def _level_options() -> list[tuple[str, str]]:
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


def _province_options() -> list[tuple[str, str]]:
    return [(code, code_label(PROVINCE, code)) for code in PROVINCES]


# -- About you ----------------------------------------------------------------------
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
        self.residences = residence_list("applicant")
        for widget in places_header(QCoreApplication.translate("wizard", "Places you have lived")):
            self.body.addWidget(widget)
        self.body.addWidget(self.residences)
        self._connect(self.passport, self.residences)
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
        self.residences.show_problems(problems, force)


def passport_group(person_path: str, kept: Callable[[], Node]) -> OptionalGroup:
    group = OptionalGroup(
        QCoreApplication.translate("wizard", "Has a valid passport"),
        person_path,
        "passport",
        lambda _node: {"number": "", "country": "", "issued_on": "", "expires_on": ""},
        kept,
    )
    p = group.form
    p.text("number", QCoreApplication.translate("wizard", "Passport &number:"))
    p.country(
        "country",
        QCoreApplication.translate("wizard", "Issued b&y:"),
        QCoreApplication.translate("wizard", "The country that issued it."),
    )
    p.date("issued_on", QCoreApplication.translate("wizard", "&Issued on:"))
    p.date(
        "expires_on",
        QCoreApplication.translate("wizard", "E&xpires on:"),
        QCoreApplication.translate("wizard", "It must stay valid until landing."),
    )
    return group


def places_header(title: str) -> list[QWidget]:
    heading = QLabel(f"<b>{title}</b>")
    help_text = QLabel(
        QCoreApplication.translate(
            "wizard",
            "Every country lived in since age 18, oldest first. Each country where the "
            "person spent six months or more in a row needs a police certificate.",
        )
    )
    help_text.setWordWrap(True)
    return [heading, help_text]


def residence_list(person_path: str) -> RecordList:
    return RecordList(
        f"{person_path}.residence_history",
        QCoreApplication.translate("wizard", "Add a &place"),
        QCoreApplication.translate("wizard", "No places entered yet."),
        lambda: {"country": "", "from": "", "to": None},
        ResidenceCard,
    )


class ResidenceCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            _numbered(QCoreApplication.translate("wizard", "Place %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this place"),
        )
        f = self.form
        f.country("country", self.tr("&Country:"))
        f.date("from", self.tr("Fro&m:"))
        f.date("to", self.tr("T&o:"), self.tr("Leave empty if you live there now."), nullable=True)


# -- records shared by the applicant and the spouse -----------------------------------------
class TestCard(Card):
    """A language test, with the CLB/NCLC level of each score shown as it is typed."""

    def __init__(
        self, base_path: str, index: int, service: WizardService, today: Callable[[], date]
    ) -> None:
        super().__init__(
            _numbered(QCoreApplication.translate("wizard", "Language test %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this test"),
        )
        self.service = service
        self.today = today
        f = self.form
        tests = [
            ("ielts_general", self.tr("IELTS General Training (English)")),
            ("celpip_general", self.tr("CELPIP-General (English)")),
            ("pte_core", self.tr("PTE Core (English)")),
            ("tef_canada", self.tr("TEF Canada (French)")),
            ("tcf_canada", self.tr("TCF Canada (French)")),
        ]
        self.test = f.choice(
            "test",
            self.tr("Test t&ype:"),
            tests,
            self.tr("Only these tests are accepted for Express Entry."),
        )
        f.date(
            "taken_on",
            self.tr("&Date of the test:"),
            self.tr("Results are valid for two years from this date."),
        )
        f.text(
            "registration_number",
            self.tr("&Registration number:"),
            self.tr("The test report form or registration number on your results."),
        )
        f.date(
            "results_on",
            self.tr("Date of the res&ults:"),
            self.tr(
                "Optional: the date printed on your results. Results stay valid two years "
                "from it; without it, two years from the test date are counted."
            ),
            nullable=True,
        )
        names = {
            "listening": self.tr("&Listening:"),
            "reading": self.tr("R&eading:"),
            "writing": self.tr("&Writing:"),
            "speaking": self.tr("&Speaking:"),
        }
        self.levels: dict[str, QLabel] = {}
        self.scores: dict[str, TextField] = {}
        for ability in ABILITIES:
            level = QLabel()
            level.setObjectName(f"{base_path}.{ability}:level")
            level.setToolTip(terms.clb())
            self.levels[ability] = level
            self.scores[ability] = f.number(ability, names[ability], terms.clb(), hint=level)
        self.edited.connect(self.refresh_levels)
        self.test.edited.connect(self._update_ranges)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self._update_ranges()
        self.refresh_levels()

    def _update_ranges(self) -> None:
        scales = SCORE_SCALES.get(self.node.get("test", ""), {})
        for ability, field in self.scores.items():
            scale = scales.get(ability)
            field.line.setPlaceholderText(scale.describe() if scale else "")

    def refresh_levels(self) -> None:
        test = self.node.get("test", "")
        scale = level_scale(TEST_LANGUAGE.get(test, "english"))
        for ability, label in self.levels.items():
            level = self.service.language_level(
                test, self.node.get("taken_on", ""), ability, self.node.get(ability), self.today()
            )
            label.setText(f"{scale} {level}" if level is not None else "")


def _numbered(text: str, number: int) -> str:
    return text.replace("%1", str(number))


def new_test() -> Node:
    return {
        "test": "ielts_general",
        "taken_on": "",
        "registration_number": "",
        "results_on": None,
        "listening": "",
        "reading": "",
        "writing": "",
        "speaking": "",
    }


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


def new_job() -> Node:
    return {
        "title": "",
        "employer": "",
        "noc_code": "",
        "country": "",
        "start": "",
        "end": None,
        "hours_per_week": "",
        "self_employed": False,
        "paid": True,
        "while_full_time_student": False,
    }


class CredentialCard(Card):
    def __init__(self, base_path: str, index: int, kept: Callable[[], Node]) -> None:
        super().__init__(
            _numbered(QCoreApplication.translate("wizard", "Credential %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this credential"),
        )
        f = self.form
        f.choice(
            "level",
            self.tr("&Level:"),
            _level_options(),
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
            _level_options(),
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


class NocHint(QLabel):
    """Shows the NOC title and TEER of the code typed; offers matches as the user types."""

    def __init__(self, field: TextField) -> None:
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setObjectName(field.path + ":title")
        self.model = QStringListModel()
        self.completer = QCompleter(self.model, field.line)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self._chosen)
        field.line.setCompleter(self.completer)
        field.line.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        matches = noc_index().search(text, limit=30)
        self.model.setStringList([f"{m.occupation.code} {m.matched_title}" for m in matches])
        self.update_title()

    def _chosen(self, text: str) -> None:
        code = text.split(" ", 1)[0]
        self.field.line.setText(code)
        self.field._changed()
        self.update_title()

    def update_title(self) -> None:
        occupation = noc_index().get(str(self.field.node.get("noc_code", "")))
        if occupation is None:
            self.setText("")
            return
        skilled = self.tr("skilled") if occupation.teer <= 3 else self.tr("not skilled")
        self.setText(
            self.tr("%1 — TEER %2 (%3)")
            .replace("%1", occupation.title())
            .replace("%2", str(occupation.teer))
            .replace("%3", skilled)
        )
        self.setToolTip(terms.teer())


class JobCard(Card):
    def __init__(self, base_path: str, index: int) -> None:
        super().__init__(
            _numbered(QCoreApplication.translate("wizard", "Job %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this job"),
        )
        f = self.form
        f.text("title", self.tr("Job t&itle:"))
        f.text("employer", self.tr("&Employer:"))
        noc = f.text(
            "noc_code",
            self.tr("&NOC code:"),
            terms.noc(),
            placeholder=self.tr("Type a code or a job title"),
        )
        self.noc_hint = NocHint(noc)
        f.add_widget(self.noc_hint)
        f.country("country", self.tr("&Country:"), self.tr("Where you did this work."))
        f.date("start", self.tr("&Start date:"))
        f.date(
            "end",
            self.tr("En&d date:"),
            self.tr("Leave empty if you still work here."),
            nullable=True,
        )
        f.number("hours_per_week", self.tr("Hours per &week:"), terms.hours(), placeholder="1-168")
        f.check(
            "paid",
            self.tr("&Paid work (wages or commission)"),
            self.tr("Volunteer work and unpaid internships do not count."),
        )
        f.check(
            "self_employed",
            self.tr("Se&lf-employed"),
            self.tr("Self-employment does not count for the Canadian Experience Class."),
        )
        f.check(
            "while_full_time_student",
            self.tr("Done while a full-time st&udent"),
            terms.full_time_student(),
        )
        self.edited.connect(self.noc_hint.update_title)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self.noc_hint.update_title()


def test_list(prefix: str, service: WizardService, today: Callable[[], date]) -> RecordList:
    return RecordList(
        f"{prefix}.language_tests",
        QCoreApplication.translate("wizard", "Add a language te&st"),
        QCoreApplication.translate("wizard", "No language test entered yet."),
        new_test,
        lambda path, i: TestCard(path, i, service, today),
    )


def credential_list(prefix: str, kept: Callable[[], Node]) -> RecordList:
    return RecordList(
        f"{prefix}.education",
        QCoreApplication.translate("wizard", "Add a &credential"),
        QCoreApplication.translate("wizard", "No credential entered yet."),
        new_credential,
        lambda path, i: CredentialCard(path, i, kept),
    )


def job_list(prefix: str) -> RecordList:
    return RecordList(
        f"{prefix}.work_history",
        QCoreApplication.translate("wizard", "Add a &job"),
        QCoreApplication.translate("wizard", "No job entered yet."),
        new_job,
        JobCard,
    )


# -- Spouse or partner ----------------------------------------------------------------------
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
            self.form, self.passport, self.residences, self.tests, self.credentials, self.jobs
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
        self.residences.bind(spouse.setdefault("residence_history", []))
        self.tests.bind(spouse["language_tests"])
        self.credentials.bind(spouse["education"])
        self.jobs.bind(spouse["work_history"])

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        self.passport.form.show_problems(problems, force)
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


# -- Children ------------------------------------------------------------------------------
class ChildCard(Card):
    def __init__(self, base_path: str, index: int, kept: Callable[[], Node]) -> None:
        super().__init__(
            _numbered(QCoreApplication.translate("wizard", "Child %1"), index + 1),
            base_path,
            QCoreApplication.translate("wizard", "Remove this child"),
        )
        f = self.form
        f.text("given_names", self.tr("&Given names:"), nullable=True)
        f.text("family_name", self.tr("Famil&y name:"), nullable=True)
        f.date("date_of_birth", self.tr("Date of &birth:"))
        f.check(
            "accompanying",
            self.tr("Will &come with me to Canada"),
            self.tr(
                "Dependent children count in your family size for the settlement funds "
                "even when they do not come with you."
            ),
        )
        self.add_optional(passport_group(base_path, kept))
        self.residences = residence_list(base_path)
        self.residences.edited.connect(self.edited)
        for widget in places_header(self.tr("Places lived (children aged 18 or over)")):
            self.layout_.insertWidget(self.layout_.count() - 1, widget)
        self.layout_.insertWidget(self.layout_.count() - 1, self.residences)

    def bind(self, node: Node) -> None:
        super().bind(node)
        self.residences.bind(node.setdefault("residence_history", []))

    def show_problems(self, problems: Problems, force: bool) -> None:
        super().show_problems(problems, force)
        self.residences.show_problems(problems, force)


class ChildrenPage(WizardPage):
    key = "children"

    def __init__(self, service: WizardService, today: Callable[[], date]) -> None:
        super().__init__(service, today)
        self.children = RecordList(
            "children",
            self.tr("Add a &child"),
            self.tr(
                "No children entered. Add each of your dependent children, including those "
                "who will not come with you."
            ),
            lambda: {
                "given_names": None,
                "family_name": None,
                "date_of_birth": "",
                "accompanying": True,
            },
            lambda path, i: ChildCard(path, i, self.kept),
        )
        self.body.addWidget(self.children)
        self._connect(self.children)
        self.finish_layout()

    def title(self) -> str:
        return self.tr("Children")

    def introduction(self) -> str:
        return self.tr(
            "Children do not change your score, but they count in your family size "
            "(the settlement funds you need) and need their own documents."
        )

    def bind(self, draft: Node) -> None:
        super().bind(draft)
        self.children.bind(draft.setdefault("children", []))

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.children.show_problems(problems, force)


# -- Language tests ---------------------------------------------------------------------------
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


# -- Education ----------------------------------------------------------------------------------
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


# -- Work history ---------------------------------------------------------------------------------
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


# -- Additional factors ----------------------------------------------------------------------------
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

        self.funds = Form("")
        self.funds.number(
            "settlement_funds_cad",
            self.tr("Settlement f&unds (CAD):"),
            terms.settlement_funds(),
            placeholder=self.tr("e.g. 25000"),
            nullable=True,
        )
        for widget in (self.certificate, self.nomination, self.offer, self.funds):
            self.body.addWidget(widget)
        self._connect(self.form, self.certificate, self.nomination, self.offer, self.funds)
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
        self.funds.bind(draft)

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.form.show_problems(problems, force)
        for group in (self.certificate, self.nomination, self.offer):
            group.form.show_problems(problems, force)
        self.funds.show_problems(problems, force)
