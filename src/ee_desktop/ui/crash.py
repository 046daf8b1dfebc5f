"""Uncaught exceptions in the GUI: logged with their traceback, and shown in a dialog
instead of vanishing into a console the user does not have."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("ee_desktop.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_message(error: BaseException, log_file: Path | None) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    message = QCoreApplication.translate(
        "crash",
        "ee-desktop met an unexpected problem: %1\n\nWhat you saved is safe. If it happens "
        "again, restart ee-desktop.",
    ).replace("%1", text)
    if log_file is not None:
        message += "\n\n" + QCoreApplication.translate("crash", "The details are in %1.").replace(
            "%1", str(log_file)
        )
    return message


def install_exception_hook(log_file: Path | None) -> ExceptHook:
    """Replace sys.excepthook for the GUI session; returns the hook it replaced."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        log.error("uncaught exception", exc_info=(kind, error, tb))
        parent: QWidget | None = QApplication.activeWindow()
        QMessageBox.critical(parent, "ee-desktop", crash_message(error, log_file))

    sys.excepthook = hook
    return previous
