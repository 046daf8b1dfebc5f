"""The document checklist: grouped by person and stage, filtered, with progress and files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.checklist import STATUS_NAMES, ChecklistEntry, progress, standing
from ee_desktop.checklist.entry import Attachment
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.store.vault import VaultError
from ee_desktop.ui.base import Tab
from ee_desktop.ui.letters_dialog import LettersButton
from ee_desktop.wizard.date_input import DateInput

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
STANDING_ROLE = Qt.ItemDataRole.UserRole + 2
# A colour for each standing, always with a word and a mark (never colour alone): green when
# done, neutral for what is simply still to collect, amber when needed now, red when expired.
STANDING_COLOURS = {
    "done": QColor("#1b7a3a"),
    "requested": QColor("#1f5a96"),
    "to_collect": QColor("#5f6368"),
    "needed": QColor("#9a5b00"),
    "expired": QColor("#b00020"),
    "not_needed": QColor("#5f6368"),
}
STANDING_MARKS = {
    "done": "✓",
    "requested": "…",
    "to_collect": "○",
    "needed": "!",
    "expired": "✗",
    "not_needed": "–",
}


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


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped name needs, so no name is cut off."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth = 1 if index.parent().isValid() else 0
        spanned = self.tree.isFirstColumnSpanned(index.row(), index.parent())
        width = (
            self.tree.viewport().width() if spanned else self.tree.columnWidth(0)
        ) - self.tree.indentation() * (depth + 1)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width - 12, 40), 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


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
        self.standing_names = {
            "requested": self.tr("Requested"),
            "to_collect": self.tr("To collect"),
            "needed": self.tr("Needed now"),
            "expired": self.tr("Expired"),
            "not_needed": self.tr("No longer needed"),
        }
        self.standing_tips = {
            "done": self.tr("You have this document."),
            "requested": self.tr("You asked for this document and are waiting for it."),
            "to_collect": self.tr(
                "Needed only for the application, after an invitation: collect it when you can."
            ),
            "needed": self.tr("Needed now."),
            "expired": self.tr("Its validity has ended: get a new one."),
            "not_needed": self.tr("Your personal file no longer needs this document."),
        }
        self.invited = False

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
        self.package_button = QPushButton(self.tr("Prepare &upload package…"))
        self.package_button.setObjectName("checklist:package")
        self.package_button.setToolTip(
            self.tr(
                "One PDF per document with attached files, small enough for the portal, in a "
                "folder you choose. Those files are not encrypted."
            )
        )
        self.package_button.clicked.connect(self.prepare_package)
        top.addWidget(self.package_button)
        self.letters_button = LettersButton(service, today, self.current_entry, self)
        self.letters_button.attached.connect(self._letter_attached)
        top.addWidget(self.letters_button)

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Status"), self.tr("Valid until"), self.tr("Files")]
        )
        self.tree = DropTree()
        self.tree.setObjectName("checklist:tree")
        self.tree.setModel(self.model)
        # Long names (a spouse's full name, French titles) wrap instead of being cut off.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.selectionModel().currentChanged.connect(self._selected)
        self.tree.files_dropped.connect(self._dropped)
        self.tree.setToolTip(self.tr("Drop files on a document to attach them."))

        self.detail = _Detail(self)
        # The files and their buttons stay under the details, never scrolled out of view.
        self.files = _Files(self)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.files)
        splitter.addWidget(right)
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
        self.invited = self.service.invited()
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
            self._show(None)

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
                group.setToolTip(title)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[title] = group
                self.model.appendRow([group, QStandardItem(), QStandardItem(), QStandardItem()])
                # The group title uses the whole width: the stage at its end is never cut off.
                self.tree.setFirstColumnSpanned(group.row(), QModelIndex(), True)
            name = QStandardItem(entry.title + (self.tr(" (your item)") if entry.custom else ""))
            name.setData(entry.key, KEY_ROLE)
            name.setToolTip(f"{entry.title}\n{entry.reason}" if entry.reason else entry.title)
            status = self._status_item(entry, as_of)
            valid = QStandardItem(entry.expires_on.isoformat() if entry.expires_on else "")
            if entry.needed and entry.expiring(as_of, days):
                valid.setForeground(Qt.GlobalColor.darkRed)
                valid.setToolTip(self.tr("Expires within %1 days").replace("%1", str(days)))
            files = QStandardItem(str(len(entry.attachments)) if entry.attachments else "")
            group.appendRow([name, status, valid, files])
        self.tree.expandAll()
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)

    def status_text(self, entry: ChecklistEntry, as_of: date) -> tuple[str, str]:
        """(standing, text with its mark) of an item, e.g. ("to_collect", "○ To collect")."""
        found = standing(entry, as_of, self.invited)
        name = (
            self.status_names.get(entry.status, entry.status)
            if found == "done"
            else self.standing_names[found]
        )
        return found, f"{STANDING_MARKS[found]} {name}"

    def _status_item(self, entry: ChecklistEntry, as_of: date) -> QStandardItem:
        found, text = self.status_text(entry, as_of)
        item = QStandardItem(text)
        item.setData(found, STANDING_ROLE)
        item.setForeground(STANDING_COLOURS[found])
        tip = self.standing_tips[found]
        if entry.record != entry.key or any(
            e.record == entry.record and e.key != entry.key for e in self.entries.values()
        ):
            tip += "\n" + self.tr(
                "The same document is listed for the profile and for the application: its "
                "status and files are shared."
            )
        item.setToolTip(tip)
        return item

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
        self._show(self.current_entry())

    def _show(self, entry: ChecklistEntry | None) -> None:
        self.detail.show_entry(entry)
        self.files.show_entry(entry)

    # -- actions -------------------------------------------------------------------------------
    def set_status(self, entry: ChecklistEntry, status: str) -> None:
        self.service.set_status(entry, status, self.today())
        self.refresh()

    def attach_files(self, entry: ChecklistEntry, paths: list[Path]) -> None:
        """Attach the files, then offer to mark the item received if it is not yet."""
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
        attached = self.entries.get(entry.key)
        if attached is None or attached.done or len(failed) == len(paths):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Mark as received?"),
            self.tr("The file is attached. Mark “%1” as received?").replace("%1", attached.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.set_status(attached, "received")
            self.select(entry.key)

    def _letter_attached(self, key: str) -> None:
        self.refresh()
        self.select(key)

    def _fresh(self, entry: ChecklistEntry) -> ChecklistEntry:
        """The entry as stored now (its row may have been created by an earlier action)."""
        return next((e for e in self.service.entries(self.today()) if e.key == entry.key), entry)

    def _dropped(self, index: QModelIndex, paths: list[Path]) -> None:
        key = index.siblingAtColumn(0).data(KEY_ROLE)
        if key in self.entries:
            self.attach_files(self.entries[key], paths)

    def prepare_package(self) -> None:
        """The upload package (services.package) into a folder the user chooses: that
        folder when it is empty or holds a previous package, else a new folder in it."""
        from ee_desktop.package import FolderError
        from ee_desktop.package.output import usable_folder

        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the upload package")
        )
        if not chosen:
            return
        folder = Path(chosen)
        if not usable_folder(folder):
            folder = folder / f"ee-desktop-upload-{self.today().isoformat()}"
        dialog = QProgressDialog(
            self.tr("Preparing the upload package…"), self.tr("Cancel"), 0, 1, self
        )
        dialog.setObjectName("checklist:package-progress")
        dialog.setWindowTitle(self.tr("Upload package"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)

        def step(done: int, total: int, title: str) -> bool:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            if title:
                dialog.setLabelText(self.tr("Preparing “%1”…").replace("%1", title))
            QApplication.processEvents()  # the dialog is drawn and its Cancel heard
            return not dialog.wasCanceled()

        try:
            report = self.service.package(
                self.today(), folder, self.stage_filter.currentData(), progress=step
            )
        except FolderError as exc:
            QMessageBox.warning(self, self.tr("No upload package was made"), str(exc))
            return
        finally:
            dialog.close()
        if report.cancelled:
            return
        if not report.items:
            QMessageBox.information(
                self,
                self.tr("Upload package"),
                self.tr("No document has attached files: there is nothing to package."),
            )
            return
        lines = [
            (
                self.tr("%1 (1 page, %2 KB): %3")
                if item.pages == 1
                else self.tr("%1 (%4 pages, %2 KB): %3").replace("%4", str(item.pages))
            )
            .replace("%1", item.file)
            .replace("%2", str(max(1, round(item.bytes / 1000))))
            .replace("%3", item.title)
            for item in report.items
            if item.file is not None
        ]
        problems = [
            f"{item.title}: {problem}" for item in report.items for problem in item.problems
        ]
        if problems:
            lines += ["", self.tr("Problems to fix:"), *problems]
        lines += ["", report.not_encrypted]
        show = QMessageBox.warning if problems else QMessageBox.information
        show(self, self.tr("Upload package"), "\n".join(lines))

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
        self.dates: dict[str, DateInput] = {}
        for name, label in (
            ("requested_on", self.tr("Requested on:")),
            ("received_on", self.tr("Received on:")),
            ("uploaded_on", self.tr("Uploaded on:")),
        ):
            line = DateInput()
            line.setObjectName(f"checklist:{name}")
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
        self.remove_item.setVisible(entry.custom or not entry.needed)

    def _status_chosen(self, index: int) -> None:
        if self.entry is not None:
            self.view.set_status(self.entry, self.status.itemData(index))

    def _date_edited(self, name: str) -> None:
        if self.entry is None:
            return
        line = self.dates[name]
        current = getattr(self.entry, name)
        value = line.date()
        if line.problem():  # kept as typed, with the forms the input takes
            self.date_error.setText(line.problem())
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


class _Files(QFrame):
    """The selected item's attached files with Attach, Open and Remove, always in view; files
    dropped here are attached to the selected item."""

    def __init__(self, view: ChecklistView) -> None:
        super().__init__()
        self.view = view
        self.entry: ChecklistEntry | None = None
        self.setObjectName("checklist:drop")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Attached files (kept encrypted):")))
        self.list = QListWidget()
        self.list.setObjectName("checklist:files")
        self.list.setMaximumHeight(90)
        self.list.itemDoubleClicked.connect(self.open_file)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.setAcceptDrops(False)  # the frame takes the drop
        layout.addWidget(self.list)
        self.hint = QLabel(self.tr("Drop files here to attach them to this document."))
        self.hint.setObjectName("checklist:drop-hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        marks = QHBoxLayout()
        self.other_language = QCheckBox(self.tr("Not in English or French"))
        self.other_language.setObjectName("checklist:other-language")
        self.other_language.setToolTip(
            self.tr(
                "IRCC asks for a certified translation, with the translator's affidavit, of "
                "any document not in English or French."
            )
        )
        self.other_language.clicked.connect(
            lambda checked: self._mark(other_language=bool(checked))
        )
        self.translation = QCheckBox(self.tr("This is a translation"))
        self.translation.setObjectName("checklist:translation")
        self.translation.setToolTip(
            self.tr(
                "A certified translation, with the translator's affidavit: the upload package "
                "puts it right after the original."
            )
        )
        self.translation.clicked.connect(lambda checked: self._mark(translation=bool(checked)))
        for box in (self.other_language, self.translation):
            marks.addWidget(box)
        marks.addStretch(1)
        layout.addLayout(marks)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach…"))
        self.attach_button.setObjectName("checklist:attach")
        self.attach_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("checklist:open")
        self.open_button.clicked.connect(lambda: self.open_file(self.list.currentItem()))
        self.remove_file = QPushButton(self.tr("Remove &file"))
        self.remove_file.setObjectName("checklist:remove-file")
        self.remove_file.clicked.connect(self._remove_file)
        for button in (self.attach_button, self.open_button, self.remove_file):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_entry(None)

    def show_entry(self, entry: ChecklistEntry | None) -> None:
        self.entry = entry
        self.list.clear()
        self.setEnabled(entry is not None)
        for attachment in entry.attachments if entry is not None else ():
            size = self.tr("%1 KB").replace("%1", str(attachment.size // 1024 + 1))
            item = QListWidgetItem(f"{attachment.filename} ({size}){self._marks(attachment)}")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setToolTip(attachment.filename)
            self.list.addItem(item)
        self.hint.setText(
            self.tr("Choose a document to attach files to it.")
            if entry is None
            else self.tr("Drop files here to attach them to this document.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Open and Remove act on the file chosen in the list: without one they are off."""
        chosen = self.attachment(self.list.currentItem()) is not None and bool(
            self.list.selectedItems()
        )
        self.open_button.setEnabled(chosen)
        self.remove_file.setEnabled(chosen)
        attachment = self.attachment(self.list.currentItem()) if chosen else None
        for box, on in (
            (self.other_language, attachment is not None and attachment.other_language),
            (self.translation, attachment is not None and attachment.translation),
        ):
            box.setEnabled(chosen)
            box.setChecked(on)

    def _marks(self, attachment: Attachment) -> str:
        """ " (other language)", " (translation)", both or nothing."""
        text = ""
        if attachment.other_language:
            text += " " + self.tr("(other language)")
        if attachment.translation:
            text += " " + self.tr("(translation)")
        return text

    # -- dragging files in ------------------------------------------------------------------
    def _highlight(self, on: bool) -> None:
        self.setProperty("dropping", on)
        self.setStyleSheet(
            "QFrame#checklist\\:drop { border: 2px dashed palette(highlight); "
            "background: palette(alternate-base); }"
            if on
            else ""
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.entry is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
            self._highlight(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's name
        self._highlight(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self._highlight(False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if self.entry is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.view.attach_files(self.entry, paths)

    # -- actions -----------------------------------------------------------------------------
    def _choose_files(self) -> None:
        if self.entry is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.view.attach_files(self.entry, [Path(p) for p in paths])

    def attachment(self, item: QListWidgetItem | None) -> Attachment | None:
        if item is None or self.entry is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.entry.attachments if a.id == wanted), None)

    def open_file(self, item: QListWidgetItem | None) -> None:
        attachment = self.attachment(item)
        if attachment is None:
            return
        try:
            path = self.view.service.open_attachment(attachment)
        except VaultError as exc:
            QMessageBox.warning(self, self.tr("The file cannot be opened"), str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                self,
                self.tr("No program to open this file"),
                self.tr(
                    "No program on this computer opens “%1”. A decrypted copy is here:\n%2\n\n"
                    "Open it from there with a program of your choice. The copy is deleted "
                    "when you quit ee-desktop."
                )
                .replace("%1", attachment.filename)
                .replace("%2", str(path)),
            )

    def _mark(self, other_language: bool | None = None, translation: bool | None = None) -> None:
        """Save a check box of the chosen file at once; the list shows its new mark."""
        attachment = self.attachment(self.list.currentItem())
        if attachment is None or self.entry is None:
            return
        key = self.entry.key
        self.view.service.set_attachment_flags(
            attachment, other_language=other_language, translation=translation
        )
        self.view.refresh()
        self.view.select(key)
        self.show_entry(self.view.entries.get(key))
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == attachment.id:
                self.list.setCurrentRow(row)
                break

    def _remove_file(self) -> None:
        attachment = self.attachment(self.list.currentItem())
        if attachment is None or self.entry is None:
            return
        key = self.entry.key
        self.view.service.remove_attachment(attachment)
        self.view.refresh()
        self.view.select(key)


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
