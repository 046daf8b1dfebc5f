"""Test scores to CLB/NCLC, row by row from the official equivalence tables (rules.md s.2)."""

from __future__ import annotations

from datetime import date

import pytest
from rules_helpers import celpip_all, ielts, profile, tef

from ee_desktop.profile.model import LanguageTest
from ee_desktop.rules import facts, load_rules

ABILITIES = ("reading", "writing", "listening", "speaking")

# Minimum score per CLB 10..4 (or 10..3 for PTE), in the order reading, writing, listening,
# speaking, as printed on canada.ca.
IELTS = {
    10: (8.0, 7.5, 8.5, 7.5),
    9: (7.0, 7.0, 8.0, 7.0),
    8: (6.5, 6.5, 7.5, 6.5),
    7: (6.0, 6.0, 6.0, 6.0),
    6: (5.0, 5.5, 5.5, 5.5),
    5: (4.0, 5.0, 5.0, 5.0),
    4: (3.5, 4.0, 4.5, 4.0),
}
CELPIP = {level: (level,) * 4 for level in range(4, 11)}
PTE = {
    10: (88, 90, 89, 89),
    9: (78, 88, 82, 84),
    8: (69, 79, 71, 76),
    7: (60, 69, 60, 68),
    6: (51, 60, 50, 59),
    5: (42, 51, 39, 51),
    4: (33, 41, 28, 42),
    3: (24, 32, 18, 34),
}
TEF_2023 = {
    10: (546, 558, 546, 556),
    9: (503, 512, 503, 518),
    8: (462, 472, 462, 494),
    7: (434, 428, 434, 456),
    6: (393, 379, 393, 422),
    5: (352, 330, 352, 387),
    4: (306, 268, 306, 328),
}
TEF_LEGACY = {
    10: (566,) * 4,
    9: (533,) * 4,
    8: (500,) * 4,
    7: (450,) * 4,
    6: (400,) * 4,
    5: (350,) * 4,
    4: (300,) * 4,
}
TCF = {
    10: (549, 16, 549, 16),
    9: (524, 14, 523, 14),
    8: (499, 12, 503, 12),
    7: (453, 10, 458, 10),
    6: (406, 7, 398, 7),
    5: (375, 6, 369, 6),
    4: (342, 4, 331, 4),
}
STEP = {"ielts_general": 0.5, "celpip_general": 1, "pte_core": 1, "tef_canada": 1, "tcf_canada": 1}

CASES = [
    ("ielts_general", IELTS, date(2025, 6, 1)),
    ("celpip_general", CELPIP, date(2025, 6, 1)),
    ("pte_core", PTE, date(2025, 6, 1)),
    ("tef_canada", TEF_2023, date(2024, 6, 1)),
    ("tef_canada", TEF_LEGACY, date(2023, 6, 1)),
    ("tcf_canada", TCF, date(2025, 6, 1)),
]
ROWS = [
    (test, taken, level, i, minimum)
    for test, table, taken in CASES
    for level, row in table.items()
    for i, minimum in enumerate(row)
]


def clb(test: str, taken: date, ability: str, score: float) -> int:
    return load_rules().language_table(test, taken).clb(ability, score)  # type: ignore[union-attr]


@pytest.mark.parametrize(("test", "taken", "level", "index", "minimum"), ROWS)
def test_every_row_minimum_reaches_its_level_and_one_step_below_does_not(
    test: str, taken: date, level: int, index: int, minimum: float
) -> None:
    ability = ABILITIES[index]
    assert clb(test, taken, ability, minimum) == level
    below = clb(test, taken, ability, minimum - STEP[test])
    assert below < level


def test_scores_below_the_lowest_row_are_below_clb_4() -> None:
    assert clb("ielts_general", date(2025, 1, 1), "listening", 4.0) == 0
    assert clb("celpip_general", date(2025, 1, 1), "reading", 3) == 0
    assert clb("pte_core", date(2025, 1, 1), "reading", 23) == 0


def test_top_scores_stay_at_clb_10() -> None:
    assert clb("celpip_general", date(2025, 1, 1), "reading", 12) == 10
    assert clb("ielts_general", date(2025, 1, 1), "reading", 9.0) == 10
    assert clb("tef_canada", date(2025, 1, 1), "speaking", 699) == 10


def test_tef_scale_depends_on_the_test_date() -> None:
    # 520 everywhere: NCLC 8 on the legacy table, NCLC 9 on the table from 2023-12-11.
    old = profile(tests=(tef(520, 520, 520, 520, taken=date(2023, 12, 10)),))
    new = profile(tests=(tef(520, 520, 520, 520, taken=date(2023, 12, 11)),))
    on = date(2024, 6, 1)
    assert facts(old, on).french.levels == (8, 8, 8, 8)  # type: ignore[union-attr]
    assert facts(new, on).french.levels == (9, 9, 9, 9)  # type: ignore[union-attr]
    assert facts(old, on).french.unverified  # type: ignore[union-attr]


def test_pte_core_counts_only_for_tests_from_30_january_2024() -> None:
    before = LanguageTest("pte_core", date(2024, 1, 29), "X", 90, 90, 90, 90)
    after = LanguageTest("pte_core", date(2024, 1, 30), "X", 90, 90, 90, 90)
    on = date(2024, 6, 1)
    assert facts(profile(tests=(before,)), on).english is None
    assert facts(profile(tests=(after,)), on).english.levels == (10, 10, 10, 10)  # type: ignore[union-attr]


def test_results_count_for_two_years_and_expire_on_the_anniversary() -> None:
    file = profile(tests=(celpip_all(9, taken=date(2024, 3, 15)),))
    assert facts(file, date(2026, 3, 14)).first_language is not None
    assert facts(file, date(2026, 3, 15)).first_language is None


def test_a_test_taken_after_the_evaluation_date_does_not_count() -> None:
    file = profile(tests=(celpip_all(9, taken=date(2026, 5, 1)),))
    assert facts(file, date(2026, 4, 30)).first_language is None


def test_the_most_recent_valid_test_per_language_is_used() -> None:
    older = celpip_all(10, taken=date(2025, 1, 1))
    newer = ielts(6.0, 6.0, 6.0, 6.0, taken=date(2025, 6, 1))
    found = facts(profile(tests=(older, newer)), date(2025, 12, 1))
    assert found.first_language.levels == (7, 7, 7, 7)  # type: ignore[union-attr]
    # After the older test expires the newer one still counts.
    later = facts(profile(tests=(older, newer)), date(2027, 1, 2))
    assert later.first_language.levels == (7, 7, 7, 7)  # type: ignore[union-attr]


def test_ielts_example_from_the_spec() -> None:
    found = facts(
        profile(tests=(ielts(8.5, 7.5, 7.0, 7.5, taken=date(2025, 9, 20)),)), date(2026, 11, 24)
    )
    # listening, reading, writing, speaking
    assert found.first_language.levels == (10, 9, 9, 10)  # type: ignore[union-attr]
