"""Reminder lead times (data/reminders.toml): each kind of date is announced its own number
of days ahead; a period no longer than its lead time is announced as soon as it starts."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from importlib.resources import files

import pytest
from deadline_helpers import TODAY, example, rules

from ee_desktop.deadlines import CustomDeadline, derive, load_limits, upcoming
from ee_desktop.deadlines.reminders import (
    RemindersError,
    lead_days,
    load_reminders,
    parse_reminders,
)
from ee_desktop.profile.milestones import Milestone


def test_every_lead_time_has_days_and_a_reason() -> None:
    text = files("ee_desktop.deadlines").joinpath("data", "reminders.toml").read_text("utf-8")
    document = tomllib.loads(text)
    assert parse_reminders(document) == dict(load_reminders())
    assert all(entry["reason"].strip() for entry in document["reminders"].values())


def test_a_request_is_announced_over_its_whole_time_limit() -> None:
    # Whatever period IRCC gives, the lead time covers it: announced from the letter's day.
    limits = load_limits()
    for kind, limit in (
        ("biometrics-due", "biometrics"),
        ("medical-due", "medical_request"),
        ("documents-due", "document_request"),
        ("ita-submit", "ita_submission"),
        ("nomination-accept", "nomination_acceptance"),
    ):
        found = limits.at(limit, TODAY)
        assert found is not None and lead_days(f"{kind}:2026-11-24") >= found.days, kind
    assert lead_days("custom:7") == 0  # the user's reminder period alone


def test_malformed_lead_times_are_all_reported() -> None:
    with pytest.raises(RemindersError) as raised:
        parse_reminders(
            {"reminders": {"a": {"days": 0, "reason": "x"}, "b": {"days": 3}}, "extra": 1}
        )
    problems = raised.value.problems
    assert any("reminders.a.days" in p for p in problems)
    assert any("reminders.b" in p and "reason" in p for p in problems)
    assert any("extra" in p for p in problems)


def test_a_30_day_deadline_is_announced_the_day_it_is_recorded_a_year_one_is_not() -> None:
    letter = Milestone("biometrics_request", TODAY)
    profile_sent = Milestone("profile_submitted", TODAY)
    custom = [CustomDeadline("1", "Renew the lease", TODAY + timedelta(days=365))]
    found = derive(example(), TODAY, [profile_sent, letter], custom, rules=rules())
    by_uid = {d.uid: d for d in found}
    biometrics = by_uid[f"biometrics-due:{TODAY.isoformat()}"]
    expiry = next(d for d in found if d.uid.startswith("profile-expiry:"))
    assert biometrics.due == TODAY + timedelta(days=30) and biometrics.remind_days == 30
    assert expiry.due - TODAY >= timedelta(days=365) and expiry.remind_days == 30
    soon = [d.uid for d in upcoming(found, TODAY, 14)]  # the default reminder period
    assert biometrics.uid in soon
    assert expiry.uid not in soon and "custom:1" not in soon
    # The user's period still applies when longer than a kind's own lead time.
    assert "custom:1" in [d.uid for d in upcoming(found, TODAY, 365)]
    assert expiry.uid in [d.uid for d in upcoming(found, expiry.due - timedelta(days=30), 14)]


def test_dates_worked_out_elsewhere_keep_their_own_lead_time() -> None:
    found = derive(example(), date(2026, 11, 24), rules=rules())
    assert all(d.remind_days == lead_days(d.uid) for d in found)
