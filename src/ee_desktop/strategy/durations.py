"""How long each kind of move takes: planning figures kept as data (data/moves.toml)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from ee_desktop.strategy.rounds import DATA_DIR


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


@cache
def durations() -> Mapping[str, Duration]:
    with (DATA_DIR / "moves.toml").open("rb") as handle:
        document: dict[str, Any] = tomllib.load(handle)
    known = {"days", "estimate", "note", "source"}
    return {
        key: Duration(
            id=key,
            days=int(raw["days"]),
            estimate=bool(raw["estimate"]),
            note=str(raw["note"]),
            source=str(raw["source"]),
            extra={k: str(v) for k, v in raw.items() if k not in known},
        )
        for key, raw in document.items()
    }
