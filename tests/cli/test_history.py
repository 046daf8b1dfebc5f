"""`ee-desktop history`: the histories' findings for FILE or the active file, as the
application-history spec's JSON or as sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ee_desktop.cli import main
from tests.cli.helpers import run_cli
from tests.history.history_helpers import FAMILY, family_data


def _with_gaps(tmp_path: Path) -> Path:
    data = family_data()
    del data["applicant"]["personal_history"][1]
    data["spouse"]["residence_history"][3]["from"] = "2019-04-01"
    data["spouse"]["relatives"].pop(0)
    path = tmp_path / "gaps.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_history_json_follows_the_spec(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["history", str(_with_gaps(tmp_path)), "--as-of", "2026-06-15", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-06-15" and result["complete"] is False
    applicant, spouse, child = result["people"]
    assert applicant["person"] == "applicant" and applicant["name"] == "Meera Iyer"
    assert applicant["window"] == {"from": "2016-06-15", "to": "2026-06-15"}
    assert applicant["personal_history"] == {"gaps": [{"from": "2019-04", "to": "2019-04"}]}
    assert spouse["addresses"] == {
        "gaps": [],
        "overlaps": [{"from": "2019-04-01", "to": "2019-04-14"}],
    }
    assert {"field": "spouse.relatives", "message": spouse["problems"][0]["message"]} in spouse[
        "problems"
    ]
    assert child["person"] == "child:0" and child["problems"] == []
    assert [p["person"] for p in result["people"]] == ["applicant", "spouse", "child:0"]


def test_history_text_of_the_active_file(capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(FAMILY)]) == 0
    capsys.readouterr()
    assert main(["history", "--as-of", "2026-06-15"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Permanent-residence histories on 2026-06-15")
    assert "Karthik Iyer (Complete)" in text
    assert "Every history is complete" in text


def test_history_names_the_bad_field_and_exits_2(data_dir: Path, tmp_path: Path) -> None:
    data = family_data()
    data["applicant"]["personal_history"][0]["from"] = "2010/07"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli(data_dir, "history", str(bad))
    assert result.returncode == 2
    assert "applicant.personal_history[0].from" in result.stderr
    assert "YYYY-MM" in result.stderr
    empty = run_cli(data_dir, "history")
    assert empty.returncode == 1 and "no personal file" in empty.stderr.lower()
