"""Read and write the permanent-residence sections of a person (see background.py).

Reading is as strict as the rest of the format (field paths, dates, enumerations);
what is merely incomplete (a gap, a missing city) is for the history checks to
report, never an import error. Writing leaves out empty sections and unset optional
fields, so a file without these sections reads the same in an older version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from ee_desktop.i18n import _
from ee_desktop.profile.background import (
    ACTIVITIES,
    JURISDICTIONS,
    RELATIONSHIPS,
    STATUSES_IN_COUNTRY,
    TRIP_PURPOSES,
    Activity,
    Address,
    Background,
    GovernmentPosition,
    Membership,
    MilitaryService,
    OtherName,
    Relative,
    Trip,
)
from ee_desktop.profile.model import MARITAL_STATUSES
from ee_desktop.profile.problems import MISSING
from ee_desktop.profile.reader import EARLIEST_DATE, LATEST_DATE, Reader, join

PERSON_SECTIONS: dict[str, bool] = {
    "other_names": False,
    "personal_history": False,
    "travel_history": False,
    "memberships": False,
    "government_positions": False,
    "military_service": False,
}
WITH_RELATIVES: dict[str, bool] = PERSON_SECTIONS | {"relatives": False}

_OTHER_NAME = {"family_name": True, "given_names": False}
_ACTIVITY = {
    "from": True, "to": False, "activity": True, "organization": False, "occupation": False,
    "city": False, "country": False, "status_in_country": False,
}  # fmt: skip
ADDRESS = {"street": False, "city": False, "region": False, "postal_code": False}
_TRIP = {"from": True, "to": True, "country": True, "city": False, "purpose": True}
_MEMBERSHIP = {
    "from": True, "to": False, "organization": True, "organization_type": False,
    "position": False, "city": False, "country": False,
}  # fmt: skip
_GOVERNMENT = {
    "from": True, "to": False, "country": True, "jurisdiction": True, "department": True,
    "position": True,
}  # fmt: skip
_MILITARY = {
    "from": True, "to": False, "country": True, "branch": True, "rank": True,
    "commanding_officers": False, "combat": False, "end_reason": False,
}  # fmt: skip
_RELATIVE = {
    "relationship": True, "given_names": True, "family_name": True, "date_of_birth": False,
    "country_of_birth": False, "address": False, "marital_status": False, "occupation": False,
    "deceased_on": False, "accompanying": False,
}  # fmt: skip

T = TypeVar("T")
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def month_text(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def parse_month(text: str) -> date | None:
    """``YYYY-MM`` as the first day of that month; None when it is not one."""
    match = _MONTH.fullmatch(text)
    if match is None or not 1 <= int(match[2]) <= 12:
        return None
    found = date(int(match[1]), int(match[2]), 1)
    return found if EARLIEST_DATE <= found <= LATEST_DATE else None


class BackgroundReader:
    """Decodes one person's sections with the decoder's ``Reader`` (problems shared)."""

    def __init__(self, reader: Reader, today: date) -> None:
        self.r = reader
        self.today = today

    def person(
        self, d: dict[str, Any], path: str, born: date | None, relatives: bool
    ) -> Background:
        r = self.r
        return Background(
            other_names=_present(r.list_of(d, "other_names", path, self.other_name)),
            personal_history=_present(
                r.list_of(d, "personal_history", path, lambda v, p: self.activity(v, p, born))
            ),
            travel_history=_present(
                r.list_of(d, "travel_history", path, lambda v, p: self.trip(v, p, born))
            ),
            memberships=_present(
                r.list_of(d, "memberships", path, lambda v, p: self.membership(v, p, born))
            ),
            government_positions=_present(
                r.list_of(d, "government_positions", path, lambda v, p: self.government(v, p, born))
            ),
            military_service=_present(
                r.list_of(d, "military_service", path, lambda v, p: self.military(v, p, born))
            ),
            relatives=_present(r.list_of(d, "relatives", path, self.relative)) if relatives else (),
        )

    # -- optional values ---------------------------------------------------
    def _optional(self, d: dict[str, Any], key: str, read: Callable[[], T]) -> T | None:
        return None if d.get(key) is None else read()

    def _not_future(self, path: str, value: date | None) -> None:
        if value is not None and value > self.today:
            self.r.add(path, value.isoformat(), _("a date that is not in the future"))

    def _text(self, d: dict[str, Any], key: str, path: str) -> str | None:
        return self._optional(d, key, lambda: self.r.text(d, key, path))

    def _country(self, d: dict[str, Any], key: str, path: str) -> str | None:
        return self._optional(d, key, lambda: self.r.country(d, key, path))

    def _choice(
        self, d: dict[str, Any], key: str, path: str, choices: tuple[str, ...]
    ) -> str | None:
        return self._optional(d, key, lambda: self.r.choice(d, key, path, choices))

    def month(self, d: dict[str, Any], key: str, path: str, nullable: bool) -> date | None:
        here = join(path, key)
        expected = _("a month written YYYY-MM") + (_(" or null") if nullable else "")
        if key not in d:
            if not nullable:
                self.r.add(here, MISSING, expected)
            return None
        value = d[key]
        if value is None and nullable:
            return None
        found = parse_month(value) if isinstance(value, str) else None
        if found is None:
            if isinstance(value, str) and _MONTH.fullmatch(value) and 1 <= int(value[5:]) <= 12:
                expected = _("a month from {first} to {last}").format(
                    first=month_text(EARLIEST_DATE), last=month_text(LATEST_DATE)
                )
            self.r.add(here, value, expected)
        return found

    def _period(
        self, d: dict[str, Any], path: str, born: date | None
    ) -> tuple[date | None, date | None]:
        """A period of months: ``from`` (not before the birth month, not in the future)
        and ``to`` (null: to now)."""
        start = self.month(d, "from", path, nullable=False)
        end = self.month(d, "to", path, nullable=True)
        if start is not None and born is not None and start < born.replace(day=1):
            self.r.add(join(path, "from"), month_text(start), _("a month from the birth month on"))
        if start is not None and start > self.today:
            self.r.add(
                join(path, "from"), month_text(start), _("a month that is not in the future")
            )
        if start is not None and end is not None and end < start:
            self.r.add(join(path, "to"), month_text(end), _("a month on or after “from”"))
        return start, end

    # -- records -------------------------------------------------------------
    def other_name(self, value: Any, path: str) -> OtherName | None:
        d = self.r.object(value, path, _OTHER_NAME)
        if d is None:
            return None
        family = self.r.text(d, "family_name", path)
        given = self._text(d, "given_names", path)
        return None if family is None else OtherName(family, given)

    def activity(self, value: Any, path: str, born: date | None) -> Activity | None:
        r = self.r
        d = r.object(value, path, _ACTIVITY)
        if d is None:
            return None
        start, end = self._period(d, path, born)
        kind = r.choice(d, "activity", path, ACTIVITIES)
        record = Activity(
            from_=start,  # type: ignore[arg-type]
            to=end,
            activity=kind,  # type: ignore[arg-type]
            organization=self._text(d, "organization", path),
            occupation=self._text(d, "occupation", path),
            city=self._text(d, "city", path),
            country=self._country(d, "country", path),
            status_in_country=self._choice(d, "status_in_country", path, STATUSES_IN_COUNTRY),
        )
        return record if start is not None and kind is not None else None

    def address(self, value: Any, path: str) -> Address | None:
        d = self.r.object(value, path, ADDRESS)
        if d is None:
            return None
        return Address(**{key: self._text(d, key, path) for key in ADDRESS})

    def trip(self, value: Any, path: str, born: date | None) -> Trip | None:
        r = self.r
        d = r.object(value, path, _TRIP)
        if d is None:
            return None
        start = r.iso_date(d, "from", path)
        end = r.iso_date(d, "to", path)
        r.order(join(path, "from"), born, start, _("a date on or after the date of birth"))
        r.order(join(path, "to"), start, end, _("a date on or after “from”"))
        self._not_future(join(path, "from"), start)
        country = r.country(d, "country", path)
        purpose = r.choice(d, "purpose", path, TRIP_PURPOSES)
        city = self._text(d, "city", path)
        if start is None or end is None or country is None or purpose is None:
            return None
        return Trip(start, end, country, purpose, city)

    def membership(self, value: Any, path: str, born: date | None) -> Membership | None:
        d = self.r.object(value, path, _MEMBERSHIP)
        if d is None:
            return None
        start, end = self._period(d, path, born)
        return Membership(
            from_=start,  # type: ignore[arg-type]
            to=end,
            organization=self.r.text(d, "organization", path),  # type: ignore[arg-type]
            organization_type=self._text(d, "organization_type", path),
            position=self._text(d, "position", path),
            city=self._text(d, "city", path),
            country=self._country(d, "country", path),
        )

    def government(self, value: Any, path: str, born: date | None) -> GovernmentPosition | None:
        r = self.r
        d = r.object(value, path, _GOVERNMENT)
        if d is None:
            return None
        start, end = self._period(d, path, born)
        return GovernmentPosition(
            from_=start,  # type: ignore[arg-type]
            to=end,
            country=r.country(d, "country", path),  # type: ignore[arg-type]
            jurisdiction=r.choice(d, "jurisdiction", path, JURISDICTIONS),  # type: ignore[arg-type]
            department=r.text(d, "department", path),  # type: ignore[arg-type]
            position=r.text(d, "position", path),  # type: ignore[arg-type]
        )

    def military(self, value: Any, path: str, born: date | None) -> MilitaryService | None:
        r = self.r
        d = r.object(value, path, _MILITARY)
        if d is None:
            return None
        start, end = self._period(d, path, born)
        return MilitaryService(
            from_=start,  # type: ignore[arg-type]
            to=end,
            country=r.country(d, "country", path),  # type: ignore[arg-type]
            branch=r.text(d, "branch", path),  # type: ignore[arg-type]
            rank=r.text(d, "rank", path),  # type: ignore[arg-type]
            commanding_officers=self._text(d, "commanding_officers", path),
            combat=self._text(d, "combat", path),
            end_reason=self._text(d, "end_reason", path),
        )

    def relative(self, value: Any, path: str) -> Relative | None:
        r = self.r
        d = r.object(value, path, _RELATIVE)
        if d is None:
            return None
        relationship = r.choice(d, "relationship", path, RELATIONSHIPS)
        given = r.text(d, "given_names", path)
        family = r.text(d, "family_name", path)
        born = self._optional(d, "date_of_birth", lambda: r.iso_date(d, "date_of_birth", path))
        if born is not None and born > self.today:
            r.add(
                join(path, "date_of_birth"), born.isoformat(), _("a date that is not in the future")
            )
        died = self._optional(d, "deceased_on", lambda: r.iso_date(d, "deceased_on", path))
        r.order(join(path, "deceased_on"), born, died, _("a date on or after the date of birth"))
        if died is not None and died > self.today:
            r.add(
                join(path, "deceased_on"), died.isoformat(), _("a date that is not in the future")
            )
        accompanying = self._optional(d, "accompanying", lambda: r.boolean(d, "accompanying", path))
        return Relative(
            relationship=relationship,  # type: ignore[arg-type]
            given_names=given,  # type: ignore[arg-type]
            family_name=family,  # type: ignore[arg-type]
            date_of_birth=born,
            country_of_birth=self._country(d, "country_of_birth", path),
            address=self._text(d, "address", path),
            marital_status=self._choice(d, "marital_status", path, MARITAL_STATUSES),
            occupation=self._text(d, "occupation", path),
            deceased_on=died,
            accompanying=bool(accompanying),
        )


def _present(items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(item for item in items if item is not None)


# -- writing ------------------------------------------------------------------
def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out optional fields that are unset; ``to: null`` stays (it means "to now")."""
    return {k: v for k, v in record.items() if v is not None or k == "to"}


