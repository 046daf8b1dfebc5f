"""Cases found by checking the engine against the official tables (reference notes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ee_desktop.profile import decode
from ee_desktop.rules import evaluate

TODAY = date(2026, 11, 24)


def file(**applicant: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "given_names": "A", "family_name": "B", "date_of_birth": "1996-06-01",
        "marital_status": "never_married", "country_of_residence": "CA",
        "education": [{"level": "bachelors", "program_length_years": 4, "full_time": True,
                       "country": "IN", "institution": "U", "field": "F",
                       "completed_on": "2018-05-30",
                       "eca": {"organization": "WES", "reference": "1", "issued_on": "2024-01-01",
                               "level": "bachelors"}}],
        "language_tests": [{"test": "celpip_general", "taken_on": "2026-01-10",
                            "registration_number": "1", "listening": 9, "reading": 9,
                            "writing": 9, "speaking": 9}],
        "work_history": [], "sibling_in_canada": False,
    }  # fmt: skip
    base.update(applicant)
    return {"format": "ee-desktop.profile", "version": 1, "applicant": base, "spouse": None}


def test_nomination_from_quebec_or_nunavut_earns_nothing() -> None:
    for province, points in (("ON", 600), ("QC", 0), ("NU", 0)):
        data = file(
            provincial_nomination={
                "province": province,
                "stream": "X",
                "nominated_on": "2026-06-01",
            }
        )
        ev = evaluate(decode(data, today=TODAY), TODAY)
        assert ev.crs.nomination == points, province
        assert any(province in w for w in ev.warnings) == (points == 0)


def test_arranged_employment_was_worth_600_until_18_november_2016() -> None:
    data = file(
        job_offer={
            "noc_code": "21232",
            "employer": "E",
            "start_on": "2016-01-01",
            "lmia_exempt_or_approved": True,
        },
        language_tests=[
            {
                "test": "celpip_general",
                "taken_on": "2016-01-10",
                "registration_number": "1",
                "listening": 9,
                "reading": 9,
                "writing": 9,
                "speaking": 9,
            }
        ],
        education=[],
        date_of_birth="1990-01-01",
    )
    profile = decode(data, today=TODAY)
    assert evaluate(profile, date(2016, 11, 18)).crs.job_offer == 600
    assert evaluate(profile, date(2016, 11, 19)).crs.job_offer == 50


def test_automatic_language_order_keeps_a_program_open() -> None:
    # English first scores more (CLB 10/10/10/6), but only French first (NCLC 7 in all four)
    # meets the Canadian Experience Class minimum: auto must not close every program.
    data = file(
        language_tests=[
            {
                "test": "celpip_general",
                "taken_on": "2026-01-10",
                "registration_number": "1",
                "listening": 10,
                "reading": 10,
                "writing": 10,
                "speaking": 6,
            },
            {
                "test": "tcf_canada",
                "taken_on": "2026-02-10",
                "registration_number": "2",
                "listening": 458,
                "reading": 453,
                "writing": 10,
                "speaking": 10,
            },
        ],
        work_history=[
            {
                "title": "Dev",
                "employer": "E",
                "noc_code": "21232",
                "country": "CA",
                "start": "2025-06-01",
                "end": None,
                "hours_per_week": 40,
                "self_employed": False,
                "paid": True,
                "while_full_time_student": False,
            }
        ],
    )
    ev = evaluate(decode(data, today=TODAY), TODAY)
    assert ev.facts.first_language is not None
    assert ev.facts.first_language.language == "french"
    assert ev.cec.eligible
    english_first = dict(data, first_official_language="english")
    forced = evaluate(decode(english_first, today=TODAY), TODAY)
    assert not (forced.cec.eligible or forced.fsw.eligible or forced.fst.eligible)
    assert forced.crs.total > ev.crs.total  # more points, but no program to be invited under


def test_results_stay_valid_two_years_from_the_results_date() -> None:
    test = {
        "test": "ielts_general",
        "taken_on": "2024-11-20",
        "registration_number": "1",
        "listening": 8.5,
        "reading": 8.0,
        "writing": 7.5,
        "speaking": 7.5,
    }
    day = date(2026, 11, 25)  # two years after the test, before two years after the results
    without = evaluate(decode(file(language_tests=[test]), today=TODAY), day)
    assert without.facts.first_language is None
    dated = dict(test, results_on="2024-12-03")
    with_results = evaluate(decode(file(language_tests=[dated]), today=day), day)
    assert with_results.facts.first_language is not None
    assert with_results.facts.first_language.expires_on == date(2026, 12, 3)
