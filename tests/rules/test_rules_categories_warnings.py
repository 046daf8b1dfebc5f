"""Category-based selection (rules.md section 7) and warnings."""

from __future__ import annotations

from datetime import date

import pytest
from rules_helpers import celpip_all, foreign, ielts, job, profile, spouse, tef

from ee_desktop.rules import evaluate
from ee_desktop.rules.categories import CategoryResult

ON = date(2026, 11, 24)


def statuses(file: object, on: date = ON) -> dict[str, str]:
    return {c.id: c.status for c in evaluate(file, on).categories}  # type: ignore[arg-type]


def eligible_base(**changes: object) -> object:
    """A file eligible for FSW, so that only the category criteria decide."""
    values: dict[str, object] = {
        "education": (foreign("masters"),),
        "tests": (celpip_all(10),),
        "work": (job(date(2019, 1, 1), date(2024, 12, 31)),),
    }
    values.update(changes)
    return profile(**values)  # type: ignore[arg-type]


def test_categories_in_force_by_date() -> None:
    assert set(statuses(eligible_base(), date(2024, 1, 1))) == {
        "french",
        "healthcare",
        "stem",
        "trades",
        "transport",
        "agriculture",
    }
    assert set(statuses(eligible_base(), date(2025, 6, 1))) == {
        "french",
        "healthcare",
        "stem",
        "trades",
        "education",
        "agriculture",
    }
    assert set(statuses(eligible_base(), ON)) == {
        "french",
        "healthcare",
        "stem",
        "trades",
        "education",
        "physicians",
        "researchers",
        "senior_managers",
        "transport",
        "military",
    }
    assert statuses(eligible_base(), date(2023, 5, 30)) == {}


def test_french_category_needs_nclc_7_in_all_four() -> None:
    tests = (celpip_all(10), tef(434, 434, 428, 456))
    assert statuses(eligible_base(tests=tests))["french"] == "eligible"
    tests = (celpip_all(10), tef(434, 434, 428, 455))
    assert statuses(eligible_base(tests=tests))["french"] == "not_eligible"


def test_categories_need_program_eligibility() -> None:
    file = profile(tests=(tef(600, 600, 600, 600),))
    [french] = [c for c in evaluate(file, ON).categories if c.id == "french"]
    assert french.status == "not_eligible"
    assert "only for candidates eligible for FSW, CEC or FST" in french.reasons[-1]


def test_2023_rule_six_months_continuous() -> None:
    on = date(2024, 6, 1)
    tests = (celpip_all(10, taken=date(2024, 1, 10)),)
    background = job(date(2015, 1, 1), date(2022, 12, 31), noc="11100")
    six = job(date(2023, 11, 1), date(2024, 5, 31), noc="21211")
    file = eligible_base(tests=tests, work=(six, background))
    assert statuses(file, on)["stem"] == "eligible"
    short = job(date(2024, 1, 1), date(2024, 5, 31), noc="21211")
    file = eligible_base(tests=tests, work=(short, background))
    assert statuses(file, on)["stem"] == "not_eligible"


def test_2026_rule_twelve_months_need_not_be_continuous() -> None:
    parts = (
        job(date(2024, 1, 1), date(2024, 7, 5), noc="41220"),
        job(date(2025, 1, 1), date(2025, 7, 5), noc="41220"),
    )
    file = eligible_base(work=(*parts, job(date(2018, 1, 1), date(2023, 12, 31))))
    assert statuses(file)["education"] == "eligible"
    # In 2025 one continuous stretch of six months was enough.
    earlier = eligible_base(
        tests=(celpip_all(10, taken=date(2025, 1, 10)),),
        work=(*parts, job(date(2018, 1, 1), date(2023, 12, 31))),
    )
    assert statuses(earlier, date(2025, 7, 10))["education"] == "eligible"
    one_part = eligible_base(work=(parts[1], job(date(2018, 1, 1), date(2023, 12, 31))))
    assert statuses(one_part)["education"] == "not_eligible"


def test_with_canadian_experience_categories_need_work_in_canada() -> None:
    abroad = eligible_base(work=(job(date(2023, 1, 1), None, noc="31102"),))
    assert statuses(abroad)["physicians"] == "not_eligible"
    here = eligible_base(work=(job(date(2023, 1, 1), None, noc="31102", country="CA"),))
    assert statuses(here)["physicians"] == "eligible"


