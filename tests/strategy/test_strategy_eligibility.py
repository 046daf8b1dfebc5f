"""Eligibility first: a file eligible for no program gets, before any move worth points,
the move that makes it eligible, with the exact amount and the program it opens; the
other moves are then compared with the rounds it would qualify for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from ee_desktop.profile.model import LanguageTest, Profile
from ee_desktop.rules.evaluation import evaluate
from ee_desktop.store import Store
from ee_desktop.strategy.eligibility import FUNDS_MOVE
from ee_desktop.strategy.output import to_json
from ee_desktop.strategy.plan import full_plan, plan
from ee_desktop.strategy.rounds import builtin_rounds
from ee_desktop.ui.strategy_view import StrategyView
from tests.conftest import services_for
from tests.strategy.strategy_helpers import example, rules

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
