"""The ranked plan: single moves and combinations of two or three, against recent cut-offs.

Ranking: a file eligible for no program first gets the moves that make it eligible (the
settlement funds it lacks; see eligibility.py); then come the items whose score clears the
recent cut-off of a round type the changed file qualifies for (one the file does not clear
today), soonest first, then most points; then the rest by points per month of waiting. A
combination is kept only when it gives more than each of its parts and none of its parts
already clears a round on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from ee_desktop.i18n import _, format_date, ngettext
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet, load_rules
from ee_desktop.strategy.candidate import Candidate
from ee_desktop.strategy.cutoffs import CutOff, cleared, cut_offs, qualifying_round_types
from ee_desktop.strategy.edits import compatible
from ee_desktop.strategy.eligibility import (
    EXPERIENCE_MOVE,
    eligible_programs,
    experience_move,
    funds_move,
    opened,
    program_names,
)
from ee_desktop.strategy.moves import Move, scored_moves
from ee_desktop.strategy.rounds import Round
from ee_desktop.strategy.scoring import Scorer
from ee_desktop.strategy.swap import swap_move

COMBINATION_POOL = 12  # the moves worth most points are combined with each other
MAX_COMBINED = 3
MAX_VARIANTS = 4  # the same kinds of move at other levels, under the line
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True, slots=True)
class PlanItem:
    moves: tuple[Move, ...]  # one, two or three moves
    points: int  # combined gain, by the engine on the combined copy
    ready_on: date  # the latest ready_on of its moves
    score_after: int
    clears: tuple[str, ...]  # qualifying round types whose recent cut-off score_after is above
    summary: str  # one plain sentence
    qualifying: tuple[str, ...] = ()  # round types the combined copy qualifies for
    profile: Profile | None = None  # the combined copy, for the sandbox
    opens: tuple[str, ...] = ()  # programs (fsw, cec, fst) the copy is eligible for, not the file
    variants: tuple[PlanItem, ...] = ()  # the same kinds of move at other levels, ranked lower

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.moves)

    @property
    def actions(self) -> str:
        """What to do, without the numbers the summary adds."""
        return actions_text(self.moves)


def _months(as_of: date, ready_on: date) -> float:
    return max(1.0, (ready_on - as_of).days / DAYS_PER_MONTH)


def actions_text(moves: Sequence[Move]) -> str:
    """The moves' titles as one phrase."""
    titles = [m.title for m in moves]
    if len(titles) == 1:
        return titles[0]
    return _("{first} and {last}").format(first=", ".join(titles[:-1]), last=titles[-1])


def _summary(
    moves: Sequence[Move],
    points: int,
    ready_on: date,
    score_after: int,
    clears: Sequence[str],
    qualifying: Sequence[str],
    offs: Sequence[CutOff],
) -> str:
    values = {
        "actions": actions_text(moves),
        "score": score_after,
        "points": points,
        "day": format_date(ready_on),
    }
    open_offs = [c for c in offs if c.round_type in qualifying]
    if clears:
        names = [f"{c.name} ({c.recent_lowest})" for c in offs if c.round_type in clears]
        if points <= 0:
            return _(
                "{actions}: {score} points on {day}, above the recent cut-off of {rounds}."
            ).format(rounds=", ".join(names), **values)
        return _(
            "{actions}: about {score} points by {day} (+{points}), above the recent cut-off "
            "of {rounds}."
        ).format(rounds=", ".join(names), **values)
    if open_offs:
        nearest = min(open_offs, key=lambda c: c.recent_lowest)
        if points <= 0:
            return _(
                "{actions}: {score} points on {day}, still below the recent cut-off of "
                "{name} ({cutoff})."
            ).format(name=nearest.name, cutoff=nearest.recent_lowest, **values)
        return _(
            "{actions}: about {score} points by {day} (+{points}), still below the recent "
            "cut-off of {name} ({cutoff})."
        ).format(name=nearest.name, cutoff=nearest.recent_lowest, **values)
    if points <= 0:
        return _(
            "{actions}: {score} points on {day}; no recent round of a type this file "
            "qualifies for to compare with."
        ).format(**values)
    return _(
        "{actions}: about {score} points by {day} (+{points}); no recent round of a type this "
        "file qualifies for to compare with."
    ).format(**values)


