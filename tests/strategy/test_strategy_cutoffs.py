"""Recent cut-offs by round type, and the round types a file qualifies for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from strategy_helpers import TODAY, complete, example, nominated, rules

from ee_desktop.rules import evaluate
from ee_desktop.strategy import Round, builtin_rounds, cleared, cut_offs, qualifying_round_types


def by_type(as_of: date) -> dict[str, tuple[int, date, int]]:
    return {
        c.round_type: (c.recent_lowest, c.last_round, c.rounds_counted)
        for c in cut_offs(builtin_rounds(), as_of)
    }


def test_cut_offs_on_the_test_date() -> None:
    found = by_type(TODAY)
    # CEC: the last three rounds in the six months before 2026-11-24 were 517, 516, 516.
    assert found["cec"] == (516, date(2026, 8, 5), 3)
    # French: 420, 399, 391 -> median 399.
    assert found["french"] == (399, date(2026, 8, 6), 3)
    # PNP: 744, 768 and 708 -> 744.
    assert found["pnp"] == (744, date(2026, 8, 4), 3)
    # Healthcare: only 2026-06-25 (475) in six months.
    assert found["healthcare"] == (475, date(2026, 6, 25), 1)
    # Trades: none in six months; the past year's only one (2026-04-02, 477) is used.
    assert found["trades"] == (477, date(2026, 4, 2), 1)
    assert "general" not in found and "stem" not in found


def test_rounds_after_the_date_are_ignored() -> None:
    found = by_type(date(2025, 3, 1))
    assert found["cec"] == (527, date(2025, 2, 5), 3)  # 542, 527, 521
    assert "healthcare" not in found
    assert by_type(date(2024, 1, 1)) == {}


def test_two_rounds_take_the_higher_score() -> None:
    rounds = [
        Round(None, date(2026, 1, 1), "stem", "STEM", 100, 480, None, "x"),
        Round(None, date(2026, 2, 1), "stem", "STEM", 100, 470, None, "x"),
    ]
    (only,) = cut_offs(rounds, date(2026, 3, 1))
    assert (only.recent_lowest, only.rounds_counted, only.name) == (480, 2, "STEM occupations")


def test_qualifying_round_types() -> None:
    evaluation = evaluate(example(), TODAY, rules())
    assert qualifying_round_types(evaluation) == ("general", "fsw")
    family = evaluate(complete(), TODAY, rules())
    assert qualifying_round_types(family) == ("general", "cec", "fsw", "french")
    with_pnp = evaluate(nominated(example()), TODAY, rules())
    assert qualifying_round_types(with_pnp) == ("general", "fsw", "pnp")
    no_test = replace(example(), applicant=replace(example().applicant, language_tests=()))
    assert qualifying_round_types(evaluate(no_test, TODAY, rules())) == ()


def test_cleared_is_strictly_above_the_cut_off() -> None:
    offs = cut_offs(builtin_rounds(), TODAY)
    assert cleared(399, ("general", "french"), offs) == ()
    assert cleared(400, ("general", "french"), offs) == ("french",)
    assert cleared(1000, ("general", "fsw", "pnp"), offs) == ("pnp",)
