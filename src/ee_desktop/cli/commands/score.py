"""`ee-desktop score`: the CRS score, programs and categories of a file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ee_desktop.cli.context import EXIT_OK, as_of, profile_for, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "score",
        _("the CRS score, programs and categories of a file"),
        _("a personal file (default: the active one in the database)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.rules import evaluate, evaluation_to_json, render_text

    profile = profile_for(args)
    evaluation = evaluate(profile, as_of(args), rules_in_use(args))
    if args.json:
        print(json.dumps(evaluation_to_json(evaluation), indent=2, ensure_ascii=False))
    else:
        print(render_text(evaluation))
    return EXIT_OK
