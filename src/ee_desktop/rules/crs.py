"""The Comprehensive Ranking System: points per factor and per section, with their caps."""

from __future__ import annotations

from typing import NamedTuple

from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.model import Facts
from ee_desktop.rules.tables import Tables, pick


class CrsScore(NamedTuple):
    """Points per factor before section caps, and the capped section totals."""

    with_spouse: bool
    age: int
    education: int
    first_language: int
    second_language: int  # already within its own cap (22 or 24)
    canadian_work: int
    spouse_education: int
    spouse_language: int
    spouse_work: int
    education_language: int
    education_canadian_work: int
    foreign_language: int
    foreign_canadian_work: int
    certificate: int
    nomination: int
    job_offer: int
    canadian_education: int
    french: int
    sibling: int
    core: int
    spouse: int
    education_transferability: int  # capped sub-total
    foreign_transferability: int  # capped sub-total
    transferability: int
    additional: int

    @property
    def total(self) -> int:
        return self.core + self.spouse + self.transferability + self.additional


def band(first: LanguageResult | None) -> int:
    """Transferability language band: 9 (CLB 9+ on all four), 7 (CLB 7+), or 0."""
    if first is None:
        return 0
    lowest = first.lowest
    return 9 if lowest >= 9 else 7 if lowest >= 7 else 0


def _language_points(result: LanguageResult | None, table: tuple[int, ...]) -> int:
    if result is None:
        return 0
    return (
        pick(table, result.listening)
        + pick(table, result.reading)
        + pick(table, result.writing)
        + pick(table, result.speaking)
    )


def french_points(facts: Facts, tables: Tables) -> int:
    rule, french = tables.french, facts.french
    if rule is None or french is None or french.lowest < rule[0]:
        return 0
    english = facts.english
    return rule[3] if english is not None and english.lowest >= rule[1] else rule[2]


def score(facts: Facts, tables: Tables) -> CrsScore:
    caps = tables.caps
    s = facts.spouse is not None
    column = 0 if s else 1
    age = pick(tables.age[column], facts.age)
    edu = tables.education[facts.education_level][column]
    first = _language_points(facts.first_language, tables.first_language[column])
    second_cap = caps["second_language_with_spouse" if s else "second_language_without_spouse"]
    second = min(
        second_cap, _language_points(facts.second_language, tables.second_language[column])
    )
    cdn_years = facts.canadian_work_years
    cdn = pick(tables.canadian_work[column], cdn_years)
    core = min(
        caps["core_with_spouse" if s else "core_without_spouse"], age + edu + first + second + cdn
    )

    sp_edu = sp_lang = sp_work = 0
    spouse = facts.spouse
    if spouse is not None:
        sp_edu = tables.spouse_education[spouse.education_level]
        sp_lang = _language_points(spouse.language, tables.spouse_language)
        sp_work = pick(tables.spouse_canadian_work, spouse.canadian_work_years)
    spouse_total = min(caps["spouse"], sp_edu + sp_lang + sp_work) if s else 0

    level = band(facts.first_language)
    row = tables.transfer_education[facts.education_level]
    edu_lang = row[1] if level == 9 else row[0] if level == 7 else 0
    edu_cdn = row[3] if cdn_years >= 2 else row[2] if cdn_years == 1 else 0
    foreign = tables.transfer_foreign
    fy = facts.foreign_work_years
    for_lang = pick(foreign[1], fy) if level == 9 else pick(foreign[0], fy) if level == 7 else 0
    for_cdn = (
        pick(foreign[3], fy) if cdn_years >= 2 else pick(foreign[2], fy) if cdn_years == 1 else 0
    )
    certificate = 0
    if facts.certificate_of_qualification and facts.first_language is not None:
        certificate = min(
            caps["certificate_transferability"],
            pick(tables.transfer_certificate, facts.first_language.lowest),
        )
    edu_sub = min(caps["education_transferability"], edu_lang + edu_cdn)
    for_sub = min(caps["foreign_transferability"], for_lang + for_cdn)
    transfer = min(caps["transferability"], edu_sub + for_sub + certificate)

    nomination = tables.nomination if facts.nominated else 0
    offer = facts.job_offer_noc
    job = 0 if offer is None else tables.job_offer[0 if offer.startswith("00") else 1]
    credit = facts.canadian_education
    cdn_edu = (
        0 if credit is None else tables.canadian_education[1 if credit == "three_or_more" else 0]
    )
    french = french_points(facts, tables)
    sibling = tables.sibling if facts.sibling_in_canada else 0
    additional = min(caps["additional"], nomination + job + cdn_edu + french + sibling)
    return CrsScore(
        with_spouse=s,
        age=age,
        education=edu,
        first_language=first,
        second_language=second,
        canadian_work=cdn,
        spouse_education=sp_edu,
        spouse_language=sp_lang,
        spouse_work=sp_work,
        education_language=edu_lang,
        education_canadian_work=edu_cdn,
        foreign_language=for_lang,
        foreign_canadian_work=for_cdn,
        certificate=certificate,
        nomination=nomination,
        job_offer=job,
        canadian_education=cdn_edu,
        french=french,
        sibling=sibling,
        core=core,
        spouse=spouse_total,
        education_transferability=edu_sub,
        foreign_transferability=for_sub,
        transferability=transfer,
        additional=additional,
    )
