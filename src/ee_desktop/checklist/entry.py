"""A checklist line as the user sees it: a requirement with the user's progress on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ee_desktop.checklist.build import generate
from ee_desktop.checklist.model import DONE_STATUSES, Requirement
from ee_desktop.profile import Profile
from ee_desktop.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the user attached to an item, kept encrypted in the vault."""

    id: int
    filename: str
    vault_name: str
    size: int
    added_at: datetime


@dataclass(frozen=True, slots=True)
class ChecklistRecord:
    """The user's side of a checklist item, decrypted."""

    id: int
    key: str
    custom: bool
    snapshot: dict[str, Any]
    status: str
    requested_on: date | None
    received_on: date | None
    uploaded_on: date | None
    notes: str
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True)
class ChecklistEntry:
    key: str
    title: str
    stage: str
    person: str
    person_label: str
    reason: str = ""
    contents: tuple[str, ...] = ()
    validity: str = ""
    source: str = ""
    expires_on: date | None = None
    needed: bool = True  # False: the file no longer needs it (kept for its progress)
    custom: bool = False
    record_id: int | None = None  # None until the user records anything
    status: str = "needed"
    requested_on: date | None = None
    received_on: date | None = None
    uploaded_on: date | None = None
    notes: str = ""
    attachments: tuple[Attachment, ...] = field(default=())

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    def expiring(self, as_of: date, days: int) -> bool:
        return self.expires_on is not None and self.expires_on <= as_of + timedelta(days=days)


def entry_for(requirement: Requirement, record: ChecklistRecord | None = None) -> ChecklistEntry:
    """The checklist line of a requirement, with the user's progress when there is a record."""
    user: dict[str, Any] = {}
    if record is not None:
        user = {
            "record_id": record.id,
            "status": record.status,
            "requested_on": record.requested_on,
            "received_on": record.received_on,
            "uploaded_on": record.uploaded_on,
            "notes": record.notes,
            "attachments": record.attachments,
        }
    return ChecklistEntry(
        key=requirement.key,
        title=requirement.title,
        stage=requirement.stage,
        person=requirement.person,
        person_label=requirement.person_label,
        reason=requirement.reason,
        contents=requirement.contents,
        validity=requirement.validity,
        source=requirement.source,
        expires_on=requirement.expires_on,
        **user,
    )


def entries_for(
    profile: Profile, as_of: date, rules: RuleSet, stage: str | None = None
) -> list[ChecklistEntry]:
    """A bare file's checklist: what it needs, with no progress recorded."""
    return [entry_for(r) for r in generate(profile, as_of, rules, stage)]


def progress(entries: list[ChecklistEntry]) -> tuple[int, int]:
    """(done, total) over the items still needed."""
    needed = [e for e in entries if e.needed]
    return sum(e.done for e in needed), len(needed)
