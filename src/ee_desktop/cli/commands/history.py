"""`ee-desktop history`: the permanent-residence histories' gaps, overlaps and problems."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, Active, as_of, load_file
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "history",
        _("the permanent-residence histories: gaps, overlaps and problems, person by person"),
        _("a personal file (default: the active one)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.history.checks import check_history
    from ee_desktop.history.output import render_text, to_json

    day = as_of(args)
    if args.file is not None:
        report = check_history(load_file(args.file), day)
    else:
        with Active(args) as active:
            report = check_history(active.profile(), day)
    if args.json:
        print(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    else:
        print(render_text(report), end="")
    return EXIT_OK