def _opens_sentence(opens: Sequence[str]) -> str:
    if not opens:
        return ""
    return " " + _("It makes the file eligible for {programs}.").format(
        programs=program_names(tuple(opens))
    )


def _item(
    scorer: Scorer,
    pairs: Sequence[tuple[Move, Candidate]],
    offs: Sequence[CutOff],
) -> PlanItem:
    """A line of moves; the programs it opens are those the file without it lacks on the
    same day (a move ready after a year of work does not open what the work opens)."""
    moves = tuple(sorted((m for m, _c in pairs), key=lambda m: (m.ready_on, -m.points, m.id)))
    changes = [c.change for _m, c in pairs]
    result = scorer.score(changes)
    if len(pairs) == 1:
        move = pairs[0][0]
        profile, points, ready_on, after = (
            move.profile,
            move.points,
            move.ready_on,
            move.score_after,
        )
    else:
        profile, points, ready_on = result.profile, result.points, result.ready_on
        after = result.score_after
    before = eligible_programs(scorer.reference(changes, ready_on))
    return _plan_item(moves, points, ready_on, after, result.evaluation, profile, offs, before)


def _plan_item(
    moves: tuple[Move, ...],
    points: int,
    ready_on: date,
    after: int,
    evaluation: Evaluation,
    profile: Profile,
    offs: Sequence[CutOff],
    before: frozenset[str],
) -> PlanItem:
    """The item without its sentence: only the items shown get one (see _described)."""
    qualifying = qualifying_round_types(evaluation)
    return PlanItem(
        moves=moves,
        points=points,
        ready_on=ready_on,
        score_after=after,
        clears=cleared(after, qualifying, offs),
        summary="",
        profile=profile,
        qualifying=qualifying,
        opens=opened(before, evaluation),
    )


def _described(item: PlanItem, offs: Sequence[CutOff]) -> PlanItem:
    text = _summary(
        item.moves,
        item.points,
        item.ready_on,
        item.score_after,
        item.clears,
        item.qualifying,
        offs,
    )
    return replace(item, summary=text + _opens_sentence(item.opens))


def _extra_items(
    profile: Profile,
    as_of: date,
    rules: RuleSet,
    offs: Sequence[CutOff],
    base: Evaluation,
    found: Sequence[Move | None],
) -> list[PlanItem]:
    """Plan items for moves made outside the scorer (eligibility, principal applicant)."""
    before = eligible_programs(base)
    out = []
    for move in found:
        if move is None:
            continue
        after = evaluate(move.profile, move.ready_on, rules)
        out.append(
            _plan_item(
                (move,),
                move.points,
                move.ready_on,
                move.score_after,
                after,
                move.profile,
                offs,
                before,
            )
        )
    return out


def _rank_key(
    item: PlanItem, as_of: date, now: frozenset[str], eligible_now: bool
) -> tuple[int, float, int, int, tuple[str, ...]]:
    if item.opens and not eligible_now:  # no round at all without it: first, alone first
        return (-1, float(item.ready_on.toordinal()), len(item.moves), -item.points, item.ids)
    if set(item.clears) - now:
        return (0, float(item.ready_on.toordinal()), -item.points, len(item.moves), item.ids)
    per_month = item.points / _months(as_of, item.ready_on)
    return (1, -per_month, item.ready_on.toordinal(), len(item.moves), item.ids)


def _redundant(
    ids: Sequence[str], points: int, by_ids: dict[frozenset[str], PlanItem], now: frozenset[str]
) -> bool:
    """A combination that adds nothing over one of its parts."""
    for size in range(1, len(ids)):
        for part in combinations(ids, size):
            found = by_ids.get(frozenset(part))
            if found is None:
                continue
            if points <= found.points or set(found.clears) - now:
                return True  # the part alone gives as much, or already clears a new round
    return False


