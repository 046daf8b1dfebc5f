"""The permanent-residence family used across the history tests: a married applicant
with jobs in two countries, a spouse who lived in three countries, an adult child and a
young one. Its histories are complete on AS_OF; tests remove pieces to make findings."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from ee_desktop.profile.codec import decode
from ee_desktop.profile.model import Profile

FAMILY = Path(__file__).resolve().parents[1] / "data" / "pr-family.json"
AS_OF = date(2026, 6, 15)


def family_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(FAMILY.read_text(encoding="utf-8")))


def family(data: dict[str, Any] | None = None) -> Profile:
    return decode(family_data() if data is None else data, today=AS_OF)


def complete_histories(profile: Profile) -> Profile:
    """``profile`` with plain, complete histories for everyone who may need them: an open
    period from birth, its jobs and credentials, one place lived (with its address) from
    birth, both parents."""
    from dataclasses import replace

    from ee_desktop.profile.background import Activity, Address, Background, Relative
    from ee_desktop.profile.model import Residence

    def done(person: Any, relatives: bool) -> Any:
        born = person.date_of_birth
        country = person.passport.country if person.passport else "IN"
        periods = [
            Activity(born.replace(day=1), None, "other", None, None, "Home", country, "citizen")
        ]
        for j in getattr(person, "work_history", ()):
            end = None if j.end is None else j.end.replace(day=1)
            periods.append(
                Activity(
                    j.start.replace(day=1),
                    end,
                    "employed",
                    j.employer,
                    j.title,
                    "Home",
                    j.country,
                    "citizen",
                )  # fmt: skip
            )
        for e in getattr(person, "education", ()):
            month = e.completed_on.replace(day=1)
            periods.append(
                Activity(
                    month, month, "studying", e.institution, e.field, "Home", e.country, "citizen"
                )  # fmt: skip
            )
        parents = tuple(
            Relative(
                kind, "Parent", "Example", date(1950, 1, 1), country, "Home", "married", "Retired"
            )  # fmt: skip
            for kind in ("mother", "father")
        )
        background = Background(
            personal_history=tuple(periods), relatives=parents if relatives else ()
        )
        home = Residence(country, born, None, Address("1 Main Street", "Home"))
        return replace(person, background=background, residence_history=(home,))

    return replace(
        profile,
        applicant=done(profile.applicant, True),
        spouse=None if profile.spouse is None else done(profile.spouse, True),
        children=tuple(done(c, False) for c in profile.children),
    )
