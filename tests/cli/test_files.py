"""`ee-desktop import`, `export`, `files` and `use`: personal files in and out of the
database, and the errors of a bad file or passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.cli import main
from ee_desktop.profile import decode
from tests.cli.helpers import PASSPHRASE, run_cli
from tests.conftest import EXAMPLE, TODAY


def test_import_then_export_gives_an_equivalent_file(
    data_dir: Path, tmp_path: Path, example_data: dict[str, Any]
) -> None:
    imported = run_cli(data_dir, "import", str(EXAMPLE))
    assert imported.returncode == 0, imported.stderr
    assert "Asha Rao" in imported.stdout
    out = tmp_path / "out.json"
    exported = run_cli(data_dir, "export", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert decode(json.loads(out.read_text()), today=TODAY) == decode(example_data, today=TODAY)
    to_stdout = run_cli(data_dir, "export", module=True)
    assert json.loads(to_stdout.stdout) == json.loads(out.read_text())


def test_invalid_file_exits_2_with_one_line_per_problem(
    data_dir: Path, tmp_path: Path, example_data: dict[str, Any]
) -> None:
    example_data["applicant"]["language_tests"][0]["speaking"] = 10
    example_data["applicant"]["date_of_birth"] = "2030-01-01"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_data))
    result = run_cli(data_dir, "import", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        'applicant.date_of_birth: got "2030-01-01"; expected a date of birth that is not in '
        "the future",
        "applicant.language_tests[0].speaking: got 10; expected a speaking score for IELTS "
        "General Training within 0 to 9 in steps of 0.5",
    ]
    assert "Traceback" not in result.stderr
    assert not (data_dir / "ee-desktop.sqlite3").exists()  # validated before the store opens


def test_missing_file_and_bad_json_are_input_errors(data_dir: Path, tmp_path: Path) -> None:
    missing = run_cli(data_dir, "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "nope.json" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = run_cli(data_dir, "import", str(broken))
    assert result.returncode == 2 and "line 1" in result.stderr
    assert "Traceback" not in missing.stderr + result.stderr


def test_wrong_passphrase_is_a_clear_error(data_dir: Path) -> None:
    assert run_cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    result = run_cli(data_dir, "export", passphrase="something else entirely")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "The passphrase is wrong. The database was not opened and nothing in it was changed."
    )


def test_no_passphrase_and_no_terminal(data_dir: Path) -> None:
    result = run_cli(data_dir, "files", passphrase=None)
    assert result.returncode == 1
    assert "EE_DESKTOP_PASSPHRASE" in result.stderr and "Traceback" not in result.stderr


def test_export_without_a_file(data_dir: Path) -> None:
    result = run_cli(data_dir, "export")
    assert result.returncode == 1 and "no personal file yet" in result.stderr


# -- in-process: faster ---------------------------------------------------------------------
def test_files_use_and_import_new(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture, example_data: dict[str, Any]
) -> None:
    assert main(["import", str(EXAMPLE)]) == 0
    example_data["applicant"]["given_names"] = "Ravi"
    partner = tmp_path / "ravi.json"
    partner.write_text(json.dumps(example_data))
    assert main(["import", "--new", str(partner)]) == 0
    capsys.readouterr()
    assert main(["files"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("    1  Asha Rao") and listing[1].startswith("*   2  Ravi Rao")
    assert main(["use", "1"]) == 0
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["applicant"]["given_names"] == "Asha"
    assert main(["use", "7"]) == 2
    assert "no personal file 7" in capsys.readouterr().err


def test_data_dir_option_overrides_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "portable"
    assert main(["--data-dir", str(chosen), "import", str(EXAMPLE)]) == 0
    assert (chosen / "ee-desktop.sqlite3").exists()


def test_export_to_stdout_is_utf8_whatever_the_console(
    data_dir: Path, tmp_path: Path, example_data: dict[str, Any]
) -> None:
    example_data["applicant"]["given_names"] = "Zoë Ñandú 李"
    source = tmp_path / "accents.json"
    source.write_text(json.dumps(example_data, ensure_ascii=False), encoding="utf-8")
    assert run_cli(data_dir, "import", str(source)).returncode == 0
    env_cp1252 = {k: v for k, v in os.environ.items() if not k.startswith("EE_DESKTOP")}
    env_cp1252.update(
        EE_DESKTOP_NO_KEYRING="1",
        EE_DESKTOP_DATA_DIR=str(data_dir),
        EE_DESKTOP_PASSPHRASE=PASSPHRASE,
        PYTHONIOENCODING="cp1252",
    )
    result = subprocess.run(
        [sys.executable, "-m", "ee_desktop", "export"],
        capture_output=True,
        env=env_cp1252,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["applicant"]["given_names"] == "Zoë Ñandú 李"
    listing = subprocess.run(
        [sys.executable, "-m", "ee_desktop", "files"],
        capture_output=True,
        env=env_cp1252,
        timeout=120,
    )
    assert listing.returncode == 0 and b"Traceback" not in listing.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_exported_file_is_private(data_dir: Path, tmp_path: Path) -> None:
    assert main(["import", str(EXAMPLE)]) == 0
    target = tmp_path / "me.json"
    target.write_text("old")
    target.chmod(0o644)
    assert main(["export", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*.part"))
