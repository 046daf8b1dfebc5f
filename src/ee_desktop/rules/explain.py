"""CRS factors with their maximum and a one-line explanation a user understands."""

from __future__ import annotations

from dataclasses import dataclass

from ee_desktop.i18n import N_, _, format_date
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.rules.crs import CrsScore, band
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.model import Facts
from ee_desktop.rules.tables import Tables

LEVEL_NAMES: dict[str, str] = {
    "less_than_secondary": N_("no counted credential"),
    "secondary": N_("secondary school"),
    "one_year_post_secondary": N_("one-year post-secondary credential"),
    "two_year_post_secondary": N_("two-year post-secondary credential"),
    "bachelors": N_("bachelor's degree or 3+ year program"),
    "two_or_more": N_("two or more credentials, one of 3+ years"),
    "masters": N_("master's or professional degree"),
    "doctoral": N_("doctoral degree"),
}
LANGUAGE_NAMES: dict[str, str] = {"english": N_("English"), "french": N_("French")}
SECTIONS: dict[str, str] = {
    "core": N_("Core / human capital"),
    "spouse": N_("Spouse or partner factors"),
    "transferability": N_("Skill transferability"),
    "additional": N_("Additional points"),
}
FACTOR_NAMES: dict[str, str] = {
    "age": N_("Age"),
    "education": N_("Education"),
    "first_official_language": N_("First official language"),
    "second_official_language": N_("Second official language"),
    "canadian_work_experience": N_("Canadian work experience"),
    "spouse_education": N_("Spouse's education"),
    "spouse_first_official_language": N_("Spouse's language"),
    "spouse_canadian_work_experience": N_("Spouse's Canadian work"),
    "education_transferability": N_("Education combinations"),
    "foreign_work_transferability": N_("Foreign work combinations"),
    "certificate_of_qualification": N_("Certificate of qualification"),
    "section_cap": N_("Section cap"),
    "provincial_nomination": N_("Provincial nomination"),
    "job_offer": N_("Job offer"),
    "canadian_education": N_("Canadian education"),
    "french_language": N_("French-language skills"),
    "sibling_in_canada": N_("Brother or sister in Canada"),
}


@dataclass(frozen=True, slots=True)
class Factor:
    section: str
    factor: str
    points: int
    max: int
    explanation: str


def _levels(result: LanguageResult | None) -> str:
    if result is None:
        return _("no valid test")
    return _("{language} ({test}): listening {l}, reading {r}, writing {w}, speaking {s}").format(
        language=_(LANGUAGE_NAMES[result.language]),
        test=_(TEST_NAMES[result.test]),
        l=result.listening,
        r=result.reading,
        w=result.writing,
        s=result.speaking,
    )


def _years(n: int) -> str:
    return _("{n} full year(s)").format(n=n)


def _band_text(level: int) -> str:
    return {9: _("CLB 9+ in all four abilities"), 7: _("CLB 7+ in all four abilities")}.get(
        level, _("not CLB 7 in all four abilities")
    )


def _core(s: CrsScore, f: Facts, t: Tables) -> list[Factor]:
    c = 0 if s.with_spouse else 1
    caps = t.caps
    second_cap = caps[
        "second_language_with_spouse" if s.with_spouse else "second_language_without_spouse"
    ]
    return [
        Factor(
            "core",
            "age",
            s.age,
            max(t.age[c]),
            _("{age} years old on {date}").format(age=f.age, date=format_date(f.as_of)),
        ),
        Factor(
            "core",
            "education",
            s.education,
            max(v[c] for v in t.education.values()),
            _(LEVEL_NAMES[f.education_level]),
        ),
        Factor(
            "core",
            "first_official_language",
            s.first_language,
            4 * max(t.first_language[c]),
            _levels(f.first_language),
        ),
        Factor(
            "core",
            "second_official_language",
            s.second_language,
            second_cap,
            _levels(f.second_language),
        ),
        Factor(
            "core",
            "canadian_work_experience",
            s.canadian_work,
            max(t.canadian_work[c]),
            _("{years} of skilled work in Canada in the last 10 years").format(
                years=_years(f.canadian_work_years)
            ),
        ),
    ]


