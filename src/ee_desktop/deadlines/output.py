"""Dates as JSON, or as text for the command line: one line a date, with how far off it is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _


def to_json(deadlines: Sequence[Deadline], as_of: date) -> dict[str, Any]:
    """The `deadlines --json` object: the day and each date, with the days left until it."""
    return {
        "as_of": as_of.isoformat(),
        "deadlines": [
            {
                "uid": d.uid,
                "due": d.due.isoformat(),
                "days": (d.due - as_of).days,
                "kind": d.kind,
                "title": d.title,
                "detail": d.detail,
                "person": d.person,
                "points": d.points,
                "source": d.source,
                "done": d.done,
                "remind_days": d.remind_days,
            }
            for d in deadlines
        ],
    }


def when(deadline: Deadline, as_of: date) -> str:
    """Done, overdue, today, or in how many days."""
    days = (deadline.due - as_of).days
    if deadline.done:
        return _("done")
    if days < 0:
        return _("OVERDUE by {n} days").format(n=-days)
    if days == 0:
        return _("today")
    return _("in {n} days").format(n=days)


def render_text(deadlines: Sequence[Deadline], as_of: date) -> str:
    """One line a date: the day, how far off it is, what it is and its effect on the score."""
    if not deadlines:
        return _("No dates yet.")
    lines = []
    for d in deadlines:
        points = f" ({d.points:+d} CRS)" if d.points is not None else ""
        lines.append(f"{d.due.isoformat()}  {when(d, as_of):>20}  {d.title}{points}")
    return "\n".join(lines)
