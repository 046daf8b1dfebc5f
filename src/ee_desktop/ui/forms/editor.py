"""The application forms editor: each person's histories and family for the
permanent-residence application, checked as they are typed, saved in one transaction.

Nothing is stored until Save; a save the format refuses stores nothing and leaves every
entry as typed, with each problem shown at its field. Closing with changes not saved asks
first.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.history.checks import HistoryReport, PersonHistory
from ee_desktop.history.timeline import month_index
from ee_desktop.i18n import _, ngettext
from ee_desktop.profile.model import Profile
from ee_desktop.profile.problems import Problem, ProfileError
from ee_desktop.services.active import NoPersonalFile
from ee_desktop.services.history import HistoryService
from ee_desktop.ui.forms.checking import LastSound, LiveCheck, entries, is_under, live_check
from ee_desktop.ui.forms.document import Node, normalized, person_node
from ee_desktop.ui.forms.findings import FindingsPanel, Item, items_for
from ee_desktop.ui.forms.person import PersonForms
from ee_desktop.ui.forms.personal import PersonalPage
from ee_desktop.ui.forms.quiet import set_style, set_text
from ee_desktop.ui.forms.timeline import TimelinePanel

REFRESH_DELAY_MS = 80  # as the wizard: coalesce keystrokes, well under a perceptible lag
MESSAGE_STYLE = {"error": "color: #b00020;", "saved": "color: #1b5e20;", "": "color: #555;"}

log = logging.getLogger(__name__)


def role(key: str) -> str:
    if key == "applicant":
        return _("applicant")
    if key == "spouse":
        return _("spouse or partner")
    return _("child")


class FormsEditor(QDialog):
    """``saved`` is emitted after each save, for the views that show the file."""

    saved = Signal()

    def __init__(
        self, history: HistoryService, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.today = today
        self.setObjectName("forms:editor")
        self.setWindowTitle(_("Application forms"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.setMinimumSize(700, 420)
        try:
            self.document: Node | None = history.document()
        except NoPersonalFile:
            self.document = None
        self.saved_state = normalized(copy.deepcopy(self.document))
        self.force = False  # after a refused save: every problem shows, touched or not
        self.refused = 0  # problems of the last refused save
        self.just_saved = False
        self.check: LiveCheck | None = None
        self.sound = LastSound()  # each entry as it last was sound, checked while retyped
        self.report: HistoryReport | None = None  # the last the checks could make
        self.profile: Profile | None = None
        self.forms: dict[str, PersonForms] = {}

        self.person = QComboBox()
        self.person.setObjectName("forms:person")
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person.currentIndexChanged.connect(self._person_chosen)
        person_label = QLabel(_("&Person:"))
        person_label.setBuddy(self.person)
        self.timeline = TimelinePanel()
        self.timeline.personal_clicked.connect(self._personal_month)
        self.timeline.addresses_clicked.connect(
            lambda _month: self._show_section("residence_history")
        )
        self.people = QStackedWidget()
        self.findings = FindingsPanel()
        self.findings.go_to.connect(self.go_to)
        self.message = QLabel()
        self.message.setObjectName("forms:message")
        self.message.setWordWrap(True)
        # Ctrl+S, not a letter: the cards' labels use most letters already.
        self.save_button = QPushButton(_("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Save).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        self.save_button.setObjectName("forms:save")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setToolTip(
            QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.close_button.setObjectName("forms:close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(person_label)
        top.addWidget(self.person)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.timeline)
        left.addWidget(self.people, 1)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addWidget(self.findings)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        self.empty = QLabel(
            _(
                "There is no personal file yet. Create it first (File > New personal file): "
                "the forms then start from what it holds, your jobs and studies, the places "
                "you lived and your family."
            )
        )
        self.empty.setObjectName("forms:empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        has_file = self.document is not None
        self.empty.setVisible(not has_file)
        for widget in (person_label, self.person, self.timeline, self.people, self.findings):
            widget.setVisible(has_file)
        self.save_button.setVisible(has_file)
        self._size_to_screen()
        self.refresh()

    def _size_to_screen(self) -> None:
        screen = self.screen()
        if screen is None:
            self.resize(1100, 720)
            return
        available = screen.availableGeometry()
        self.resize(
            max(min(1280, int(available.width() * 0.95)), self.minimumWidth()),
            max(min(820, int(available.height() * 0.92)), self.minimumHeight()),
        )

    # -- the people ---------------------------------------------------------------------------
    def current_key(self) -> str:
        key = self.person.currentData()
        return key if isinstance(key, str) else ""

    def current_forms(self) -> PersonForms | None:
        return self.forms.get(self.current_key())

    def current_history(self) -> PersonHistory | None:
        return None if self.report is None else self.report.person(self.current_key())

    def choose_person(self, key: str) -> None:
        index = self.person.findData(key)
        if index >= 0:
            self.person.setCurrentIndex(index)

    def _person_chosen(self, _index: int) -> None:
        shown = self.people.currentWidget()
        section = shown.current_key() if isinstance(shown, PersonForms) else "personal_history"
        self.refresh()
        forms = self.current_forms()
        if forms is not None:
            forms.show_section(section)

    def _forms_for(self, history: PersonHistory) -> PersonForms:
        key = history.member.key
        if key not in self.forms:
            assert self.document is not None
            forms = PersonForms(
                history.member.path,
                person_node(self.document, history.member.path),
                relatives=key in ("applicant", "spouse"),
            )
            forms.edited.connect(self._edited)
            forms.restructured.connect(self.refresh)
            self.forms[key] = forms
            self.people.addWidget(forms)
        return self.forms[key]

    def _status(self, history: PersonHistory, problems: list[Problem]) -> str:
        if not problems:
            return history.status()
        count = entries(problems)
        to_correct = ngettext("{n} entry to correct", "{n} entries to correct", count)
        to_correct = to_correct.format(n=count)
        return to_correct if history.complete else f"{history.status()} · {to_correct}"

    def _sync_people(self, report: HistoryReport, problems: tuple[Problem, ...]) -> None:
        keys = [p.member.key for p in report.people]
        if [self.person.itemData(i) for i in range(self.person.count())] != keys:
            self.person.blockSignals(True)
            current = self.current_key()
            self.person.clear()
            for key in keys:
                self.person.addItem("", key)
            self.person.setCurrentIndex(max(keys.index(current) if current in keys else 0, 0))
            self.person.blockSignals(False)
        for index, history in enumerate(report.people):
            mine = [p for p in problems if is_under(p.path, history.member.path)]
            member = history.member
            text = _("{name} ({role}): {status}").format(
                name=member.name, role=role(member.key), status=self._status(history, mine)
            )
            if self.person.itemText(index) != text:
                self.person.setItemText(index, text)

    # -- checking -------------------------------------------------------------------------------
    def _edited(self) -> None:
        self.just_saved = False
        self._timer.start()

    def settle(self) -> None:
        """Check now what was typed (the short timer's work)."""
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        if self.document is None:
            return
        check = live_check(self.history, self.document, self.today(), self.sound)
        self.check = check
        if check.report is not None:
            self.report, self.profile = check.report, check.profile
        if self.report is None:  # the file as stored does not read on this day
            self.findings.show_items(
                _("The file has problems to correct first."),
                [Item("error", str(p)) for p in check.problems],
            )
            return
        self._sync_people(self.report, check.problems)
        history = self.current_history()
        if history is None:
            return
        forms = self._forms_for(history)
        if self.people.currentWidget() is not forms:
            self.people.setCurrentWidget(forms)
        stale = check.report is None
        path = history.member.path
        mine = [p for p in check.problems if is_under(p.path, path)]
        forms.show_check(mine, None if stale else history, self.profile, self.force)
        if not stale:
            self.timeline.show_history(history)
        elsewhere = [
            p
            for p in check.problems
            if not any(is_under(p.path, h.member.path) for h in self.report.people)
        ]
        items = items_for(
            mine + elsewhere,
            history,
            self.report.notes if history.member.key == "applicant" else (),
            check.pending,
            check.held,
            stale,
            forms.describe,
        )
        self.findings.show_items(
            _("{name}: {status}").format(
                name=history.member.name, status=self._status(history, mine)
            ),
            items,
        )
        self._show_state()

    def _show_state(self) -> None:
        problems = entries(self.check.problems) if self.check is not None else 0
        if self.force and problems:
            kind = "error"
            text = ngettext(
                "Not saved: {n} entry to correct first, shown in red. Nothing you typed is lost.",
                "Not saved: {n} entries to correct first, shown in red. Nothing you typed is lost.",
                problems,
            ).format(n=problems)
        elif self.dirty():
            kind, text = "", _("Changes not saved yet.")
        elif self.just_saved:
            kind, text = "saved", _("Saved.")
        else:
            kind, text = "", ""
        set_text(self.message, text)
        set_style(self.message, MESSAGE_STYLE[kind])

    # -- moving around ------------------------------------------------------------------------
    def go_to(self, path: str) -> None:
        """The person, section, entry and input ``path`` names."""
        if self.report is None:
            return
        for history in self.report.people:
            if is_under(path, history.member.path):
                self.choose_person(history.member.key)
                forms = self.current_forms()
                if forms is not None:
                    forms.go_to(path)
                return

    def _show_section(self, key: str) -> None:
        forms = self.current_forms()
        if forms is not None:
            forms.show_section(key)

    def _personal_month(self, month: date) -> None:
        forms = self.current_forms()
        page = None if forms is None else forms.show_section("personal_history")
        if not isinstance(page, PersonalPage):
            return
        for index, gap in enumerate(page.gaps):
            if month_index(gap.start) <= month_index(month) <= month_index(gap.end):
                button = page.gap_rows.fill_button(index)
                if button is not None:
                    button.setFocus()

    # -- saving and closing ------------------------------------------------------------------
    def dirty(self) -> bool:
        return self.document is not None and normalized(self.document) != self.saved_state

    def save(self) -> bool:
        """Store every change at once; True when stored. A refusal keeps all as typed."""
        if self.document is None:
            return False
        try:
            self.history.save(self.document, self.today())
        except ProfileError as error:
            self.force = True
            self.refresh()
            if error.problems:
                self.go_to(error.problems[0].path)
            return False
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback; nothing is lost
            log.exception("saving the application forms failed")
            QMessageBox.warning(
                self,
                _("Not saved"),
                _("Nothing was stored; your entries are still here. The reason: {reason}").format(
                    reason=str(exc)
                ),
            )
            return False
        self.saved_state = normalized(copy.deepcopy(self.document))
        self.force = False
        self.just_saved = True
        self.refresh()
        self.saved.emit()
        return True

    def ask_unsaved(self) -> str:
        """ "save", "discard" or "cancel"."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Application forms"))
        box.setText(_("Save your changes to the application forms?"))
        box.setInformativeText(_("If you close without saving, they are lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def reject(self) -> None:
        """Close (the button, Escape or the window's own): unsaved changes are asked about."""
        self.refresh()
        if self.dirty():
            choice = self.ask_unsaved()
            if choice == "cancel" or (choice == "save" and not self.save()):
                return
        super().reject()
