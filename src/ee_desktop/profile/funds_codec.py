"""Reading and writing the ``funds`` section (../shared/spec/funds-and-status.md).

A currency without a rate, a deposit without a source or a young account are not format
errors: the funds command reports them (funds/ledger.py).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from ee_desktop.i18n import _
from ee_desktop.profile.funds import OWNERS, Account, Balance, Deposit, Funds, Rate
from ee_desktop.profile.reader import Reader, join

_FUNDS = {"accounts": False, "rates": False}
_ACCOUNT = {
    "institution": True,
    "currency": True,
    "owner": True,
    "opened_on": False,
    "balances": False,
    "deposits": False,
}
_BALANCE = {"on": True, "amount": True}
_DEPOSIT = {"on": True, "amount": True, "source": False}
_RATE = {"currency": True, "cad": True, "on": True}
MAX_AMOUNT = 1e12  # in any currency: more than any family's savings, less than a typo's


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


class FundsReader:
    """Decodes the section with the decoder's ``Reader`` (problems shared)."""

    def __init__(self, reader: Reader, today: date) -> None:
        self.r = reader
        self.today = today

    def funds(self, value: Any, path: str) -> Funds | None:
        d = self.r.object(value, path, _FUNDS)
        if d is None:
            return None
        return Funds(
            accounts=self.r.list_of(d, "accounts", path, self.account),
            rates=self.r.list_of(d, "rates", path, self.rate),
        )

    def _currency(self, d: dict[str, Any], path: str) -> str | None:
        value = d.get("currency")
        if isinstance(value, str) and value in currency_codes():
            return value
        self.r.add(
            join(path, "currency"),
            value,
            _("a three-letter ISO 4217 currency code such as CAD, INR or EUR"),
        )
        return None

    def _past(self, d: dict[str, Any], key: str, path: str, nullable: bool = False) -> date | None:
        day = self.r.iso_date(d, key, path, nullable=nullable)
        if day is not None and day > self.today:
            self.r.add(join(path, key), day.isoformat(), _("a date not in the future"))
            return None
        return day

    def account(self, value: Any, path: str) -> Account | None:
        r = self.r
        d = r.object(value, path, _ACCOUNT)
        if d is None:
            return None
        institution = r.text(d, "institution", path)
        currency = self._currency(d, path)
        owner = r.choice(d, "owner", path, OWNERS)
        opened = self._past(d, "opened_on", path, nullable=True) if "opened_on" in d else None
        balances = r.list_of(d, "balances", path, self.balance)
        deposits = r.list_of(d, "deposits", path, self.deposit)
        if opened is not None:
            for index, entry in enumerate((*balances, *deposits)):
                if entry is not None and entry.on < opened:
                    kind = "balances" if index < len(balances) else "deposits"
                    at = index if kind == "balances" else index - len(balances)
                    r.add(
                        f"{join(path, kind)}[{at}].on",
                        entry.on.isoformat(),
                        _("a date on or after the account was opened ({day})").format(
                            day=opened.isoformat()
                        ),
                    )
        if institution is None or currency is None or owner is None:
            return None
        return Account(
            institution,
            currency,
            owner,
            opened,
            tuple(b for b in balances if b is not None),
            tuple(x for x in deposits if x is not None),
        )

    def balance(self, value: Any, path: str) -> Balance | None:
        d = self.r.object(value, path, _BALANCE)
        if d is None:
            return None
        on = self._past(d, "on", path)
        amount = self.r.number(d, "amount", path, -MAX_AMOUNT, MAX_AMOUNT)
        return None if on is None or amount is None else Balance(on, float(amount))

    def deposit(self, value: Any, path: str) -> Deposit | None:
        d = self.r.object(value, path, _DEPOSIT)
        if d is None:
            return None
        on = self._past(d, "on", path)
        amount = self.r.number(d, "amount", path, 0, MAX_AMOUNT)
        source = self.r.text(d, "source", path, nullable=True, required=False)
        if on is None or amount is None:
            return None
        return Deposit(on, float(amount), source)

    def rate(self, value: Any, path: str) -> Rate | None:
        d = self.r.object(value, path, _RATE)
        if d is None:
            return None
        currency = self._currency(d, path)
        cad = self.r.number(d, "cad", path, 1e-9, 1e6)
        on = self._past(d, "on", path)
        if currency is None or cad is None or on is None:
            return None
        return Rate(currency, float(cad), on)


def funds_from_json(d: dict[str, Any]) -> Funds:
    """Read back what funds_to_json wrote (the app's own storage, checked when saved)."""
    reader = Reader()
    found = FundsReader(reader, date.max).funds(d, "funds")
    if reader.problems or found is None:  # stored data is the app's own: a problem is damage
        raise ValueError("; ".join(str(p) for p in reader.problems))
    return found


def funds_to_json(funds: Funds) -> dict[str, Any]:
    return {
        "accounts": [
            {
                "institution": a.institution,
                "currency": a.currency,
                "owner": a.owner,
                "opened_on": None if a.opened_on is None else a.opened_on.isoformat(),
                "balances": [{"on": b.on.isoformat(), "amount": b.amount} for b in a.balances],
                "deposits": [
                    {"on": x.on.isoformat(), "amount": x.amount, "source": x.source}
                    for x in a.deposits
                ],
            }
            for a in funds.accounts
        ],
        "rates": [
            {"currency": r.currency, "cad": r.cad, "on": r.on.isoformat()} for r in funds.rates
        ],
    }
