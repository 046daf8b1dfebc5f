"""Deadline values: what the user records (milestones, own deadlines, checklist progress) and
what comes out (dated deadlines with stable identifiers)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

# Re-exported: the deadlines are computed from them.
from ee_desktop.profile.milestones import MILESTONES as MILESTONES
from ee_desktop.profile.milestones import Milestone as Milestone

KINDS: tuple[str, ...] = (
    "expiry",
    "deadline",
    "birthday",
    "experience",
    "document",
    "custom",
    "milestone",
)


@dataclass(frozen=True, slots=True)
class CustomDeadline:
    """The user's own deadline."""

    id: str  # stable, given by the store
    title: str
    due: date
    notes: str = ""
    done: bool = False


@dataclass(frozen=True, slots=True)
class ChecklistProgress:
    """What the deadlines need from the user's progress on one checklist item."""

    key: str  # checklist Requirement key
    received_on: date | None  # for police certificates: treated as the issue date
    done: bool


@dataclass(frozen=True, slots=True)
class Deadline:
    uid: str  # stable and unique; codes, dates and hashes only (it leaves in .ics files)
    due: date
    kind: str
    title: str
    detail: str
    person: str  # "applicant", "spouse", "child:<id>", or "" for the file as a whole
    points: int | None = None  # CRS change on that day
    source: str = ""
    done: bool = False
    # Announced this many days before ``due`` (its kind's lead time, data/reminders.toml), or
    # earlier when the user's reminder period is longer; 0: the user's period alone.
    remind_days: int = 0


def digest(text: str) -> str:
    """A short, stable stand-in for text that may be personal (names, employers)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def person_code(person: str) -> str:
    """The person part of a uid: child ids carry names, so children become a hash."""
    if person in ("applicant", "spouse", ""):
        return person or "file"
    return "child-" + digest(person)
