"""`ee-desktop outlook`: the score beside the past year's rounds and the pool."""

from __future__ import annotations

import json

import pytest

from ee_desktop.cli import main
from tests.conftest import EXAMPLE


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outlook", str(EXAMPLE), "--as-of", "2026-08-10", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found) == {
        "as_of",
        "score",
        "programs",
        "categories",
        "pool",
        "round_types",
        "sentences",
        "rounds_known_up_to",
    }
    assert found["as_of"] == "2026-08-10" and found["score"] == 404
    assert found["programs"] == ["fsw"] and found["categories"] == []
    assert found["pool"] == {
        "distribution_on": "2026-08-03",
        "total": 229_100,
        "at_or_above": {"low": 143_434, "high": 154_209},
    }
    assert [t["round_type"] for t in found["round_types"]] == ["general", "fsw"]
    assert set(found["round_types"][0]) == {
        "round_type",
        "name",
        "rounds_12_months",
        "cleared_12_months",
        "lowest",
        "latest",
        "latest_on",
    }
    assert found["round_types"][1]["rounds_12_months"] == 0
    assert found["round_types"][1]["latest_on"] is None
    assert found["rounds_known_up_to"] == "2026-08-07"
    assert found["sentences"][-1].startswith("On August 3, 2026, between 143,434 and 154,209")


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outlook", str(EXAMPLE), "--as-of", "2026-08-10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "CRS score on August 10, 2026: 404"
    assert any("profiles in the pool had 404 points or more" in line for line in lines)
    assert lines[-1].startswith("Rounds of invitations known up to August 7, 2026.")
