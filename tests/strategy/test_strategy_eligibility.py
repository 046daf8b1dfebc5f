"""Eligibility first: a file eligible for no program gets, before any move worth points,
the move that makes it eligible, with the exact amount and the program it opens; the
other moves are then compared with the rounds it would qualify for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from ee_desktop.i18n import format_date
from ee_desktop.profile.model import LanguageTest, Profile
from ee_desktop.profile.overview import Status, overview
from ee_desktop.rules.evaluation import evaluate
from ee_desktop.store import Store
from ee_desktop.strategy.eligibility import (
    EXPERIENCE_MOVE,
    FUNDS_MOVE,
    experience_move,
)
from ee_desktop.strategy.output import to_json
from ee_desktop.strategy.plan import full_plan, plan
from ee_desktop.strategy.rounds import builtin_rounds
from ee_desktop.ui.strategy_view import StrategyView
from tests.conftest import services_for
from tests.strategy.strategy_helpers import example, job, rules, single

DAY = date(2026, 7, 1)


def short_of_funds(funds: float = 12_000) -> Profile:
    """The example family of three (needs $23,360 under the 2025 table) with NCLC 7 in
    French, a job outside Canada only: FSW but for the funds, no CEC."""
    base = example()
    tef = LanguageTest("tef_canada", date(2026, 3, 14), "TEF1", 440, 470, 430, 460)
    applicant = replace(base.applicant, language_tests=(*base.applicant.language_tests, tef))
    return replace(base, applicant=applicant, settlement_funds_cad=funds)


def test_the_missing_funds_come_first_with_the_program_they_open() -> None:
    profile = short_of_funds()
    before = evaluate(profile, DAY, rules())
    assert not before.eligible_for_any_program and before.required_funds == 23_360
    found = full_plan(profile, DAY, list(builtin_rounds()), rules())
    items = list(found.items)
    first = items[0]
    assert first.ids == (FUNDS_MOVE,)
    assert first.moves[0].title == "Show $11,360 more in settlement funds"
    assert first.opens == ("fsw",)
    assert "french" in first.clears  # NCLC 7: the French-language rounds open with FSW
    assert first.score_after == before.crs.total and first.points == 0
    assert "eligible for Federal Skilled Worker" in first.summary
    assert "$23,360" in first.moves[0].explanation
    # The moves after it are measured on the file made eligible, against those rounds.
    rest = items[1:]
    assert rest and all(i.summary.startswith("Once eligible: ") for i in rest)
    assert any("french" in i.clears for i in rest)
    document = to_json(DAY, before.crs.total, None, [], found, [])
    assert document["plan"][0]["opens"] == ["fsw"]
    assert document["plan"][0]["moves"][0]["id"] == FUNDS_MOVE
    assert document["every_move"][0]["moves"][0]["id"] == FUNDS_MOVE


def test_no_funds_move_when_the_funds_are_enough_or_not_what_stands_in_the_way() -> None:
    rounds = list(builtin_rounds())
    enough = plan(short_of_funds(23_360), DAY, rounds, rules())
    assert FUNDS_MOVE not in {m.id for i in enough for m in i.moves}
    profile = short_of_funds()
    no_tests = replace(profile, applicant=replace(profile.applicant, language_tests=()))
    blocked = plan(no_tests, DAY, rounds, rules())  # no language result: funds open nothing
    assert FUNDS_MOVE not in {m.id for i in blocked for m in i.moves}


def _new_in_canada(start: date) -> Profile:
    """The example, single, with only a Canadian job started on ``start`` and still held."""
    base = single()
    jobs = (job("CA", start, None, employer="Maple Inc"),)
    return replace(base, applicant=replace(base.applicant, work_history=jobs))


def _changed_occupations() -> Profile:
    """Two years abroad, but never a year in one occupation; the current job started in
    January. Its first year gives no points (the years abroad already count), only FSW."""
    base = single()
    jobs = (
        job("IN", date(2019, 1, 1), date(2019, 9, 30), noc="21232"),
        job("IN", date(2020, 1, 1), date(2020, 9, 30), noc="21231"),
        job("IN", date(2021, 1, 1), date(2021, 9, 30), noc="21222"),
        job("IN", date(2026, 1, 1), None, noc="21211"),
    )
    return replace(
        base,
        applicant=replace(base.applicant, work_history=jobs),
        settlement_funds_cad=20_000,
    )


def test_a_year_of_work_that_opens_programs_comes_first_with_its_day() -> None:
    profile = _new_in_canada(date(2026, 3, 2))
    assert not evaluate(profile, DAY, rules()).eligible_for_any_program
    first = full_plan(profile, DAY, list(builtin_rounds()), rules()).items[0]
    assert first.ids == ("experience:canadian:1",) and first.opens == ("fsw", "cec")
    day = first.ready_on
    assert not evaluate(profile, day - timedelta(days=1), rules()).eligible_for_any_program
    assert evaluate(profile, day, rules()).cec.eligible


def test_keep_working_names_the_day_the_current_job_opens_a_program() -> None:
    profile = _changed_occupations()
    before = evaluate(profile, DAY, rules())
    assert not before.eligible_for_any_program
    found = full_plan(profile, DAY, list(builtin_rounds()), rules())
    first = found.items[0]
    assert first.ids == (EXPERIENCE_MOVE,) and first.opens == ("fsw",)
    day = first.ready_on
    # The engine itself: the day before, nothing is open; on the day, FSW opens.
    assert not evaluate(profile, day - timedelta(days=1), rules()).eligible_for_any_program
    assert evaluate(first.moves[0].profile, day, rules()).fsw.eligible
    assert date(2026, 12, 1) <= day <= date(2027, 1, 1)  # a year of the current job
    assert first.moves[0].title == f"Keep working until {format_date(day)}"
    assert "Federal Skilled Worker" in first.moves[0].explanation
    assert EXPERIENCE_MOVE in {i.ids[0] for i in found.moves}


def test_no_keep_working_move_without_current_work_or_when_every_program_it_can_open_is_open() -> (
    None
):
    ended = _new_in_canada(date(2026, 3, 2))
    stopped = replace(
        ended,
        applicant=replace(
            ended.applicant,
            work_history=(job("CA", date(2026, 3, 2), date(2026, 10, 1)),),
        ),
    )
    assert experience_move(stopped, evaluate(stopped, DAY, rules()), DAY, rules()) is None
    eligible = example()  # eligible for FSW; a software developer's job never opens FST
    assert evaluate(eligible, DAY, rules()).fsw.eligible
    assert experience_move(eligible, evaluate(eligible, DAY, rules()), DAY, rules()) is None


def test_the_strategy_tab_shows_the_funds_first_and_the_program_it_opens(
    qtbot: QtBot, store: Store
) -> None:
    store.save(short_of_funds())
    view = StrategyView(services_for(store, lambda: DAY).strategy, lambda: DAY)
    qtbot.addWidget(view)
    view.refresh()
    assert view.items[0].ids == (FUNDS_MOVE,)
    first = view.model.item(0, 0).text()
    assert first == "Show $11,360 more in settlement funds (opens Federal Skilled Worker)"
    assert "Show $11,360 more in settlement funds" in view.summary.text()


def test_the_overview_names_what_the_nearest_program_still_needs(
    qtbot: QtBot, store: Store
) -> None:
    from ee_desktop.ui.main_window import MainWindow

    store.save(short_of_funds())
    window = MainWindow.open(services_for(store, lambda: DAY), lambda: DAY)
    qtbot.addWidget(window)
    text = window.overview.score.text()
    assert "Not yet eligible for an Express Entry program." in text
    assert "Nearest: Federal Skilled Worker." in text
    assert "$23,360" in text and "$12,000" in text


def test_the_overview_funds_row_says_how_much_is_short() -> None:
    rows = {s.key: s for s in overview(short_of_funds(), 23_360)}
    row = rows["settlement_funds_cad"]
    assert row.status is Status.INCOMPLETE
    assert row.text == (
        "$12,000 available; your family needs $23,360: $11,360 short for the Federal Skilled "
        "Worker and Federal Skilled Trades programs."
    )
    enough = {s.key: s for s in overview(short_of_funds(23_360), 23_360)}
    assert enough["settlement_funds_cad"].status is Status.COMPLETE
    assert "Your family needs $23,360." in enough["settlement_funds_cad"].text
    exempt = {s.key: s for s in overview(short_of_funds(0), 23_360, funds_exempt=True)}
    assert exempt["settlement_funds_cad"].status is Status.COMPLETE
    assert "No proof of settlement funds is needed" in exempt["settlement_funds_cad"].text


def test_the_overview_service_passes_the_requirement_of_the_day(store: Store) -> None:
    store.save(short_of_funds())
    rows = {s.key: s for s in services_for(store, lambda: DAY).files.overview()}
    assert rows["settlement_funds_cad"].status is Status.INCOMPLETE
    assert "$11,360 short" in rows["settlement_funds_cad"].text
