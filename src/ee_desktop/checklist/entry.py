"""A checklist line as the user sees it: a requirement with the user's progress on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from ee_desktop.checklist.build import generate
from ee_desktop.checklist.model import DONE_STATUSES, STATUS_NAMES, Requirement
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
    other_language: bool = False  # not in English or French
    translation: bool = False  # a certified translation (with the translator's affidavit)


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
    # The record the progress is kept in, shared by the profile and application items of
    # one document (passport, language results, ECA); "" reads as ``key``.
    record_key: str = ""
    # Other stored rows of the same record (saved under the other stage's key before the
    # two were shared): changes are written to them too, so both stay the same.
    shared_ids: tuple[int, ...] = ()

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    @property
    def record(self) -> str:
        return self.record_key or self.key

    def expiring(self, as_of: date, days: int) -> bool:
        return self.expires_on is not None and self.expires_on <= as_of + timedelta(days=days)


_RANK = {status: rank for rank, status in enumerate(STATUS_NAMES)}


def merge_records(records: Sequence[ChecklistRecord]) -> ChecklistRecord | None:
    """One record from the rows kept for one document (a profile and an application item
    marked separately before they were shared): the furthest status, oldest row first; a date
    or the notes missing there taken from another row; every attachment."""
    if len(records) <= 1:
        return records[0] if records else None
    ordered = sorted(records, key=lambda r: (-_RANK.get(r.status, 0), r.id))
    first = ordered[0]

    def found(name: str) -> Any:
        return next((getattr(r, name) for r in ordered if getattr(r, name)), getattr(first, name))

    return replace(
        first,
        requested_on=found("requested_on"),
        received_on=found("received_on"),
        uploaded_on=found("uploaded_on"),
        notes=found("notes"),
        attachments=tuple(sorted((a for r in records for a in r.attachments), key=lambda a: a.id)),
    )


def entry_for(requirement: Requirement, *records: ChecklistRecord) -> ChecklistEntry:
    """The checklist line of a requirement, with the user's progress when there is a record
    (several rows of one shared record are merged, see merge_records)."""
    user: dict[str, Any] = {}
    record = merge_records(records)
    if record is not None:
        user = {
            "record_id": record.id,
            "shared_ids": tuple(r.id for r in records if r.id != record.id),
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
        record_key=requirement.record_key,
        **user,
    )


def entries_for(
    profile: Profile, as_of: date, rules: RuleSet, stage: str | None = None
) -> list[ChecklistEntry]:
    """A bare file's checklist: what it needs, with no progress recorded."""
    return [entry_for(r) for r in generate(profile, as_of, rules, stage)]


# How an item stands for the user, shown with a colour and a word: "done" (received or
# uploaded), "requested", "to_collect" (an application document before any invitation: a
# normal fact, not an alarm), "needed" (needed now), "expired" (its validity has ended),
# "not_needed" (kept only for its progress).
STANDINGS = ("done", "requested", "to_collect", "needed", "expired", "not_needed")


def standing(entry: ChecklistEntry, as_of: date, invited: bool) -> str:
    if entry.done:
        return "done"
    if not entry.needed:
        return "not_needed"
    if entry.expires_on is not None and entry.expires_on <= as_of:
        return "expired"
    if entry.status == "requested":
        return "requested"
    if entry.stage == "application" and not invited:
        return "to_collect"
    return "needed"


def progress(entries: list[ChecklistEntry]) -> tuple[int, int]:
    """(done, total) over the items still needed."""
    needed = [e for e in entries if e.needed]
    return sum(e.done for e in needed), len(needed)
