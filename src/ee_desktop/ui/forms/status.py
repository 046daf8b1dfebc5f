"""The line that shows each person's application forms status and opens the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ee_desktop.history.checks import HistoryReport
from ee_desktop.i18n import _
from ee_desktop.ui.forms.quiet import set_text

DONE, TO_DO = "#1b5e20", "#8a4b00"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_text() -> str:
    return _("Applicatio&n forms…")


class FormsStatus(QFrame):
    """``open_requested``: the user asked for the forms editor."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forms_status")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("application:forms_status")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.button = QPushButton(open_text())
        self.button.setObjectName("application:forms")
        self.button.setToolTip(
            _(
                "Personal history, addresses, travel, memberships and family for IMM 5669 and "
                "IMM 5406, checked for gaps as you type."
            )
        )
        self.button.clicked.connect(self.open_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.people: dict[str, str] = {}  # person key -> status, as shown

    def show_report(self, report: HistoryReport | None) -> None:
        if self.button.isEnabled() != (report is not None):
            self.button.setEnabled(report is not None)
        if report is None:
            self.people = {}
            set_text(self.text, _("Application forms: create your personal file first."))
            return
        self.people = {p.member.key: p.status() for p in report.people}
        parts = []
        for person in report.people:
            colour = DONE if person.complete else TO_DO
            mark = "✓ " if person.complete else ""
            parts.append(
                f"{_escape(person.member.name)}: "
                f'<span style="color:{colour};">{mark}{_escape(person.status())}</span>'
            )
        self.text.setText("<b>" + _escape(_("Application forms:")) + "</b> " + " · ".join(parts))
