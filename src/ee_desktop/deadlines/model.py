"""Deadline values: what the user records (milestones, own deadlines, checklist progress) and
what comes out (dated deadlines with stable identifiers)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

# The milestones the user records dates for; each maps to a tuple of dates because some
# (a request for documents, a new profile) can happen more than once.
MILESTONES: tuple[str, ...] = (
    "profile_submitted",
    "invitation",
    "application_submitted",
    "aor",
    "biometrics_request",
    "medical_request",
    "medical_exam",  # the date the exam was done
    "document_request",
    "ppr",
    "copr",
    "landed",
)

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


def digest(text: str) -> str:
    """A short, stable stand-in for text that may be personal (names, employers)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def person_code(person: str) -> str:
    """The person part of a uid: child ids carry names, so children become a hash."""
    if person in ("applicant", "spouse", ""):
        return person or "file"
    return "child-" + digest(person)
