"""Dates that follow from each person's status in Canada (data/status.toml): the permit's
expiry and the day to apply to extend it, maintained status once an extension was applied
for in time, the bridging open work permit's window, and the day Canadian work experience
stops growing if the permit lapses."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.checklist.people import Person, people
from ee_desktop.dated import (
    Check,
    DataProblems,
    Dated,
    a_date,
    boolean,
    in_force_on,
    parse_versions,
    positive,
    text,
)
from ee_desktop.deadlines.held import person_title
from ee_desktop.deadlines.model import Deadline, person_code
from ee_desktop.i18n import _, format_date
from ee_desktop.profile.model import Profile
from ee_desktop.profile.status import StatusInCanada
from ee_desktop.rules.dates import months_before

_REQUIRED: dict[str, Check] = {
    "effective_from": a_date,
    "extend_lead_days": positive,
    "bowp_window_months": positive,
    "restoration_days": positive,
    "second_application_keeps_status": boolean,
    "source": text,
}
_OPTIONAL: dict[str, Check] = {"effective_to": a_date}
PERMITS = {
    "worker": ("Work permit expires", "Apply to extend your work permit"),
    "student": ("Study permit expires", "Apply to extend your study permit"),
    "visitor": ("Visitor status ends", "Apply to extend your stay as a visitor"),
}


class StatusRulesError(DataProblems):
    """The status rules data is malformed; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class StatusRules(Dated):
    extend_lead_days: int
    bowp_window_months: int
    restoration_days: int
    second_application_keeps_status: bool


def parse_status_rules(document: Mapping[str, Any]) -> tuple[StatusRules, ...]:
    return parse_versions(document, "status", _REQUIRED, _OPTIONAL, StatusRules, StatusRulesError)


@cache
def _built_in() -> tuple[StatusRules, ...]:
    content = files("ee_desktop.deadlines").joinpath("data", "status.toml").read_text("utf-8")
    return parse_status_rules(tomllib.loads(content))


def status_rules_on(on: date) -> StatusRules:
    built_in = _built_in()
    return in_force_on(built_in, on) or built_in[0]


def status_deadlines(profile: Profile, as_of: date, aor: date | None) -> list[Deadline]:
    """Every person's status dates; ``aor``: the acknowledgement of receipt of the
    permanent-residence application (the completeness check passed), when recorded."""
    rules = status_rules_on(as_of)
    out: list[Deadline] = []
    for person in people(profile):
        status = person.status_in_canada
        if status is None or status.kind not in PERMITS or status.permit_expires_on is None:
            continue
        out += _permit(person, status, rules)
        if person.id == "applicant" and status.kind == "worker":
            out += _bowp(person, status, rules, aor)
            out += _experience(profile, person, status)
    return out


def _permit(person: Person, status: StatusInCanada, rules: StatusRules) -> Iterator[Deadline]:
    expires = status.permit_expires_on
    assert expires is not None
    code = person_code(person.id)
    expiry_title, extend_title = PERMITS[status.kind]
    if status.maintained:
        assert status.applied_to_extend_on is not None
        detail = _(
            "You applied to extend on {day}, before it expired: you keep your status, and may "
            "keep working or studying under the same conditions, until IRCC decides, as long "
            "as you stay in Canada (maintained status)."
        ).format(day=format_date(status.applied_to_extend_on))
        if not rules.second_application_keeps_status:
            detail += " " + _(
                "Since 28 May 2025, a second application made while on maintained status does "
                "not keep your status if the first is refused: make the first one complete."
            )
    else:
        detail = _(
            "Without an application to extend made before this day, the status ends: work or "
            "study must stop, and restoring it is possible only within {days} days, with a fee."
        ).format(days=rules.restoration_days)
    yield Deadline(
        uid=f"status-expiry:{code}",
        due=expires,
        kind="expiry",
        title=person_title(person, _(expiry_title)),
        detail=detail,
        person=person.id,
        source=rules.source,
    )
    yield Deadline(
        uid=f"status-extend:{code}",
        due=expires - timedelta(days=rules.extend_lead_days),
        kind="deadline",
        title=person_title(person, _(extend_title)),
        detail=_(
            "IRCC suggests applying at least {days} days before the permit expires; an "
            "application made before expiry keeps your status while it is processed."
        ).format(days=rules.extend_lead_days),
        person=person.id,
        source=rules.source,
        done=status.applied_to_extend_on is not None,
    )


def _bowp(
    person: Person, status: StatusInCanada, rules: StatusRules, aor: date | None
) -> Iterator[Deadline]:
    """The bridging open work permit: from the later of the acknowledgement of receipt and
    four months before expiry, until the permit expires."""
    expires = status.permit_expires_on
    assert expires is not None
    opens = months_before(expires, rules.bowp_window_months)
    if aor is None:
        detail = _(
            "Once the permanent-residence application has passed the completeness check "
            "(acknowledgement of receipt), and from {opens} (four months before your work "
            "permit expires), you may apply for a bridging open work permit to keep working "
            "while the application is processed."
        ).format(opens=format_date(opens))
        start = opens
    else:
        start = max(aor, opens)
        detail = _(
            "From {start} you may apply for a bridging open work permit: your application was "
            "acknowledged on {aor} and your permit expires within four months. Apply before "
            "it expires."
        ).format(start=format_date(start), aor=format_date(aor))
    yield Deadline(
        uid="bowp-window:applicant",
        due=start,
        kind="deadline",
        title=person_title(person, _("Bridging open work permit: the window opens")),
        detail=detail,
        person=person.id,
        source=rules.source,
    )


def _experience(profile: Profile, person: Person, status: StatusInCanada) -> Iterator[Deadline]:
    """Work in Canada counts only with status: the day it would stop growing."""
    expires = status.permit_expires_on
    assert expires is not None
    working = [
        j
        for j in profile.applicant.work_history
        if j.country == "CA" and (j.end is None or j.end > expires)
    ]
    if not working or status.maintained:
        return
    yield Deadline(
        uid="status-experience:applicant",
        due=expires,
        kind="deadline",
        title=person_title(person, _("Canadian work experience stops growing")),
        detail=_(
            "If the work permit ends without an extension applied for, work after {day} does "
            "not count as Canadian experience (and must stop)."
        ).format(day=format_date(expires)),
        person=person.id,
    )
