"""`ee-desktop use ID`: make another personal file the active one."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, UserError, open_store
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("use", help=_("make another personal file the active one"))
    p.add_argument("file_id", type=int, metavar="ID")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        store.set_active(args.file_id)
    except KeyError:
        raise UserError(
            [
                _("ID: there is no personal file {id}; `ee-desktop files` lists them.").format(
                    id=args.file_id
                )
            ]
        ) from None
    finally:
        store.close()
    return EXIT_OK
