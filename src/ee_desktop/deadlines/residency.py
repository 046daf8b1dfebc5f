"""After landing, the application's end is not the file's: each permanent resident must
spend 730 days in Canada within five years (counted from landing in the first five), and
renew the PR card before it expires. Dates from data/residency.toml and the recorded
travel history (trips after landing are days outside Canada: the days strictly between
leaving and coming back, the days of travel counting as days in Canada)."""

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
    in_force_on,
    parse_versions,
    positive,
    text,
)
from ee_desktop.deadlines.held import person_title
from ee_desktop.deadlines.model import Deadline, person_code
from ee_desktop.i18n import _, format_date
from ee_desktop.profile.background import Trip
from ee_desktop.profile.model import Profile
from ee_desktop.rules.dates import add_years, months_before

_REQUIRED: dict[str, Check] = {
    "effective_from": a_date,
    "obligation_days": positive,
    "window_years": positive,
    "card_years": positive,
    "renew_months_before": positive,
    "source": text,
}
_OPTIONAL: dict[str, Check] = {"effective_to": a_date}


class ResidencyRulesError(DataProblems):
    """The residency rules data is malformed; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class ResidencyRules(Dated):
    obligation_days: int
    window_years: int
    card_years: int
    renew_months_before: int


def parse_residency_rules(document: Mapping[str, Any]) -> tuple[ResidencyRules, ...]:
    return parse_versions(
        document, "residency", _REQUIRED, _OPTIONAL, ResidencyRules, ResidencyRulesError
    )


@cache
def _built_in() -> tuple[ResidencyRules, ...]:
    content = files("ee_desktop.deadlines").joinpath("data", "residency.toml").read_text("utf-8")
    return parse_residency_rules(tomllib.loads(content))


def residency_rules_on(on: date) -> ResidencyRules:
    built_in = _built_in()
    return in_force_on(built_in, on) or built_in[0]


def days_outside(trips: tuple[Trip, ...], start: date, end: date) -> int:
    """Whole days outside Canada between ``start`` and ``end`` (inclusive), trips merged."""
    away: set[int] = set()
    for trip in trips:
        first = max(trip.from_ + timedelta(days=1), start)
        last = min(trip.to - timedelta(days=1), end)
        away.update(range(first.toordinal(), last.toordinal() + 1))
    return len(away)


def residency_deadlines(profile: Profile, as_of: date, landed: date | None) -> list[Deadline]:
    """The PR card's renewal and expiry and each resident's residency-obligation date."""
    if landed is None:
        return []
    rules = residency_rules_on(landed)
    out: list[Deadline] = []
    for person in people(profile):
        if person.role != "applicant" and not person.accompanying:
            continue
        out += _card(person, landed, rules)
        out += _obligation(person, _trips(profile, person), landed, as_of, rules)
    return out


def _trips(profile: Profile, person: Person) -> tuple[Trip, ...]:
    if person.role == "applicant":
        return profile.applicant.background.travel_history
    if person.role == "spouse" and profile.spouse is not None:
        return profile.spouse.background.travel_history
    for child in profile.children:
        if f"child:{child.date_of_birth.isoformat()}" in person.id:
            return child.background.travel_history
    return ()


def _card(person: Person, landed: date, rules: ResidencyRules) -> Iterator[Deadline]:
    code = person_code(person.id)
    expires = add_years(landed, rules.card_years)
    yield Deadline(
        uid=f"pr-card-renew:{code}",
        due=months_before(expires, rules.renew_months_before),
        kind="deadline",
        title=person_title(person, _("Apply to renew the permanent resident card")),
        detail=_(
            "The card issued at landing is usually valid until {day}. A renewal takes months: "
            "apply once it expires within nine months, and keep a valid card to travel back."
        ).format(day=format_date(expires)),
        person=person.id,
        source=rules.source,
    )
    yield Deadline(
        uid=f"pr-card-expiry:{code}",
        due=expires,
        kind="expiry",
        title=person_title(person, _("Permanent resident card expires")),
        detail=_(
            "The status does not end with the card, but travelling back to Canada without a "
            "valid card needs a travel document."
        ),
        person=person.id,
        source=rules.source,
    )


def _obligation(
    person: Person, trips: tuple[Trip, ...], landed: date, as_of: date, rules: ResidencyRules
) -> Iterator[Deadline]:
    window_end = add_years(landed, rules.window_years) - timedelta(days=1)
    counted_to = min(max(as_of, landed), window_end)
    elapsed = (counted_to - landed).days + 1
    inside = elapsed - days_outside(trips, landed, counted_to)
    remaining = rules.obligation_days - inside
    if remaining <= 0:
        yield Deadline(
            uid=f"residency-obligation:{person_code(person.id)}",
            due=counted_to,
            kind="deadline",
            title=person_title(person, _("Residency obligation met")),
            detail=_(
                "{inside} days in Canada since landing on {landed}, at least the {needed} "
                "required within five years (trips in your travel history counted out)."
            ).format(inside=inside, landed=format_date(landed), needed=rules.obligation_days),
            person=person.id,
            source=rules.source,
            done=True,
        )
        return
    last_return = window_end - timedelta(days=remaining - 1)
    yield Deadline(
        uid=f"residency-obligation:{person_code(person.id)}",
        due=last_return,
        kind="deadline",
        title=person_title(person, _("Residency obligation: be in Canada from this day")),
        detail=_(
            "{inside} of the {needed} days in Canada so far since landing on {landed} (trips in "
            "your travel history counted out). Living in Canada from {day} without leaving "
            "meets the obligation on {end}; every day abroad before then moves this date "
            "earlier."
        ).format(
            inside=max(0, inside),
            needed=rules.obligation_days,
            landed=format_date(landed),
            day=format_date(last_return),
            end=format_date(window_end),
        ),
        person=person.id,
        source=rules.source,
    )
