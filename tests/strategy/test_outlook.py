"""The outlook: the score beside the past year's rounds and the latest pool distribution."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.strategy import Round, builtin_rounds
from ee_desktop.strategy.outlook import freshness, outlook, pool_at
from tests.strategy.strategy_helpers import complete, example, rules

AUGUST = date(2026, 8, 10)


def _round(number: int, on: date, round_type: str, lowest: int) -> Round:
    return Round(number, on, round_type, round_type, 1000, lowest, None, "test")


def test_pool_bounds_come_from_the_band_the_score_falls_in() -> None:
    # Round 434 (2026-08-07, transport): the pool on 2026-08-03, 229,100 profiles.
    shipped = next(r for r in builtin_rounds() if r.number == 434)
    assert shipped.distribution is not None
    pool = pool_at(shipped.distribution, 404)
    # 404 is in 401-410 (dd14, 10,775). Above it: 601+ 500, 501-600 19,705,
    # 451-500 12,939 + 12,890 + 16,368 + 16,057 + 14,845 = 73,099,
    # 411-450 13,595 + 13,267 + 11,942 + 11,326 = 50,130: 143,434 in all.
    assert (pool.low, pool.high) == (143_434, 143_434 + 10_775)
    assert pool.total == 229_100 and pool.distribution_on == date(2026, 8, 3)
    # At a band's lowest score the count is exact: 451 or more is 500 + 19,705 + 73,099.
    exact = pool_at(shipped.distribution, 451)
    assert exact.low == exact.high == 93_304


def test_outlook_of_the_example_uses_the_latest_distribution() -> None:
    found = outlook(example(), AUGUST, builtin_rounds(), rules())
    assert found.score == 404 and found.programs == ("fsw",)
    assert found.pool is not None and (found.pool.low, found.pool.high) == (143_434, 154_209)
    assert found.sentences[-1] == (
        "On August 3, 2026, between 143,434 and 154,209 of the 229,100 profiles in the pool "
        "had 404 points or more."
    )
    assert found.rounds_known_up_to == date(2026, 8, 7)
    # Neither a general nor an FSW round in the year: said so, and left off the headline.
    assert [t.round_type for t in found.round_types] == ["general", "fsw"]
    assert all(t.rounds_12_months == 0 and t.latest is None for t in found.round_types)
    assert found.sentences[0] == "There was no General (all programs) round in the last 12 months."
    assert found.headline == (found.sentences[-1],)


def test_counts_over_the_twelve_months_before_the_date() -> None:
    found = outlook(complete(), AUGUST, builtin_rounds(), rules())
    assert found.score == 537 and found.categories == ("french",)
    by_type = {t.round_type: t for t in found.round_types}
    assert set(by_type) == {"general", "cec", "fsw", "french"}
    cec, french = by_type["cec"], by_type["french"]
    assert (cec.rounds_12_months, cec.cleared_12_months, cec.lowest) == (20, 20, 507)
    assert (cec.latest, cec.latest_on) == (516, date(2026, 8, 5))
    assert (french.rounds_12_months, french.cleared_12_months) == (14, 14)
    assert (french.latest, french.latest_on) == (391, date(2026, 8, 6))
    assert (
        "At 537 you would have been invited in 14 of the 14 French-language proficiency rounds "
        "of the last 12 months (lowest cut-off 391; latest 391 on August 6, 2026)."
    ) in found.sentences
    assert found.headline[0].startswith("At 537 you would have been invited in 20 of the 20 ")


def test_cleared_means_strictly_above_and_older_rounds_do_not_count() -> None:
    rounds = [
        _round(1, date(2025, 8, 10), "cec", 400),  # 365 days before: outside the year
        _round(2, date(2025, 8, 11), "cec", 530),
        _round(3, date(2026, 3, 1), "cec", 537),  # at the cut-off itself: not cleared
        _round(4, date(2026, 8, 1), "cec", 540),
        _round(5, date(2026, 8, 11), "cec", 300),  # after the date
    ]
    found = outlook(complete(), AUGUST, rounds, rules())
    cec = next(t for t in found.round_types if t.round_type == "cec")
    assert (cec.rounds_12_months, cec.cleared_12_months) == (3, 1)
    assert (cec.lowest, cec.latest, cec.latest_on) == (530, 540, date(2026, 8, 1))
    assert found.pool is None  # none of these rounds has a distribution
    assert not any("profiles in the pool" in s for s in found.sentences)
    assert found.rounds_known_up_to == date(2026, 8, 11)


def test_no_distribution_known_gives_no_pool() -> None:
    bare = [replace(r, distribution=None) for r in builtin_rounds()]
    assert outlook(example(), AUGUST, bare, rules()).pool is None


def test_a_file_eligible_for_nothing_gets_no_round_types_and_says_so() -> None:
    base = example()
    nothing = replace(base, applicant=replace(base.applicant, language_tests=()))
    found = outlook(nothing, AUGUST, builtin_rounds(), rules())
    assert found.programs == () and found.round_types == ()
    assert found.sentences[0] == (
        "On August 10, 2026, the file is not eligible for an Express Entry program, so it "
        "would not have been invited in any round."
    )
    assert found.headline[0] == found.sentences[0]


def test_freshness_says_how_to_get_newer_rounds() -> None:
    text = freshness(date(2026, 9, 15))
    assert text.startswith("Rounds of invitations known up to September 15, 2026.")
    assert "canada.ca" in text and "Import rounds…" in text
    assert freshness(None).startswith("No rounds of invitations are known yet.")
