"""Values in force on a date: the base, the period and field checks, the one error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest

from ee_desktop.checklist.data import DocumentDataError
from ee_desktop.dated import (
    DataProblems,
    Dated,
    a_date,
    a_datetime,
    a_table,
    boolean,
    check_fields,
    chronological,
    in_force_on,
    integer,
    list_of,
    one_of,
    period_problems,
    positive,
    string,
    text,
)
from ee_desktop.deadlines import LimitsError
from ee_desktop.pnp import StreamsError
from ee_desktop.rules import RulesError


@dataclass(frozen=True, slots=True)
class Rate(Dated):
    value: int


def rate(start: date, end: date | None, value: int = 0) -> Rate:
    return Rate(effective_from=start, effective_to=end, source="test", value=value)


# In force on a date ------------------------------------------------------------------------


def test_both_ends_of_a_period_are_in_force() -> None:
    item = rate(date(2020, 1, 1), date(2020, 12, 31))
    assert not item.in_force(date(2019, 12, 31))
    assert item.in_force(date(2020, 1, 1))
    assert item.in_force(date(2020, 12, 31))
    assert not item.in_force(date(2021, 1, 1))


def test_without_an_end_a_value_stays_in_force() -> None:
    item = rate(date(2020, 1, 1), None)
    assert not item.in_force(date(2019, 12, 31))
    assert item.in_force(date(2020, 1, 1))
    assert item.in_force(date.max)


def test_the_entry_in_force_is_picked_from_a_sorted_sequence() -> None:
    first = rate(date(2015, 1, 1), date(2017, 12, 31), 1)
    second = rate(date(2018, 1, 1), date(2019, 6, 30), 2)
    last = rate(date(2020, 1, 1), None, 3)  # a gap before it: nothing in force then
    items = chronological([last, first, second])
    assert items == (first, second, last)
    assert in_force_on(items, date(2014, 12, 31)) is None
    assert in_force_on(items, date(2015, 1, 1)) is first
    assert in_force_on(items, date(2017, 12, 31)) is first
    assert in_force_on(items, date(2018, 1, 1)) is second
    assert in_force_on(items, date(2019, 6, 30)) is second
    assert in_force_on(items, date(2019, 7, 1)) is None
    assert in_force_on(items, date(2019, 12, 31)) is None
    assert in_force_on(items, date(2020, 1, 1)) is last
    assert in_force_on(items, date(2099, 1, 1)) is last
    assert in_force_on((), date(2020, 1, 1)) is None


# Periods -----------------------------------------------------------------------------------


def entry(start: Any, end: Any = None) -> dict[str, Any]:
    return {"effective_from": start} | ({} if end is None else {"effective_to": end})


def periods(*entries: dict[str, Any], key: str = "t") -> list[tuple[str, str, dict[str, Any]]]:
    return [(key, f"{key}[{i}]", e) for i, e in enumerate(entries)]


def test_successive_periods_are_accepted() -> None:
    found = period_problems(
        periods(
            entry(date(2015, 1, 1), date(2017, 12, 31)),
            entry(date(2018, 1, 1), date(2018, 1, 1)),  # one day
            entry(date(2018, 1, 2)),
        )
    )
    assert found == []


def test_a_period_starting_on_the_last_day_of_another_overlaps() -> None:
    found = period_problems(
        periods(entry(date(2018, 1, 1)), entry(date(2015, 1, 1), date(2018, 1, 1)))
    )
    assert found == [
        "t[0].effective_from: periods overlap with t[1]; expected a date after 2018-01-01"
    ]


def test_an_open_period_overlaps_every_later_one() -> None:
    found = period_problems(periods(entry(date(2015, 1, 1)), entry(date(2030, 1, 1))))
    assert found == [
        "t[1].effective_from: periods overlap with t[0]; expected a date after 9999-12-31"
    ]


def test_a_long_period_is_found_overlapping_one_that_is_not_its_neighbour() -> None:
    found = period_problems(
        periods(
            entry(date(2015, 1, 1), date(2025, 12, 31)),
            entry(date(2016, 1, 1), date(2016, 12, 31)),
            entry(date(2020, 1, 1), date(2020, 12, 31)),
        )
    )
    assert [line.split(":")[0] for line in found] == ["t[1].effective_from", "t[2].effective_from"]
    assert all("overlap with t[0]" in line for line in found)


def test_only_entries_of_one_key_are_versions_of_each_other() -> None:
    found = period_problems(
        periods(entry(date(2015, 1, 1)), key="a") + periods(entry(date(2015, 1, 1)), key="b")
    )
    assert found == []


def test_a_period_must_not_end_before_it_starts() -> None:
    found = period_problems(periods(entry(date(2020, 1, 1), date(2019, 12, 31))))
    assert found == [
        "t[0].effective_to: expected a date on or after effective_from 2020-01-01, got 2019-12-31"
    ]


def test_dates_that_are_not_dates_are_left_to_the_field_checks() -> None:
    moment = datetime(2020, 1, 1, tzinfo=UTC)
    found = period_problems(
        periods(entry("2020-01-01"), entry(moment), entry(date(2020, 1, 1), "never"))
    )
    assert found == []


def test_the_wording_of_period_problems_can_be_a_loader_s_own() -> None:
    found = period_problems(
        periods(
            entry(date(2020, 1, 1), date(2019, 1, 1)),
            entry(date(2018, 1, 1)),
            entry(date(2019, 1, 1)),
        ),
        ends_before="{where}: ends {end}, before {start}",
        overlaps="{where}: overlaps {other} (until {other_end})",
    )
    assert found == [
        "t[0]: ends 2019-01-01, before 2020-01-01",
        "t[2]: overlaps t[1] (until 9999-12-31)",
    ]


# Field checks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "good", "bad", "expected"),
    [
        (a_date, [date(2020, 1, 1)], ["2020-01-01", datetime(2020, 1, 1), None], "a date (YYYY"),
        (a_datetime, [datetime(2020, 1, 1, tzinfo=UTC)], [datetime(2020, 1, 1), date(2020, 1, 1)],
            "a date and time"),
        (integer, [0, 7], [-1, True, 1.0, "1"], "a whole number, 0 or more"),
        (positive, [1], [0, False, 2.5], "a whole number above 0"),
        (string, ["", "x"], [1, None], "a string"),
        (text, ["x"], ["", "  ", 1], "a non-empty string"),
        (boolean, [True, False], [0, "true"], "true or false"),
        (a_table, [{}], [[], "x"], "a table"),
        (one_of("a", "b"), ["a", "b"], ["c", None], "one of a, b"),
        (list_of(one_of("a"), "letters a"), [[], ["a", "a"]], [["b"], "a", None],
            "a list of letters a"),
    ],
)  # fmt: skip
def test_each_check_says_what_it_expected(
    check: Any, good: list[Any], bad: list[Any], expected: str
) -> None:
    assert [check(value) for value in good] == [None] * len(good)
    for value in bad:
        assert check(value) is not None and check(value).startswith(expected), value


def test_fields_are_named_by_their_path() -> None:
    data = {"effective_from": "2015", "days": 3, "colour": "red"}
    found = check_fields(
        "limits.foo[2]", data, {"effective_from": a_date, "source": text}, {"days": positive}
    )
    assert found == [
        "limits.foo[2]: missing field 'source'",
        "limits.foo[2].effective_from: expected a date (YYYY-MM-DD, unquoted), got '2015'",
        "limits.foo[2]: unknown field 'colour'",
    ]


def test_a_loader_can_word_a_missing_field_its_own_way() -> None:
    found = check_fields("x", {}, {"source": text}, missing="{where}.{name}: missing")
    assert found == ["x.source: missing"]
    assert check_fields("x", {"source": "s", "note": "n"}, {"source": text}, {"note": text}) == []


# The one error -----------------------------------------------------------------------------


def test_the_error_carries_one_line_per_problem() -> None:
    error = DataProblems(["a: missing field 'b'", "c.d: expected true or false, got 1"])
    assert error.problems == ("a: missing field 'b'", "c.d: expected true or false, got 1")
    assert str(error) == "a: missing field 'b'\nc.d: expected true or false, got 1"
    assert isinstance(error, ValueError)
    single = DataProblems("not a documents file")
    assert single.problems == ("not a documents file",)
    assert str(single) == "not a documents file"


@pytest.mark.parametrize("error", [RulesError, LimitsError, StreamsError, DocumentDataError])
def test_each_loader_error_is_the_one_error(error: type[DataProblems]) -> None:
    raised = error(["x: expected a table"])
    assert isinstance(raised, DataProblems)
    assert raised.problems == ("x: expected a table",)
