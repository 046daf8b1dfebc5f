"""Dates derived from the file and the milestones the user records, the user's own deadlines,
and their iCalendar export. Every date is a parameter: nothing here reads the clock."""

from ee_desktop.deadlines.derive import derive, upcoming
from ee_desktop.deadlines.ics import to_ics
from ee_desktop.deadlines.limits import Limit, Limits, LimitsError, load_limits, parse_limits
from ee_desktop.deadlines.model import (
    KINDS,
    MILESTONES,
    ChecklistProgress,
    CustomDeadline,
    Deadline,
)

__all__ = [
    "KINDS",
    "MILESTONES",
    "ChecklistProgress",
    "CustomDeadline",
    "Deadline",
    "Limit",
    "Limits",
    "LimitsError",
    "derive",
    "load_limits",
    "parse_limits",
    "to_ics",
    "upcoming",
]
