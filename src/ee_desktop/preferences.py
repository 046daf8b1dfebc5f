"""Preferences needed before the database is unlocked: for now, the language.

They live in ``preferences.json`` beside the database, in the clear: the passphrase
dialog must already speak the user's language, and a language choice is not personal
data. A damaged or missing file means "no choice made", never an error.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ee_desktop.i18n import LANGUAGE_NAMES, system_language

PREFERENCES_FILE = "preferences.json"
LANGUAGE_KEY = "language"


def _path(directory: Path) -> Path:
    return directory / PREFERENCES_FILE


def _load(directory: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(_path(directory).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save(directory: Path, preferences: dict[str, Any]) -> None:
    """Write through a temporary file and a rename: a crash leaves the old file or the new."""
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".preferences-", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(preferences, stream, indent=2, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, _path(directory))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def language_choice(directory: Path) -> str | None:
    """The language the user chose ("en", "fr"), or None to follow the system."""
    chosen = _load(directory).get(LANGUAGE_KEY)
    return chosen if isinstance(chosen, str) and chosen in LANGUAGE_NAMES else None


def set_language_choice(directory: Path, language: str | None) -> None:
    """Remember ``language``; None goes back to following the system."""
    preferences = _load(directory)
    if language is None:
        preferences.pop(LANGUAGE_KEY, None)
    elif language in LANGUAGE_NAMES:
        preferences[LANGUAGE_KEY] = language
    else:
        raise ValueError(f"unknown language {language!r}")
    _save(directory, preferences)


def language_to_use(directory: Path, system_preferred: Sequence[str] = ()) -> str:
    """The user's choice when there is one, else the system's language when the app
    speaks it, else English."""
    return language_choice(directory) or system_language(preferred=system_preferred)
