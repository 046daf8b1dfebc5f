"""What the commands share: the store and the services of the active personal file, the
file a command works on (FILE or the active one), the rules in use, and how a command
ends on a problem with the user's input (UserError and the exit statuses)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.i18n import _
from ee_desktop.paths import data_dir

if TYPE_CHECKING:  # imported where used: the store and the rules are slow to import
    from ee_desktop.profile import Profile
    from ee_desktop.profile.milestones import Milestone
    from ee_desktop.rules import RuleSet
    from ee_desktop.services import Services
    from ee_desktop.store import Store

PASSPHRASE_ENV = "EE_DESKTOP_PASSPHRASE"
EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2


class UserError(Exception):
    """Ends the command with one message per line and the given exit status."""

    def __init__(self, lines: Sequence[str], status: int = EXIT_INPUT) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)
        self.status = status


class TerminalPassphrases:
    """Passphrase from EE_DESKTOP_PASSPHRASE, else asked at the terminal when there is one."""

    def existing(self) -> str | None:
        if PASSPHRASE_ENV in os.environ:
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            return None
        return getpass.getpass(_("Passphrase for your ee-desktop data: "))

    def new(self) -> str | None:
        if PASSPHRASE_ENV in os.environ:
            return os.environ[PASSPHRASE_ENV]
        if not sys.stdin.isatty():
            return None
        print(
            _(
                "No system keyring is available: choose a passphrase to protect your data.\n"
                "There is no way to recover it if it is lost."
            ),
            file=sys.stderr,
        )
        for _attempt in range(3):
            first = getpass.getpass(_("New passphrase: "))
            if first == getpass.getpass(_("Repeat it: ")):
                return first
            print(_("The two entries differ; try again."), file=sys.stderr)
        return None


def open_store(args: argparse.Namespace) -> Store:
    """The database of ``--data-dir``; a wrong passphrase or an unusable store is a UserError."""
    from ee_desktop.store import (
        DamagedDataError,
        InvalidPassphraseError,
        StoreError,
        WrongPassphraseError,
    )
    from ee_desktop.store import open_store as open_database

    try:
        return open_database(data_dir(args.data_dir), TerminalPassphrases())
    except (WrongPassphraseError, InvalidPassphraseError, DamagedDataError) as exc:
        raise UserError([str(exc)], EXIT_INPUT) from None
    except StoreError as exc:
        raise UserError([str(exc)], EXIT_FAILURE) from None


class Active:
    """The active personal file's services, for commands run without FILE."""

    def __init__(self, args: argparse.Namespace) -> None:
        from ee_desktop.services import NoPersonalFile, Services

        self.store = open_store(args)
        self.services: Services = Services.open(
            self.store, self.store.path.parent, lambda: args.as_of or date.today()
        )
        if self.services.active.profile_or_none() is None:
            self.store.close()
            raise NoPersonalFile

    def profile(self) -> Profile:
        return self.services.active.profile()

    def __enter__(self) -> Active:
        return self

    def __exit__(self, *_exc: object) -> None:
        _tell_damage(self.store)
        self.store.close()


def _tell_damage(store: Store) -> None:
    """Damaged values were left out of what the command used: say which, on stderr."""
    for note in dict.fromkeys(store.damage_notes()):
        print(note, file=sys.stderr)


def as_of(args: argparse.Namespace) -> date:
    """The day given with --as-of, else today."""
    day: date = args.as_of or date.today()
    return day


def profile_for(args: argparse.Namespace) -> Profile:
    """FILE when given (the database is not opened), else the active personal file."""
    if args.file is not None:
        return load_file(args.file)
    return active_profile(args)


def active_profile(args: argparse.Namespace) -> Profile:
    store = open_store(args)
    try:
        profile = store.load()
        _tell_damage(store)
    finally:
        store.close()
    if profile is None:
        from ee_desktop.services import NoPersonalFile

        raise NoPersonalFile
    return profile


def rules_in_use(args: argparse.Namespace) -> RuleSet:
    """The built-in rules with the usable rules files installed in the data folder."""
    from ee_desktop.rules import RulesError, load_rules
    from ee_desktop.services.rules import installed_rules_paths

    try:
        return load_rules(installed_rules_paths(data_dir(args.data_dir)))
    except RulesError as exc:
        raise UserError([str(p) for p in exc.problems], EXIT_FAILURE) from None


def load_file(path: Path) -> Profile:
    return load_document(path)[0]


def load_document(path: Path) -> tuple[Profile, tuple[Milestone, ...] | None]:
    """The file and the milestones of its application section (None when it has none).
    Each problem is a UserError line that names its field."""
    from ee_desktop.profile import ProfileError
    from ee_desktop.profile.codec import load_document as read_document

    try:
        return read_document(path, today=date.today())
    except ProfileError as exc:
        raise UserError([str(problem) for problem in exc.problems]) from None


def write_failed(path: Path, exc: Exception) -> UserError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return UserError(
        [_("{path}: cannot write the file ({reason})").format(path=path, reason=reason)],
        EXIT_FAILURE,
    )
