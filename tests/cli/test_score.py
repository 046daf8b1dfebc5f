"""`ee-desktop score`: a file's CRS score as JSON or text, for FILE or the active file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ee_desktop.cli import main
from tests.cli.helpers import run_cli
from tests.conftest import EXAMPLE


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
