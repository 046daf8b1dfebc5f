"""The user's progress on the document checklist, and attachments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ee_desktop.checklist.entry import Attachment, ChecklistRecord
from ee_desktop.store.base import StoreBase, now
from ee_desktop.store.models import AttachmentRow, ChecklistItemRow, new_row_key
from ee_desktop.store.records import CHECKLIST_STATUSES


class ChecklistStore(StoreBase):
    # -- the document checklist ------------------------------------------------------
    def _json(self, row: Any, column: str) -> dict[str, Any]:
        found = self._sealer.unseal_json(row, column)
        if not isinstance(found, dict):
            raise self._sealer.error(row, column)
        return found

    def checklist(self, file_id: int) -> list[ChecklistRecord]:
        """Every stored checklist item of a personal file, decrypted, oldest first."""
        k = self._sealer
        with Session(self._engine) as s:
            rows = s.scalars(
                select(ChecklistItemRow)
                .where(ChecklistItemRow.file_id == file_id)
                .options(selectinload(ChecklistItemRow.attachments))
                .order_by(ChecklistItemRow.id)
            ).all()
            return [
                ChecklistRecord(
                    id=r.id,
                    key=k.unseal_text(r, "item_key") or "",
                    custom=r.custom,
                    snapshot=self._json(r, "snapshot"),
                    status=r.status,
                    requested_on=r.requested_on,
                    received_on=r.received_on,
                    uploaded_on=r.uploaded_on,
                    notes=k.optional_text(r, "notes") or "",
                    attachments=tuple(
                        Attachment(
                            a.id,
                            k.optional_text(a, "filename") or "?",
                            a.vault_name,
                            a.size,
                            a.added_at,
                            other_language=bool(a.other_language),
                            translation=bool(a.translation),
                        )  # fmt: skip
                        for a in r.attachments
                    ),
                )
                for r in rows
            ]

    def add_checklist_item(
        self, file_id: int, key: str, snapshot: dict[str, Any], custom: bool = False
    ) -> int:
        k = self._sealer
        with Session(self._engine) as s, s.begin():
            row = ChecklistItemRow(
                file_id=file_id, custom=custom, status="needed", updated_at=now()
            )
            k.seal_text(row, "item_key", key)
            k.seal_json(row, "snapshot", snapshot)
            s.add(row)
            s.flush()
            return row.id

    def update_checklist_item(self, item_id: int, **changes: Any) -> None:
        """Change ``status``, ``requested_on``, ``received_on``, ``uploaded_on``, ``notes``
        or ``snapshot`` of one item, in one transaction."""
        k = self._sealer
        with Session(self._engine) as s, s.begin():
            row = s.get(ChecklistItemRow, item_id)
            if row is None:
                raise KeyError(item_id)
            for name, value in changes.items():
                if name == "status":
                    if value not in CHECKLIST_STATUSES:
                        raise ValueError(f"status: {value!r}")
                    row.status = value
                elif name in ("requested_on", "received_on", "uploaded_on"):
                    setattr(row, name, value)
                elif name == "notes":
                    k.seal_text(row, "notes", value or None)
                elif name == "snapshot":
                    k.seal_json(row, "snapshot", value)
                else:
                    raise TypeError(name)
            row.updated_at = now()

    def delete_checklist_item(self, item_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(ChecklistItemRow, item_id)
            if row is None:
                raise KeyError(item_id)
            names = [a.vault_name for a in row.attachments]
            s.delete(row)
        for name in names:  # after the commit: a crash leaves an orphan, never a dangling row
            self.vault.delete(name)

    def attach(self, item_id: int, source: Path) -> Attachment:
        """Copy ``source`` into the vault, encrypted, and record it on the item."""
        record = new_row_key()
        vault_name, size = self.vault.put(source, record)
        try:
            with Session(self._engine) as s, s.begin():
                row = AttachmentRow(
                    row_key=record, item_id=item_id, vault_name=vault_name, size=size,
                    added_at=now(),
                )  # fmt: skip
                self._sealer.seal_text(row, "filename", source.name)
                s.add(row)
                s.flush()
                return Attachment(row.id, source.name, vault_name, size, row.added_at)
        except BaseException:
            self.vault.delete(vault_name)
            raise

    def set_attachment_flags(
        self,
        attachment_id: int,
        other_language: bool | None = None,
        translation: bool | None = None,
    ) -> None:
        """Mark an attachment as not in English or French, and/or as a translation (None
        leaves a flag as it is)."""
        with Session(self._engine) as s, s.begin():
            row = s.get(AttachmentRow, attachment_id)
            if row is None:
                raise KeyError(attachment_id)
            if other_language is not None:
                row.other_language = other_language
            if translation is not None:
                row.translation = translation

    def remove_attachment(self, attachment_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(AttachmentRow, attachment_id)
            if row is None:
                raise KeyError(attachment_id)
            name = row.vault_name
            s.delete(row)
        self.vault.delete(name)
