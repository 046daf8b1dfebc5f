"""Which education counts: foreign credentials only with a valid ECA, highest level wins."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ee_desktop.profile.model import Education
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.schema import EDUCATION_KEYS

NONE = "less_than_secondary"
TWO_OR_MORE = "two_or_more"
RANK: dict[str, int] = {level: i for i, level in enumerate(EDUCATION_KEYS)}
POST_SECONDARY = frozenset(
    {"one_year_post_secondary", "two_year_post_secondary", "bachelors", "masters", "doctoral"}
)
THREE_YEARS_OR_MORE = frozenset({"bachelors", "masters", "doctoral"})
# Part-time or distance study counts for the Canadian-education points when any part of
# the program fell in this period (canada.ca rounds-of-invitations page).
PANDEMIC_FROM, PANDEMIC_TO = date(2020, 3, 1), date(2022, 8, 31)


def is_canadian(credential: Education) -> bool:
    return credential.country == "CA"


def eca_valid(credential: Education, as_of: date, eca_years: int) -> bool:
    eca = credential.eca
    return eca is not None and eca.issued_on <= as_of < add_years(eca.issued_on, eca_years)


def credited_level(credential: Education, as_of: date, eca_years: int) -> str | None:
    """The level a completed credential counts for, or None when it does not count."""
    if credential.completed_on > as_of:
        return None
    if is_canadian(credential):
        return credential.level
    if credential.eca is not None and eca_valid(credential, as_of, eca_years):
        return credential.eca.level
    return None


def counted_level(credentials: Iterable[Education], as_of: date, eca_years: int) -> str:
    """The education level for the CRS and the FSW grid, including 'two or more credentials'."""
    best, post_secondary = NONE, 0
    for credential in credentials:
        level = credited_level(credential, as_of, eca_years)
        if level is None:
            continue
        if level in POST_SECONDARY:
            post_secondary += 1
        if RANK[level] > RANK[best]:
            best = level
    # A bachelor's (any 3+ year program) plus another post-secondary credential.
    if best == "bachelors" and post_secondary >= 2:
        return TWO_OR_MORE
    return best


def canadian_credit(credentials: Iterable[Education], as_of: date) -> str | None:
    """'three_or_more', 'one_or_two' or None: the Canadian post-secondary credential bonus."""
    best: str | None = None
    for credential in credentials:
        if (
            not is_canadian(credential)
            or credential.completed_on > as_of
            or credential.level not in POST_SECONDARY
        ):
            continue
        if not credential.full_time and not _during_pandemic(credential):
            continue
        if credential.level in THREE_YEARS_OR_MORE or credential.program_length_years >= 3:
            return "three_or_more"
        best = "one_or_two"
    return best


def _during_pandemic(credential: Education) -> bool:
    started = add_years(credential.completed_on, -max(credential.program_length_years, 0))
    return started <= PANDEMIC_TO and credential.completed_on >= PANDEMIC_FROM


def studied_in_canada_years(credentials: Iterable[Education], as_of: date) -> int:
    """Longest full-time Canadian program completed (FSW adaptability: two years of study)."""
    return max(
        (
            c.program_length_years
            for c in credentials
            if is_canadian(c) and c.full_time and c.completed_on <= as_of and c.level != NONE
        ),
        default=0,
    )
