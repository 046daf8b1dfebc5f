"""The one door to persistence: personal files, drafts, checklist progress, deadlines and
settings in one encrypted database; each save is one transaction."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, selectinload

from ee_desktop.checklist.entry import Attachment, ChecklistRecord
from ee_desktop.paths import backups_dir, database_path
from ee_desktop.profile.milestones import Milestone
from ee_desktop.profile.model import Profile
from ee_desktop.store.base import now as _now
from ee_desktop.store.checklist_store import ChecklistStore
from ee_desktop.store.crypto import Cipher
from ee_desktop.store.database import (
    make_engine,
    migrate,
    read_meta_readonly,
    unreadable_message,
    write_meta,
)
from ee_desktop.store.deadline_store import DeadlineStore
from ee_desktop.store.errors import StoreError
from ee_desktop.store.keys import PassphraseSource, set_up_key, unlock
from ee_desktop.store.models import (
    AttachmentRow,
    ChecklistItemRow,
    DraftRow,
    PersonalFile,
    PersonRow,
)
from ee_desktop.store.pnp_store import PnpStore
from ee_desktop.store.records import (
    CHECKLIST_STATUSES,
    CustomDeadlineRecord,
    Draft,
    FileSummary,
)
from ee_desktop.store.rounds_store import RoundsStore

__all__ = [
    "CHECKLIST_STATUSES", "Attachment", "ChecklistRecord", "CustomDeadlineRecord", "Draft",
    "FileSummary", "Store", "open_store",
]  # fmt: skip


class Store(ChecklistStore, DeadlineStore, RoundsStore, PnpStore):
    """Personal files (several, one active) and settings in one encrypted database."""

    # -- personal files -------------------------------------------------------
    def files(self) -> list[FileSummary]:
        with Session(self._engine) as s:
            rows = s.scalars(select(PersonalFile).order_by(PersonalFile.id)).all()
            return [
                FileSummary(r.id, self._mapper.label(r), r.is_active, r.updated_at) for r in rows
            ]

    def active_id(self) -> int | None:
        with Session(self._engine) as s:
            return s.scalar(select(PersonalFile.id).where(PersonalFile.is_active))

    def load(self, file_id: int | None = None) -> Profile | None:
        """The personal file ``file_id`` (default: the active one), or None when there is none."""
        with Session(self._engine) as s:
            query = select(PersonalFile).options(
                selectinload(PersonalFile.people).selectinload(PersonRow.language_tests),
                selectinload(PersonalFile.people).selectinload(PersonRow.education),
                selectinload(PersonalFile.people).selectinload(PersonRow.jobs),
                selectinload(PersonalFile.people).selectinload(PersonRow.residences),
            )
            if file_id is None:
                query = query.where(PersonalFile.is_active)
            else:
                query = query.where(PersonalFile.id == file_id)
            row = s.scalar(query)
            return None if row is None else self._mapper.profile(row)

    def save(
        self,
        profile: Profile,
        file_id: int | None = None,
        *,
        finish_draft: bool = False,
        milestones: Sequence[Milestone] | None = None,
    ) -> int:
        """Replace the content of ``file_id`` (default: the active file, created if none).

        One transaction: either the whole new content is stored or, after any
        failure or a kill, the previous save is still there untouched. With
        ``finish_draft`` the wizard's draft is removed in the same transaction, and with
        ``milestones`` (an imported file's application) they replace the file's.
        """
        with Session(self._engine) as s, s.begin():
            if finish_draft:
                s.execute(delete(DraftRow))
            if file_id is None:
                row = s.scalar(select(PersonalFile).where(PersonalFile.is_active))
            else:
                row = s.get(PersonalFile, file_id)
                if row is None:
                    raise KeyError(file_id)
            if row is None:
                row = self._new_row(s, make_active=True)
            self._write_content(row, profile)
            s.flush()
            if milestones is not None:
                self._replace_milestones(s, row.id, milestones)
            if self.before_commit is not None:
                self.before_commit()
            return row.id

    def add(
        self,
        profile: Profile,
        make_active: bool = True,
        *,
        finish_draft: bool = False,
        milestones: Sequence[Milestone] = (),
    ) -> int:
        """Store ``profile`` as a new personal file (e.g. a partner's own file); with
        ``finish_draft`` the wizard's draft is removed in the same transaction."""
        with Session(self._engine) as s, s.begin():
            if finish_draft:
                s.execute(delete(DraftRow))
            row = self._new_row(s, make_active)
            self._write_content(row, profile)
            s.flush()
            self._replace_milestones(s, row.id, milestones)
            return row.id

    def _new_row(self, s: Session, make_active: bool) -> PersonalFile:
        has_active = s.scalar(select(PersonalFile.id).where(PersonalFile.is_active)) is not None
        if make_active:
            s.execute(update(PersonalFile).values(is_active=False))
        now = _now()
        row = PersonalFile(
            is_active=make_active or not has_active,
            created_at=now,
            updated_at=now,
            label=b"",
            first_official_language="auto",
        )
        s.add(row)
        return row

    def set_active(self, file_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            if s.get(PersonalFile, file_id) is None:
                raise KeyError(file_id)
            s.execute(update(PersonalFile).values(is_active=PersonalFile.id == file_id))

    def delete(self, file_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(PersonalFile, file_id)
            if row is None:
                raise KeyError(file_id)
            was_active = row.is_active
            attached = s.scalars(
                select(AttachmentRow.vault_name)
                .join(ChecklistItemRow)
                .where(ChecklistItemRow.file_id == file_id)
            ).all()
            s.delete(row)
            s.flush()
            if was_active:
                first = s.scalar(select(PersonalFile).order_by(PersonalFile.id))
                if first is not None:
                    first.is_active = True
        for name in attached:
            self.vault.delete(name)

    # -- the wizard's draft ---------------------------------------------------------
    def draft(self) -> Draft | None:
        with Session(self._engine) as s:
            row = s.scalar(select(DraftRow).order_by(DraftRow.updated_at.desc()))
            if row is None:
                return None
            content = self._sealer.optional_json(row, "content", None)
            if not isinstance(content, dict):
                return None  # damaged: noted, and the wizard starts afresh
            return Draft(row.file_id, row.page, content, row.updated_at)

    def save_draft(self, content: dict[str, Any], page: str, file_id: int | None) -> None:
        """Keep the wizard's work so far; there is one draft at a time."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(DraftRow))
            row = DraftRow(file_id=file_id, page=page, updated_at=_now())
            self._sealer.seal_json(row, "content", content)
            s.add(row)

    def discard_draft(self) -> None:
        with Session(self._engine) as s, s.begin():
            s.execute(delete(DraftRow))


def open_store(directory: Path, passphrases: PassphraseSource, use_keyring: bool = True) -> Store:
    """Open (or create) the database in ``directory``: unlock, back up, migrate.

    A new database keeps its key in the system keyring when one is usable, unless
    ``use_keyring`` is False (the self-test must leave no trace there).

    The key is checked before anything is written, so a wrong passphrase
    leaves the database exactly as it was.
    """
    old_umask = os.umask(0o077)  # the database and its backups are the user's alone
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = database_path(directory)
        meta = read_meta_readonly(path)
        if meta.get("key_mode"):
            key, new = unlock(meta, passphrases, backups_dir(directory)), False
        else:  # a new database: its key (and passphrase) first, so a refusal creates nothing
            (key, meta), new = set_up_key(passphrases, use_keyring), True
        engine = make_engine(path)
        try:
            migrate(engine, path, backups_dir(directory), None if new else Cipher(key))
            if new:
                write_meta(engine, meta)
        except DatabaseError as exc:
            engine.dispose()
            raise StoreError(unreadable_message(path, exc.orig or exc)) from None
        except BaseException:
            engine.dispose()
            raise
    finally:
        os.umask(old_umask)
    store = Store(engine, Cipher(key), path)
    store.key_mode = meta["key_mode"]
    return store
