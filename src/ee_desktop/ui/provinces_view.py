"""Provincial nominee streams: which fit the file and why, the questions that decide the
rest, and the steps taken with each stream up to a nomination."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import _, format_date
from ee_desktop.pnp import (
    DOES_NOT_FIT,
    EVENTS,
    FIT_NAMES,
    FITS,
    INTAKE_NAMES,
    INTAKES,
    MIGHT_FIT,
    StreamMatch,
    TrackedEvent,
    questions,
    stages,
)
from ee_desktop.pnp.model import STEP_NAMES
from ee_desktop.pnp.output import closed_provinces, sources_line, split_caveats
from ee_desktop.profile.labels import PROVINCE, label
from ee_desktop.services.provinces import ProvincesService
from ee_desktop.ui.base import Tab

FILTERS = ("all", FITS, MIGHT_FIT, DOES_NOT_FIT, "tracked")
FIT_COLOURS = {FITS: "#1b5e20", MIGHT_FIT: "#8a5a00", DOES_NOT_FIT: "#8b1a1a"}


def _bullets(lines: tuple[str, ...] | list[str]) -> str:
    return "<ul style='margin:0'>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>"


class RecordStepDialog(QDialog):
    """One step with a stream: what happened, when, and a note."""

    def __init__(self, stream_name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a step"))
        self.kind = QComboBox()
        self.kind.setObjectName("step:kind")
        for code, text in EVENTS.items():
            self.kind.addItem(_(text), code)
        self.on = QDateEdit()
        self.on.setObjectName("step:on")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.on.setDate(QDate(today.year, today.month, today.day))
        self.note = QPlainTextEdit()
        self.note.setObjectName("step:note")
        self.note.setPlaceholderText(self.tr("Optional: a file number, what was asked…"))
        self.note.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{escape(stream_name)}</b>"))
        kind_label = QLabel(self.tr("&What happened:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        on_label = QLabel(self.tr("&On:"))
        on_label.setBuddy(self.on)
        form.addRow(on_label, self.on)
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, date, str]:
        day = self.on.date()
        return (
            str(self.kind.currentData()),
            date(day.year(), day.month(), day.day()),
            self.note.toPlainText(),
        )


class ProvincesView(Tab[ProvincesService]):
    """Emits ``changed`` when a step may have changed the file (a nomination)."""

    changed = Signal()

    def __init__(
        self, service: ProvincesService, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(service, today, parent)
        self.matches: list[StreamMatch] = []
        self.shown: list[StreamMatch] = []
        self.events: list[TrackedEvent] = []
        self.own_caveats: dict[str, list[str]] = {}  # by stream: those not said under Sources

        self.summary = QLabel()
        self.summary.setObjectName("provinces:summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.filter = QComboBox()
        self.filter.setObjectName("provinces:filter")
        names = {
            "all": self.tr("All streams"),
            FITS: self.tr("Fits"),
            MIGHT_FIT: self.tr("Might fit"),
            DOES_NOT_FIT: self.tr("Does not fit"),
            "tracked": self.tr("Tracked by me"),
        }
        for code in FILTERS:
            self.filter.addItem(names[code], code)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        filter_label = QLabel(self.tr("Sho&w:"))
        filter_label.setBuddy(self.filter)
        self.search = QLineEdit()
        self.search.setObjectName("provinces:search")
        self.search.setPlaceholderText(self.tr("Province or stream"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill())
        search_label = QLabel(self.tr("Se&arch:"))
        search_label.setBuddy(self.search)
        bar = QHBoxLayout()
        bar.addWidget(filter_label)
        bar.addWidget(self.filter)
        bar.addSpacing(12)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Fit"), self.tr("Province"), self.tr("Stream"), self.tr("My progress")]
        )
        self.table = QTableView()
        self.table.setObjectName("provinces:table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Names are never cut: the other columns are as wide as their longest text (see
        # _size_columns), the stream column takes the room left and wraps, rows grow to fit.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())

        self.detail = self._build_detail()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # in proportion: the table gets the room names need

        # What every stream's data has in common is said once, here, not on each stream.
        self.sources = QLabel()
        self.sources.setObjectName("provinces:sources")
        self.sources.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.sources)

    def _build_detail(self) -> QScrollArea:
        self.title = QLabel()
        self.title.setObjectName("provinces:title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.about = QLabel()
        self.about.setObjectName("provinces:about")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setOpenExternalLinks(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.reasons = QLabel()
        self.reasons.setObjectName("provinces:reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)

        self.questions_box = QGroupBox(self.tr("Questions your file cannot answer"))
        self.questions_layout = QVBoxLayout(self.questions_box)

        self.steps_box = QGroupBox(self.tr("My progress with this stream"))
        self.steps = QListWidget()
        self.steps.setObjectName("provinces:steps")
        self.steps.setMaximumHeight(120)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self._step_selected)
        self.record_button = QPushButton(self.tr("Record a &step…"))
        self.record_button.setObjectName("provinces:record")
        self.record_button.clicked.connect(self.ask_step)
        self.remove_button = QPushButton(self.tr("Re&move step"))
        self.remove_button.setObjectName("provinces:remove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected_step)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        steps_layout = QVBoxLayout(self.steps_box)
        steps_layout.addWidget(self.steps)
        steps_layout.addLayout(buttons)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(self.about)
        column.addWidget(self.reasons)
        column.addWidget(self.questions_box)
        column.addWidget(self.steps_box)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        area.setMinimumWidth(320)
        return area

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.service.store.active_id() is None:
            return
        today = self.today()
        selected = self.current()
        self.matches = self.service.matches(today)
        self.events = self.service.events()
        counts = {fit: sum(m.fit == fit for m in self.matches) for fit in FIT_NAMES}
        open_questions = len(questions(self.matches))
        closed = [label(PROVINCE, code) for code in closed_provinces(self.matches)]
        parts = [
            self.tr("For your file on %1: <b>%2 fit</b>, %3 might fit, %4 do not fit.")
            .replace("%1", format_date(today))
            .replace("%2", str(counts[FITS]))
            .replace("%3", str(counts[MIGHT_FIT]))
            .replace("%4", str(counts[DOES_NOT_FIT]))
        ]
        if open_questions:
            parts.append(
                self.tr("Questions to answer for the ones that might fit: %1.").replace(
                    "%1", str(open_questions)
                )
            )
        parts.append(
            self.tr("A nomination adds 600 points. Quebec and Nunavut have no nominee streams.")
        )
        if closed:
            parts.append(
                self.tr("No Express Entry stream is open in: %1.").replace("%1", ", ".join(closed))
            )
        self.summary.setText(" ".join(parts))
        _shared, own = split_caveats(self.matches)
        self.own_caveats = {m.stream.id: found for m, found in zip(self.matches, own, strict=True)}
        self.sources.setText(sources_line(self.matches) if self.matches else "")
        self._fill(selected.stream.id if selected else None)

    def _visible(self, m: StreamMatch, tracked: set[str]) -> bool:
        wanted = self.filter.currentData()
        if wanted == "tracked" and m.stream.id not in tracked:
            return False
        if wanted in FIT_NAMES and m.fit != wanted:
            return False
        needle = self.search.text().strip().casefold()
        haystack = " ".join(
            (m.stream.province, _(PROVINCE[m.stream.province]), m.stream.name, m.stream.program)
        ).casefold()
        return not needle or needle in haystack

    def _fill(self, keep: str | None = None) -> None:
        if keep is None and (current := self.current()) is not None:
            keep = current.stream.id
        latest = stages(self.events)
        self.shown = [m for m in self.matches if self._visible(m, set(latest))]
        self.model.removeRows(0, self.model.rowCount())
        row_to_select = 0
        for row, m in enumerate(self.shown):
            step = latest.get(m.stream.id)
            fit = QStandardItem(_(FIT_NAMES[m.fit]))
            fit.setForeground(QColor(FIT_COLOURS[m.fit]))
            name = QStandardItem(_(m.stream.name))
            name.setToolTip(_(m.stream.name))
            province = QStandardItem(label(PROVINCE, m.stream.province))
            province.setToolTip(label(PROVINCE, m.stream.province))
            cells = [
                fit,
                province,
                name,
                QStandardItem(
                    "" if step is None else f"{_(STEP_NAMES[step.kind])} {step.on.isoformat()}"
                ),
            ]
            self.model.appendRow(cells)
            if m.stream.id == keep:
                row_to_select = row
        self._size_columns()
        if self.shown:
            self.table.selectRow(row_to_select)
        self._show_detail()

    def _size_columns(self) -> None:
        """Fit, province and progress as wide as their longest text, on one line (a wrapped
        cell's size hint would let them be cut)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_metrics = header.fontMetrics()
        for column in (0, 1, 3):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            widest = max(
                [header_metrics.horizontalAdvance(str(title))]
                + [
                    metrics.horizontalAdvance(self.model.item(row, column).text())
                    for row in range(self.model.rowCount())
                ]
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, widest + 2 * metrics.averageCharWidth() + 8)

    def current(self) -> StreamMatch | None:
        row = self.table.currentIndex().row() if self.model.rowCount() else -1
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select(self, stream_id: str) -> None:
        for row, m in enumerate(self.shown):
            if m.stream.id == stream_id:
                self.table.selectRow(row)
                return

    # -- detail -------------------------------------------------------------------------------
    def _show_detail(self) -> None:
        m = self.current()
        self.questions_box.setVisible(False)
        self.steps_box.setVisible(m is not None)
        while (item := self.questions_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.setParent(None)  # gone from findChild at once, not at the next loop
                widget.deleteLater()
        if m is None:
            self.title.setText(
                self.tr("No stream matches this filter. Choose “All streams” or clear the search.")
                if self.matches
                else ""
            )
            self.about.clear()
            self.reasons.clear()
            return
        s = m.stream
        colour = FIT_COLOURS[m.fit]
        self.title.setText(
            f"<h3 style='margin:0'>{escape(_(s.name))}</h3>"
            f"{escape(label(PROVINCE, s.province))} · {escape(_(s.program))}<br>"
            f"<b style='color:{colour}'>{escape(_(FIT_NAMES[m.fit]))}</b>"
        )
        # This stream's own caveats; those every stream shares are under "Sources" below.
        own = " ".join(escape(c) for c in self.own_caveats.get(s.id, []))
        note = f"<br><i>{escape(_(s.note))}</i>" if s.note else ""
        # The label's colon is the language's: French puts a space before it.
        intake = self.tr("%1:", "label before its text").replace("%1", _(INTAKE_NAMES[s.intake]))
        self.about.setText(
            f"<p>{escape(_(s.summary))}</p>"
            f"<p><b>{escape(intake)}</b> {escape(_(INTAKES[s.intake]))}</p>"
            f"<p><a href='{escape(s.url)}'>{escape(s.url)}</a><br>"
            f"<small>{escape(self.tr('Source:'))} {escape(_(s.source))}"
            f"{'<br><b>' + own + '</b>' if own else ''}{note}</small></p>"
        )
        parts = []
        if m.unmet:
            parts.append(f"<b>{escape(self.tr('What rules it out'))}</b>{_bullets(m.unmet)}")
        if m.met:
            parts.append(f"<b>{escape(self.tr('What your file meets'))}</b>{_bullets(m.met)}")
        self.reasons.setText("".join(parts))
        self._show_questions(m)
        self._show_steps(s.id)

    def _show_questions(self, m: StreamMatch) -> None:
        answers = self.service.answers()
        asked = {q.id: q for q in m.questions}
        # Answered questions stay listed so an answer can be changed.
        answered = [
            (qid, text) for qid, text in self._answerable(m) if qid in answers and qid not in asked
        ]
        rows = [(q.id, q.text, q.hint) for q in m.questions] + [
            (qid, text, "") for qid, text in answered
        ]
        if m.fit == DOES_NOT_FIT and not answered:
            return
        for qid, text, hint in rows:
            box = QComboBox()
            box.setObjectName(f"question:{qid}")
            box.addItem(self.tr("Not answered"), None)
            box.addItem(self.tr("Yes"), "yes")
            box.addItem(self.tr("No"), "no")
            box.setCurrentIndex(max(0, box.findData(answers.get(qid))))
            box.currentIndexChanged.connect(
                lambda _i, q=qid, b=box: self.answer(q, b.currentData())
            )
            question = QLabel(escape(text) + (f"<br><small>{escape(hint)}</small>" if hint else ""))
            question.setWordWrap(True)
            question.setTextFormat(Qt.TextFormat.RichText)
            question.setBuddy(box)
            self.questions_layout.addWidget(question)
            self.questions_layout.addWidget(box)
        self.questions_box.setVisible(bool(rows))

    def _answerable(self, m: StreamMatch) -> list[tuple[str, str]]:
        return [(q.id, q.text) for q in self.service.all_questions(m.stream, self.today())]

    def answer(self, question_id: str, value: str | None) -> None:
        answered = self.current()
        self.service.set_answer(question_id, value)
        self.refresh()
        if answered is not None and (self.current() or answered).stream.id != answered.stream.id:
            # The answer moved the stream out of the filter: show everything, keep it selected.
            self.filter.setCurrentIndex(0)
            self.select(answered.stream.id)
        box = self.findChild(QComboBox, f"question:{question_id}")
        if box is not None:
            box.setFocus()  # the boxes were rebuilt: keep the keyboard where it was

    def _show_steps(self, stream_id: str) -> None:
        self.steps.clear()
        for event in self.events:
            if event.stream_id != stream_id:
                continue
            text = f"{event.on.isoformat()}  {_(EVENTS[event.kind])}"
            if event.note:
                text += f" — {event.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.steps.addItem(item)
        if not self.steps.count():
            placeholder = QListWidgetItem(
                self.tr("Nothing recorded yet: record your expression of interest, the "
                        "province's invitation, your application and the nomination here.")
            )  # fmt: skip
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.steps.addItem(placeholder)
        self.remove_button.setEnabled(False)

    # -- steps ---------------------------------------------------------------------------------
    def _step_selected(self, row: int) -> None:
        self.remove_button.setEnabled(row >= 0)

    def ask_step(self) -> None:
        m = self.current()
        if m is None:
            return
        dialog = RecordStepDialog(_(m.stream.name), self.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_step(*dialog.values())

    def record_step(self, kind: str, on: date, note: str = "") -> bool:
        m = self.current()
        if m is None:
            return False
        try:
            self.service.record(m.stream.id, kind, on, self.today(), note)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Record a step"), str(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def remove_selected_step(self) -> None:
        item = self.steps.currentItem()
        event_id = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        if event_id is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("Remove step"),
            self.tr("Remove “%1”?").replace("%1", item.text()),
        )
        if asked == QMessageBox.StandardButton.Yes:
            self.service.remove(int(event_id))
            self.refresh()
            self.changed.emit()
