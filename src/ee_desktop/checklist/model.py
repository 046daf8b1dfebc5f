"""A checklist item: one document for one person at one stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.i18n import N_

STAGES: tuple[str, ...] = ("profile", "application")
STAGE_NAMES = {"profile": N_("profile"), "application": N_("application")}
# Where the user says a document stands; the last two count as done.
STATUS_NAMES = {
    "needed": N_("needed"),
    "requested": N_("requested"),
    "received": N_("received"),
    "uploaded": N_("uploaded to the application"),
}
DONE_STATUSES = ("received", "uploaded")


@dataclass(frozen=True, slots=True)
class Requirement:
    key: str  # stable across regenerations: saved states are keyed on it
    stage: str
    person: str  # "applicant", "spouse" or "child:<id>"
    person_label: str
    document: str  # document kind id from data/documents.toml
    title: str
    reason: str
    contents: tuple[str, ...]
    validity: str  # "" when the document does not expire
    source: str
    expires_on: date | None = None
    mandatory: bool = True
    # The key of the record the user's progress is kept in: ``key``, or for a profile item
    # that is the same document as an application item, that item's key (one shared record).
    record_key: str = ""
