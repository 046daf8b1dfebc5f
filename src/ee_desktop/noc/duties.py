"""What the people of each NOC 2021 unit group do: its lead statement (Statistics Canada,
NOC 2021 V1.0), its main duties and its exclusions (ESDC, OaSIS 2023 Version 1.0).

The data ships in ``noc/data/duties.json.gz`` with its sources, the SHA-256 of the files it
was built from and the licence; ``tools/build_duties_data.py`` builds it. The text is in
English only: :func:`duties_language_note` is the sentence that says so in other languages.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ee_desktop.i18n import _, current_language

DATA_FILE = "duties.json.gz"


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Work classified elsewhere: in unit group ``code``, as these job titles (when named)."""

    code: str
    job_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnitDuties:
    code: str
    lead_statement: str
    main_duties: tuple[str, ...]
    exclusions: tuple[Exclusion, ...]


class DutiesData:
    def __init__(self, document: dict[str, Any]) -> None:
        self.metadata = {k: v for k, v in document.items() if k != "units"}
        self.units: dict[str, UnitDuties] = {
            code: UnitDuties(
                code,
                unit["lead"],
                tuple(unit["duties"]),
                tuple(Exclusion(other, tuple(titles)) for other, titles in unit["exclusions"]),
            )
            for code, unit in document["units"].items()
        }

    def __len__(self) -> int:
        return len(self.units)

    def get(self, code: str) -> UnitDuties | None:
        return self.units.get(code)


@lru_cache(maxsize=1)
def duties_data() -> DutiesData:
    """The shipped duties, read once."""
    data = resources.files("ee_desktop.noc").joinpath("data", DATA_FILE).read_bytes()
    return DutiesData(json.loads(gzip.decompress(data)))


def main_duties(code: str) -> tuple[str, ...]:
    """The main duties of unit group ``code`` (empty for an unknown code)."""
    unit = duties_data().get(code)
    return unit.main_duties if unit else ()


def lead_statement(code: str) -> str:
    """The NOC 2021 lead statement of unit group ``code`` ("" for an unknown code)."""
    unit = duties_data().get(code)
    return unit.lead_statement if unit else ""


def exclusions(code: str) -> tuple[Exclusion, ...]:
    """The work the NOC classifies elsewhere than ``code``, and where."""
    unit = duties_data().get(code)
    return unit.exclusions if unit else ()


def attribution() -> str:
    """The licence's required attribution and the sources, to show with the duties."""
    meta = duties_data().metadata
    return _("{attribution} Sources: {lead_statements}; {duties}.").format(
        attribution=meta["attribution"],
        lead_statements=meta["lead_statements_source"],
        duties=meta["duties_source"],
    )


def duties_language_note(language: str | None = None) -> str:
    """The sentence shown with the duties when the app speaks another language than English
    ("" in English): the duties are published here in English only."""
    if (language or current_language()).startswith("en"):
        return ""
    return _(
        "The lead statements and main duties are shown in English: the app does not have "
        "their official translation yet."
    )
