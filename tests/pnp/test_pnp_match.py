"""Matching, one criterion at a time, on files built to sit on each side of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pnp_helpers import (
    TODAY,
    canadian,
    decide,
    foreign,
    ielts,
    job,
    rules,
    skilled,
    stream,
    tef,
)

from ee_desktop.pnp import DOES_NOT_FIT, FITS, MIGHT_FIT, match_all, questions
from ee_desktop.pnp.match import ask_id
from ee_desktop.profile.model import JobOffer
from ee_desktop.rules import evaluate


def test_a_stream_with_no_criteria_fits_a_file_eligible_for_a_federal_program() -> None:
    found = decide(skilled(), stream())
    assert found.fit == FITS
    assert found.met == ("Eligible for the Federal Skilled Worker Program.",)
    assert found.unmet == found.questions == ()


# -- federal programs -----------------------------------------------------------------------
def test_every_stream_needs_a_federal_program() -> None:
    no_test = skilled(applicant={"language_tests": ()})  # FSW needs CLB 7
    found = decide(no_test, stream())
    assert found.fit == DOES_NOT_FIT
    assert found.unmet[0] == (
        "Needs eligibility for one of these federal programs: Federal Skilled Worker Program, "
        "Canadian Experience Class, Federal Skilled Trades Program; your file meets none."
    )


def test_a_stream_limited_to_the_canadian_experience_class() -> None:
    assert decide(skilled(), stream(programs=("cec",))).unmet == (
        "Needs eligibility for the Canadian Experience Class; your file does not meet it.",
    )
    in_canada = skilled(applicant={"work_history": (job(date(2024, 1, 1), country="CA"),)})
    found = decide(in_canada, stream(programs=("cec",)))
    assert found.fit == FITS
    assert found.met[0] == "Eligible for the Canadian Experience Class."


# -- language -------------------------------------------------------------------------------
def test_first_language_level_in_every_ability() -> None:
    # IELTS 8.0 / 7.0 / 7.0 / 7.0 is CLB 9 in each ability (IRCC's IELTS table).
    assert decide(skilled(), stream(clb=9)).fit == FITS
    found = decide(skilled(), stream(clb=10))
    assert found.fit == DOES_NOT_FIT
    assert found.unmet == (
        "Needs CLB/NCLC 10 in every ability of your first official language; your file shows 9.",
    )
    one_low = skilled(applicant={"language_tests": (ielts(8.0, 7.0, 7.0, 5.5),)})  # S: CLB 6
    assert decide(one_low, stream(clb=7)).fit == DOES_NOT_FIT


def test_french_and_english_levels_are_checked_separately() -> None:
    s = stream(french_nclc=7, english_clb=6)
    found = decide(skilled(), s)
    assert found.fit == DOES_NOT_FIT
    assert found.met[1] == "English at CLB 9 in every ability (needs 6)."
    assert found.unmet == (
        "Needs French at NCLC 7 in every ability; your file shows no valid French test.",
    )
    # TEF Canada, scale of 2023-12-11: 434 / 434 / 428 / 456 is NCLC 7 in each ability.
    bilingual = skilled(
        applicant={"language_tests": (ielts(8.0, 7.0, 7.0, 7.0), tef(434, 434, 428, 456))}
    )
    assert decide(bilingual, s).fit == FITS
    weaker = skilled(
        applicant={"language_tests": (ielts(8.0, 7.0, 7.0, 7.0), tef(433, 434, 428, 456))}
    )
    assert decide(weaker, s).unmet == (
        "Needs French at NCLC 7 in every ability; your file shows 6.",
    )


def test_an_expired_test_does_not_count() -> None:
    old = skilled(applicant={"language_tests": (ielts(8.0, 7.0, 7.0, 7.0, date(2024, 1, 10)),)})
    assert decide(old, stream(english_clb=5)).fit == DOES_NOT_FIT


# -- education ------------------------------------------------------------------------------
def test_education_minimum() -> None:
    assert decide(skilled(), stream(education="bachelors")).fit == FITS
    found = decide(skilled(), stream(education="masters"))
    assert found.fit == DOES_NOT_FIT
    assert found.unmet[0].startswith("Needs master's or professional degree or higher")


def test_a_foreign_credential_without_an_eca_does_not_count() -> None:
    no_eca = skilled(applicant={"education": (foreign("bachelors", eca_on=None),)})
    found = decide(no_eca, stream(education="secondary", programs=("cec", "fst")))
    assert any("with an ECA" in reason for reason in found.unmet)


def test_two_credentials_count_above_a_bachelors() -> None:
    two = skilled(
        applicant={"education": (foreign("bachelors"), foreign("one_year_post_secondary"))}
    )
    assert decide(two, stream(education="bachelors")).fit == FITS
    assert decide(two, stream(education="masters")).fit == DOES_NOT_FIT


# -- score and age -------------------------------------------------------------------------
def test_minimum_crs() -> None:
    score = evaluate(skilled(), TODAY, rules()).crs.total
    assert decide(skilled(), stream(crs=score)).fit == FITS
    found = decide(skilled(), stream(crs=score + 1))
    assert found.unmet == (f"Needs a CRS score of at least {score + 1}; yours is {score}.",)


def test_a_crs_floor_does_not_count_the_nomination_points() -> None:
    from ee_desktop.profile.model import ProvincialNomination

    nominated = skilled(
        applicant={"provincial_nomination": ProvincialNomination("NS", "X", date(2026, 1, 5))}
    )
    score = evaluate(nominated, TODAY, rules()).crs.total
    assert decide(nominated, stream(crs=score - 100)).fit == DOES_NOT_FIT  # 600 left out


@pytest.mark.parametrize(
    ("born", "accepted"),
    [
        (date(1967, 11, 25), True),  # 58 on TODAY
        (date(1967, 11, 24), True),  # 59 today: still within 21 to 59
        (date(1966, 11, 24), False),  # 60
        (date(2005, 11, 24), True),  # 21 today
        (date(2005, 11, 25), False),  # 20, turning 21 tomorrow
    ],
)
def test_age_limits_are_inclusive(born: date, accepted: bool) -> None:
    found = decide(skilled(applicant={"date_of_birth": born}), stream(min_age=21, max_age=59))
    refused = [r for r in found.unmet if r.startswith("Accepts ages 21 to 59")]
    assert bool(refused) != accepted
    assert any(r.startswith("Age ") for r in found.met) == accepted


# -- experience ------------------------------------------------------------------------------
def test_experience_in_the_window() -> None:
    # One year exactly: 2025-11-25 to 2026-11-24 at 40 h a week (30 count) = 1,560 hours.
    year = skilled(applicant={"work_history": (job(date(2025, 11, 25)),)})
    s = stream(experience_months=12, experience_window_years=3, programs=())
    found = decide(year, s)
    assert not [r for r in found.unmet if "paid work" in r]
    short = skilled(applicant={"work_history": (job(date(2025, 11, 27)),)})
    assert any("Needs 1 year of paid work in skilled jobs" in r for r in decide(short, s).unmet)
    old = skilled(applicant={"work_history": (job(date(2015, 1, 1), date(2020, 1, 1)),)})
    assert any("paid work" in r for r in decide(old, s).unmet)  # outside the 3 years


def test_experience_limited_to_teers() -> None:
    teer_3 = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc="33102"),)})
    assert decide(teer_3, stream(experience_months=12, teer=(0, 1, 2, 3))).fit == FITS
    found = decide(teer_3, stream(experience_months=12, teer=(0, 1)))
    assert found.unmet[-1] == (
        "Needs 1 year of paid work in TEER 0, 1 jobs in the last 10 years; your file shows none."
    )


def test_experience_in_target_occupations() -> None:
    doctor = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc="31102"),)})
    s = stream(experience_months=12, occupations=("31100", "31101", "31102"))
    assert decide(doctor, s).fit == FITS
    assert decide(skilled(), s).fit == DOES_NOT_FIT  # a developer, 21231


def test_excluded_occupations_do_not_count() -> None:
    driver_then_dev = skilled(
        applicant={
            "work_history": (
                job(date(2018, 1, 1), date(2025, 12, 31), noc="73300"),
                job(date(2026, 1, 1), noc="21231"),
            )
        }
    )
    s = stream(experience_months=12, excluded_occupations=("73300",))
    found = decide(driver_then_dev, s)
    assert found.fit == DOES_NOT_FIT  # under a year of developer work
    assert "outside the occupations this stream excludes" in found.unmet[-1]
    assert decide(skilled(), s).fit == FITS


def test_months_of_experience() -> None:
    half = skilled(applicant={"work_history": (job(date(2026, 5, 20)),)})
    found = decide(half, stream(experience_months=6, experience_window_years=5, programs=()))
    assert not any("paid work" in r for r in found.unmet)
    assert any("6 months of paid work" in r for r in found.met)


# -- occupation groups ------------------------------------------------------------------------
@pytest.mark.parametrize("noc", ["21231", "21232"])
def test_a_health_only_stream_does_not_fit_a_software_engineer(noc: str) -> None:
    engineer = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc=noc),)})
    s = stream(occupation_group="health", asks=("offer",))
    found = decide(engineer, s)
    assert found.fit == DOES_NOT_FIT  # not "might fit": the questions cannot change it
    assert found.unmet[0].startswith("For occupations in health only;")
    assert f"NOC {noc} (" in found.unmet[0]
    assert not questions([found])


def test_a_health_only_stream_might_fit_a_nurse() -> None:
    nurse = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc="31301"),)})
    s = stream(occupation_group="health", asks=("offer",))
    found = decide(nurse, s)
    assert found.fit == MIGHT_FIT  # the offer is still asked
    assert any("NOC 31301" in r and "health" in r for r in found.met)
    assert decide(nurse, s, {ask_id(s, s.requires.asks[0]): "yes"}).fit == FITS


def test_a_health_job_offer_counts_and_a_file_without_occupations_is_asked() -> None:
    offer = JobOffer("31301", "Hospital", date(2026, 1, 1), True)
    s = stream(occupation_group="health")
    assert decide(skilled(applicant={"job_offer": offer}), s).fit == FITS
    # No job in the file and no offer: the data cannot tell, the group is not held against it.
    no_jobs = skilled(applicant={"work_history": ()})
    assert not any("health" in r for r in decide(no_jobs, s).unmet)


def test_the_shipped_health_streams_are_for_health_occupations_only() -> None:
    from ee_desktop.pnp import streams_at

    health = [
        s
        for s in streams_at(TODAY)
        if s.id in {"bc-eebc-health-authority", "ab-dedicated-health-care-ee"}
    ]
    assert len(health) == 2
    engineer = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc="21231"),)})
    nurse = skilled(applicant={"work_history": (job(date(2020, 1, 1), noc="31301"),)})
    for s in health:
        assert decide(engineer, s).fit == DOES_NOT_FIT, s.id
        assert decide(nurse, s).fit in {FITS, MIGHT_FIT}, s.id


# -- questions --------------------------------------------------------------------------------
def test_a_job_offer_in_the_province_is_asked() -> None:
    s = stream(province="NS", job_offer=True)
    found = decide(skilled(), s)
    assert found.fit == MIGHT_FIT
    (question,) = found.questions
    assert question.id == "job_offer:NS"
    assert question.text == "Do you have a full-time job offer from an employer in Nova Scotia?"
    assert question.hint == ""
    assert decide(skilled(), s, {"job_offer:NS": "yes"}).fit == FITS
    no = decide(skilled(), s, {"job_offer:NS": "no"})
    assert no.fit == DOES_NOT_FIT
    assert no.unmet == ("Needs a job offer from an employer in Nova Scotia (you answered no).",)
    assert decide(skilled(), s, {"job_offer:NB": "yes"}).fit == MIGHT_FIT  # another province


def test_the_job_offer_question_mentions_the_offer_in_the_file() -> None:
    offer = JobOffer("21231", "Acme", date(2026, 1, 1), True)
    found = decide(skilled(applicant={"job_offer": offer}), stream(job_offer=True))
    assert "(NOC 21231)" in found.questions[0].hint


def test_work_in_the_province_needs_work_in_canada_first() -> None:
    s = stream(province="NB", worked_in_province_months=12, programs=())
    found = decide(skilled(), s)
    assert found.fit == DOES_NOT_FIT
    assert found.unmet == (
        "Needs 12 months of work in New Brunswick; your file has no work in Canada.",
    )
    in_canada = skilled(applicant={"work_history": (job(date(2024, 1, 1), country="CA"),)})
    asked = decide(in_canada, s)
    assert asked.fit == MIGHT_FIT
    assert asked.questions[0].id == "worked_in:NB:12"
    assert decide(in_canada, s, {"worked_in:NB:12": "yes"}).fit == FITS


def test_study_in_the_province_needs_canadian_education_first() -> None:
    s = stream(province="BC", graduated_in_province=True, programs=())
    assert decide(skilled(), s).fit == DOES_NOT_FIT
    graduate = skilled(applicant={"education": (canadian("masters"),)})
    asked = decide(graduate, s)
    assert [q.id for q in asked.questions] == ["graduated_in:BC"]
    assert decide(graduate, s, {"graduated_in:BC": "no"}).fit == DOES_NOT_FIT


def test_the_streams_own_questions_are_keyed_on_the_stream() -> None:
    s = stream(stream_id="mb-test", asks=("connection", "in-demand"))
    found = decide(skilled(), s)
    assert [q.id for q in found.questions] == ["mb-test:connection", "mb-test:in-demand"]
    assert ask_id(s, s.requires.asks[0]) == "mb-test:connection"
    half = decide(skilled(), s, {"mb-test:connection": "yes"})
    assert half.fit == MIGHT_FIT
    assert "Yes: Question connection?" in half.met
    both = decide(skilled(), s, {"mb-test:connection": "yes", "mb-test:in-demand": "no"})
    assert both.unmet == ("You answered no: Question in-demand?",)


# -- several streams -----------------------------------------------------------------------------
def test_best_fits_come_first_and_questions_are_listed_once() -> None:
    streams = [
        stream("NS", "a-no", clb=12),
        stream("NB", "b-maybe", job_offer=True, asks=("x",)),
        stream("PE", "c-fits"),
        stream("NL", "d-maybe", job_offer=True),
        stream("NS", "e-maybe", job_offer=True),
    ]
    found = match_all(evaluate(skilled(), TODAY, rules()), streams, {})
    assert [m.stream.id for m in found] == ["c-fits", "d-maybe", "e-maybe", "b-maybe", "a-no"]
    ids = [q.id for q in questions(found)]
    assert ids == ["job_offer:NL", "job_offer:NS", "job_offer:NB", "b-maybe:x"]


def test_answers_do_not_leak_between_files_of_different_provinces() -> None:
    s = stream("NS", job_offer=True)
    moved = replace(s, province="NB")
    assert decide(skilled(), moved, {"job_offer:NS": "yes"}).fit == MIGHT_FIT
