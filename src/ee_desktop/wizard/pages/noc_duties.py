"""'Find my NOC by duties': the user writes the duties they performed; the unit groups whose
main duties match best are listed, each explained duty by duty, with the warnings (lines
copied from the NOC, the job's code ranking low) and the work the job's code excludes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ee_desktop.i18n import decimal_mark
from ee_desktop.noc.duties import attribution, duties_language_note, lead_statement
from ee_desktop.noc.match import (
    MAX_CHARACTERS,
    MAX_LINES,
    MatchResult,
    NothingToMatch,
    exclusion_sentences,
    match_duties,
    warnings,
)

SHOWN = 20  # unit groups listed


def format_decimal(value: float, places: int) -> str:
    return f"{value:.{places}f}".replace(".", decimal_mark())


class NocDutiesDialog(QDialog):
    """Emits ``chosen`` with the code of the unit group the user picks."""

    chosen = Signal(str)

    def __init__(self, current_code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noc_duties")
        self.setWindowTitle(self.tr("Find my NOC by duties"))
        self.current_code = current_code.strip()
        self.match_result: MatchResult | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Write the duties you really performed in this job, one per line, in your own "
                "words and in English. The occupations whose main duties match them best are "
                "listed first."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setObjectName("noc_duties:text")
        self.text.setAccessibleName(self.tr("Your duties, one per line"))
        self.text.setPlaceholderText(
            self.tr("For example:\nWrote programs for the online shop\nFixed reported bugs")
        )
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.match_button = QPushButton(self.tr("&Match"))
        self.match_button.setObjectName("noc_duties:match")
        self.match_button.clicked.connect(self.run_match)
        self.problem = QLabel()
        self.problem.setObjectName("noc_duties:problem")
        self.problem.setWordWrap(True)
        row.addWidget(self.match_button)
        row.addWidget(self.problem, 1)
        layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("noc_duties:results")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Title"), self.tr("Score")])
        self.table.setAccessibleName(self.tr("Occupations that match your duties"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.itemDoubleClicked.connect(lambda _item: self.use_selected())
        self.detail = QTextBrowser()
        self.detail.setObjectName("noc_duties:detail")
        self.detail.setAccessibleName(self.tr("How your duties match"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        layout.addWidget(splitter, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.use_button = buttons.addButton(
            self.tr("&Use this NOC"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("noc_duties:use")
        self.use_button.setEnabled(False)
        self.use_button.clicked.disconnect()
        self.use_button.clicked.connect(self.use_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 680)

    def run_match(self) -> None:
        self.table.setRowCount(0)
        self.detail.clear()
        self.use_button.setEnabled(False)
        self.match_result = None
        try:
            self.match_result = match_duties(self.text.toPlainText())
        except NothingToMatch:
            self.problem.setText(self.tr("Write at least one duty, in English."))
            return
        except ValueError:
            self.problem.setText(
                self.tr("Too many duties: at most %1 lines and %2 characters.")
                .replace("%1", str(MAX_LINES))
                .replace("%2", str(MAX_CHARACTERS))
            )
            return
        notes = warnings(self.match_result, self.current_code or None)
        self.problem.setText("\n".join(notes))
        for group in self.match_result.top(SHOWN):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(
                (group.code, group.title, format_decimal(group.score, 3))
            ):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.selectRow(0)

    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item else None

    def show_detail(self) -> None:
        code = self.selected_code()
        self.use_button.setEnabled(code is not None)
        if code is None or self.match_result is None:
            self.detail.clear()
            return
        group = self.match_result.find(code)
        assert group is not None
        parts = [f"<h3>{escape(group.code)} {escape(group.title)}</h3>"]
        parts.append(f"<p><i>{escape(lead_statement(code))}</i></p>")
        parts.append(
            f"<p><b>{escape(self.tr('Your duties and the main duties they match:'))}</b></p>"
        )
        matched = {m.line: m for m in group.matched_duties}
        items = []
        for line in self.match_result.lines:
            match = matched.get(line)
            if match is None:
                answer = escape(self.tr("no main duty of this occupation matches"))
            else:
                answer = f"{escape(match.duty)} ({format_decimal(match.similarity, 2)})"
            items.append(f"<li>{escape(line)}<br>→ {answer}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
        notes = warnings(self.match_result, self.current_code or None)
        if notes:
            parts.append(
                f"<p><b>{escape(self.tr('Warnings:'))}</b></p><ul>"
                + "".join(f"<li>{escape(n)}</li>" for n in notes)
                + "</ul>"
            )
        if self.current_code:
            current = self.match_result.find(self.current_code)
            if current is not None:
                parts.append(
                    "<p>"
                    + escape(
                        self.tr("The job's NOC %1 (%2) ranks %3 of %4.")
                        .replace("%1", current.code)
                        .replace("%2", current.title)
                        .replace("%3", str(current.rank))
                        .replace("%4", str(len(self.match_result.ranking)))
                    )
                    + "</p>"
                )
        exclusions = exclusion_sentences(code)
        if exclusions:
            parts.append(
                f"<p><b>{escape(self.tr('Work this occupation excludes:'))}</b></p><ul>"
                + "".join(f"<li>{escape(s)}</li>" for s in exclusions)
                + "</ul>"
            )
        note = duties_language_note()
        if note:
            parts.append(f"<p>{escape(note)}</p>")
        parts.append(f"<p><small>{escape(attribution())}</small></p>")
        self.detail.setHtml("".join(parts))

    def use_selected(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.chosen.emit(code)
            self.accept()
