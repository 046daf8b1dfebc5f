"""Status in Canada: the format, the store, and the dates that follow from it in the
deadline list and the calendar export."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from ee_desktop.cli import main
from ee_desktop.deadlines import derive
from ee_desktop.deadlines.status import parse_status_rules, status_rules_on
from ee_desktop.profile import decode, dumps
from ee_desktop.profile.problems import ProfileError
from ee_desktop.profile.status import StatusInCanada

DAY = date(2026, 11, 24)


def worker(example_data: dict[str, Any], **status: Any) -> dict[str, Any]:
    """The example, working in Canada on a closed work permit ending 2027-02-28."""
    data = json.loads(json.dumps(example_data))
    data["applicant"]["work_history"].append(
        {
            "title": "Developer",
            "employer": "Maple Inc",
            "noc_code": "21232",
            "country": "CA",
            "start": "2025-03-01",
            "end": None,
            "hours_per_week": 40,
            "self_employed": False,
            "paid": True,
            "while_full_time_student": False,
        }
    )
    data["applicant"]["status_in_canada"] = {
        "kind": "worker",
        "permit_expires_on": "2027-02-28",
        "applied_to_extend_on": None,
        "employer_specific": True,
        **status,
    }
    return data


def _by_kind(deadlines: list[Any]) -> dict[str, Any]:
    return {d.uid.split(":")[0]: d for d in deadlines}


def test_a_worker_sees_the_expiry_the_day_to_extend_and_the_bridging_window(
    example_data: dict[str, Any],
) -> None:
    profile = decode(worker(example_data), today=DAY)
    found = _by_kind(derive(profile, DAY))
    expiry, extend = found["status-expiry"], found["status-extend"]
    assert expiry.due == date(2027, 2, 28) and "restoring it is possible only within 90" in (
        expiry.detail
    )
    assert extend.due == date(2027, 1, 29) and not extend.done
    bowp = found["bowp-window"]
    assert bowp.due == date(2026, 10, 28)  # four months before the permit expires
    assert "completeness check" in bowp.detail
    stops = found["status-experience"]
    assert stops.due == date(2027, 2, 28)
    assert expiry.remind_days == 90 and extend.remind_days == 30


def test_the_bridging_window_opens_with_the_acknowledgement_of_receipt(
    example_data: dict[str, Any],
) -> None:
    profile = decode(worker(example_data), today=DAY)
    found = _by_kind(derive(profile, DAY, {"aor": [date(2026, 11, 20)]}))
    assert found["bowp-window"].due == date(2026, 11, 20)
    assert "acknowledged on November 20, 2026" in found["bowp-window"].detail


def test_an_extension_applied_for_in_time_is_maintained_status(
    example_data: dict[str, Any],
) -> None:
    data = worker(example_data, applied_to_extend_on="2026-11-01")
    profile = decode(data, today=DAY)
    status = profile.applicant.status_in_canada
    assert status is not None and status.maintained
    found = _by_kind(derive(profile, DAY))
    assert found["status-extend"].done
    assert "maintained status" in found["status-expiry"].detail
    assert "Since 28 May 2025" in found["status-expiry"].detail
    assert "status-experience" not in found  # maintained status: the work still counts


def test_the_rules_are_dated_data_with_sources() -> None:
    before, after = status_rules_on(date(2025, 1, 1)), status_rules_on(DAY)
    assert before.second_application_keeps_status and not after.second_application_keeps_status
    assert after.bowp_window_months == 4 and "canada.ca" in after.source
    with pytest.raises(ValueError, match="bowp_window_months"):
        parse_status_rules(
            {"status": [{"effective_from": date(2020, 1, 1), "extend_lead_days": 30}]}
        )


def test_the_section_round_trips_is_checked_and_kept_encrypted(
    example_data: dict[str, Any], data_dir: Path
) -> None:
    from ee_desktop.store import open_store
    from tests.conftest import FixedPassphrases

    profile = decode(worker(example_data), today=DAY)
    assert decode(json.loads(dumps(profile)), today=DAY) == profile
    assert "status_in_canada" not in json.dumps(json.loads(dumps(decode(example_data, today=DAY))))
    bad = worker(example_data, kind="tourist", applied_to_extend_on="2099-01-01")
    with pytest.raises(ProfileError) as raised:
        decode(bad, today=DAY)
    assert {p.path for p in raised.value.problems} == {
        "applicant.status_in_canada.kind",
        "applicant.status_in_canada.applied_to_extend_on",
    }
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    loaded = store.load()
    store.close()
    assert loaded is not None
    assert loaded.applicant.status_in_canada == StatusInCanada(
        "worker", date(2027, 2, 28), None, True
    )
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"2027-02-28" not in path.read_bytes(), path


def test_the_dates_are_in_the_deadline_list_and_the_calendar(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "worker.json"
    path.write_text(json.dumps(worker(example_data)), encoding="utf-8")
    assert main(["deadlines", str(path), "--as-of", DAY.isoformat(), "--json"]) == 0
    listed = {d["uid"] for d in json.loads(capsys.readouterr().out)["deadlines"]}
    assert {"status-expiry:applicant", "status-extend:applicant", "bowp-window:applicant"} <= listed
    ics = tmp_path / "dates.ics"
    assert main(["deadlines", str(path), "--as-of", DAY.isoformat(), "--ics", str(ics)]) == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert any(u.startswith("status-expiry:applicant") for u in uids), uids


def _landed(example_data: dict[str, Any]) -> Any:
    data = json.loads(json.dumps(example_data))
    data["applicant"]["travel_history"] = [
        {"from": "2026-03-01", "to": "2026-05-01", "country": "IN", "purpose": "family"},
        {"from": "2025-06-01", "to": "2025-06-20", "country": "US", "purpose": "tourism"},
    ]
    return decode(data, today=DAY)


def test_after_landing_the_card_and_the_residency_obligation_are_dates(
    example_data: dict[str, Any],
) -> None:
    from ee_desktop.deadlines.residency import days_outside

    profile = _landed(example_data)
    landed = date(2026, 1, 10)
    found = {d.uid: d for d in derive(profile, DAY, {"landed": [landed]})}
    assert found["pr-card-expiry:applicant"].due == date(2031, 1, 10)
    assert found["pr-card-renew:applicant"].due == date(2030, 7, 10)
    # 319 days from landing to November 24, 60 of them abroad (March 2 to April 30).
    trips = profile.applicant.background.travel_history
    assert days_outside(trips, landed, DAY) == 60
    obligation = found["residency-obligation:applicant"]
    inside = (DAY - landed).days + 1 - 60
    assert f"{inside} of the 730 days" in obligation.detail
    assert obligation.due == date(2031, 1, 9) - timedelta(days=730 - inside - 1)
    assert not obligation.done
    # Before landing there is nothing of the kind.
    assert not any(d.uid.startswith(("pr-card", "residency")) for d in derive(profile, DAY))


def test_the_obligation_is_met_once_730_days_are_reached(example_data: dict[str, Any]) -> None:
    profile = _landed(example_data)
    later = date(2028, 6, 1)
    found = {d.uid: d for d in derive(profile, later, {"landed": [date(2026, 1, 10)]})}
    assert found["residency-obligation:applicant"].done
