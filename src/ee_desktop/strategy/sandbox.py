"""What-if: a changed copy of the file beside the file itself, factor by factor.

The file passed in is never modified (profiles are frozen); the caller keeps the copy and
decides whether to apply it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.i18n import _
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.explain import FACTOR_NAMES
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.strategy.cutoffs import qualifying_round_types

PROGRAMS: tuple[tuple[str, str], ...] = (
    ("fsw", "Federal Skilled Worker"),
    ("cec", "Canadian Experience Class"),
    ("fst", "Federal Skilled Trades"),
)


@dataclass(frozen=True, slots=True)
class FactorChange:
    section: str
    factor: str
    name: str
    before: int
    after: int
    before_text: str
    after_text: str

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class StatusChange:
    id: str
    name: str
    before: bool
    after: bool


@dataclass(frozen=True, slots=True)
class WhatIf:
    on: date
    before: Evaluation
    after: Evaluation
    factors: tuple[FactorChange, ...]
    programs: tuple[StatusChange, ...]
    categories: tuple[StatusChange, ...]
    round_types: tuple[tuple[str, ...], tuple[str, ...]]  # qualifying before, after

    @property
    def total_before(self) -> int:
        return self.before.crs.total

    @property
    def total_after(self) -> int:
        return self.after.crs.total

    @property
    def delta(self) -> int:
        return self.total_after - self.total_before

    @property
    def changed_factors(self) -> tuple[FactorChange, ...]:
        return tuple(f for f in self.factors if f.delta or f.before_text != f.after_text)


def what_if(
    profile: Profile,
    changed: Profile,
    as_of: date,
    rules: RuleSet | None = None,
) -> WhatIf:
    """The file and its changed copy, both scored on ``as_of``."""
    ruleset = load_rules() if rules is None else rules
    before, after = evaluate(profile, as_of, ruleset), evaluate(changed, as_of, ruleset)
    old = {(f.section, f.factor): f for f in before.factors}
    factors = []
    for new in after.factors:
        was = old.get((new.section, new.factor))
        factors.append(
            FactorChange(
                section=new.section,
                factor=new.factor,
                name=_(FACTOR_NAMES.get(new.factor, new.factor)),
                before=0 if was is None else was.points,
                after=new.points,
                before_text="" if was is None else was.explanation,
                after_text=new.explanation,
            )
        )
    programs = tuple(
        StatusChange(key, _(name), getattr(before, key).eligible, getattr(after, key).eligible)
        for key, name in PROGRAMS
    )
    was_in = {c.id: c.eligible for c in before.categories}
    categories = tuple(
        StatusChange(c.id, _(c.name), was_in.get(c.id, False), c.eligible) for c in after.categories
    )
    return WhatIf(
        on=as_of,
        before=before,
        after=after,
        factors=tuple(factors),
        programs=programs,
        categories=categories,
        round_types=(qualifying_round_types(before), qualifying_round_types(after)),
    )
