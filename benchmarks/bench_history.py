"""Time the permanent-residence history checks, as the forms editor runs them on each edit
and the Application tab and Overview on each refresh: a family of four adults, each with
10 years of personal history (a new period every three months), places lived, trips, jobs,
credentials and relatives.

    python benchmarks/bench_history.py [--repeat N] [--quick]

Target: under 10 ms for the whole family, so the editor's findings follow each keystroke.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timing import check, options, report

from ee_desktop.history.checks import check_history
from ee_desktop.profile.background import Activity, Address, Background, Relative, Trip
from ee_desktop.profile.model import Applicant, Child, Education, Job, Profile, Residence, Spouse

AS_OF = date(2026, 6, 15)
TARGET_MS = 10.0
START = date(2016, 1, 1)


def _month(index: int) -> date:
    return date(START.year + index // 12, index % 12 + 1, 1)


def _background(relatives: bool) -> Background:
    periods = tuple(
        Activity(
            _month(i),
            _month(i + 2),
            "employed" if i % 2 else "studying",
            f"Organization {i}",
            "Analyst",
            "Pune",
            "IN",
            "citizen",
        )  # fmt: skip
        for i in range(0, 126, 3)
    )
    trips = tuple(
        Trip(
            date(2017 + i // 3, 1 + (i % 3) * 4, 3),
            date(2017 + i // 3, 1 + (i % 3) * 4, 20),
            "TR",
            "tourism",
            "Istanbul",
        )  # fmt: skip
        for i in range(27)
    )
    family = tuple(
        Relative(kind, "Name", "Family", date(1960, 1, 1), "IN", "Pune", "married", "Retired")
        for kind in ("mother", "father", "brother", "sister", "half_sister")
    )
    return Background(personal_history=periods, travel_history=trips,
                      relatives=family if relatives else ())  # fmt: skip


def _places() -> tuple[Residence, ...]:
    return tuple(
        Residence(
            "IN",
            date(1990 + i * 4, 1, 1) if i else date(1980, 1, 1),
            None if i == 9 else date(1993 + i * 4, 12, 31),
            Address(f"{i} Road", "Pune"),
        )  # fmt: skip
        for i in range(10)
    )


def _jobs() -> tuple[Job, ...]:
    return tuple(
        Job(
            "Analyst",
            f"Organization {i}",
            "21232",
            "IN",
            _month(i),
            _month(i + 2),
            40,
            False,
            True,
            False,
        )  # fmt: skip
        for i in range(3, 126, 30)  # periods starting at an odd multiple of 3 are work
    )


def _family() -> Profile:
    degree = Education("bachelors", 4, True, "IN", "Organization 0", "Science", date(2016, 2, 28))
    common = {"education": (degree,), "work_history": _jobs(), "residence_history": _places()}
    applicant = Applicant("Asha", "Rao", date(1980, 1, 1), "married", "IN", **common,
                          background=_background(True))  # fmt: skip
    spouse = Spouse(True, False, "Ravi", "Rao", date(1981, 1, 1), **common,
                    background=_background(True))  # fmt: skip
    child = Child(date(1996, 1, 1), True, "Mira", "Rao", residence_history=_places(),
                  background=_background(False))  # fmt: skip
    return Profile(applicant, spouse, (child, replace(child, given_names="Dev")))


def _without(periods: tuple[Activity, ...], index: int) -> tuple[Activity, ...]:
    return periods[:index] + periods[index + 1 :]


def main() -> None:
    args = options(__doc__, repeat=(200, 2))
    profile = _family()
    found = check_history(profile, AS_OF)
    check(len(found.people) == 4, "four people need histories")
    check(all(p.member.window.start == date(2016, 6, 15) for p in found.people), "10 years each")
    check(
        all(p.personal_gaps == () and p.address_gaps == () for p in found.people),
        "complete histories",
    )
    gapped = replace(
        profile,
        applicant=replace(
            profile.applicant,
            background=replace(
                profile.applicant.background,
                personal_history=_without(profile.applicant.background.personal_history, 10),
            ),
        ),
    )
    check(check_history(gapped, AS_OF).people[0].personal_gaps, "a removed period is a gap")
    report("family of four, 10 years each", lambda: check_history(profile, AS_OF), args.repeat,
           TARGET_MS)  # fmt: skip


if __name__ == "__main__":
    main()
