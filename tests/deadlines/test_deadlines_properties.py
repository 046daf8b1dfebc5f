"""Properties that must hold for any milestones and any text."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime

import icalendar
from deadline_helpers import TODAY, family, rules
from hypothesis import given, settings
from hypothesis import strategies as st

from ee_desktop.deadlines import MILESTONES, CustomDeadline, derive, to_ics, upcoming

days = st.dates(min_value=date(2016, 1, 1), max_value=date(2028, 12, 31))
milestones = st.dictionaries(st.sampled_from(MILESTONES), st.lists(days, max_size=3).map(tuple))


@settings(max_examples=40, deadline=None)
@given(milestones)
def test_any_milestones_give_sorted_unique_uids(recorded: dict[str, tuple[date, ...]]) -> None:
    found = derive(family(), TODAY, recorded, rules=rules())
    uids = [d.uid for d in found]
    assert len(uids) == len(set(uids))
    assert found == sorted(found, key=lambda d: (d.due, d.uid))
    soon = upcoming(found, TODAY, 60)
    assert all(not d.done and d.due <= date(2027, 1, 23) for d in soon)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_any_text_survives_the_round_trip(text: str) -> None:
    title = text.replace("\r", " ").replace("\n", " ").strip() or "x"
    item = CustomDeadline("c", title, date(2027, 1, 1), text)
    ics = to_ics(
        derive(family(), TODAY, custom=[item], rules=rules()),
        datetime(2026, 11, 24, 14, 0, tzinfo=UTC),
    )
    event = next(
        e
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
        if str(e["UID"]) == "custom:c@ee-desktop"
    )
    kept = "".join(c for c in title if c == "\t" or unicodedata.category(c) != "Cc")
    assert str(event["SUMMARY"]) == kept
