"""The one door to persistence: personal files and settings, each save one transaction."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, selectinload

from ee_desktop.paths import backups_dir, database_path
from ee_desktop.profile.model import Profile
from ee_desktop.store.crypto import Cipher
from ee_desktop.store.database import (
    make_engine,
    migrate,
    read_meta_readonly,
    unreadable_message,
    write_meta,
)
from ee_desktop.store.errors import StoreError
from ee_desktop.store.keys import PassphraseSource, set_up_key, unlock
from ee_desktop.store.mapping import RowMapper
from ee_desktop.store.models import (
    AttachmentRow,
    ChecklistItemRow,
    CustomDeadlineRow,
    DraftRow,
    MilestoneRow,
    PersonalFile,
    PersonRow,
    Setting,
)
from ee_desktop.store.vault import Vault


@dataclass(frozen=True, slots=True)
class Draft:
    """A personal file being edited: the format-v1 document so far, maybe incomplete."""

    file_id: int | None  # the file it will replace, or None for a new file
    page: str
    content: dict[str, Any]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Attachment:
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


CHECKLIST_STATUSES = ("needed", "requested", "received", "uploaded")


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


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _label_for(profile: Profile) -> str:
    return profile.applicant.full_name


class Store:
    """Personal files (several, one active) and settings in one encrypted database."""

    def __init__(self, engine: Engine, cipher: Cipher, path: Path) -> None:
        self._engine = engine
        self._mapper = RowMapper(cipher)
        self.path = path
        self.key_mode = ""
        self.vault = Vault(path.parent / "vault", cipher)
        # Called inside a save's transaction just before commit (tests simulate crashes here).
        self.before_commit: Callable[[], None] | None = None

    def close(self) -> None:
        self.vault.close()
        self._engine.dispose()

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
        self, profile: Profile, file_id: int | None = None, *, finish_draft: bool = False
    ) -> int:
        """Replace the content of ``file_id`` (default: the active file, created if none).

        One transaction: either the whole new content is stored or, after any
        failure or a kill, the previous save is still there untouched. With
        ``finish_draft`` the wizard's draft is removed in the same transaction.
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
            self._mapper.fill_file(row, profile, _label_for(profile))
            row.updated_at = _now()
            s.flush()
            if self.before_commit is not None:
                self.before_commit()
            return row.id

    def add(self, profile: Profile, make_active: bool = True, *, finish_draft: bool = False) -> int:
        """Store ``profile`` as a new personal file (e.g. a partner's own file); with
        ``finish_draft`` the wizard's draft is removed in the same transaction."""
        with Session(self._engine) as s, s.begin():
            if finish_draft:
                s.execute(delete(DraftRow))
            row = self._new_row(s, make_active)
            self._mapper.fill_file(row, profile, _label_for(profile))
            s.flush()
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
            content = json.loads(self._mapper.c.decrypt(row.content))
            return Draft(row.file_id, row.page, content, row.updated_at)

    def save_draft(self, content: dict[str, Any], page: str, file_id: int | None) -> None:
        """Keep the wizard's work so far; there is one draft at a time."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(DraftRow))
            s.add(
                DraftRow(
                    file_id=file_id,
                    page=page,
                    updated_at=_now(),
                    content=self._mapper.c.encrypt(json.dumps(content).encode()),
                )
            )

    def discard_draft(self) -> None:
        with Session(self._engine) as s, s.begin():
            s.execute(delete(DraftRow))

    # -- the document checklist ------------------------------------------------------
    def _json(self, blob: bytes) -> dict[str, Any]:
        return dict(json.loads(self._mapper.c.decrypt(blob)))

    def checklist(self, file_id: int) -> list[ChecklistRecord]:
        """Every stored checklist item of a personal file, decrypted, oldest first."""
        c = self._mapper.c
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
                    key=c.decrypt(r.item_key).decode(),
                    custom=r.custom,
                    snapshot=self._json(r.snapshot),
                    status=r.status,
                    requested_on=r.requested_on,
                    received_on=r.received_on,
                    uploaded_on=r.uploaded_on,
                    notes=c.decrypt_text(r.notes) or "",
                    attachments=tuple(
                        Attachment(
                            a.id, c.decrypt(a.filename).decode(), a.vault_name, a.size, a.added_at
                        )
                        for a in r.attachments
                    ),
                )
                for r in rows
            ]

    def add_checklist_item(
        self, file_id: int, key: str, snapshot: dict[str, Any], custom: bool = False
    ) -> int:
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = ChecklistItemRow(
                file_id=file_id,
                item_key=c.encrypt(key.encode()),
                custom=custom,
                snapshot=c.encrypt(json.dumps(snapshot).encode()),
                status="needed",
                updated_at=_now(),
            )
            s.add(row)
            s.flush()
            return row.id

    def update_checklist_item(self, item_id: int, **changes: Any) -> None:
        """Change ``status``, ``requested_on``, ``received_on``, ``uploaded_on``, ``notes``
        or ``snapshot`` of one item, in one transaction."""
        c = self._mapper.c
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
                    row.notes = c.encrypt_text(value or None)
                elif name == "snapshot":
                    row.snapshot = c.encrypt(json.dumps(value).encode())
                else:
                    raise TypeError(name)
            row.updated_at = _now()

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
        vault_name, size = self.vault.put(source)
        try:
            with Session(self._engine) as s, s.begin():
                row = AttachmentRow(
                    item_id=item_id,
                    filename=self._mapper.c.encrypt(source.name.encode()),
                    vault_name=vault_name,
                    size=size,
                    added_at=_now(),
                )
                s.add(row)
                s.flush()
                return Attachment(row.id, source.name, vault_name, size, row.added_at)
        except BaseException:
            self.vault.delete(vault_name)
            raise

    def remove_attachment(self, attachment_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(AttachmentRow, attachment_id)
            if row is None:
                raise KeyError(attachment_id)
            name = row.vault_name
            s.delete(row)
        self.vault.delete(name)

    # -- milestones and the user's own deadlines -----------------------------------------
    def milestones(self, file_id: int) -> dict[str, tuple[date, ...]]:
        with Session(self._engine) as s:
            rows = s.scalars(
                select(MilestoneRow)
                .where(MilestoneRow.file_id == file_id)
                .order_by(MilestoneRow.on, MilestoneRow.id)
            ).all()
        found: dict[str, tuple[date, ...]] = {}
        for row in rows:
            found[row.name] = (*found.get(row.name, ()), row.on)
        return found

    def set_milestone(self, file_id: int, name: str, on: date | None) -> None:
        """Record the one date of a milestone (None clears it)."""
        with Session(self._engine) as s, s.begin():
            s.execute(
                delete(MilestoneRow).where(
                    MilestoneRow.file_id == file_id, MilestoneRow.name == name
                )
            )
            if on is not None:
                s.add(MilestoneRow(file_id=file_id, name=name, on=on))

    def add_milestone(self, file_id: int, name: str, on: date) -> None:
        """Add one more date to a milestone that can happen several times."""
        with Session(self._engine) as s, s.begin():
            s.add(MilestoneRow(file_id=file_id, name=name, on=on))

    def remove_milestone(self, file_id: int, name: str, on: date) -> None:
        with Session(self._engine) as s, s.begin():
            s.execute(
                delete(MilestoneRow).where(
                    MilestoneRow.file_id == file_id,
                    MilestoneRow.name == name,
                    MilestoneRow.on == on,
                )
            )

    def custom_deadlines(self, file_id: int) -> list[CustomDeadlineRecord]:
        c = self._mapper.c
        with Session(self._engine) as s:
            rows = s.scalars(
                select(CustomDeadlineRow)
                .where(CustomDeadlineRow.file_id == file_id)
                .order_by(CustomDeadlineRow.due, CustomDeadlineRow.id)
            ).all()
            return [
                CustomDeadlineRecord(
                    r.id,
                    c.decrypt(r.title).decode(),
                    r.due,
                    c.decrypt_text(r.notes) or "",
                    r.done,
                )
                for r in rows
            ]

    def add_custom_deadline(self, file_id: int, title: str, due: date, notes: str = "") -> int:
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = CustomDeadlineRow(
                file_id=file_id,
                title=c.encrypt(title.encode()),
                due=due,
                notes=c.encrypt_text(notes or None),
                done=False,
            )
            s.add(row)
            s.flush()
            return row.id

    def update_custom_deadline(self, deadline_id: int, **changes: Any) -> None:
        c = self._mapper.c
        with Session(self._engine) as s, s.begin():
            row = s.get(CustomDeadlineRow, deadline_id)
            if row is None:
                raise KeyError(deadline_id)
            for name, value in changes.items():
                if name == "title":
                    row.title = c.encrypt(str(value).encode())
                elif name == "notes":
                    row.notes = c.encrypt_text(value or None)
                elif name in ("due", "done"):
                    setattr(row, name, value)
                else:
                    raise TypeError(name)

    def delete_custom_deadline(self, deadline_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            row = s.get(CustomDeadlineRow, deadline_id)
            if row is None:
                raise KeyError(deadline_id)
            s.delete(row)

    # -- settings ---------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        with Session(self._engine) as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set_setting(self, key: str, value: Any) -> None:
        with Session(self._engine) as s, s.begin():
            s.merge(Setting(key=key, value=json.dumps(value)))


def open_store(directory: Path, passphrases: PassphraseSource) -> Store:
    """Open (or create) the database in ``directory``: unlock, back up, migrate.

    The key is checked before anything is written, so a wrong passphrase
    leaves the database exactly as it was.
    """
    old_umask = os.umask(0o077)  # the database and its backups are the user's alone
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = database_path(directory)
        meta = read_meta_readonly(path)
        key = unlock(meta, passphrases) if meta.get("key_mode") else None
        engine = make_engine(path)
        try:
            migrate(engine, path, backups_dir(directory))
            if key is None:
                key, meta = set_up_key(passphrases)
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
