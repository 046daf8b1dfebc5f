"""`ee-desktop deadlines`: every date that matters, soonest first; and a calendar file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.cli.context import (
    EXIT_OK,
    Active,
    as_of,
    load_document,
    rules_in_use,
    write_failed,
)
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "deadlines",
        _("every date that matters, soonest first"),
        _("a personal file (default: the active one, with your milestones)"),
    )
    p.add_argument(
        "--ics",
        type=Path,
        metavar="OUT",
        help=_("also write the dates to a calendar file (iCalendar)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, datetime

    from ee_desktop.deadlines import derive, to_ics
    from ee_desktop.deadlines.output import render_text, to_json

    day = as_of(args)
    if args.file is not None:  # the file and its milestones; no progress recorded
        profile, milestones = load_document(args.file)
        deadlines = derive(profile, day, milestones, rules=rules_in_use(args))
    else:
        with Active(args) as active:
            deadlines = active.services.deadlines.deadlines(day)
    if args.ics is not None:
        from ee_desktop.files import write_text_atomically

        events = deadlines  # done ones too, so a calendar updates them rather than keeps them
        try:
            write_text_atomically(args.ics, to_ics(events, datetime.now(UTC)))
        except (OSError, ValueError, OverflowError) as exc:
            raise write_failed(args.ics, exc) from None
        print(_("Wrote {n} dates to {path}.").format(n=len(events), path=args.ics), file=sys.stderr)
    if args.json:
        print(json.dumps(to_json(deadlines, day), indent=2, ensure_ascii=False))
    else:
        print(render_text(deadlines, day))
    return EXIT_OK
