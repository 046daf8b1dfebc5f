"""Start the GUI: unlock the database (asking for a passphrase if needed), show the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from ee_desktop.logs import attach_log_file
from ee_desktop.paths import data_dir
from ee_desktop.preferences import language_choice, language_to_use, set_language_choice
from ee_desktop.services import Services
from ee_desktop.store import PassphraseRequiredError, Store, StoreError, WrongPassphraseError
from ee_desktop.store import open_store as _open_store
from ee_desktop.store.vault import Vault
from ee_desktop.ui.crash import install_exception_hook
from ee_desktop.ui.dialogs import DialogPassphrases
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.ui.qt_app import create_application
from ee_desktop.ui.translator import apply_language, desktop_languages

MAX_PASSPHRASE_ATTEMPTS = 5


def unlock_store(directory: Path) -> Store | None:
    """Open the store, asking for the passphrase again after a wrong one; None if abandoned."""
    passphrases = DialogPassphrases()
    for _attempt in range(MAX_PASSPHRASE_ATTEMPTS):
        try:
            return _open_store(directory, passphrases)
        except WrongPassphraseError as exc:
            passphrases.error = str(exc)
        except PassphraseRequiredError:
            return None  # the user cancelled the dialog
        except StoreError as exc:
            QMessageBox.critical(None, "ee-desktop", str(exc))
            return None
    QMessageBox.critical(
        None,
        "ee-desktop",
        QCoreApplication.translate(
            "app", "The passphrase was wrong %1 times. Start ee-desktop again to retry."
        ).replace("%1", str(MAX_PASSPHRASE_ATTEMPTS)),
    )
    return None


def run_gui(data_dir_override: str | None = None) -> int:
    app = create_application()
    directory = data_dir(data_dir_override)
    log_file = attach_log_file(directory)
    install_exception_hook(log_file)
    apply_language(system_or_chosen_language(directory))
    Vault.remove_leftovers()
    store = unlock_store(directory)
    if store is None:
        return 1
    session = Session(Services.open(store, directory, date.today))
    session.window.remind()
    session.tray = _reminder_tray(session)
    try:
        return app.exec()
    finally:
        store.close()


def system_or_chosen_language(directory: Path) -> str:
    return language_to_use(directory, desktop_languages())


class Session:
    """The open main window, built again in the new language when the user picks one.

    Building it again (rather than asking for a restart) keeps the database unlocked;
    the old window keeps a draft open in the wizard first, so the new one reopens it.
    """

    def __init__(self, services: Services) -> None:
        self.services = services
        self.directory = services.data_dir
        self.tray: QSystemTrayIcon | None = None
        self.window = self._open(None)

    def _open(self, previous: MainWindow | None) -> MainWindow:
        # A kept draft reopens at start, and again only if the user was in it.
        in_wizard = previous is not None and previous.in_wizard()
        window = MainWindow(
            self.services, self.services.today, resume_draft=previous is None or in_wizard
        )
        window.language_chosen.connect(self.change_language)
        if previous is not None:
            window.restoreGeometry(previous.saveGeometry())
            window.home.setCurrentIndex(previous.home.currentIndex())
            window.notified = previous.notified  # dates announced already stay announced
        window.show()
        return window

    def change_language(self, code: str) -> None:
        try:
            set_language_choice(self.directory, code or None)
        except OSError as exc:  # the data folder is read-only or full: keep things as they are
            chosen = language_choice(self.directory) or ""
            self.window.language_actions[chosen].setChecked(True)
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("app", "Language"),
                QCoreApplication.translate("app", "The language could not be saved in %1 (%2).")
                .replace("%1", str(self.directory))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        apply_language(system_or_chosen_language(self.directory))
        previous = self.window
        if previous.in_wizard():
            previous.wizard.keep()
        self.window = self._open(previous)  # shown before the old one closes: the app stays
        previous.close()
        previous.deleteLater()


REMINDER_CHECK_MS = 60 * 60 * 1000  # hourly: dates enter the reminder period at midnight


def _reminder_tray(session: Session) -> QSystemTrayIcon | None:
    """A tray icon that announces dates entering the reminder period while the app runs."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    app = QApplication.instance()
    tray = QSystemTrayIcon(QApplication.windowIcon(), app)
    tray.setToolTip("ee-desktop")
    tray.show()
    timer = QTimer(tray)
    timer.setInterval(REMINDER_CHECK_MS)
    timer.timeout.connect(lambda: session.window.notify_new(tray))
    timer.start()
    return tray
