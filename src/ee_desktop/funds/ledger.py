"""The settlement funds on a date: what the family needs, what the ledger shows today and
over the six months an officer looks at, and every problem an officer would raise.

IRCC's rules (reference rules.md section 5, proof-of-funds page): FSW and FST candidates
show funds unless they are authorized to work in Canada with a valid job offer; CEC
candidates need none; the amount depends on the family size, counting members who are not
coming; the money must be available and unencumbered (no loans, no property) when the
application is made and when the visa is issued; officers ask for the source of large
deposits and for the balance over the last six months. IRCC publishes no threshold for a
"large" deposit: every deposit the user records in the last six months without a source is
reported, and the user records those they would have to explain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.i18n import _, format_date, format_money
from ee_desktop.profile.funds import AVERAGE_DAYS, Funds
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation


@dataclass(frozen=True, slots=True)
class FundsProblem:
    field: str  # the path in the personal file it concerns
    message: str


@dataclass(frozen=True, slots=True)
class FundsReport:
    as_of: date
    family_size: int
    required_cad: int | None  # None: no table in force on the date
    table_from: date | None  # the day the table in force was published
    exempt: str | None  # "job_offer", "cec" or None (see Evaluation.funds_exempt_reason)
    ledger: bool  # False: the file gives one figure, settlement_funds_cad
    available_cad: float | None
    six_month_average_cad: float | None
    shortfall_cad: float
    problems: tuple[FundsProblem, ...]
    months: tuple[tuple[date, float], ...]  # month ends of the six months, with the total


def funds_report(evaluation: Evaluation) -> FundsReport:
    """The funds of ``evaluation``'s file on its date (see module)."""
    profile, day = evaluation.profile, evaluation.as_of
    required = evaluation.required_funds
    entry = evaluation.tables.entries.get("funds.settlement")
    table_from = None if entry is None else entry.effective_from
    funds = profile.funds
    if funds is None or not funds.accounts:
        available = profile.settlement_funds_cad
        problems = []
        if available is None:
            problems.append(
                FundsProblem(
                    "settlement_funds_cad",
                    _("No settlement funds are entered: add your accounts or the amount."),
                )
            )
        return FundsReport(
            day,
            evaluation.facts.family_size,
            required,
            table_from,
            evaluation.funds_exempt_reason,
            False,
            available,
            None,
            _shortfall(required, available),
            tuple(problems),
            (),
        )
    available = round(funds.total_on(day), 2)
    average = round(funds.average(day), 2)
    months = _month_ends(funds, day)
    return FundsReport(
        day,
        evaluation.facts.family_size,
        required,
        table_from,
        evaluation.funds_exempt_reason,
        True,
        available,
        average,
        _shortfall(required, available),
        tuple(_problems(profile, funds, day, required, table_from)),
        months,
    )


def _shortfall(required: int | None, available: float | None) -> float:
    if required is None:
        return 0.0
    return round(max(0.0, required - (available or 0.0)), 2)


def _month_ends(funds: Funds, day: date) -> tuple[tuple[date, float], ...]:
    """The total at the end of each of the six months up to ``day`` (``day`` last)."""
    ends = [day]
    current = day.replace(day=1) - timedelta(days=1)
    while len(ends) < 6:
        ends.append(current)
        current = current.replace(day=1) - timedelta(days=1)
    return tuple((end, round(funds.total_on(end), 2)) for end in reversed(ends))


def _problems(
    profile: Profile, funds: Funds, day: date, required: int | None, table_from: date | None
) -> list[FundsProblem]:
    out: list[FundsProblem] = []
    first = day - timedelta(days=AVERAGE_DAYS - 1)
    for index, account in enumerate(funds.accounts):
        where = f"funds.accounts[{index}]"
        name = account.institution
        if funds.rate_on(account.currency, day) is None:
            out.append(
                FundsProblem(
                    f"{where}.currency",
                    _(
                        "{name}: no exchange rate for {currency} on or before {day}; add the "
                        "rate you use, with its date. The account is counted as 0 meanwhile."
                    ).format(name=name, currency=account.currency, day=format_date(day)),
                )
            )
        if account.opened_on is not None and account.opened_on > first:
            out.append(
                FundsProblem(
                    f"{where}.opened_on",
                    _(
                        "{name}: opened on {day}, less than six months ago. Officers look at "
                        "six months of history: explain where the money came from."
                    ).format(name=name, day=format_date(account.opened_on)),
                )
            )
        elif account.opened_on is None and not any(b.on <= first for b in account.balances):
            out.append(
                FundsProblem(
                    f"{where}.balances",
                    _(
                        "{name}: no balance recorded on or before {day}. Add the balance of six "
                        "months ago (your statements show it), or the day the account was opened."
                    ).format(name=name, day=format_date(first)),
                )
            )
        for at, deposit in enumerate(account.deposits):
            if deposit.source is None and first <= deposit.on <= day:
                out.append(
                    FundsProblem(
                        f"{where}.deposits[{at}].source",
                        _(
                            "{name}: the deposit of {amount} on {day} has no source. IRCC asks "
                            "where a large deposit came from: a salary, a sale, a gift (with a "
                            "gift letter)."
                        ).format(
                            name=name,
                            amount=format_money(deposit.amount, currency=account.currency),
                            day=format_date(deposit.on),
                        ),
                    )
                )
    if required is not None:
        low = [(end, total) for end, total in _month_ends(funds, day) if total < required]
        for end, total in low:
            out.append(
                FundsProblem(
                    "funds.accounts",
                    _(
                        "On {day} your accounts held {total}, below the {required} your family "
                        "needs."
                    ).format(
                        day=format_date(end),
                        total=format_money(total),
                        required=format_money(required),
                    ),
                )
            )
    latest = max((b.on for a in funds.accounts for b in a.balances), default=None)
    if table_from is not None and latest is not None and table_from > latest:
        out.append(
            FundsProblem(
                "funds.accounts",
                _(
                    "The table of required funds changed on {table}, after your latest balance "
                    "({latest}): record your balances again and check the new amount."
                ).format(table=format_date(table_from), latest=format_date(latest)),
            )
        )
    return out
