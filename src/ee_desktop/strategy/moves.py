"""Realistic moves that raise the score, each scored by the engine on a modified copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import evaluate
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.strategy.candidate import Candidate
from ee_desktop.strategy.language_moves import french_moves, language_moves, spouse_language_moves
from ee_desktop.strategy.other_moves import (
    credential_moves,
    eca_moves,
    experience_moves,
    nomination_moves,
    spouse_credential_moves,
)
from ee_desktop.strategy.scoring import Scorer

# A move left out when the other one gives at least as many points sooner.
DOMINATED_BY = {"education:canadian:2": "education:canadian:1"}


@dataclass(frozen=True, slots=True)
class Move:
    """One action, with what the engine gives for it.

    ``profile`` is the file with the action made, plus the renewals of tests and ECAs that
    would otherwise expire before ``ready_on`` (listed in ``changes``). ``points`` is the CRS
    of that copy on ``ready_on`` minus the CRS of the file with only those renewals, on the
    same day. A year of work changes nothing in the file: its copy is the file itself, and
    the gain is measured against the same work stopped the day before.
    """

    id: str  # stable, e.g. "language:first:speaking:9"
    title: str
    explanation: str  # one plain sentence: what to do and what it gives
    points: int  # CRS gain the engine gives the modified copy on ready_on
    ready_on: date
    score_after: int  # CRS of the modified copy on ready_on
    changes: tuple[str, ...]  # the facts changed in the copy, in plain words
    profile: Profile  # the modified copy


def candidates(profile: Profile, as_of: date, rules: RuleSet, scorer: Scorer) -> list[Candidate]:
    """Every move worth scoring; those that gain nothing are dropped once scored."""
    evaluation = evaluate(profile, as_of, rules)
    return [
        *language_moves(profile, evaluation, as_of, rules, scorer),
        *french_moves(profile, evaluation, as_of, rules),
        *spouse_language_moves(profile, evaluation, as_of, rules),
        *eca_moves(profile, evaluation, as_of),
        *credential_moves(profile, evaluation, as_of),
        *spouse_credential_moves(profile, evaluation, as_of),
        *experience_moves(profile, evaluation, as_of, scorer),
        *nomination_moves(evaluation, as_of),
    ]


def scored_moves(
    profile: Profile, as_of: date, rules: RuleSet, scorer: Scorer
) -> list[tuple[Move, Candidate]]:
    out = []
    gains: dict[str, int] = {}
    for candidate in candidates(profile, as_of, rules, scorer):
        result = scorer.score([candidate.change])
        gains[candidate.id] = result.points
        if result.points <= 0:
            continue
        better = DOMINATED_BY.get(candidate.id)
        if better is not None and gains.get(better, 0) >= result.points:
            continue  # the same gain sooner, with less effort
        move = Move(
            id=candidate.id,
            title=candidate.title,
            explanation=candidate.sentence(result.points),
            points=result.points,
            ready_on=result.ready_on,
            score_after=result.score_after,
            changes=(*candidate.changes, *result.upkeep),
            profile=result.profile,
        )
        out.append((move, candidate))
    out.sort(key=lambda pair: (-pair[0].points, pair[0].ready_on, pair[0].id))
    return out


def moves(profile: Profile, as_of: date, rules: RuleSet | None = None) -> list[Move]:
    """The moves that raise the score, most points first.

    ``points`` is the engine's CRS for the modified copy minus the CRS of the file as it is,
    both on ``ready_on``; for a year of work the file without it is the work stopping the
    day before.
    """
    ruleset = load_rules() if rules is None else rules
    return [
        move for move, _c in scored_moves(profile, as_of, ruleset, Scorer(profile, as_of, ruleset))
    ]
