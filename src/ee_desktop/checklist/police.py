"""Which countries need a police certificate, worked out from a person's places of residence.

Rule [S11]: every country other than Canada where the person lived 6 months or more in a row,
since age 18, within the last 10 years. Each stay is clipped to that window before measuring.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.profile.model import Residence
from ee_desktop.rules.dates import add_years, birthday

CANADA = "CA"
WINDOW_YEARS = 10
MIN_MONTHS = 6
ADULT_AGE = 18


@dataclass(frozen=True, slots=True)
class PoliceCountry:
    country: str
    first_day: date  # start of the earliest qualifying stay, clipped to the window
    last_start: date  # start of the latest qualifying stay, clipped to the window
    last_day: date  # end of the latest qualifying stay (as_of when still there)
    current: bool  # still living there on as_of


def add_months(day: date, months: int) -> date:
    """Same day of the month ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def lasted(start: date, end: date, months: int = MIN_MONTHS) -> bool:
    """``months`` or more in a row, counting both ends: 1 Jan to 30 Jun is six months."""
    return add_months(start, months) <= end + timedelta(days=1)


def _merged(stays: Iterable[Residence], as_of: date) -> list[tuple[str, date, date]]:
    """Stays as (country, from, to) in date order, back-to-back stays in one country joined."""
    spans = sorted(
        ((r.country, r.from_, as_of if r.to is None else min(r.to, as_of)) for r in stays),
        key=lambda s: (s[1], s[2], s[0]),
    )
    out: list[tuple[str, date, date]] = []
    open_by_country: dict[str, int] = {}
    for country, start, end in spans:
        at = open_by_country.get(country)
        if at is not None and start <= out[at][2] + timedelta(days=1):
            c, s, e = out[at]
            out[at] = (c, s, max(e, end))
            continue
        open_by_country[country] = len(out)
        out.append((country, start, end))
    return out


def police_countries(
    stays: Iterable[Residence], date_of_birth: date, as_of: date
) -> list[PoliceCountry]:
    """Countries needing a certificate, in the order first lived in."""
    low = max(birthday(date_of_birth, ADULT_AGE), add_years(as_of, -WINDOW_YEARS))
    found: dict[str, PoliceCountry] = {}
    for country, start, end in _merged(stays, as_of):
        if country == CANADA:
            continue
        clipped = max(start, low)
        if clipped > end or not lasted(clipped, end):
            continue
        previous = found.get(country)
        found[country] = PoliceCountry(
            country=country,
            first_day=clipped if previous is None else previous.first_day,
            last_start=clipped,
            last_day=end,
            current=end >= as_of,
        )
    return sorted(found.values(), key=lambda p: (p.first_day, p.country))
