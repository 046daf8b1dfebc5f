"""The facts the rules look at, derived from a personal file on an evaluation date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from ee_desktop.profile.model import Job, LanguageTest, Profile, Spouse
from ee_desktop.rules import education, experience, programs
from ee_desktop.rules.crs import score
from ee_desktop.rules.dates import completed_years
from ee_desktop.rules.experience import Stint
from ee_desktop.rules.language import LanguageResult, valid_results
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.rules.model import Facts, SpouseFacts
from ee_desktop.rules.tables import Tables

__all__ = ["Facts", "SpouseFacts", "facts"]


def _work(jobs: tuple[Job, ...], as_of: date, tables: Tables) -> _Work:
    """The skilled stints, and the full years of Canadian, foreign and all skilled work in
    the CRS window."""
    counting = tables.counting
    return _work_years(
        jobs,
        as_of,
        tables.window_start(counting["crs_window_years"]),
        counting["max_hours_per_week"],
        counting["hours_per_year"],
    )


# The strategy scores hundreds of copies of one file that differ in a test or a credential:
# the work and the language results of each person are counted once per date.
@lru_cache(maxsize=1024)
def _work_years(jobs: tuple[Job, ...], as_of: date, low: int, cap: float, per_year: int) -> _Work:
    stints = experience.stints(jobs, as_of)
    high = as_of.toordinal()
    canadian = [s for s in stints if s.canadian and s.counts_in_canada]
    foreign = [s for s in stints if not s.canadian]
    years = experience.full_years
    return _Work(
        stints,
        years(experience.hours(canadian, low, high, cap), per_year),
        years(experience.hours(foreign, low, high, cap), per_year),
        years(experience.hours(stints, low, high, cap), per_year),
    )


class _Work(NamedTuple):
    stints: tuple[Stint, ...]
    canadian: int
    foreign: int
    skilled: int


def _results(
    tests: tuple[LanguageTest, ...], as_of: date, rules: RuleSet, tables: Tables
) -> dict[str, LanguageResult]:
    return dict(_valid_results(tests, as_of, rules, tables.validity["language_test_years"]))


@lru_cache(maxsize=1024)
def _valid_results(
    tests: tuple[LanguageTest, ...], as_of: date, rules: RuleSet, years: int
) -> tuple[tuple[str, LanguageResult], ...]:
    return tuple(valid_results(tests, as_of, rules, years).items())


def _spouse(spouse: Spouse, as_of: date, rules: RuleSet, tables: Tables) -> SpouseFacts:
    validity = tables.validity
    results = _results(spouse.language_tests, as_of, rules, tables)
    language = None
    if results:
        # The spouse's first official language: whichever of their results scores higher.
        points = tables.spouse_language
        language = max(
            results.values(),
            key=lambda r: (sum(points[level] for level in r.levels), r.language == "english"),
        )
    canadian = _work(spouse.work_history, as_of, tables).canadian
    return SpouseFacts(
        education_level=education.counted_level(spouse.education, as_of, validity["eca_years"]),
        language=language,
        canadian_work_years=canadian,
        studied_in_canada_years=education.studied_in_canada_years(spouse.education, as_of),
    )


def facts(profile: Profile, as_of: date, rules: RuleSet | None = None) -> Facts:
    """Everything the rules need about ``profile`` on ``as_of``."""
    if rules is None:
        rules = load_rules()
    tables = rules.at(as_of)
    applicant = profile.applicant
    validity = tables.validity
    results = _results(applicant.language_tests, as_of, rules, tables)
    english, french = results.get("english"), results.get("french")
    stints, canadian, foreign, skilled = _work(applicant.work_history, as_of, tables)
    spouse, not_counted = None, None
    if profile.spouse is not None:
        if not profile.spouse.accompanying:
            not_counted = "not_accompanying"
        elif profile.spouse.canadian_citizen_or_pr:
            not_counted = "citizen_or_pr"
        else:
            spouse = _spouse(profile.spouse, as_of, rules, tables)
    offer = applicant.job_offer
    offer_noc = None
    if (
        offer is not None
        and offer.lmia_exempt_or_approved
        and len(offer.noc_code) == 5
        and offer.noc_code[1] in "0123"
    ):
        offer_noc = offer.noc_code
    choice = profile.first_official_language
    first, second = (french, english) if choice == "french" else (english, french)
    if first is None:
        # Without a valid result in the chosen language, the other one is the first.
        first, second = second, None
    result = Facts(
        as_of=as_of,
        age=completed_years(applicant.date_of_birth, as_of),
        education_level=education.counted_level(applicant.education, as_of, validity["eca_years"]),
        canadian_education=education.canadian_credit(applicant.education, as_of),
        studied_in_canada_years=education.studied_in_canada_years(applicant.education, as_of),
        first_language=first,
        second_language=second,
        english=english,
        french=french,
        language_choice=choice,
        canadian_work_years=canadian,
        foreign_work_years=foreign,
        skilled_work_years=skilled,
        spouse=spouse,
        spouse_not_counted=not_counted,
        certificate_of_qualification=(
            applicant.certificate_of_qualification is not None
            and applicant.certificate_of_qualification.issued_on <= as_of
        ),
        nominated=(
            applicant.provincial_nomination is not None
            and applicant.provincial_nomination.nominated_on <= as_of
            and applicant.provincial_nomination.province not in tables.nomination_excluded
        ),
        job_offer_noc=offer_noc,
        sibling_in_canada=applicant.sibling_in_canada,
        family_size=1 + (profile.spouse is not None) + len(profile.children),
        stints=stints,
    )
    if choice not in ("english", "french") and english is not None and french is not None:
        result = _better_assignment(result, tables, profile)
    return result


def _better_assignment(result: Facts, tables: Tables, profile: Profile) -> Facts:
    """With both languages tested and no choice made, take the order that scores higher,
    unless only the other order keeps a program open."""

    def eligible(candidate: Facts) -> bool:
        return (  # cheapest first
            programs.cec(candidate, tables).eligible
            or programs.fst(profile, candidate, tables).eligible
            or programs.fsw(profile, candidate, tables).eligible
        )

    swapped = replace(result, first_language=result.french, second_language=result.english)
    a, b = score(result, tables), score(swapped, tables)
    best, other = (swapped, result) if (b.total, b.core) > (a.total, a.core) else (result, swapped)
    if eligible(best) or not eligible(other):
        return best
    return other
