"""iCalendar (RFC 5545) export: one all-day event per deadline, with display alarms.

UIDs come from the deadlines' stable uids, so importing a new export updates the events a
calendar already holds instead of adding copies.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _

PRODID = "-//ee-desktop//Express Entry deadlines//EN"
UID_DOMAIN = "ee-desktop"
MAX_OCTETS = 75
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines; other control
    characters are not allowed in a content line, so they are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space, never splitting a character."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1  # the leading space counts toward the next line
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _utc(stamp: datetime) -> datetime:
    # A naive stamp is taken as UTC already.
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _description(item: Deadline) -> str:
    lines = [item.detail] if item.detail else []
    if item.points:
        lines.append(_("CRS change on this day: {points:+d}").format(points=item.points))
    if item.source:
        lines.append(_("Source: {source}").format(source=item.source))
    return "\n".join(lines)


def _event(item: Deadline, stamp: str, sequence: int, alarm_days: Sequence[int]) -> Iterator[str]:
    summary = item.title if not item.done else _("Done: {title}").format(title=item.title)
    yield "BEGIN:VEVENT"
    yield f"UID:{escape(item.uid)}@{UID_DOMAIN}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_day(item.due)}"
    yield f"DTEND;VALUE=DATE:{_day(item.due + timedelta(days=1))}"
    yield f"SEQUENCE:{sequence}"
    yield f"SUMMARY:{escape(summary)}"
    description = _description(item)
    if description:
        yield f"DESCRIPTION:{escape(description)}"
    yield f"CATEGORIES:{escape(item.kind)}"
    yield "TRANSP:TRANSPARENT"  # an all-day reminder, not a busy day
    if not item.done:
        # The date's own lead time, as the app announces it, besides the usual alarms.
        own = {item.remind_days} if item.remind_days > 0 else set()
        for days in sorted(set(alarm_days) | own, reverse=True):
            yield "BEGIN:VALARM"
            yield "ACTION:DISPLAY"
            yield f"TRIGGER;RELATED=START:-P{days}D" if days > 0 else "TRIGGER;RELATED=START:PT0S"
            yield f"DESCRIPTION:{escape(summary)}"
            yield "END:VALARM"
    yield "END:VEVENT"


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
    when = _utc(stamp)
    stamp_text = when.strftime("%Y%m%dT%H%M%SZ")
    sequence = max(0, int((when - _EPOCH).total_seconds()) // 60)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(_('Express Entry deadlines'))}",
    ]
    for item in deadlines:
        lines.extend(_event(item, stamp_text, sequence, alarm_days))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
