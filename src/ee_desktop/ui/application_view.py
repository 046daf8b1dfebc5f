"""The application for permanent residence: stage and countdown, what blocks submission, and
the timeline of milestones from invitation to landing, where the user records each step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.application import (
    STAGE_TITLES,
    STEP_TITLES,
    ApplicationStatus,
    Blocker,
    Step,
    next_milestone,
)
from ee_desktop.application.output import STATE_NAMES, countdown, processing_line
from ee_desktop.history.checks import HistoryReport
from ee_desktop.i18n import _, format_date
from ee_desktop.profile.milestones import MILESTONES, REQUESTS, WITH_DUE, Milestone
from ee_desktop.services.application import ApplicationService
from ee_desktop.ui.base import Tab
from ee_desktop.ui.deadlines_view import OVERDUE, URGENT
from ee_desktop.ui.forms.status import FormsStatus

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
SUBMITTED = "application_submitted"
LISTED = 8  # missing documents named in the question itself; "Show Details…" has them all
DONE_COLOUR, EXPECTED_COLOUR = "#1b5e20", "#757575"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class MilestoneDialog(QDialog):
    """A milestone: which, when, and what its letter says (deadline, answered on, a note)."""

    def __init__(
        self, today: date, existing: Milestone | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(
            self.tr("Edit a milestone") if existing else self.tr("Record a milestone")
        )
        self.name = QComboBox()
        self.name.setObjectName("milestone:name")
        for name in MILESTONES:
            self.name.addItem(_(STEP_TITLES[name]), name)
        self.on = self._date_edit("milestone:on", today, today)
        self.has_due = QCheckBox(self.tr("The letter gives a &deadline:"))
        self.due = self._date_edit("milestone:due", today, None)
        self.has_done = QCheckBox(self.tr("&Answered on:"))
        self.done_on = self._date_edit("milestone:done_on", today, today)
        self.note = QLineEdit()
        self.note.setObjectName("milestone:note")
        self.note.setPlaceholderText(self.tr("Optional: what was asked, a reference number…"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {EXPECTED_COLOUR};")
        form = QFormLayout()
        name_label = QLabel(self.tr("&What happened:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        on_label = QLabel(self.tr("O&n:"))
        on_label.setBuddy(self.on)
        form.addRow(on_label, self.on)
        form.addRow(self.has_due, self.due)
        form.addRow(self.has_done, self.done_on)
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.name.currentIndexChanged.connect(self._kind_changed)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_done.toggled.connect(self.done_on.setEnabled)
        if existing is not None:
            self.name.setCurrentIndex(MILESTONES.index(existing.name))
            self.name.setEnabled(False)
            self.on.setDate(_qdate(existing.on))
            self.has_due.setChecked(existing.due is not None)
            if existing.due is not None:
                self.due.setDate(_qdate(existing.due))
            self.has_done.setChecked(existing.done_on is not None)
            if existing.done_on is not None:
                self.done_on.setDate(_qdate(existing.done_on))
            self.note.setText(existing.note)
        self._kind_changed()

    @staticmethod
    def _date_edit(name: str, today: date, latest: date | None) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if latest is not None:
            edit.setMaximumDate(_qdate(latest))
        edit.setDate(_qdate(today))
        return edit

    def _kind_changed(self) -> None:
        name = str(self.name.currentData())
        with_due, request = name in WITH_DUE, name in REQUESTS
        self.has_due.setText(
            self.tr("E&xpires on (printed on it):")
            if name == "copr"
            else self.tr("The letter gives a &deadline:")
        )
        for widget in (self.has_due, self.due):
            widget.setVisible(with_due)
        for widget in (self.has_done, self.done_on):
            widget.setVisible(request)
        self.due.setEnabled(self.has_due.isChecked())
        self.done_on.setEnabled(self.has_done.isChecked())
        hints = {
            "invitation": self.tr(
                "The countdown to the submission deadline starts from this day, and the "
                "application's documents join your checklist."
            ),
            "copr": self.tr(
                "Copy the expiry date printed on the confirmation: it cannot be extended."
            ),
            "medical_exam": self.tr("The day the panel physician examined you."),
        }
        self.hint.setText(
            hints.get(name)
            or (self.tr("Copy the deadline from the letter if it gives one.") if request else "")
        )
        self.hint.setVisible(bool(self.hint.text()))

    def milestone(self) -> Milestone:
        name = str(self.name.currentData())
        due = _pydate(self.due.date()) if name in WITH_DUE and self.has_due.isChecked() else None
        done = (
            _pydate(self.done_on.date()) if name in REQUESTS and self.has_done.isChecked() else None
        )
        record_id = None if self.existing is None else self.existing.id
        return Milestone(
            name, _pydate(self.on.date()), due, done, self.note.text().strip(), record_id
        )


class ApplicationView(Tab[ApplicationService]):
    changed = Signal()
    checklist_requested = Signal()
    forms_requested = Signal()

    def __init__(
        self,
        service: ApplicationService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        forms_report: Callable[[date], HistoryReport | None] | None = None,
    ) -> None:
        """``forms_report``: each person's application forms on a day (the line that opens
        the forms editor shows it; without it, the line is hidden)."""
        super().__init__(service, today, parent)
        self.status: ApplicationStatus | None = None
        self.forms_report = forms_report
        self.forms = FormsStatus()
        self.forms.open_requested.connect(self.forms_requested)
        self.forms.setVisible(forms_report is not None)

        self.stage = QLabel()
        self.stage.setObjectName("application:stage")
        font = QFont(self.stage.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.stage.setFont(font)
        self.countdown = QLabel()
        self.countdown.setObjectName("application:countdown")
        self.countdown.setWordWrap(True)
        self.next_step = QLabel()
        self.next_step.setObjectName("application:next")
        self.next_step.setWordWrap(True)
        self.record_button = QPushButton(self.tr("&Record a milestone…"))
        self.record_button.setObjectName("application:record")
        self.record_button.clicked.connect(self.ask_record)
        header = QHBoxLayout()
        header.addWidget(self.stage, 1)
        header.addWidget(self.record_button)

        splitter = QSplitter()
        splitter.addWidget(self._build_blockers())
        splitter.addWidget(self._build_timeline())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.countdown)
        layout.addWidget(self.next_step)
        layout.addWidget(self.forms)
        layout.addWidget(splitter, 1)

    def _build_blockers(self) -> QGroupBox:
        self.blockers_box = QGroupBox(self.tr("What blocks submission"))
        self.blockers = QListWidget()
        self.blockers.setObjectName("application:blockers")
        self.blockers.setWordWrap(True)
        self.blockers.currentItemChanged.connect(self._show_blocker)
        self.blocker_detail = QLabel()
        self.blocker_detail.setObjectName("application:blocker_detail")
        self.blocker_detail.setWordWrap(True)
        self.official_hint = QLabel(
            self.tr(
                "IRCC's own checklist, made when you fill in the application online, has the "
                "last word: follow it where it asks for more."
            )
        )
        self.official_hint.setObjectName("application:official_hint")
        self.official_hint.setWordWrap(True)
        self.official_hint.setStyleSheet(f"color: {EXPECTED_COLOUR};")
        self.checklist_button = QPushButton(self.tr("Open the application's &checklist"))
        self.checklist_button.setObjectName("application:checklist")
        self.checklist_button.clicked.connect(self.checklist_requested)
        layout = QVBoxLayout(self.blockers_box)
        layout.addWidget(self.blockers, 1)
        layout.addWidget(self.blocker_detail)
        layout.addWidget(self.official_hint)
        layout.addWidget(self.checklist_button)
        return self.blockers_box

    def _build_timeline(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timeline"))
        self.processing = QProgressBar()
        self.processing.setObjectName("application:processing")
        self.processing.setTextVisible(True)
        self.processing_text = QLabel()
        self.processing_text.setObjectName("application:processing_text")
        self.processing_text.setWordWrap(True)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("application:timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setHeaderLabels(
            [self.tr("Date"), self.tr("Step"), self.tr("Deadline"), self.tr("State")]
        )
        header = self.timeline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.timeline.currentItemChanged.connect(self._show_step)
        self.step_detail = QLabel()
        self.step_detail.setObjectName("application:step_detail")
        self.step_detail.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("application:edit")
        self.edit_button.clicked.connect(self.ask_edit)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("application:remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_detail, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.processing_text)
        layout.addWidget(self.processing)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        return box

    # -- showing --------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.forms_report is not None:
            self.forms.show_report(self.forms_report(self.today()))
        self.status = status = self.service.status(self.today())
        if status is None:
            return
        self.stage.setText(_(STAGE_TITLES[status.stage]))
        line = countdown(status)
        self.countdown.setText(line)
        self.countdown.setVisible(bool(line))
        left = status.days_left
        colour = "" if left is None else OVERDUE if left < 0 else URGENT if left <= 14 else ""
        self.countdown.setStyleSheet(f"font-weight: bold; color: {colour or 'palette(text)'};")
        self.next_step.setText(status.next_step)
        self._fill_blockers(status)
        self._fill_timeline(status)

    def _fill_blockers(self, status: ApplicationStatus) -> None:
        before = status.stage in ("profile", "invited", "invitation_expired")
        after = not before and bool(status.still_missing)
        self.blockers_box.setVisible(before or after)
        if after:
            # A submitted application can still receive requests: what is missing stays listed.
            title = self.tr("Still missing (IRCC may ask for these)")
        elif status.stage == "profile":
            title = self.tr("What would block an application today")
        else:
            title = self.tr("What blocks submission")
        self.blockers_box.setTitle(title)
        self.blockers.clear()
        shown = status.still_missing if after else status.blockers
        ordered = sorted(shown, key=lambda b: not b.blocks)
        for blocker in ordered:
            mark = "✗" if blocker.blocks else "•" if after else "!"
            item = QListWidgetItem(f"{mark}  {blocker.title}")
            item.setData(Qt.ItemDataRole.UserRole, blocker)
            colour = OVERDUE if blocker.blocks else URGENT
            if after:
                item.setForeground(self.palette().text())
            else:
                item.setForeground(QBrush(QColor(colour)))
            item.setToolTip(blocker.detail)
            self.blockers.addItem(item)
        if not ordered:
            item = QListWidgetItem(self.tr("✓  Nothing blocks submission."))
            item.setForeground(QBrush(QColor(DONE_COLOUR)))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.blockers.addItem(item)
        self.blocker_detail.setText(
            self.tr("Choose an item to see why it matters and what to do.") if ordered else ""
        )

    def _show_blocker(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        blocker = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        if isinstance(blocker, Blocker):
            self.blocker_detail.setText(blocker.detail)

    def _fill_timeline(self, status: ApplicationStatus) -> None:
        self.timeline.clear()
        for step in status.timeline:
            item = QTreeWidgetItem(
                [
                    step.on.isoformat() if step.on else "",
                    step.title,
                    step.due.isoformat() if step.due else "",
                    self._state_text(step),
                ]
            )
            item.setData(0, STEP_ROLE, step)
            colour = {"overdue": OVERDUE, "open": URGENT, "expected": EXPECTED_COLOUR}.get(
                step.state, DONE_COLOUR
            )
            for column in range(4):
                item.setForeground(column, QBrush(QColor(colour)))
                item.setToolTip(column, step.time_limit)
            self.timeline.addTopLevelItem(item)
        for column in (0, 2, 3):
            self.timeline.resizeColumnToContents(column)
        processing = status.processing
        self.processing_text.setText(processing_line(status))
        self.processing_text.setVisible(processing is not None)
        self.processing.setVisible(processing is not None)
        if processing is not None:
            self.processing.setRange(0, processing.standard_days)
            self.processing.setValue(min(processing.elapsed_days, processing.standard_days))
            self.processing.setFormat(
                self.tr("Day %1 of %2")
                .replace("%1", str(processing.elapsed_days))
                .replace("%2", str(processing.standard_days))
            )
        self._show_step(None)

    def _state_text(self, step: Step) -> str:
        text = _(STATE_NAMES[step.state])
        if step.done_on is not None:
            # A cell of the timeline, beside its numeric date columns.
            text = self.tr("answered %1").replace("%1", format_date(step.done_on, "short"))
        if step.day is not None and step.state == "done":
            text += "  " + self.tr("(day %1)").replace("%1", str(step.day))
        return text

    def current_step(self) -> Step | None:
        item = self.timeline.currentItem()
        step = None if item is None else item.data(0, STEP_ROLE)
        return step if isinstance(step, Step) else None

    def _show_step(self, *_args: object) -> None:
        step = self.current_step()
        recorded = step is not None and step.on is not None
        self.edit_button.setText(self.tr("&Edit…") if recorded else self.tr("Re&cord…"))
        self.edit_button.setEnabled(step is not None)
        self.remove_button.setEnabled(recorded)
        if step is None:
            self.step_detail.setText(self.tr("Choose a step to see its time limit and note."))
            return
        lines = [step.time_limit] if step.time_limit else []
        if step.note:
            lines.append(self.tr("Note: %1").replace("%1", step.note))
        self.step_detail.setText("\n".join(lines))

    # -- recording ------------------------------------------------------------------------
    def record_dialog(self, preset: str = "") -> MilestoneDialog:
        """The dialog to record a milestone: on ``preset``, else on the next milestone not yet
        recorded."""
        dialog = MilestoneDialog(self.today(), parent=self)
        name = preset if preset in MILESTONES else next_milestone(self.service.milestones())
        dialog.name.setCurrentIndex(MILESTONES.index(name))
        return dialog

    def ask_record(self, preset: str = "") -> None:
        dialog = self.record_dialog(preset)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record(dialog.milestone())

    def ask_edit(self) -> None:
        step = self.current_step()
        if step is None:
            return
        if step.record is None:
            self.ask_record(step.name)
            return
        dialog = MilestoneDialog(self.today(), step.record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record(dialog.milestone())

    @staticmethod
    def _newly_submitted(milestone: Milestone) -> bool:
        """Recording the application as submitted, not correcting a submission recorded."""
        return milestone.name == SUBMITTED and milestone.id is None

    def submit_question(self, missing: tuple[Blocker, ...]) -> tuple[QMessageBox, QPushButton]:
        """The question asked before recording a submission while documents are missing: the
        first ones named, all of them in the details (a scrolling list)."""
        box = QMessageBox(self)
        box.setObjectName("application:submit_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Record the application as submitted?"))
        box.setText(
            self.tr(
                "%n documents of the application are not marked received in your checklist:",
                "",
                len(missing),
            )
        )
        names = [f"• {b.title}" for b in missing]
        shown = "\n".join(names[:LISTED])
        if len(names) > LISTED:
            shown += "\n" + self.tr("… and %1 more (Show Details…).").replace(
                "%1", str(len(names) - LISTED)
            )
        box.setInformativeText(
            shown
            + "\n\n"
            + self.tr(
                "IRCC returns an application that misses a required document. If you sent "
                "them, mark them received in the checklist; the list stays on this tab."
            )
        )
        box.setDetailedText("\n".join(names))
        anyway = box.addButton(self.tr("&Record anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box, anyway

    def ask_submit_anyway(self, missing: tuple[Blocker, ...]) -> bool:
        box, anyway = self.submit_question(missing)
        box.exec()
        return box.clickedButton() is anyway

    def record(self, milestone: Milestone) -> bool:
        """Record a milestone, or correct the record ``milestone.id``. Recording the
        application as submitted while documents are missing asks first."""
        if self._newly_submitted(milestone):
            missing = self.service.missing_documents(self.today())
            if missing and not self.ask_submit_anyway(missing):
                return False
        try:
            self.service.record(milestone, self.today())
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Record a milestone"), str(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        step = self.current_step()
        existing = None if step is None else step.record
        if step is None or existing is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("Remove milestone"),
            self.tr("Remove “%1” of %2?")
            .replace("%1", step.title)
            .replace("%2", format_date(existing.on)),
        )
        if asked == QMessageBox.StandardButton.Yes:
            self.service.remove(existing)
            self.refresh()
            self.changed.emit()