@dataclass(frozen=True, slots=True)
class Plan:
    items: tuple[PlanItem, ...]  # best first; near-identical ones folded into ``variants``
    moves: tuple[PlanItem, ...]  # every single move worth points, most points first


def full_plan(
    profile: Profile,
    as_of: date,
    rounds: Sequence[Round],
    rules: RuleSet | None = None,
    limit: int = 10,
) -> Plan:
    """The ranked plan and every single move (see module)."""
    ruleset = load_rules() if rules is None else rules
    offs = cut_offs(rounds, as_of)
    base = evaluate(profile, as_of, ruleset)
    first = [
        _described(item, offs)
        for item in _extra_items(
            profile, as_of, ruleset, offs, base, [funds_move(profile, base, as_of, ruleset)]
        )
    ]
    if first and not eligible_programs(base) and first[0].profile is not None:
        # No round is open without it: the rest is planned on the file made eligible, so
        # each move is compared with the cut-offs of the rounds it would then qualify for.
        rest = _ranked(first[0].profile, as_of, rounds, ruleset, offs, limit - 1)
        return Plan(
            (*first, *(_once_eligible(item) for item in rest.items)),
            (*first, *(_once_eligible(item) for item in rest.moves)),
        )
    return _ranked(profile, as_of, rounds, ruleset, offs, limit, first)


def plan(
    profile: Profile,
    as_of: date,
    rounds: Sequence[Round],
    rules: RuleSet | None = None,
    limit: int = 10,
) -> list[PlanItem]:
    """Moves and combinations of two or three compatible moves, best first (see module)."""
    return list(full_plan(profile, as_of, rounds, rules, limit).items)


def _once_eligible(item: PlanItem) -> PlanItem:
    return replace(item, summary=_("Once eligible: {plan}").format(plan=item.summary))


def _ranked(
    profile: Profile,
    as_of: date,
    rounds: Sequence[Round],
    ruleset: RuleSet,
    offs: Sequence[CutOff],
    limit: int,
    described: Sequence[PlanItem] = (),
) -> Plan:
    """The moves of ``profile`` and their combinations, ranked, with ``described`` items."""
    now = frozenset(standing(profile, as_of, rounds, ruleset).clears)
    scorer = Scorer(profile, as_of, ruleset)
    base = evaluate(profile, as_of, ruleset)
    before = eligible_programs(base)
    pairs = scored_moves(profile, as_of, ruleset, scorer)
    singles = [_item(scorer, [pair], offs) for pair in pairs]
    extra = [
        swap_move(profile, base, as_of, ruleset),
        experience_move(profile, base, as_of, ruleset),
    ]
    found = _extra_items(profile, as_of, ruleset, offs, base, extra)
    singles += [item for item in found if not _said_already(item, singles)]
    by_ids = {frozenset(item.ids): item for item in singles}
    items = list(singles)
    pool = pairs[:COMBINATION_POOL]
    for size in range(2, MAX_COMBINED + 1):
        for group in combinations(pool, size):
            changes = [c.change for _m, c in group]
            if not compatible(changes):
                continue
            # Points first: most combinations add nothing over a part and need no more.
            if _redundant([m.id for m, _c in group], scorer.gain(changes), by_ids, now):
                continue
            item = _item(scorer, group, offs)
            by_ids[frozenset(item.ids)] = item
            items.append(item)
    eligible_now = bool(before)
    ranked = sorted([*items, *described], key=lambda i: _rank_key(i, as_of, now, eligible_now))
    chosen: list[PlanItem] = []
    variants: list[list[PlanItem]] = []
    lines: dict[frozenset[str], int] = {}
    for item in ranked:
        line = lines.get(_kinds(item))
        if line is not None:
            if len(variants[line]) < MAX_VARIANTS:
                variants[line].append(item)
        elif len(chosen) < limit:
            lines[_kinds(item)] = len(chosen)
            chosen.append(item)
            variants.append([])
    shown = tuple(
        replace(_shown(item, offs), variants=tuple(more))
        for item, more in zip(chosen, variants, strict=True)
    )
    singles.sort(key=lambda item: (-item.points, item.ready_on, item.ids))
    return Plan(shown, (*described, *(_shown(item, offs) for item in singles)))


