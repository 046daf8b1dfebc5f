"""Warnings: things in the file that cost points soon or that the user should fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.i18n import _, format_date, format_money
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.funds_in_use import available_funds
from ee_desktop.profile.model import Education, Job, LanguageTest, Profile
from ee_desktop.rules.dates import add_years, birthday
from ee_desktop.rules.loader import RuleSet
from ee_desktop.rules.model import Facts
from ee_desktop.rules.tables import DENSE_SIZE, Tables, pick

WARNING, INFORMATION = "warning", "information"
SEVERITIES: tuple[str, ...] = (WARNING, INFORMATION)


def _tests(
    tests: Iterable[LanguageTest], who: str, facts: Facts, tables: Tables, rules: RuleSet
) -> list[str]:
    as_of = facts.as_of
    years, warn = tables.validity["language_test_years"], tables.validity["warn_days"]
    out = []
    for test in tests:
        if test.taken_on > as_of:
            continue
        name = _(TEST_NAMES[test.test])
        expires = add_years(test.valid_from, years)
        table = rules.language_table(test.test, test.taken_on)
        if table is None:
            out.append(
                _(
                    "{who} {test} result of {taken} is not accepted: no equivalence "
                    "table covers tests taken on that date."
                ).format(who=who, test=name, taken=format_date(test.taken_on))
            )
        elif as_of >= expires:
            out.append(
                _(
                    "{who} {test} result of {taken} expired on {expires} and no longer counts."
                ).format(
                    who=who,
                    test=name,
                    taken=format_date(test.taken_on),
                    expires=format_date(expires),
                )
            )
        else:
            if (expires - as_of).days <= warn:
                out.append(
                    _("{who} {test} result expires on {expires}, in {days} days.").format(
                        who=who,
                        test=name,
                        expires=format_date(expires),
                        days=(expires - as_of).days,
                    )
                )
            if table.unverified:
                out.append(
                    _(
                        "{who} {test} result of {taken} is converted with an older "
                        "equivalence table that could not be verified; check your CLB "
                        "levels."
                    ).format(who=who, test=name, taken=format_date(test.taken_on))
                )
    return out


def _education(
    credentials: Iterable[Education], who: str, facts: Facts, tables: Tables
) -> list[str]:
    as_of = facts.as_of
    years, warn = tables.validity["eca_years"], tables.validity["warn_days"]
    out = []
    for c in credentials:
        if c.country == "CA" or c.completed_on > as_of or c.level == "less_than_secondary":
            continue
        if c.eca is None:
            out.append(
                _(
                    "{who} credential from {institution} has no ECA: a foreign "
                    "credential earns no points without one."
                ).format(who=who, institution=c.institution)
            )
            continue
        expires = add_years(c.eca.issued_on, years)
        if c.eca.issued_on > as_of:
            out.append(
                _(
                    "{who} ECA for {institution} is dated after {as_of} and does not count yet."
                ).format(who=who, institution=c.institution, as_of=format_date(as_of))
            )
        elif as_of >= expires:
            out.append(
                _(
                    "{who} ECA for {institution} expired on {expires}: the credential "
                    "no longer earns points."
                ).format(who=who, institution=c.institution, expires=format_date(expires))
            )
        elif (expires - as_of).days <= warn:
            out.append(
                _("{who} ECA for {institution} expires on {expires}, in {days} days.").format(
                    who=who,
                    institution=c.institution,
                    expires=format_date(expires),
                    days=(expires - as_of).days,
                )
            )
    return out


def _work(jobs: Iterable[Job], who: str, facts: Facts, tables: Tables) -> list[tuple[str, str]]:
    """(text, severity): how hours are counted is information; a gap is a warning."""
    as_of = facts.as_of
    cap = tables.counting["max_hours_per_week"]
    gap_days = tables.counting["gap_warning_days"]
    started = sorted((j for j in jobs if j.start <= as_of), key=lambda j: j.start)
    out = []
    for job in started:
        if job.hours_per_week > cap:
            text = _(
                "{who} job '{title}' at {employer}: only {cap} of the {hours:g} hours "
                "a week count toward experience."
            ).format(
                who=who,
                title=job.title,
                employer=job.employer,
                cap=cap,
                hours=job.hours_per_week,
            )
            out.append((text, INFORMATION))
    previous: Job | None = None
    reach = date.min
    for job in started:
        end = min(job.end or as_of, as_of)
        if previous is not None:
            if job.start <= reach:
                text = _(
                    "{who} jobs '{a}' and '{b}' overlap from {start} to {end}; that "
                    "time is counted once, at most {cap} hours a week."
                ).format(
                    who=who,
                    a=previous.title,
                    b=job.title,
                    start=format_date(job.start),
                    end=format_date(min(reach, end)),
                    cap=cap,
                )
                out.append((text, INFORMATION))
            elif (job.start - reach).days - 1 > gap_days:
                text = _("{who} work history has a gap from {start} to {end}.").format(
                    who=who,
                    start=format_date(reach + timedelta(days=1)),
                    end=format_date(job.start - timedelta(days=1)),
                )
                out.append((text, WARNING))
        if previous is None or end > reach:
            previous, reach = job, end
    return out


def _birthday(profile: Profile, facts: Facts, tables: Tables) -> list[str]:
    """The next birthday on which the CRS age points drop, and by how much."""
    ages = tables.age[0 if facts.with_spouse else 1]
    now = pick(ages, facts.age)
    for later in range(facts.age + 1, DENSE_SIZE):
        points = pick(ages, later)
        if points < now:
            day = birthday(profile.applicant.date_of_birth, later)
            return [
                _("On {day} you turn {age} and lose {lost} CRS points for age.").format(
                    day=format_date(day), age=later, lost=now - points
                )
            ]
        if points > now:
            return []
    return []


@dataclass(frozen=True, slots=True)
class Alert:
    """A warning and the part of the file (a field path prefix) that changes it.

    ``severity``: "warning" for something to act on or that costs points; "information" for
    how the rules treat the file (shown neutrally, never as an alarm)."""

    text: str
    field: str
    severity: str = WARNING

    @property
    def is_information(self) -> bool:
        return self.severity == INFORMATION


def warnings(
    profile: Profile, facts: Facts, tables: Tables, rules: RuleSet, required_funds: int | None
) -> list[Alert]:
    you, spouse_word = _("Your"), _("Your spouse's")
    applicant = profile.applicant

    def tag(field: str, texts: list[str]) -> list[Alert]:
        return [Alert(text, field) for text in texts]

    out = tag(
        "applicant.language_tests", _tests(applicant.language_tests, you, facts, tables, rules)
    )
    out += tag("applicant.education", _education(applicant.education, you, facts, tables))
    out += [
        Alert(text, "applicant.work_history", severity)
        for text, severity in _work(applicant.work_history, you, facts, tables)
    ]
    out += tag("applicant.date_of_birth", _birthday(profile, facts, tables))
    if profile.spouse is not None:
        if facts.spouse is not None:
            out += tag(
                "spouse.language_tests",
                _tests(profile.spouse.language_tests, spouse_word, facts, tables, rules),
            )
            out += tag(
                "spouse.education", _education(profile.spouse.education, spouse_word, facts, tables)
            )
        elif facts.spouse_not_counted == "citizen_or_pr":
            out.append(
                Alert(
                    _(
                        "Your spouse or partner is a Canadian citizen or permanent resident, "
                        "so you are scored as a single applicant."
                    ),
                    "spouse",
                    INFORMATION,
                )
            )
        else:
            out.append(
                Alert(
                    _(
                        "Your spouse or partner is not coming with you, so you are scored as "
                        "a single applicant."
                    ),
                    "spouse",
                    INFORMATION,
                )
            )
    if available_funds(profile, facts.as_of) is None and required_funds is not None:
        out.append(
            Alert(
                _(
                    "You have not entered your settlement funds: FSW and FST need {needed} "
                    "for a family of {size}."
                ).format(needed=format_money(required_funds), size=facts.family_size),
                "settlement_funds_cad",
            )
        )
    nomination = applicant.provincial_nomination
    if nomination is not None and nomination.province in tables.nomination_excluded:
        out.append(
            Alert(
                _(
                    "A nomination from {province} earns no Express Entry points: that province or "
                    "territory has no Express Entry nominee program."
                ).format(province=nomination.province),
                "applicant.provincial_nomination",
            )
        )
    if applicant.job_offer is not None and tables.job_offer == (0, 0):
        since = format_date(tables.entries["crs.job_offer"].effective_from)
        out.append(
            Alert(
                _(
                    "Job offers earn no CRS points since {since}; yours can still count for "
                    "FSW, FST and the proof-of-funds exemption."
                ).format(since=since),
                "applicant.job_offer",
                INFORMATION,
            )
        )
    return out
