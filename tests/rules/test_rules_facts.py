"""facts(): age, education that counts, languages, work years, spouse (rules.md 1.A, 1.E)."""

from __future__ import annotations

from datetime import date

import pytest
from rules_helpers import canadian, celpip_all, foreign, job, profile, spouse, tef

from ee_desktop.rules import facts

ON = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2000, 11, 24), date(2026, 11, 24), 26),
        (date(2000, 11, 25), date(2026, 11, 24), 25),
        (date(2000, 2, 29), date(2026, 2, 28), 25),
        (date(2000, 2, 29), date(2026, 3, 1), 26),
        (date(2000, 2, 29), date(2028, 2, 29), 28),
    ],
)
def test_age_in_completed_years(born: date, on: date, age: int) -> None:
    assert facts(profile(born=born), on).age == age


# Education ------------------------------------------------------------------------------------


def test_a_foreign_credential_counts_only_with_a_valid_eca() -> None:
    assert (
        facts(profile(education=(foreign("masters", eca_on=None),)), ON).education_level
        == "less_than_secondary"
    )
    assert facts(profile(education=(foreign("masters"),)), ON).education_level == "masters"


def test_an_eca_expires_when_five_years_old() -> None:
    file = profile(education=(foreign("bachelors", eca_on=date(2021, 11, 24)),))
    assert facts(file, date(2026, 11, 23)).education_level == "bachelors"
    assert facts(file, date(2026, 11, 24)).education_level == "less_than_secondary"


def test_an_eca_issued_after_the_date_does_not_count_yet() -> None:
    file = profile(education=(foreign("bachelors", eca_on=date(2026, 12, 1)),))
    assert facts(file, ON).education_level == "less_than_secondary"


def test_a_canadian_credential_needs_no_eca() -> None:
    assert facts(profile(education=(canadian("doctoral"),)), ON).education_level == "doctoral"


def test_a_credential_completed_after_the_date_does_not_count() -> None:
    file = profile(education=(canadian("masters", completed=date(2027, 5, 1)),))
    assert facts(file, ON).education_level == "less_than_secondary"


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        (("bachelors", "two_year_post_secondary"), "two_or_more"),
        (("bachelors", "one_year_post_secondary"), "two_or_more"),
        (("bachelors", "bachelors"), "two_or_more"),
        (("bachelors", "secondary"), "bachelors"),  # high school is not post-secondary
        (("two_year_post_secondary", "one_year_post_secondary"), "two_year_post_secondary"),
        (("bachelors", "masters"), "masters"),  # master's scores higher than two-or-more
        (("doctoral", "bachelors"), "doctoral"),
    ],
)
def test_two_or_more_credentials_is_derived_from_the_list(
    levels: tuple[str, ...], expected: str
) -> None:
    file = profile(education=tuple(canadian(level) for level in levels))
    assert facts(file, ON).education_level == expected


def test_a_foreign_credential_without_eca_does_not_make_two_or_more() -> None:
    file = profile(education=(canadian("bachelors"), foreign("two_year_post_secondary", None)))
    assert facts(file, ON).education_level == "bachelors"


@pytest.mark.parametrize(
    ("credential", "expected"),
    [
        (canadian("one_year_post_secondary", years=1), "one_or_two"),
        (canadian("two_year_post_secondary", years=2), "one_or_two"),
        (canadian("bachelors", years=4), "three_or_more"),
        (canadian("masters", years=2), "three_or_more"),
        (canadian("doctoral", years=4), "three_or_more"),
        (canadian("secondary"), None),
        (foreign("masters"), None),
        (canadian("bachelors", completed=date(2019, 5, 1), full_time=False), None),
        # Part-time study partly between March 2020 and August 2022 still counts.
        (canadian("bachelors", completed=date(2021, 5, 1), full_time=False), "three_or_more"),
    ],
)
def test_canadian_education_credit(credential: object, expected: str | None) -> None:
    assert facts(profile(education=(credential,)), ON).canadian_education == expected  # type: ignore[arg-type]


# Languages -------------------------------------------------------------------------------------


def test_first_language_is_the_users_choice() -> None:
    tests = (celpip_all(7), tef(600, 600, 600, 600))
    assert (
        facts(profile(tests=tests, first_language="french"), ON).first_language.language == "french"
    )  # type: ignore[union-attr]
    assert (
        facts(profile(tests=tests, first_language="english"), ON).first_language.language
        == "english"
    )  # type: ignore[union-attr]