def _said_already(item: PlanItem, singles: Sequence[PlanItem]) -> bool:
    """The keep-working line, when a year-of-work move opens the same programs as soon:
    that move says the same, with its points."""
    return item.ids == (EXPERIENCE_MOVE,) and any(
        other.opens and other.ready_on <= item.ready_on and set(other.opens) >= set(item.opens)
        for other in singles
    )


def _shown(item: PlanItem, offs: Sequence[CutOff]) -> PlanItem:
    return item if item.summary else _described(item, offs)


def _kinds(item: PlanItem) -> frozenset[str]:
    """What a line does, without levels: "language:first:reading:10" and
    "language:first:all:9" are both a new test in the first language."""
    return frozenset(":".join(move.id.split(":")[:2]) for move in item.moves)


@dataclass(frozen=True, slots=True)
class Standing:
    """Where the file stands today against the recent rounds."""

    score: int
    qualifying: tuple[str, ...]
    clears: tuple[str, ...]
    cut_offs: tuple[CutOff, ...]
    latest_round: date | None  # how fresh the rounds data is
    summary: str


def standing(
    profile: Profile, as_of: date, rounds: Sequence[Round], rules: RuleSet | None = None
) -> Standing:
    """Today's score, the round types the file qualifies for, and which recent cut-offs
    it is above, in one plain sentence."""
    evaluation = evaluate(profile, as_of, load_rules() if rules is None else rules)
    offs = cut_offs(rounds, as_of)
    qualifying = qualifying_round_types(evaluation)
    total = evaluation.crs.total
    clears = cleared(total, qualifying, offs)
    latest = max((r.on for r in rounds if r.on <= as_of), default=None)
    if not qualifying:
        text = _(
            "Your score is {score}, but the file is not eligible for FSW, CEC or FST yet, so "
            "it cannot be invited in any round."
        ).format(score=total)
    elif clears:
        names = ", ".join(f"{c.name} ({c.recent_lowest})" for c in offs if c.round_type in clears)
        text = _(
            "Your score is {score}, above the recent cut-off of {rounds}: you could be invited "
            "in the next such round."
        ).format(score=total, rounds=names)
    else:
        open_offs = [c for c in offs if c.round_type in qualifying]
        if open_offs:
            nearest = min(open_offs, key=lambda c: c.recent_lowest)
            text = _(
                "Your score is {score}; {gap} more points would put it above the recent "
                "cut-off of {name} ({cutoff})."
            ).format(
                score=total,
                gap=nearest.recent_lowest + 1 - total,
                name=nearest.name,
                cutoff=nearest.recent_lowest,
            )
        else:
            text = _(
                "Your score is {score}; there was no recent round of a type this file "
                "qualifies for."
            ).format(score=total)
    return Standing(total, qualifying, clears, tuple(offs), latest, text)


def advice(now: Standing, items: Sequence[PlanItem], most: int = 3) -> list[str]:
    """A few plain sentences: where the file stands, then the best two or three actions.

    The actions are the plan items that open a round the file does not clear today, or,
    when none does or the file already clears one, the first items of the plan.
    """
    out = [now.summary]
    opening = [i for i in items if set(i.clears) - set(now.clears)][:most]
    if now.clears and items:
        out.append(_("To stay ahead of the cut-offs, these add the most:"))
        out += [i.summary for i in items[:most]]
    elif opening:
        out.append(
            ngettext(
                "This would most likely get you invited:",
                "These would most likely get you invited, soonest first:",
                len(opening),
            )
        )
        out += [i.summary for i in opening]
    elif items:
        out.append(_("No move found clears a recent cut-off; these raise the score most:"))
        out += [i.summary for i in items[:most]]
    return out
