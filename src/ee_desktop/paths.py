"""Where ee-desktop keeps its files; the only module that asks platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ee-desktop"
DATA_DIR_ENV = "EE_DESKTOP_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override`` (``--data-dir``), then ``EE_DESKTOP_DATA_DIR``,
    then the platform's user data directory."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_path  # imported late: only needed without an override

    # appauthor=False avoids a doubled "ee-desktop/ee-desktop" folder on Windows.
    return user_data_path(APP_NAME, appauthor=False)


def database_path(directory: Path) -> Path:
    return directory / "ee-desktop.sqlite3"


def backups_dir(directory: Path) -> Path:
    return directory / "backups"


def rules_dir(directory: Path) -> Path:
    """Rules files the user installed on top of the built-in rules."""
    return directory / "rules"
