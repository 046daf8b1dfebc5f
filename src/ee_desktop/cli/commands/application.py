"""`ee-desktop application`: the application for permanent residence, its stage, countdown,
blockers and timeline."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, as_of, load_document, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "application",
        _("the application for permanent residence: stage, countdown, blockers, timeline"),
        _("a personal file (default: the active one, with your milestones and progress)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.application import assess
    from ee_desktop.application.output import render_text, to_json
    from ee_desktop.services import NoPersonalFile

    day = as_of(args)
    if args.file is not None:  # the file and its milestones; no checklist progress recorded
        profile, milestones = load_document(args.file)
        status = assess(profile, day, milestones or (), rules=rules_in_use(args))
    else:
        with Active(args) as active:
            found = active.services.application.status(day)
        if found is None:  # Active has made sure there is a personal file
            raise NoPersonalFile
        status = found
    if args.json:
        print(json.dumps(to_json(status), indent=2, ensure_ascii=False))
    else:
        print(render_text(status), end="")
    return EXIT_OK
