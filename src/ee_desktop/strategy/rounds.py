"""Rounds of invitations as data: the shipped list, and CSV import and export."""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ee_desktop.dated import (
    Check,
    DataProblems,
    a_date,
    a_datetime,
    check_fields,
    integer,
    list_of,
    one_of,
    positive,
    text,
)
from ee_desktop.i18n import N_, _
from ee_desktop.strategy.distribution import BANDS, Distribution

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_SCORE = 1200
CSV_COLUMNS: tuple[str, ...] = (
    "number",
    "date",
    "type",
    "name",
    "invited",
    "lowest_score",
    "tie_break",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("date", "type", "invited", "lowest_score")
TIE_BREAK_FORMAT = "%Y-%m-%d %H:%M:%S"

# Program rounds first, then the categories (ids as in the rules' category tables).
ROUND_TYPE_NAMES: dict[str, str] = {
    "general": N_("General (all programs)"),
    "cec": N_("Canadian Experience Class"),
    "fsw": N_("Federal Skilled Worker"),
    "fst": N_("Federal Skilled Trades"),
    "pnp": N_("Provincial Nominee Program"),
    "french": N_("French-language proficiency"),
    "healthcare": N_("Healthcare and social services occupations"),
    "stem": N_("STEM occupations"),
    "trades": N_("Trade occupations"),
    "transport": N_("Transport occupations"),
    "agriculture": N_("Agriculture and agri-food occupations"),
    "education": N_("Education occupations"),
    "physicians": N_("Physicians with Canadian work experience"),
    "researchers": N_("Researchers with Canadian work experience"),
    "senior_managers": N_("Senior managers with Canadian work experience"),
    "military": N_("Skilled military recruits"),
}
ROUND_TYPES: tuple[str, ...] = tuple(ROUND_TYPE_NAMES)

# Words in a published round name that give its type, checked in order.
_NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("provincial nominee", "pnp"),
    ("canadian experience", "cec"),
    ("federal skilled worker", "fsw"),
    ("federal skilled trades", "fst"),
    ("french", "french"),
    ("healthcare", "healthcare"),
    ("physician", "physicians"),
    ("researcher", "researchers"),
    ("senior manager", "senior_managers"),
    ("military", "military"),
    ("stem", "stem"),
    ("trade", "trades"),
    ("transport", "transport"),
    ("agri", "agriculture"),
    ("education", "education"),
    ("no program specified", "general"),
    ("general", "general"),
)


@dataclass(frozen=True, slots=True)
class Round:
    number: int | None
    on: date
    round_type: str  # one of ROUND_TYPES
    name: str  # as published
    invited: int
    lowest_score: int
    tie_break: datetime | None  # UTC: profiles submitted before it were invited
    source: str
    distribution: Distribution | None = None  # the pool on a date, when IRCC published it


def round_type_name(round_type: str) -> str:
    return _(ROUND_TYPE_NAMES.get(round_type, round_type))


def type_from_name(name: str) -> str | None:
    """The round type a published name stands for, or None when the name is not recognised."""
    lowered = name.lower()
    for hint, round_type in _NAME_HINTS:
        if hint in lowered:
            return round_type
    return None


def sort_rounds(rounds: Iterable[Round]) -> list[Round]:
    return sorted(rounds, key=lambda r: (r.on, r.number or 0, r.round_type))


META_FIELDS: dict[str, Check] = {"source": text, "retrieved_on": a_date}
ROUND_FIELDS: dict[str, Check] = {
    "date": a_date,
    "type": one_of(*ROUND_TYPES),
    "name": text,
    "invited": integer,
    "lowest_score": integer,
}
_COUNTS = list_of(integer, "whole numbers, 0 or more")


def _counts(value: Any) -> str | None:
    """IRCC's pool distribution: one count per band, dd1 to dd18 (the total) in order."""
    if _COUNTS(value) is not None or len(value) != len(BANDS):
        return f"a list of {len(BANDS)} whole numbers (dd1 to dd18)"
    return None


