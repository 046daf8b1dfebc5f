"""One person's forms: the sections in the order of the online forms, a list to move between
them, and each section told what the checks found in it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ee_desktop.history.checks import PersonHistory
from ee_desktop.i18n import N_, _
from ee_desktop.profile.model import Profile
from ee_desktop.profile.problems import Problem
from ee_desktop.ui.forms.addresses import AddressesPage
from ee_desktop.ui.forms.checking import is_under
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.involvement import GOVERNMENT, MEMBERSHIPS, MILITARY
from ee_desktop.ui.forms.names import OTHER_NAMES
from ee_desktop.ui.forms.page import SectionPage
from ee_desktop.ui.forms.personal import PersonalPage
from ee_desktop.ui.forms.relatives import RelativesPage
from ee_desktop.ui.forms.travel import TRAVEL

_ENTRY = re.compile(r"^(?P<key>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>.+))?$")
# Lists of the personal file that findings name and this editor does not edit.
OTHER_LISTS = {
    "work_history": N_("Work history, job {n}"),
    "education": N_("Education, credential {n}"),
}
ERROR, WARNING = "#b00020", "#8a4b00"
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonForms(QWidget):
    edited = Signal()  # typed: check after a pause
    restructured = Signal()  # entries added by a button: check now

    def __init__(self, person_path: str, node: Node, relatives: bool) -> None:
        super().__init__()
        self.person_path = person_path
        self.node = node
        self.pages: list[SectionPage] = [
            SectionPage(OTHER_NAMES, person_path),
            PersonalPage(person_path),
            AddressesPage(person_path),
            SectionPage(TRAVEL, person_path),
            SectionPage(MEMBERSHIPS, person_path),
            SectionPage(GOVERNMENT, person_path),
            SectionPage(MILITARY, person_path),
        ]
        if relatives:
            self.pages.append(RelativesPage(person_path))
        self.nav = QListWidget()
        self.nav.setObjectName(f"forms:sections:{person_path}")
        self.nav.setAccessibleName(_("Sections"))
        self.stack = QStackedWidget()
        self.scrolls: list[QScrollArea] = []
        for page in self.pages:
            page.bind(node)
            page.edited.connect(self.edited)
            page.restructured.connect(self.restructured)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.scrolls.append(scroll)
            self.stack.addWidget(scroll)
            item = QListWidgetItem(page.title())
            item.setData(Qt.ItemDataRole.UserRole, page.section.key)
            self.nav.addItem(item)
        self._check: tuple[list[Problem], PersonHistory | None, Profile | None, bool] | None
        self._check = None
        self._shown: set[int] = set()  # the sections showing the last check
        self.nav.currentRowChanged.connect(self._section_chosen)
        self.nav.setCurrentRow(1)  # the personal history: where the work is
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self._fit_nav()

    def _fit_nav(self) -> None:
        """As wide as its longest line will be, counts and marks included: no jump later."""
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{p.title()} (00) ⚠") for p in self.pages)
        self.nav.setFixedWidth(min(widest + 2 * self.nav.frameWidth() + 16, 230))

    # -- moving around -------------------------------------------------------------------
    def page(self, key: str) -> SectionPage | None:
        return next((p for p in self.pages if p.section.key == key), None)

    def current_key(self) -> str:
        return self.pages[self.stack.currentIndex()].section.key

    def show_section(self, key: str) -> SectionPage | None:
        for row, page in enumerate(self.pages):
            if page.section.key == key:
                self.nav.setCurrentRow(row)
                return page
        return None

    def page_for(self, path: str) -> SectionPage | None:
        return next((p for p in self.pages if p.owns(path)), None)

    def go_to(self, path: str) -> None:
        """Show the section, the entry and the input ``path`` names."""
        page = self.page_for(path)
        if page is None:
            return
        self.show_section(page.section.key)
        scroll = self.scrolls[self.pages.index(page)]
        for card in page.cards():
            if is_under(path, card.base_path):
                scroll.ensureWidgetVisible(card)
                widget = card.field_widget(path)
                if widget is not None:
                    widget.setFocus()
                    scroll.ensureWidgetVisible(widget)
                return

    def describe(self, path: str) -> str:
        """``path`` in words: "Personal history, period 2: From"."""
        rest = path[len(self.person_path) + 1 :] if is_under(path, self.person_path) else path
        match = _ENTRY.match(rest)
        if match is None:
            return path
        key, index = match["key"], match["index"]
        page = self.page(key)
        if page is None:
            if key in OTHER_LISTS and index is not None:
                return _(OTHER_LISTS[key]).format(n=int(index) + 1)
            return key.replace("_", " ").capitalize()
        where = page.title()
        if index is None:
            return where
        where = f"{where}, {_(page.section.entry).format(n=int(index) + 1).lower()}"
        if match["rest"]:
            card = next((c for c in page.cards() if c.base_path == f"{page.list_path}[{index}]"),
                        None)  # fmt: skip
            widget = None if card is None else card.field_widget(path)
            if widget is not None and widget.accessibleName():
                where = f"{where}: {widget.accessibleName()}"
        return where

    # -- what the checks say ---------------------------------------------------------------
    def show_check(
        self,
        problems: list[Problem],
        history: PersonHistory | None,
        profile: Profile | None,
        force: bool,
    ) -> None:
        """Mark every section in the list; the section shown shows it all (the others when
        they are chosen: fewer widgets to touch after each keystroke)."""
        self._check = (problems, history, profile, force)
        findings = list(history.problems) if history is not None else []
        for row, page in enumerate(self.pages):
            errors = any(page.owns(p.path) for p in problems)
            warnings = any(page.owns(f.field) for f in findings)
            if history is not None and page.section.key == "personal_history":
                warnings = warnings or bool(history.personal_gaps)
            if history is not None and page.section.key == "residence_history":
                warnings = warnings or bool(history.address_gaps or history.address_overlaps)
            self._mark(row, page, ERROR if errors else WARNING if warnings else "")
        self._shown.clear()
        self._show_page(self.stack.currentIndex())

    def _section_chosen(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self._show_page(row)

    def _show_page(self, row: int) -> None:
        if self._check is None or row in self._shown or not 0 <= row < len(self.pages):
            return
        problems, history, profile, force = self._check
        page = self.pages[row]
        if history is not None:
            page.set_window(history.member.window.start)
        page.show_history(history, profile)
        findings = list(history.problems) if history is not None else []
        page.show_check({p.path: p for p in problems}, findings, force)
        self._shown.add(row)

    def _mark(self, row: int, page: SectionPage, colour: str) -> None:
        item = self.nav.item(row)
        mark = " ⚠" if colour else ""
        text = f"{page.title()} ({len(page.items)}){mark}"
        if (item.text(), item.data(COLOUR_ROLE)) == (text, colour):
            return
        item.setText(text)
        item.setData(COLOUR_ROLE, colour)
        item.setForeground(QBrush(QColor(colour)) if colour else QBrush())
        item.setToolTip(_("Something here needs attention.") if colour else "")
