"""Which documents a personal file needs, for the profile and for the application, and why.

The document rules are data (data/documents.toml); the code holds only the trigger
predicates that decide whom and what each rule applies to.
"""

from ee_desktop.checklist.build import generate
from ee_desktop.checklist.entry import (
    Attachment,
    ChecklistEntry,
    ChecklistRecord,
    entries_for,
    entry_for,
    merge_records,
    progress,
    standing,
)
from ee_desktop.checklist.model import (
    DONE_STATUSES,
    STAGE_NAMES,
    STAGES,
    STATUS_NAMES,
    Requirement,
)

__all__ = [
    "Attachment",
    "ChecklistEntry",
    "ChecklistRecord",
    "DONE_STATUSES",
    "STAGES",
    "STAGE_NAMES",
    "STATUS_NAMES",
    "Requirement",
    "entries_for",
    "entry_for",
    "generate",
    "merge_records",
    "progress",
    "standing",
]
