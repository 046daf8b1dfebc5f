"""Time limits as dated data (data/limits.toml): read, validated, looked up by date."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.checklist.police import add_months

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
_FIELDS = {"effective_from", "effective_to", "days", "months", "verified", "note", "source"}


class LimitsError(Exception):
    """The limits data is malformed; the message lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    effective_from: date
    effective_to: date | None
    days: int
    months: int
    verified: bool
    note: str
    source: str

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def after(self, start: date) -> date:
        """The due date for a period starting on ``start``."""
        if self.months:
            return add_months(start, self.months)
        return start + timedelta(days=self.days)


def _is_date(value: Any) -> bool:
    return type(value) is date  # tomllib gives datetime for date-times; not wanted here


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_entry(where: str, entry: Mapping[str, Any]) -> list[str]:
    problems = [f"{where}: unknown field {key!r}" for key in sorted(set(entry) - _FIELDS)]
    if not _is_date(entry.get("effective_from")):
        problems.append(f"{where}.effective_from: expected a date (YYYY-MM-DD, unquoted)")
    end = entry.get("effective_to")
    if end is not None and not _is_date(end):
        problems.append(f"{where}.effective_to: expected a date (YYYY-MM-DD, unquoted)")
    units = [key for key in ("days", "months") if key in entry]
    if len(units) != 1:
        problems.append(f"{where}: expected exactly one of days or months")
    for key in units:
        if not _positive_int(entry[key]):
            problems.append(f"{where}.{key}: expected a whole number above 0")
    if not isinstance(entry.get("verified"), bool):
        problems.append(f"{where}.verified: expected true or false")
    elif not entry["verified"] and not str(entry.get("note", "")).strip():
        problems.append(f"{where}.note: an unverified limit needs a note saying what to check")
    for key in ("source", "note"):
        if key in entry and not isinstance(entry[key], str):
            problems.append(f"{where}.{key}: expected a string")
    if not str(entry.get("source", "")).strip():
        problems.append(f"{where}.source: expected a non-empty string")
    return problems


def _check_periods(name: str, limits: list[Limit]) -> list[str]:
    problems = []
    ordered = sorted(limits, key=lambda item: item.effective_from)
    for item in ordered:
        if item.effective_to is not None and item.effective_to < item.effective_from:
            problems.append(f"limits.{name}: effective_to before effective_from")
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            problems.append(
                f"limits.{name}: entries from {earlier.effective_from} and "
                f"{later.effective_from} overlap"
            )
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
        for index, entry in enumerate(entries):
            where = f"limits.{name}[{index}]"
            if not isinstance(entry, dict):
                problems.append(f"{where}: expected a table")
                continue
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
        problems += _check_periods(name, found)
        out[name] = tuple(sorted(found, key=lambda item: item.effective_from))
    if problems:
        raise LimitsError(problems)
    return out


@dataclass(frozen=True, slots=True)
class Limits:
    by_name: Mapping[str, tuple[Limit, ...]]

    def at(self, name: str, on: date) -> Limit | None:
        """The limit ``name`` in force on ``on`` (the milestone's date), if any."""
        for item in self.by_name.get(name, ()):
            if item.in_force(on):
                return item
        return None


@cache
def load_limits() -> Limits:
    """The built-in limits, read once."""
    text = files("ee_desktop.deadlines").joinpath("data", "limits.toml").read_text("utf-8")
    return Limits(parse_limits(tomllib.loads(text)))
