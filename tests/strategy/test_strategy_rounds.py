"""Shipped rounds, checked by hand against the reference notes; CSV import and export."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ee_desktop.strategy import (
    ROUND_TYPES,
    Round,
    builtin_rounds,
    latest_round,
    merge_rounds,
    parse_rounds_csv,
    rounds_to_csv,
)

HEADER = "number,date,type,name,invited,lowest_score,tie_break\n"


def by_number() -> dict[int | None, Round]:
    return {r.number: r for r in builtin_rounds()}


def test_shipped_rounds_cover_2025_to_august_2026_in_date_order() -> None:
    rounds = builtin_rounds()
    assert len(rounds) == 104
    assert [r.on for r in rounds] == sorted(r.on for r in rounds)
    assert rounds[0].on == date(2025, 1, 7)
    assert latest_round(rounds) == date(2026, 8, 7)
    assert {r.round_type for r in rounds} <= set(ROUND_TYPES)
    # Totals given in the reference notes, section 8.
    assert sum(r.invited for r in rounds if r.on.year == 2025) == 113_998
    assert sum(r.invited for r in rounds if r.on.year == 2026) == 113_423


@pytest.mark.parametrize(
    ("number", "on", "round_type", "invited", "lowest", "tie_break"),
    [
        # Rows copied by hand from rules.md section 8.
        (331, date(2025, 1, 7), "pnp", 471, 793, datetime(2024, 11, 25, 16, 57, 27)),
        (341, date(2025, 3, 21), "french", 7500, 379, datetime(2025, 3, 6, 2, 53, 27)),
        (368, date(2025, 9, 18), "trades", 1250, 505, datetime(2024, 11, 5, 22, 36, 9)),
        (383, date(2025, 12, 8), "pnp", 1123, 729, datetime(2025, 3, 5, 5, 10, 48)),
        (397, date(2026, 2, 19), "physicians", 391, 169, datetime(2026, 1, 3, 3, 25, 14)),
        (430, date(2026, 7, 23), "military", 4, 368, datetime(2026, 6, 2, 20, 11, 26)),
        (432, date(2026, 8, 5), "cec", 3000, 516, datetime(2026, 7, 3, 21, 35, 13)),
        (434, date(2026, 8, 7), "transport", 300, 470, datetime(2025, 10, 11, 14, 55, 49)),
    ],
)
def test_shipped_rows_match_the_reference(
    number: int, on: date, round_type: str, invited: int, lowest: int, tie_break: datetime
) -> None:
    item = by_number()[number]
    assert (item.on, item.round_type, item.invited, item.lowest_score) == (
        on,
        round_type,
        invited,
        lowest,
    )
    assert item.tie_break == tie_break.replace(tzinfo=UTC)
    assert "ee_rounds_123_en.json" in item.source


def test_names_are_kept_as_published() -> None:
    assert by_number()[394].name == "French-Language proficiency 2026-Version 2"
    assert by_number()[337].name == "French language proficiency (Version 1)"


def test_csv_round_trip_of_the_shipped_rounds() -> None:
    rounds = builtin_rounds()
    parsed, problems = parse_rounds_csv(rounds_to_csv(rounds))
    assert problems == []
    assert [
        (r.number, r.on, r.round_type, r.name, r.invited, r.lowest_score, r.tie_break)
        for r in parsed
    ] == [
        (r.number, r.on, r.round_type, r.name, r.invited, r.lowest_score, r.tie_break)
        for r in rounds
    ]


def test_bad_rows_are_reported_by_line_and_good_rows_kept() -> None:
    text = (
        HEADER
        + "435,2026-08-19,pnp,Provincial Nominee Program,500,790,2026-05-01 10:00:00\n"
        + '436,2026-08-20,cec,Canadian Experience Class,"3,000",abc,\n'
        + "\n"
        + "437,2026-08-21,lottery,Lucky draw,10,400,\n"
        + "438,2026-13-01,french,French,100,400,\n"
        + "439,2026-08-22,french,French,100,1300,\n"
        + "440,2026-08-23,stem,STEM,100,480,yesterday\n"
        + "441,2026-08-24,,Healthcare and social services occupations,250,460,\n"
    )
    rounds, problems = parse_rounds_csv(text)
    assert [r.number for r in rounds] == [435, 441]
    assert rounds[0].tie_break == datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    assert rounds[1].round_type == "healthcare"  # a blank type is read from the name
    assert problems[0] == (
        "line 3, lowest_score: got 'abc'; expected a whole number from 0 to 1200"
    )
    assert problems[1].startswith("line 5, type: got 'lottery'; expected one of general, cec")
    assert problems[2] == "line 6, date: got '2026-13-01'; expected a date written YYYY-MM-DD"
    assert problems[3].startswith("line 7, lowest_score: got '1300'")
    assert problems[4].startswith("line 8, tie_break: got 'yesterday'")
    assert len(problems) == 5


def test_missing_columns_and_empty_files() -> None:
    rounds, problems = parse_rounds_csv("date,name\n2026-01-01,x\n")
    assert rounds == []
    assert problems[0].startswith("line 1: missing column(s) type, invited, lowest_score")
    assert parse_rounds_csv("")[1][0].startswith("the file is empty")


def test_optional_columns_may_be_left_out_and_reordered() -> None:
    rounds, problems = parse_rounds_csv(
        "\ufefflowest_score,invited,type,date\n505,1000,trades,2026-09-01\n"
    )
    assert problems == []
    assert rounds[0].number is None and rounds[0].tie_break is None
    assert rounds[0].name == "Trade occupations"


def test_merge_replaces_a_round_on_the_same_day_and_type() -> None:
    shipped = builtin_rounds()
    changed = Round(434, date(2026, 8, 7), "transport", "Transport", 350, 468, None, "me")
    new = Round(435, date(2026, 8, 19), "pnp", "PNP", 500, 790, None, "me")
    merged = merge_rounds(shipped, [changed, new])
    assert len(merged) == 105
    assert merged[-1] == new and merged[-2] == changed


@given(
    st.lists(
        st.builds(
            Round,
            number=st.none() | st.integers(1, 9999),
            on=st.dates(date(2015, 1, 1), date(2030, 12, 31)),
            round_type=st.sampled_from(ROUND_TYPES),
            name=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1)
            .map(str.strip)
            .filter(bool),
            invited=st.integers(0, 100_000),
            lowest_score=st.integers(0, 1200),
            tie_break=st.none()
            | st.datetimes(datetime(2015, 1, 1), datetime(2030, 1, 1)).map(
                lambda d: d.replace(microsecond=0, tzinfo=UTC)
            ),
            source=st.just("x"),
        ),
        max_size=8,
    )
)
def test_any_rounds_survive_a_csv_round_trip(rounds: list[Round]) -> None:
    parsed, problems = parse_rounds_csv(rounds_to_csv(rounds))
    assert problems == []
    assert sorted(
        [
            (r.number, r.on, r.round_type, r.name, r.invited, r.lowest_score, r.tie_break)
            for r in parsed
        ],
        key=str,
    ) == sorted(
        [
            (r.number, r.on, r.round_type, r.name, r.invited, r.lowest_score, r.tie_break)
            for r in rounds
        ],
        key=str,
    )
