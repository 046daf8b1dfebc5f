"""Language results: convert test scores to CLB/NCLC and keep the valid, most recent test."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from ee_desktop.profile.codes import TEST_LANGUAGE
from ee_desktop.profile.model import LanguageTest
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.loader import RuleSet


class LanguageResult(NamedTuple):
    """CLB (English) or NCLC (French) per ability, from one test."""

    language: str
    test: str
    taken_on: date
    expires_on: date
    listening: int
    reading: int
    writing: int
    speaking: int
    unverified: bool = False

    @property
    def levels(self) -> tuple[int, int, int, int]:
        return (self.listening, self.reading, self.writing, self.speaking)

    @property
    def lowest(self) -> int:
        return min(self.listening, self.reading, self.writing, self.speaking)


def convert(test: LanguageTest, rules: RuleSet, years: int) -> LanguageResult | None:
    """The test's levels, or None when no equivalence table covers its date."""
    table = rules.language_table(test.test, test.taken_on)
    if table is None:
        return None
    return LanguageResult(
        language=TEST_LANGUAGE[test.test],
        test=test.test,
        taken_on=test.taken_on,
        expires_on=add_years(test.valid_from, years),
        listening=table.clb("listening", test.listening),
        reading=table.clb("reading", test.reading),
        writing=table.clb("writing", test.writing),
        speaking=table.clb("speaking", test.speaking),
        unverified=table.unverified,
    )


def valid_results(
    tests: Iterable[LanguageTest], as_of: date, rules: RuleSet, years: int
) -> dict[str, LanguageResult]:
    """Per language, the most recent test still valid on ``as_of``."""
    best: dict[str, LanguageResult] = {}
    for test in tests:
        if test.taken_on > as_of or as_of >= add_years(test.valid_from, years):
            continue
        result = convert(test, rules, years)
        if result is None:
            continue
        current = best.get(result.language)
        if current is None or (result.taken_on, sum(result.levels)) > (
            current.taken_on,
            sum(current.levels),
        ):
            best[result.language] = result
    return best
