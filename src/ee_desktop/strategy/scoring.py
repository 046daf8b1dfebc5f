"""Scoring changes with the rules engine: the copy with the changes against the file without.

Both are scored on the day the changes are ready, so a birthday in between is never
credited to, or blamed on, a move; both keep their tests and ECAs renewed (see upkeep).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ee_desktop.profile.model import Profile
from ee_desktop.rules.crs import score
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.facts import Facts, facts
from ee_desktop.rules.loader import RuleSet
from ee_desktop.strategy.edits import Change, build, without_accrual
from ee_desktop.strategy.upkeep import upkeep


@dataclass(frozen=True, slots=True)
class Scored:
    profile: Profile  # the copy with the changes (and any renewals)
    ready_on: date
    evaluation: Evaluation  # of the copy on ready_on
    points: int  # CRS of the copy minus CRS of the file without the changes, on ready_on
    upkeep: tuple[str, ...]  # renewals included in both, in plain words

    @property
    def score_after(self) -> int:
        return self.evaluation.crs.total


@dataclass(frozen=True, slots=True)
class _Gain:
    copy: Profile
    ready_on: date
    facts: Facts
    points: int


_Accruals = tuple[tuple[str, date], ...]


def _accruals(changes: Sequence[Change]) -> _Accruals:
    """The work each change waits for, and until when: what the reference stops."""
    return tuple(sorted((c.accrues, c.ready_on) for c in changes if c.accrues))


class Scorer:
    def __init__(self, profile: Profile, as_of: date, rules: RuleSet) -> None:
        self.profile, self.as_of, self.rules = profile, as_of, rules
        self._kept: dict[date, tuple[Profile, tuple[str, ...]]] = {}
        self._base: dict[date, int] = {}
        # The changes are kept with their result so that their ids cannot be reused.
        self._scored: dict[tuple[int, ...], tuple[tuple[Change, ...], Scored]] = {}
        self._gains: dict[tuple[int, ...], tuple[tuple[Change, ...], _Gain]] = {}
        self._references: dict[tuple[date, _Accruals], Evaluation] = {}
        self._stopped: dict[tuple[date, _Accruals], int] = {}

    def total(self, profile: Profile, on: date) -> int:
        return score(facts(profile, on, self.rules), self.rules.at(on)).total

    def kept(self, on: date) -> tuple[Profile, tuple[str, ...]]:
        """The file with the renewals that keep today's results valid on ``on``."""
        found = self._kept.get(on)
        if found is None:
            changes, texts = upkeep(self.profile, self.as_of, on, self.rules)
            found = self._kept[on] = (build(self.profile, changes), texts)
        return found

    def base(self, on: date) -> int:
        found = self._base.get(on)
        if found is None:
            found = self._base[on] = self.total(self.kept(on)[0], on)
        return found

    def _reference(self, changes: Sequence[Change], on: date) -> int:
        if all(c.accrues is None for c in changes):
            return self.base(on)
        # One per day and work stopped, however many combinations share them.
        key = (on, _accruals(changes))
        found = self._stopped.get(key)
        if found is None:
            found = self._stopped[key] = self.total(self.reference_profile(changes, on), on)
        return found

    def score(self, changes: Sequence[Change]) -> Scored:
        # Keyed by identity: the same change objects are scored alone, then in combinations.
        key = tuple(id(c) for c in changes)
        found = self._scored.get(key)
        if found is None:
            found = self._scored[key] = (tuple(changes), self._score(changes))
        return found[1]

    def _score(self, changes: Sequence[Change]) -> Scored:
        light = self._gain(changes)
        after = Evaluation(light.copy, light.ready_on, self.rules, light.facts)
        texts = self.kept(light.ready_on)[1]
        return Scored(light.copy, light.ready_on, after, light.points, texts)

    def gain(self, changes: Sequence[Change]) -> int:
        """Points only, without the programs and categories of the whole evaluation; a
        later ``score`` of the same changes reuses the facts."""
        return self._gain(changes).points

    def _gain(self, changes: Sequence[Change]) -> _Gain:
        key = tuple(id(c) for c in changes)
        found = self._gains.get(key)
        if found is None:
            ready = max(c.ready_on for c in changes)
            copy = build(self.kept(ready)[0], changes)
            known = facts(copy, ready, self.rules)
            points = score(known, self.rules.at(ready)).total - self._reference(changes, ready)
            found = self._gains[key] = (tuple(changes), _Gain(copy, ready, known, points))
        return found[1]

    def reference(self, changes: Sequence[Change], on: date) -> Evaluation:
        """The evaluation the changes are measured against on ``on`` (programs, rounds):
        one per day and work stopped, however many changes share them."""
        key = (on, _accruals(changes))
        found = self._references.get(key)
        if found is None:
            profile = self.reference_profile(changes, on)
            found = self._references[key] = evaluate(profile, on, self.rules)
        return found

    def reference_profile(self, changes: Sequence[Change], on: date) -> Profile:
        """The file the gain is measured against (for checks and the sandbox)."""
        return without_accrual(self.kept(on)[0], changes)
