"""`ee-desktop` itself: the version, option errors, no Qt on the command path, and the
last line of defence for unexpected errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ee_desktop import __version__
from ee_desktop.cli import main
from tests.cli.helpers import PASSPHRASE, run_cli
from tests.conftest import EXAMPLE


def test_version(data_dir: Path) -> None:
    result = run_cli(data_dir, "--version", module=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ee-desktop {__version__}"


def test_unknown_option_exits_2(data_dir: Path) -> None:
    result = run_cli(data_dir, "export", "--bogus")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_command_line_path_imports_no_qt(data_dir: Path) -> None:
    code = (
        "import sys; from ee_desktop.cli import main; main(['import', sys.argv[1]]); "
        "main(['export']); print('QT' if any(m.startswith('PySide6') for m in sys.modules) "
        "else 'NOQT', file=sys.stderr)"
    )
    env = dict(
        os.environ,
        EE_DESKTOP_NO_KEYRING="1",
        EE_DESKTOP_PASSPHRASE=PASSPHRASE,
        EE_DESKTOP_DATA_DIR=str(data_dir),
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.stderr.strip().endswith("NOQT"), result.stderr


def test_unexpected_errors_are_one_line_and_logged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from ee_desktop.store import repository

    def boom(self: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repository.Store, "files", boom)
    assert main(["files"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Unexpected error: disk on fire.") and "Traceback" not in err
    log = data_dir / "logs" / "ee-desktop.log"
    assert "Traceback" in log.read_text()