def results(file: object, on: date = ON) -> dict[str, CategoryResult]:
    return {c.id: c for c in evaluate(file, on).categories}  # type: ignore[arg-type]


EARLIER = "on the 2025 list; the 2026 list is not confirmed"


def test_a_code_on_no_list_says_not_eligible_or_cannot_tell_only_where_unknown() -> None:
    # A software engineer (21231) is on none of the lists: the STEM list of 2025 has 11
    # engineering and technologist codes, not software engineers.
    found = results(eligible_base(work=(job(date(2019, 1, 1), None, noc="21231"),)))
    assert found["stem"].status == "not_eligible"
    assert "None of your jobs is " + EARLIER in found["stem"].reasons[0]
    assert found["trades"].status == "not_eligible"
    assert found["transport"].status == "not_eligible"
    assert found["physicians"].status == "not_eligible"
    # Part of the 2025 healthcare list is not found: outside it, the app cannot tell.
    assert found["healthcare"].status == "unknown"
    assert found["military"].status == "unknown"


def test_transport_2026_heavy_mechanic_72410_with_source() -> None:
    # 72410: automotive service technicians, truck and bus mechanics and mechanical repairers.
    mechanic = eligible_base(work=(job(date(2023, 1, 1), None, noc="72410", title="Mechanic"),))
    transport = results(mechanic)["transport"]
    assert transport.status == "eligible"
    assert transport.reasons == ()  # the 2026 transport list is itself confirmed
    assert "three-new-express-entry-categories" in transport.source
    assert results(mechanic)["trades"].status == "not_eligible"  # 72410 is not a 2025 trade


def test_trades_2026_electrician_72200_from_the_2025_list_says_so() -> None:
    electrician = eligible_base(work=(job(date(2023, 1, 1), None, noc="72200"),))
    trades = results(electrician)["trades"]
    assert trades.status == "eligible"
    assert "Your occupation is " + EARLIER + "." in trades.reasons
    assert "2025 list published 2025-02-27" in trades.source
    # In 2025 the 2025 list was the one in force: no caveat.
    earlier = eligible_base(
        tests=(celpip_all(10, taken=date(2025, 1, 10)),),
        work=(job(date(2023, 1, 1), None, noc="72200"),),
    )
    in_2025 = results(earlier, date(2025, 6, 1))["trades"]
    assert (in_2025.status, in_2025.reasons) == ("eligible", ())


def test_stem_2026_civil_engineer_on_the_2025_list() -> None:
    engineer = eligible_base(work=(job(date(2023, 1, 1), None, noc="21300"),))
    stem = results(engineer)["stem"]
    assert stem.status == "eligible"
    assert any(EARLIER in r for r in stem.reasons)


@pytest.mark.parametrize("noc", ["31202", "32124", "33103", "41300"])
def test_healthcare_codes_on_the_2025_list(noc: str) -> None:
    file = eligible_base(work=(job(date(2023, 1, 1), None, noc=noc),))
    healthcare = results(file)["healthcare"]
    assert healthcare.status == "eligible"
    assert any(EARLIER in r for r in healthcare.reasons)
    earlier = eligible_base(
        tests=(celpip_all(10, taken=date(2025, 1, 10)),),
        work=(job(date(2023, 1, 1), None, noc=noc),),
    )
    assert statuses(earlier, date(2025, 6, 1))["healthcare"] == "eligible"


def test_physicians_category_from_2026_02_18_only() -> None:
    here = eligible_base(work=(job(date(2023, 1, 1), None, noc="31100", country="CA"),))
    assert "physicians" not in statuses(here, date(2026, 2, 17))
    assert results(here, date(2026, 2, 18))["physicians"].reasons == ()


# Warnings ------------------------------------------------------------------------------------


def warnings(file: object, on: date = ON) -> list[str]:
    return list(evaluate(file, on).warnings)  # type: ignore[arg-type]


def test_language_test_expiring_within_90_days() -> None:
    file = profile(tests=(ielts(8, 8, 8, 8, taken=date(2025, 1, 20)),))
    assert any("expires on January 20, 2027, in 57 days" in w for w in warnings(file))
    file = profile(tests=(ielts(8, 8, 8, 8, taken=date(2025, 3, 1)),))
    assert not any("expires" in w for w in warnings(file))


