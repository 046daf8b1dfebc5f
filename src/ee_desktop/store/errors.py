"""Errors the store reports to the user; each carries a sentence they can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Opening or using the database failed for a reason the user can act on."""


class WrongPassphraseError(StoreError):
    pass


class PassphraseRequiredError(StoreError):
    """No passphrase could be obtained (no keyring, no prompt, no environment variable)."""


class InvalidPassphraseError(PassphraseRequiredError):
    """The passphrase given cannot be used: too short, or not valid text (UTF-8)."""


class KeyUnavailableError(StoreError):
    """The key is kept in the system keyring, which cannot give it now."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app."""


class DamagedDataError(StoreError):
    """A stored value does not decrypt: it is damaged, or it was moved there from another row,
    column or attachment. Names where it is and where copies are."""

    def __init__(self, message: str, table: str, column: str, row: int | None) -> None:
        super().__init__(message)
        self.table = table
        self.column = column
        self.row = row
