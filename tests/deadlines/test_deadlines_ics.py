"""The iCalendar export, parsed back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest
from deadline_helpers import TODAY, example, rules

from ee_desktop.deadlines import CustomDeadline, Deadline, derive, to_ics

STAMP = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
MILESTONES = {"invitation": (date(2026, 11, 10),)}


def _deadlines() -> list[Deadline]:
    custom = [
        CustomDeadline(
            "c1",
            "Bank letter; ask for 6-month average, in CAD",
            date(2027, 1, 2),
            "Line one\nLine two, with a comma; and a semicolon \\ backslash\n" + "é" * 60,
        ),
        CustomDeadline("c2", "Done already", date(2026, 12, 1), done=True),
    ]
    return derive(example(), TODAY, MILESTONES, custom, rules=rules())


def _events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_calendar_header_and_one_event_per_deadline() -> None:
    deadlines = _deadlines()
    text = to_ics(deadlines, STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "ee-desktop" in str(calendar["PRODID"])
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = _events(text)
    assert sorted(events) == sorted(f"{d.uid}@ee-desktop" for d in deadlines)
    for item in deadlines:
        event = events[f"{item.uid}@ee-desktop"]
        assert event.decoded("DTSTART") == item.due
        assert event.decoded("DTEND") == item.due + timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]).endswith(item.title)


def test_alarms_fire_before_each_open_deadline() -> None:
    events = _events(to_ics(_deadlines(), STAMP, alarm_days=(1, 7, 14)))
    ita = events["ita-submit:2026-11-10@ee-desktop"]
    alarms = ita.walk("VALARM")
    assert [a.decoded("TRIGGER") for a in alarms] == [
        timedelta(days=-60),  # its own lead time (data/reminders.toml): from the invitation
        timedelta(days=-14),
        timedelta(days=-7),
        timedelta(days=-1),
    ]
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    own = events["custom:c1@ee-desktop"].walk("VALARM")  # no lead time of its own
    assert [a.decoded("TRIGGER") for a in own] == [timedelta(days=-d) for d in (14, 7, 1)]
    done = events["custom:c2@ee-desktop"]
    assert done.walk("VALARM") == []
    assert str(done["SUMMARY"]) == "Done: Done already"
    same_day = _events(to_ics(_deadlines(), STAMP, alarm_days=(0,)))
    trigger = same_day["ita-submit:2026-11-10@ee-desktop"].walk("VALARM")[-1].decoded("TRIGGER")
    assert trigger == timedelta(0)
    with pytest.raises(ValueError):
        to_ics(_deadlines(), STAMP, alarm_days=(-1,))


def test_text_is_escaped_and_read_back_unchanged() -> None:
    text = to_ics(_deadlines(), STAMP)
    assert "Bank letter\\; ask for 6-month average\\, in CAD" in text
    event = _events(text)["custom:c1@ee-desktop"]
    assert str(event["SUMMARY"]) == "Bank letter; ask for 6-month average, in CAD"
    assert str(event["DESCRIPTION"]) == (
        "Line one\nLine two, with a comma; and a semicolon \\ backslash\n" + "é" * 60
    )


def test_lines_end_with_crlf_and_fold_within_75_octets() -> None:
    text = to_ics(_deadlines(), STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # long descriptions were folded
    text.encode("utf-8").decode("utf-8")  # no character split by folding


def test_long_multibyte_text_folds_without_splitting_a_character() -> None:
    item = Deadline("custom:long", date(2027, 1, 5), "custom", "é" * 100, "", "")
    text = to_ics([item], STAMP)
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    event = _events(text)["custom:long@ee-desktop"]
    assert str(event["SUMMARY"]) == "é" * 100


def test_exporting_again_updates_the_same_events() -> None:
    first = _events(to_ics(_deadlines(), STAMP))
    later = STAMP + timedelta(days=3)
    moved = [
        d
        if d.uid != "ita-submit:2026-11-10"
        else Deadline(**{**_fields(d), "due": date(2027, 1, 2)})
        for d in _deadlines()
    ]
    second = _events(to_ics(moved, later))
    assert first.keys() == second.keys()
    uid = "ita-submit:2026-11-10@ee-desktop"
    assert second[uid].decoded("DTSTART") == date(2027, 1, 2)
    # a due date moved earlier still outranks the first export
    assert int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])


def test_same_input_gives_the_same_file() -> None:
    assert to_ics(_deadlines(), STAMP) == to_ics(_deadlines(), STAMP)


def test_stamp_is_written_in_utc() -> None:
    eastern = timezone(timedelta(hours=-5))
    text = to_ics(_deadlines(), datetime(2026, 11, 24, 9, 0, tzinfo=eastern))
    assert "DTSTAMP:20261124T140000Z" in text
    naive = to_ics(_deadlines(), datetime(2026, 11, 24, 14, 0))
    assert "DTSTAMP:20261124T140000Z" in naive


def test_points_and_source_are_in_the_description() -> None:
    events = _events(to_ics(derive(example(), TODAY, rules=rules()), STAMP))
    description = str(events["birthday:2027-04-12@ee-desktop"]["DESCRIPTION"])
    assert "CRS change on this day: -5" in description
    assert "crs-criteria.html" in description


def test_empty_export_is_a_valid_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(to_ics([], STAMP))
    assert calendar.walk("VEVENT") == []


def _fields(item: Deadline) -> dict[str, object]:
    return {name: getattr(item, name) for name in Deadline.__slots__}
