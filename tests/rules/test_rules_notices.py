"""What the rules say about themselves on screen: a settlement funds table a year old or
more may have been replaced; the reported 3 November 2026 CRS change is a notice whose
text says plainly that a later score may differ from IRCC's."""

from __future__ import annotations

from datetime import date

from ee_desktop.rules.evaluation import evaluate
from tests.strategy.strategy_helpers import example, rules


def _notices(on: date) -> dict[str, tuple[str, str]]:
    return {n.id: (n.title, n.text) for n in evaluate(example(), on, rules()).notices}


def test_a_funds_table_in_force_for_a_year_says_when_it_was_published() -> None:
    assert "funds-table-age" not in _notices(date(2026, 7, 6))  # 2025 table, not a year old
    title, text = _notices(date(2026, 7, 7))["funds-table-age"]
    assert title == "Settlement funds: the table of July 7, 2025"
    assert "a newer one may be in force" in text
    assert "funds-table-age" not in _notices(date(2025, 5, 1))  # the 2024 table had ended


def test_the_reported_crs_change_says_a_later_score_may_differ() -> None:
    title, text = _notices(date(2026, 11, 24))["crs-2026-11-03"]
    assert "may differ from the score IRCC gives you" in text
    assert "crs-2026-11-03" not in _notices(date(2026, 9, 1))  # announced 2026-10-01
