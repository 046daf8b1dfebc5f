"""Builders for personal files used by the rules tests."""

from __future__ import annotations

from datetime import date

from ee_desktop.profile.model import (
    Applicant,
    CertificateOfQualification,
    Child,
    Eca,
    Education,
    Job,
    JobOffer,
    LanguageTest,
    Profile,
    ProvincialNomination,
    Spouse,
)


def ielts(
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
    taken: date = date(2026, 1, 10),
) -> LanguageTest:
    return LanguageTest("ielts_general", taken, "X", listening, reading, writing, speaking)


def celpip(
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
    taken: date = date(2026, 1, 10),
) -> LanguageTest:
    return LanguageTest("celpip_general", taken, "X", listening, reading, writing, speaking)


def celpip_all(level: int, taken: date = date(2026, 1, 10)) -> LanguageTest:
    return celpip(level, level, level, level, taken)


def tef(
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
    taken: date = date(2026, 1, 10),
) -> LanguageTest:
    return LanguageTest("tef_canada", taken, "X", listening, reading, writing, speaking)


def canadian(
    level: str, completed: date = date(2020, 5, 1), years: int = 4, full_time: bool = True
) -> Education:
    return Education(level, years, full_time, "CA", "Canadian college", "Field", completed)


def foreign(
    level: str,
    eca_on: date | None = date(2024, 1, 15),
    completed: date = date(2015, 5, 1),
    years: int = 4,
) -> Education:
    eca = None if eca_on is None else Eca("WES", "1", eca_on, level)
    return Education(level, years, True, "IN", "Foreign university", "Field", completed, eca)


def job(
    start: date,
    end: date | None = None,
    *,
    noc: str = "21231",
    country: str = "IN",
    hours: float = 40,
    self_employed: bool = False,
    paid: bool = True,
    student: bool = False,
    title: str = "Developer",
) -> Job:
    return Job(title, "Employer", noc, country, start, end, hours, self_employed, paid, student)


def spouse(
    *,
    accompanying: bool = True,
    pr: bool = False,
    education: tuple[Education, ...] = (),
    tests: tuple[LanguageTest, ...] = (),
    work: tuple[Job, ...] = (),
) -> Spouse:
    return Spouse(accompanying, pr, "Sam", "Doe", date(1990, 1, 1), education, tests, work)


def profile(
    *,
    born: date = date(1996, 4, 12),
    education: tuple[Education, ...] = (),
    tests: tuple[LanguageTest, ...] = (),
    work: tuple[Job, ...] = (),
    partner: Spouse | None = None,
    children: int = 0,
    funds: float | None = None,
    first_language: str = "auto",
    certificate: bool = False,
    nominated: bool = False,
    offer_noc: str | None = None,
    sibling: bool = False,
) -> Profile:
    applicant = Applicant(
        given_names="Alex",
        family_name="Doe",
        date_of_birth=born,
        marital_status="married" if partner is not None else "never_married",
        country_of_residence="IN",
        education=education,
        language_tests=tests,
        work_history=work,
        certificate_of_qualification=CertificateOfQualification(
            "ON", "Electrician", date(2024, 1, 1)
        )
        if certificate
        else None,
        provincial_nomination=ProvincialNomination(
            "NS", "Labour Market Priorities", date(2024, 6, 1)
        )
        if nominated
        else None,
        job_offer=JobOffer(offer_noc, "Employer", date(2024, 1, 1), True) if offer_noc else None,
        sibling_in_canada=sibling,
    )
    kids = tuple(Child(date(2020, 1, 1), True) for _ in range(children))
    return Profile(applicant, partner, kids, funds, first_language)
