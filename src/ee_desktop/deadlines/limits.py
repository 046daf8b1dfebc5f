"""Time limits as dated data (data/limits.toml): read, validated, looked up by date."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.checklist.police import add_months
from ee_desktop.dated import (
    Check,
    DataProblems,
    Dated,
    a_date,
    boolean,
    check_fields,
    chronological,
    in_force_on,
    period_problems,
    positive,
    string,
    text,
)

LIMIT_NAMES: tuple[str, ...] = (
    "ita_submission",
    "profile_validity",
    "biometrics",
    "medical_request",
    "medical_validity",
    "police_current_country",
    "document_request",
    "nomination_acceptance",
    "processing_standard",
)
_REQUIRED: dict[str, Check] = {"effective_from": a_date, "verified": boolean, "source": text}
_OPTIONAL: dict[str, Check] = {
    "effective_to": a_date,
    "days": positive,
    "months": positive,
    "note": string,
}


class LimitsError(DataProblems):
    """The limits data is malformed; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class Limit(Dated):
    name: str
    days: int
    months: int
    verified: bool
    note: str

    def after(self, start: date) -> date:
        """The due date for a period starting on ``start``."""
        if self.months:
            return add_months(start, self.months)
        return start + timedelta(days=self.days)


def _check_entry(where: str, entry: Mapping[str, Any]) -> list[str]:
    problems = check_fields(where, entry, _REQUIRED, _OPTIONAL, missing="{where}.{name}: missing")
    if sum(key in entry for key in ("days", "months")) != 1:
        problems.append(f"{where}: expected exactly one of days or months")
    if entry.get("verified") is False and not str(entry.get("note", "")).strip():
        problems.append(f"{where}.note: an unverified limit needs a note saying what to check")
    return problems


def parse_limits(document: Mapping[str, Any]) -> dict[str, tuple[Limit, ...]]:
    """The limits by name, each name's entries in date order; LimitsError lists all problems."""
    problems = [f"unknown top-level key {key!r}" for key in sorted(set(document) - {"limits"})]
    tables = document.get("limits", {})
    if not isinstance(tables, dict):
        raise LimitsError(["limits: expected tables of [[limits.<name>]] entries"])
    problems += [f"limits.{name}: unknown limit" for name in sorted(set(tables) - set(LIMIT_NAMES))]
    problems += [f"limits.{name}: missing" for name in LIMIT_NAMES if name not in tables]
    out: dict[str, tuple[Limit, ...]] = {}
    for name in LIMIT_NAMES:
        entries = tables.get(name, [])
        if not isinstance(entries, list):
            problems.append(f"limits.{name}: expected a list of entries")
            continue
        found = []
        periods = []
        for index, entry in enumerate(entries):
            where = f"limits.{name}[{index}]"
            if not isinstance(entry, dict):
                problems.append(f"{where}: expected a table")
                continue
            periods.append((name, where, entry))
            entry_problems = _check_entry(where, entry)
            problems += entry_problems
            if entry_problems:
                continue
            found.append(
                Limit(
                    name=name,
                    effective_from=entry["effective_from"],
                    effective_to=entry.get("effective_to"),
                    days=entry.get("days", 0),
                    months=entry.get("months", 0),
                    verified=entry["verified"],
                    note=entry.get("note", ""),
                    source=entry["source"],
                )
            )
        problems += period_problems(
            periods, ends_before="{where}: effective_to before effective_from"
        )
        out[name] = chronological(found)
    if problems:
        raise LimitsError(problems)
    return out


@dataclass(frozen=True, slots=True)
class Limits:
    by_name: Mapping[str, tuple[Limit, ...]]

    def at(self, name: str, on: date) -> Limit | None:
        """The limit ``name`` in force on ``on`` (the milestone's date), if any."""
        return in_force_on(self.by_name.get(name, ()), on)


@cache
def load_limits() -> Limits:
    """The built-in limits, read once."""
    text = files("ee_desktop.deadlines").joinpath("data", "limits.toml").read_text("utf-8")
    return Limits(parse_limits(tomllib.loads(text)))
