"""Category-based selection: which categories in force on the date the file qualifies for."""

from __future__ import annotations

from typing import NamedTuple

from ee_desktop.i18n import N_, _
from ee_desktop.rules import experience
from ee_desktop.rules.model import Facts
from ee_desktop.rules.tables import Category, Tables
from ee_desktop.rules.text import Msgid, Reason

ELIGIBLE, NOT_ELIGIBLE, UNKNOWN = "eligible", "not_eligible", "unknown"


class CategoryResult(NamedTuple):
    id: str
    name: str
    status: str  # eligible, not_eligible or unknown (cannot be decided from the file)
    source: str
    unmet: tuple[Reason, ...] = ()

    @property
    def title(self) -> str:
        """The name in the user's language (``name`` stays the data's English key)."""
        return _(self.name)

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


# Sentences that take no values are built once.
LIST_INCOMPLETE = Reason(
    N_(
        "None of your jobs is in this category's list as recorded in these rules, which may "
        "be incomplete; check the official list."
    )
)
# An earlier year's list standing in for this period's, which is not confirmed.
ON_EARLIER_LIST = N_(
    "Your occupation is on the {list_year} list; the {year} list is not confirmed."
)
NOT_ON_EARLIER_LIST = N_(
    "None of your jobs is on the {list_year} list; the {year} list is not confirmed."
)
NO_PROGRAM = Reason(N_("Category rounds are only for candidates eligible for FSW, CEC or FST."))
NO_FRENCH_TEST = N_(
    "You need NCLC {needed} in all four French abilities; you have no valid French test."
)
FRENCH_TOO_LOW = N_("You need NCLC {needed} in all four French abilities; your lowest is {have}.")
UNSUPPORTED = N_("This category needs {requirement}, which the app cannot check from your file.")
WORK_IN_CANADA = N_(
    "You need {needed_hours} of work in Canada in one listed occupation in the last {years} "
    "years; you have {have_hours}."
)
WORK_CONTINUOUS = N_(
    "You need {needed_hours} of continuous work in one listed occupation in the last {years} "
    "years; you have {have_hours}."
)
WORK = N_(
    "You need {needed_hours} of work in one listed occupation in the last {years} years; you "
    "have {have_hours}."
)


def _occupation(
    category: Category, work: _Experience, per_year: int, low: int
) -> tuple[str, Reason | None]:
    needed = category.months * per_year / 12
    best, listed = work.best(category, low)
    years = (("list_year", str(category.list_year)), ("year", str(category.effective_from.year)))
    if best >= needed - 1e-6:
        return ELIGIBLE, None if category.list_confirmed else Reason(ON_EARLIER_LIST, years)
    if not listed and not category.list_complete:
        return UNKNOWN, LIST_INCOMPLETE
    if not listed and not category.list_confirmed:
        return NOT_ELIGIBLE, Reason(NOT_ON_EARLIER_LIST, years)
    template = (
        WORK_IN_CANADA
        if category.canadian_experience_only
        else WORK_CONTINUOUS
        if category.continuous
        else WORK
    )
    values = (("needed_hours", needed), ("years", category.window_years), ("have_hours", best))
    return NOT_ELIGIBLE, Reason(template, values, per_year)


def _category(
    category: Category, facts: Facts, tables: Tables, work: _Experience
) -> tuple[str, Reason | None]:
    if category.kind == "french":
        french = facts.french
        if french is None:
            return NOT_ELIGIBLE, Reason(NO_FRENCH_TEST, (("needed", category.min_nclc),))
        if french.lowest < category.min_nclc:
            values = (("needed", category.min_nclc), ("have", french.lowest))
            return NOT_ELIGIBLE, Reason(FRENCH_TOO_LOW, values)
        return ELIGIBLE, None
    if category.kind == "occupation":
        per_year = tables.counting["hours_per_year"]
        return _occupation(category, work, per_year, tables.window_start(category.window_years))
    return UNKNOWN, Reason(UNSUPPORTED, (("requirement", Msgid(category.requirement)),))


def evaluate_categories(
    facts: Facts, tables: Tables, program_eligible: bool
) -> tuple[CategoryResult, ...]:
    """Each category in force on the date, with its status and any unmet requirement."""
    work = _Experience(facts, tables)
    results = []
    for category in tables.categories:
        status, unmet = _category(category, facts, tables, work)
        details = () if unmet is None else (unmet,)
        if not program_eligible and status != NOT_ELIGIBLE:
            status, details = NOT_ELIGIBLE, (*details, NO_PROGRAM)
        results.append(CategoryResult(category.id, category.name, status, category.source, details))
    return tuple(results)
