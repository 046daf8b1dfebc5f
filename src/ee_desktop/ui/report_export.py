"""Export a PDF report: choose what and the paper, render off the GUI thread, offer to open it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the PDF engine is loaded when a report is first made, not at start
    from ee_desktop.report import ReportInput


class ReportChoice(QDialog):
    """Which report and which paper."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Print the worksheet beside you while you fill in the online "
                "profile, and the checklist to tick off documents."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.kinds = QButtonGroup(self)
        for kind, text in (
            ("worksheet", self.tr("Profile &worksheet: every answer, then the score")),
            ("checklist", self.tr("Document &checklist with tick boxes")),
            ("deadlines", self.tr("&Deadline list")),
            ("all", self.tr("&All three in one PDF")),
            # The command line's words (report --kind forms); R: a letter the others take in
            # neither language.
            (
                "forms",
                self.tr("Permanent &residence forms worksheet: each person's histories and family"),
            ),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"report:{kind}")
            button.setProperty("kind", kind)
            self.kinds.addButton(button)
            layout.addWidget(button)
            if kind == "worksheet":
                button.setChecked(True)
        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.setObjectName("report:paper")
        self.paper.addItem(self.tr("Letter (North America)"), "letter")
        self.paper.addItem(self.tr("A4"), "a4")
        north_america = QLocale().territory() in (
            QLocale.Country.Canada,
            QLocale.Country.UnitedStates,
        )
        self.paper.setCurrentIndex(0 if north_america else 1)
        form.addRow(self.tr("&Paper:"), self.paper)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def kind(self) -> str:
        checked = self.kinds.checkedButton()
        return str(checked.property("kind")) if checked is not None else "worksheet"


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)


class ReportJob(QRunnable):
    """Renders and writes the PDF on a worker thread; reports through signals."""

    def __init__(self, data: ReportInput, kind: str, paper: str, path: Path) -> None:
        from ee_desktop.services.report import write_report  # here, on the GUI thread

        super().__init__()
        self.data, self.kind, self.paper, self.path = data, kind, paper, path
        self.signals = _Signals()
        self.write = write_report

    def run(self) -> None:
        try:
            self.write(
                self.path,
                self.data,
                self.kind,
                self.paper,
                lambda done, total: self.signals.progress.emit(done, total),
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(str(self.path))


class ReportExport(QObject):
    """The export from start to end: progress dialog, result, offer to open."""

    done = Signal(str)
    ended = Signal()  # after success or failure

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None

    def start(self, data: ReportInput, kind: str, paper: str, path: Path) -> ReportJob:
        self.dialog = QProgressDialog(self.tr("Preparing the PDF…"), "", 0, 0, self.parent_widget)
        self.dialog.setCancelButton(None)  # rendering takes well under a second
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        job = ReportJob(data, kind, paper, path)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        QThreadPool.globalInstance().start(job)
        return job

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _close(self) -> None:
        self.ended.emit()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, path: str) -> None:
        self._close()
        self.done.emit(path)
        if self.ask_to_open(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def ask_to_open(self, path: str) -> bool:
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("PDF ready"),
            self.tr("Saved to %1. Open it now?").replace("%1", path),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _failed(self, reason: str) -> None:
        self._close()
        QMessageBox.warning(
            self.parent_widget,
            self.tr("Export failed"),
            self.tr("The PDF could not be written: %1").replace("%1", reason),
        )
