"""Errors the store reports to the user; each carries a sentence they can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Opening or using the database failed for a reason the user can act on."""


class WrongPassphraseError(StoreError):
    pass


class PassphraseRequiredError(StoreError):
    """No passphrase could be obtained (no keyring, no prompt, no environment variable)."""


class KeyUnavailableError(StoreError):
    """The key is kept in the system keyring, which cannot give it now."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app."""
