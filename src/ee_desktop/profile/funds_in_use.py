"""The settlement funds a file shows on a day: its ledger when it has one, else the single
figure (``settlement_funds_cad``), as every computation takes them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.profile.model import Profile


def available_funds(profile: Profile, day: date) -> float | None:
    """The settlement funds the file shows on ``day``: the ledger's total when it has
    accounts, else ``settlement_funds_cad`` (None: not given)."""
    funds = profile.funds
    if funds is not None and funds.accounts:
        return round(funds.total_on(day), 2)
    return profile.settlement_funds_cad


def without_ledger(profile: Profile, amount: float) -> Profile:
    """The file showing ``amount`` (a what-if): the ledger set aside."""
    return replace(profile, funds=None, settlement_funds_cad=amount)
