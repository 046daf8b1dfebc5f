"""The parts every store section shares: the engine, the cipher, the vault, settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ee_desktop.paths import backups_dir
from ee_desktop.profile.model import Profile
from ee_desktop.store.crypto import Cipher
from ee_desktop.store.mapping import RowMapper
from ee_desktop.store.models import AttachmentRow, PersonalFile, Setting
from ee_desktop.store.sealing import Sealer
from ee_desktop.store.vault import Vault


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoreBase:
    def __init__(self, engine: Engine, cipher: Cipher, path: Path) -> None:
        self._engine = engine
        self._sealer = Sealer(cipher, backups_dir(path.parent))
        self._mapper = RowMapper(self._sealer)
        self.path = path
        self.key_mode = ""
        self.vault = Vault(path.parent / "vault", cipher, self._attachment_record)
        self.vault.remove_partial_files()  # left by a kill during an attach
        # Called inside a save's transaction just before commit (tests simulate crashes here).
        self.before_commit: Callable[[], None] | None = None

    def _write_content(self, row: PersonalFile, profile: Profile) -> None:
        """Replace a file's content inside the caller's transaction."""
        self._mapper.fill_file(row, profile, profile.applicant.full_name)
        row.updated_at = now()

    def _attachment_record(self, vault_name: str) -> str:
        """The row key of the attachment stored in the vault as ``vault_name``."""
        with Session(self._engine) as s:
            found = s.scalar(
                select(AttachmentRow.row_key).where(AttachmentRow.vault_name == vault_name)
            )
        if found is None:
            raise KeyError(vault_name)
        return found

    def damage_notes(self) -> list[str]:
        """One sentence per damaged value left out (or shown empty) of what was read so far,
        naming it and the backups folder; for the caller to show beside what it shows."""
        return list(self._sealer.damage)

    def close(self) -> None:
        self.vault.close()
        self._engine.dispose()

    # -- settings ---------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        with Session(self._engine) as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set_setting(self, key: str, value: Any) -> None:
        with Session(self._engine) as s, s.begin():
            s.merge(Setting(key=key, value=json.dumps(value)))
