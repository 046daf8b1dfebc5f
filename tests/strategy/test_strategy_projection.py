"""The score month by month if nothing is done, at fixed dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from strategy_helpers import TODAY, complete, example, rules

from ee_desktop.rules import evaluate
from ee_desktop.strategy import projection
from ee_desktop.strategy.projection import month_starts


def test_month_starts() -> None:
    days = month_starts(date(2026, 11, 24), 3)
    assert days == [date(2026, 11, 24), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]


def test_the_example_loses_five_points_at_the_2027_birthday() -> None:
    points = projection(example(), TODAY, rules=rules())
    assert len(points) == 25
    assert (points[0].on, points[0].score, points[0].events) == (TODAY, 404, ())
    by_day = {p.on: p for p in points}
    assert by_day[date(2027, 4, 1)].score == 404
    may = by_day[date(2027, 5, 1)]
    assert may.score == 399
    assert may.events == ("2027-04-12: Turning 31 lowers your score (-5)",)
    october = by_day[date(2027, 10, 1)]
    assert october.events == ("2027-09-20: IELTS General Training results expire (-197)",)
    assert october.score == 202
    assert by_day[date(2028, 5, 1)].events == ("2028-04-12: Turning 32 lowers your score (-5)",)
    assert points[-1].on == date(2028, 11, 1)


def test_every_point_is_the_engine_score_on_its_day() -> None:
    for profile in (example(), complete()):
        for point in projection(profile, TODAY, 12, rules()):
            assert point.score == evaluate(profile, point.on, rules()).crs.total


def test_experience_gains_and_expiries_are_marked() -> None:
    by_day = {p.on: p for p in projection(complete(), TODAY, rules=rules())}
    assert by_day[date(2027, 9, 1)].events == (
        "2027-08-28: 3 years of Canadian work experience (+10)",
    )
    assert by_day[date(2027, 9, 1)].score == 559
    assert by_day[date(2027, 2, 1)].events == (
        "2027-02-01: Spouse's ECA for Delhi University expires (-8)",
    )
    assert by_day[date(2027, 3, 1)].events == (
        "2027-02-26: Spouse or partner: 2 years of Canadian work experience (+2)",
    )


def test_work_leaving_the_ten_year_window_is_marked() -> None:
    # Foreign work from 2016 to mid-2019 leaves the ten-year window; the last full year
    # (1,560 hours at 30 a week: 364 days) stops counting in early July 2028.
    base = example()
    old_job = replace(base.applicant.work_history[0], start=date(2016, 1, 1), end=date(2019, 6, 30))
    test = replace(base.applicant.language_tests[0], taken_on=date(2026, 10, 1))
    profile = replace(
        base,
        applicant=replace(base.applicant, work_history=(old_job,), language_tests=(test,)),
    )
    points = projection(profile, TODAY, 24, rules())
    for before, after in zip(points, points[1:], strict=False):
        listed = sum(int(e.rsplit("(", 1)[1].rstrip(")")) for e in after.events)
        assert after.score - before.score == listed
    events = [e for p in points for e in p.events if "older than ten years" in e]
    assert events == [
        "2028-07-03: Work outside Canada older than ten years stops counting: 0 full years "
        "left (-25)"
    ]
    day = date(2028, 7, 3)
    assert evaluate(profile, day, rules()).crs.total == (
        evaluate(profile, date(2028, 7, 2), rules()).crs.total - 25
    )
