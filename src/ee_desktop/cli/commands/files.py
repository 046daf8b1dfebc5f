"""`ee-desktop files`: the personal files in the database, the active one marked."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, open_store
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("files", help=_("list the personal files in the database"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        files = store.files()
    finally:
        store.close()
    if not files:
        print(_("No personal files yet."))
    for f in files:
        marker = "*" if f.is_active else " "
        print(f"{marker} {f.id:>3}  {f.label}  ({f.updated_at:%Y-%m-%d %H:%M} UTC)")
    return EXIT_OK
