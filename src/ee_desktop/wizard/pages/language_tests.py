"""Language test cards, the CLB/NCLC level of each score shown as it is typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ee_desktop.profile.codes import SCORE_SCALES, TEST_LANGUAGE
from ee_desktop.profile.labels import level_scale
from ee_desktop.profile.model import ABILITIES
from ee_desktop.services.wizard import WizardService
from ee_desktop.wizard import terms
from ee_desktop.wizard.fields import Node, TextField
from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.records import Card, RecordList


class TestCard(Card):
    """A language test, with the CLB/NCLC level of each score shown as it is typed."""

    def __init__(
        self, base_path: str, index: int, service: WizardService, today: Callable[[], date]
    ) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Language test %1"), index + 1),
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


def test_list(prefix: str, service: WizardService, today: Callable[[], date]) -> RecordList:
    return RecordList(
        f"{prefix}.language_tests",
        QCoreApplication.translate("wizard", "Add a language te&st"),
        QCoreApplication.translate("wizard", "No language test entered yet."),
        new_test,
        lambda path, i: TestCard(path, i, service, today),
    )
