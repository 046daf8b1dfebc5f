"""The people a checklist is for, each with an id derived from stable facts, not list positions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ee_desktop.i18n import _, format_date
from ee_desktop.profile.model import (
    Child,
    Education,
    Job,
    LanguageTest,
    Passport,
    Profile,
    Residence,
)
from ee_desktop.profile.status import StatusInCanada
from ee_desktop.rules.dates import completed_years


@dataclass(frozen=True, slots=True)
class Person:
    id: str  # "applicant", "spouse" or "child:<id>"
    role: str  # "applicant", "spouse" or "child"
    label: str
    name: str  # for sentences: "you", "your spouse or partner", "Mira"
    date_of_birth: date
    passport: Passport | None
    residence_history: tuple[Residence, ...]
    language_tests: tuple[LanguageTest, ...] = ()
    education: tuple[Education, ...] = ()
    work_history: tuple[Job, ...] = ()
    accompanying: bool = True
    scored: bool = False  # a spouse whose factors count (accompanying, not citizen or PR)
    status_in_canada: StatusInCanada | None = None

    def age(self, on: date) -> int:
        return completed_years(self.date_of_birth, on)


def slug(text: str) -> str:
    """Lower-case letters and digits joined by '-': ids that survive punctuation edits."""
    return "-".join(re.findall(r"[^\W_]+", text.casefold()))


def unique_ids(bases: Iterable[str]) -> list[str]:
    """The bases, with "-2", "-3"... added to repeats (callers pass them in a stable order)."""
    seen: dict[str, int] = {}
    out = []
    for base in bases:
        count = seen.get(base, 0) + 1
        seen[base] = count
        out.append(base if count == 1 else f"{base}-{count}")
    return out


def _child_label(child: Child) -> str:
    born = format_date(child.date_of_birth)
    if child.given_names:
        return _("Child: {name} (born {born})").format(name=child.given_names, born=born)
    return _("Child born {born}").format(born=born)


def people(profile: Profile) -> list[Person]:
    """Applicant, spouse or partner (coming or not), then children oldest first."""
    a = profile.applicant
    out = [
        Person(
            id="applicant",
            role="applicant",
            label=_("You"),
            name=_("you"),
            date_of_birth=a.date_of_birth,
            passport=a.passport,
            residence_history=a.residence_history,
            language_tests=a.language_tests,
            education=a.education,
            work_history=a.work_history,
            status_in_canada=a.status_in_canada,
        )
    ]
    s = profile.spouse
    if s is not None:
        full = f"{s.given_names} {s.family_name}".strip()
        out.append(
            Person(
                id="spouse",
                role="spouse",
                label=_("Your spouse or partner ({name})").format(name=full)
                if full
                else _("Your spouse or partner"),
                name=s.given_names or _("your spouse or partner"),
                date_of_birth=s.date_of_birth,
                passport=s.passport,
                residence_history=s.residence_history,
                language_tests=s.language_tests,
                education=s.education,
                work_history=s.work_history,
                accompanying=s.accompanying,
                scored=s.accompanying and not s.canadian_citizen_or_pr,
                status_in_canada=s.status_in_canada,
            )
        )
    # Oldest first; children born the same day keep their order in the file. The id is the
    # date of birth alone, so naming a child later keeps the progress on their documents.
    children = sorted(profile.children, key=lambda c: c.date_of_birth)
    bases = [c.date_of_birth.isoformat() for c in children]
    for child, child_id in zip(children, unique_ids(bases), strict=True):
        out.append(
            Person(
                id=f"child:{child_id}",
                role="child",
                label=_child_label(child),
                name=child.given_names
                or _("your child born {born}").format(born=format_date(child.date_of_birth)),
                date_of_birth=child.date_of_birth,
                passport=child.passport,
                residence_history=child.residence_history,
                accompanying=child.accompanying,
                status_in_canada=child.status_in_canada,
            )
        )
    return out
