"""Encrypting a column's value bound to its place: table, column and row (see crypto.py).

``Sealer`` reads and writes the encrypted columns of a row; a value that does not decrypt
there (damaged, or moved from another row or column) raises ``DamagedDataError``, which names
the table, the column and the row, and says where the copies taken before updates are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ee_desktop.i18n import _
from ee_desktop.store.crypto import Cipher, DecryptionError, field_context
from ee_desktop.store.errors import DamagedDataError

T = TypeVar("T")


def damaged_message(where: str, backups: Path) -> str:
    return _(
        "The stored {where} cannot be read: it is damaged, or it was moved there from elsewhere. "
        "Restore a copy of the database from the backups folder: {backups}"
    ).format(where=where, backups=backups)


def place(table: str, column: str, row: int | None) -> str:
    """How a stored value is named to the user: ``people.given_names (row 3)``."""
    return _("{table}.{column} (row {row})").format(
        table=table, column=column, row="?" if row is None else row
    )


def left_out_message(where: str, backups: Path) -> str:
    return _(
        "Damaged and left out: {where}. Restore a copy of the database from the backups "
        "folder: {backups}"
    ).format(where=where, backups=backups)


class Sealer:
    def __init__(self, cipher: Cipher, backups: Path) -> None:
        self.c = cipher
        self.backups = backups
        # What was read without a damaged value (left out or empty), in the order found.
        self.damage: dict[str, None] = {}

    def optional(self, read: Callable[[], T], default: T) -> T:
        """``read()``, or ``default`` when a value it reads is damaged (noted in ``damage``):
        for values the rest can be used without."""
        try:
            return read()
        except DamagedDataError as exc:
            where = place(exc.table, exc.column, exc.row)
            self.damage[left_out_message(where, self.backups)] = None
            return default

    @staticmethod
    def _context(row: Any, column: str) -> bytes:
        return field_context(row.__tablename__, column, row.row_key)

    # -- writing ----------------------------------------------------------------------
    def seal(self, row: Any, column: str, data: bytes | None) -> None:
        """Set ``row.column`` to ``data`` encrypted for that place (None stays None)."""
        blob = None if data is None else self.c.encrypt(data, self._context(row, column))
        setattr(row, column, blob)

    def seal_text(self, row: Any, column: str, text: str | None) -> None:
        self.seal(row, column, None if text is None else text.encode("utf-8"))

    def seal_json(self, row: Any, column: str, value: Any) -> None:
        """``value`` as JSON; None is stored as NULL."""
        self.seal(row, column, None if value is None else json.dumps(value).encode())

    # -- reading ----------------------------------------------------------------------
    def error(self, row: Any, column: str) -> DamagedDataError:
        table = row.__tablename__
        row_id = getattr(row, "id", None)
        if row_id is None:
            row_id = getattr(row, "file_id", None)
        return DamagedDataError(
            damaged_message(place(table, column, row_id), self.backups), table, column, row_id
        )

    def unseal(self, row: Any, column: str) -> bytes | None:
        blob: bytes | None = getattr(row, column)
        if blob is None:
            return None
        try:
            return self.c.decrypt(blob, self._context(row, column))
        except DecryptionError:
            raise self.error(row, column) from None

    def unseal_text(self, row: Any, column: str) -> str | None:
        data = self.unseal(row, column)
        try:
            return None if data is None else data.decode("utf-8")
        except UnicodeDecodeError:
            raise self.error(row, column) from None

    def unseal_json(self, row: Any, column: str) -> Any:
        data = self.unseal(row, column)
        try:
            return None if data is None else json.loads(data)
        except ValueError:
            raise self.error(row, column) from None

    def optional_text(self, row: Any, column: str) -> str | None:
        """The text, or None when absent or damaged (noted)."""
        return self.optional(lambda: self.unseal_text(row, column), None)

    def optional_json(self, row: Any, column: str, default: Any) -> Any:
        """The JSON value, or ``default`` when absent or damaged (noted)."""
        found = self.optional(lambda: self.unseal_json(row, column), None)
        return default if found is None else found
