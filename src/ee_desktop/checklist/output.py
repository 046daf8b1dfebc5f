"""A checklist as JSON, or as text for the command line: what is received, grouped by
person and stage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ee_desktop.checklist.entry import ChecklistEntry, progress
from ee_desktop.checklist.model import STAGE_NAMES, STATUS_NAMES
from ee_desktop.i18n import _, format_date


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def entry_to_json(entry: ChecklistEntry) -> dict[str, Any]:
    """One item of the `checklist --json` list."""
    return {
        "key": entry.key,
        # Items with the same record_key are one document (the passport, language results or
        # ECA in both stages): one status, one set of files.
        "record_key": entry.record,
        "title": entry.title,
        "stage": entry.stage,
        "person": entry.person,
        "person_label": entry.person_label,
        "reason": entry.reason,
        "contents": list(entry.contents),
        "validity": entry.validity,
        "source": entry.source,
        "expires_on": _iso(entry.expires_on),
        "needed": entry.needed,
        "custom": entry.custom,
        "status": entry.status,
        "requested_on": _iso(entry.requested_on),
        "received_on": _iso(entry.received_on),
        "uploaded_on": _iso(entry.uploaded_on),
        "notes": entry.notes,
        "attachments": [a.filename for a in entry.attachments],
    }


def to_json(entries: Sequence[ChecklistEntry], as_of: date) -> dict[str, Any]:
    """The `checklist --json` object: the day, how many items are done, and the items."""
    done, total = progress(list(entries))
    return {
        "as_of": as_of.isoformat(),
        "done": done,
        "total": total,
        "items": [entry_to_json(e) for e in entries],
    }


def render_text(entries: Sequence[ChecklistEntry], as_of: date) -> str:
    """The items under a heading per person and stage, those no longer needed last."""
    done, total = progress(list(entries))
    lines = [
        _("Documents on {day}: {done} of {total} received.").format(
            day=format_date(as_of), done=done, total=total
        )
    ]
    group = None
    for entry in entries:
        stage = _(STAGE_NAMES[entry.stage])
        title = f"{entry.person_label} — {stage}" if entry.needed else _("No longer needed")
        if title != group:
            group = title
            lines.append(f"\n{title}")
        mark = "x" if entry.done else " "
        valid = (
            _(" (valid until {day})").format(day=format_date(entry.expires_on))
            if entry.expires_on
            else ""
        )
        status = _(STATUS_NAMES.get(entry.status, entry.status))
        lines.append(f"  [{mark}] {entry.title}{valid} — {status}")
        if entry.reason:
            lines.append(f"      {entry.reason}")
    return "\n".join(lines)
