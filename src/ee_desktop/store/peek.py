"""Read one plain setting before the database layer is loaded: the window opens at its
saved size and place while the encrypted data is still being opened."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ee_desktop.paths import database_path


def peek_setting(directory: Path, key: str) -> Any:
    """The setting's value, or None when there is no database, no such setting or any
    problem reading it (the caller falls back to its default; the store reads it properly
    once open)."""
    path = database_path(directory)
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
        return None if row is None else json.loads(row[0])
    except (sqlite3.Error, ValueError, TypeError):
        return None
