"""The base of every wizard page: a title, an introduction and forms bound to the draft.

Pages hold layout and display only; the draft's meaning (validity, score,
levels) comes from the WizardService passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ee_desktop.profile.draft import stash
from ee_desktop.profile.problems import Problem
from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.fields import Form, Node
from ee_desktop.wizard.records import OptionalGroup, RecordList

Problems = dict[str, Problem]


class WizardPage(QWidget):
    """Base page: a title, an introduction and the forms that edit the draft."""

    key = ""
    edited = Signal()
    # A page whose live part is costly (the review's rows, the funds' position and chart)
    # is refreshed only while it is on screen, and when it is shown.
    refreshed_when_hidden = True

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

    def _connect(self, *sources: Form | OptionalGroup | RecordList) -> None:
        for source in sources:
            source.edited.connect(self.edited)