def test_auto_takes_the_order_that_scores_higher() -> None:
    found = facts(profile(tests=(celpip_all(7), tef(600, 600, 600, 600))), ON)
    assert found.first_language.language == "french"  # type: ignore[union-attr]
    assert found.second_language.language == "english"  # type: ignore[union-attr]
    found = facts(profile(tests=(celpip_all(10), tef(440, 440, 440, 460))), ON)
    assert found.first_language.language == "english"  # type: ignore[union-attr]


def test_a_single_language_is_first_whatever_its_name() -> None:
    found = facts(profile(tests=(tef(600, 600, 600, 600),)), ON)
    assert found.first_language.language == "french"  # type: ignore[union-attr]
    assert found.second_language is None


# Work experience -----------------------------------------------------------------------------


def years(*jobs: object, on: date = ON) -> tuple[int, int]:
    found = facts(profile(work=jobs), on)  # type: ignore[arg-type]
    return found.canadian_work_years, found.foreign_work_years


def test_hours_over_30_a_week_do_not_count_extra() -> None:
    # 364 days at 60 h/week would be two "years" if hours were not capped at 30.
    assert years(job(date(2025, 1, 1), date(2025, 12, 30), hours=60)) == (0, 1)


def test_1560_hours_make_a_year_part_time_counts_pro_rata() -> None:
    # 15 h/week for 104 weeks = 1,560 hours.
    assert years(job(date(2024, 1, 1), date(2025, 12, 28), hours=15)) == (0, 1)
    assert years(job(date(2024, 1, 1), date(2025, 12, 20), hours=15)) == (0, 0)


def test_overlapping_jobs_are_never_counted_twice() -> None:
    a = job(date(2024, 1, 1), date(2024, 12, 31), hours=30)
    b = job(date(2024, 1, 1), date(2024, 12, 31), hours=30, title="Second job")
    assert years(a, b) == (0, 1)


def test_two_part_time_jobs_at_once_add_up_to_30_hours() -> None:
    a = job(date(2024, 1, 1), date(2024, 12, 31), hours=15)
    b = job(date(2024, 1, 1), date(2024, 12, 31), hours=15, title="Second job")
    assert years(a, b) == (0, 1)
    assert years(a) == (0, 0)


def test_only_the_last_ten_years_count() -> None:
    old = job(date(2010, 1, 1), date(2016, 12, 31))
    assert years(old, on=date(2026, 12, 31)) == (0, 0)
    assert years(old, on=date(2025, 12, 31)) == (0, 1)


def test_canadian_and_foreign_work_are_separate() -> None:
    assert years(
        job(date(2023, 1, 1), None, country="CA"), job(date(2019, 1, 1), date(2022, 12, 31))
    ) == (3, 4)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"self_employed": True},
        {"student": True},
        {"paid": False},
        {"noc": "64100"},
        {"noc": "75101"},
    ],
)
def test_excluded_canadian_work(kwargs: dict[str, object]) -> None:
    assert years(job(date(2022, 1, 1), None, country="CA", **kwargs)) == (0, 0)  # type: ignore[arg-type]


def test_foreign_self_employment_still_counts() -> None:
    assert years(job(date(2022, 1, 1), None, self_employed=True)) == (0, 4)


def test_a_job_starting_after_the_date_does_not_count() -> None:
    assert years(job(date(2027, 1, 1), None, country="CA")) == (0, 0)


@pytest.mark.parametrize("noc", ["00012", "10010", "21231", "32101"])
def test_teer_0_to_3_count(noc: str) -> None:
    assert years(job(date(2022, 1, 1), None, country="CA", noc=noc)) == (4, 0)


# Spouse -------------------------------------------------------------------------------------


def test_spouse_counted_only_if_accompanying_and_not_canadian() -> None:
    assert facts(profile(partner=spouse()), ON).with_spouse
    found = facts(profile(partner=spouse(accompanying=False)), ON)
    assert not found.with_spouse and found.spouse_not_counted == "not_accompanying"
    found = facts(profile(partner=spouse(pr=True)), ON)
    assert not found.with_spouse and found.spouse_not_counted == "citizen_or_pr"


def test_spouse_facts() -> None:
    partner = spouse(
        education=(canadian("masters"),),
        tests=(celpip_all(8),),
        work=(job(date(2023, 1, 1), None, country="CA"),),
    )
    found = facts(profile(partner=partner, children=2), ON).spouse
    assert found is not None
    assert (found.education_level, found.canadian_work_years) == ("masters", 3)
    assert found.language.levels == (8, 8, 8, 8)  # type: ignore[union-attr]


def test_family_size_counts_every_member_even_non_accompanying() -> None:
    assert facts(profile(partner=spouse(accompanying=False), children=2), ON).family_size == 4
