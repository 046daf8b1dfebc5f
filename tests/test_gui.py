"""The GUI session's log file and exception hook."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from ee_desktop.logs import attach_log_file, detach_log_file, log_path
from ee_desktop.ui import crash


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
