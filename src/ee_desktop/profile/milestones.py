"""The steps of an Express Entry file as the user records them, from the profile to landing.

A milestone is something that happened on a day. Letters from IRCC (biometrics, medical,
document and passport requests) print their own deadline, which the user can copy into
``due``; the COPR prints its expiry there. ``done_on`` is when the user answered a request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ee_desktop.i18n import _, format_date
from ee_desktop.profile.reader import LATEST_DATE, NOTE_LIMIT, encodable

MILESTONES: tuple[str, ...] = (
    "profile_submitted",
    "invitation",
    "application_submitted",
    "aor",
    "biometrics_request",
    "medical_request",
    "medical_exam",  # the day the exam was done
    "background_check",  # the day the account showed the background check in progress
    "document_request",
    "ppr",
    "copr",
    "landed",
)

# Milestones that happen several times; each of the others has one date per file.
REPEATED_MILESTONES: tuple[str, ...] = ("document_request",)

# Milestones with a date of their own printed on the letter: a deadline, or the COPR's expiry.
WITH_DUE: tuple[str, ...] = (
    "invitation",
    "biometrics_request",
    "medical_request",
    "document_request",
    "ppr",
    "copr",
)

# Requests the user answers; ``done_on`` records when.
REQUESTS: tuple[str, ...] = ("biometrics_request", "medical_request", "document_request", "ppr")


@dataclass(frozen=True, slots=True)
class Milestone:
    name: str  # one of MILESTONES
    on: date
    due: date | None = None  # only for WITH_DUE
    done_on: date | None = None  # only for REQUESTS
    note: str = ""
    # The store's row, so one of two requests of the same day can be edited; not part of the
    # value (two records saying the same are equal) and not in the JSON format.
    id: int | None = field(default=None, compare=False)


def by_name(milestones: tuple[Milestone, ...] | list[Milestone]) -> dict[str, tuple[date, ...]]:
    """The dates of each milestone, oldest first."""
    found: dict[str, tuple[date, ...]] = {}
    for item in sorted(milestones, key=lambda m: m.on):
        found[item.name] = (*found.get(item.name, ()), item.on)
    return found


EARLIEST = date(1950, 1, 1)


def milestone_problems(m: Milestone, today: date) -> list[str]:
    """What is wrong with a milestone the user typed, one sentence per field."""
    problems = []
    if m.name not in MILESTONES:
        problems.append(
            _("Milestone: expected one of {names}.").format(names=", ".join(MILESTONES))
        )
    if m.on > today:
        problems.append(
            _("Date: a milestone records something that happened; {day} is in the future.").format(
                day=format_date(m.on)
            )
        )
    elif m.on < EARLIEST:
        problems.append(
            _("Date: {day} is too long ago for this process.").format(day=format_date(m.on))
        )
    if m.due is not None:
        if m.name not in WITH_DUE:
            problems.append(_("Deadline in the letter: this milestone has none."))
        elif m.due > LATEST_DATE:
            problems.append(
                _("Deadline in the letter: expected a date up to {day}.").format(
                    day=format_date(LATEST_DATE)
                )
            )
        elif m.due < m.on:
            problems.append(
                _("Deadline in the letter: expected a date on or after {day}.").format(
                    day=format_date(m.on)
                )
            )
    if m.done_on is not None:
        if m.name not in REQUESTS:
            problems.append(_("Done on: only a request is answered."))
        elif m.done_on < m.on or m.done_on > today:
            problems.append(
                _("Done on: expected a date from {first} to {last}.").format(
                    first=format_date(m.on), last=format_date(today)
                )
            )
    if not encodable(m.note):
        problems.append(_("Note: the text is not valid UTF-8; type it again."))
    elif len(m.note) > NOTE_LIMIT:
        problems.append(
            _("Note: at most {count} characters; this one has {length}.").format(
                count=NOTE_LIMIT, length=len(m.note)
            )
        )
    return problems