def test_expired_test_is_reported() -> None:
    file = profile(tests=(ielts(8, 8, 8, 8, taken=date(2024, 1, 20)),))
    assert any("expired on January 20, 2026" in w for w in warnings(file))


def test_eca_expiring_and_missing() -> None:
    file = profile(education=(foreign("bachelors", eca_on=date(2021, 12, 1)),))
    assert any(
        "ECA for Foreign university expires on December 1, 2026" in w for w in warnings(file)
    )
    file = profile(education=(foreign("bachelors", eca_on=None),))
    assert any("has no ECA" in w for w in warnings(file))


def test_hours_over_30() -> None:
    file = profile(work=(job(date(2020, 1, 1), None, hours=45),))
    assert any("only 30 of the 45 hours a week count" in w for w in warnings(file))


def test_how_the_rules_count_is_information_and_what_to_fix_a_warning() -> None:
    work = (
        job(date(2018, 1, 1), date(2019, 12, 31), title="First", hours=45),
        job(date(2020, 6, 1), None, title="Second"),
    )
    found = {a.text: a.severity for a in evaluate(profile(work=work), ON).alerts}  # type: ignore[arg-type]
    hours = next(text for text in found if "only 30 of the 45 hours" in text)
    gap = next(text for text in found if "has a gap" in text)
    assert (found[hours], found[gap]) == ("information", "warning")
    spouse_pr = evaluate(profile(partner=spouse(pr=True)), ON).alerts  # type: ignore[arg-type]
    single = next(a for a in spouse_pr if "single applicant" in a.text)
    assert single.is_information
    expiring = evaluate(profile(tests=(ielts(8, 8, 8, 8, taken=date(2025, 1, 20)),)), ON)  # type: ignore[arg-type]
    assert all(a.severity == "warning" for a in expiring.alerts if "expires" in a.text)


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(1996, 4, 12), "On April 12, 2027 you turn 31 and lose 6 CRS points for age."),
        (date(2000, 1, 1), "On January 1, 2030 you turn 30 and lose 5 CRS points for age."),
        (date(1982, 6, 1), "On June 1, 2027 you turn 45 and lose 6 CRS points for age."),
    ],
)
def test_next_birthday_that_costs_points(born: date, expected: str) -> None:
    assert expected in warnings(profile(born=born))


def test_no_birthday_warning_at_45_or_more() -> None:
    assert not any("you turn" in w for w in warnings(profile(born=date(1970, 1, 1))))


def test_birthday_warning_uses_the_with_spouse_column() -> None:
    file = profile(born=date(1996, 4, 12), partner=spouse())
    assert "On April 12, 2027 you turn 31 and lose 5 CRS points for age." in warnings(file)


def test_gaps_and_overlaps_in_work_history() -> None:
    work = (
        job(date(2018, 1, 1), date(2019, 12, 31), title="First"),
        job(date(2020, 6, 1), date(2022, 12, 31), title="Second"),
        job(date(2022, 6, 1), None, title="Third"),
    )
    found = warnings(profile(work=work))
    assert "Your work history has a gap from January 1, 2020 to May 31, 2020." in found
    assert any(
        "jobs 'Second' and 'Third' overlap from June 1, 2022 to December 31, 2022" in w
        for w in found
    )


def test_a_short_gap_is_not_reported() -> None:
    work = (job(date(2018, 1, 1), date(2019, 12, 31)), job(date(2020, 1, 20), None))
    assert not any("gap" in w for w in warnings(profile(work=work)))


def test_job_offer_earns_no_points_after_march_2025() -> None:
    file = profile(offer_noc="21231")
    assert any("Job offers earn no CRS points since March 25, 2025" in w for w in warnings(file))
    assert not any("Job offers" in w for w in warnings(file, date(2025, 1, 1)))


def test_spouse_not_counted_is_explained() -> None:
    assert any(
        "scored as a single applicant" in w for w in warnings(profile(partner=spouse(pr=True)))
    )


def test_unknown_funds_is_a_warning() -> None:
    assert any("You have not entered your settlement funds" in w for w in warnings(profile()))
