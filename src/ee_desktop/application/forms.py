"""The permanent-residence forms as blockers: after an invitation, each person whose
histories have gaps or problems holds the application up (IMM 5669 asks for no gaps in
time, and a contradiction is what a misrepresentation finding starts from)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ee_desktop.application.model import Blocker
from ee_desktop.checklist.people import people
from ee_desktop.history.checks import check_history
from ee_desktop.i18n import _
from ee_desktop.profile.model import Profile

SHOWN = 3  # findings quoted in a blocker; the forms editor and `history` list them all


def _checklist_ids(profile: Profile) -> dict[str, str]:
    """History keys (child:<index>) to the checklist's person ids (child:<birth date>)."""
    children = [p.id for p in people(profile) if p.role == "child"]
    # people() orders children by birth date, stably, as sorted() does here.
    order = sorted(range(len(profile.children)), key=lambda i: profile.children[i].date_of_birth)
    return {f"child:{index}": found for index, found in zip(order, children, strict=True)}


def forms_blockers(profile: Profile, as_of: date) -> Iterator[Blocker]:
    ids = _checklist_ids(profile)
    for person in check_history(profile, as_of).people:
        if person.complete:
            continue
        findings = [f.message for f in person.problems]
        if person.gap_count:
            findings.insert(
                0,
                _("Gaps or overlaps in the personal history or the addresses: {count}.").format(
                    count=person.gap_count
                ),
            )
        more = len(findings) - SHOWN
        detail = " ".join(findings[:SHOWN])
        if more > 0:
            detail += " " + _("And {count} more: see Application forms.").format(count=more)
        yield Blocker(
            kind="forms",
            title=_("Application forms of {name}: {status}").format(
                name=person.member.name, status=person.status()
            ),
            detail=detail,
            blocks=True,
            person=ids.get(person.member.key, person.member.key),
        )
