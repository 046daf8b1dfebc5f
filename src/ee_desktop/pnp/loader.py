"""The streams as dated data (data/streams.toml): read, checked, looked up by date."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.pnp.model import INTAKES, Ask, Requirements, Stream
from ee_desktop.profile.model import PROVINCES
from ee_desktop.rules.schema import EDUCATION_KEYS, Check, a_date, boolean, integer, text

PROGRAMS: tuple[str, ...] = ("fsw", "cec", "fst")


class StreamsError(Exception):
    """The streams data is malformed; the message lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def _choice(choices: Sequence[str]) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else "one of " + ", ".join(choices)

    return check


def _list_of(item: Check, what: str) -> Check:
    def check(value: Any) -> str | None:
        ok = isinstance(value, list) and all(item(v) is None for v in value)
        return None if ok else f"a list of {what}"

    return check


def _noc(value: Any) -> str | None:
    ok = isinstance(value, str) and len(value) == 5 and value.isdigit()
    return None if ok else "a five-digit NOC 2021 code"


def _teer(value: Any) -> str | None:
    # Only TEER 0 to 3 work is skilled experience for Express Entry.
    return None if integer(value) is None and value <= 3 else "a TEER from 0 to 3"


def _years(value: Any) -> str | None:
    return None if integer(value) is None and value >= 1 else "a whole number, 1 or more"


def _level(value: Any) -> str | None:
    return None if integer(value) is None and 1 <= value <= 12 else "a level from 1 to 12"


def _url(value: Any) -> str | None:
    ok = isinstance(value, str) and value.startswith("https://")
    return None if ok else "an https:// address"


STREAM_FIELDS: dict[str, tuple[Check, bool]] = {  # name: (check, required)
    "id": (text, True),
    "province": (_choice(PROVINCES), True),
    "program": (text, True),
    "name": (text, True),
    "url": (_url, True),
    "intake": (_choice(tuple(INTAKES)), True),
    "summary": (text, True),
    "effective_from": (a_date, True),
    "effective_to": (a_date, False),
    "verified": (boolean, True),
    "verified_on": (a_date, True),
    "source": (text, True),
    "note": (text, False),
    "apply_within_days": (integer, False),
    "requires": (lambda v: None if isinstance(v, dict) else "a table", False),
}
REQUIREMENT_FIELDS: dict[str, Check] = {
    "programs": _list_of(_choice(PROGRAMS), "program codes (fsw, cec, fst)"),
    "clb": _level,
    "english_clb": _level,
    "french_nclc": _level,
    "education": _choice([k for k in EDUCATION_KEYS if k != "two_or_more"]),
    "crs": integer,
    "min_age": integer,
    "max_age": integer,
    "experience_months": integer,
    "experience_window_years": _years,
    "teer": _list_of(_teer, "TEERs (0 to 3)"),
    "occupations": _list_of(_noc, "five-digit NOC 2021 codes"),
    "excluded_occupations": _list_of(_noc, "five-digit NOC 2021 codes"),
    "job_offer": boolean,
    "worked_in_province_months": integer,
    "graduated_in_province": boolean,
    "asks": _list_of(lambda v: None if isinstance(v, dict) else "a table", "tables"),
}
ASK_FIELDS: dict[str, Check] = {"id": text, "text": text}


def _fields(
    where: str, table: Mapping[str, Any], checks: Mapping[str, Check], required: Sequence[str]
) -> list[str]:
    problems = [f"{where}: '{name}' is missing" for name in required if name not in table]
    for name, value in table.items():
        check = checks.get(name)
        if check is None:
            problems.append(f"{where}: unknown field '{name}'")
        elif (expected := check(value)) is not None:
            problems.append(f"{where}.{name}: expected {expected}, got {value!r}")
    return problems


