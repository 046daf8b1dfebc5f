"""The facts the rules look at: the value types, below the modules that compute with them.

``facts.facts`` derives them from a personal file; ``crs``, ``programs`` and the other rules
modules read them. Keeping the types here lets ``facts`` use ``crs`` and ``programs``
without those importing ``facts`` back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from ee_desktop.rules.experience import Stint
from ee_desktop.rules.language import LanguageResult


class SpouseFacts(NamedTuple):
    """An accompanying spouse or partner who is not a Canadian citizen or PR."""

    education_level: str
    language: LanguageResult | None
    canadian_work_years: int
    studied_in_canada_years: int


@dataclass(frozen=True, slots=True)
class Facts:
    as_of: date
    age: int
    education_level: str
    canadian_education: str | None  # 'one_or_two', 'three_or_more' or None
    studied_in_canada_years: int
    first_language: LanguageResult | None
    second_language: LanguageResult | None
    english: LanguageResult | None
    french: LanguageResult | None
    language_choice: str  # 'english', 'french' or 'auto' as given in the file
    canadian_work_years: int
    foreign_work_years: int
    skilled_work_years: int  # Canadian and foreign, for the FSW grid
    spouse: SpouseFacts | None
    spouse_not_counted: str | None  # why a spouse in the file is not scored, if so
    certificate_of_qualification: bool
    nominated: bool
    job_offer_noc: str | None  # a qualifying job offer's NOC code
    sibling_in_canada: bool
    family_size: int
    stints: tuple[Stint, ...]  # the applicant's paid skilled jobs, for program checks

    @property
    def with_spouse(self) -> bool:
        return self.spouse is not None
