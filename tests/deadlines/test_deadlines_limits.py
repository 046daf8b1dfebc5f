"""The time limits data: valid, dated, and the figures the references give."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib.resources import files
from typing import Any

import pytest

from ee_desktop.deadlines import LimitsError, load_limits, parse_limits
from ee_desktop.deadlines.limits import LIMIT_NAMES


def _document() -> dict[str, Any]:
    text = files("ee_desktop.deadlines").joinpath("data", "limits.toml").read_text("utf-8")
    return tomllib.loads(text)


@pytest.mark.parametrize(
    ("name", "on", "days", "months", "verified"),
    [
        ("ita_submission", date(2015, 6, 1), 60, 0, True),
        ("ita_submission", date(2017, 1, 1), 90, 0, True),
        ("ita_submission", date(2021, 6, 28), 90, 0, False),
        ("ita_submission", date(2021, 6, 29), 60, 0, True),
        ("profile_validity", date(2026, 1, 1), 0, 12, True),
        ("biometrics", date(2026, 1, 1), 30, 0, True),
        ("medical_request", date(2026, 1, 1), 30, 0, False),
        ("medical_validity", date(2026, 1, 1), 0, 12, True),
        ("police_current_country", date(2026, 1, 1), 0, 6, True),
        ("document_request", date(2026, 1, 1), 30, 0, False),
        ("nomination_acceptance", date(2026, 1, 1), 30, 0, True),
    ],
)
def test_limits_in_force(name: str, on: date, days: int, months: int, verified: bool) -> None:
    limit = load_limits().at(name, on)
    assert limit is not None
    assert (limit.days, limit.months, limit.verified) == (days, months, verified)
    assert limit.source
    assert limit.verified or limit.note


def test_every_limit_is_present_and_nothing_applies_before_express_entry() -> None:
    limits = load_limits()
    for name in LIMIT_NAMES:
        assert limits.at(name, date(2014, 12, 31)) is None
        assert limits.at(name, date(2030, 1, 1)) is not None


def test_month_limits_keep_the_day_of_month() -> None:
    limit = load_limits().at("medical_validity", date(2026, 1, 31))
    assert limit is not None
    assert limit.after(date(2026, 1, 31)) == date(2027, 1, 31)
    police = load_limits().at("police_current_country", date(2026, 8, 31))
    assert police is not None
    assert police.after(date(2026, 8, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["limits"]["biometrics"][0].pop("source"), "biometrics[0].source"),
        (lambda d: d["limits"]["biometrics"][0].update(months=1), "exactly one of days"),
        (lambda d: d["limits"]["biometrics"][0].update(days=0), "biometrics[0].days"),
        (lambda d: d["limits"]["biometrics"][0].update(days=True), "biometrics[0].days"),
        (lambda d: d["limits"]["biometrics"][0].update(effective_from="2015"), "effective_from"),
        (lambda d: d["limits"]["medical_request"][0].pop("note"), "needs a note"),
        (lambda d: d["limits"]["medical_request"][0].pop("verified"), "verified"),
        (lambda d: d["limits"]["biometrics"][0].update(colour="red"), "unknown field"),
        (lambda d: d["limits"].pop("biometrics"), "limits.biometrics: missing"),
        (lambda d: d["limits"].update(visa=[]), "limits.visa: unknown limit"),
        (lambda d: d.update(meta={}), "unknown top-level key"),
        (
            lambda d: d["limits"]["ita_submission"][0].update(effective_to=date(2017, 1, 1)),
            "overlap",
        ),
        (
            lambda d: d["limits"]["ita_submission"][0].update(effective_to=date(2014, 1, 1)),
            "effective_to before effective_from",
        ),
    ],
)
def test_malformed_data_is_refused_with_the_field_named(change: Any, message: str) -> None:
    document = _document()
    change(document)
    with pytest.raises(LimitsError) as error:
        parse_limits(document)
    assert any(message in problem for problem in error.value.problems), error.value.problems
