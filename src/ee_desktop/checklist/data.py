"""Read the document rules (data/documents.toml) and country names, once per process."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ee_desktop.checklist.model import STAGES
from ee_desktop.dated import (
    Check,
    DataProblems,
    Dated,
    a_date,
    boolean,
    check_fields,
    list_of,
    period_problems,
    string,
    text,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
ROLES = frozenset({"applicant", "spouse", "scored_spouse", "child", "adult_child"})


def _below(value: Any) -> str | None:
    return None  # checked by _rule_problems, in its own words


def _notes(value: Any) -> str | None:
    ok = isinstance(value, dict) and all(text(v) is None for v in value.values())
    return None if ok else "a table of non-empty strings"


FIELDS: dict[str, Check] = {
    "id": text,
    "key": text,
    "stage": _below,
    "who": _below,
    "trigger": text,
    "title": text,
    "reason": text,
    "source": text,
    "effective_from": _below,
}
OPTIONAL: dict[str, Check] = {
    "contents": list_of(text, "non-empty strings"),
    "validity": string,
    "effective_to": _below,
    "mandatory": boolean,
    "notes": _notes,
    "same_as": text,
}


class DocumentDataError(DataProblems):
    """The documents data file is malformed."""


@dataclass(frozen=True, slots=True)
class DocumentRule(Dated):
    """One [[document]] entry. Text fields are msgids, translated when a checklist is built."""

    order: int
    id: str
    key: str
    stage: str
    who: tuple[str, ...]
    trigger: str
    argument: str
    title: str
    reason: str
    contents: tuple[str, ...]
    validity: str
    mandatory: bool
    notes: Mapping[str, str]
    same_as: str = ""  # the application-stage key of the same document: one shared record


def _rule_problems(where: str, raw: Mapping[str, Any]) -> list[str]:
    problems = check_fields(where, raw, FIELDS, OPTIONAL)
    if "stage" in raw and raw["stage"] not in STAGES:
        problems.append(f"{where}: unknown stage {raw['stage']!r}")
    who = raw.get("who", [])
    if "who" in raw and not (
        isinstance(who, list) and who and all(isinstance(w, str) and w in ROLES for w in who)
    ):
        problems.append(f"{where}: unknown role in {who!r}")
    if any(a_date(raw[name]) for name in ("effective_from", "effective_to") if name in raw):
        problems.append(f"{where}: effective dates must be TOML dates")
    return problems


def _rule(order: int, raw: Mapping[str, Any]) -> DocumentRule:
    trigger, _sep, argument = raw["trigger"].partition(":")
    return DocumentRule(
        order=order,
        id=raw["id"],
        key=raw["key"],
        stage=raw["stage"],
        who=tuple(raw["who"]),
        trigger=trigger,
        argument=argument,
        title=raw["title"],
        reason=raw["reason"],
        contents=tuple(raw.get("contents", ())),
        validity=raw.get("validity", ""),
        source=raw["source"],
        effective_from=raw["effective_from"],
        effective_to=raw.get("effective_to"),
        mandatory=raw.get("mandatory", True),
        notes=dict(raw.get("notes", {})),
        same_as=raw.get("same_as", ""),
    )


def parse_documents(text: str) -> tuple[DocumentRule, ...]:
    """The [[document]] entries of a documents file; DocumentDataError lists every problem."""
    raw = tomllib.loads(text)
    meta = raw.get("meta", {})
    if meta.get("format") != "ee-desktop.documents" or meta.get("format_version") != 1:
        raise DocumentDataError("not an ee-desktop.documents file, version 1")
    entries = raw.get("document", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DocumentDataError("document: expected an array of tables [[document]]")
    places = [f"document[{i}] ({e.get('key', '?')})" for i, e in enumerate(entries)]
    problems = [
        p for where, e in zip(places, entries, strict=True) for p in _rule_problems(where, e)
    ]
    # Versions of one document for one trigger (e.g. the medical exam before and after a
    # change) follow each other; different triggers of one key may be in force together.
    problems += period_problems(
        (f"{e.get('key')} {e.get('trigger')}", where, e)
        for where, e in zip(places, entries, strict=True)
    )
    problems += _same_as_problems(list(zip(places, entries, strict=True)))
    if problems:
        raise DocumentDataError(problems)
    return tuple(_rule(i, entry) for i, entry in enumerate(entries))


def _same_as_problems(entries: list[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """``same_as`` links a profile entry to an application entry's key, the same way for
    every entry of one key (their records are shared)."""
    application = {e.get("key") for _where, e in entries if e.get("stage") == "application"}
    linked: dict[object, object] = {}
    problems = []
    for where, e in entries:
        target = e.get("same_as")
        if target is not None and (e.get("stage") != "profile" or target not in application):
            problems.append(f"{where}: same_as must name the key of an application entry")
        if linked.setdefault(e.get("key"), target) != target:
            problems.append(f"{where}: every entry of key {e.get('key')!r} needs the same same_as")
    return problems


@cache
def document_rules() -> tuple[DocumentRule, ...]:
    """The built-in document rules, in display order."""
    return parse_documents((DATA_DIR / "documents.toml").read_text(encoding="utf-8"))


@cache
def _shared_keys() -> Mapping[str, str]:
    return {r.key: r.same_as for r in document_rules() if r.same_as}


def record_key(key: str) -> str:
    """The key of the record an item's progress is kept in: the item's own key, except for a
    profile item that is the same document as an application item (passport, language
    results, ECA), which shares the application item's record. Items are keyed
    "<key>:<person>[:<detail>]"; records saved under either item key read the same."""
    head, sep, rest = key.partition(":")
    return _shared_keys().get(head, head) + sep + rest
