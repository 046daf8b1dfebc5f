"""How long each kind of move takes: planning figures kept as data (data/moves.toml)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from ee_desktop.dated import Check, DataProblems, a_table, boolean, check_fields, positive, text
from ee_desktop.strategy.rounds import DATA_DIR

FIELDS: dict[str, Check] = {"days": positive, "estimate": boolean, "note": text, "source": text}


@dataclass(frozen=True, slots=True)
class Duration:
    id: str
    days: int
    estimate: bool  # a planning figure rather than an official processing time
    note: str
    source: str
    extra: Mapping[str, str]  # other settings of the move (e.g. the nomination's province)

    def after(self, start: date) -> date:
        return start + timedelta(days=self.days)

    @property
    def months(self) -> int:
        return max(1, round(self.days / 30.44))


def parse_durations(document: Mapping[str, Any]) -> dict[str, Duration]:
    """The moves of a parsed moves.toml by id; DataProblems lists every problem."""
    problems = []
    for key, raw in document.items():
        if a_table(raw) is not None:
            problems.append(f"{key}: expected a table [{key}]")
            continue
        # Any other field is a setting of the move, given as text.
        extra = dict.fromkeys(set(raw) - set(FIELDS), text)
        problems += check_fields(key, raw, FIELDS, extra)
    if problems:
        raise DataProblems(problems)
    return {
        key: Duration(
            id=key,
            days=raw["days"],
            estimate=raw["estimate"],
            note=raw["note"],
            source=raw["source"],
            extra={k: v for k, v in raw.items() if k not in FIELDS},
        )
        for key, raw in document.items()
    }


@cache
def durations() -> Mapping[str, Duration]:
    with (DATA_DIR / "moves.toml").open("rb") as handle:
        return parse_durations(tomllib.load(handle))