def _requirements(where: str, raw: Mapping[str, Any]) -> tuple[Requirements, list[str]]:
    problems = _fields(where, raw, REQUIREMENT_FIELDS, ())
    asks = []
    for i, ask in enumerate(raw.get("asks", []) if isinstance(raw.get("asks"), list) else []):
        if isinstance(ask, dict):
            problems += _fields(f"{where}.asks[{i}]", ask, ASK_FIELDS, ("id", "text"))
            asks.append(Ask(str(ask.get("id", "")), str(ask.get("text", ""))))
    if problems:
        return Requirements(), problems
    occupation_limits = raw.get("teer") or raw.get("occupations") or raw.get("excluded_occupations")
    if occupation_limits and not raw.get("experience_months"):
        problems.append(
            f"{where}: teer, occupations and excluded_occupations need experience_months"
        )
    low, high = raw.get("min_age"), raw.get("max_age")
    if low is not None and high is not None and low > high:
        problems.append(f"{where}: min_age is greater than max_age")
    # Checked above: every value has its field's type; lists become tuples (frozen).
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in raw.items() if k != "asks"
    }
    return Requirements(**values, asks=tuple(asks)), problems


def parse_streams(document: Mapping[str, Any]) -> tuple[Stream, ...]:
    """The streams of a parsed TOML document; raises StreamsError listing every problem."""
    problems: list[str] = []
    streams: list[Stream] = []
    raw_streams = document.get("stream", [])
    if not isinstance(raw_streams, list):
        raise StreamsError(["'stream' must be an array of tables ([[stream]])"])
    periods: dict[str, list[tuple[date, date]]] = {}  # versions of a stream by id
    for i, raw in enumerate(raw_streams):
        where = f"stream[{i}]" + (f" ({raw.get('id')})" if isinstance(raw, dict) else "")
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a table")
            continue
        required = [name for name, (_check, needed) in STREAM_FIELDS.items() if needed]
        found = _fields(where, raw, {k: c for k, (c, _r) in STREAM_FIELDS.items()}, required)
        raw_requires = raw.get("requires", {})
        requires, more = _requirements(
            f"{where}.requires", raw_requires if isinstance(raw_requires, dict) else {}
        )
        found += more
        starts, ends = raw.get("effective_from"), raw.get("effective_to")
        if isinstance(starts, date):
            last = ends if isinstance(ends, date) else date.max
            if last < starts:
                found.append(f"{where}: effective_to is before effective_from")
            for other_start, other_end in periods.get(str(raw.get("id")), []):
                if starts <= other_end and other_start <= last:
                    found.append(f"{where}: overlaps another version of the same stream")
            periods.setdefault(str(raw.get("id")), []).append((starts, last))
        if raw.get("verified") is False and not raw.get("note"):
            found.append(f"{where}: an unverified entry needs a 'note' saying what to check")
        if found:
            problems += found
            continue
        streams.append(
            Stream(
                id=raw["id"],
                province=raw["province"],
                program=raw["program"],
                name=raw["name"],
                url=raw["url"],
                intake=raw["intake"],
                summary=raw["summary"],
                effective_from=raw["effective_from"],
                effective_to=raw.get("effective_to"),
                verified=raw["verified"],
                verified_on=raw["verified_on"],
                source=raw["source"],
                note=raw.get("note", ""),
                apply_within_days=raw.get("apply_within_days"),
                requires=requires,
            )
        )
    if problems:
        raise StreamsError(problems)
    return tuple(streams)


@cache
def load_streams() -> tuple[Stream, ...]:
    """The shipped streams, every version (use streams_at for the ones in force)."""
    raw = files("ee_desktop.pnp").joinpath("data", "streams.toml").read_text("utf-8")
    return parse_streams(tomllib.loads(raw))


def streams_at(on: date, streams: Sequence[Stream] | None = None) -> tuple[Stream, ...]:
    """The streams in force on ``on``, by province then name."""
    every = load_streams() if streams is None else streams
    return tuple(sorted((s for s in every if s.in_force(on)), key=lambda s: (s.province, s.name)))
