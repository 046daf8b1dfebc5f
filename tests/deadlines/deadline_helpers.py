"""Builders for the deadline tests: the spec example and a fuller family file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

from ee_desktop.deadlines import Deadline
from ee_desktop.profile import load
from ee_desktop.profile.model import (
    Child,
    Job,
    Passport,
    Profile,
    ProvincialNomination,
    Residence,
)
from ee_desktop.rules import RuleSet, load_rules
from tests.conftest import EXAMPLE, TODAY

__all__ = ["TODAY", "by_uid", "example", "family", "job", "rules", "single"]


@cache
def rules() -> RuleSet:
    return load_rules()


@cache
def example() -> Profile:
    """The spec example: Asha (born 1996-04-12), married, IELTS 2025-09-20, WES 2024-11-02."""
    return load(EXAMPLE, today=TODAY)


def job(
    employer: str,
    country: str,
    start: date,
    end: date | None = None,
    noc: str = "21232",
    hours: float = 40,
) -> Job:
    return Job("Software developer", employer, noc, country, start, end, hours, False, True, False)


def family() -> Profile:
    """The example with passports, places lived, a second child and a nomination."""
    base = example()
    applicant = replace(
        base.applicant,
        passport=Passport("Z1234567", "IN", date(2019, 6, 1), date(2029, 5, 31)),
        residence_history=(Residence("IN", date(1996, 4, 12)),),
        provincial_nomination=ProvincialNomination(
            "ON", "Human Capital Priorities", date(2026, 11, 1)
        ),
    )
    assert base.spouse is not None
    spouse = replace(
        base.spouse,
        passport=Passport("Z7654321", "IN", date(2018, 2, 1), date(2028, 1, 31)),
        residence_history=(Residence("IN", date(1995, 1, 3)),),
    )
    children = (
        *base.children,
        Child(
            date(2024, 8, 9),
            True,
            "Mira",
            "Rao",
            Passport("Z5555555", "IN", date(2025, 1, 1), date(2030, 1, 1)),
        ),
    )
    return replace(base, applicant=applicant, spouse=spouse, children=children)


def single(born: date, jobs: tuple[Job, ...] = ()) -> Profile:
    """The example applicant, never married, with a given birth date and work history."""
    base = example()
    applicant = replace(
        base.applicant,
        date_of_birth=born,
        marital_status="never_married",
        work_history=jobs or base.applicant.work_history,
    )
    return replace(base, applicant=applicant, spouse=None, children=())


def by_uid(deadlines: list[Deadline]) -> dict[str, Deadline]:
    return {d.uid: d for d in deadlines}
