"""Expiries of what the file holds: language tests, ECA reports, passports, a nomination."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ee_desktop.checklist.people import Person, people
from ee_desktop.deadlines.limits import Limits
from ee_desktop.deadlines.model import Deadline, person_code
from ee_desktop.i18n import _
from ee_desktop.profile.codes import TEST_LANGUAGE, TEST_NAMES
from ee_desktop.profile.model import Profile
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.loader import RuleSet

TEST_SOURCE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-application-management-system/amending-express-entry-system-2017.html"
)
ECA_SOURCE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents/education-assessed/submit-report.html"
)
PASSPORT_SOURCE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/application-approved.html"
)


def person_title(person: Person, text: str) -> str:
    """Titles name whose document it is, except for the applicant's own."""
    if person.role == "applicant":
        return text
    return _("{person}: {what}").format(person=person.label, what=text)


def _scored(person: Person) -> bool:
    return person.role == "applicant" or person.scored


def _tests(person: Person, as_of: date, years: int) -> Iterator[Deadline]:
    # Per language the latest test always counts (even expired: the file still relies on it);
    # older ones only while they are still valid.
    latest: dict[str, date] = {}
    for test in person.language_tests:
        language = TEST_LANGUAGE.get(test.test, test.test)
        latest[language] = max(latest.get(language, test.valid_from), test.valid_from)
    for test in person.language_tests:
        expires = add_years(test.valid_from, years)
        language = TEST_LANGUAGE.get(test.test, test.test)
        if expires < as_of and test.valid_from != latest[language]:
            continue
        name = _(TEST_NAMES.get(test.test, test.test))
        yield Deadline(
            uid=f"test-expiry:{person_code(person.id)}:{test.test}-{test.taken_on.isoformat()}",
            due=expires,
            kind="expiry",
            title=person_title(person, _("{test} results expire").format(test=name)),
            detail=_(
                "From this day the results no longer count: the points they give are lost and "
                "an application submitted with them is incomplete. Retake the test in time."
            ),
            person=person.id,
            source=TEST_SOURCE,
        )


def _ecas(person: Person, years: int) -> Iterator[Deadline]:
    for credential in person.education:
        eca = credential.eca
        if eca is None:
            continue
        yield Deadline(
            uid=f"eca-expiry:{person_code(person.id)}:{eca.organization.lower()}-"
            f"{eca.issued_on.isoformat()}",
            due=add_years(eca.issued_on, years),
            kind="expiry",
            title=person_title(
                person,
                _("{organization} credential assessment expires").format(
                    organization=eca.organization
                ),
            ),
            detail=_(
                "An educational credential assessment counts for {years} years from its issue "
                "date. Order a new one before then to keep the points for this credential."
            ).format(years=years),
            person=person.id,
            source=ECA_SOURCE,
        )


def _passport(person: Person) -> Iterator[Deadline]:
    held = person.passport
    if held is None:
        return
    yield Deadline(
        uid=f"passport-expiry:{person_code(person.id)}",
        due=held.expires_on,
        kind="expiry",
        title=person_title(person, _("Passport expires")),
        detail=_(
            "The passport must be valid when you apply, and the confirmation of permanent "
            "residence cannot outlast it. Renew it early and update the file."
        ),
        person=person.id,
        source=PASSPORT_SOURCE,
    )


def _nomination(profile: Profile, limits: Limits) -> Iterator[Deadline]:
    held = profile.applicant.provincial_nomination
    if held is None:
        return
    limit = limits.at("nomination_acceptance", held.nominated_on)
    if limit is None:
        return
    detail = _(
        "Accept the nomination in your Express Entry profile: it then adds the nomination "
        "points to your score."
    )
    yield Deadline(
        uid=f"nomination-accept:{held.province}-{held.nominated_on.isoformat()}",
        due=limit.after(held.nominated_on),
        kind="deadline",
        title=_("Accept your provincial nomination"),
        detail=detail if limit.verified else f"{detail} {_(limit.note)}",
        person="applicant",
        source=limit.source,
        done=held.accepted_on is not None,
    )


def held_expiries(
    profile: Profile, as_of: date, rules: RuleSet, limits: Limits, *, invited: bool
) -> list[Deadline]:
    """Expiries of tests and assessments of people whose factors count, and of every passport.
    The nomination's acceptance window is listed only before an invitation."""
    validity = rules.at(as_of).validity
    out: list[Deadline] = []
    for person in people(profile):
        if _scored(person):
            out += _tests(person, as_of, validity["language_test_years"])
            out += _ecas(person, validity["eca_years"])
        out += _passport(person)
    if not invited:
        out += _nomination(profile, limits)
    return out
