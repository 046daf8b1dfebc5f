"""Persistence: an encrypted SQLite database of personal files and settings."""

from ee_desktop.store.errors import (
    KeyUnavailableError,
    NewerDatabaseError,
    PassphraseRequiredError,
    StoreError,
    WrongPassphraseError,
)
from ee_desktop.store.keys import PassphraseSource
from ee_desktop.store.repository import FileSummary, Store, open_store

__all__ = [
    "FileSummary",
    "KeyUnavailableError",
    "NewerDatabaseError",
    "PassphraseRequiredError",
    "PassphraseSource",
    "Store",
    "StoreError",
    "WrongPassphraseError",
    "open_store",
]
