"""The Qt application object: its names, its icon, and the frozen bundle's plugin paths."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from importlib import resources

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ee_desktop import APP_ID, __version__
from ee_desktop.paths import is_frozen


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("ee-desktop")
    app.setApplicationDisplayName("ee-desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ee-desktop")
    app.setDesktopFileName(APP_ID)  # Linux: the window's icon and name come from its entry
    icon = resources.files("ee_desktop.resources").joinpath("icon.png")
    app.setWindowIcon(QIcon(str(icon)))
    if is_frozen():
        forget_bundle_qt_paths()
    return app


# Set by the standalone app's launcher so that Qt finds the bundle's plugins. Programs the
# app opens (a file manager, a PDF viewer: often Qt programs too) must not load them.
BUNDLE_QT_VARIABLES = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH")


def forget_bundle_qt_paths(environ: MutableMapping[str, str] = os.environ) -> None:
    """Keep the plugin folders Qt has found for this process, and drop them from the
    environment that programs started by the app inherit."""
    QCoreApplication.setLibraryPaths(QCoreApplication.libraryPaths())
    for name in BUNDLE_QT_VARIABLES:
        environ.pop(name, None)
