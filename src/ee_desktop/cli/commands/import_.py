"""`ee-desktop import FILE`: a personal file (JSON) into the database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, load_document, open_store
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("import", help=_("import a personal file (JSON) into the database"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--new",
        action="store_true",
        help=_("add it as another personal file instead of replacing the active one"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    profile, milestones = load_document(args.file)  # validate before touching the database
    store = open_store(args)
    try:
        if args.new:
            file_id = store.add(profile, milestones=milestones or ())
        else:  # a file without an application section keeps the milestones recorded
            file_id = store.save(profile, milestones=milestones)
    finally:
        store.close()
    print(
        _("Imported {name} as personal file {id} (active).").format(
            name=profile.applicant.full_name, id=file_id
        )
    )
    return EXIT_OK
