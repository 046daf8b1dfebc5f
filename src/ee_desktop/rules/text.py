"""Wording of user-visible sentences: durations, amounts, and reasons worded when read."""

from __future__ import annotations

from typing import NamedTuple

from ee_desktop.i18n import _, format_money, ngettext


def duration(hours: float, hours_per_year: int) -> str:
    """Hours of work as whole years and months (a month is a twelfth of a year's hours)."""
    months = int(hours * 12 / hours_per_year + 1e-9)
    years, months = divmod(months, 12)
    if years and months:
        return _("{years} and {months}").format(
            years=ngettext("{n} year", "{n} years", years).format(n=years),
            months=ngettext("{n} month", "{n} months", months).format(n=months),
        )
    if years:
        return ngettext("{n} year", "{n} years", years).format(n=years)
    if months:
        return ngettext("{n} month", "{n} months", months).format(n=months)
    return _("none")


class Msgid(str):
    """A value that is itself a message from the data (marked there), translated when the
    sentence holding it is worded."""


Value = str | int | float


class Reason(NamedTuple):
    """A sentence kept as its template (marked with N_) and values, worded when read.

    Scoring many files only decides eligibility; the words are built when shown.
    Values named ``*_hours`` are shown as years and months, ``*_cad`` as dollars; a
    ``Msgid`` value is translated.
    """

    template: str
    values: tuple[tuple[str, Value], ...] = ()
    hours_per_year: int = 1560

    def __str__(self) -> str:
        shown: dict[str, Value] = {}
        for name, value in self.values:
            if name.endswith("_hours"):
                shown[name] = duration(float(value), self.hours_per_year)
            elif name.endswith("_cad"):
                shown[name] = format_money(float(value))
            elif isinstance(value, Msgid):
                shown[name] = _(value)
            else:
                shown[name] = value
        return _(self.template).format(**shown)


def reason(template: str, hours_per_year: int = 1560, **values: Value) -> Reason:
    return Reason(template, tuple(values.items()), hours_per_year)
