"""The history checks, from IMM 5669's rules at fixed dates: who needs the histories, the
window, month and day coverage, and each finding naming its field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ee_desktop.history.checks import HistoryReport, PersonHistory, check_history
from ee_desktop.history.timeline import Span, address_gaps_and_overlaps, members, window_for
from ee_desktop.profile.background import Activity
from ee_desktop.profile.model import Residence
from tests.history.history_helpers import AS_OF, family, family_data


def _report(data: dict[str, Any], as_of: date = AS_OF) -> HistoryReport:
    return check_history(family(data), as_of)


def _person(report: HistoryReport, key: str) -> PersonHistory:
    found = report.person(key)
    assert found is not None, key
    return found


def _fields(person: PersonHistory) -> dict[str, str]:
    return {f.field: f.message for f in person.problems}


def test_the_complete_family_has_no_finding() -> None:
    report = _report(family_data())
    assert [p.member.key for p in report.people] == ["applicant", "spouse", "child:0"]
    assert report.complete
    assert all(p.status() == "Complete" for p in report.people)


# -- the window ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("born", "start"),
    [
        (date(1988, 8, 20), date(2016, 6, 15)),  # 10 years back: the birthday is earlier
        (date(2006, 3, 10), date(2024, 3, 10)),  # since the 18th birthday, which is later
        (date(1998, 6, 15), date(2016, 6, 15)),  # both on the same day
        (date(2004, 2, 29), date(2022, 3, 1)),  # born on 29 February: 18 on 1 March
    ],
)
def test_window_is_ten_years_or_since_the_18th_birthday(born: date, start: date) -> None:
    assert window_for(born, AS_OF) == Span(start, AS_OF)


@pytest.mark.parametrize(
    ("born", "needs"),
    [(date(2008, 6, 15), True), (date(2008, 6, 16), False), (date(2008, 6, 14), True)],
)
def test_a_child_needs_histories_from_the_day_they_turn_18(born: date, needs: bool) -> None:
    data = family_data()
    data["children"][1]["date_of_birth"] = born.isoformat()
    keys = [m.key for m in members(family(data), AS_OF)]
    assert ("child:1" in keys) is needs


def test_a_child_turning_18_before_the_submission_deadline_gets_a_note() -> None:
    data = family_data()
    data["children"][1]["date_of_birth"] = "2008-07-20"  # 18 on 2026-07-20, 35 days on
    report = _report(data)
    assert "child:1" not in [p.member.key for p in report.people]
    assert [n.field for n in report.notes] == ["children[1]"]
    assert "2026-07-20" in report.notes[0].message
    # Once 18, the note becomes the child's own (empty) histories to fill in.
    later = _report(data, date(2026, 7, 20))
    child = _person(later, "child:1")
    assert child.member.window == Span(date(2026, 7, 20), date(2026, 7, 20))
    assert "children[1].personal_history" in _fields(child)
    assert not later.notes


# -- personal history: months ---------------------------------------------------------------
def test_a_missing_month_is_a_gap_bounded_by_its_neighbours() -> None:
    data = family_data()
    del data["applicant"]["personal_history"][1]  # 2019-04 (between 2019-03 and 2019-05)
    applicant = _person(_report(data), "applicant")
    assert applicant.personal_gaps == (Span(date(2019, 4, 1), date(2019, 4, 1)),)
    assert applicant.status() == "1 gap or overlap"


def test_the_window_starts_in_the_month_of_its_first_day() -> None:
    data = family_data()
    history = data["applicant"]["personal_history"]
    history[0]["from"] = "2016-05"
    history[0]["to"] = "2016-05"  # the window starts on 2016-06-15: June must be covered
    history.insert(1, {"from": "2016-07", "to": "2019-03", "activity": "employed",
                       "organization": "Infosys", "occupation": "Software engineer",
                       "city": "Chennai", "country": "IN",
                       "status_in_country": "citizen"})  # fmt: skip
    applicant = _person(_report(data), "applicant")
    assert applicant.personal_gaps == (Span(date(2016, 6, 1), date(2016, 6, 1)),)
    history[0]["to"] = "2016-06"
    assert _person(_report(data), "applicant").personal_gaps == ()


def test_an_open_period_runs_to_the_evaluation_month_and_overlaps_are_allowed() -> None:
    data = family_data()
    data["applicant"]["personal_history"].append(
        {
            "from": "2021-01",
            "to": None,
            "activity": "studying",
            "organization": "Open University",
            "city": "Dubai",
            "country": "AE",
            "status_in_country": "worker",
        }  # fmt: skip
    )
    data["applicant"]["personal_history"][2]["to"] = "2020-12"
    applicant = _person(_report(data, date(2030, 1, 31)), "applicant")
    assert applicant.personal_gaps == ()  # the studies, open, cover to January 2030


# -- addresses: days ---------------------------------------------------------------------------
def _stay(country: str, start: str, end: str | None) -> Residence:
    return Residence(
        country, date.fromisoformat(start), None if end is None else date.fromisoformat(end)
    )


def test_back_to_back_places_leave_no_gap_and_one_shared_day_is_an_overlap() -> None:
    window = Span(date(2020, 1, 1), date(2020, 12, 31))
    touching = [_stay("IN", "2019-01-01", "2020-03-31"), _stay("AE", "2020-04-01", None)]
    assert address_gaps_and_overlaps(touching, window) == ([], [])
    shared = [_stay("IN", "2019-01-01", "2020-04-01"), _stay("AE", "2020-04-01", None)]
    assert address_gaps_and_overlaps(shared, window) == (
        [],
        [Span(date(2020, 4, 1), date(2020, 4, 1))],
    )
    apart = [_stay("IN", "2020-02-01", "2020-03-30"), _stay("AE", "2020-04-01", "2020-12-30")]
    assert address_gaps_and_overlaps(apart, window) == (
        [Span(date(2020, 1, 1), date(2020, 1, 31)), Span(date(2020, 3, 31), date(2020, 3, 31)),
         Span(date(2020, 12, 31), date(2020, 12, 31))],
        [],
    )  # fmt: skip


def test_address_findings_in_the_family() -> None:
    data = family_data()
    places = data["spouse"]["residence_history"]
    places[2]["from"] = "2019-01-10"  # nine days after London with no address
    places[3]["from"] = "2019-04-01"  # two places from 1 to 14 April
    spouse = _person(_report(data), "spouse")
    assert spouse.address_gaps == (Span(date(2019, 1, 1), date(2019, 1, 9)),)
    assert spouse.address_overlaps == (Span(date(2019, 4, 1), date(2019, 4, 14)),)


# -- consistency with the rest of the file -----------------------------------------------------
def test_a_job_the_personal_history_leaves_out_or_places_elsewhere() -> None:
    data = family_data()
    history = data["applicant"]["personal_history"]
    history[2]["activity"] = "unemployed"  # Emirates NBD no longer shown as work
    history[0]["country"] = "LK"  # Infosys in India, the history says Sri Lanka
    history[0]["city"] = "Colombo"
    fields = _fields(_person(_report(data), "applicant"))
    assert "2019-05 to 2026-06" in fields["applicant.work_history[1]"]
    assert "Emirates NBD" in fields["applicant.work_history[1]"]
    assert "India" in fields["applicant.work_history[0]"]
    assert "2016-06 to 2019-03" in fields["applicant.work_history[0]"]
    # The places lived (India) disagree with the history (Sri Lanka) too.
    assert "applicant.residence_history[0]" in fields


def test_a_credential_completed_in_the_window_needs_studies_that_month() -> None:
    data = family_data()
    data["applicant"]["education"].append(
        {
            "level": "masters",
            "program_length_years": 1,
            "full_time": False,
            "country": "AE",
            "institution": "Heriot-Watt Dubai",
            "field": "Data science",
            "completed_on": "2022-06-30",
            "eca": None,
        }  # fmt: skip
    )
    fields = _fields(_person(_report(data), "applicant"))
    assert "Heriot-Watt Dubai" in fields["applicant.education[1]"]
    assert "2022-06" in fields["applicant.education[1]"]
    data["applicant"]["personal_history"].append(
        {
            "from": "2021-07",
            "to": "2022-06",
            "activity": "studying",
            "organization": "Heriot-Watt Dubai",
            "occupation": "Data science",
            "city": "Dubai",
            "country": "AE",
            "status_in_country": "worker",
        }  # fmt: skip
    )
    assert "applicant.education[1]" not in _fields(_person(_report(data), "applicant"))


def test_a_trip_outside_every_place_lived() -> None:
    data = family_data()
    data["children"][0]["travel_history"][0]["from"] = "2024-05-01"
    data["children"][0]["travel_history"][0]["to"] = "2024-05-08"
    data["children"][0]["residence_history"][1]["to"] = "2024-04-30"
    data["children"][0]["residence_history"].append(
        {
            "country": "AE",
            "from": "2024-05-09",
            "to": None,
            "address": {"street": "Marina Heights 1204", "city": "Dubai"},
        }  # fmt: skip
    )
    child = _person(_report(data), "child:0")
    assert "children[0].travel_history[0]" in _fields(child)
    assert child.address_gaps == (Span(date(2024, 5, 1), date(2024, 5, 8)),)


def test_a_country_lived_in_missing_from_places_lived_would_miss_its_police_certificate() -> None:
    data = family_data()
    places = data["spouse"]["residence_history"]
    del places[1]  # London is no longer among the places lived
    places[0]["to"] = "2018-12-31"
    fields = _fields(_person(_report(data), "spouse"))
    assert "United Kingdom" in fields["spouse.residence_history"]
    assert "police certificate" in fields["spouse.residence_history"]


def test_relatives_imm_5406_asks_for() -> None:
    data = family_data()
    relatives = data["spouse"]["relatives"]
    del relatives[1]  # the father
    relatives.append({"relationship": "daughter", "given_names": "Anjali", "family_name": "Iyer",
                      "accompanying": True})  # fmt: skip
    del relatives[0]["occupation"]
    fields = _fields(_person(_report(data), "spouse"))
    assert "father" in fields["spouse.relatives"]
    assert "already among your children" in fields["spouse.relatives[2]"]
    assert "occupation" in fields["spouse.relatives[0]"]
    assert "address" not in fields.get("applicant.relatives[1]", "")  # deceased: no address


def test_a_family_member_not_coming_is_a_note_not_a_problem() -> None:
    data = family_data()
    data["spouse"]["accompanying"] = False
    applicant = _person(_report(data), "applicant")
    assert applicant.complete
    assert [n.field for n in applicant.notes] == ["spouse.accompanying"]
    assert "medical exam" in applicant.notes[0].message


def test_incomplete_entries_and_empty_sections_name_what_the_form_asks() -> None:
    data = family_data()
    data["applicant"]["personal_history"][2].pop("city")
    data["children"][0]["personal_history"] = []
    data["applicant"]["residence_history"][1]["address"] = {"city": "Dubai"}
    report = _report(data)
    applicant = _fields(_person(report, "applicant"))
    assert "the city" in applicant["applicant.personal_history[2]"]
    assert "street" in applicant["applicant.residence_history[1].address"]
    assert "children[0].personal_history" in _fields(_person(report, "child:0"))


def test_months_are_counted_per_period_for_the_strip() -> None:
    from ee_desktop.history.timeline import months_covered

    window = Span(date(2020, 1, 15), date(2020, 4, 2))
    periods = [Activity(date(2019, 1, 1), date(2020, 2, 1), "employed"),
               Activity(date(2020, 2, 1), None, "studying")]  # fmt: skip
    assert months_covered(periods, window) == [1, 2, 1, 1]