ROUND_OPTIONAL: dict[str, Check] = {
    "number": positive,
    "tie_break": a_datetime,
    "distribution_on": a_date,
    "distribution": _counts,
}


def parse_rounds(document: Mapping[str, Any]) -> tuple[Round, ...]:
    """The rounds of a parsed rounds.toml, oldest first; DataProblems lists every problem."""
    meta, entries = document.get("meta", {}), document.get("rounds", [])
    problems = [
        f"unknown top-level key {key!r}" for key in document if key not in ("meta", "rounds")
    ]
    if isinstance(meta, dict):
        problems += check_fields("meta", meta, META_FIELDS)
    else:
        problems.append("meta: expected a table")
    if isinstance(entries, list) and all(isinstance(raw, dict) for raw in entries):
        for i, raw in enumerate(entries):
            problems += check_fields(f"rounds[{i}]", raw, ROUND_FIELDS, ROUND_OPTIONAL)
            if ("distribution" in raw) != ("distribution_on" in raw):
                problems.append(f"rounds[{i}]: expected distribution and distribution_on together")
    else:
        problems.append("rounds: expected an array of tables [[rounds]]")
    if problems:
        raise DataProblems(problems)
    rounds = (
        Round(
            number=raw.get("number"),
            on=raw["date"],
            round_type=raw["type"],
            name=raw["name"],
            invited=raw["invited"],
            lowest_score=raw["lowest_score"],
            tie_break=None if "tie_break" not in raw else raw["tie_break"].astimezone(UTC),
            source=meta["source"],
            distribution=Distribution(raw["distribution_on"], tuple(raw["distribution"]))
            if "distribution" in raw
            else None,
        )
        for raw in entries
    )
    return tuple(sort_rounds(rounds))


@cache
def _builtin() -> tuple[Round, ...]:
    with (DATA_DIR / "rounds.toml").open("rb") as handle:
        return parse_rounds(tomllib.load(handle))


def builtin_rounds() -> tuple[Round, ...]:
    """The rounds shipped with the app, oldest first."""
    return _builtin()


def latest_round(rounds: Sequence[Round]) -> date | None:
    """The date of the most recent round: how fresh the data is."""
    return max((r.on for r in rounds), default=None)


def merge_rounds(existing: Sequence[Round], new: Sequence[Round]) -> list[Round]:
    """``existing`` plus ``new``; a new round replaces one with the same date and type."""
    keyed = {(r.on, r.round_type, r.number): r for r in existing}
    for item in new:
        for key in [k for k in keyed if k[0] == item.on and k[1] == item.round_type]:
            del keyed[key]
    for item in new:
        keyed[(item.on, item.round_type, item.number)] = item
    return sort_rounds(keyed.values())


# --- CSV ------------------------------------------------------------------------------

WHOLE = N_("a whole number from {low} to {high}")
PROBLEM = N_("line {line}, {column}: got '{value}'; expected {expected}")
MISSING_COLUMNS = N_("line {line}: missing column(s) {columns}; expected a header row: {header}")
EMPTY = N_("the file is empty; expected a header row: {header}")
CSV_SOURCE = N_("imported from a CSV file")


class _Bad(Exception):
    def __init__(self, column: str, value: str, expected: str) -> None:
        super().__init__(column)
        self.column, self.value, self.expected = column, value, expected


def _whole(column: str, value: str, low: int, high: int) -> int:
    cleaned = value.replace(",", "").replace(" ", "")
    if cleaned.isdigit() and low <= int(cleaned) <= high:
        return int(cleaned)
    raise _Bad(column, value, _(WHOLE).format(low=low, high=high))


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Bad("date", value, _("a date written YYYY-MM-DD")) from None


