"""Persistence: an encrypted SQLite database of personal files and settings.

The names below load their module on first use: the database layer (SQLAlchemy) is slow to
import, and the window is drawn before the database is opened.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ee_desktop.store.errors import (
        DamagedDataError,
        InvalidPassphraseError,
        KeyUnavailableError,
        NewerDatabaseError,
        PassphraseRequiredError,
        StoreError,
        WrongPassphraseError,
    )
    from ee_desktop.store.keys import PassphraseSource
    from ee_desktop.store.repository import FileSummary, Store, open_store

_HOMES = {
    "DamagedDataError": "ee_desktop.store.errors",
    "InvalidPassphraseError": "ee_desktop.store.errors",
    "KeyUnavailableError": "ee_desktop.store.errors",
    "NewerDatabaseError": "ee_desktop.store.errors",
    "PassphraseRequiredError": "ee_desktop.store.errors",
    "StoreError": "ee_desktop.store.errors",
    "WrongPassphraseError": "ee_desktop.store.errors",
    "PassphraseSource": "ee_desktop.store.keys",
    "FileSummary": "ee_desktop.store.repository",
    "Store": "ee_desktop.store.repository",
    "open_store": "ee_desktop.store.repository",
}

__all__ = [
    "DamagedDataError",
    "FileSummary",
    "InvalidPassphraseError",
    "KeyUnavailableError",
    "NewerDatabaseError",
    "PassphraseRequiredError",
    "PassphraseSource",
    "Store",
    "StoreError",
    "WrongPassphraseError",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
