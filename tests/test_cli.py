"""The `ee-desktop` command line: import, export, files, use, version, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ee_desktop import __version__
from ee_desktop.cli import main
from ee_desktop.profile import decode
from tests.conftest import EXAMPLE, RULES_UPDATE, TODAY

PASSPHRASE = "correct horse battery"


def run_cli(
    data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, module: bool = False
) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, without a keyring (the CI situation)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EE_DESKTOP")}
    env.update(EE_DESKTOP_NO_KEYRING="1", EE_DESKTOP_DATA_DIR=str(data_dir))
    if passphrase is not None:
        env["EE_DESKTOP_PASSPHRASE"] = passphrase
    command = (
        [sys.executable, "-m", "ee_desktop"]
        if module
        else [sys.executable, "-c", "import sys; from ee_desktop.cli import main; sys.exit(main())"]
    )
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


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


def test_version(data_dir: Path) -> None:
    result = run_cli(data_dir, "--version", module=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ee-desktop {__version__}"


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


def test_unknown_option_exits_2(data_dir: Path) -> None:
    result = run_cli(data_dir, "export", "--bogus")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


# -- in-process: faster, and shows the command path imports no Qt ------------------------
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


# -- score and rules ------------------------------------------------------------------------
def test_score_of_a_file_as_json_follows_the_spec(capsys: pytest.CaptureFixture) -> None:
    assert main(["score", str(EXAMPLE), "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-11-24" and result["rules_version"]
    assert result["facts"]["age"] == 30
    assert result["facts"]["first_language"]["listening"] == 10
    crs = result["crs"]
    assert crs["total"] == crs["core"] + crs["spouse"] + crs["transferability"] + crs["additional"]
    assert {"section", "factor", "points", "max", "explanation"} <= set(crs["factors"][0])
    assert set(result["programs"]) >= {"fsw", "cec", "fst"}
    assert result["programs"]["fsw"]["eligible"] is True
    assert isinstance(result["warnings"], list)


def test_score_readable_by_default_for_the_active_file(capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    assert main(["score", "--as-of", "2026-11-24"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("CRS score on November 24, 2026: 404")
    assert "Federal Skilled Worker" in text


def test_score_with_a_bad_date_or_file(data_dir: Path, tmp_path: Path) -> None:
    bad_date = run_cli(data_dir, "score", str(EXAMPLE), "--as-of", "24/11/2026")
    assert bad_date.returncode == 2 and "--as-of" in bad_date.stderr
    assert "expected a date written YYYY-MM-DD" in bad_date.stderr
    missing = run_cli(data_dir, "score", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "nope.json" in missing.stderr
    assert "Traceback" not in bad_date.stderr + missing.stderr


def test_score_with_a_file_needs_no_database(data_dir: Path) -> None:
    result = run_cli(data_dir, "score", str(EXAMPLE), passphrase=None)
    assert result.returncode == 0 and not data_dir.exists()


def test_rules_install_list_and_remove(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    update = tmp_path / "update.toml"
    update.write_text(RULES_UPDATE, encoding="utf-8")
    assert main(["rules", "install", str(update)]) == 0
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr().out
    assert "update.toml" in listing and "in use" in listing
    assert main(["rules", "remove", "update.toml"]) == 0
    assert main(["rules", "remove", "update.toml"]) == 2
    assert "no such installed rules file" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text("[[crs.sibling]]\npoints = 'many'\n", encoding="utf-8")
    assert main(["rules", "install", str(broken)]) == 2
    assert capsys.readouterr().err.strip()
