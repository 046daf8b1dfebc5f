"""A section of one person's forms: what the form asks, the entries as cards, and what the
checks say about them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ee_desktop.history.checks import Finding, PersonHistory
from ee_desktop.i18n import _, format_date
from ee_desktop.profile.model import Profile
from ee_desktop.profile.problems import Problem
from ee_desktop.ui.forms.cards import FINDING_STYLE, EntryCard
from ee_desktop.ui.forms.checking import is_under
from ee_desktop.ui.forms.document import Node, insert_in_order
from ee_desktop.ui.forms.quiet import set_shown, set_text
from ee_desktop.ui.forms.section import Section
from ee_desktop.wizard.records import RecordList


class SectionPage(QWidget):
    edited = Signal()  # typed: check after a pause
    restructured = Signal()  # an entry added by a button: check now

    # Other lists of the person whose findings this section answers (a job missing from the
    # personal history is fixed in the personal history).
    also: tuple[str, ...] = ()

    def __init__(self, section: Section, person_path: str) -> None:
        super().__init__()
        self.section = section
        self.person_path = person_path
        self.list_path = f"{person_path}.{section.key}"
        self.items: list[Node] = []
        self._problems_shown = False
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 8, 12, 8)
        heading = QLabel(_(section.title))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.body.addWidget(heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName(self.list_path + ":intro")
        self.body.addWidget(self.intro)
        self.message = QLabel()
        self.message.setObjectName(self.list_path + ":findings")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(FINDING_STYLE)
        self.message.setVisible(False)
        self.body.addWidget(self.message)
        self.extras = QVBoxLayout()  # what a section adds above its entries
        self.body.addLayout(self.extras)
        self.records = RecordList(
            self.list_path,
            _(section.add),
            _(section.empty),
            section.new_item,
            lambda path, index: EntryCard(section, path, index),
        )
        self.records.edited.connect(self.edited)
        self.body.addWidget(self.records)
        self.body.addStretch(1)

    def title(self) -> str:
        return _(self.section.title)

    def bind(self, person: Node) -> None:
        items = person.setdefault(self.section.key, [])
        self.items = items if isinstance(items, list) else []
        self.records.bind(self.items)

    def set_window(self, start: date) -> None:
        set_text(self.intro, _(self.section.intro).format(start=format_date(start)))

    def cards(self) -> list[EntryCard]:
        return [card for card in self.records.cards if isinstance(card, EntryCard)]

    def owns(self, path: str) -> bool:
        """``path`` is about this section: one of its entries, or a list it answers for."""
        lists = [self.list_path] + [f"{self.person_path}.{key}" for key in self.also]
        return any(is_under(path, prefix) for prefix in lists)

    def show_check(
        self, problems: dict[str, Problem], findings: list[Finding], force: bool
    ) -> None:
        mine = any(self.owns(path) for path in problems)
        if mine or self._problems_shown:  # none now and none shown: every error line is hidden
            self.records.show_problems(problems, force)
        self._problems_shown = mine
        for card in self.cards():
            messages = [f.message for f in findings if is_under(f.field, card.base_path)]
            if card.base_path in problems:  # the entry as a whole
                messages.append(_("Expected {expected}.").format(
                    expected=problems[card.base_path].expected
                ))  # fmt: skip
            card.show_findings(messages)
        general = [f.message for f in findings if self.owns(f.field) and not self._entry(f.field)]
        set_text(self.message, "\n".join(f"⚠ {m}" for m in general))
        set_shown(self.message, bool(general))

    def _entry(self, path: str) -> bool:
        return any(is_under(path, card.base_path) for card in self.cards())

    def show_history(self, history: PersonHistory | None, profile: Profile | None) -> None:
        """What the section shows besides its entries (gaps, suggestions); none here."""

    def add_entry(self, entry: Node) -> EntryCard:
        """``entry`` in date order among the others, shown at once."""
        index = insert_in_order(self.items, entry)
        self.records.bind(self.items)
        self.restructured.emit()
        return self.cards()[index]
