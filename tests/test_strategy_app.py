"""Strategy in use: rounds (shipped, imported, edited), the view and its chart, what-if, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ee_desktop.cli import main
from ee_desktop.profile import decode
from ee_desktop.services.strategy import StrategyService
from ee_desktop.store import Store, open_store
from ee_desktop.strategy import builtin_rounds
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.ui.rounds_dialog import RoundsDialog
from ee_desktop.ui.strategy_view import StrategyView
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases, services_for

CSV = """number,date,type,name,invited,lowest_score,tie_break
900,2026-11-20,general,General,3000,499,2026-11-18 10:00:00
901,2026-11-21,french,French language proficiency,4000,not-a-score,
902,2026-13-01,cec,Canadian Experience Class,3500,520,
903,2026-11-22,cec,Canadian Experience Class,3500,515,
"""


@pytest.fixture
def service(store: Store) -> StrategyService:
    return services_for(store).strategy


def test_csv_import_keeps_good_rows_and_reports_bad_ones_by_line(
    service: StrategyService, tmp_path: Path, store: Store, data_dir: Path
) -> None:
    source = tmp_path / "rounds.csv"
    source.write_text(CSV)
    added, problems = service.import_csv(source)
    assert added == 2
    assert len(problems) == 2
    assert problems[0].startswith("line 3") and "lowest_score" in problems[0]
    assert problems[1].startswith("line 4") and "date" in problems[1]
    assert service.latest_round() == date(2026, 11, 22)
    shipped = len(builtin_rounds())
    assert len(service.rounds()) == shipped + 2
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    again = services_for(reopened).strategy
    assert [r.number for r in again.user_rounds()] == [900, 903]
    reopened.close()


def test_rounds_dialog_checks_and_saves(qtbot: QtBot, service: StrategyService) -> None:
    dialog = RoundsDialog(service)
    qtbot.addWidget(dialog)
    dialog._append(None)
    assert not dialog.save()  # an empty name, invited and score
    assert dialog.problems.text().startswith("row 1")
    for column, value in ((0, "950"), (3, "Healthcare"), (4, "2500"), (5, "470")):
        dialog.model.item(0, column).setText(value)
    dialog.model.item(0, 2).setText("general")
    assert dialog.save()
    assert [r.lowest_score for r in service.user_rounds()] == [470]


@pytest.fixture
def view(qtbot: QtBot, service: StrategyService) -> StrategyView:
    shown = StrategyView(service, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    shown.refresh()
    return shown


def test_view_shows_the_plan_the_chart_and_the_rounds_date(view: StrategyView) -> None:
    assert "Your score today: <b>404</b>" in view.summary.text()
    assert "known up to" in view.freshness.text()
    assert view.model.rowCount() == len(view.items) > 0
    first = view.items[0]
    assert view.model.item(0, 0).text() == first.actions  # numbers have their own columns
    assert str(first.score_after) not in view.model.item(0, 0).text()
    assert view.model.item(0, 3).text() == str(first.score_after)
    assert len(view.chart.points) == 25 and view.chart.points[0].on == TODAY
    birthday = [p for p in view.chart.points if any("31" in e for e in p.events)]
    assert birthday, [p.events for p in view.chart.points if p.events]
    assert view.chart.grab().width() > 0
    assert view.chart.describe().startswith("From 404")


def test_view_lists_every_single_move_and_folds_variants_under_their_line(
    view: StrategyView, qtbot: QtBot
) -> None:
    plan_lines = list(view.items)
    folded = next(n for n, item in enumerate(plan_lines) if item.variants)
    cell = view.model.item(folded, 0).text()
    assert cell.startswith(plan_lines[folded].actions)
    assert f"Other levels of the same moves: {len(plan_lines[folded].variants)}" in cell
    view.table.selectRow(folded)
    assert "Or the same at other levels:" in view.detail.text()
    assert plan_lines[folded].variants[0].actions in view.detail.text()
    view.every.setChecked(True)
    assert view.items == list(view.found.moves) and len(view.items) > len(plan_lines)
    assert all(len(item.moves) == 1 for item in view.items)
    assert view.model.rowCount() == len(view.items)
    assert [view.model.item(n, 1).text() for n in range(len(view.items))] == [
        f"+{item.points}" for item in view.items
    ]
    view.every.setChecked(False)
    assert view.items == plan_lines


def test_chart_has_axis_titles_a_legend_and_today(view: StrategyView) -> None:
    legend = [text for text, _colour, _style in view.chart.legend()]
    assert legend[0] == "Your score if nothing changes" and legend[-1] == "Today"
    assert "A change (birthday, expiry, work)" in legend  # the example turns 31
    # The example qualifies for no round type with a recent cut-off: no cut-off line.
    assert ("Recent cut-off of a round you qualify for" in legend) == bool(view.chart.cut_offs)
    image = view.chart.grab().toImage()
    # The today line is drawn at the first month, in its own colour.
    x = round(view.chart.position(0, 0).x())
    colours = {image.pixelColor(x, y).name() for y in range(20, image.height() - 50)}
    assert any(c.startswith("#2") and c != "#2" for c in colours), colours


def test_view_shows_the_outlook_above_the_plan_and_how_to_get_newer_rounds(
    view: StrategyView,
) -> None:
    outlook = view.outlook.text()
    assert "There was no Federal Skilled Worker round in the last 12 months." in outlook
    assert (
        "On August 3, 2026, between 143,434 and 154,209 of the 229,100 profiles in the pool "
        "had 404 points or more."
    ) in outlook
    layout = view.layout()
    assert layout.indexOf(view.outlook) < layout.indexOf(view.chart)
    freshness = view.freshness.text()
    assert freshness.startswith("Rounds of invitations known up to August 7, 2026.")
    assert "canada.ca" in freshness and "Import rounds…" in freshness


def test_choosing_a_plan_line_compares_factor_by_factor(view: StrategyView, qtbot: QtBot) -> None:
    view.table.selectRow(0)
    assert "<table" in view.detail.text() and view.apply_button.isEnabled()
    with qtbot.waitSignal(view.try_requested) as emitted:
        view.apply_button.click()
    assert emitted.args[0] is not None and emitted.args[1] == view.items[0].ready_on


def test_plan_what_if_is_scored_on_its_date_and_cannot_be_saved(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    window = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(window)
    window.home.setCurrentWidget(window.strategy)
    item = window.strategy.items[0]
    copy = item.profile if item.profile is not None else item.moves[-1].profile
    window.try_changes(copy, item.ready_on)
    assert window.stack.currentWidget() is window.wizard
    assert window.wizard.current_page().key == "review"
    window.wizard.refresh()
    assert window.wizard.score.total.text() == str(item.score_after)
    assert "Your saved file today" in window.wizard.score.hint.text()
    assert not window.wizard.next_button.isEnabled()
    assert "cannot be saved" in window.wizard.reason.text()
    window.wizard.close_button.click()  # kept as a draft: reopened the same way
    again = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.wizard
    again.wizard.refresh()
    assert again.wizard.score.total.text() == str(item.score_after)
    assert not again.wizard.savable
    assert again.service.current() == decode(json.loads(EXAMPLE.read_text()), today=TODAY)


def test_own_changes_are_saved_only_when_the_user_saves(
    qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(window)
    window.try_changes(None)
    assert window.wizard.current_page().key == "about"
    window.wizard.draft["applicant"]["sibling_in_canada"] = True
    window.wizard.refresh()
    assert "Your saved file today: 404 (+15)" in window.wizard.score.hint.text()
    assert window.service.current().applicant.sibling_in_canada is False  # type: ignore[union-attr]
    window.wizard.go_to("review")
    window.wizard.next_button.click()
    assert window.service.current().applicant.sibling_in_canada is True  # type: ignore[union-attr]


def test_strategy_command(capsys: pytest.CaptureFixture) -> None:
    assert main(["strategy", str(EXAMPLE), "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["score"] == 404 and result["plan"] and len(result["projection"]) == 25
    assert all(item["summary"] for item in result["plan"])
    assert main(["strategy", str(EXAMPLE), "--as-of", "2026-11-24"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("CRS score on November 24, 2026: 404") and "If nothing changes" in text


def test_what_if_shows_eligibility_beside_today(
    qtbot: QtBot, store: Store, data_dir: Path, example_data: dict[str, Any]
) -> None:
    window = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(window)
    changed = dict(example_data)
    changed["applicant"] = dict(example_data["applicant"], language_tests=[])
    window.try_changes(decode(changed, today=TODAY))
    window.wizard.refresh()
    window.wizard.go_to("review")
    programs = window.wizard.review.programs.text()
    assert "Federal Skilled Worker (today: eligible): not eligible" in programs
    points = window.wizard.findChild(QLabel, "review:points:first_official_language")
    assert points is not None and "(today " in points.text()


def test_rounds_keep_their_source_and_spreadsheet_encodings_import(
    qtbot: QtBot, service: StrategyService, tmp_path: Path
) -> None:
    source = tmp_path / "excel.csv"
    text = (
        "number,date,type,name,invited,lowest_score,tie_break,source\n"
        "960,2026-11-20,general,General \u2013 Excel,3000,499,,https://www.canada.ca/r#960\n"
    )
    source.write_bytes(text.encode("cp1252"))
    assert service.import_csv(source) == (1, [])
    (round_,) = service.user_rounds()
    assert round_.name == "General \u2013 Excel" and round_.source.endswith("#960")
    dialog = RoundsDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.save()  # nothing edited: nothing changed
    assert service.user_rounds()[0].source.endswith("#960")
