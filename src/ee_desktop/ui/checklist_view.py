"""The document checklist: grouped by person and stage, filtered, with progress and files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.checklist import STATUS_NAMES, ChecklistEntry, progress
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.store.vault import VaultError
from ee_desktop.ui.base import Tab

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class DropTree(QTreeView):
    """A tree that accepts files dropped on an item."""

    files_dropped = Signal(QModelIndex, list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if index.isValid() and paths:
            event.acceptProposedAction()
            self.files_dropped.emit(index, paths)
        else:
            event.ignore()


class ChecklistView(Tab[ChecklistService]):
    def __init__(
        self, service: ChecklistService, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(service, today, parent)
        self.entries: dict[str, ChecklistEntry] = {}
        self._shown: list[str] = []
        self.status_names = {
            "needed": self.tr("Needed"),
            "requested": self.tr("Requested"),
            "received": self.tr("Received"),
            "uploaded": self.tr("Uploaded to the application"),
        }

        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("checklist:stage")
        for value, text in (
            (None, self.tr("Both stages")),
            ("profile", self.tr("Profile (before an invitation)")),
            ("application", self.tr("Application (after an invitation)")),
        ):
            self.stage_filter.addItem(text, value)
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("checklist:show")
        for value, text in (
            ("all", self.tr("All items")),
            ("outstanding", self.tr("Outstanding")),
            ("expiring", self.tr("Expiring soon")),
        ):
            self.show_filter.addItem(text, value)
        self.stage_filter.currentIndexChanged.connect(self.refresh)
        self.show_filter.currentIndexChanged.connect(self.refresh)
        self.progress = QProgressBar()
        self.progress.setObjectName("checklist:progress")
        self.add_button = QPushButton(self.tr("Add my own &item…"))
        self.add_button.setObjectName("checklist:add")
        self.add_button.clicked.connect(self.add_custom)
        top = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.show_filter)
        stage_label = QLabel(self.tr("S&tage:"))
        stage_label.setBuddy(self.stage_filter)
        for widget in (stage_label, self.stage_filter, show_label, self.show_filter):
            top.addWidget(widget)
        top.addWidget(self.progress, 1)
        top.addWidget(self.add_button)

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Status"), self.tr("Valid until"), self.tr("Files")]
        )
        self.tree = DropTree()
        self.tree.setObjectName("checklist:tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # fast with hundreds of rows
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._selected)
        self.tree.files_dropped.connect(self._dropped)
        self.tree.setToolTip(self.tr("Drop files on a document to attach them."))

        self.detail = _Detail(self)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.empty = QLabel(self.tr("Nothing to show with these filters."))
        self.empty.setObjectName("checklist:empty")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

    # -- contents --------------------------------------------------------------------------
    def visible_entries(self) -> list[ChecklistEntry]:
        return [self.entries[k] for k in self._shown]

    def refresh(self) -> None:
        self.detail.flush_notes()  # never lose notes being typed
        current = self.current_entry()
        as_of = self.today()
        entries = self.service.entries(as_of, self.stage_filter.currentData())
        self.entries = {e.key: e for e in entries}
        done, total = progress(entries)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("%1 of %2 documents received")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        show = self.show_filter.currentData()
        days = self.service.expiring_days
        shown = [
            e
            for e in entries
            if show == "all"
            or (show == "outstanding" and e.needed and not e.done)
            or (show == "expiring" and e.needed and e.expiring(as_of, days))
        ]
        self._shown = [e.key for e in shown]
        self._fill(shown, as_of, days)
        self.empty.setVisible(not shown)
        if current is not None and current.key in self.entries:
            self.select(current.key)
        else:
            self.detail.show_entry(None)

    def _group_title(self, entry: ChecklistEntry) -> str:
        if not entry.needed:
            return self.tr("No longer needed")
        stage = self.tr("profile") if entry.stage == "profile" else self.tr("application")
        return f"{entry.person_label} — {stage}"

    def _fill(self, entries: list[ChecklistEntry], as_of: date, days: int) -> None:
        self.model.removeRows(0, self.model.rowCount())
        groups: dict[str, QStandardItem] = {}
        for entry in entries:
            title = self._group_title(entry)
            group = groups.get(title)
            if group is None:
                group = QStandardItem(title)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[title] = group
                self.model.appendRow([group, QStandardItem(), QStandardItem(), QStandardItem()])
            name = QStandardItem(entry.title + (self.tr(" (your item)") if entry.custom else ""))
            name.setData(entry.key, KEY_ROLE)
            name.setToolTip(f"{entry.title}\n{entry.reason}")
            status = QStandardItem(self.status_names.get(entry.status, entry.status))
            valid = QStandardItem(entry.expires_on.isoformat() if entry.expires_on else "")
            if entry.needed and entry.expiring(as_of, days):
                valid.setForeground(Qt.GlobalColor.darkRed)
                valid.setToolTip(self.tr("Expires within %1 days").replace("%1", str(days)))
            files = QStandardItem(str(len(entry.attachments)) if entry.attachments else "")
            group.appendRow([name, status, valid, files])
        self.tree.expandAll()
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)

    def current_entry(self) -> ChecklistEntry | None:
        index = self.tree.currentIndex()
        key = index.siblingAtColumn(0).data(KEY_ROLE) if index.isValid() else None
        return self.entries.get(key) if key else None

    def select(self, key: str) -> None:
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            for child in range(group.rowCount()):
                if group.child(child).data(KEY_ROLE) == key:
                    self.tree.setCurrentIndex(group.child(child).index())
                    return

    def _selected(self, *_args: object) -> None:
        self.detail.flush_notes()
        self.detail.show_entry(self.current_entry())

    # -- actions -------------------------------------------------------------------------------
    def set_status(self, entry: ChecklistEntry, status: str) -> None:
        self.service.set_status(entry, status, self.today())
        self.refresh()

    def attach_files(self, entry: ChecklistEntry, paths: list[Path]) -> None:
        failed = []
        for path in paths:
            try:
                self.service.attach(self._fresh(entry), path)
            except VaultError as exc:
                failed.append(str(exc))
        self.refresh()
        self.select(entry.key)
        if failed:
            QMessageBox.warning(self, self.tr("Some files were not attached"), "\n".join(failed))

    def _fresh(self, entry: ChecklistEntry) -> ChecklistEntry:
        """The entry as stored now (its row may have been created by an earlier action)."""
        return next((e for e in self.service.entries(self.today()) if e.key == entry.key), entry)

    def _dropped(self, index: QModelIndex, paths: list[Path]) -> None:
        key = index.siblingAtColumn(0).data(KEY_ROLE)
        if key in self.entries:
            self.attach_files(self.entries[key], paths)

    def add_custom(self) -> None:
        title, ok = QInputDialog.getText(
            self, self.tr("Add my own item"), self.tr("Document to collect:")
        )
        if ok and title.strip():
            stage = self.stage_filter.currentData() or "profile"
            self.service.add_custom(title.strip(), stage, "applicant", self.tr("You"))
            self.refresh()


class _Detail(QWidget):
    """Everything about the selected item, and the controls to record progress."""

    def __init__(self, view: ChecklistView) -> None:
        super().__init__()
        self.view = view
        self.entry: ChecklistEntry | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("checklist:title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.text = QLabel()
        self.text.setObjectName("checklist:text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

        form = QFormLayout()
        self.status = QComboBox()
        self.status.setObjectName("checklist:status")
        for status in STATUS_NAMES:
            self.status.addItem(view.status_names[status], status)
        self.status.activated.connect(self._status_chosen)
        form.addRow(self.tr("&Status:"), self.status)
        self.dates: dict[str, QLineEdit] = {}
        for name, label in (
            ("requested_on", self.tr("Requested on:")),
            ("received_on", self.tr("Received on:")),
            ("uploaded_on", self.tr("Uploaded on:")),
        ):
            line = QLineEdit()
            line.setObjectName(f"checklist:{name}")
            line.setPlaceholderText(self.tr("YYYY-MM-DD"))
            line.editingFinished.connect(lambda n=name: self._date_edited(n))
            self.dates[name] = line
            form.addRow(label, line)
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #b00020;")
        self.date_error.setVisible(False)
        form.addRow("", self.date_error)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("checklist:notes")
        self.notes.setPlaceholderText(self.tr("Notes: where you asked, reference numbers…"))
        self.notes.setMaximumHeight(90)
        self.notes.setToolTip(self.tr("Notes are saved as you type."))
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(800)
        self._notes_timer.timeout.connect(self.flush_notes)
        self.notes.textChanged.connect(self._notes_timer.start)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        files_label = QLabel(self.tr("Attached files (kept encrypted):"))
        layout.addWidget(files_label)
        self.files = QListWidget()
        self.files.setObjectName("checklist:files")
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.files)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach…"))
        self.attach_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self._open(self.files.currentItem()))
        self.remove_file = QPushButton(self.tr("Remove &file"))
        self.remove_file.clicked.connect(self._remove_file)
        for button in (self.attach_button, self.open_button, self.remove_file):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.remove_item = QPushButton(self.tr("Remove this item"))
        self.remove_item.setObjectName("checklist:remove")
        self.remove_item.clicked.connect(self._remove_item)
        layout.addWidget(self.remove_item)
        layout.addStretch(1)
        self.show_entry(None)

    def show_entry(self, entry: ChecklistEntry | None) -> None:
        self.entry = entry
        enabled = entry is not None
        for widget in (
            self.status,
            self.notes,
            self.files,
            self.attach_button,
            self.open_button,
            self.remove_file,
            *self.dates.values(),
        ):
            widget.setEnabled(enabled)
        self.date_error.setVisible(False)
        if entry is None:
            self.title.setText(
                self.tr(
                    "Choose a document on the left to see why it is needed, "
                    "what it must contain and how long it stays valid."
                )
            )
            self.text.setText("")
            self.remove_item.setVisible(False)
            self.files.clear()
            return
        self.title.setText(entry.title)
        parts = [f"<p><b>{self.tr('For:')}</b> {_html(entry.person_label)}</p>"]
        if entry.reason:
            parts.append(f"<p><b>{self.tr('Why:')}</b> {_html(entry.reason)}</p>")
        if entry.contents:
            items = "".join(f"<li>{_html(c)}</li>" for c in entry.contents)
            parts.append(f"<p><b>{self.tr('It must contain:')}</b></p><ul>{items}</ul>")
        if entry.validity:
            parts.append(f"<p><b>{self.tr('Valid:')}</b> {_html(entry.validity)}</p>")
        if entry.source.startswith("http"):
            parts.append(f'<p><a href="{_html(entry.source)}">{self.tr("Official source")}</a></p>')
        self.text.setText("".join(parts))
        self.status.setCurrentIndex(max(0, self.status.findData(entry.status)))
        for name, line in self.dates.items():
            value = getattr(entry, name)
            line.setText(value.isoformat() if value else "")
        self.notes.blockSignals(True)
        self.notes.setPlainText(entry.notes)
        self.notes.blockSignals(False)
        self.files.clear()
        for attachment in entry.attachments:
            size = self.tr("%1 KB").replace("%1", str(attachment.size // 1024 + 1))
            item = QListWidgetItem(f"{attachment.filename} ({size})")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.files.addItem(item)
        self.remove_item.setVisible(entry.custom or not entry.needed)

    def _status_chosen(self, index: int) -> None:
        if self.entry is not None:
            self.view.set_status(self.entry, self.status.itemData(index))

    def _date_edited(self, name: str) -> None:
        if self.entry is None:
            return
        text = self.dates[name].text().strip()
        current = getattr(self.entry, name)
        try:
            value = date.fromisoformat(text) if text else None
        except ValueError:
            self.date_error.setText(
                self.tr("Dates are written YYYY-MM-DD, for example 2026-03-01.")
            )
            self.date_error.setVisible(True)
            return
        self.date_error.setVisible(False)
        if value != current:
            key = self.entry.key
            self.view.service.set_dates(self.entry, **{name: value})
            self.view.refresh()
            self.view.select(key)

    def flush_notes(self) -> None:
        """Store the notes of the item shown, if they changed."""
        self._notes_timer.stop()
        text = self.notes.toPlainText()
        if self.entry is None or text == self.entry.notes:
            return
        item = self.view.service.set_notes(self.entry, text)
        self.entry = replace(self.entry, notes=text, record_id=item)
        self.view.entries[self.entry.key] = self.entry

    def _choose_files(self) -> None:
        if self.entry is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.view.attach_files(self.entry, [Path(p) for p in paths])

    def _attachment(self, item: QListWidgetItem | None):  # type: ignore[no-untyped-def]
        if item is None or self.entry is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.entry.attachments if a.id == wanted), None)

    def _open(self, item: QListWidgetItem | None) -> None:
        attachment = self._attachment(item)
        if attachment is None:
            return
        try:
            path = self.view.service.open_attachment(attachment)
        except VaultError as exc:
            QMessageBox.warning(self, self.tr("The file cannot be opened"), str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _remove_file(self) -> None:
        attachment = self._attachment(self.files.currentItem())
        if attachment is None or self.entry is None:
            return
        key = self.entry.key
        self.view.service.remove_attachment(attachment)
        self.view.refresh()
        self.view.select(key)

    def _remove_item(self) -> None:
        if self.entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove item"),
            self.tr("Remove “%1” with its notes and attached files?").replace(
                "%1", self.entry.title
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.view.service.remove(self.entry)
            self.view.refresh()


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
