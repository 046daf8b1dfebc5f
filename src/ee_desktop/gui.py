"""Start the GUI: draw the window at once, then unlock the database (asking for a
passphrase if needed) and fill the window in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from ee_desktop.logs import attach_log_file
from ee_desktop.paths import data_dir
from ee_desktop.preferences import language_choice, language_to_use, set_language_choice
from ee_desktop.ui.crash import install_exception_hook
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.ui.qt_app import create_application
from ee_desktop.ui.translator import apply_language, desktop_languages

if TYPE_CHECKING:  # the database layer loads once the window is on screen
    from ee_desktop.services import Services
    from ee_desktop.store import Store

MAX_PASSPHRASE_ATTEMPTS = 5


def unlock_store(directory: Path, parent: QWidget | None = None) -> Store | None:
    """Open the store, asking for the passphrase again after a wrong one; None if abandoned."""
    from ee_desktop.store import PassphraseRequiredError, StoreError, WrongPassphraseError
    from ee_desktop.store import open_store as _open_store
    from ee_desktop.ui.dialogs import DialogPassphrases

    passphrases = DialogPassphrases(parent)
    for _attempt in range(MAX_PASSPHRASE_ATTEMPTS):
        try:
            return _open_store(directory, passphrases)
        except WrongPassphraseError as exc:
            passphrases.error = str(exc)
        except PassphraseRequiredError:
            return None  # the user cancelled the dialog
        except StoreError as exc:
            QMessageBox.critical(parent, "ee-desktop", str(exc))
            return None
    QMessageBox.critical(
        parent,
        "ee-desktop",
        QCoreApplication.translate(
            "app", "The passphrase was wrong %1 times. Start ee-desktop again to retry."
        ).replace("%1", str(MAX_PASSPHRASE_ATTEMPTS)),
    )
    return None


def tell_damage(store: Store, parent: QWidget | None) -> bool:
    """Damaged values were left out of what is shown: name them once, at start."""
    notes = list(dict.fromkeys(store.damage_notes()))
    if not notes:
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, "ee-desktop", "", parent=parent)
    box.setText(
        QCoreApplication.translate(
            "app", "Some of your data is damaged and was left out. The rest is shown as usual."
        )
    )
    box.setInformativeText("\n\n".join(notes[:5]))
    if len(notes) > 5:
        box.setDetailedText("\n\n".join(notes))
    box.exec()
    return True


def run_gui(data_dir_override: str | None = None) -> int:
    app = create_application()
    directory = data_dir(data_dir_override)
    log_file = attach_log_file(directory)
    install_exception_hook(log_file)
    apply_language(system_or_chosen_language(directory))
    session = Session(directory, date.today)
    session.window.first_frame.connect(session.open_data)
    try:
        return app.exec()
    finally:
        session.close()


def system_or_chosen_language(directory: Path) -> str:
    return language_to_use(directory, desktop_languages())


class Session:
    """The open main window, built again in the new language when the user picks one.

    Building it again (rather than asking for a restart) keeps the database unlocked;
    the old window keeps a draft open in the wizard first, so the new one reopens it.
    """

    def __init__(
        self, directory: Path, today: Callable[[], date], services: Services | None = None
    ) -> None:
        self.directory = directory
        self.today = today
        self.services: Services | None = None
        self.tray: QSystemTrayIcon | None = None
        self.window = MainWindow(directory, today)
        self.window.language_chosen.connect(self.change_language)
        self.window.show()
        if services is not None:
            self.attach(services)

    def open_data(self) -> None:
        """Unlock the database and fill the window in; quit when the user gives up."""
        from ee_desktop.services import Services
        from ee_desktop.store.vault import Vault

        Vault.remove_leftovers()
        store = unlock_store(self.directory, self.window)
        if store is None:
            self.window.close()
            QCoreApplication.exit(1)
            return
        from ee_desktop.store import DamagedDataError

        try:
            self.attach(Services.open(store, self.directory, self.today))
        except DamagedDataError as exc:  # a value the file cannot do without: say where
            QMessageBox.critical(self.window, "ee-desktop", str(exc))
            store.close()
            self.window.close()
            QCoreApplication.exit(2)
            return
        tell_damage(store, self.window)
        self.window.remind()
        self.tray = _reminder_tray(self)

    def attach(self, services: Services) -> None:
        self.services = services
        self.window.attach(services)

    def close(self) -> None:
        if self.services is not None:
            self.services.store.close()

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
        if self.services is None:  # the menus wait for the data: cannot happen
            return
        apply_language(system_or_chosen_language(self.directory))
        previous = self.window
        in_wizard = previous.in_wizard()
        if in_wizard:
            previous.wizard.keep()
        # A kept draft reopens in the new window only if the user was in it.
        window = MainWindow.open(self.services, self.today, resume_draft=in_wizard)
        window.language_chosen.connect(self.change_language)
        window.restoreGeometry(previous.saveGeometry())
        window.home.setCurrentIndex(previous.home.currentIndex())
        window.notified = previous.notified  # dates announced already stay announced
        window.show()  # before the old one closes: the app stays
        self.window = window
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
