"""Builders for the strategy tests: the spec example and fuller variants of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

from hypothesis import strategies as st

from ee_desktop.profile import load
from ee_desktop.profile.model import (
    Eca,
    Education,
    Job,
    LanguageTest,
    Profile,
    ProvincialNomination,
    Spouse,
)
from ee_desktop.rules import RuleSet, load_rules
from tests.conftest import EXAMPLE, TODAY

__all__ = ["TODAY", "complete", "example", "files", "job", "nominated", "rules", "single", "stop"]


@cache
def rules() -> RuleSet:
    return load_rules()


@cache
def example() -> Profile:
    """The spec example: Asha (born 1996-04-12), married, IELTS 2025-09-20, WES 2024-11-02."""
    return load(EXAMPLE, today=TODAY)


def job(
    country: str,
    start: date,
    end: date | None = None,
    noc: str = "21232",
    hours: float = 40,
    employer: str = "Acme",
) -> Job:
    return Job("Software developer", employer, noc, country, start, end, hours, False, True, False)


def single() -> Profile:
    """The example without a spouse or children."""
    base = example()
    return replace(
        base,
        spouse=None,
        children=(),
        applicant=replace(base.applicant, marital_status="never_married"),
    )


def complete() -> Profile:
    """A full family file: spouse with a test, a credential and Canadian work, two children,
    several jobs in and outside Canada, English and French results."""
    base = example()
    applicant = replace(
        base.applicant,
        education=(
            *base.applicant.education,
            Education(
                "one_year_post_secondary", 1, True, "IN", "Pune Institute", "Data", date(2019, 6, 1)
            ),
        ),
        language_tests=(
            *base.applicant.language_tests,
            LanguageTest("tef_canada", date(2026, 3, 14), "TEF1", 440, 470, 430, 460),
        ),
        work_history=(
            job("IN", date(2018, 7, 1), date(2024, 6, 30)),
            job("CA", date(2024, 9, 1), None, employer="Maple Inc"),
            job("CA", date(2025, 1, 15), None, hours=10, employer="Evening Co"),
        ),
    )
    assert base.spouse is not None
    spouse = replace(
        base.spouse,
        education=(
            Education(
                "bachelors",
                3,
                True,
                "IN",
                "Delhi University",
                "Commerce",
                date(2017, 5, 1),
                Eca("WES", "S1", date(2022, 2, 1), "bachelors"),
            ),
        ),
        language_tests=(LanguageTest("celpip_general", date(2026, 2, 1), "C1", 7, 6, 7, 7),),
        work_history=(job("CA", date(2025, 3, 1), None, noc="13110", employer="Office Co"),),
    )
    return replace(base, applicant=applicant, spouse=spouse)


def nominated(profile: Profile, on: date = date(2026, 10, 1)) -> Profile:
    return replace(
        profile,
        applicant=replace(
            profile.applicant,
            provincial_nomination=ProvincialNomination("ON", "Human Capital Priorities", on),
        ),
    )


# --- varied files for property tests -----------------------------------------------------

SCORES = {
    "ielts_general": st.sampled_from([4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0]),
    "celpip_general": st.integers(3, 12).map(float),
    "tef_canada": st.integers(250, 699).map(float),
}


@st.composite
def language_results(draw: st.DrawFn, kinds: tuple[str, ...]) -> tuple[LanguageTest, ...]:
    out = []
    for kind in draw(st.lists(st.sampled_from(kinds), max_size=2, unique=True)):
        scores = draw(st.lists(SCORES[kind], min_size=4, max_size=4))
        taken = draw(st.dates(date(2024, 12, 1), TODAY))
        out.append(LanguageTest(kind, taken, "X", *scores))
    return tuple(out)


@st.composite
def files(draw: st.DrawFn) -> Profile:
    base = example()
    born = draw(st.dates(date(1978, 1, 1), date(2004, 12, 31)))
    level = draw(st.sampled_from(["secondary", "one_year_post_secondary", "bachelors", "masters"]))
    eca_on = draw(st.none() | st.dates(date(2021, 6, 1), TODAY))
    eca = None if eca_on is None else Eca("WES", "1", eca_on, level)
    education = (Education(level, 3, True, "IN", "U", "F", date(2016, 5, 1), eca),)
    jobs = []
    if draw(st.booleans()):
        jobs.append(job("IN", draw(st.dates(date(2014, 1, 1), date(2024, 1, 1))), None))
    if draw(st.booleans()):
        start = draw(st.dates(date(2022, 1, 1), date(2026, 10, 1)))
        jobs.append(job("CA", start, None, hours=draw(st.sampled_from([20.0, 30.0, 40.0]))))
    applicant = replace(
        base.applicant,
        date_of_birth=born,
        education=education,
        language_tests=draw(language_results(("ielts_general", "celpip_general", "tef_canada"))),
        work_history=tuple(jobs),
        country_of_residence=draw(st.sampled_from(["IN", "CA"])),
    )
    spouse: Spouse | None = None
    if draw(st.booleans()):
        assert base.spouse is not None
        spouse = replace(
            base.spouse,
            language_tests=draw(language_results(("ielts_general", "celpip_general"))),
            education=(Education("bachelors", 3, True, "IN", "S", "F", date(2015, 1, 1)),)
            if draw(st.booleans())
            else (),
            work_history=(job("CA", date(2025, 6, 1)),) if draw(st.booleans()) else (),
        )
    profile = replace(base, applicant=applicant, spouse=spouse)
    if spouse is None:
        profile = replace(
            profile, applicant=replace(applicant, marital_status="never_married"), children=()
        )
    return profile


def stop(profile: Profile, kind: str, last_day: date) -> Profile:
    def cut(jobs: tuple[Job, ...], canadian: bool) -> tuple[Job, ...]:
        return tuple(
            replace(j, end=last_day)
            if (j.country == "CA") == canadian and (j.end is None or j.end > last_day)
            else j
            for j in jobs
        )

    if kind == "spouse-canadian":
        assert profile.spouse is not None
        spouse = replace(profile.spouse, work_history=cut(profile.spouse.work_history, True))
        return replace(profile, spouse=spouse)
    jobs = cut(profile.applicant.work_history, kind == "canadian")
    return replace(profile, applicant=replace(profile.applicant, work_history=jobs))
