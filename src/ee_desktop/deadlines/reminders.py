"""Reminder lead times (data/reminders.toml): how many days before its due date each kind of
date is announced. A kind is the code that starts a date's uid; kinds not listed use the
user's reminder period alone."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from ee_desktop.dated import Check, DataProblems, check_fields, positive, text

_REQUIRED: dict[str, Check] = {"days": positive, "reason": text}


class RemindersError(DataProblems):
    """The reminders data is malformed; the message lists every problem found."""


def parse_reminders(document: Mapping[str, Any]) -> dict[str, int]:
    """The lead time in days of each kind; RemindersError lists all problems."""
    problems = [f"unknown top-level key {key!r}" for key in sorted(set(document) - {"reminders"})]
    tables = document.get("reminders", {})
    if not isinstance(tables, dict):
        raise RemindersError(["reminders: expected tables of [reminders.<kind>] entries"])
    out: dict[str, int] = {}
    for kind, entry in tables.items():
        where = f"reminders.{kind}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a table")
            continue
        found = check_fields(where, entry, _REQUIRED)
        problems += found
        if not found:
            out[kind] = int(entry["days"])
    if problems:
        raise RemindersError(problems)
    return out


@cache
def load_reminders() -> Mapping[str, int]:
    """The built-in lead times, read once."""
    data = files("ee_desktop.deadlines").joinpath("data", "reminders.toml").read_text("utf-8")
    return parse_reminders(tomllib.loads(data))


def kind_of(uid: str) -> str:
    """A date's kind: the code its uid starts with."""
    return uid.split(":", 1)[0]


def lead_days(uid: str, leads: Mapping[str, int] | None = None) -> int:
    """How many days before its due date the date ``uid`` is announced (0: the user's
    reminder period alone)."""
    return (load_reminders() if leads is None else leads).get(kind_of(uid), 0)
