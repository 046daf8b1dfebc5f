"""The Children page: a card per dependent child, with passport and places lived."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from ee_desktop.services.wizard import WizardService
from ee_desktop.wizard.fields import Node
from ee_desktop.wizard.pages.base import Problems, WizardPage
from ee_desktop.wizard.pages.numbering import numbered
from ee_desktop.wizard.pages.passport import passport_group
from ee_desktop.wizard.pages.residences import places_header, residence_list
from ee_desktop.wizard.pages.status import StatusGroup
from ee_desktop.wizard.records import Card, RecordList


class ChildCard(Card):
    def __init__(self, base_path: str, index: int, kept: Callable[[], Node]) -> None:
        super().__init__(
            numbered(QCoreApplication.translate("wizard", "Child %1"), index + 1),
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
        self.add_optional(StatusGroup(base_path, kept))
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
        self.child_list = RecordList(
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
        self.body.addWidget(self.child_list)
        self._connect(self.child_list)
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
        self.child_list.bind(draft.setdefault("children", []))

    def show_problems(self, problems: Problems, force: bool) -> None:
        self.child_list.show_problems(problems, force)
