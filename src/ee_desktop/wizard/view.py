"""The wizard: steps on the left, the page in the middle, the live score on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.profile import ProfileError
from ee_desktop.rules import Evaluation
from ee_desktop.services.wizard import Assessment, WizardService
from ee_desktop.wizard.pages.about import AboutPage
from ee_desktop.wizard.pages.additional import AdditionalPage
from ee_desktop.wizard.pages.base import WizardPage
from ee_desktop.wizard.pages.children import ChildrenPage
from ee_desktop.wizard.pages.education import EducationPage
from ee_desktop.wizard.pages.funds import FundsPage
from ee_desktop.wizard.pages.language import LanguagePage
from ee_desktop.wizard.pages.spouse import SpousePage
from ee_desktop.wizard.pages.work import WorkPage
from ee_desktop.wizard.review import ReviewPage
from ee_desktop.wizard.score_panel import ScorePanel

REFRESH_DELAY_MS = 80  # coalesce keystrokes; well under what a user perceives as lag
SAVE_DELAY_MS = 600


class WizardView(QWidget):
    """Builds or edits a personal file. Emits ``finished`` with the saved file's id, or
    ``closed`` when the user leaves without saving (the draft stays for later)."""

    finished = Signal(int)
    closed = Signal()

    def __init__(
        self,
        service: WizardService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
        self.draft: dict[str, Any] = {}
        self.assessment: Assessment | None = None
        self.baseline: Evaluation | None = None
        self.savable = True  # False for a plan's what-if: results the user does not have yet
        self.pages: list[WizardPage] = [
            AboutPage(service, today),
            SpousePage(service, today),
            ChildrenPage(service, today),
            LanguagePage(service, today),
            EducationPage(service, today),
            WorkPage(service, today),
            AdditionalPage(service, today),
            FundsPage(service, today),
        ]
        self.review = ReviewPage(service, today, self.page_titles, self.label_for)
        self.review.go_to.connect(self.go_to)
        self.pages.append(self.review)
        self.visited: set[str] = set()

        self.steps = QListWidget()
        self.steps.setObjectName("wizard:steps")
        self.steps.setAccessibleName(self.tr("Steps"))
        self.steps.setMaximumWidth(180)
        self.stack = QStackedWidget()
        for page in self.pages:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            # Pages wrap to the width they get; only vertical scrolling.
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            page.edited.connect(self._edited)
            item = QListWidgetItem(page.title())
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.steps.addItem(item)
        self.steps.currentRowChanged.connect(self._step_chosen)
        self.score = ScorePanel()

        self.discard_button = QPushButton(self.tr("Discard draft…"))
        self.discard_button.setObjectName("wizard:discard")
        self.discard_button.clicked.connect(self.discard)
        self.close_button = QPushButton(self.tr("Close (keep draft)"))
        self.close_button.setObjectName("wizard:close")
        self.close_button.clicked.connect(self.leave)
        self.reason = QLabel()
        self.reason.setObjectName("wizard:reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a4b00;")
        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("wizard:back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setObjectName("wizard:next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        # Letters belong to the fields of the pages; the buttons use Alt+arrows.
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.back_button.setToolTip(self.tr("Alt+Left"))
        self.next_button.setToolTip(self.tr("Alt+Right"))

        middle = QHBoxLayout()
        middle.addWidget(self.steps)
        middle.addWidget(self.stack, 1)
        middle.addWidget(self.score)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.back_button, self.next_button)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.keep)

    # -- opening ---------------------------------------------------------------------
    def open_draft(
        self, content: dict[str, Any], page: str, baseline: Evaluation | None = None
    ) -> None:
        """Open ``content``; with ``baseline`` (a what-if), today's score shows beside it."""
        self.baseline = baseline
        self.review.baseline = baseline
        self.draft = content
        self.score.last = None  # another draft: no score of the previous one stays
        for p in self.pages:
            p.bind(content)
        self.visited = set()
        self.refresh()
        self.go_to(page if page in self.page_keys() else self.pages[0].key)

    def page_keys(self) -> list[str]:
        return [p.key for p in self.pages]

    def label_for(self, path: str) -> str:
        """The field's label as the user sees it, for messages in plain words."""
        for page in self.pages:
            widget = page.findChild(QWidget, path)
            if widget is not None and widget.accessibleName():
                return widget.accessibleName()
        # A field with no widget (or on a list entry not shown): its name, readable.
        last = path.rsplit(".", 1)[-1].split("[")[0]
        return last.replace("_", " ").capitalize() or path

    def page_titles(self) -> dict[str, str]:
        return {p.key: p.title() for p in self.pages}

    def current_page(self) -> WizardPage:
        return self.pages[self.stack.currentIndex()]

    def page(self, key: str) -> WizardPage:
        return self.pages[self.page_keys().index(key)]

    # -- navigation ------------------------------------------------------------------------
    def go_to(self, key: str) -> None:
        index = self.page_keys().index(key)
        if not self.pages[index].applies():
            index = self._neighbour(index, +1)
        # Bind again: another page may have changed the draft's shape (a spouse appears).
        self.pages[index].bind(self.draft)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.steps.blockSignals(False)
        self.stack.setCurrentIndex(index)
        self.visited.add(self.pages[index].key)
        if self.assessment is not None:
            self.pages[index].refresh(self.assessment)
        self.keep()
        self._update_buttons()
        self._show_problems()
        first = self.current_page().focusNextChild
        first()

    def _neighbour(self, index: int, step: int) -> int:
        index += step
        while 0 <= index < len(self.pages) and not self.pages[index].applies():
            index += step
        return max(0, min(index, len(self.pages) - 1))

    def _step_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to(self.pages[row].key)

    def next(self) -> None:
        if self.current_page() is self.review:
            self.save()
            return
        if self._blocking_problems():
            self._show_problems(force=True)
            return
        self.go_to(self.pages[self._neighbour(self.stack.currentIndex(), +1)].key)

    def back(self) -> None:
        self.go_to(self.pages[self._neighbour(self.stack.currentIndex(), -1)].key)

    # -- changes ---------------------------------------------------------------------------------
    def _edited(self) -> None:
        self._refresh_timer.start()
        self._save_timer.start()

    def refresh(self) -> None:
        """Re-assess the draft and update every live element: score, hints, steps, buttons."""
        self.assessment = self.service.assess(self.draft, self.today())
        problems = self.assessment.check.problems
        missing = (
            [self.label_for(p.path) for p in problems] if self.assessment.evaluation is None else []
        )
        self.score.show_evaluation(
            self.assessment.evaluation, len(problems), self.baseline, missing
        )
        current = self.current_page()
        for page in self.pages:
            if page.refreshed_when_hidden or page is current:
                page.refresh(self.assessment)
        for row, page in enumerate(self.pages):
            item = self.steps.item(row)
            item.setHidden(not page.applies())
            needs = bool(self.assessment.check.page_problems(page.key))
            mark = " •" if needs and page.key in self.visited else ""
            item.setText(page.title() + mark)
        self._update_buttons()
        self._show_problems()

    def _blocking_problems(self) -> list[Any]:
        if self.assessment is None:
            return []
        return list(self.assessment.check.page_problems(self.current_page().key))

    def _show_problems(self, force: bool = False) -> None:
        if self.assessment is None:
            return
        problems = {p.path: p for p in self.assessment.check.problems}
        self.current_page().show_problems(problems, force)

    def _update_buttons(self) -> None:
        on_review = self.current_page() is self.review
        self.back_button.setEnabled(self.stack.currentIndex() > 0)
        self.next_button.setText(self.tr("Save personal file") if on_review else self.tr("Next >"))
        if on_review and not self.savable:
            self.next_button.setEnabled(False)
            self.reason.setText(
                self.tr(
                    "A what-if of the plan, with results you do not have yet: it cannot be "
                    "saved. Close it, or use Try my own changes to edit your file."
                )
            )
            return
        if on_review:
            complete = self.assessment is not None and self.assessment.check.complete
            self.next_button.setEnabled(complete)
            self.reason.setText(
                "" if complete else self.tr("Saving needs every page complete: see the list above.")
            )
            return
        blocking = self._blocking_problems()
        self.next_button.setEnabled(not blocking)
        if blocking:
            first = blocking[0]
            more = len(blocking) - 1
            text = self.tr("To continue, complete %1: expected %2.").replace(
                "%1", self.label_for(first.path)
            )
            text = text.replace("%2", first.expected)
            if more:
                text += " " + self.tr("(and %1 more on this page)").replace("%1", str(more))
            self.reason.setText(text)
        else:
            self.reason.setText("")

    # -- keeping and leaving ---------------------------------------------------------------
    def keep(self) -> None:
        """Store the draft and the current page, so a restart comes back right here."""
        self._save_timer.stop()
        if self.draft:
            self.service.keep(self.draft, self.current_page().key)

    def save(self) -> None:
        self.keep()
        try:
            file_id = self.service.finish(self.draft, self.today())
        except ProfileError:
            self.refresh()
            return
        self.finished.emit(file_id)

    def leave(self) -> None:
        self.keep()
        self.closed.emit()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard draft"),
            self.tr(
                "Discard everything entered in this draft? Your saved personal file, if "
                "you have one, is not changed."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def discard(self) -> None:
        if not self.confirm_discard():
            return
        self._save_timer.stop()
        self.service.discard()
        self.draft = {}
        self.closed.emit()
