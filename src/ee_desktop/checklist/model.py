"""A checklist item: one document for one person at one stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STAGES: tuple[str, ...] = ("profile", "application")


@dataclass(frozen=True, slots=True)
class Requirement:
    key: str  # stable across regenerations: saved states are keyed on it
    stage: str
    person: str  # "applicant", "spouse" or "child:<id>"
    person_label: str
    document: str  # document kind id from data/documents.toml
    title: str
    reason: str
    contents: tuple[str, ...]
    validity: str  # "" when the document does not expire
    source: str
    expires_on: date | None = None
    mandatory: bool = True
