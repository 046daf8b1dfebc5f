"""`ee-desktop funds`: the settlement funds against what the family needs, with every
problem an officer would raise."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ee_desktop.cli.context import EXIT_OK, as_of, profile_for, rules_in_use
from ee_desktop.cli.parser import computing
from ee_desktop.i18n import _, format_date, format_money

if TYPE_CHECKING:
    from ee_desktop.cli.parser import Subparsers
    from ee_desktop.funds import FundsReport


def register(subparsers: Subparsers) -> None:
    p = computing(
        subparsers,
        "funds",
        _("the settlement funds: what your family needs, what your accounts show, problems"),
        _("a personal file (default: the active one)"),
    )
    p.set_defaults(run=run)


def to_json(found: FundsReport) -> dict[str, Any]:
    """The contract of ../shared/spec/funds-and-status.md, and what the text shows."""
    return {
        "as_of": found.as_of.isoformat(),
        "family_size": found.family_size,
        "required_cad": found.required_cad,
        "table_from": None if found.table_from is None else found.table_from.isoformat(),
        "exempt": found.exempt,
        "ledger": found.ledger,
        "available_cad": found.available_cad,
        "six_month_average_cad": found.six_month_average_cad,
        "shortfall_cad": found.shortfall_cad,
        "months": [{"on": on.isoformat(), "total_cad": total} for on, total in found.months],
        "problems": [{"field": p.field, "message": p.message} for p in found.problems],
    }


def render_text(found: FundsReport) -> str:
    lines = [_("Settlement funds on {day}").format(day=format_date(found.as_of))]
    if found.required_cad is None:
        lines.append(_("No table of required funds is in force on this date."))
    else:
        lines.append(
            _("Required for a family of {size}: {amount} (table of {day})").format(
                size=found.family_size,
                amount=format_money(found.required_cad),
                day=format_date(found.table_from) if found.table_from else "-",
            )
        )
    if found.exempt == "job_offer":
        lines.append(_("Not needed: you are authorized to work in Canada with a valid job offer."))
    elif found.exempt == "cec":
        lines.append(_("Not needed for the Canadian Experience Class, the only program open."))
    if found.available_cad is None:
        lines.append(_("Available: not entered"))
    else:
        lines.append(_("Available: {amount}").format(amount=format_money(found.available_cad)))
    if found.six_month_average_cad is not None:
        lines.append(
            _("Average over the last six months: {amount}").format(
                amount=format_money(found.six_month_average_cad)
            )
        )
    if found.shortfall_cad and found.exempt is None:
        lines.append(_("Short by: {amount}").format(amount=format_money(found.shortfall_cad)))
    if found.months:
        lines.append(_("Month by month:"))
        lines += [f"  {format_date(on)}: {format_money(total)}" for on, total in found.months]
    if found.problems:
        lines.append(_("Problems:"))
        lines += [f"  - {p.message}" for p in found.problems]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    import json

    from ee_desktop.funds import funds_report
    from ee_desktop.rules import evaluate

    day = as_of(args)
    profile = profile_for(args)
    found = funds_report(evaluate(profile, day, rules_in_use(args)))
    if args.json:
        print(json.dumps(to_json(found), indent=2, ensure_ascii=False))
    else:
        print(render_text(found))
    return EXIT_OK
