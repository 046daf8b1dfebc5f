"""CRS, every table row and cap, from the official tables (rules.md section 1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rules_helpers import canadian, celpip, celpip_all, foreign, ielts, job, profile, spouse, tef

from ee_desktop.profile import load
from ee_desktop.rules import CrsScore, evaluate, facts, load_rules, score
from ee_desktop.rules.facts import Facts, SpouseFacts
from ee_desktop.rules.language import LanguageResult

ON = date(2026, 11, 24)
TABLES = load_rules().at(ON)
SPEC_EXAMPLE = Path(__file__).resolve().parent / "example-profile.json"

# Age: [with spouse, without spouse]
AGE = {
    17: (0, 0),
    18: (90, 99),
    19: (95, 105),
    **{a: (100, 110) for a in range(20, 30)},
    30: (95, 105),
    31: (90, 99),
    32: (85, 94),
    33: (80, 88),
    34: (75, 83),
    35: (70, 77),
    36: (65, 72),
    37: (60, 66),
    38: (55, 61),
    39: (50, 55),
    40: (45, 50),
    41: (35, 39),
    42: (25, 28),
    43: (15, 17),
    44: (5, 6),
    45: (0, 0),
    46: (0, 0),
    60: (0, 0),
}
EDUCATION = {
    "less_than_secondary": (0, 0),
    "secondary": (28, 30),
    "one_year_post_secondary": (84, 90),
    "two_year_post_secondary": (91, 98),
    "bachelors": (112, 120),
    "two_or_more": (119, 128),
    "masters": (126, 135),
    "doctoral": (140, 150),
}
FIRST_LANGUAGE = {
    0: (0, 0),
    3: (0, 0),
    4: (6, 6),
    5: (6, 6),
    6: (8, 9),
    7: (16, 17),
    8: (22, 23),
    9: (29, 31),
    10: (32, 34),
    11: (32, 34),
    12: (32, 34),
}
SECOND_LANGUAGE = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 6, 10: 6}
CANADIAN_WORK = {
    0: (0, 0),
    1: (35, 40),
    2: (46, 53),
    3: (56, 64),
    4: (63, 72),
    5: (70, 80),
    6: (70, 80),
    10: (70, 80),
}
SPOUSE_EDUCATION = {
    "less_than_secondary": 0,
    "secondary": 2,
    "one_year_post_secondary": 6,
    "two_year_post_secondary": 7,
    "bachelors": 8,
    "two_or_more": 9,
    "masters": 10,
    "doctoral": 10,
}
SPOUSE_LANGUAGE = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 5, 10: 5}
SPOUSE_WORK = {0: 0, 1: 5, 2: 7, 3: 8, 4: 9, 5: 10, 8: 10}


def lang(level: int | tuple[int, int, int, int], language: str = "english") -> LanguageResult:
    levels = (level,) * 4 if isinstance(level, int) else level
    return LanguageResult(language, "celpip_general", date(2026, 1, 1), date(2028, 1, 1), *levels)


def base(**changes: object) -> Facts:
    """A neutral single applicant: every factor 0 unless changed."""
    values: dict[str, object] = {"age": 50, **changes}
    return replace(facts(profile(), ON), **values)  # type: ignore[arg-type]


def with_partner(**changes: object) -> SpouseFacts:
    values: dict[str, object] = {
        "education_level": "less_than_secondary",
        "language": None,
        "canadian_work_years": 0,
        "studied_in_canada_years": 0,
    }
    values.update(changes)
    return SpouseFacts(**values)  # type: ignore[arg-type]


def crs(found: Facts) -> CrsScore:
    return score(found, TABLES)


@pytest.mark.parametrize(("age", "points"), AGE.items())
def test_age_table(age: int, points: tuple[int, int]) -> None:
    assert crs(base(age=age, spouse=with_partner())).age == points[0]
    assert crs(base(age=age)).age == points[1]


@pytest.mark.parametrize(("level", "points"), EDUCATION.items())
def test_education_table(level: str, points: tuple[int, int]) -> None:
    assert crs(base(education_level=level, spouse=with_partner())).education == points[0]
    assert crs(base(education_level=level)).education == points[1]


@pytest.mark.parametrize(("level", "points"), FIRST_LANGUAGE.items())
def test_first_language_table_per_ability(level: int, points: tuple[int, int]) -> None:
    # One ability at the level, the others below CLB 4 (0 points).
    result = lang((level, 0, 0, 0))
    assert crs(base(first_language=result, spouse=with_partner())).first_language == points[0]
    assert crs(base(first_language=result)).first_language == points[1]


def test_first_language_maxima() -> None:
    assert crs(base(first_language=lang(10), spouse=with_partner())).first_language == 128
    assert crs(base(first_language=lang(10))).first_language == 136


@pytest.mark.parametrize(("level", "points"), SECOND_LANGUAGE.items())
def test_second_language_table_per_ability(level: int, points: int) -> None:
    result = lang((level, 0, 0, 0), "french")
    assert crs(base(second_language=result)).second_language == points
    assert crs(base(second_language=result, spouse=with_partner())).second_language == points


def test_second_language_caps_22_with_spouse_and_24_without() -> None:
    result = lang(9, "french")
    assert crs(base(second_language=result, spouse=with_partner())).second_language == 22
    assert crs(base(second_language=result)).second_language == 24


@pytest.mark.parametrize(("years", "points"), CANADIAN_WORK.items())
def test_canadian_work_table(years: int, points: tuple[int, int]) -> None:
    assert crs(base(canadian_work_years=years, spouse=with_partner())).canadian_work == points[0]
    assert crs(base(canadian_work_years=years)).canadian_work == points[1]


def test_core_maxima_460_with_spouse_and_500_without() -> None:
    best = {
        "age": 25,
        "education_level": "doctoral",
        "first_language": lang(12),
        "second_language": lang(12, "french"),
        "canadian_work_years": 8,
    }
    assert crs(base(**best, spouse=with_partner())).core == 460
    assert crs(base(**best)).core == 500


@pytest.mark.parametrize(("level", "points"), SPOUSE_EDUCATION.items())
def test_spouse_education_table(level: str, points: int) -> None:
    assert crs(base(spouse=with_partner(education_level=level))).spouse_education == points


@pytest.mark.parametrize(("level", "points"), SPOUSE_LANGUAGE.items())
def test_spouse_language_table(level: int, points: int) -> None:
    found = base(spouse=with_partner(language=lang((0, level, 0, 0))))
    assert crs(found).spouse_language == points


@pytest.mark.parametrize(("years", "points"), SPOUSE_WORK.items())
def test_spouse_canadian_work_table(years: int, points: int) -> None:
    assert crs(base(spouse=with_partner(canadian_work_years=years))).spouse_work == points


def test_spouse_section_maximum_is_40() -> None:
    best = with_partner(education_level="doctoral", language=lang(10), canadian_work_years=5)
    assert crs(base(spouse=best)).spouse == 40


# Skill transferability (section 1.C) --------------------------------------------------------

# Education group: (CLB 7+ one under 9, CLB 9+ all, 1 yr Canadian, 2+ yrs Canadian)
EDU_TRANSFER = {
    "less_than_secondary": (0, 0, 0, 0),
    "secondary": (0, 0, 0, 0),
    "one_year_post_secondary": (13, 25, 13, 25),
    "two_year_post_secondary": (13, 25, 13, 25),
    "bachelors": (13, 25, 13, 25),
    "two_or_more": (25, 50, 25, 50),
    "masters": (25, 50, 25, 50),
    "doctoral": (25, 50, 25, 50),
}
FOREIGN_TRANSFER = {
    0: (0, 0, 0, 0),
    1: (13, 25, 13, 25),
    2: (13, 25, 13, 25),
    3: (25, 50, 25, 50),
    7: (25, 50, 25, 50),
}


@pytest.mark.parametrize(("level", "row"), EDU_TRANSFER.items())
def test_education_transferability_rows(level: str, row: tuple[int, int, int, int]) -> None:
    l7, l9, c1, c2 = row
    assert (
        crs(base(education_level=level, first_language=lang((7, 8, 9, 10)))).education_language
        == l7
    )
    assert crs(base(education_level=level, first_language=lang(9))).education_language == l9
    assert (
        crs(base(education_level=level, first_language=lang((6, 9, 9, 9)))).education_language == 0
    )
    assert crs(base(education_level=level, canadian_work_years=1)).education_canadian_work == c1
    assert crs(base(education_level=level, canadian_work_years=2)).education_canadian_work == c2
    assert crs(base(education_level=level, canadian_work_years=5)).education_canadian_work == c2


@pytest.mark.parametrize(("years", "row"), FOREIGN_TRANSFER.items())
def test_foreign_work_transferability_rows(years: int, row: tuple[int, int, int, int]) -> None:
    l7, l9, c1, c2 = row
    assert crs(base(foreign_work_years=years, first_language=lang(8))).foreign_language == l7
    assert crs(base(foreign_work_years=years, first_language=lang(10))).foreign_language == l9
    assert crs(base(foreign_work_years=years, first_language=lang(6))).foreign_language == 0
    assert crs(base(foreign_work_years=years, canadian_work_years=1)).foreign_canadian_work == c1
    assert crs(base(foreign_work_years=years, canadian_work_years=3)).foreign_canadian_work == c2


def test_each_transferability_group_is_capped_at_50() -> None:
    found = crs(
        base(
            education_level="masters",
            first_language=lang(9),
            canadian_work_years=2,
            foreign_work_years=3,
        )
    )
    assert (found.education_language, found.education_canadian_work) == (50, 50)
    assert found.education_transferability == 50
    assert found.foreign_transferability == 50
    assert found.transferability == 100


@pytest.mark.parametrize(
    ("levels", "points"),
    [
        ((4, 9, 9, 9), 0),
        ((5, 5, 5, 5), 25),
        ((6, 9, 9, 9), 25),
        ((7, 7, 7, 7), 50),
        ((10, 10, 10, 10), 50),
    ],
)
def test_certificate_of_qualification(levels: tuple[int, int, int, int], points: int) -> None:
    found = base(certificate_of_qualification=True, first_language=lang(levels))
    assert crs(found).certificate == points
    assert crs(replace(found, certificate_of_qualification=False)).certificate == 0


def test_transferability_is_capped_at_100() -> None:
    found = crs(
        base(
            education_level="masters",
            first_language=lang(9),
            canadian_work_years=2,
            foreign_work_years=3,
            certificate_of_qualification=True,
        )
    )
    assert (
        found.education_transferability + found.foreign_transferability + found.certificate == 150
    )
    assert found.transferability == 100


# Additional points (section 1.D) ------------------------------------------------------------


def test_provincial_nomination_600_and_additional_cap() -> None:
    found = crs(
        base(
            nominated=True,
            sibling_in_canada=True,
            canadian_education="three_or_more",
            french=lang(9, "french"),
            english=lang(9),
        )
    )
    assert found.nomination == 600
    assert found.additional == 600


def test_sibling_15() -> None:
    assert crs(base(sibling_in_canada=True)).additional == 15


@pytest.mark.parametrize(
    ("credit", "points"), [(None, 0), ("one_or_two", 15), ("three_or_more", 30)]
)
def test_canadian_education(credit: str | None, points: int) -> None:
    assert crs(base(canadian_education=credit)).canadian_education == points


@pytest.mark.parametrize(
    ("french", "english", "points"),
    [
        (7, None, 25),
        (7, (4, 9, 9, 9), 25),
        (7, 5, 50),
        (10, 10, 50),
        ((6, 9, 9, 9), 10, 0),
        (None, 10, 0),
    ],
)
def test_french_bonus(french: object, english: object, points: int) -> None:
    found = base(
        french=None if french is None else lang(french, "french"),  # type: ignore[arg-type]
        english=None if english is None else lang(english),
    )  # type: ignore[arg-type]
    assert crs(found).french == points


def test_french_bonus_does_not_depend_on_which_language_is_first() -> None:
    fr, en = lang(8, "french"), lang(6)
    a = base(french=fr, english=en, first_language=fr, second_language=en)
    b = base(french=fr, english=en, first_language=en, second_language=fr)
    assert crs(a).french == crs(b).french == 50


def test_french_bonus_was_15_and_30_before_the_2020_increase() -> None:
    tables = load_rules().at(date(2019, 6, 1))
    found = replace(base(french=lang(7, "french"), english=lang(5)), as_of=date(2019, 6, 1))
    assert score(found, tables).french == 30


@pytest.mark.parametrize(
    ("on", "noc", "points"),
    [
        (date(2025, 3, 24), "00012", 200),
        (date(2025, 3, 24), "21231", 50),
        (date(2025, 3, 25), "00012", 0),
        (date(2025, 3, 25), "21231", 0),
        (date(2016, 11, 19), "00012", 200),
    ],
)
def test_job_offer_points_removed_on_25_march_2025(on: date, noc: str, points: int) -> None:
    file = profile(tests=(celpip_all(9),), offer_noc=noc)
    assert evaluate(file, on).crs.job_offer == points


# Worked examples ----------------------------------------------------------------------------


def test_spec_example_on_2026_11_24_scores_404() -> None:
    # Asha Rao, born 1996-04-12, married; spouse accompanying, not a citizen/PR, so the
    # "with spouse" columns apply.
    #   Age 30 (with spouse)                                           95
    #   Bachelor's from India with a WES ECA of 2024-11-02 (valid)    112
    #   IELTS 2025-09-20: L 8.5 -> CLB 10, R 7.5 -> 9, W 7.0 -> 9, S 7.5 -> 10
    #     first language with spouse: 32 + 29 + 29 + 32               122
    #   No second language, no Canadian work                            0
    #   Core                                                          329
    #   Spouse: no education, no test, no Canadian work                 0
    #   Transferability: CLB 9+ on all four abilities
    #     bachelor's + CLB 9: 25; Canadian work none: 0   -> 25
    #     foreign TEER 1 work since 2018-07-01 = 8 years (3+) + CLB 9: 50 -> 50
    #                                                                  75
    #   Additional: none                                                0
    #   Total                                         329 + 0 + 75 + 0 = 404
    file = load(SPEC_EXAMPLE, today=ON)
    result = evaluate(file, ON).crs
    assert (result.core, result.spouse, result.transferability, result.additional) == (
        329,
        0,
        75,
        0,
    )
    assert result.total == 404


def test_single_bilingual_canadian_graduate() -> None:
    # Born 1997-03-01: 29 on 2026-08-01, single.                     110
    # Canadian master's (2 years, full time)                          135
    # CELPIP 9 x4: first language 31 x 4                               124
    # TEF 434/428/434/456 = NCLC 7 x4: second language 3 x 4            12
    # Canadian TEER 1 work since 2023-07-01 = 3 years                   64
    # Core                                                             445
    # Transferability: master's + CLB 9 = 50, + 2+ yrs Canadian = 50 -> 50
    # Additional: Canadian master's 30, French NCLC 7 + English CLB 5+ 50,
    #   sibling 15                                                      95
    # Total 445 + 50 + 95 = 590
    file = profile(
        born=date(1997, 3, 1),
        education=(canadian("masters", years=2),),
        tests=(celpip_all(9), tef(434, 434, 428, 456)),
        work=(job(date(2023, 7, 1), None, country="CA"),),
        sibling=True,
    )
    result = evaluate(file, date(2026, 8, 1))
    assert result.facts.first_language.language == "english"  # type: ignore[union-attr]
    assert (result.crs.core, result.crs.transferability, result.crs.additional) == (445, 50, 95)
    assert result.crs.total == 590


def test_married_applicant_with_nomination() -> None:
    # Born 1991-06-15: 35 on 2026-11-24, with spouse                   70
    # Bachelor's + two-year diploma, both with ECA: two or more       119
    # IELTS L7.5 R6.5 W6.5 S6.5 = CLB 8 x4: 22 x 4                      88
    # Canadian TEER 2 work 2025-06-01 to date = 1 year                  35
    # Core                                                             312
    # Spouse: Canadian high school 2; IELTS 6.0 x4 = CLB 7: 3 x 4 = 12   14
    # Transferability: band CLB 7+; two-or-more: 25 + 1 yr Cdn 25 = 50;
    #   foreign 2019-2023 = 5 years: 25 + 25 = 50; total 100            100
    # Provincial nomination                                            600
    # Total 312 + 14 + 100 + 600 = 1026
    partner = spouse(education=(canadian("secondary"),), tests=(ielts(6.0, 6.0, 6.0, 6.0),))
    file = profile(
        born=date(1991, 6, 15),
        education=(
            foreign("bachelors", date(2023, 1, 10)),
            foreign("two_year_post_secondary", date(2023, 1, 10), years=2),
        ),
        tests=(ielts(7.5, 6.5, 6.5, 6.5),),
        work=(
            job(date(2025, 6, 1), None, country="CA", noc="22310"),
            job(date(2019, 1, 1), date(2023, 12, 31)),
        ),
        partner=partner,
        nominated=True,
    )
    result = evaluate(file, ON).crs
    assert (result.core, result.spouse, result.transferability, result.additional) == (
        312,
        14,
        100,
        600,
    )
    assert result.total == 1026


def test_non_accompanying_spouse_uses_the_single_columns() -> None:
    file = profile(
        born=date(1996, 1, 1),
        tests=(celpip_all(10),),
        partner=spouse(accompanying=False, tests=(celpip_all(10),)),
    )
    result = evaluate(file, ON).crs
    assert not result.with_spouse
    assert (result.age, result.first_language, result.spouse) == (105, 136, 0)


def test_birthday_costs_points_on_the_day() -> None:
    file = profile(born=date(1996, 4, 12), tests=(celpip(9, 9, 9, 9),))
    assert evaluate(file, date(2026, 4, 11)).crs.age == 110
    assert evaluate(file, date(2026, 4, 12)).crs.age == 105


def test_an_evaluation_date_before_birth_scores_no_age_points() -> None:
    assert evaluate(profile(born=date(2027, 1, 1)), ON).crs.age == 0
