"""The settlement-funds ledger: accounts, dated balances and deposits, and exchange rates.

The format is fixed by ../shared/spec/funds-and-status.md. When a file has a ledger it
replaces the single ``settlement_funds_cad`` in every computation (funds_in_use.py); a
file without one behaves as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

OWNERS: tuple[str, ...] = ("applicant", "spouse", "joint")
AVERAGE_DAYS = 183  # the six months an officer looks back over


@dataclass(frozen=True, slots=True)
class Balance:
    on: date
    amount: float


@dataclass(frozen=True, slots=True)
class Deposit:
    on: date
    amount: float
    source: str | None = None  # None: not explained yet


@dataclass(frozen=True, slots=True)
class Account:
    institution: str
    currency: str  # ISO 4217
    owner: str  # applicant, spouse, joint
    opened_on: date | None = None
    balances: tuple[Balance, ...] = ()
    deposits: tuple[Deposit, ...] = ()

    def balance_on(self, day: date) -> float | None:
        """The most recent recorded balance on or before ``day``; None before the first."""
        found = None
        for balance in self.balances:
            if balance.on <= day and (found is None or balance.on >= found.on):
                found = balance
        return None if found is None else found.amount


@dataclass(frozen=True, slots=True)
class Rate:
    currency: str
    cad: float  # the value of one unit in Canadian dollars
    on: date


@dataclass(frozen=True, slots=True)
class Funds:
    accounts: tuple[Account, ...] = ()
    rates: tuple[Rate, ...] = ()

    def rate_on(self, currency: str, day: date) -> float | None:
        """Canadian dollars per unit: the latest rate on or before ``day`` (CAD is 1)."""
        if currency == "CAD":
            return 1.0
        found = [r for r in self.rates if r.currency == currency and r.on <= day]
        return max(found, key=lambda r: r.on).cad if found else None

    def total_on(self, day: date) -> float:
        """Every account's balance on ``day`` in Canadian dollars, at the rate of ``day``;
        an account without a balance yet, or in a currency without a rate, counts 0."""
        total = 0.0
        for account in self.accounts:
            balance, rate = account.balance_on(day), self.rate_on(account.currency, day)
            if balance is not None and rate is not None:
                total += balance * rate
        return total

    def average(self, day: date, days: int = AVERAGE_DAYS) -> float:
        """The mean of the daily totals over the ``days`` ending on ``day``, each day's
        balances at that day's rates."""
        first = day - timedelta(days=days - 1)
        changes = sorted(
            {first}
            | {b.on for a in self.accounts for b in a.balances if first < b.on <= day}
            | {r.on for r in self.rates if first < r.on <= day}
        )
        total = 0.0
        for index, start in enumerate(changes):  # the total is flat between two changes
            end = changes[index + 1] if index + 1 < len(changes) else day + timedelta(days=1)
            total += self.total_on(start) * (end - start).days
        return total / days


def currencies(accounts: Sequence[Account]) -> tuple[str, ...]:
    return tuple(sorted({a.currency for a in accounts}))
