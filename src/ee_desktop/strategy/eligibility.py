"""Moves that make the file eligible for a program, before any move that adds points.

A file eligible for no program cannot be invited at any score, and one eligible only for
some rounds misses the others: what opens a program comes first, with the exact amount.
The settlement funds short of the amount in force for the family (FSW and FST require
them; the Canadian Experience Class does not), and the day the current work reaches the
experience a program asks for. Language levels and ECAs that open a program are moves worth
points too: the plan marks them with the programs they open (see plan.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ee_desktop.i18n import N_, _, format_date, format_money
from ee_desktop.profile.funds_in_use import without_ledger
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet
from ee_desktop.rules.programs import is_trade
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
    needed, have = evaluation.required_funds, evaluation.available_funds
    if needed is None or evaluation.funds_exempt_reason is not None:
        return None
    if have is not None and have >= needed:
        return None
    changed = without_ledger(profile, float(needed))
    after = evaluate(changed, as_of, rules)
    programs = opened(eligible_programs(evaluation), after)
    if not programs:  # something else stands in the way too: the funds alone open nothing
        return None
    short = needed - (have or 0)
    size = evaluation.facts.family_size
    ledger = profile.funds is not None and bool(profile.funds.accounts)
    title = (
        _("Add {amount} to your accounts")
        if ledger
        else _("Show {amount} more in settlement funds")
    ).format(amount=format_money(short))
    return Move(
        id=FUNDS_MOVE,
        title=title,
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
        )
        + (
            " "
            + _(
                "Officers also look at the balance over the last six months: money added "
                "now shows in that average from today, and a large deposit needs its source."
            )
            if ledger
            else ""
        ),
        points=after.crs.total - evaluation.crs.total,
        ready_on=as_of,
        score_after=after.crs.total,
        changes=(_("settlement funds {amount}").format(amount=format_money(needed)),),
        profile=changed,
    )


EXPERIENCE_MOVE = "eligibility:experience"
HORIZON_DAYS = 731  # two years of work ahead: the longest a program asks of a current job
SCAN_DAYS = 30


def experience_move(
    profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet
) -> Move | None:
    """Keep working: the first day the applicant's current work opens a program.

    Searched on the file with the settlement funds it needs (the funds move names any
    shortfall), month by month, then day by day; a program that would open on that day
    anyway, with the work stopped today, is not credited to the work.
    """
    before = eligible_programs(evaluation)
    jobs = profile.applicant.work_history
    current = [j for j in jobs if j.end is None or j.end > as_of]
    missing = set(PROGRAMS) - before
    if not any(is_trade(j.noc_code, evaluation.tables) for j in current):
        missing.discard("fst")  # the work would never count for it: no search
    if not current or not missing:
        return None
    funded = _funded(profile, evaluation)
    stopped = replace(
        funded,
        applicant=replace(
            profile.applicant,
            work_history=tuple(
                replace(j, end=as_of) if j.end is None or j.end > as_of else j for j in jobs
            ),
        ),
    )

    def opens(day: date) -> tuple[str, ...]:
        found = opened(before, evaluate(funded, day, rules))
        anyway = set(opened(before, evaluate(stopped, day, rules))) if found else set()
        return tuple(name for name in found if name not in anyway)

    low, high = as_of, None
    for days in range(SCAN_DAYS, HORIZON_DAYS + SCAN_DAYS, SCAN_DAYS):
        day = as_of + timedelta(days=min(days, HORIZON_DAYS))
        if opens(day):
            high = day
            break
        low = day
    if high is None:
        return None
    while (high - low).days > 1:  # low opens nothing, high opens a program
        middle = low + (high - low) / 2
        if opens(middle):
            high = middle
        else:
            low = middle
    programs = opens(high)
    after = evaluate(funded, high, rules)
    without = evaluate(stopped, high, rules)
    return Move(
        id=EXPERIENCE_MOVE,
        title=_("Keep working until {day}").format(day=format_date(high)),
        explanation=_(
            "On {day} your current work reaches the experience {programs} requires, if it "
            "continues as recorded (same job, same hours, no gap)."
        ).format(day=format_date(high), programs=program_names(programs)),
        points=after.crs.total - without.crs.total,
        ready_on=high,
        score_after=after.crs.total,
        changes=(_("work continued until {day}").format(day=format_date(high)),),
        profile=funded,
    )


def _funded(profile: Profile, evaluation: Evaluation) -> Profile:
    needed, have = evaluation.required_funds, evaluation.available_funds
    if needed is None or (have is not None and have >= needed):
        return profile
    return without_ledger(profile, float(needed))
