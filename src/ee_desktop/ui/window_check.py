"""The self-test's window check: Qt, its platform plugin, the icon and the main window."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibrary, QLibraryInfo, qVersion

from ee_desktop.selftest import SelfTestFailure, Workspace
from ee_desktop.services import Services
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.ui.qt_app import create_application

# The platform plugin a desktop session of each system needs. The check runs offscreen, so
# it loads that plugin's library to show that the system has what it links to.
NATIVE_PLATFORM_PLUGINS = {"linux": "libqxcb", "darwin": "libqcocoa", "win32": "qwindows"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("self_test", text)


def platform_plugins_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def check_native_platform_plugin() -> None:
    native = next(
        (v for k, v in NATIVE_PLATFORM_PLUGINS.items() if sys.platform.startswith(k)), None
    )
    if native is None:
        return
    folder = platform_plugins_dir()
    plugin = next(iter(sorted(folder.glob(f"{native}.*"))), None)
    if plugin is None:
        raise SelfTestFailure(
            _tr("Qt's %1 platform plugin is missing from %2")
            .replace("%1", native)
            .replace("%2", str(folder))
        )
    problem = load_library(plugin)
    if problem is not None:
        raise SelfTestFailure(
            _tr("Qt's %1 platform plugin cannot load: %2")
            .replace("%1", native)
            .replace("%2", problem)
        )


def load_library(path: Path) -> str | None:
    """Load a shared library with every library it links to; why it cannot, or None."""
    library = QLibrary(str(path))
    if library.load():  # left loaded: unloading a Qt plugin is not safe
        return None
    return library.errorString()


def window_check(workspace: Workspace) -> str:
    """Build the main window on the throwaway database and draw it, with no display."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application([sys.argv[0]])
    check_native_platform_plugin()
    if app.windowIcon().isNull():
        raise SelfTestFailure(_tr("the app icon is missing"))
    services = Services.open(workspace.require_store(), workspace.folder, date.today)
    window = MainWindow.open(services, services.today)
    try:
        if window.grab().isNull():
            raise SelfTestFailure(_tr("the window did not draw"))
        return (
            _tr("Qt %1, main window with %2 tabs drawn offscreen")
            .replace("%1", qVersion())
            .replace("%2", str(window.home.count()))
        )
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
