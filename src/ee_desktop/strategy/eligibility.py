"""Moves that make the file eligible for a program, before any move that adds points.

A file eligible for no program cannot be invited at any score, and one eligible only for
some rounds misses the others: what opens a program comes first, with the exact amount.
Today: the settlement funds short of the amount in force for the family (FSW and FST
require them; the Canadian Experience Class does not).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.i18n import N_, _, format_money
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet
from ee_desktop.strategy.moves import Move

FUNDS_MOVE = "eligibility:funds"
PROGRAMS: dict[str, str] = {
    "fsw": N_("Federal Skilled Worker"),
    "cec": N_("Canadian Experience Class"),
    "fst": N_("Federal Skilled Trades"),
}


def eligible_program_ids(evaluation: Evaluation) -> tuple[str, ...]:
    """The programs (fsw, cec, fst) the file is eligible for, in a fixed order."""
    results = {"fsw": evaluation.fsw, "cec": evaluation.cec, "fst": evaluation.fst}
    return tuple(name for name, result in results.items() if result.eligible)


def eligible_programs(evaluation: Evaluation) -> frozenset[str]:
    return frozenset(eligible_program_ids(evaluation))


def opened(before: frozenset[str], after: Evaluation) -> tuple[str, ...]:
    """The programs ``after`` is eligible for that ``before`` was not, in a fixed order."""
    now = eligible_programs(after)
    return tuple(name for name in PROGRAMS if name in now and name not in before)


def program_names(ids: tuple[str, ...]) -> str:
    return ", ".join(_(PROGRAMS[i]) for i in ids)


def funds_move(
    profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet
) -> Move | None:
    """Show the missing settlement funds, when that alone opens a program."""
    needed, have = evaluation.required_funds, profile.settlement_funds_cad
    if needed is None or evaluation.funds_exempt_reason is not None:
        return None
    if have is not None and have >= needed:
        return None
    changed = replace(profile, settlement_funds_cad=float(needed))
    after = evaluate(changed, as_of, rules)
    programs = opened(eligible_programs(evaluation), after)
    if not programs:  # something else stands in the way too: the funds alone open nothing
        return None
    short = needed - (have or 0)
    size = evaluation.facts.family_size
    return Move(
        id=FUNDS_MOVE,
        title=_("Show {amount} more in settlement funds").format(amount=format_money(short)),
        explanation=_(
            "A family of {size} needs {needed} in settlement funds; the file shows {have}. "
            "With {short} more, available on the day you submit, the file is eligible for "
            "{programs}."
        ).format(
            size=size,
            needed=format_money(needed),
            have=format_money(have or 0),
            short=format_money(short),
            programs=program_names(programs),
        ),
        points=after.crs.total - evaluation.crs.total,
        ready_on=as_of,
        score_after=after.crs.total,
        changes=(_("settlement funds {amount}").format(amount=format_money(needed)),),
        profile=changed,
    )
