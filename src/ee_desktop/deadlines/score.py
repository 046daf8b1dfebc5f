"""Days within a horizon when the CRS changes by itself: birthdays that cost points, and the
days when one more full year of work experience adds points.

The CRS is evaluated only on candidate days and the day before; experience candidates come
from a cheap count of hours, sampled weekly and narrowed by bisection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _, ngettext
from ee_desktop.profile.model import Job, Profile
from ee_desktop.rules import experience
from ee_desktop.rules.crs import score
from ee_desktop.rules.dates import add_years, birthday, completed_years
from ee_desktop.rules.facts import facts
from ee_desktop.rules.loader import RuleSet

CRS_SOURCE = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html"
)
Counting = Mapping[str, int]
STEP_DAYS = 7  # sampling step for experience counts; the exact day is then bisected


class _Crs:
    """CRS totals by day, each computed once."""

    def __init__(self, profile: Profile, rules: RuleSet) -> None:
        self.profile, self.rules = profile, rules
        self.memo: dict[date, int] = {}

    def total(self, day: date) -> int:
        found = self.memo.get(day)
        if found is None:
            tables = self.rules.at(day)
            found = self.memo[day] = score(facts(self.profile, day, self.rules), tables).total
        return found

    def change(self, day: date) -> int:
        return self.total(day) - self.total(day - timedelta(days=1))


def _birthdays(profile: Profile, as_of: date, end: date, crs: _Crs) -> Iterator[Deadline]:
    born = profile.applicant.date_of_birth
    age = completed_years(born, as_of) + 1
    while (day := birthday(born, age)) <= end:
        points = crs.change(day)
        if points < 0:
            yield Deadline(
                uid=f"birthday:{day.isoformat()}",
                due=day,
                kind="birthday",
                title=_("Turning {age} lowers your score").format(age=age),
                detail=_(
                    "On this birthday your age points drop and your CRS score falls by "
                    "{points}. An invitation received before then keeps the current age points."
                ).format(points=-points),
                person="applicant",
                points=points,
                source=CRS_SOURCE,
            )
        age += 1


def _kept(stint: experience.Stint, canadian: bool) -> bool:
    return stint.canadian and stint.counts_in_canada if canadian else not stint.canadian


def years_counter(jobs: Sequence[Job], canadian: bool, counting: Counting) -> Callable[[date], int]:
    """Full years of Canadian (or foreign) skilled work counted on a day, as the CRS counts.
    The counting rules in force on as_of are used: resolving the tables for every sampled day
    would cost more than the whole count."""

    def count(day: date) -> int:
        stints = [s for s in experience.stints(jobs, day) if _kept(s, canadian)]
        low = add_years(day, -counting["crs_window_years"]).toordinal()
        total = experience.hours(stints, low, day.toordinal(), counting["max_hours_per_week"])
        return experience.full_years(total, counting["hours_per_year"])

    return count


def increases(count: Callable[[date], int], as_of: date, end: date) -> Iterator[date]:
    """First days in (as_of, end] on which ``count`` is above its value the day before."""
    low, low_value = as_of, count(as_of)
    while low < end:
        high = min(low + timedelta(days=STEP_DAYS), end)
        high_value = count(high)
        if high_value > low_value:
            # The rise happened in (low, high]: narrow it to its first day.
            a, b = low, high
            while (b - a).days > 1:
                middle = a + (b - a) // 2
                if count(middle) > low_value:
                    b = middle
                else:
                    a = middle
            yield b
        low, low_value = high, high_value


def _experience(
    profile: Profile, as_of: date, end: date, crs: _Crs, rules: RuleSet
) -> Iterator[Deadline]:
    spouse = profile.spouse
    scored_spouse = spouse is not None and spouse.accompanying and not spouse.canadian_citizen_or_pr
    sources: list[tuple[str, str, Sequence[Job], bool]] = [
        ("canadian", "applicant", profile.applicant.work_history, True),
        ("foreign", "applicant", profile.applicant.work_history, False),
    ]
    if spouse is not None and scored_spouse:
        sources.append(("spouse-canadian", "spouse", spouse.work_history, True))
    for code, person, jobs, canadian in sources:
        # Only jobs still running after as_of can add experience later on.
        if not any(job.end is None or job.end > as_of for job in jobs):
            continue
        count = years_counter(jobs, canadian, rules.at(as_of).counting)
        for day in increases(count, as_of, end):
            points = crs.change(day)
            if points <= 0:
                continue
            years = count(day)
            yield Deadline(
                uid=f"experience:{code}:{day.isoformat()}",
                due=day,
                kind="experience",
                title=_experience_title(code, years),
                detail=_(
                    "On this day another full year of skilled work is completed, if the work "
                    "goes on as recorded. Your CRS score rises by {points}; update your profile."
                ).format(points=points),
                person=person,
                points=points,
                source=CRS_SOURCE,
            )


def _experience_title(code: str, years: int) -> str:
    if code == "canadian":
        text = ngettext(
            "{years} year of Canadian work experience",
            "{years} years of Canadian work experience",
            years,
        )
    elif code == "foreign":
        text = ngettext(
            "{years} year of foreign work experience",
            "{years} years of foreign work experience",
            years,
        )
    else:
        text = ngettext(
            "Spouse or partner: {years} year of Canadian work experience",
            "Spouse or partner: {years} years of Canadian work experience",
            years,
        )
    return text.format(years=years)


def score_changes(
    profile: Profile, as_of: date, rules: RuleSet, horizon_days: int
) -> list[Deadline]:
    """Birthdays that cost points and experience gains that add points, after as_of."""
    end = as_of + timedelta(days=horizon_days)
    crs = _Crs(profile, rules)
    return [*_birthdays(profile, as_of, end, crs), *_experience(profile, as_of, end, crs, rules)]