def _month_or_none(value: date | None) -> str | None:
    return None if value is None else month_text(value)


def address_to_json(a: Address) -> dict[str, Any]:
    return _clean(
        {"street": a.street, "city": a.city, "region": a.region, "postal_code": a.postal_code}
    )


def activity_to_json(a: Activity) -> dict[str, Any]:
    return _clean(
        {
            "from": month_text(a.from_),
            "to": _month_or_none(a.to),
            "activity": a.activity,
            "organization": a.organization,
            "occupation": a.occupation,
            "city": a.city,
            "country": a.country,
            "status_in_country": a.status_in_country,
        }
    )


def trip_to_json(t: Trip) -> dict[str, Any]:
    return _clean(
        {
            "from": t.from_.isoformat(),
            "to": t.to.isoformat(),
            "country": t.country,
            "city": t.city,
            "purpose": t.purpose,
        }
    )


def relative_to_json(r: Relative) -> dict[str, Any]:
    out = _clean(
        {
            "relationship": r.relationship,
            "given_names": r.given_names,
            "family_name": r.family_name,
            "date_of_birth": None if r.date_of_birth is None else r.date_of_birth.isoformat(),
            "country_of_birth": r.country_of_birth,
            "address": r.address,
            "marital_status": r.marital_status,
            "occupation": r.occupation,
            "deceased_on": None if r.deceased_on is None else r.deceased_on.isoformat(),
        }
    )
    out["accompanying"] = r.accompanying
    return out


