"""The active personal file: the one place that asks whether there is one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ee_desktop.i18n import N_, _

if TYPE_CHECKING:
    from ee_desktop.profile import Profile
    from ee_desktop.store import Store

NO_PERSONAL_FILE = N_(
    "There is no personal file yet. Import one with `ee-desktop import FILE` or create it "
    "in the app."
)


class NoPersonalFile(LookupError):
    """An action needs a personal file and there is none yet; the message says what to do."""

    def __init__(self) -> None:
        super().__init__(_(NO_PERSONAL_FILE))


class ActiveFile:
    """The store, seen through the personal file the user works on."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def id_or_none(self) -> int | None:
        return self.store.active_id()

    def profile_or_none(self) -> Profile | None:
        return self.store.load()

    def id(self) -> int:
        """The active file's id; NoPersonalFile when there is none."""
        file_id = self.store.active_id()
        if file_id is None:
            raise NoPersonalFile()
        return file_id

    def profile(self) -> Profile:
        """The active file; NoPersonalFile when there is none."""
        profile = self.store.load()
        if profile is None:
            raise NoPersonalFile()
        return profile
