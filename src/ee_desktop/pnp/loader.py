"""The streams as dated data (data/streams.toml): read, checked, looked up by date."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.dated import (
    Check,
    DataProblems,
    a_date,
    a_table,
    boolean,
    check_fields,
    integer,
    list_of,
    one_of,
    period_problems,
    text,
)
from ee_desktop.pnp.model import INTAKES, OCCUPATION_GROUPS, Ask, Requirements, Stream
from ee_desktop.profile.model import PROVINCES
from ee_desktop.rules.schema import EDUCATION_KEYS

PROGRAMS: tuple[str, ...] = ("fsw", "cec", "fst")
MISSING = "{where}: '{name}' is missing"


class StreamsError(DataProblems):
    """The streams data is malformed; the message lists every problem found."""


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


STREAM_FIELDS: dict[str, Check] = {
    "id": text,
    "province": one_of(*PROVINCES),
    "program": text,
    "name": text,
    "url": _url,
    "intake": one_of(*INTAKES),
    "summary": text,
    "effective_from": a_date,
    "verified": boolean,
    "verified_on": a_date,
    "source": text,
}
STREAM_OPTIONAL: dict[str, Check] = {
    "effective_to": a_date,
    "note": text,
    "apply_within_days": integer,
    "requires": a_table,
}
REQUIREMENT_FIELDS: dict[str, Check] = {
    "programs": list_of(one_of(*PROGRAMS), "program codes (fsw, cec, fst)"),
    "clb": _level,
    "english_clb": _level,
    "french_nclc": _level,
    "education": one_of(*(k for k in EDUCATION_KEYS if k != "two_or_more")),
    "crs": integer,
    "min_age": integer,
    "max_age": integer,
    "experience_months": integer,
    "experience_window_years": _years,
    "teer": list_of(_teer, "TEERs (0 to 3)"),
    "occupations": list_of(_noc, "five-digit NOC 2021 codes"),
    "excluded_occupations": list_of(_noc, "five-digit NOC 2021 codes"),
    "occupation_group": one_of(*OCCUPATION_GROUPS),
    "job_offer": boolean,
    "worked_in_province_months": integer,
    "graduated_in_province": boolean,
    "asks": list_of(a_table, "tables"),
}
ASK_FIELDS: dict[str, Check] = {"id": text, "text": text}


def _requirements(where: str, raw: Mapping[str, Any]) -> tuple[Requirements, list[str]]:
    problems = check_fields(where, raw, {}, REQUIREMENT_FIELDS)
    asks = []
    for i, ask in enumerate(raw.get("asks", []) if isinstance(raw.get("asks"), list) else []):
        if isinstance(ask, dict):
            problems += check_fields(f"{where}.asks[{i}]", ask, ASK_FIELDS, missing=MISSING)
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
    periods = []  # versions of a stream share its id
    for i, raw in enumerate(raw_streams):
        where = f"stream[{i}]" + (f" ({raw.get('id')})" if isinstance(raw, dict) else "")
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a table")
            continue
        periods.append((str(raw.get("id")), where, raw))
        found = check_fields(where, raw, STREAM_FIELDS, STREAM_OPTIONAL, missing=MISSING)
        raw_requires = raw.get("requires", {})
        requires, more = _requirements(
            f"{where}.requires", raw_requires if isinstance(raw_requires, dict) else {}
        )
        found += more
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
    problems += period_problems(
        periods,
        ends_before="{where}: effective_to is before effective_from",
        overlaps="{where}: overlaps another version of the same stream",
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
