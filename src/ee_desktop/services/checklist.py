"""The document checklist as the user sees it: what the file needs, merged with their progress.

The items are regenerated from the personal file on every read, so they always
follow the file; the user's side (status, dates, notes, attachments) is stored
by item key and survives any regeneration. Items that the file no longer needs
keep their progress in a group of their own.

The profile and application items of one document (passport, language results, ECA)
share one record (checklist.data.record_key): a row saved under either item's key is read
for both, and a change to one shows in the other.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ee_desktop.checklist import ChecklistEntry, entry_for, generate
from ee_desktop.checklist.data import record_key
from ee_desktop.checklist.entry import Attachment, ChecklistRecord
from ee_desktop.i18n import _
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.rules import RulesService

if TYPE_CHECKING:  # imported when a package is made: pypdf and Pillow are slow to import
    from ee_desktop.services.package import PackageReport, Progress

EXPIRING_SETTING = "checklist/expiring_days"
DEFAULT_EXPIRING_DAYS = 90
CUSTOM_PREFIX = "custom:"


class ChecklistService:
    def __init__(self, active: ActiveFile, rules: RulesService) -> None:
        self.active = active
        self.store = active.store
        self.rules = rules

    @property
    def expiring_days(self) -> int:
        return int(self.store.setting(EXPIRING_SETTING, DEFAULT_EXPIRING_DAYS))

    def entries(self, as_of: date, stage: str | None = None) -> list[ChecklistEntry]:
        """The active file's checklist: needed items in document order, then the user's own
        items, then those no longer needed."""
        profile = self.active.profile_or_none()
        file_id = self.active.id_or_none()
        if profile is None or file_id is None:
            return []
        records = self.store.checklist(file_id)
        shared: dict[str, list[ChecklistRecord]] = {}
        for record in records:
            if not record.custom:
                shared.setdefault(record_key(record.key), []).append(record)
        out = []
        used: set[int] = set()
        for requirement in generate(profile, as_of, self.rules.rules, stage):
            rows = shared.get(requirement.record_key, [])
            used.update(r.id for r in rows)
            out.append(entry_for(requirement, *rows))
        rest = [r for r in records if r.id not in used]
        custom = [r for r in rest if r.custom]
        gone = [r for r in rest if not r.custom]
        for record in custom + gone:
            if stage is not None and record.snapshot.get("stage") != stage:
                continue
            out.append(self._from_record(record, needed=record.custom))
        return out

    @staticmethod
    def _from_record(record: ChecklistRecord, needed: bool) -> ChecklistEntry:
        snap = record.snapshot
        reason = (
            snap.get("reason", "")
            if record.custom
            else _(
                "Your personal file no longer needs this document. Your progress is kept; remove "
                "the item when you are sure."
            )
        )
        return ChecklistEntry(
            key=record.key,
            record_key=record.key if record.custom else record_key(record.key),
            title=snap.get("title", ""),
            stage=snap.get("stage", "profile"),
            person=snap.get("person", "applicant"),
            person_label=snap.get("person_label", ""),
            reason=reason,
            needed=needed,
            custom=record.custom,
            record_id=record.id,
            status=record.status,
            requested_on=record.requested_on,
            received_on=record.received_on,
            uploaded_on=record.uploaded_on,
            notes=record.notes,
            attachments=record.attachments,
        )

    # -- changes ------------------------------------------------------------------------------
    def _record_id(self, entry: ChecklistEntry) -> int:
        """The stored row for ``entry``, created the first time the user records something."""
        if entry.record_id is not None:
            return entry.record_id
        file_id = self.active.id()
        for record in self.store.checklist(file_id):  # created meanwhile by an earlier action
            if record.key == entry.key or (
                not record.custom and record_key(record.key) == entry.record
            ):
                return record.id
        snapshot = {
            "title": entry.title,
            "stage": entry.stage,
            "person": entry.person,
            "person_label": entry.person_label,
        }
        return self.store.add_checklist_item(file_id, entry.key, snapshot)

    def set_status(self, entry: ChecklistEntry, status: str, on: date) -> int:
        """Change the status; the date of the step is filled in when it is still empty."""
        item = self._record_id(entry)
        changes: dict[str, Any] = {"status": status}
        field_for = {
            "requested": "requested_on",
            "received": "received_on",
            "uploaded": "uploaded_on",
        }
        if status in field_for and getattr(entry, field_for[status]) is None:
            changes[field_for[status]] = on
        self._update(entry, item, **changes)
        return item

    def _update(self, entry: ChecklistEntry, item: int, **changes: Any) -> None:
        """Write to the record and to any other row of the same shared record."""
        for row in (item, *entry.shared_ids):
            self.store.update_checklist_item(row, **changes)

    def set_dates(self, entry: ChecklistEntry, **dates: date | None) -> int:
        item = self._record_id(entry)
        self._update(entry, item, **dates)
        return item

    def set_notes(self, entry: ChecklistEntry, notes: str) -> int:
        item = self._record_id(entry)
        self._update(entry, item, notes=notes)
        return item

    def invited(self) -> bool:
        """Whether an invitation to apply is recorded: application documents are needed
        now, not only to collect."""
        file_id = self.active.id_or_none()
        return file_id is not None and bool(self.store.milestones(file_id).get("invitation"))

    def attach(self, entry: ChecklistEntry, source: Path) -> Attachment:
        return self.store.attach(self._record_id(entry), source)

    def set_attachment_flags(
        self,
        attachment: Attachment,
        other_language: bool | None = None,
        translation: bool | None = None,
    ) -> None:
        """Mark the file as not in English or French, and/or as a certified translation
        (None leaves a flag as it is); the upload package checks that a document in another
        language has its translation attached."""
        self.store.set_attachment_flags(attachment.id, other_language, translation)

    def open_attachment(self, attachment: Attachment) -> Path:
        return self.store.vault.open_copy(attachment.vault_name, attachment.filename)

    def remove_attachment(self, attachment: Attachment) -> None:
        self.store.remove_attachment(attachment.id)

    def read_attachment(self, attachment: Attachment) -> bytes:
        """The attached file's content, decrypted in memory; raises VaultError."""
        return self.store.vault.read(attachment.vault_name)

    def package(
        self,
        as_of: date,
        folder: Path,
        stage: str | None = None,
        max_mb: float | None = None,
        progress: Progress | None = None,
    ) -> PackageReport:
        """The upload package of the items with attached files (services.package)."""
        from ee_desktop.package import DEFAULT_MAX_MB
        from ee_desktop.services.package import prepare_package

        return prepare_package(
            self, as_of, folder, stage, DEFAULT_MAX_MB if max_mb is None else max_mb, progress
        )

    def add_custom(
        self, title: str, stage: str, person: str, person_label: str, reason: str = ""
    ) -> int:
        file_id = self.active.id()
        snapshot = {
            "title": title,
            "stage": stage,
            "person": person,
            "person_label": person_label,
            "reason": reason,
        }
        return self.store.add_checklist_item(
            file_id, CUSTOM_PREFIX + uuid.uuid4().hex, snapshot, custom=True
        )

    def remove(self, entry: ChecklistEntry) -> None:
        """Delete the user's own item or one no longer needed, with its attachments."""
        if entry.needed and not entry.custom:
            raise ValueError("a needed item cannot be removed")
        if entry.record_id is not None:
            for row in (entry.record_id, *entry.shared_ids):
                self.store.delete_checklist_item(row)
