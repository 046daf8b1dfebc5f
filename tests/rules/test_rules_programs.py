"""FSW minimums and 67-point grid, CEC and FST (rules.md sections 3, 4, 5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rules_helpers import canadian, celpip, celpip_all, foreign, job, profile, spouse, tef

from ee_desktop.rules import evaluate, facts, load_rules
from ee_desktop.rules.programs import fsw_grid, required_funds

ON = date(2026, 11, 24)
TABLES = load_rules().at(ON)

FSW_AGE = {
    17: 0,
    18: 12,
    25: 12,
    35: 12,
    36: 11,
    37: 10,
    38: 9,
    39: 8,
    40: 7,
    41: 6,
    42: 5,
    43: 4,
    44: 3,
    45: 2,
    46: 1,
    47: 0,
    60: 0,
}
FSW_WORK = {0: 0, 1: 9, 2: 11, 3: 11, 4: 13, 5: 13, 6: 15, 9: 15}
FSW_EDUCATION = {
    "less_than_secondary": 0,
    "secondary": 5,
    "one_year_post_secondary": 15,
    "two_year_post_secondary": 19,
    "bachelors": 21,
    "two_or_more": 22,
    "masters": 23,
    "doctoral": 25,
}
FSW_LANGUAGE = {6: 0, 7: 4, 8: 5, 9: 6, 10: 6}


def grid(**changes: object) -> dict[str, int]:
    found = replace(facts(profile(), ON), **changes)  # type: ignore[arg-type]
    return {g.factor: g.points for g in fsw_grid(found, TABLES)}


@pytest.mark.parametrize(("age", "points"), FSW_AGE.items())
def test_fsw_age(age: int, points: int) -> None:
    assert grid(age=age)["age"] == points


@pytest.mark.parametrize(("years", "points"), FSW_WORK.items())
def test_fsw_work(years: int, points: int) -> None:
    assert grid(skilled_work_years=years)["work_experience"] == points


@pytest.mark.parametrize(("level", "points"), FSW_EDUCATION.items())
def test_fsw_education(level: str, points: int) -> None:
    assert grid(education_level=level)["education"] == points


@pytest.mark.parametrize(("level", "points"), FSW_LANGUAGE.items())
def test_fsw_first_language_per_ability(level: int, points: int) -> None:
    first = facts(profile(tests=(celpip(level, 4, 4, 4),)), ON).first_language
    assert grid(first_language=first)["language"] == points


def test_fsw_second_language_needs_clb_5_in_all_four() -> None:
    second = facts(profile(tests=(tef(352, 352, 330, 387),)), ON).french
    low = facts(profile(tests=(tef(352, 352, 330, 386),)), ON).french
    assert grid(second_language=second)["language"] == 4
    assert grid(second_language=low)["language"] == 0


def test_fsw_grid_maxima_add_to_100() -> None:
    found = facts(profile(tests=(celpip_all(7),)), ON)
    assert sum(g.max for g in fsw_grid(found, TABLES)) == 100


def test_fsw_adaptability_is_capped_at_10() -> None:
    partner = spouse(tests=(celpip_all(4),), work=(job(date(2023, 1, 1), None, country="CA"),))
    file = profile(
        partner=partner,
        sibling=True,
        offer_noc="21231",
        work=(job(date(2023, 1, 1), None, country="CA"),),
        education=(canadian("bachelors"),),
    )
    points = {g.factor: g.points for g in evaluate(file, ON).fsw.grid}
    assert points["adaptability"] == 10
    assert points["arranged_employment"] == 10


@pytest.mark.parametrize(
    ("changes", "points"),
    [
        ({"sibling": True}, 5),
        ({"education": (canadian("two_year_post_secondary", years=2),)}, 5),
        ({"education": (canadian("one_year_post_secondary", years=1),)}, 0),
        ({"partner": spouse(tests=(celpip_all(4),))}, 5),
        ({"partner": spouse(tests=(celpip(4, 4, 4, 3),))}, 0),
        ({"work": (job(date(2025, 1, 1), None, country="CA"),)}, 10),
    ],
)
def test_fsw_adaptability_items(changes: dict[str, object], points: int) -> None:
    file = profile(**changes)  # type: ignore[arg-type]
    assert {g.factor: g.points for g in evaluate(file, ON).fsw.grid}["adaptability"] == points


def test_spec_example_passes_fsw_with_72_points() -> None:
    # language 6+6+6+6 = 24, bachelor's 21, 8 years 15, age 30 12, no offer, no adaptability.
    file = profile(
        born=date(1996, 4, 12),
        education=(foreign("bachelors", date(2024, 11, 2)),),
        tests=(celpip(10, 9, 9, 10),),
        work=(job(date(2018, 7, 1), None),),
        partner=spouse(),
        children=1,
        funds=25000,
    )
    result = evaluate(file, ON).fsw
    assert result.points == 72
    assert result.eligible and result.reasons == ()


def test_fsw_minimums_each_give_a_plain_reason() -> None:
    file = profile(
        born=date(1980, 1, 1),
        education=(foreign("bachelors", eca_on=None),),
        tests=(celpip(6, 9, 9, 9),),
        work=(job(date(2026, 5, 1), None),),
    )
    reasons = evaluate(file, ON).fsw.reasons
    assert reasons[0] == (
        "You need 1 year of continuous skilled work (TEER 0-3) in one "
        "occupation in the last 10 years; you have 6 months."
    )
    assert reasons[1] == (
        "You need CLB/NCLC 7 in all four abilities of your first official "
        "language; your lowest is 6."
    )
    assert "secondary or post-secondary credential" in reasons[2]
    assert reasons[3].startswith("You need 67 points on the FSW selection grid; you have ")


def test_fsw_needs_continuous_work_in_one_occupation() -> None:
    # Two six-month jobs in different occupations: a year in all, but not in one occupation.
    work = (
        job(date(2025, 1, 1), date(2025, 6, 30), noc="21231"),
        job(date(2025, 7, 1), date(2025, 12, 31), noc="21232"),
    )
    file = profile(education=(foreign("masters"),), tests=(celpip_all(10),), work=work)
    assert not evaluate(file, ON).fsw.eligible
    same = (job(date(2025, 1, 1), date(2025, 6, 30)), job(date(2025, 7, 1), date(2025, 12, 31)))
    file = profile(education=(foreign("masters"),), tests=(celpip_all(10),), work=same)
    assert evaluate(file, ON).fsw.eligible


@pytest.mark.parametrize(
    ("size", "amount"),
    [
        (1, 15263),
        (2, 19001),
        (3, 23360),
        (4, 28362),
        (5, 32168),
        (6, 36280),
        (7, 40392),
        (8, 44504),
        (9, 48616),
    ],
)
def test_settlement_funds_2025_table(size: int, amount: int) -> None:
    found = replace(facts(profile(), ON), family_size=size)
    assert required_funds(found, TABLES) == amount


def test_settlement_funds_by_date() -> None:
    found = facts(profile(), date(2025, 7, 6))
    assert required_funds(found, load_rules().at(date(2025, 7, 6))) == 14690
    assert required_funds(found, load_rules().at(date(2024, 5, 26))) == 13757


def test_fsw_needs_funds_unless_working_in_canada_with_an_offer() -> None:
    base = {
        "education": (foreign("masters"),),
        "tests": (celpip_all(10),),
        "work": (job(date(2020, 1, 1), None),),
        "funds": 15000.0,
        "partner": spouse(),
    }
    result = evaluate(profile(**base), ON).fsw  # type: ignore[arg-type]
    assert result.reasons == (
        "You need $19,001 in settlement funds for a family of 2; you have $15,000.",
    )
    exempt = dict(base, work=(job(date(2020, 1, 1), None, country="CA"),), offer_noc="21231")
    assert evaluate(profile(**exempt), ON).fsw.eligible  # type: ignore[arg-type]


# CEC ------------------------------------------------------------------------------------------


def test_cec_needs_a_year_in_canada_in_the_last_three_years() -> None:
    file = profile(tests=(celpip_all(9),), work=(job(date(2026, 4, 24), None, country="CA"),))
    result = evaluate(file, ON).cec
    assert not result.eligible
    assert result.reasons == (
        "You need 1 year of skilled work in Canada in the last 3 years; you have 7 months.",
    )


def test_cec_ignores_work_older_than_three_years() -> None:
    file = profile(
        tests=(celpip_all(9), celpip_all(9, taken=date(2023, 12, 1))),
        work=(job(date(2020, 1, 1), date(2023, 6, 30), country="CA"),),
    )
    assert not evaluate(file, ON).cec.eligible
    assert evaluate(file, date(2024, 1, 1)).cec.eligible


@pytest.mark.parametrize(
    ("noc", "level", "eligible"),
    [
        ("21231", 7, True),
        ("21231", 6, False),
        ("00012", 7, True),
        ("00012", 6, False),
        ("22310", 5, True),
        ("22310", 4, False),
        ("32101", 5, True),
    ],
)
def test_cec_language_depends_on_teer(noc: str, level: int, eligible: bool) -> None:
    file = profile(
        tests=(celpip_all(level),), work=(job(date(2024, 1, 1), None, country="CA", noc=noc),)
    )
    result = evaluate(file, ON).cec
    assert result.eligible is eligible
    if not eligible:
        needed = 7 if noc[1] in "01" else 5
        assert f"CLB/NCLC {needed} in all four" in result.reasons[0]


@pytest.mark.parametrize("kwargs", [{"self_employed": True}, {"student": True}, {"country": "US"}])
def test_cec_excludes_self_employment_student_and_foreign_work(kwargs: dict[str, object]) -> None:
    values: dict[str, object] = {"country": "CA", **kwargs}
    file = profile(tests=(celpip_all(9),), work=(job(date(2023, 1, 1), None, **values),))  # type: ignore[arg-type]
    assert not evaluate(file, ON).cec.eligible


# FST ------------------------------------------------------------------------------------------


def trades_file(**changes: object) -> object:
    values: dict[str, object] = {
        "tests": (celpip(5, 4, 4, 5),),
        "certificate": True,
        "work": (job(date(2023, 1, 1), None, noc="72200", country="CA"),),
    }
    values.update(changes)
    return profile(**values)  # type: ignore[arg-type]


def test_fst_with_certificate_of_qualification() -> None:
    assert evaluate(trades_file(), ON).fst.eligible  # type: ignore[arg-type]


def test_fst_needs_offer_or_certificate() -> None:
    result = evaluate(trades_file(certificate=False), ON).fst  # type: ignore[arg-type]
    assert not result.eligible
    assert "job offer in a skilled trade" in result.reasons[0]
    assert evaluate(
        trades_file(certificate=False, offer_noc="72200"),
        ON,  # type: ignore[arg-type]
    ).fst.eligible


@pytest.mark.parametrize("scores", [(5, 3, 4, 5), (5, 4, 3, 5), (4, 4, 4, 5), (5, 4, 4, 4)])
def test_fst_language_minimums(scores: tuple[int, int, int, int]) -> None:
    assert not evaluate(trades_file(tests=(celpip(*scores),)), ON).fst.eligible  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("noc", "eligible"),
    [
        ("72200", True),
        ("73300", True),
        ("82010", True),
        ("83100", True),
        ("92100", True),
        ("93100", True),
        ("63200", True),
        ("62200", True),
        ("72600", False),
        ("93200", False),
        ("21231", False),
    ],
)
def test_fst_trade_groups(noc: str, eligible: bool) -> None:
    file = trades_file(work=(job(date(2023, 1, 1), None, noc=noc, country="CA"),))
    assert evaluate(file, ON).fst.eligible is eligible  # type: ignore[arg-type]


def test_fst_needs_two_years_in_the_last_five() -> None:
    short = trades_file(work=(job(date(2025, 1, 1), None, noc="72200", country="CA"),))
    result = evaluate(short, ON).fst  # type: ignore[arg-type]
    assert result.reasons == (
        "You need 2 years of work in one skilled trade in the last 5 "
        "years; you have 1 year and 10 months.",
    )
