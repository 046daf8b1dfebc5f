"""Reference letters, self-employment, education, language tests and settlement funds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checklist_helpers import AS_OF, by_key, degree, ielts, job, keys, omar, single, with_spouse

from ee_desktop.profile.model import Education, JobOffer
from ee_desktop.rules import evaluate


def letters(profile: object) -> list[str]:
    return [k for k in keys(profile) if k.startswith("reference_letter:")]  # type: ignore[arg-type]


def test_jobs_in_two_countries_get_one_letter_each_with_the_ircc_contents() -> None:
    profile = single(
        work_history=(
            job("Acme Ltd", "IN", date(2022, 8, 1)),
            job("Northwind UK", "GB", date(2020, 2, 1), date(2022, 6, 15)),
        )
    )
    assert letters(profile) == [
        "reference_letter:applicant:northwind-uk-2020-02-01",
        "reference_letter:applicant:acme-ltd-2022-08-01",
    ]
    item = by_key(profile)["reference_letter:applicant:acme-ltd-2022-08-01"]
    text = " ".join(item.contents)
    for needed in (
        "letterhead",
        "address, telephone number and email",
        "name, title and signature",
        "duties",
        "hours of work per week",
        "annual salary plus benefits",
    ):
        assert needed in text
    assert item.title == "Reference letter: Software developer at Acme Ltd"
    assert "August 1, 2022 to now" in item.reason


def test_two_positions_at_one_employer_starting_the_same_day_stay_distinct() -> None:
    profile = single(
        work_history=(
            job("Acme Ltd", "IN", date(2022, 8, 1), title="Developer"),
            job("Acme Ltd", "IN", date(2022, 8, 1), title="Analyst", hours_per_week=10),
        )
    )
    assert letters(profile) == [
        "reference_letter:applicant:acme-ltd-2022-08-01",
        "reference_letter:applicant:acme-ltd-2022-08-01-2",
    ]


def test_jobs_that_are_not_claimed_get_no_letter() -> None:
    profile = single(
        work_history=(
            job("Unpaid Org", "IN", date(2023, 1, 1), paid=False),
            job("Shop", "IN", date(2023, 1, 1), noc="64100"),  # TEER 4
            job("Old Co", "IN", date(2010, 1, 1), date(2016, 1, 31)),  # before the window
            job("Future Co", "IN", date(2027, 1, 1)),
        )
    )
    assert letters(profile) == []


def test_self_employed_work_gets_self_employment_evidence_instead_of_a_letter() -> None:
    profile = single(work_history=(job("Own Studio", "IN", date(2021, 1, 1), self_employed=True),))
    found = keys(profile)
    assert "self_employment:applicant:own-studio-2021-01-01" in found
    assert "profile.work:applicant:own-studio-2021-01-01" in found
    assert letters(profile) == []
    item = by_key(profile)["self_employment:applicant:own-studio-2021-01-01"]
    assert any("affidavits are not accepted" in line for line in item.contents)


def test_spouse_canadian_work_needs_a_letter_only_when_it_can_count() -> None:
    work = (
        job("Maple Corp", "CA", date(2023, 1, 1)),
        job("Dubai Co", "AE", date(2018, 1, 1), date(2021, 12, 31)),
    )
    counted = letters(with_spouse(single(), omar(work_history=work)))
    assert "reference_letter:spouse:maple-corp-2023-01-01" in counted
    assert not [k for k in counted if "dubai" in k]
    for spouse in (
        omar(work_history=work, accompanying=False),
        omar(work_history=work, canadian_citizen_or_pr=True),
    ):
        assert not [k for k in letters(with_spouse(single(), spouse)) if ":spouse:" in k]


def test_foreign_credential_without_eca() -> None:
    profile = single(education=(degree(eca=None),))
    item = by_key(profile)["profile.eca:applicant:university-of-mumbai-2012-05-30"]
    assert item.title == "Get an ECA for Computer engineering, University of Mumbai (2012)"
    assert item.stage == "profile" and item.mandatory
    # No report yet: only the item to get one (no proof of studies for the application).
    assert [k for k in keys(profile) if k.startswith(("studies:", "profile.eca:"))] == [
        "profile.eca:applicant:university-of-mumbai-2012-05-30"
    ]
    spouse = omar(education=(degree(eca=None),))
    optional = by_key(with_spouse(single(), spouse))[
        "profile.eca:spouse:university-of-mumbai-2012-05-30"
    ]
    assert not optional.mandatory and "Optional" in optional.reason


def test_expired_eca_is_flagged() -> None:
    from ee_desktop.profile.model import Eca

    old = degree(eca=Eca("WES", "1", date(2020, 1, 10), "bachelors"))
    item = by_key(single(education=(old,)))["studies:applicant:university-of-mumbai-2012-05-30"]
    assert item.expires_on == date(2025, 1, 10)
    assert "expired on January 10, 2025" in item.reason


def test_canadian_credential_needs_diploma_and_transcripts_not_an_eca() -> None:
    college = Education(
        "two_year_post_secondary", 2, True, "CA", "Seneca College", "IT", date(2019, 4, 30)
    )
    item = by_key(single(education=(college,)))["studies:applicant:seneca-college-2019-04-30"]
    assert item.contents == ("The diploma or degree.", "The transcripts.")
    assert "profile.eca:applicant:seneca-college-2019-04-30" not in keys(
        single(education=(college,))
    )


def test_language_tests_latest_valid_per_language() -> None:
    profile = single(
        language_tests=(ielts(date(2023, 1, 10)), ielts(date(2025, 9, 20)), ielts(date(2027, 1, 1)))
    )
    found = [k for k in keys(profile) if k.startswith("language:")]
    assert found == ["language:applicant:ielts_general-2025-09-20"]


def test_no_valid_language_test_asks_for_one() -> None:
    profile = single(language_tests=(ielts(date(2024, 1, 10)),))  # expired 2026-01-10
    found = keys(profile)
    assert "profile.language_needed:applicant" in found
    assert not [k for k in found if k.startswith("language:")]


def test_spouse_language_results_only_when_spouse_factors_count() -> None:
    scored = keys(with_spouse(single(), omar(language_tests=(ielts(),))))
    assert "language:spouse:ielts_general-2025-09-20" in scored
    away = keys(with_spouse(single(), omar(language_tests=(ielts(),), accompanying=False)))
    assert not [k for k in away if k.startswith("language:spouse")]


def funds_reason(profile: object) -> str:
    return by_key(profile)["funds:applicant"].reason  # type: ignore[arg-type]


def test_funds_enough_short_and_not_entered() -> None:
    base = with_spouse(single(), omar())  # family of 2: CAD 19,001 (table of 7 July 2025)
    assert "You need CAD 19,001 for a family of 2; you entered CAD 30,000." in funds_reason(base)
    short = replace(base, settlement_funds_cad=15000)
    assert "you entered CAD 15,000: CAD 4,001 short." in funds_reason(short)
    unknown = replace(base, settlement_funds_cad=None)
    assert "your funds are not entered yet" in funds_reason(unknown)
    assert "profile.funds:applicant" in keys(base)


def test_funds_family_size_counts_a_spouse_who_is_not_coming() -> None:
    profile = with_spouse(single(), omar(accompanying=False))
    assert "for a family of 2" in funds_reason(profile)


def test_exempt_with_job_offer_and_work_in_canada_gets_an_explanation_slot() -> None:
    profile = single(
        work_history=(job("Maple Corp", "CA", date(2024, 1, 1)),),
        job_offer=JobOffer("21232", "Maple Corp", date(2024, 1, 1), True),
    )
    found = keys(profile)
    assert "funds_exemption:applicant" in found
    assert "funds:applicant" not in found and "profile.funds:applicant" not in found
    assert "job offer" in by_key(profile)["funds_exemption:applicant"].reason


def test_cec_only_is_exempt() -> None:
    profile = single(
        education=(degree(eca=None),),  # no ECA: FSW is out
        work_history=(job("Maple Corp", "CA", date(2023, 1, 1)),),
    )
    ev = evaluate(profile, AS_OF)
    assert ev.cec.eligible and not ev.fsw.eligible and not ev.fst.eligible
    items = by_key(profile)
    assert "funds:applicant" not in items
    assert "Canadian Experience Class" in items["funds_exemption:applicant"].reason


def test_cec_and_fsw_eligible_still_lists_funds_with_a_note() -> None:
    profile = single(work_history=(job("Maple Corp", "CA", date(2023, 1, 1)),))
    ev = evaluate(profile, AS_OF)
    assert ev.cec.eligible and ev.fsw.eligible
    assert "Canadian Experience Class you will not need it" in funds_reason(profile)


def test_language_validity_runs_from_the_results_date() -> None:
    late = replace(ielts(date(2024, 11, 1)), results_on=date(2024, 12, 1))
    item = by_key(single(language_tests=(late,)))["language:applicant:ielts_general-2024-11-01"]
    assert item.expires_on == date(2026, 12, 1)
