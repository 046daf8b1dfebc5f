"""Start the GUI: unlock the database (asking for a passphrase if needed), show the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ee_desktop import __version__
from ee_desktop.paths import data_dir
from ee_desktop.service import PersonalFileService
from ee_desktop.store import PassphraseRequiredError, Store, StoreError, WrongPassphraseError
from ee_desktop.store import open_store as _open_store
from ee_desktop.store.vault import Vault
from ee_desktop.ui.dialogs import DialogPassphrases
from ee_desktop.ui.main_window import MainWindow

MAX_PASSPHRASE_ATTEMPTS = 5


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("ee-desktop")
    app.setApplicationDisplayName("ee-desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ee-desktop")
    return app


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
    Vault.remove_leftovers()
    store = unlock_store(directory)
    if store is None:
        return 1
    window = MainWindow(PersonalFileService(store), directory)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def main() -> int:
    """Entry point of the windowed launcher (no console on Windows); same options as the CLI."""
    from ee_desktop.cli import main as cli_main

    return cli_main()
