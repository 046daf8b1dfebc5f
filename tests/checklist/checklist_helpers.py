"""Builders for the checklist tests: a family file and small variations of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.checklist import Requirement, generate
from ee_desktop.profile.model import (
    Applicant,
    Child,
    Eca,
    Education,
    Job,
    LanguageTest,
    Passport,
    Profile,
    Residence,
    Spouse,
)

AS_OF = date(2026, 11, 24)


def job(
    employer: str,
    country: str,
    start: date,
    end: date | None = None,
    noc: str = "21232",
    title: str = "Software developer",
    **changes: object,
) -> Job:
    made = Job(title, employer, noc, country, start, end, 40, False, True, False)
    return replace(made, **changes)  # type: ignore[arg-type]


def stay(country: str, start: date, end: date | None = None) -> Residence:
    return Residence(country, start, end)


def ielts(taken: date = date(2025, 9, 20), speaking: float = 7.5) -> LanguageTest:
    return LanguageTest("ielts_general", taken, "25IN001234", 8.5, 7.5, 7.0, speaking)


WES = Eca("WES", "1234567", date(2024, 11, 2), "bachelors")


def degree(eca: Eca | None = WES) -> Education:
    return Education(
        "bachelors", 4, True, "IN", "University of Mumbai", "Computer engineering",
        date(2012, 5, 30), eca,
    )  # fmt: skip


def passport(country: str = "IN", expires: date = date(2031, 5, 1)) -> Passport:
    return Passport("P1234567", country, date(2021, 5, 2), expires)


def single(**changes: object) -> Profile:
    """A never-married applicant in India with one job, one test and a degree with an ECA."""
    applicant = Applicant(
        given_names="Nadia",
        family_name="Haddad",
        date_of_birth=date(1990, 3, 15),
        marital_status="never_married",
        country_of_residence="IN",
        education=(degree(),),
        language_tests=(ielts(),),
        work_history=(job("Acme Ltd", "IN", date(2022, 8, 1)),),
        passport=passport(),
        residence_history=(stay("IN", date(1990, 3, 15)),),
    )
    return Profile(applicant=replace(applicant, **changes), settlement_funds_cad=30000)  # type: ignore[arg-type]


def omar(**changes: object) -> Spouse:
    """A spouse who lived in the United Arab Emirates for five years."""
    spouse = Spouse(
        accompanying=True,
        canadian_citizen_or_pr=False,
        given_names="Omar",
        family_name="Haddad",
        date_of_birth=date(1989, 7, 1),
        passport=passport(),
        residence_history=(
            stay("IN", date(1989, 7, 1), date(2016, 12, 31)),
            stay("AE", date(2017, 1, 1), date(2021, 12, 31)),
            stay("IN", date(2022, 1, 1)),
        ),
    )
    return replace(spouse, **changes)  # type: ignore[arg-type]


def mira(**changes: object) -> Child:
    child = Child(
        date_of_birth=date(2021, 9, 9),
        accompanying=True,
        given_names="Mira",
        family_name="Haddad",
        passport=passport(),
        residence_history=(stay("IN", date(2021, 9, 9)),),
    )
    return replace(child, **changes)  # type: ignore[arg-type]


def family() -> Profile:
    """Married, one child, jobs in the UK and India, a spouse who lived in the UAE."""
    base = single()
    applicant = replace(
        base.applicant,
        marital_status="married",
        work_history=(
            job(
                "Northwind UK", "GB", date(2020, 2, 1), date(2022, 6, 15),
                noc="21223", title="Data analyst",
            ),
            job("Acme Ltd", "IN", date(2022, 8, 1)),
        ),
        residence_history=(
            stay("IN", date(1990, 3, 15), date(2019, 12, 31)),
            stay("GB", date(2020, 1, 1), date(2022, 6, 30)),
            stay("IN", date(2022, 7, 1)),
        ),
    )  # fmt: skip
    return replace(base, applicant=applicant, spouse=omar(), children=(mira(),))


def with_spouse(profile: Profile, spouse: Spouse, status: str = "married") -> Profile:
    return replace(
        profile, applicant=replace(profile.applicant, marital_status=status), spouse=spouse
    )


def keys(profile: Profile, as_of: date = AS_OF, stage: str | None = None) -> list[str]:
    return [r.key for r in generate(profile, as_of, stage=stage)]


def by_key(profile: Profile, as_of: date = AS_OF) -> dict[str, Requirement]:
    return {r.key: r for r in generate(profile, as_of)}
