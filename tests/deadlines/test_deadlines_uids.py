"""Stable, unique, impersonal identifiers: they end up in calendars and in the database."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from deadline_helpers import TODAY, family, job, rules, single

from ee_desktop.checklist import generate
from ee_desktop.deadlines import ChecklistProgress, CustomDeadline, Deadline, derive
from ee_desktop.profile.milestones import Milestone
from ee_desktop.profile.model import Profile

MILESTONES = {
    "profile_submitted": (date(2026, 3, 1),),
    "invitation": (date(2026, 11, 10),),
    "biometrics_request": (date(2026, 11, 20),),
    "medical_request": (date(2026, 12, 1),),
    "medical_exam": (date(2026, 10, 5),),
    "document_request": (date(2027, 1, 15), date(2027, 2, 20)),
}
UID = re.compile(r"^[a-z-]+:[A-Za-z0-9:_.-]+$")


def _everything(profile: Profile, invited: bool = True) -> list[Deadline]:
    keys = [r.key for r in generate(profile, TODAY, rules(), "application")]
    progress = [ChecklistProgress(key, date(2026, 10, 1), False) for key in keys]
    milestones = MILESTONES if invited else {"profile_submitted": (date(2026, 3, 1),)}
    custom = [CustomDeadline("7f3a9c", "Call Ravi's employer, Acme", date(2027, 1, 2))]
    return derive(profile, TODAY, milestones, custom, progress, rules())


def _reordered(profile: Profile) -> Profile:
    """The same file with every list in reverse order and the milestones reversed too."""
    a = profile.applicant
    applicant = replace(
        a,
        language_tests=a.language_tests[::-1],
        education=a.education[::-1],
        work_history=a.work_history[::-1],
        residence_history=a.residence_history[::-1],
    )
    return replace(profile, applicant=applicant, children=profile.children[::-1])


def _rich() -> Profile:
    base = family()
    tests = (
        base.applicant.language_tests[0],
        replace(base.applicant.language_tests[0], test="tef_canada", taken_on=date(2025, 12, 1)),
    )
    jobs = (
        job("Acme Ltd", "IN", date(2018, 7, 1), date(2025, 12, 31)),
        job("Maple Inc", "CA", date(2026, 1, 8)),
    )
    return replace(base, applicant=replace(base.applicant, language_tests=tests, work_history=jobs))


def test_uids_are_unique_and_stable_across_recomputation() -> None:
    for invited in (True, False):
        first = _everything(_rich(), invited)
        again = _everything(_rich(), invited)
        uids = [d.uid for d in first]
        assert len(uids) == len(set(uids))
        assert uids == [d.uid for d in again]
        assert first == again


def test_uids_do_not_depend_on_the_order_of_the_file() -> None:
    for invited in (True, False):
        assert _everything(_rich(), invited) == _everything(_reordered(_rich()), invited)
    milestones = {name: tuple(reversed(days)) for name, days in MILESTONES.items()}
    assert derive(_rich(), TODAY, milestones, rules=rules()) == derive(
        _rich(), TODAY, MILESTONES, rules=rules()
    )


def test_uids_do_not_change_when_a_date_is_corrected() -> None:
    base = _rich()
    later = replace(
        base,
        applicant=replace(
            base.applicant,
            passport=replace(base.applicant.passport, expires_on=date(2031, 1, 1)),  # type: ignore[arg-type]
        ),
    )
    before = {d.uid: d.due for d in _everything(base)}
    after = {d.uid: d.due for d in _everything(later)}
    assert before.keys() == after.keys()
    assert after["passport-expiry:applicant"] == date(2031, 1, 1)


def test_uids_carry_no_personal_text() -> None:
    profile = _rich()
    found = _everything(profile) + _everything(profile, invited=False)
    found += derive(single(date(1997, 1, 15)), TODAY, rules=rules())
    personal = {
        "asha", "rao", "ravi", "mira", "acme", "maple", "mumbai", "computer", "engineering",
        "software", "developer", "z1234567", "z7654321", "z5555555", "25in001234raoa",
        "1234567", "human", "capital", "employer", "call",
    }  # fmt: skip
    for item in found:
        assert UID.match(item.uid), item.uid
        words = set(re.split(r"[^a-z0-9]+", item.uid.lower()))
        assert not words & personal, item.uid


def test_every_kind_of_deadline_is_covered_by_these_files() -> None:
    just_invited = {"invitation": MILESTONES["invitation"]}
    found = [
        *_everything(_rich()),
        *_everything(_rich(), invited=False),
        *derive(_rich(), TODAY, just_invited, rules=rules()),  # documents due with the ITA
        *derive(_rich(), TODAY, [Milestone("ppr", date(2026, 11, 2), date(2026, 12, 2)),
                                 Milestone("copr", date(2026, 11, 20))], rules=rules()),
    ]  # fmt: skip
    prefixes = {d.uid.split(":")[0] for d in found}
    assert prefixes >= {
        "test-expiry", "eca-expiry", "passport-expiry", "profile-expiry", "ita-submit",
        "biometrics-due", "medical-due", "medical-expiry", "documents-due", "document",
        "police-current", "experience", "custom", "nomination-accept", "passport-due",
        "copr-landing",
    }  # fmt: skip