def _spouse(s: CrsScore, f: Facts, t: Tables) -> list[Factor]:
    spouse = f.spouse
    if spouse is None:
        return []
    return [
        Factor(
            "spouse",
            "spouse_education",
            s.spouse_education,
            max(t.spouse_education.values()),
            _(LEVEL_NAMES[spouse.education_level]),
        ),
        Factor(
            "spouse",
            "spouse_first_official_language",
            s.spouse_language,
            4 * max(t.spouse_language),
            _levels(spouse.language),
        ),
        Factor(
            "spouse",
            "spouse_canadian_work_experience",
            s.spouse_work,
            max(t.spouse_canadian_work),
            _("{years} of skilled work in Canada").format(years=_years(spouse.canadian_work_years)),
        ),
    ]


def _transferability(s: CrsScore, f: Facts, t: Tables) -> list[Factor]:
    caps = t.caps
    level = _band_text(band(f.first_language))
    factors = [
        Factor(
            "transferability",
            "education_transferability",
            s.education_transferability,
            caps["education_transferability"],
            _(
                "{edu}: {a} for {band}, {b} for {years} year(s) of Canadian work (capped at {cap})"
            ).format(
                edu=_(LEVEL_NAMES[f.education_level]),
                a=s.education_language,
                band=level,
                b=s.education_canadian_work,
                years=f.canadian_work_years,
                cap=caps["education_transferability"],
            ),
        ),
        Factor(
            "transferability",
            "foreign_work_transferability",
            s.foreign_transferability,
            caps["foreign_transferability"],
            _(
                "{years} of foreign work: {a} for {band}, {b} for {cdn} year(s) of Canadian "
                "work (capped at {cap})"
            ).format(
                years=_years(f.foreign_work_years),
                a=s.foreign_language,
                band=level,
                b=s.foreign_canadian_work,
                cdn=f.canadian_work_years,
                cap=caps["foreign_transferability"],
            ),
        ),
        Factor(
            "transferability",
            "certificate_of_qualification",
            s.certificate,
            caps["certificate_transferability"],
            _("Certificate of qualification with CLB 5+ or 7+ in all four abilities")
            if f.certificate_of_qualification
            else _("No certificate of qualification"),
        ),
    ]
    return factors + _cap("transferability", factors, s.transferability, caps["transferability"])


def _additional(s: CrsScore, f: Facts, t: Tables) -> list[Factor]:
    french_max = 0 if t.french is None else t.french[3]
    credit = {
        None: _("No Canadian post-secondary credential that counts"),
        "one_or_two": _("Canadian credential of one or two years"),
        "three_or_more": _("Canadian credential of three years or more"),
    }
    factors = [
        Factor(
            "additional",
            "provincial_nomination",
            s.nomination,
            t.nomination,
            _("Nominated by a province or territory")
            if f.nominated
            else _("No provincial nomination"),
        ),
        Factor(
            "additional",
            "job_offer",
            s.job_offer,
            max(t.job_offer),
            _("Job offers earn no points on this date")
            if max(t.job_offer) == 0
            else _("Qualifying job offer")
            if f.job_offer_noc
            else _("No qualifying job offer"),
        ),
        Factor(
            "additional",
            "canadian_education",
            s.canadian_education,
            max(t.canadian_education),
            credit[f.canadian_education],
        ),
        Factor(
            "additional",
            "french_language",
            s.french,
            french_max,
            _("NCLC 7+ in all four French abilities")
            if s.french
            else _("Needs NCLC 7 or more in all four French abilities"),
        ),
        Factor(
            "additional",
            "sibling_in_canada",
            s.sibling,
            t.sibling,
            _("Brother or sister in Canada who is a citizen or PR")
            if s.sibling
            else _("No brother or sister in Canada declared"),
        ),
    ]
    return factors + _cap("additional", factors, s.additional, t.caps["additional"])


def _cap(section: str, factors: list[Factor], total: int, cap: int) -> list[Factor]:
    """A negative row when a section cap cuts the sum, so factors still add up."""
    excess = sum(f.points for f in factors) - total
    if excess <= 0:
        return []
    return [
        Factor(
            section,
            "section_cap",
            -excess,
            0,
            _("This section is capped at {cap} points").format(cap=cap),
        )
    ]


def factors(s: CrsScore, f: Facts, t: Tables) -> list[Factor]:
    return _core(s, f, t) + _spouse(s, f, t) + _transferability(s, f, t) + _additional(s, f, t)
