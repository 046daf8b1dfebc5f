"""The GUI session: the window drawn before the data opens, the log file, the exception
hook."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ee_desktop.logs import attach_log_file, detach_log_file, log_path
from ee_desktop.paths import database_path
from ee_desktop.store import Store
from ee_desktop.store.peek import peek_setting
from ee_desktop.ui import crash
from ee_desktop.ui.main_window import GEOMETRY_KEY
from tests.conftest import TODAY


def test_an_uncaught_error_is_logged_with_its_traceback_and_shown(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        crash.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text)
    )
    log_file = attach_log_file(data_dir)
    assert log_file == log_path(data_dir)
    previous = crash.install_exception_hook(log_file)
    try:
        try:
            raise ValueError("the rounds table\nis empty")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
        detach_log_file(log_file)
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in logged
    assert "Traceback" in logged and "ValueError: the rounds table" in logged
    assert stat.S_IMODE(log_file.stat().st_mode) & 0o077 == 0  # the user's eyes only
    assert len(shown) == 1
    assert "unexpected problem: the rounds table is empty" in shown[0]
    assert str(log_file) in shown[0]


def test_without_a_writable_log_folder_the_dialog_still_shows(qapp: object, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert attach_log_file(blocked) is None
    message = crash.crash_message(RuntimeError(""), None)
    assert "RuntimeError" in message and "details are in" not in message


def test_the_window_is_drawn_before_the_data_opens_then_shows_the_file(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    from ee_desktop.gui import Session

    store.set_setting(GEOMETRY_KEY, _geometry(700, 500))
    session = Session(data_dir, lambda: TODAY)
    window = session.window
    qtbot.addWidget(window)
    # The shell: the saved size, menus that wait for the data, and a line saying so.
    assert not window.attached and not window.menuBar().isEnabled()
    assert window.stack.currentWidget() is window.opening
    assert (window.width(), window.height()) == (700, 500)
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        pass  # drawn once, the data may open
    session.open_data()
    try:
        assert window.attached and window.menuBar().isEnabled()
        assert window.stack.currentWidget() is window.home
        assert window.service.current() is not None
    finally:
        session.close()


def test_giving_up_the_passphrase_closes_the_window_and_ends_the_app(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop import gui

    exits: list[int] = []
    monkeypatch.setattr(gui, "unlock_store", lambda _directory, _parent: None)
    monkeypatch.setattr(gui.QCoreApplication, "exit", lambda code=0: exits.append(code))
    session = gui.Session(data_dir, lambda: TODAY)
    qtbot.addWidget(session.window)
    session.open_data()
    assert exits == [1]
    assert not session.window.isVisible() and session.services is None


def test_a_setting_is_read_without_the_database_layer(store: Store, data_dir: Path) -> None:
    assert peek_setting(data_dir, GEOMETRY_KEY) is None  # not saved yet
    store.set_setting(GEOMETRY_KEY, "abc")
    assert peek_setting(data_dir, GEOMETRY_KEY) == "abc"
    assert peek_setting(data_dir / "elsewhere", GEOMETRY_KEY) is None  # no database
    damaged = data_dir / "damaged"
    damaged.mkdir()
    database_path(damaged).write_bytes(b"not a database")
    assert peek_setting(damaged, GEOMETRY_KEY) is None


def _geometry(width: int, height: int) -> str:
    from PySide6.QtWidgets import QMainWindow

    probe = QMainWindow()
    probe.resize(width, height)
    return bytes(probe.saveGeometry().toBase64().data()).decode("ascii")


def test_drawing_the_window_needs_neither_the_database_nor_the_pdf_layer() -> None:
    # What the window's first frame waits for: none of the slow imports.
    code = (
        "import sys, ee_desktop.cli, ee_desktop.gui;"
        "print(sorted(m for m in ('sqlalchemy', 'reportlab', 'alembic', 'cryptography')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
