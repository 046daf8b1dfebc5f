"""Recent cut-offs per round type, and the round types a file can be invited in.

The recent cut-off of a round type is the median lowest score of its last three rounds held
in the six months before the date asked about. When a type had no round in those six months,
its last three rounds of the past twelve months are used instead, so a type drawn rarely
still shows a figure (its ``last_round`` tells how old it is). With two rounds the higher
score is taken: a file is then only said to clear when it beat both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.strategy.rounds import ROUND_TYPES, Round, round_type_name

RECENT_DAYS = 183
FALLBACK_DAYS = 365
ROUNDS_COUNTED = 3


@dataclass(frozen=True, slots=True)
class CutOff:
    round_type: str
    name: str
    recent_lowest: int  # median lowest score of the last (up to) three recent rounds
    last_round: date
    rounds_counted: int


def _median_high(scores: Sequence[int]) -> int:
    ordered = sorted(scores)
    return ordered[len(ordered) // 2]


def cut_offs(rounds: Sequence[Round], as_of: date) -> list[CutOff]:
    """One cut-off per round type drawn in the past year (rounds after ``as_of`` ignored)."""
    by_type: dict[str, list[Round]] = {}
    for item in rounds:
        if item.on <= as_of and item.on > as_of - timedelta(days=FALLBACK_DAYS):
            by_type.setdefault(item.round_type, []).append(item)
    out = []
    for round_type, items in by_type.items():
        items.sort(key=lambda r: (r.on, r.number or 0))
        recent = [r for r in items if r.on > as_of - timedelta(days=RECENT_DAYS)] or items
        counted = recent[-ROUNDS_COUNTED:]
        out.append(
            CutOff(
                round_type=round_type,
                name=round_type_name(round_type),
                recent_lowest=_median_high([r.lowest_score for r in counted]),
                last_round=counted[-1].on,
                rounds_counted=len(counted),
            )
        )
    order = {t: i for i, t in enumerate(ROUND_TYPES)}
    out.sort(key=lambda c: (order.get(c.round_type, len(order)), c.round_type))
    return out


def qualifying_round_types(evaluation: Evaluation) -> tuple[str, ...]:
    """The round types the file could be invited in on the evaluation date."""
    if not evaluation.eligible_for_any_program:
        return ()
    found = {"general"}
    if evaluation.cec.eligible:
        found.add("cec")
    if evaluation.fsw.eligible:
        found.add("fsw")
    if evaluation.fst.eligible:
        found.add("fst")
    if evaluation.facts.nominated:
        found.add("pnp")
    found.update(c.id for c in evaluation.categories if c.eligible)
    known = [t for t in ROUND_TYPES if t in found]
    return (*known, *sorted(found - set(ROUND_TYPES)))


def cleared(score: int, qualifying: Sequence[str], cutoffs: Sequence[CutOff]) -> tuple[str, ...]:
    """Qualifying round types whose recent cut-off ``score`` is above.

    Strictly above: at the cut-off score itself only profiles older than the tie-break
    were invited, and a profile entered now would be newer.
    """
    return tuple(
        c.round_type for c in cutoffs if c.round_type in qualifying and score > c.recent_lowest
    )
