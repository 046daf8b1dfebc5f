"""Keeping the file's results valid while a move is under way.

A move that takes a year is weighed against a file whose language tests and ECAs are
renewed with the same results before they expire: nobody working on a plan lets them
lapse, and otherwise a French test ready after the English results expire would show a
score below today's. The projection "if nothing is done" does not renew anything.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from ee_desktop.i18n import _, format_date
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.model import Education, Profile
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.language import valid_results
from ee_desktop.rules.loader import RuleSet
from ee_desktop.strategy.edits import Change, NewTest, with_eca
from ee_desktop.strategy.languages import APPLICANT, SPOUSE, kept_scores, raw_scores, table_for

RENEW_DAYS_BEFORE = 30  # renewals are dated a month before the old result expires


def _renewal_day(expires: date, as_of: date) -> date:
    return max(as_of, expires - timedelta(days=RENEW_DAYS_BEFORE))


def _tests(
    profile: Profile, person: str, as_of: date, on: date, rules: RuleSet
) -> list[tuple[NewTest, str]]:
    holder = profile.applicant if person == APPLICANT else profile.spouse
    if holder is None:
        return []
    years = rules.at(as_of).validity["language_test_years"]
    out = []
    for language, result in valid_results(holder.language_tests, as_of, rules, years).items():
        if result.expires_on > on:
            continue
        day = _renewal_day(result.expires_on, as_of)
        found = table_for(rules, result.test, day)
        if found is None:
            continue
        test, table = found
        scores = kept_scores(result, raw_scores(profile, person, result), table)
        if scores is None:
            continue
        text = _("Retake {test} by {day} with the same results (they expire on {expires})").format(
            test=_(TEST_NAMES[test]), day=format_date(day), expires=format_date(result.expires_on)
        )
        out.append((NewTest(person, language, test, day, scores, frozenset()), text))
    return out


def _ecas(
    education: tuple[Education, ...], person: str, as_of: date, on: date, years: int
) -> list[tuple[Change, str]]:
    out = []
    for index, credential in enumerate(education):
        eca = credential.eca
        if eca is None or eca.issued_on > as_of:
            continue
        expires = add_years(eca.issued_on, years)
        if expires <= as_of or expires > on:
            continue  # already expired (a move of its own) or still valid on ``on``
        day = _renewal_day(expires, as_of)
        renewed = replace(eca, issued_on=day)
        text = _("Renew the ECA of {institution} by {day} (it expires on {expires})").format(
            institution=credential.institution or credential.level,
            day=format_date(day),
            expires=format_date(expires),
        )
        edit = partial(with_eca, person, index, renewed)
        out.append((Change(day, frozenset(), edit=edit), text))
    return out


def upkeep(
    profile: Profile, as_of: date, on: date, rules: RuleSet
) -> tuple[tuple[Change, ...], tuple[str, ...]]:
    """Renewals needed for the results valid on ``as_of`` to still count on ``on``."""
    changes: list[Change] = []
    texts: list[str] = []
    years = rules.at(as_of).validity["eca_years"]
    people = [(APPLICANT, profile.applicant.education)]
    if profile.spouse is not None:
        people.append((SPOUSE, profile.spouse.education))
    for person, education in people:
        for test, text in _tests(profile, person, as_of, on, rules):
            changes.append(Change(test.on, frozenset(), tests=(test,)))
            texts.append(text)
        for change, text in _ecas(education, person, as_of, on, years):
            changes.append(change)
            texts.append(text)
    return tuple(changes), tuple(texts)
