"""What the store hands out: plain, decrypted values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ee_desktop.checklist.model import STATUS_NAMES


@dataclass(frozen=True, slots=True)
class Draft:
    """A personal file being edited: the format-v1 document so far, maybe incomplete."""

    file_id: int | None  # the file it will replace, or None for a new file
    page: str
    content: dict[str, Any]
    updated_at: datetime


CHECKLIST_STATUSES = tuple(STATUS_NAMES)


@dataclass(frozen=True, slots=True)
class CustomDeadlineRecord:
    id: int
    title: str
    due: date
    notes: str
    done: bool


@dataclass(frozen=True, slots=True)
class FileSummary:
    id: int
    label: str
    is_active: bool
    updated_at: datetime