def background_to_json(b: Background) -> dict[str, Any]:
    """The non-empty sections of ``b``, keyed as in the format."""
    sections: dict[str, list[dict[str, Any]]] = {
        "other_names": [
            _clean({"family_name": n.family_name, "given_names": n.given_names})
            for n in b.other_names
        ],
        "personal_history": [activity_to_json(a) for a in b.personal_history],
        "travel_history": [trip_to_json(t) for t in b.travel_history],
        "memberships": [
            _clean(
                {
                    "from": month_text(m.from_),
                    "to": _month_or_none(m.to),
                    "organization": m.organization,
                    "organization_type": m.organization_type,
                    "position": m.position,
                    "city": m.city,
                    "country": m.country,
                }
            )
            for m in b.memberships
        ],
        "government_positions": [
            {
                "from": month_text(g.from_),
                "to": _month_or_none(g.to),
                "country": g.country,
                "jurisdiction": g.jurisdiction,
                "department": g.department,
                "position": g.position,
            }
            for g in b.government_positions
        ],
        "military_service": [
            _clean(
                {
                    "from": month_text(m.from_),
                    "to": _month_or_none(m.to),
                    "country": m.country,
                    "branch": m.branch,
                    "rank": m.rank,
                    "commanding_officers": m.commanding_officers,
                    "combat": m.combat,
                    "end_reason": m.end_reason,
                }
            )
            for m in b.military_service
        ],
        "relatives": [relative_to_json(r) for r in b.relatives],
    }
    return {key: items for key, items in sections.items() if items}


def background_from_json(d: dict[str, Any]) -> Background:
    """Read back what background_to_json wrote (the app's own storage, checked when saved:
    no date is "in the future" here)."""
    reader = Reader()
    background = BackgroundReader(reader, date.max).person(d, "", None, relatives=True)
    if reader.problems:  # stored data is the app's own: a problem here is damage
        raise ValueError("; ".join(str(p) for p in reader.problems))
    return background
