"""The strategy as JSON, or as text for the command line: the score, the recent cut-offs
the file qualifies for, the plan, and the score over time if nothing changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ee_desktop.i18n import _, format_date
from ee_desktop.strategy.cutoffs import CutOff
from ee_desktop.strategy.moves import Move
from ee_desktop.strategy.plan import Plan, PlanItem
from ee_desktop.strategy.projection import ProjectionPoint
from ee_desktop.strategy.rounds import round_type_name


def _move_json(move: Move) -> dict[str, Any]:
    return {
        "id": move.id,
        "title": move.title,
        "explanation": move.explanation,
        "points": move.points,
        "ready_on": move.ready_on.isoformat(),
    }


def _item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "summary": item.summary,
        "points": item.points,
        "ready_on": item.ready_on.isoformat(),
        "score_after": item.score_after,
        "clears": list(item.clears),
        "opens": list(item.opens),
        "moves": [_move_json(m) for m in item.moves],
        "variants": [
            {
                "moves": [m.id for m in v.moves],
                "actions": v.actions,
                "points": v.points,
                "ready_on": v.ready_on.isoformat(),
                "score_after": v.score_after,
                "clears": list(v.clears),
            }
            for v in item.variants
        ],
    }


def to_json(
    as_of: date,
    score: int,
    rounds_known_up_to: date | None,
    cuts: Sequence[CutOff],
    found: Plan,
    points: Sequence[ProjectionPoint],
) -> dict[str, Any]:
    """The `strategy --json` object: ``plan`` the ranked items (each with the ``variants``
    folded into it), ``every_move`` each single move worth points, most points first."""
    return {
        "as_of": as_of.isoformat(),
        "score": score,
        "rounds_known_up_to": rounds_known_up_to.isoformat() if rounds_known_up_to else None,
        "cut_offs": [
            {
                "round_type": c.round_type,
                "name": c.name,
                "recent_lowest": c.recent_lowest,
                "last_round": c.last_round.isoformat(),
                "rounds_counted": c.rounds_counted,
            }
            for c in cuts
        ],
        "plan": [_item_json(i) for i in found.items],
        "every_move": [_item_json(i) for i in found.moves],
        "projection": [
            {"on": p.on.isoformat(), "score": p.score, "events": list(p.events)} for p in points
        ],
    }


def _variant_text(variant: PlanItem) -> str:
    return _("or: {actions} (+{points} by {day}: {score})").format(
        actions=variant.actions,
        points=variant.points,
        day=format_date(variant.ready_on),
        score=variant.score_after,
    )


def render_text(
    as_of: date,
    score: int,
    advice: Sequence[str],
    rounds_known_up_to: date | None,
    cuts: Sequence[CutOff],
    found: Plan,
    points: Sequence[ProjectionPoint],
) -> str:
    """The score and the advice, the cut-offs, the numbered plan, then the score month by
    month if nothing changes."""
    lines = [_("CRS score on {day}: {score}").format(day=format_date(as_of), score=score)]
    lines.extend(advice)
    if rounds_known_up_to:
        lines.append(
            _("Rounds of invitations known up to {day}.").format(
                day=format_date(rounds_known_up_to)
            )
        )
    for cut in cuts:
        lines.append(
            _("  Recent cut-off, {name}: {score}").format(name=cut.name, score=cut.recent_lowest)
        )
    lines.append("")
    lines.append(_("Plan, most likely to get you invited first:"))
    for number, item in enumerate(found.items, start=1):
        clears = ", ".join(round_type_name(t) for t in item.clears) or _("no recent cut-off yet")
        lines.append(f"{number:>2}. {item.summary}")
        lines.append(
            "    "
            + _("+{points} by {day}: {score} ({clears})").format(
                points=item.points,
                day=format_date(item.ready_on),
                score=item.score_after,
                clears=clears,
            )
        )
        for variant in item.variants:
            lines.append("    " + _variant_text(variant))
    if found.moves:
        lines.append("")
        lines.append(_("Every single move:"))
        for item in found.moves:
            lines.append(
                "  "
                + _("+{points} by {day}: {actions}").format(
                    points=item.points, day=format_date(item.ready_on), actions=item.actions
                )
            )
    lines.append("")
    lines.append(_("If nothing changes:"))
    for point in points:
        events = "; ".join(point.events)
        lines.append(f"  {point.on.isoformat()}  {point.score:>4}  {events}")
    return "\n".join(lines)
