"""`ee-desktop strategy`: what raises the score most, how soon, against recent rounds."""

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
        "strategy",
        _("what raises the score most, how soon, against recent rounds"),
        _("a personal file (default: the active one, with your rounds)"),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.rules import evaluate
    from ee_desktop.strategy import (
        advice,
        builtin_rounds,
        cut_offs,
        full_plan,
        projection,
        qualifying_round_types,
        standing,
    )
    from ee_desktop.strategy.output import render_text, to_json

    day = as_of(args)
    if args.file is not None:
        profile, rules, rounds = load_file(args.file), rules_in_use(args), list(builtin_rounds())
    else:
        with Active(args) as active:
            service = active.services.strategy
            profile, rules, rounds = active.profile(), active.services.rules.rules, service.rounds()
    evaluation = evaluate(profile, day, rules)
    qualifying = set(qualifying_round_types(evaluation))
    cuts = [c for c in cut_offs(rounds, day) if c.round_type in qualifying]
    found = full_plan(profile, day, rounds, rules)
    points = projection(profile, day, 24, rules)
    latest = max((r.on for r in rounds), default=None)
    score = evaluation.crs.total
    if args.json:
        print(
            json.dumps(
                to_json(day, score, latest, cuts, found, points), indent=2, ensure_ascii=False
            )
        )
    else:
        sentences = advice(standing(profile, day, rounds, rules), found.items, 3)
        print(render_text(day, score, sentences, latest, cuts, found, points))
    return EXIT_OK
