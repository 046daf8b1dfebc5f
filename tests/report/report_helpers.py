"""Builders for the report tests: the spec example and a large family file with accented
names, 20 jobs and 80 checklist entries, and helpers that read a PDF back as text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from pypdf import PdfReader

from ee_desktop.checklist import ChecklistEntry, entries_for
from ee_desktop.deadlines import CustomDeadline, derive
from ee_desktop.profile import load
from ee_desktop.profile.model import (
    Applicant,
    CertificateOfQualification,
    Child,
    Eca,
    Education,
    Job,
    JobOffer,
    LanguageTest,
    Passport,
    Profile,
    ProvincialNomination,
    Residence,
    Spouse,
)
from ee_desktop.report import ReportInput
from ee_desktop.rules import RuleSet, evaluate, load_rules
from tests.conftest import EXAMPLE, TODAY

__all__ = ["TODAY", "big", "example", "flat", "pages", "rules"]

NOCS = ("21232", "21223", "21211", "41200", "62020", "72410", "31301", "13110", "11100")
EXTRA_TITLE = "Extra document {n:02d}"


@cache
def rules() -> RuleSet:
    return load_rules()


def report_input(
    profile: Profile,
    checklist: list[ChecklistEntry] | None = None,
    custom: tuple[CustomDeadline, ...] = (),
) -> ReportInput:
    entries = entries_for(profile, TODAY, rules()) if checklist is None else checklist
    return ReportInput(
        profile=profile,
        as_of=TODAY,
        evaluation=evaluate(profile, TODAY, rules()),
        checklist=entries,
        deadlines=derive(profile, TODAY, custom=custom, rules=rules()),
    )


@cache
def example() -> ReportInput:
    return report_input(load(EXAMPLE, today=TODAY))


def employer(n: int) -> str:
    return f"Employer {n:02d} Société Ñ"


def jobs(count: int) -> tuple[Job, ...]:
    """Back to back, most recent last; the last one is current."""
    out = []
    start = date(2008, 1, 1)
    for n in range(1, count + 1):
        end = None if n == count else start + timedelta(days=270)
        out.append(
            Job(
                f"Role {n:02d}", employer(n), NOCS[n % len(NOCS)], "CA" if n > 17 else "MX",
                start, end, 30, False, True, False,
            )
        )  # fmt: skip
        start = start + timedelta(days=280)
    return tuple(out)


def big_profile() -> Profile:
    passport = Passport("G12345678", "MX", date(2022, 1, 10), date(2032, 1, 9))
    applicant = Applicant(
        given_names="Zoë",
        family_name="Ñandú",
        date_of_birth=date(1992, 2, 29),
        marital_status="married",
        country_of_residence="CA",
        education=(
            Education(
                "masters",
                2,
                True,
                "MX",
                "Universidad Nacional Autónoma de México",
                "Ingeniería",
                date(2016, 6, 30),
                Eca("WES", "WES-778899", date(2024, 3, 5), "masters"),
            ),
            Education(
                "two_year_post_secondary",
                2,
                True,
                "CA",
                "Collège Montmorency",
                "Gestion",
                date(2024, 5, 15),
            ),
        ),
        language_tests=(
            LanguageTest(
                "ielts_general",
                date(2025, 9, 20),
                "25MX009876NANZ",
                8.5,
                7.5,
                7.0,
                7.5,
                results_on=date(2025, 10, 3),
            ),
            LanguageTest("tef_canada", date(2025, 6, 1), "TEF-55-1234", 500, 450, 420, 430),
        ),
        work_history=jobs(20),
        certificate_of_qualification=CertificateOfQualification(
            "ON", "Électricien", date(2024, 1, 2)
        ),
        provincial_nomination=ProvincialNomination("ON", "Français Équipe", date(2026, 10, 1)),
        job_offer=JobOffer("21232", "Bâtiments Kraków Inc.", date(2027, 1, 4), True),
        sibling_in_canada=True,
        passport=passport,
        residence_history=(
            Residence("MX", date(1992, 2, 29), date(2021, 12, 31)),
            Residence("CA", date(2022, 1, 1)),
        ),
    )
    spouse = Spouse(
        accompanying=True,
        canadian_citizen_or_pr=False,
        given_names="Chloé",
        family_name="Müller-Østergård",
        date_of_birth=date(1990, 7, 14),
        language_tests=(LanguageTest("celpip_general", date(2025, 2, 2), "CEL-4455", 9, 8, 8, 9),),
        education=(
            Education(
                "bachelors",
                4,
                True,
                "DK",
                "Aarhus Universitet",
                "Økonomi",
                date(2013, 6, 20),
                Eca("ICAS", "ICAS-1010", date(2024, 8, 1), "bachelors"),
            ),
        ),
        work_history=(
            Job(
                "Analyste",
                "Łódź Partners",
                "11100",
                "PL",
                date(2014, 1, 1),
                date(2021, 6, 30),
                40,
                False,
                True,
                False,
            ),
        ),
        passport=Passport("DK998877", "DK", date(2021, 3, 3), date(2031, 3, 2)),
        residence_history=(Residence("DK", date(1990, 7, 14), date(2021, 12, 31)),),
    )
    children = (
        Child(date(2019, 11, 2), True, "Åsa", "Ñandú"),
        Child(date(2023, 4, 18), True),
    )
    return Profile(
        applicant, spouse, children, settlement_funds_cad=12000, first_official_language="english"
    )


def big_checklist(profile: Profile) -> list[ChecklistEntry]:
    """The generated items with some progress, topped up with the user's own items to 80,
    the last three no longer needed."""
    entries = entries_for(profile, TODAY, rules())
    entries = [
        replace(e, status="received", received_on=date(2026, 10, 1)) if i % 4 == 0 else e
        for i, e in enumerate(entries)
    ]
    assert len(entries) < 77, len(entries)
    n = 0
    while len(entries) < 80:
        n += 1
        needed = len(entries) < 77
        entries.append(
            ChecklistEntry(
                key=f"custom:{n}",
                title=EXTRA_TITLE.format(n=n),
                stage="application" if n % 2 else "profile",
                person="applicant",
                person_label="You",
                reason="Asked for by the officer.",
                needed=needed,
                custom=needed,
            )
        )
    return entries


@cache
def big() -> ReportInput:
    profile = big_profile()
    overdue = CustomDeadline("7", "Send the missing payslips", date(2026, 11, 1))
    return report_input(profile, big_checklist(profile), (overdue,))


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace folded to single spaces: text that wrapped in a cell reads as one line."""
    return " ".join(text.split())
