"""The facts the rules look at, derived from a personal file on an evaluation date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.profile.model import Profile, Spouse
from ee_desktop.rules import education, experience, programs
from ee_desktop.rules.crs import score
from ee_desktop.rules.dates import completed_years
from ee_desktop.rules.experience import Stint
from ee_desktop.rules.language import valid_results
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.rules.model import Facts, SpouseFacts
from ee_desktop.rules.tables import Tables

__all__ = ["Facts", "SpouseFacts", "facts"]


def _work(stints: tuple[Stint, ...], as_of: date, tables: Tables) -> tuple[int, int, int]:
    """Full years of Canadian, foreign and all skilled work in the CRS window."""
    counting = tables.counting
    low = tables.window_start(counting["crs_window_years"])
    high, cap, per_year = (
        as_of.toordinal(),
        counting["max_hours_per_week"],
        counting["hours_per_year"],
    )
    canadian = [s for s in stints if s.canadian and s.counts_in_canada]
    foreign = [s for s in stints if not s.canadian]
    years = experience.full_years
    return (
        years(experience.hours(canadian, low, high, cap), per_year),
        years(experience.hours(foreign, low, high, cap), per_year),
        years(experience.hours(stints, low, high, cap), per_year),
    )


def _spouse(spouse: Spouse, as_of: date, rules: RuleSet, tables: Tables) -> SpouseFacts:
    validity = tables.validity
    results = valid_results(spouse.language_tests, as_of, rules, validity["language_test_years"])
    language = None
    if results:
        # The spouse's first official language: whichever of their results scores higher.
        points = tables.spouse_language
        language = max(
            results.values(),
            key=lambda r: (sum(points[level] for level in r.levels), r.language == "english"),
        )
    canadian, _, _ = _work(experience.stints(spouse.work_history, as_of), as_of, tables)
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
    results = valid_results(applicant.language_tests, as_of, rules, validity["language_test_years"])
    english, french = results.get("english"), results.get("french")
    stints = experience.stints(applicant.work_history, as_of)
    canadian, foreign, skilled = _work(stints, as_of, tables)
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
        return (
            programs.cec(candidate, tables).eligible
            or programs.fsw(profile, candidate, tables).eligible
            or programs.fst(profile, candidate, tables).eligible
        )

    swapped = replace(result, first_language=result.french, second_language=result.english)
    a, b = score(result, tables), score(swapped, tables)
    best, other = (swapped, result) if (b.total, b.core) > (a.total, a.core) else (result, swapped)
    if eligible(best) or not eligible(other):
        return best
    return other
