"""Who needs the histories, over which window, and where the window is not covered.

The personal history is counted in months (IMM 5669 asks year and month): a month no
period covers is a gap, and periods may overlap. Places lived are counted in days: a
day lived nowhere is a gap, a day lived in two places an overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.history.rules import HistoryRules, rules_on
from ee_desktop.profile.background import Activity, Background
from ee_desktop.profile.model import Applicant, Child, Profile, Residence, Spouse
from ee_desktop.rules.dates import add_years, birthday

Person = Applicant | Spouse | Child


@dataclass(frozen=True, slots=True)
class Span:
    """``start`` to ``end``, both included: days, or months (first day of each)."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Member:
    """A person whose histories the application needs."""

    key: str  # applicant, spouse, child:N (as in the history command's JSON)
    path: str  # applicant, spouse, children[N] (the field path in the personal file)
    person: Person
    name: str
    window: Span  # days

    @property
    def background(self) -> Background:
        return self.person.background


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def window_for(born: date, as_of: date, rules: HistoryRules | None = None) -> Span:
    """The last ``window_years`` before ``as_of``, or since the adult birthday if later."""
    rules = rules or rules_on(as_of)
    start = max(add_years(as_of, -rules.window_years), birthday(born, rules.adult_age))
    return Span(min(start, as_of), as_of)


def _name(person: Person, fallback: str) -> str:
    given, family = person.given_names or "", person.family_name or ""
    return f"{given} {family}".strip() or fallback


def members(profile: Profile, as_of: date) -> list[Member]:
    """The applicant, the spouse, and every child aged ``adult_age`` or more on ``as_of``."""
    rules = rules_on(as_of)
    found = [
        Member(
            "applicant",
            "applicant",
            profile.applicant,
            _name(profile.applicant, "applicant"),
            window_for(profile.applicant.date_of_birth, as_of, rules),
        )
    ]
    if profile.spouse is not None:
        spouse = profile.spouse
        found.append(
            Member(
                "spouse",
                "spouse",
                spouse,
                _name(spouse, "spouse"),
                window_for(spouse.date_of_birth, as_of, rules),
            )
        )
    for index, child in enumerate(profile.children):
        if birthday(child.date_of_birth, rules.adult_age) <= as_of:
            found.append(
                Member(
                    f"child:{index}",
                    f"children[{index}]",
                    child,
                    _name(child, f"child {index + 1}"),
                    window_for(child.date_of_birth, as_of, rules),
                )
            )
    return found


def months_covered(periods: Iterable[Activity], window: Span) -> list[int]:
    """For each month of ``window``, how many periods cover it (the month strip)."""
    first, last = month_index(window.start), month_index(window.end)
    counts = [0] * (last - first + 1)
    for period in periods:
        low = max(month_index(period.from_), first)
        high = min(last if period.to is None else month_index(period.to), last)
        for index in range(low - first, high - first + 1):
            counts[index] += 1
    return counts


def _runs(flags: Sequence[bool]) -> Iterable[tuple[int, int]]:
    """(first, last) index of each run of True in ``flags``."""
    start: int | None = None
    for index, flag in enumerate(flags):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            yield start, index - 1
            start = None
    if start is not None:
        yield start, len(flags) - 1


def month_gaps(periods: Iterable[Activity], window: Span) -> list[Span]:
    """Months of ``window`` no period covers, as spans of months."""
    first = month_index(window.start)
    counts = months_covered(periods, window)
    return [
        Span(month_start(first + low), month_start(first + high))
        for low, high in _runs([count == 0 for count in counts])
    ]


def address_gaps_and_overlaps(
    stays: Iterable[Residence], window: Span
) -> tuple[list[Span], list[Span]]:
    """Days of ``window`` lived nowhere (gaps) and lived in two places (overlaps)."""
    # A sweep over boundaries: +1 where a stay starts, -1 the day after it ends.
    changes: dict[date, int] = {}
    for stay in stays:
        start = max(stay.from_, window.start)
        end = window.end if stay.to is None else min(stay.to, window.end)
        if start > end:
            continue
        changes[start] = changes.get(start, 0) + 1
        after = end + timedelta(days=1)
        changes[after] = changes.get(after, 0) - 1
    gaps: list[Span] = []
    overlaps: list[Span] = []
    depth = 0
    cursor = window.start
    for day in sorted(changes) + [window.end + timedelta(days=1)]:
        if day > cursor:
            last = min(day, window.end + timedelta(days=1)) - timedelta(days=1)
            if cursor <= last:
                if depth == 0:
                    gaps.append(Span(cursor, last))
                elif depth > 1:
                    overlaps.append(Span(cursor, last))
            cursor = day
        depth += changes.get(day, 0)
    return _joined(gaps), _joined(overlaps)


def _joined(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and span.start <= out[-1].end + timedelta(days=1):
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out
