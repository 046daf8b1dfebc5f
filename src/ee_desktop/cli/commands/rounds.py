"""`ee-desktop rounds`: import rounds of invitations (a CSV file or IRCC's own rounds file)
and list the rounds in use (shipped and imported)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ee_desktop.cli.context import EXIT_OK, UserError, open_store
from ee_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers
    from ee_desktop.services.strategy import StrategyService
    from ee_desktop.store import Store
    from ee_desktop.strategy import Round


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("rounds", help=_("import and list the rounds of invitations"))
    actions = p.add_subparsers(dest="rounds_action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help=_(
            "add the rounds of a CSV file or of IRCC's rounds file (ee_rounds_123_en.json); "
            "a round with the same draw number replaces the one kept"
        ),
    )
    imp.add_argument("path", type=Path, metavar="FILE", help=_("a CSV file or IRCC's JSON file"))
    lst = actions.add_parser("list", help=_("the rounds in use, shipped and imported"))
    lst.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    p.set_defaults(run=run)


def _service(store: Store) -> StrategyService:
    """The rounds need no personal file: the strategy service over the store alone."""
    from datetime import date

    from ee_desktop.services import Services

    return Services.open(store, store.path.parent, date.today).strategy


def run(args: argparse.Namespace) -> int:
    return run_import(args) if args.rounds_action == "import" else run_list(args)


def run_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        result = _service(store).import_rounds(args.path)
    finally:
        store.close()
    if not result.stored:
        raise UserError(list(result.problems))
    print(
        ngettext(
            "Imported {count} round ({new} new); distributions for {distributions}.",
            "Imported {count} rounds ({new} new); distributions for {distributions}.",
            len(result.rounds),
        ).format(count=len(result.rounds), new=result.new, distributions=result.distributions)
    )
    for note in result.notes:
        print(_("Note: {note}").format(note=note))
    return EXIT_OK


def _as_json(r: Round) -> dict[str, Any]:
    d = r.distribution
    return {
        "number": r.number,
        "date": r.on.isoformat(),
        "type": r.round_type,
        "name": r.name,
        "invited": r.invited,
        "lowest_score": r.lowest_score,
        "tie_break": None if r.tie_break is None else r.tie_break.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": r.source,
        "distribution": None
        if d is None
        else {
            "as_on": d.as_on.isoformat(),
            "bands": [
                {"key": band.key, "low": band.low, "high": band.high, "count": count}
                for band, count in d.bands()
            ],
        },
    }


def run_list(args: argparse.Namespace) -> int:
    import json

    store = open_store(args)
    try:
        rounds = _service(store).rounds()
    finally:
        store.close()
    if args.json:
        print(json.dumps([_as_json(r) for r in rounds], indent=2, ensure_ascii=False))
        return EXIT_OK
    yes, no = _("yes"), _("no")
    header = (
        _("Number"),
        _("Date"),
        _("Type"),
        _("Invited"),
        _("Cut-off"),
        _("Tie-break (UTC)"),
        _("Distribution"),
    )
    rows = [
        (
            "-" if r.number is None else str(r.number),
            r.on.isoformat(),
            r.round_type,
            f"{r.invited:,}",
            str(r.lowest_score),
            "-" if r.tie_break is None else r.tie_break.strftime("%Y-%m-%d %H:%M:%S"),
            yes if r.distribution is not None else no,
        )
        for r in rounds
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK
