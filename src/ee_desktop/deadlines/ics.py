"""iCalendar (RFC 5545) export: one all-day event per deadline, with display alarms.

Written with the icalendar library (escaping, line folding, CRLF line ends). UIDs come
from the deadlines' stable uids, so importing a new export updates the events a calendar
already holds instead of adding copies.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//ee-desktop//Express Entry deadlines//EN"
UID_DOMAIN = "ee-desktop"
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _clean(text: str) -> str:
    """Control characters are not allowed in a content line: dropped (line ends kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")


def _utc(stamp: datetime) -> datetime:
    # A naive stamp is taken as UTC already.
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _description(item: Deadline) -> str:
    lines = [item.detail] if item.detail else []
    if item.points:
        lines.append(_("CRS change on this day: {points:+d}").format(points=item.points))
    if item.source:
        lines.append(_("Source: {source}").format(source=item.source))
    return "\n".join(lines)


def _event(item: Deadline, stamp: datetime, sequence: int, alarm_days: Sequence[int]) -> Event:
    from icalendar import Alarm, Event

    summary = item.title if not item.done else _("Done: {title}").format(title=item.title)
    event = Event()
    event.add("uid", f"{_clean(item.uid)}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("sequence", sequence)
    event.add("summary", _clean(summary))
    description = _description(item)
    if description:
        event.add("description", _clean(description))
    event.add("categories", [_clean(item.kind)])
    event.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy day
    if not item.done:
        # The date's own lead time, as the app announces it, besides the usual alarms.
        own = {item.remind_days} if item.remind_days > 0 else set()
        for days in sorted(set(alarm_days) | own, reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", -timedelta(days=days), parameters={"RELATED": "START"})
            alarm.add("description", _clean(summary))
            event.add_component(alarm)
    return event


def to_ics(
    deadlines: Sequence[Deadline], stamp: datetime, alarm_days: Sequence[int] = (7, 1)
) -> str:
    """An RFC 5545 calendar with one all-day event per deadline; an event's alarms are
    ``alarm_days`` before it and its own lead time (``Deadline.remind_days``).

    SEQUENCE counts minutes since 2000 at ``stamp``: every later export outranks the earlier
    one, whichever way a due date moved (a due date moved earlier must still win).
    """
    if any(days < 0 for days in alarm_days):
        raise ValueError("alarm_days must be 0 or more days before the due date")
    # Imported here: some 90 ms that starting the app and most commands do not need.
    from icalendar import Calendar

    when = _utc(stamp).replace(microsecond=0)
    sequence = max(0, int((when - _EPOCH).total_seconds()) // 60)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Express Entry deadlines"))
    for item in deadlines:
        calendar.add_component(_event(item, when, sequence, alarm_days))
    text: str = calendar.to_ical().decode("utf-8")
    return text
