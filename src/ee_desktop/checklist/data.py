"""Read the document rules (data/documents.toml) and country names, once per process."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ee_desktop.checklist.model import STAGES

DATA_DIR = Path(__file__).resolve().parent / "data"
ROLES = frozenset({"applicant", "spouse", "scored_spouse", "child", "adult_child"})


class DocumentDataError(ValueError):
    """The documents data file is malformed."""


@dataclass(frozen=True, slots=True)
class DocumentRule:
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
    source: str
    effective_from: date
    effective_to: date | None
    mandatory: bool
    notes: Mapping[str, str]

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


def _rule(order: int, raw: Mapping[str, Any]) -> DocumentRule:
    where = f"document #{order + 1} ({raw.get('key', '?')})"
    try:
        trigger, _sep, argument = str(raw["trigger"]).partition(":")
        rule = DocumentRule(
            order=order,
            id=str(raw["id"]),
            key=str(raw["key"]),
            stage=str(raw["stage"]),
            who=tuple(str(w) for w in raw["who"]),
            trigger=trigger,
            argument=argument,
            title=str(raw["title"]),
            reason=str(raw["reason"]),
            contents=tuple(str(c) for c in raw.get("contents", ())),
            validity=str(raw.get("validity", "")),
            source=str(raw["source"]),
            effective_from=raw["effective_from"],
            effective_to=raw.get("effective_to"),
            mandatory=bool(raw.get("mandatory", True)),
            notes={str(k): str(v) for k, v in raw.get("notes", {}).items()},
        )
    except KeyError as missing:
        raise DocumentDataError(f"{where}: missing field {missing}") from None
    if rule.stage not in STAGES:
        raise DocumentDataError(f"{where}: unknown stage {rule.stage!r}")
    if not rule.who or not set(rule.who) <= ROLES:
        raise DocumentDataError(f"{where}: unknown role in {rule.who!r}")
    if not isinstance(rule.effective_from, date) or not isinstance(rule.effective_to, date | None):
        raise DocumentDataError(f"{where}: effective dates must be TOML dates")
    return rule


def parse_documents(text: str) -> tuple[DocumentRule, ...]:
    raw = tomllib.loads(text)
    meta = raw.get("meta", {})
    if meta.get("format") != "ee-desktop.documents" or meta.get("format_version") != 1:
        raise DocumentDataError("not an ee-desktop.documents file, version 1")
    return tuple(_rule(i, entry) for i, entry in enumerate(raw.get("document", ())))


@cache
def document_rules() -> tuple[DocumentRule, ...]:
    """The built-in document rules, in display order."""
    return parse_documents((DATA_DIR / "documents.toml").read_text(encoding="utf-8"))
