"""The score month by month if nothing is done: birthdays, work accrued, results expiring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.deadlines.score import STEP_DAYS, score_changes, years_counter
from ee_desktop.i18n import N_, _, format_date
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.model import Education, LanguageTest, Profile
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.strategy.scoring import Scorer


@dataclass(frozen=True, slots=True)
class ProjectionPoint:
    on: date
    score: int
    events: tuple[str, ...]  # what changed since the previous point, in plain words


def month_starts(as_of: date, months: int) -> list[date]:
    """``as_of``, then the first day of each of the next ``months`` months."""
    out = [as_of]
    year, month = as_of.year, as_of.month
    for _i in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        out.append(date(year, month, 1))
    return out


def _signed(points: int) -> str:
    return f"{points:+d}"


def _expiries(
    profile: Profile, as_of: date, end: date, rules: RuleSet
) -> Iterator[tuple[date, str]]:
    """Days in (as_of, end] on which a test result or an ECA stops counting."""
    validity = rules.at(as_of).validity
    people: list[tuple[str, tuple[LanguageTest, ...], tuple[Education, ...]]] = [
        ("", profile.applicant.language_tests, profile.applicant.education)
    ]
    if profile.spouse is not None:
        people.append(("spouse", profile.spouse.language_tests, profile.spouse.education))
    for person, tests, education in people:
        for test in tests:
            day = add_years(test.valid_from, validity["language_test_years"])
            if as_of < day <= end and test.taken_on <= as_of:
                name = _(TEST_NAMES.get(test.test, test.test))
                text = (
                    _("Spouse's {test} results expire") if person else _("{test} results expire")
                ).format(test=name)
                yield day, text
        for credential in education:
            eca = credential.eca
            if eca is None or eca.issued_on > as_of:
                continue
            day = add_years(eca.issued_on, validity["eca_years"])
            if as_of < day <= end:
                what = credential.institution or credential.level
                text = (
                    _("Spouse's ECA for {what} expires") if person else _("ECA for {what} expires")
                ).format(what=what)
                yield day, text


def _decreases(count: Callable[[date], int], as_of: date, end: date) -> Iterator[date]:
    """First days in (as_of, end] on which ``count`` is below its value the day before."""
    low, low_value = as_of, count(as_of)
    while low < end:
        high = min(low + timedelta(days=STEP_DAYS), end)
        high_value = count(high)
        if high_value < low_value:
            a, b = low, high
            while (b - a).days > 1:
                middle = a + (b - a) // 2
                if count(middle) < low_value:
                    b = middle
                else:
                    a = middle
            yield b
        low, low_value = high, high_value


WINDOW_TEXTS: dict[str, str] = {
    "canadian": N_("Work in Canada older than ten years stops counting: {years} full years left"),
    "foreign": N_(
        "Work outside Canada older than ten years stops counting: {years} full years left"
    ),
    "spouse": N_(
        "Spouse's work in Canada older than ten years stops counting: {years} full years left"
    ),
}


def _window(profile: Profile, as_of: date, end: date, rules: RuleSet) -> Iterator[tuple[date, str]]:
    """Days on which past work leaves the ten-year window and a full year stops counting."""
    counting = rules.at(as_of).counting
    sources = [
        ("canadian", profile.applicant.work_history, True),
        ("foreign", profile.applicant.work_history, False),
    ]
    if profile.spouse is not None:
        sources.append(("spouse", profile.spouse.work_history, True))
    for key, jobs, canadian in sources:
        if not jobs:
            continue
        count = years_counter(jobs, canadian, counting)
        for day in _decreases(count, as_of, end):
            yield day, _(WINDOW_TEXTS[key]).format(years=count(day))


def projection(
    profile: Profile, as_of: date, months: int = 24, rules: RuleSet | None = None
) -> list[ProjectionPoint]:
    """The CRS on ``as_of`` and on the first of each following month, nothing renewed.

    Each point lists the events since the previous one with the points they change (the
    change from the day before to the day itself). When the changes listed do not add up to
    the difference between two points, an "other changes" event gives the rest.
    """
    ruleset = load_rules() if rules is None else rules
    days = month_starts(as_of, months)
    end = days[-1]
    scorer = Scorer(profile, as_of, ruleset)

    def total(on: date) -> int:
        return scorer.total(profile, on)

    def change(on: date) -> int:
        return total(on) - total(on - timedelta(days=1))

    events: list[tuple[date, str, int]] = []
    horizon = (end - as_of).days
    for deadline in score_changes(profile, as_of, ruleset, horizon):
        if deadline.points is not None and as_of < deadline.due <= end:
            events.append((deadline.due, deadline.title, deadline.points))
    for day, text in _expiries(profile, as_of, end, ruleset):
        events.append((day, text, change(day)))
    for day, text in _window(profile, as_of, end, ruleset):
        points = change(day)
        if points:
            events.append((day, text, points))
    events.sort(key=lambda e: (e[0], e[1]))

    out = [ProjectionPoint(as_of, total(as_of), ())]
    for previous, on in zip(days, days[1:], strict=False):
        inside = [e for e in events if previous < e[0] <= on]
        # Each event heads a line of a compact list under its month's (numeric) date: the
        # numeric form reads best there too.
        texts = [
            _("{day}: {what} ({points})").format(
                day=format_date(day, "short"), what=what, points=_signed(points)
            )
            for day, what, points in inside
        ]
        score = total(on)
        rest = score - out[-1].score - sum(points for _d, _w, points in inside)
        if rest:
            texts.append(_("Other changes ({points})").format(points=_signed(rest)))
        out.append(ProjectionPoint(on, score, tuple(texts)))
    return out
