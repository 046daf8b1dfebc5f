"""The histories' rules as dated data (data/history.toml): the window, the adult age, the
stay that needs a police certificate."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.dated import (
    Check,
    DataProblems,
    Dated,
    a_date,
    in_force_on,
    parse_versions,
    positive,
    text,
)

_REQUIRED: dict[str, Check] = {
    "effective_from": a_date,
    "window_years": positive,
    "adult_age": positive,
    "police_min_months": positive,
    "source": text,
}
_OPTIONAL: dict[str, Check] = {"effective_to": a_date}


class HistoryRulesError(DataProblems):
    """The history rules data is malformed; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class HistoryRules(Dated):
    window_years: int
    adult_age: int
    police_min_months: int


def parse_rules(document: Mapping[str, Any]) -> tuple[HistoryRules, ...]:
    return parse_versions(document, "rules", _REQUIRED, _OPTIONAL, HistoryRules, HistoryRulesError)


@cache
def _built_in() -> tuple[HistoryRules, ...]:
    content = files("ee_desktop.history").joinpath("data", "history.toml").read_text("utf-8")
    return parse_rules(tomllib.loads(content))


def rules_on(on: date) -> HistoryRules:
    """The rules in force on ``on`` (the earliest known before they began)."""
    built_in = _built_in()
    return in_force_on(built_in, on) or built_in[0]
