"""The `ee-desktop` argument parser: the global options, then each command's own, which
the command's module adds itself (``register``); and the options commands share."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ee_desktop import __version__
from ee_desktop.i18n import _
from ee_desktop.profile.reader import EARLIEST_DATE, LATEST_DATE

if TYPE_CHECKING:
    from typing import TypeAlias

    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


class Command(Protocol):
    """A command's module: it adds its options to the parser and runs with them."""

    def register(self, subparsers: Subparsers) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser(commands: Iterable[Command]) -> argparse.ArgumentParser:
    """The parser, with the commands in the order given (the order of the help)."""
    parser = argparse.ArgumentParser(
        prog="ee-desktop",
        description=_("Your Express Entry file, score, documents and deadlines, offline."),
    )
    parser.add_argument("--version", action="version", version=f"ee-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "where the database lives (default: the platform's data folder; "
            "also EE_DESKTOP_DATA_DIR)"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "check that this copy of ee-desktop works (data, database, score, PDF, keyring, "
            "window) without opening a window or touching your data; exit 0 when it does"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        command.register(subparsers)
    return parser


def computing(
    subparsers: Subparsers, name: str, summary: str, file_help: str, with_json: bool = True
) -> argparse.ArgumentParser:
    """A command that works on FILE or the active personal file, on a date."""
    p = subparsers.add_parser(name, help=summary)
    p.add_argument("file", type=Path, nargs="?", metavar="FILE", help=file_help)
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help=_("evaluate on this date, YYYY-MM-DD (default: today)"),
    )
    if with_json:
        p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    return p


def iso_date(text: str) -> date:
    """The type of a date option: YYYY-MM-DD, within the dates a personal file takes."""
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(
            _("got {value!r}; expected a date written YYYY-MM-DD").format(value=text)
        )
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise argparse.ArgumentTypeError(
            _("got {value!r}; expected a date from {first} to {last}").format(
                value=text, first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()
            )
        )
    return day
