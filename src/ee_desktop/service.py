"""Personal-file actions shared by the GUI, the command line and the tests."""

from __future__ import annotations

import os
from datetime import date
from importlib import resources
from pathlib import Path

from ee_desktop.profile import Profile, dumps, load
from ee_desktop.profile.overview import Section, overview
from ee_desktop.store import FileSummary, Store


def write_text_atomically(path: Path, text: str) -> None:
    """Write through a temporary file so an interruption never leaves half a file."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


class PersonalFileService:
    """Import, export and read the active personal file.

    Every input is validated in full before the database is touched, so a
    bad file changes nothing.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def current(self) -> Profile | None:
        return self.store.load()

    def files(self) -> list[FileSummary]:
        return self.store.files()

    def switch_to(self, file_id: int) -> None:
        self.store.set_active(file_id)

    def import_file(self, path: Path, *, today: date, as_new: bool = False) -> int:
        """Validate ``path`` and store it; raises ProfileError listing every problem."""
        profile = load(path, today=today)
        return self.store.add(profile) if as_new else self.store.save(profile)

    def export_file(self, path: Path) -> Profile:
        profile = self.store.load()
        if profile is None:
            raise LookupError("no personal file")
        write_text_atomically(path, dumps(profile))
        return profile

    @staticmethod
    def save_example(path: Path) -> None:
        """Write the example personal file (a married applicant with one child) to ``path``."""
        example = resources.files("ee_desktop.resources").joinpath("example-profile.json")
        write_text_atomically(path, example.read_text(encoding="utf-8"))

    def overview(self) -> list[Section] | None:
        profile = self.store.load()
        return None if profile is None else overview(profile)
