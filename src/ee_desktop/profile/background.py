"""The permanent-residence application's histories and family, as immutable values.

These sections of the personal file carry what the electronic application asks
each person after an invitation: IMM 5669 (Schedule A: other names, personal
history, memberships, government positions, military service, addresses), the
travel history and IMM 5406 (additional family information). Field names follow
the format (docs/profile-format.md) one to one; ``from_`` stands for ``from``.

IMM 5669 asks for year and month only, so the periods of the personal history,
memberships, government positions and military service hold *months*: a ``date``
on the first day of the month, ``to=None`` meaning "to now".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ACTIVITIES: tuple[str, ...] = (
    "employed",
    "self_employed",
    "studying",
    "unemployed",
    "homemaker",
    "retired",
    "travelling",
    "military",
    "other",
)
STATUSES_IN_COUNTRY: tuple[str, ...] = (
    "citizen",
    "permanent_resident",
    "worker",
    "student",
    "visitor",
    "other",
)
TRIP_PURPOSES: tuple[str, ...] = ("tourism", "business", "family", "study", "work", "other")
RELATIONSHIPS: tuple[str, ...] = (
    "mother",
    "father",
    "brother",
    "sister",
    "half_brother",
    "half_sister",
    "step_brother",
    "step_sister",
    "son",
    "daughter",
    "step_son",
    "step_daughter",
    "adopted_son",
    "adopted_daughter",
)
JURISDICTIONS: tuple[str, ...] = ("national", "regional", "municipal", "other")


@dataclass(frozen=True, slots=True)
class OtherName:
    """A name used before or besides the passport's (maiden name, alias, other spelling)."""

    family_name: str
    given_names: str | None = None  # some names have no given part


@dataclass(frozen=True, slots=True)
class Activity:
    """One period of the personal history (IMM 5669 question 6)."""

    from_: date  # a month
    to: date | None  # a month; None: to now
    activity: str
    organization: str | None = None  # employer, school
    occupation: str | None = None  # job title or field of study
    city: str | None = None
    country: str | None = None
    status_in_country: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """Where someone lived; every part is optional (older files have none)."""

    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True, slots=True)
class Trip:
    """One trip outside the country of residence (the travel history)."""

    from_: date
    to: date
    country: str
    purpose: str
    city: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    """IMM 5669 question 7: an organization, association or party someone belonged to."""

    from_: date  # a month
    to: date | None
    organization: str
    organization_type: str | None = None
    position: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GovernmentPosition:
    """IMM 5669 question 9: a government position (civil servant, judge, police, ...)."""

    from_: date  # a month
    to: date | None
    country: str
    jurisdiction: str  # national, regional, municipal, other
    department: str
    position: str


@dataclass(frozen=True, slots=True)
class MilitaryService:
    """IMM 5669 question 10: service in a military, militia or civil defence unit."""

    from_: date  # a month
    to: date | None
    country: str
    branch: str  # branch of service and unit
    rank: str
    commanding_officers: str | None = None
    combat: str | None = None  # dates and places of active combat
    end_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Relative:
    """IMM 5406: a parent, brother or sister, or a child not listed among the dependants."""

    relationship: str
    given_names: str
    family_name: str
    date_of_birth: date | None = None
    country_of_birth: str | None = None
    address: str | None = None
    marital_status: str | None = None
    occupation: str | None = None
    deceased_on: date | None = None
    accompanying: bool = False


@dataclass(frozen=True, slots=True)
class Background:
    """Everything the permanent-residence forms ask of one person besides the profile."""

    other_names: tuple[OtherName, ...] = ()
    personal_history: tuple[Activity, ...] = ()
    travel_history: tuple[Trip, ...] = ()
    memberships: tuple[Membership, ...] = ()
    government_positions: tuple[GovernmentPosition, ...] = ()
    military_service: tuple[MilitaryService, ...] = ()
    relatives: tuple[Relative, ...] = ()  # applicant and spouse only

    def is_empty(self) -> bool:
        return self == _EMPTY


_EMPTY = Background()
BACKGROUND_SECTIONS: tuple[str, ...] = (
    "other_names",
    "personal_history",
    "travel_history",
    "memberships",
    "government_positions",
    "military_service",
    "relatives",
)
