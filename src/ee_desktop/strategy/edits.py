"""Changes to a copy of the file, kept as data so that several can be combined.

Two raises in the same language become one new test with both results: a candidate sits
one test, and only the most recent test of a language counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ee_desktop.profile.model import ABILITIES, Eca, Job, LanguageTest, Profile
from ee_desktop.rules.experience import stints
from ee_desktop.strategy.languages import APPLICANT, SPOUSE

PROFILE_EDIT = Callable[[Profile], Profile]
CANADIAN, FOREIGN, SPOUSE_CANADIAN = "canadian", "foreign", "spouse-canadian"


@dataclass(frozen=True, slots=True)
class NewTest:
    """A language test to add to the applicant's or spouse's results."""

    person: str
    language: str
    test: str
    on: date
    scores: Mapping[str, float]
    raised: frozenset[str]  # the abilities this change is about

    def merged(self, other: NewTest) -> NewTest:
        scores = {a: max(self.scores[a], other.scores[a]) for a in ABILITIES}
        return NewTest(
            self.person,
            self.language,
            self.test,
            max(self.on, other.on),
            scores,
            self.raised | other.raised,
        )

    def as_test(self) -> LanguageTest:
        s = self.scores
        return LanguageTest(
            self.test,
            self.on,
            "",
            s["listening"],
            s["reading"],
            s["writing"],
            s["speaking"],
            self.on,
        )


@dataclass(frozen=True, slots=True)
class Change:
    """What one move does to the copy: a new test, another edit, or time passing."""

    ready_on: date
    slots: frozenset[str]  # parts of the file it works on; two moves sharing one conflict
    tests: tuple[NewTest, ...] = ()
    edit: PROFILE_EDIT | None = None
    accrues: str | None = None  # experience kind gained by working until ready_on


def compatible(changes: Sequence[Change]) -> bool:
    seen: set[str] = set()
    tests: dict[tuple[str, str], str] = {}
    for change in changes:
        if seen & change.slots:
            return False
        seen |= change.slots
        for test in change.tests:
            key = (test.person, test.language)
            if tests.setdefault(key, test.test) != test.test:
                return False
    return True


def _add_test(profile: Profile, test: NewTest) -> Profile:
    if test.person == SPOUSE:
        spouse = profile.spouse
        if spouse is None:
            return profile
        added = (*spouse.language_tests, test.as_test())
        return replace(profile, spouse=replace(spouse, language_tests=added))
    applicant = profile.applicant
    added = (*applicant.language_tests, test.as_test())
    return replace(profile, applicant=replace(applicant, language_tests=added))


def build(profile: Profile, changes: Iterable[Change]) -> Profile:
    """The copy of ``profile`` with every change made."""
    merged: dict[tuple[str, str], NewTest] = {}
    out = profile
    for change in changes:
        for test in change.tests:
            key = (test.person, test.language)
            merged[key] = merged[key].merged(test) if key in merged else test
        if change.edit is not None:
            out = change.edit(out)
    for test in merged.values():
        out = _add_test(out, test)
    return out


def _is_kind(job: Job, kind: str) -> bool:
    canadian = job.country == "CA"
    if kind == FOREIGN:
        return not canadian
    return canadian and not job.self_employed and not job.while_full_time_student


def _stopped(jobs: tuple[Job, ...], kind: str, last_day: date) -> tuple[Job, ...]:
    return tuple(
        replace(job, end=last_day)
        if _is_kind(job, kind) and job.start <= last_day and (job.end is None or job.end > last_day)
        else job
        for job in jobs
    )


def without_accrual(profile: Profile, changes: Iterable[Change]) -> Profile:
    """The file as if the work each experience move waits for stopped the day before."""
    out = profile
    for change in changes:
        kind = change.accrues
        if kind is None:
            continue
        last_day = change.ready_on - timedelta(days=1)
        if kind == SPOUSE_CANADIAN:
            spouse = out.spouse
            if spouse is not None:
                jobs = _stopped(spouse.work_history, CANADIAN, last_day)
                out = replace(out, spouse=replace(spouse, work_history=jobs))
        else:
            jobs = _stopped(out.applicant.work_history, kind, last_day)
            out = replace(out, applicant=replace(out.applicant, work_history=jobs))
    return out


def ongoing(jobs: Iterable[Job], kind: str, as_of: date) -> bool:
    """Whether a paid skilled job of this kind is still running after ``as_of``."""
    running = [j for j in jobs if _is_kind(j, kind) and (j.end is None or j.end > as_of)]
    return bool(stints(running, as_of + timedelta(days=1)))


def with_eca(person: str, index: int, eca: Eca, profile: Profile) -> Profile:
    """The file with a credential's ECA replaced (a new one, or a renewal)."""
    holder = profile.applicant if person == APPLICANT else profile.spouse
    if holder is None:
        return profile
    education = list(holder.education)
    education[index] = replace(education[index], eca=eca)
    if person == APPLICANT:
        return replace(profile, applicant=replace(profile.applicant, education=tuple(education)))
    assert profile.spouse is not None
    return replace(profile, spouse=replace(profile.spouse, education=tuple(education)))
