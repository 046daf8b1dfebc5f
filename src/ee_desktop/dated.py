"""Values in force on a date, with their source: one base, one error, TOML field checks.

Rules tables, time limits, provincial streams, documents, rounds and move durations are
all read from TOML files of entries, most of them in force from ``effective_from`` to
``effective_to`` (both days included; no ``effective_to``: still in force). Reading any of
them goes the same way: every field is checked (:func:`check_fields` with the checks
below), the periods of one value must not overlap (:func:`period_problems`), and every
problem found is reported at once, one line each naming the field path, in a
:class:`DataProblems`.

This module sits at the bottom of the core: it imports nothing from the app.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeGuard, TypeVar


class DataProblems(ValueError):
    """Data that cannot be used: each item of ``problems`` is one line saying what is wrong,
    e.g. ``limits.biometrics[0].days: expected a whole number above 0, got 0``."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        lines = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(lines))
        self.problems: tuple[str, ...] = lines


@dataclass(frozen=True, slots=True)
class Dated:
    """A value in force from ``effective_from`` to ``effective_to`` (both included; None:
    still in force), with where it comes from."""

    effective_from: date
    effective_to: date | None
    source: str

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


D = TypeVar("D", bound=Dated)


def _start(item: Dated) -> date:
    return item.effective_from


def chronological(items: Iterable[D]) -> tuple[D, ...]:
    """``items`` in order of ``effective_from``, as :func:`in_force_on` needs them."""
    return tuple(sorted(items, key=_start))


def in_force_on(items: Sequence[D], on: date) -> D | None:
    """The item in force on ``on``, or None.

    ``items`` are in order of ``effective_from`` and their periods do not overlap
    (:func:`period_problems` checks it), so the only candidate is the last one that
    started on or before ``on``.
    """
    index = bisect_right(items, on, key=_start)
    if index and items[index - 1].in_force(on):
        return items[index - 1]
    return None


# Field checks ------------------------------------------------------------------------------

# A check returns None when the value is fine, else a description of what was expected.
Check = Callable[[Any], "str | None"]


def is_whole(value: Any) -> bool:
    """An integer, and not a boolean (TOML ``true`` is not a number)."""
    return isinstance(value, int) and not isinstance(value, bool)


def integer(value: Any) -> str | None:
    return None if is_whole(value) and value >= 0 else "a whole number, 0 or more"


def positive(value: Any) -> str | None:
    return None if is_whole(value) and value > 0 else "a whole number above 0"


def string(value: Any) -> str | None:
    return None if isinstance(value, str) else "a string"


def text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "a non-empty string"


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "true or false"


def is_date(value: Any) -> TypeGuard[date]:
    # tomllib gives datetime (a date subclass) for date-times; only plain dates are meant here.
    return type(value) is date


def a_date(value: Any) -> str | None:
    return None if is_date(value) else "a date (YYYY-MM-DD, unquoted)"


def a_datetime(value: Any) -> str | None:
    ok = isinstance(value, datetime) and value.tzinfo is not None
    return None if ok else "a date and time with its UTC offset (YYYY-MM-DDTHH:MM:SSZ, unquoted)"


def a_table(value: Any) -> str | None:
    return None if isinstance(value, dict) else "a table"


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else "one of " + ", ".join(choices)

    return check


def list_of(item: Check, what: str) -> Check:
    """A list whose every element passes ``item``; ``what`` names the elements."""

    def check(value: Any) -> str | None:
        ok = isinstance(value, list) and all(item(v) is None for v in value)
        return None if ok else f"a list of {what}"

    return check


MISSING = "{where}: missing field '{name}'"


def check_fields(
    where: str,
    data: Mapping[str, Any],
    required: Mapping[str, Check],
    optional: Mapping[str, Check] | None = None,
    *,
    missing: str = MISSING,
) -> list[str]:
    """Every problem with the fields of one TOML table: a required field missing (worded by
    ``missing``, given ``where`` and ``name``), a field that is neither required nor
    optional, a value its check refuses."""
    problems = [missing.format(where=where, name=name) for name in required if name not in data]
    for name, value in data.items():
        check = required.get(name) or (optional or {}).get(name)
        if check is None:
            problems.append(f"{where}: unknown field '{name}'")
        elif (expected := check(value)) is not None:
            problems.append(f"{where}.{name}: expected {expected}, got {value!r}")
    return problems


# Periods -----------------------------------------------------------------------------------

ENDS_BEFORE = "{where}.effective_to: expected a date on or after effective_from {start}, got {end}"
OVERLAPS = "{where}.effective_from: periods overlap with {other}; expected a date after {other_end}"


def period_problems(
    entries: Iterable[tuple[Hashable, str, Mapping[str, Any]]],
    *,
    ends_before: str = ENDS_BEFORE,
    overlaps: str = OVERLAPS,
) -> list[str]:
    """Problems with the periods of TOML entries given as ``(key, where, entry)``.

    Entries sharing a key are versions of one value: each must end on or after the day it
    starts, and no two may be in force on the same day. Messages are worded by
    ``ends_before`` (given ``where``, ``start``, ``end``) and ``overlaps`` (given ``where``,
    ``other``, ``other_end``). Entries whose dates are not dates are skipped: the field
    checks report them.
    """
    problems: list[str] = []
    versions: dict[Hashable, list[tuple[date, date, int, str]]] = {}
    for position, (key, where, entry) in enumerate(entries):
        start, end = entry.get("effective_from"), entry.get("effective_to", date.max)
        if not (is_date(start) and is_date(end)):
            continue
        if end < start:
            problems.append(ends_before.format(where=where, start=start, end=end))
            continue
        versions.setdefault(key, []).append((start, end, position, where))
    for spans in versions.values():
        spans.sort()
        latest: tuple[date, str] | None = None  # the latest end so far, and its entry
        for start, end, _position, where in spans:
            if latest is not None and start <= latest[0]:
                problems.append(overlaps.format(where=where, other=latest[1], other_end=latest[0]))
            if latest is None or end > latest[0]:
                latest = (end, where)
    return problems


def parse_versions(
    document: Mapping[str, Any],
    key: str,
    required: Mapping[str, Check],
    optional: Mapping[str, Check],
    make: Callable[..., D],
    error: type[DataProblems],
) -> tuple[D, ...]:
    """The ``[[key]]`` entries of a TOML document: versions of one set of values, each
    checked, their periods not overlapping, in order; ``error`` lists every problem."""
    problems = [f"unknown top-level key {name!r}" for name in sorted(set(document) - {key})]
    entries = document.get(key, [])
    if not isinstance(entries, list) or not entries:
        raise error([*problems, f"{key}: expected a list of [[{key}]] entries"])
    found: list[D] = []
    periods = []
    for index, entry in enumerate(entries):
        where = f"{key}[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a table")
            continue
        periods.append((key, where, entry))
        entry_problems = check_fields(where, entry, required, optional)
        problems += entry_problems
        if not entry_problems:
            found.append(make(**{"effective_to": None, **entry}))
    problems += period_problems(periods)
    if problems:
        raise error(problems)
    return chronological(found)
