"""Every date a personal file takes is one every command can compute with: dates stay
between 1900 and 2199, events that happened are not in the future, and a milestone has
the same bounds on import as in the `milestone` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.cli import main
from ee_desktop.profile import decode
from ee_desktop.profile.problems import ProfileError
from tests.conftest import TODAY


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ProfileError) as raised:
        decode(data, today=TODAY)
    return {p.path: p.expected for p in raised.value.problems}


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (("applicant", "language_tests", 0, "taken_on"), "9999-12-31", "a date from"),
        (("applicant", "language_tests", 0, "taken_on"), "2026-12-01", "not in the future"),
        (("applicant", "date_of_birth"), "1899-12-31", "a date from 1900-01-01 to 2199-12-31"),
        (("applicant", "passport", "expires_on"), "2300-01-01", "a date from"),
    ],
)
def test_dates_out_of_bounds_are_refused_with_the_field_named(
    example_data: dict[str, Any], where: tuple[Any, ...], value: str, expected: str
) -> None:
    owner: Any = example_data
    if where[:2] == ("applicant", "passport"):
        example_data["applicant"]["passport"] = {
            "number": "P1",
            "country": "IN",
            "issued_on": "2020-01-01",
            "expires_on": "2030-01-01",
        }
    for key in where[:-1]:
        owner = owner[key]
    owner[where[-1]] = value
    path = ".".join(str(k) for k in where).replace(".0.", "[0].")
    found = _problems(example_data)
    assert path in found and expected in found[path], found


def test_a_nomination_dated_far_ahead_is_refused(example_data: dict[str, Any]) -> None:
    example_data["applicant"]["provincial_nomination"] = {
        "province": "ON",
        "stream": "Human Capital Priorities",
        "nominated_on": "9999-12-31",
        "accepted_on": None,
    }
    found = _problems(example_data)
    assert "applicant.provincial_nomination.nominated_on" in found


def test_a_milestone_has_the_same_bounds_on_import_as_in_the_milestone_command(
    example_data: dict[str, Any],
) -> None:
    example_data["application"] = {"milestones": [{"name": "invitation", "on": "1949-12-31"}]}
    found = _problems(example_data)
    assert found["application.milestones[0].on"] == "a date from 1950-01-01 on"


def test_import_of_a_far_future_test_exits_2_and_every_command_works_after_a_good_one(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    example_data["applicant"]["language_tests"][0]["taken_on"] = "9999-12-31"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_data))
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "applicant.language_tests[0].taken_on" in err and "Traceback" not in err


def test_a_date_option_out_of_bounds_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["score", "--as-of", "9999-12-31"])
    assert exited.value.code == 2
    assert "expected a date from 1900-01-01 to 2199-12-31" in capsys.readouterr().err
