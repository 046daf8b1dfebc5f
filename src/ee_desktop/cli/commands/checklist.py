"""`ee-desktop checklist`: the documents to collect, and where each stands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, as_of, load_file, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "checklist",
        _("the documents to collect, and where each stands"),
        _("a personal file (default: the active one, with your progress)"),
    )
    p.add_argument(
        "--stage",
        choices=("profile", "application"),
        help=_("only the profile stage or the application stage"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.checklist import entries_for
    from ee_desktop.checklist.output import render_text, to_json

    day = as_of(args)
    if args.file is not None:  # the file alone: what it needs, no progress recorded
        entries = entries_for(load_file(args.file), day, rules_in_use(args), args.stage)
    else:
        with Active(args) as active:
            entries = active.services.checklist.entries(day, args.stage)
    if args.json:
        print(json.dumps(to_json(entries, day), indent=2, ensure_ascii=False))
    else:
        print(render_text(entries, day))
    return EXIT_OK
