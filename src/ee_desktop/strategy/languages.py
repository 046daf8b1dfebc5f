"""Language-test helpers: the table for a new sitting, and scores that keep given levels."""

from __future__ import annotations

from datetime import date

from ee_desktop.profile.codes import TEST_LANGUAGE
from ee_desktop.profile.model import ABILITIES, Profile
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.loader import RuleSet
from ee_desktop.rules.tables import LanguageTable

APPLICANT, SPOUSE = "applicant", "spouse"
DEFAULT_TEST = {"english": "ielts_general", "french": "tef_canada"}


def min_score(table: LanguageTable, ability: str, level: int) -> float | None:
    """The smallest score that reaches ``level`` in ``ability``, or None when none does."""
    if level <= 0:
        return 0.0
    for threshold, reached in zip(table.thresholds[ability], table.levels[ability], strict=True):
        if reached >= level:
            return threshold
    return None


def table_for(rules: RuleSet, test: str, on: date) -> tuple[str, LanguageTable] | None:
    """The table for a new sitting of ``test`` on ``on``, or of the language's default test
    when ``test`` is no longer accepted then."""
    for name in (test, DEFAULT_TEST[TEST_LANGUAGE[test]]):
        table = rules.language_table(name, on)
        if table is not None:
            return name, table
    return None


def raw_scores(profile: Profile, person: str, result: LanguageResult | None) -> dict[str, float]:
    """The scores on the test behind ``result``, as recorded in the file."""
    if result is None:
        return {}
    holder = profile.applicant if person == APPLICANT else profile.spouse
    tests = () if holder is None else holder.language_tests
    for test in tests:
        if test.test == result.test and test.taken_on == result.taken_on:
            return {a: test.score(a) for a in ABILITIES}
    return {}


def kept_scores(
    result: LanguageResult | None, raw: dict[str, float], table: LanguageTable
) -> dict[str, float] | None:
    """Scores that give the same levels as ``result`` under ``table`` (the recorded score
    when it does, else the smallest that does)."""
    out = {}
    for ability in ABILITIES:
        level = 0 if result is None else int(getattr(result, ability))
        have = raw.get(ability)
        if have is not None and table.clb(ability, have) == level:
            out[ability] = have
            continue
        needed = min_score(table, ability, level)
        if needed is None:
            return None
        out[ability] = needed
    return out
