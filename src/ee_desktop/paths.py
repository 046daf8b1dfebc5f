"""Where ee-desktop keeps its files; the only module that asks platformdirs."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

APP_NAME = "ee-desktop"
DATA_DIR_ENV = "EE_DESKTOP_DATA_DIR"


def is_frozen() -> bool:
    """True inside the standalone app (PyInstaller's bootloader sets ``sys.frozen``).

    The bundle's own folder holds only code and shipped data: it may be read-only
    (/Applications, Program Files) and is replaced by each update, so the user's data
    goes where a normal install keeps it, and an update finds it there.
    """
    return bool(getattr(sys, "frozen", False))


def prepare_frozen_process(
    argv: Sequence[str], environ: MutableMapping[str, str] = os.environ
) -> list[str]:
    """Undo what the bundle's launcher adds, before anything else runs; returns the arguments.

    - Linux: the launcher puts the bundle's libraries first on LD_LIBRARY_PATH, and
      programs the app starts (the browser for a link, the viewer for a scan) would load
      them in place of the system's; it keeps the original value in LD_LIBRARY_PATH_ORIG.
      Our own process read the path when it started, so changing it now only affects them.
    - macOS: Finder on older systems adds a "-psn_…" process number that is no option.
    """
    if not is_frozen():
        return list(argv)
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        environ["LD_LIBRARY_PATH"] = original
    else:
        environ.pop("LD_LIBRARY_PATH", None)
    return [arg for arg in argv if not arg.startswith("-psn_")]


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
