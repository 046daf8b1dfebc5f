"""Category-based selection: which categories in force on the date the file qualifies for."""

from __future__ import annotations

from typing import NamedTuple

from ee_desktop.i18n import N_
from ee_desktop.rules import experience
from ee_desktop.rules.facts import Facts
from ee_desktop.rules.tables import Category, Tables
from ee_desktop.rules.text import Reason, reason

ELIGIBLE, NOT_ELIGIBLE, UNKNOWN = "eligible", "not_eligible", "unknown"


class CategoryResult(NamedTuple):
    id: str
    name: str
    status: str  # eligible, not_eligible or unknown (cannot be decided from the file)
    source: str
    unmet: tuple[Reason, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.status == ELIGIBLE

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(str(r) for r in self.unmet)


class _Experience:
    """Hours per occupation, computed once per window and kind for all categories."""

    def __init__(self, facts: Facts, tables: Tables) -> None:
        self.cap = tables.counting["max_hours_per_week"]
        self.high = facts.as_of.toordinal()
        self.by_noc: dict[str, list[experience.Stint]] = {}
        for s in facts.stints:
            self.by_noc.setdefault(s.noc, []).append(s)
        self.memo: dict[tuple[str, int, bool, bool], float] = {}

    def best(self, category: Category, low: int) -> tuple[float, bool]:
        """Most hours in one listed occupation, and whether any job is listed at all."""
        best, listed = 0.0, False
        codes = category.occupations
        for noc, group in self.by_noc.items():
            if not codes or not noc.startswith(codes):
                continue
            listed = True
            key = (noc, low, category.canadian_experience_only, category.continuous)
            have = self.memo.get(key)
            if have is None:
                items = (
                    [s for s in group if s.canadian] if category.canadian_experience_only else group
                )
                if category.continuous:
                    have, _noc = experience.longest_continuous(items, low, self.high, self.cap)
                else:
                    have = experience.hours(items, low, self.high, self.cap)
                self.memo[key] = have
            best = max(best, have)
        return best, listed


def _occupation(
    category: Category,
    work: _Experience,
    tables: Tables,
    low: int,
) -> tuple[str, Reason | None]:
    per_year = tables.counting["hours_per_year"]
    needed = category.months * per_year / 12
    best, listed = work.best(category, low)
    if best >= needed - 1e-6:
        return ELIGIBLE, None
    if not listed and not category.list_complete:
        return UNKNOWN, reason(
            N_(
                "None of your jobs is in this category's list as recorded in "
                "these rules, which may be incomplete; check the official "
                "list."
            )
        )
    if category.canadian_experience_only:
        template = N_(
            "You need {needed_hours} of work in Canada in one listed occupation in "
            "the last {years} years; you have {have_hours}."
        )
    elif category.continuous:
        template = N_(
            "You need {needed_hours} of continuous work in one listed occupation in "
            "the last {years} years; you have {have_hours}."
        )
    else:
        template = N_(
            "You need {needed_hours} of work in one listed occupation in the last "
            "{years} years; you have {have_hours}."
        )
    return NOT_ELIGIBLE, reason(
        template, per_year, needed_hours=needed, years=category.window_years, have_hours=best
    )


def evaluate_categories(
    facts: Facts,
    tables: Tables,
    program_eligible: bool,
) -> tuple[CategoryResult, ...]:
    results = []
    work = _Experience(facts, tables)
    for category in tables.categories:
        details: list[Reason] = []
        status = ELIGIBLE
        if category.kind == "french":
            french = facts.french
            if french is None:
                status = NOT_ELIGIBLE
                details.append(
                    reason(
                        N_(
                            "You need NCLC {needed} in all four French abilities; "
                            "you have no valid French test."
                        ),
                        needed=category.min_nclc,
                    )
                )
            elif french.lowest < category.min_nclc:
                status = NOT_ELIGIBLE
                details.append(
                    reason(
                        N_(
                            "You need NCLC {needed} in all four French abilities; "
                            "your lowest is {have}."
                        ),
                        needed=category.min_nclc,
                        have=french.lowest,
                    )
                )
        elif category.kind == "occupation":
            low = tables.window_start(category.window_years)
            status, detail = _occupation(category, work, tables, low)
            if detail is not None:
                details.append(detail)
        else:
            status = UNKNOWN
            details.append(
                reason(
                    N_(
                        "This category needs {requirement}, which the app cannot "
                        "check from your file."
                    ),
                    requirement=category.requirement,
                )
            )
        if not program_eligible and status != NOT_ELIGIBLE:
            status = NOT_ELIGIBLE
            details.append(
                reason(N_("Category rounds are only for candidates eligible for FSW, CEC or FST."))
            )
        results.append(
            CategoryResult(category.id, category.name, status, category.source, tuple(details))
        )
    return tuple(results)
