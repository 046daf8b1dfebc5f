"""`ee-desktop outlook`: the score beside the past year's rounds and the latest pool."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ee_desktop.cli.context import EXIT_OK, Active, as_of, load_file, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _, format_date

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers
    from ee_desktop.strategy.outlook import Outlook


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "outlook",
        _("how the score fared in the rounds of the last 12 months, and the pool"),
        _("a personal file (default: the active one, with your rounds)"),
    )
    p.set_defaults(run=run)


def to_json(found: Outlook) -> dict[str, Any]:
    pool = found.pool
    return {
        "as_of": found.as_of.isoformat(),
        "score": found.score,
        "programs": list(found.programs),
        "categories": list(found.categories),
        "pool": None
        if pool is None
        else {
            "distribution_on": pool.distribution_on.isoformat(),
            "total": pool.total,
            "at_or_above": {"low": pool.low, "high": pool.high},
        },
        "round_types": [
            {
                "round_type": t.round_type,
                "name": t.name,
                "rounds_12_months": t.rounds_12_months,
                "cleared_12_months": t.cleared_12_months,
                "lowest": t.lowest,
                "latest": t.latest,
                "latest_on": None if t.latest_on is None else t.latest_on.isoformat(),
            }
            for t in found.round_types
        ],
        "sentences": list(found.sentences),
        "rounds_known_up_to": None
        if found.rounds_known_up_to is None
        else found.rounds_known_up_to.isoformat(),
    }


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.strategy import builtin_rounds
    from ee_desktop.strategy.outlook import freshness, outlook

    day = as_of(args)
    if args.file is not None:
        profile, rules, rounds = load_file(args.file), rules_in_use(args), list(builtin_rounds())
    else:
        with Active(args) as active:
            profile, rules = active.profile(), active.services.rules.rules
            rounds = active.services.strategy.rounds()
    found = outlook(profile, day, rounds, rules)
    if args.json:
        print(json.dumps(to_json(found), indent=2, ensure_ascii=False))
    else:
        print(_("CRS score on {day}: {score}").format(day=format_date(day), score=found.score))
        for sentence in found.sentences:
            print(sentence)
        print(freshness(found.rounds_known_up_to))
    return EXIT_OK
