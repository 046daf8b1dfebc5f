"""Strategy: recent rounds of invitations, the score over time, and the moves that raise it.

Every point value comes from the rules engine run on a modified copy of the file; nothing
here reads the clock, imports Qt or touches the database.
"""

from ee_desktop.strategy.cutoffs import CutOff, cleared, cut_offs, qualifying_round_types
from ee_desktop.strategy.durations import Duration, durations
from ee_desktop.strategy.moves import Move, moves
from ee_desktop.strategy.plan import Plan, PlanItem, Standing, advice, full_plan, plan, standing
from ee_desktop.strategy.projection import ProjectionPoint, projection
from ee_desktop.strategy.rounds import (
    ROUND_TYPES,
    Round,
    builtin_rounds,
    latest_round,
    merge_rounds,
    parse_rounds_csv,
    round_problems,
    round_type_name,
    rounds_to_csv,
    type_from_name,
)
from ee_desktop.strategy.sandbox import FactorChange, StatusChange, WhatIf, what_if

__all__ = [
    "ROUND_TYPES",
    "CutOff",
    "Duration",
    "FactorChange",
    "Move",
    "Plan",
    "PlanItem",
    "ProjectionPoint",
    "Round",
    "Standing",
    "StatusChange",
    "WhatIf",
    "advice",
    "builtin_rounds",
    "cleared",
    "cut_offs",
    "durations",
    "full_plan",
    "latest_round",
    "merge_rounds",
    "moves",
    "parse_rounds_csv",
    "plan",
    "projection",
    "qualifying_round_types",
    "round_problems",
    "round_type_name",
    "rounds_to_csv",
    "standing",
    "type_from_name",
    "what_if",
]
