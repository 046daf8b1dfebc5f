"""`ee-desktop report -o OUT.pdf`: the profile worksheet, the checklist and the deadline
list as PDF; `--kind forms`: the permanent residence forms worksheet (each person's
histories and family, for the application after an invitation)."""

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
        "report",
        _("PDF: profile worksheet, checklist, deadline list"),
        _("a personal file (default: the active one, with your progress)"),
        with_json=False,
    )
    p.add_argument(
        "--kind",
        choices=("worksheet", "checklist", "deadlines", "all", "forms"),
        default="all",
        help=_(
            "which report (default: all three in one PDF); forms = permanent residence forms "
            "worksheet: each person's histories and family"
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.pdf",
        required=True,
        help=_("where to write the PDF"),
    )
    p.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help=_("paper size (default: a4)")
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ee_desktop.services.report import input_for_file, write_report

    day = as_of(args)
    if args.file is not None:
        profile, milestones = load_document(args.file)
        data = input_for_file(profile, day, rules_in_use(args), milestones or ())
    else:
        with Active(args) as active:
            data = active.services.reports.input(day)
    try:
        write_report(args.output, data, args.kind, args.paper)
    except (OSError, ValueError, OverflowError) as exc:
        raise write_failed(args.output, exc) from None
    print(_("Wrote {path}.").format(path=args.output), file=sys.stderr)
    return EXIT_OK
