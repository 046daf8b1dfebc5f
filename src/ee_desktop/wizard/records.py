"""Repeated records (tests, credentials, jobs, children) as cards, and optional sections."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.profile.problems import Problem
from ee_desktop.wizard.fields import Form, Node


class Card(QGroupBox):
    """One record: its forms (a main form and optional sub-forms) and a Remove button."""

    edited = Signal()
    remove_requested = Signal()

    def __init__(self, title: str, base_path: str, remove_text: str) -> None:
        super().__init__(title)
        self.base_path = base_path
        self.layout_ = QVBoxLayout(self)
        self.form = Form(base_path)
        self.form.edited.connect(self.edited)
        self.layout_.addWidget(self.form)
        self.extras: list[tuple[str, Form]] = []  # (key in the node, sub-form)
        self.optional_groups: list[OptionalGroup] = []
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setObjectName(base_path + ":remove")
        self.remove_button.clicked.connect(self.remove_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        self.layout_.addLayout(row)
        self.node: Node = {}

    def add_optional(self, group: OptionalGroup) -> None:
        self.optional_groups.append(group)
        group.edited.connect(self.edited)
        self.layout_.insertWidget(self.layout_.count() - 1, group)

    def bind(self, node: Node) -> None:
        self.node = node
        self.form.bind(node)
        for group in self.optional_groups:
            group.bind(node)

    def show_problems(self, problems: dict[str, Problem], force: bool) -> None:
        self.form.show_problems(problems, force)
        for group in self.optional_groups:
            group.form.show_problems(problems, force)


class OptionalGroup(QGroupBox):
    """A checkable section for an optional object (``node[key]`` is an object or null).

    Unticking moves what was typed to the draft's stash (``stash()``), so ticking again,
    even after a restart, brings it back.
    """

    edited = Signal()

    def __init__(
        self,
        title: str,
        parent_path: str,
        key: str,
        template: Callable[[Node], Node],
        stash: Callable[[], Node],
    ) -> None:
        super().__init__(title)
        self.setCheckable(True)
        self.key = key
        self.template = template
        self.stash = stash
        self.form = Form(f"{parent_path}.{key}" if parent_path else key)
        self.form.edited.connect(self.edited)
        self.setObjectName(self.form.base_path + ":present")
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.form)
        self.parent_node: Node = {}
        self.toggled.connect(self._toggled)

    def bind(self, parent_node: Node) -> None:
        self.parent_node = parent_node
        value = parent_node.get(self.key)
        self.blockSignals(True)
        self.setChecked(value is not None)
        self.blockSignals(False)
        self._show_form(value is not None)
        self.form.bind(value if value is not None else {})

    def _toggled(self, on: bool) -> None:
        kept = self.stash()
        path = self.form.base_path
        if on:
            value = kept.pop(path, None) or self.template(self.parent_node)
            self.parent_node[self.key] = value
            self.form.bind(value)
        else:
            current = self.parent_node.get(self.key)
            if current is not None:
                kept[path] = current
            self.parent_node[self.key] = None
        self._show_form(on)
        self.edited.emit()

    def _show_form(self, on: bool) -> None:
        """An unticked section is only its title: no empty frame under it."""
        self.form.setVisible(on)
        self.setFlat(not on)
        margin = 9 if on else 0
        self._layout.setContentsMargins(margin, margin, margin, margin)


class RecordList(QWidget):
    """All the records of one list in the draft, each a card, with Add and Remove."""

    edited = Signal()

    def __init__(
        self,
        list_path: str,
        add_text: str,
        empty_text: str,
        new_item: Callable[[], Node],
        build_card: Callable[[str, int], Card],
    ) -> None:
        super().__init__()
        self.list_path = list_path
        self.new_item = new_item
        self.build_card = build_card
        self.items: list[Node] = []
        self.cards: list[Card] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setObjectName(list_path + ":empty")
        layout.addWidget(self.empty)
        self.cards_box = QVBoxLayout()
        layout.addLayout(self.cards_box)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(list_path + ":add")
        self.add_button.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def bind(self, items: list[Node]) -> None:
        self.items = items
        self._rebuild()

    def add(self) -> Card:
        self.items.append(self.new_item())
        self._append_card(len(self.items) - 1)
        self.empty.setVisible(False)
        self.edited.emit()
        card = self.cards[-1]
        first = card.form.fields[0].widget if card.form.fields else card
        first.setFocus()
        return card

    def confirm_remove(self, index: int) -> bool:
        """Ask before throwing away an entry that has anything typed in it."""
        if not any(v not in ("", None, [], False) for v in self.items[index].values()):
            return True
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("wizard", "Remove"),
            QCoreApplication.translate("wizard", "Remove “%1” and everything typed in it?").replace(
                "%1", self.cards[index].title()
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove(self, index: int) -> None:
        if not self.confirm_remove(index):
            return
        del self.items[index]
        self._rebuild()
        self.edited.emit()

    def _rebuild(self) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.setParent(None)  # out of the tree now: its field paths are reused at once
            card.deleteLater()
        self.cards = []
        for index in range(len(self.items)):
            self._append_card(index)
        self.empty.setVisible(not self.items)

    def _append_card(self, index: int) -> None:
        card = self.build_card(f"{self.list_path}[{index}]", index)
        card.bind(self.items[index])
        card.edited.connect(self.edited)
        card.remove_requested.connect(lambda: self.remove(index))
        self.cards_box.addWidget(card)
        self.cards.append(card)

    def show_problems(self, problems: dict[str, Problem], force: bool) -> None:
        for card in self.cards:
            card.show_problems(problems, force)
