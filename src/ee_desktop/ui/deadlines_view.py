"""Every date that matters, sorted and coloured by urgency; milestones; the user's own dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.deadlines import Deadline
from ee_desktop.services.deadlines import DeadlinesService
from ee_desktop.ui.base import Tab
from ee_desktop.wizard.date_input import DateInput

UID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE, URGENT, SOON = "#b00020", "#c25e00", "#8a6d00"


class CustomDeadlineDialog(QDialog):
    """What is due and when, asked together. OK with a missing title, a date that is none
    or one the service refuses keeps the dialog open with both texts and says what is
    wrong; ``submit`` (title, date) adds the deadline or raises ValueError with the reason.
    """

    def __init__(self, submit: Callable[[str, date], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(self.tr("Add my own deadline"))
        self.setObjectName("deadlines:custom")
        self.title = QLineEdit()
        self.title.setObjectName("deadlines:custom:title")
        self.due = DateInput()
        self.due.setObjectName("deadlines:custom:due")
        self.error = QLabel()
        self.error.setObjectName("deadlines:custom:error")
        self.error.setStyleSheet(f"color: {OVERDUE};")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(self.tr("What is due:"), self.title)
        form.addRow(self.tr("Due on:"), self.due)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        title = self.title.text().strip()
        due = self.due.date()
        if not title:
            self._say(self.tr("Write what is due."), self.title)
        elif due is None:
            problem = self.due.problem() or self.tr(
                "Write the date as YYYY-MM-DD or DD/MM/YYYY, or choose it on the calendar."
            )
            self._say(problem, self.due)
        else:
            self.due.set_date(due)
            try:
                self.submit(title, due)
            except ValueError as exc:
                self._say(str(exc), self.due)
                return
            super().accept()

    def _say(self, message: str, where: QWidget) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        where.setFocus()


def urgency(deadline: Deadline, as_of: date) -> str:
    """ "overdue", "urgent" (a week), "soon" (a month) or "" for later or done."""
    if deadline.done:
        return ""
    days = (deadline.due - as_of).days
    if days < 0:
        return "overdue"
    if days <= 7:
        return "urgent"
    return "soon" if days <= 30 else ""


class DeadlinesView(Tab[DeadlinesService]):
    def __init__(
        self, service: DeadlinesService, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(service, today, parent)
        self.deadlines: list[Deadline] = []
        self.custom_dialog: CustomDeadlineDialog | None = None

        self.summary = QLabel()
        self.summary.setObjectName("deadlines:summary")
        self.summary.setWordWrap(True)
        self.remind = QSpinBox()
        self.remind.setObjectName("deadlines:remind")
        self.remind.setRange(0, 365)
        self.remind.setSuffix(self.tr(" days"))
        self.remind.setToolTip(
            self.tr(
                "At start, and while the app runs, you are reminded of "
                "what falls due within this many days. A date that needs more notice is "
                "announced earlier: a 30-day letter from the day you record it, a passport "
                "expiry six months ahead. 0 days: only those."
            )
        )
        self.remind.editingFinished.connect(self._reminder_changed)
        remind_label = QLabel(self.tr("&Remind me of what falls due within"))
        remind_label.setBuddy(self.remind)
        self.export_button = QPushButton(self.tr("&Export to calendar…"))
        self.export_button.setObjectName("deadlines:export")
        self.export_button.clicked.connect(self.choose_and_export)
        self.add_button = QPushButton(self.tr("Add my own &deadline…"))
        self.add_button.setObjectName("deadlines:add")
        self.add_button.clicked.connect(self.add_custom)
        top = QHBoxLayout()
        top.addWidget(remind_label)
        top.addWidget(self.remind)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.export_button)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("In"), self.tr("What"), self.tr("For"), self.tr("Points")]
        )
        self.table = QTableView()
        self.table.setObjectName("deadlines:table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.detail = QLabel()
        self.detail.setObjectName("deadlines:detail")
        self.detail.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.clicked.connect(self._toggle_done)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.clicked.connect(self._delete)
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.detail, 1)
        custom_row.addWidget(self.done_button)
        custom_row.addWidget(self.delete_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(custom_row)

        milestones_hint = QLabel(
            self.tr(
                "Dates that follow from your invitation, IRCC's requests and your "
                "confirmation of permanent residence appear here once you record them in the "
                "Application tab."
            )
        )
        milestones_hint.setWordWrap(True)
        self.application_button = QPushButton(self.tr("Open the Application ta&b"))
        self.application_button.setObjectName("deadlines:application")
        self.application_button.clicked.connect(self.application_requested)
        hint_row = QHBoxLayout()
        hint_row.addWidget(milestones_hint, 1)
        hint_row.addWidget(self.application_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(left, 1)
        layout.addLayout(hint_row)
        self._select_custom(None)

    def refresh(self) -> None:
        as_of = self.today()
        self.remind.setValue(self.service.reminder_days)
        self.deadlines = self.service.deadlines(as_of)
        self.model.removeRows(0, self.model.rowCount())
        overdue = 0
        for deadline in self.deadlines:
            level = urgency(deadline, as_of)
            overdue += level == "overdue"
            days = (deadline.due - as_of).days
            when = (
                self.tr("done")
                if deadline.done
                else self.tr("%n days ago", "", -days)
                if days < 0
                else self.tr("today")
                if days == 0
                else self.tr("%n days", "", days)
            )
            points = "" if deadline.points is None else f"{deadline.points:+d}"
            row = [
                QStandardItem(deadline.due.isoformat()),
                QStandardItem(when),
                QStandardItem(deadline.title),
                QStandardItem(self._person(deadline)),
                QStandardItem(points),
            ]
            row[0].setData(deadline.uid, UID_ROLE)
            for item in row:
                item.setToolTip(deadline.detail)
                self._paint(item, level, deadline.done)
            self.model.appendRow(row)
        for column in (0, 1, 3, 4):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        soon = len([d for d in self.service.due_soon(as_of) if d.due >= as_of])
        if not self.deadlines:
            self.summary.setText(
                self.tr(
                    "No dates yet. Add your language tests, passport and "
                    "jobs to your personal file, and record milestones "
                    "in the Application tab as they happen."
                )
            )
        elif overdue:
            self.summary.setText(
                self.tr("<b>%1 overdue.</b> %2 due within your reminder period.")
                .replace("%1", str(overdue))
                .replace("%2", str(soon))
            )
        else:
            self.summary.setText(
                self.tr("%1 due within your reminder period.").replace("%1", str(soon))
            )
        self._select_custom(None)

    changed = Signal()
    application_requested = Signal()

    def _reminder_changed(self) -> None:
        if self.remind.value() != self.service.reminder_days:
            self.service.set_reminder_days(self.remind.value())
            self.refresh()
            self.changed.emit()

    def _person(self, deadline: Deadline) -> str:
        if deadline.person == "applicant":
            return self.tr("You")
        if deadline.person == "spouse":
            return self.tr("Spouse or partner")
        if deadline.person.startswith("child"):
            return self.tr("Child")
        return ""

    @staticmethod
    def _paint(item: QStandardItem, level: str, done: bool) -> None:
        colour = {"overdue": OVERDUE, "urgent": URGENT, "soon": SOON}.get(level)
        if colour:
            item.setForeground(QBrush(QColor(colour)))
        if level == "overdue":
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setBackground(QBrush(QColor("#fde7ea")))
        if done:
            font = QFont(item.font())
            font.setStrikeOut(True)
            item.setFont(font)

    def uids(self) -> list[str]:
        return [self.model.item(r, 0).data(UID_ROLE) for r in range(self.model.rowCount())]

    # -- the user's own deadlines -----------------------------------------------------------------
    def _current(self) -> Deadline | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        uid = self.model.item(index.row(), 0).data(UID_ROLE)
        return next((d for d in self.deadlines if d.uid == uid), None)

    def _selected(self, *_args: object) -> None:
        deadline = self._current()
        self._select_custom(deadline)

    def _select_custom(self, deadline: Deadline | None) -> None:
        self.detail.setText(
            deadline.detail
            if deadline
            else self.tr("Choose a date to see what it means and what to do.")
        )
        custom = deadline is not None and deadline.uid.startswith("custom:")
        self.done_button.setEnabled(custom)
        self.delete_button.setEnabled(custom)
        if custom and deadline is not None:
            self.done_button.setText(
                self.tr("Mark not done") if deadline.done else self.tr("Mark &done")
            )

    def _custom_id(self, deadline: Deadline) -> int:
        return int(deadline.uid.split(":", 1)[1])

    def _toggle_done(self) -> None:
        deadline = self._current()
        if deadline is not None and deadline.uid.startswith("custom:"):
            self.service.set_custom_done(self._custom_id(deadline), not deadline.done)
            self.refresh()

    def _delete(self) -> None:
        deadline = self._current()
        if deadline is not None and deadline.uid.startswith("custom:"):
            self.service.delete_custom(self._custom_id(deadline))
            self.refresh()

    def add_custom(self) -> CustomDeadlineDialog:
        """Ask what is due and when in one dialog (window-modal; it stays open until the
        deadline is added or the person cancels); the list is refreshed once it is added."""
        if self.custom_dialog is not None:
            self.custom_dialog.deleteLater()  # the one of the last time, closed
        dialog = CustomDeadlineDialog(self.service.add_custom, self)
        dialog.accepted.connect(self.refresh)
        self.custom_dialog = dialog
        dialog.open()
        return dialog

    # -- calendar -------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to calendar"),
            str(Path.home() / "ee-desktop-deadlines.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        try:
            count = self.service.export_ics(path, self.today(), datetime.now(UTC))
        except (OSError, ValueError, OverflowError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self, self.tr("Export failed"), reason)
            return False
        QMessageBox.information(
            self,
            self.tr("Export to calendar"),
            self.tr(
                "%1 dates written to %2. Import the file into your calendar; exporting again later "
                "updates the same events instead of adding new ones."
            )
            .replace("%1", str(count))
            .replace("%2", str(path)),
        )
        return True
