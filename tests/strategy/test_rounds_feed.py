"""IRCC's own rounds file (ee_rounds_123_en.json): parsing, problems, the distribution."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.dated import DataProblems
from ee_desktop.strategy import builtin_rounds
from ee_desktop.strategy.distribution import BANDS, Distribution
from ee_desktop.strategy.rounds_feed import (
    feed_date,
    feed_time,
    looks_like_json,
    parse_rounds_feed,
)

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ee_rounds_sample.json"


def _sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def _problems(document: object) -> tuple[str, ...]:
    with pytest.raises(DataProblems) as caught:
        parse_rounds_feed(document if isinstance(document, str) else json.dumps(document))
    return caught.value.problems


def test_the_sample_reads_with_commas_types_tie_breaks_and_distributions() -> None:
    feed = parse_rounds_feed(SAMPLE.read_text(encoding="utf-8"))
    assert [r.number for r in feed.rounds] == [1, 383, 432, 434]
    first, pnp, cec, transport = feed.rounds
    assert (first.round_type, first.distribution, first.tie_break) == ("general", None, None)
    assert pnp.round_type == "pnp" and pnp.invited == 1123 and pnp.lowest_score == 729  # "1,123"
    # "March 05, 2025 at 05:10:48" (no UTC) and "July 3rd 2026 at 21:35:13 UTC"
    assert pnp.tie_break == datetime(2025, 3, 5, 5, 10, 48, tzinfo=UTC)
    assert cec.tie_break == datetime(2026, 7, 3, 21, 35, 13, tzinfo=UTC)
    assert cec.round_type == "cec" and cec.invited == 3000
    assert transport.round_type == "transport"
    assert transport.on == date(2026, 8, 7) and transport.lowest_score == 470
    d = transport.distribution
    assert d is not None and d.as_on == date(2026, 8, 3)
    assert d.total == 229_100 and d.count("dd2") == 19_705
    assert feed.with_distribution == 3 and feed.notes == ()


def test_the_sample_agrees_with_the_shipped_rounds() -> None:
    shipped = {r.number: r for r in builtin_rounds()}
    for r in parse_rounds_feed(SAMPLE.read_text(encoding="utf-8")).rounds:
        if r.number in shipped:
            s = shipped[r.number]
            assert (r.on, r.round_type, r.invited, r.lowest_score, r.tie_break) == (
                s.on,
                s.round_type,
                s.invited,
                s.lowest_score,
                s.tie_break,
            )
            assert r.distribution == s.distribution


def test_every_shipped_round_has_irccs_distribution() -> None:
    shipped = builtin_rounds()
    assert all(r.distribution is not None for r in shipped)
    latest = shipped[-1].distribution
    assert latest is not None and latest.as_on == date(2026, 8, 3) and latest.total == 229_100


def test_a_shipped_distribution_needs_18_counts_and_its_date() -> None:
    from ee_desktop.strategy.rounds import parse_rounds

    base = {
        "date": date(2026, 8, 7),
        "type": "cec",
        "name": "Canadian Experience Class",
        "invited": 3000,
        "lowest_score": 516,
    }
    document = {
        "meta": {"source": "test", "retrieved_on": date(2026, 8, 7)},
        "rounds": [
            {**base, "distribution_on": date(2026, 8, 3), "distribution": [1, 2, 3]},
            {**base, "distribution": list(range(18))},
        ],
    }
    with pytest.raises(DataProblems) as caught:
        parse_rounds(document)
    assert caught.value.problems == (
        "rounds[0].distribution: expected a list of 18 whole numbers (dd1 to dd18), got [1, 2, 3]",
        "rounds[1]: expected distribution and distribution_on together",
    )


def test_distribution_bands_are_irccs_and_add_up() -> None:
    bounds = {b.key: (b.low, b.high) for b in BANDS}
    assert bounds["dd1"] == (601, 1200) and bounds["dd3"] == (451, 500)
    assert bounds["dd4"] == (491, 500) and bounds["dd8"] == (451, 460)
    assert bounds["dd9"] == (401, 450) and bounds["dd14"] == (401, 410)
    assert bounds["dd17"] == (0, 300) and [b.key for b in BANDS][-1] == "dd18"
    assert [b.key for b in BANDS if b.is_subtotal] == ["dd3", "dd9"]
    feed = parse_rounds_feed(SAMPLE.read_text(encoding="utf-8"))
    d = feed.rounds[-1].distribution
    assert d is not None
    top = ("dd1", "dd2", "dd3", "dd9", "dd15", "dd16", "dd17")
    assert sum(d.count(k) for k in top) == d.total
    assert d.count("dd3") == sum(d.count(f"dd{i}") for i in range(4, 9))
    assert d.at_or_above(501) == d.count("dd1") + d.count("dd2")
    assert d.at_or_above(455) is None  # inside a band
    with pytest.raises(ValueError):
        Distribution(date(2026, 1, 1), (1, 2, 3))


def test_feed_dates_and_times_as_ircc_writes_them() -> None:
    assert feed_date("2026-08-07") == date(2026, 8, 7)
    assert feed_date("August 3, 2026") == date(2026, 8, 3)
    assert feed_date("Sometime") is None
    assert feed_time("October 11, 2025 at 14:55:49 UTC") == datetime(
        2025, 10, 11, 14, 55, 49, tzinfo=UTC
    )
    assert feed_time("May 21, 2026 at  12:14:09 UTC") is not None
    assert feed_time("March 02. 2024 at 01:58:34 UTC") == datetime(
        2024, 3, 2, 1, 58, 34, tzinfo=UTC
    )
    assert feed_time("June 22, 2021 at 08:19:59 PM UTC") == datetime(
        2021, 6, 22, 20, 19, 59, tzinfo=UTC
    )
    assert feed_time("October 7 at 16:38:21 UTC") is None  # no year


def test_unreadable_tie_break_and_lettered_number_are_notes_not_problems() -> None:
    data = _sample()
    data["rounds"][0]["drawCutOff"] = "October 7 at 16:38:21 UTC"
    data["rounds"][1]["drawNumber"] = "91a"
    feed = parse_rounds_feed(json.dumps(data))
    assert len(feed.notes) == 2
    assert "draw 434" in feed.notes[0] and "tie-break" in feed.notes[0]
    assert "91a" in feed.notes[1]
    assert None in [r.number for r in feed.rounds]


def test_not_json_is_one_problem() -> None:
    (problem,) = _problems("number,date\n1,2026-01-01\n")
    assert "not a JSON file" in problem


def test_json_without_rounds_is_named() -> None:
    (problem,) = _problems({"classes": "wb-tables"})
    assert "'rounds'" in problem


def test_every_problem_is_named_with_the_round_and_the_field() -> None:
    data = _sample()
    broken = copy.deepcopy(data)
    del broken["rounds"][0]["drawCRS"]  # draw 434
    broken["rounds"][1]["drawSize"] = "3,0x0"  # draw 432
    broken["rounds"][2]["dd5"] = "lots"  # draw 383
    broken["rounds"][3]["drawName"] = "Lottery winners"  # draw 1
    problems = _problems(broken)
    assert len(problems) == 4
    assert problems[0].startswith("round 1 (draw 434), drawCRS") and "missing" in problems[0]
    assert problems[1].startswith("round 2 (draw 432), drawSize: got '3,0x0'")
    assert problems[2].startswith("round 3 (draw 383), dd5: got 'lots'")
    assert problems[3].startswith("round 4 (draw 1), drawName: got 'Lottery winners'")


def test_out_of_range_score_and_bad_date_are_problems() -> None:
    data = _sample()
    data["rounds"][0]["drawCRS"] = "1,300"
    data["rounds"][0]["drawDate"] = "2026-02-30"
    problems = _problems(data)
    assert any("drawCRS: got '1,300'" in p for p in problems)
    assert any("drawDate: got '2026-02-30'" in p for p in problems)


def test_json_is_told_from_csv_by_content() -> None:
    assert looks_like_json('\ufeff  {"rounds": []}')
    assert not looks_like_json("number,date,type\n")
