"""The personal file at a glance, and the welcome shown before there is one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.deadlines import Deadline
from ee_desktop.i18n import _, format_date
from ee_desktop.profile.overview import Section, Status
from ee_desktop.rules import Evaluation
from ee_desktop.strategy.outlook import Outlook, freshness
from ee_desktop.ui.forms.status import open_text

_MARKS = {
    Status.COMPLETE: ("✓", "#1b7f3b"),
    Status.INCOMPLETE: ("!", "#b25e00"),
    Status.MISSING: ("○", "#b00020"),
    Status.NOT_APPLICABLE: ("–", "#666666"),
}


class EmptyStateView(QWidget):
    """What a new user sees first: what the app is for and the first step to take."""

    create_requested = Signal()
    resume_requested = Signal()
    import_requested = Signal()
    example_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to ee-desktop"))
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "ee-desktop builds your Express Entry personal file with you, step by step, "
                "shows your score as you go, and keeps everything on this computer, "
                "encrypted.\n\n"
                "To begin, create your personal file: about ten minutes with your passport, "
                "language test results, diplomas and job dates at hand. Your work is kept at "
                "every step, so you can stop and come back.\n\n"
                "Already have a personal file (.json)? Import it instead."
            )
        )
        text.setWordWrap(True)
        text.setObjectName("empty_state_text")
        layout.addWidget(text)
        self.create_button = QPushButton(self.tr("&Create my personal file"))
        self.create_button.setObjectName("create_button")
        self.create_button.setDefault(True)
        self.create_button.setStyleSheet("font-weight: 600; padding: 6px 14px;")
        self.create_button.clicked.connect(self.create_requested)
        self.import_button = QPushButton(self.tr("&Import a personal file…"))
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.import_requested)
        self.example_button = QPushButton(self.tr("&Save the example file…"))
        self.example_button.setObjectName("example_button")
        self.example_button.clicked.connect(self.example_requested)
        self.resume_button = _resume_button(self, self.resume_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)


class OverviewView(QScrollArea):
    """One row per section of the file: a status mark, the section and a sentence."""

    edit_requested = Signal()
    resume_requested = Signal()
    forms_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel()
        self.heading.setObjectName("overview_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self._layout.addWidget(self.heading)
        self.summary = QLabel()
        self.summary.setObjectName("overview_summary")
        self.summary.setWordWrap(True)
        self._layout.addWidget(self.summary)
        self.score = QLabel()
        self.score.setObjectName("overview_score")
        self.score.setWordWrap(True)
        self.score.setStyleSheet("font-size: 12pt;")
        self._layout.addWidget(self.score)
        self.score_note = QLabel()
        self.score_note.setObjectName("overview_score_note")
        self.score_note.setWordWrap(True)
        self.score_note.setStyleSheet("color: #555;")
        self._layout.addWidget(self.score_note)
        self.outlook = QLabel()
        self.outlook.setObjectName("overview_outlook")
        self.outlook.setWordWrap(True)
        self.outlook.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self.outlook)
        self.next_dates = QLabel()
        self.next_dates.setObjectName("overview_next")
        self.next_dates.setWordWrap(True)
        self.next_dates.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.next_dates)
        self.edit_button = QPushButton(self.tr("&Edit personal file…"))
        self.edit_button.setObjectName("edit_button")
        self.edit_button.clicked.connect(self.edit_requested)
        self.forms_button = QPushButton(open_text())
        self.forms_button.setObjectName("forms_button")
        self.forms_button.setToolTip(
            _("The histories and family the permanent-residence application asks of each person.")
        )
        self.forms_button.clicked.connect(self.forms_requested)
        self.resume_button = _resume_button(self, self.resume_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.forms_button)
        actions.addWidget(self.resume_button)
        actions.addStretch(1)
        self._layout.addLayout(actions)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(2, 1)
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self.rows: dict[str, QLabel] = {}
        self._status_names = {
            Status.COMPLETE: self.tr("complete"),
            Status.INCOMPLETE: self.tr("needs attention"),
            Status.MISSING: self.tr("missing"),
            Status.NOT_APPLICABLE: self.tr("does not apply"),
        }

    def show_score(self, evaluation: Evaluation | None) -> None:
        if evaluation is None:
            self.score.setText("")
            self.score_note.setText("")
            return
        programs = [
            name
            for name, result in (
                (self.tr("Federal Skilled Worker"), evaluation.fsw),
                (self.tr("Canadian Experience Class"), evaluation.cec),
                (self.tr("Federal Skilled Trades"), evaluation.fst),
            )
            if result.eligible
        ]
        text = (
            self.tr("CRS score on %1: <b>%2</b>")
            .replace("%1", format_date(evaluation.as_of))
            .replace("%2", str(evaluation.crs.total))
        )
        if programs:
            text += "<br>" + self.tr("Eligible for: %1.").replace("%1", ", ".join(programs))
        else:
            text += "<br>" + self.tr("Not yet eligible for an Express Entry program.")
            text += "<br>" + _escape(_closest(evaluation, self.tr))
        self.score.setText(text)
        pending = [n for n in evaluation.notices if n.id != "rules-verified-on"]
        note = self.tr("Computed on this computer with the rules verified up to %1.").replace(
            "%1", format_date(evaluation.verified_on)
        )
        if pending:
            note += " " + self.tr("Announced changes not yet in these rules: %1.").replace(
                "%1", "; ".join(n.title for n in pending)
            )
        self.score_note.setText(note)

    def show_outlook(self, found: Outlook | None) -> None:
        """A line or two on the past year's rounds and the pool, then how fresh the rounds
        are (the Strategy tab has the whole outlook)."""
        if found is None:
            self.outlook.setText("")
            return
        lines = [*found.headline, freshness(found.rounds_known_up_to)]
        self.outlook.setText("\n".join(lines))

    def show_next(self, deadlines: Sequence[Deadline], as_of: date) -> None:
        """The next few dates; overdue ones in red so they cannot be missed."""
        if not deadlines:
            self.next_dates.setText("")
            return
        rows = []
        for deadline in deadlines:
            text = f"{deadline.due.isoformat()}: {_escape(deadline.title)}"
            if deadline.due < as_of and not deadline.done:
                text = f'<span style="color:#b00020; font-weight:600;">{text}</span>'
            rows.append(text)
        self.next_dates.setText(
            "<b>" + self.tr("Coming up (see the Deadlines tab):") + "</b><br>" + "<br>".join(rows)
        )

    def show_sections(self, name: str, sections: Sequence[Section]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone now, not at the next event loop turn
                widget.deleteLater()
        self.rows.clear()
        self.heading.setText(self.tr("Personal file of %1").replace("%1", name))
        missing = sum(s.status is Status.MISSING for s in sections)
        attention = sum(s.status is Status.INCOMPLETE for s in sections)
        if missing or attention:
            self.summary.setText(
                self.tr("Missing: %1 · Needs attention: %2")
                .replace("%1", str(missing))
                .replace("%2", str(attention))
            )
        else:
            self.summary.setText(self.tr("Every section is filled in."))
        for row, section in enumerate(sections):
            mark, colour = _MARKS[section.status]
            glyph = QLabel(mark)
            glyph.setStyleSheet(f"color: {colour}; font-weight: 700; font-size: 13pt;")
            glyph.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            glyph.setAccessibleName(self._status_names[section.status])
            title = QLabel(f"<b>{_escape(section.title)}</b>")
            title.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(section.text)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setObjectName(f"overview.{section.key}")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._grid.addWidget(glyph, row, 0)
            self._grid.addWidget(title, row, 1)
            self._grid.addWidget(text, row, 2)
            self.rows[section.key] = text


def _closest(evaluation: Evaluation, tr: Callable[[str], str]) -> str:
    """What the program with the fewest unmet requirements still needs: the file is
    nearest to that one (the Strategy tab says how to meet it)."""
    results = (
        (tr("Federal Skilled Worker"), evaluation.fsw),
        (tr("Canadian Experience Class"), evaluation.cec),
        (tr("Federal Skilled Trades"), evaluation.fst),
    )
    name, result = min(results, key=lambda item: len(item[1].reasons))
    return tr("Nearest: %1. %2").replace("%1", name).replace("%2", " ".join(result.reasons))


def _resume_button(owner: QWidget, signal: SignalInstance) -> QPushButton:
    """Shown while a personal file is in progress in the wizard."""
    button = QPushButton(owner.tr("&Resume the draft in progress"))
    button.setObjectName("resume_button")
    button.setStyleSheet("font-weight: 600;")
    button.clicked.connect(signal)
    button.setVisible(False)
    return button


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