def _tie_break(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.strptime(value.replace("T", " ").removesuffix("Z"), TIE_BREAK_FORMAT)
    except ValueError:
        raise _Bad(
            "tie_break", value, _("a UTC time written YYYY-MM-DD HH:MM:SS, or nothing")
        ) from None
    return parsed.replace(tzinfo=UTC)


def _row(cells: dict[str, str]) -> Round:
    number_text = cells.get("number", "")
    number = _whole("number", number_text, 1, 100_000) if number_text else None
    on = _date(cells.get("date", ""))
    name = cells.get("name", "")
    round_type = cells.get("type", "").lower()
    if not round_type and name:
        round_type = type_from_name(name) or ""
    if round_type not in ROUND_TYPES:
        raise _Bad(
            "type", cells.get("type", ""), _("one of {types}").format(types=", ".join(ROUND_TYPES))
        )
    return Round(
        number=number,
        on=on,
        round_type=round_type,
        name=name or round_type_name(round_type),
        invited=_whole("invited", cells.get("invited", ""), 0, 1_000_000),
        lowest_score=_whole("lowest_score", cells.get("lowest_score", ""), 0, MAX_SCORE),
        tie_break=_tie_break(cells.get("tie_break", "")),
        source=cells.get("source", "") or _(CSV_SOURCE),
    )


def _rows(reader: Any, problems: list[str]) -> Iterator[list[str]]:
    """The reader's rows, until one it cannot read (a field of over 128 KB, a stray quote):
    that one is named and the reading stops, the rows before it kept."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                _("Line {line}: cannot be read as CSV ({reason}).").format(
                    line=reader.line_num, reason=error
                )
            )
            return


def parse_rounds_csv(text: str) -> tuple[list[Round], list[str]]:
    """Rounds read from CSV text with a header row, and one sentence per bad row or header.

    Good rows are kept even when others are bad; a problem names the line, the column,
    the value found and what was expected. A blank ``type`` is taken from the name.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header_text = ",".join(CSV_COLUMNS)
    header: list[str] | None = None
    rounds: list[Round] = []
    problems: list[str] = []
    for cells in _rows(reader, problems):
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in cells]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                problems.append(
                    _(MISSING_COLUMNS).format(
                        line=line, columns=", ".join(missing), header=header_text
                    )
                )
                return [], problems
            continue
        values = {
            name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)
        }
        try:
            rounds.append(_row(values))
        except _Bad as bad:
            problems.append(
                _(PROBLEM).format(
                    line=line, column=bad.column, value=bad.value, expected=bad.expected
                )
            )
    if header is None:
        problems.append(_(EMPTY).format(header=header_text))
    return sort_rounds(rounds), problems


def round_problems(item: Round) -> list[str]:
    """What is wrong with a round edited in the app, one sentence per field."""
    out = []
    if item.round_type not in ROUND_TYPES:
        out.append(
            _("type: got '{value}'; expected one of {types}").format(
                value=item.round_type, types=", ".join(ROUND_TYPES)
            )
        )
    if not 0 <= item.lowest_score <= MAX_SCORE:
        expected = _(WHOLE).format(low=0, high=MAX_SCORE)
        out.append(
            _("lowest_score: got '{value}'; expected {expected}").format(
                value=item.lowest_score, expected=expected
            )
        )
    if item.invited < 0:
        expected = _(WHOLE).format(low=0, high=1_000_000)
        out.append(
            _("invited: got '{value}'; expected {expected}").format(
                value=item.invited, expected=expected
            )
        )
    if not item.name.strip():
        out.append(_("name: empty; expected the round's name as published"))
    return out


def rounds_to_csv(rounds: Sequence[Round]) -> str:
    """CSV text that parse_rounds_csv reads back to the same rounds (source aside)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in rounds:
        tie = item.tie_break
        writer.writerow(
            [
                "" if item.number is None else item.number,
                item.on.isoformat(),
                item.round_type,
                item.name,
                item.invited,
                item.lowest_score,
                "" if tie is None else tie.astimezone(UTC).strftime(TIE_BREAK_FORMAT),
            ]
        )
    return buffer.getvalue()
