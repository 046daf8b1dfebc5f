"""IRCC's rounds file in the app: stored with distributions and tie-breaks, the 0010
migration of an older database, and the Strategy tab's import of the JSON file."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ee_desktop.paths import database_path
from ee_desktop.services.strategy import StrategyService
from ee_desktop.store import Store, open_store
from ee_desktop.store import database as database_module
from ee_desktop.strategy import builtin_rounds
from ee_desktop.ui.dialogs import ProblemsDialog
from ee_desktop.ui.rounds_dialog import RoundsDialog
from ee_desktop.ui.strategy_view import StrategyView
from tests.conftest import TODAY, FixedPassphrases, services_for

SAMPLE = Path(__file__).resolve().parent / "data" / "ee_rounds_sample.json"


@pytest.fixture
def service(store: Store) -> StrategyService:
    return services_for(store).strategy


def test_json_import_merges_by_draw_number_and_keeps_distributions(
    service: StrategyService, store: Store, data_dir: Path
) -> None:
    result = service.import_rounds(SAMPLE)
    assert (result.kind, result.stored, len(result.rounds)) == ("json", True, 4)
    assert (result.new, result.distributions) == (1, 3)
    assert len(service.rounds()) == len(builtin_rounds()) + 1
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    mine = {r.number: r for r in services_for(reopened).strategy.user_rounds()}
    reopened.close()
    latest = mine[434]
    assert latest.tie_break == datetime(2025, 10, 11, 14, 55, 49, tzinfo=UTC)
    assert latest.distribution is not None and latest.distribution.as_on == date(2026, 8, 3)
    assert latest.distribution.total == 229_100 and mine[1].distribution is None


def test_editing_rounds_in_the_table_keeps_their_distribution(
    qtbot: QtBot, service: StrategyService
) -> None:
    service.import_rounds(SAMPLE)
    dialog = RoundsDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.save()
    kept = {r.number: r.distribution for r in service.user_rounds()}
    assert kept[434] is not None and kept[434].total == 229_100


def test_a_bad_json_file_stores_nothing(service: StrategyService, tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["rounds"][1]["drawCRS"] = "5x6"
    bad = tmp_path / "ee_rounds_123_en.json"
    bad.write_text(json.dumps(data))
    result = service.import_rounds(bad, keep_good_rows=True)
    assert not result.stored and service.user_rounds() == []
    assert result.problems == (
        "round 2 (draw 432), drawCRS: got '5x6'; expected a whole number from 0 to 1200",
    )


def test_an_0009_database_upgrades_and_keeps_its_rounds(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database as 0009 wrote it (the values were bound to their rows later, in 0011:
    # that step cannot be undone, so the old schema is made, not downgraded to).
    with monkeypatch.context() as patch:
        patch.setattr(database_module, "HEAD_REVISION", "0009")
        patch.setattr(database_module, "KNOWN_REVISIONS", database_module.KNOWN_REVISIONS[:9])
        open_store(data_dir, FixedPassphrases()).close()
    with sqlite3.connect(database_path(data_dir)) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(rounds)")}
        assert "distribution" not in columns
        raw.execute(
            'INSERT INTO rounds (number, "on", round_type, name, invited, lowest_score, '
            "tie_break, source) VALUES (950, '2026-11-20', 'cec', 'Canadian Experience Class', "
            "3000, 520, '2026-11-01 10:00:00.000000', 'mine')"
        )
    store = open_store(data_dir, FixedPassphrases())
    (kept,) = store.rounds()
    store.close()
    assert (kept.number, kept.lowest_score, kept.distribution) == (950, 520, None)
    assert kept.tie_break == datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
    with sqlite3.connect(database_path(data_dir)) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(rounds)")}
        (version,) = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"distribution", "distribution_on"} <= columns
    assert version == database_module.HEAD_REVISION


def test_strategy_tab_imports_irccs_file_and_says_how_many_are_new(
    qtbot: QtBot, service: StrategyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "ee_desktop.ui.strategy_view.QMessageBox.information",
        lambda _parent, title, text: shown.append((title, text)),
    )
    monkeypatch.setattr(ProblemsDialog, "exec", lambda self: shown.append(("problems", "")) or 0)
    view = StrategyView(service, lambda: TODAY)
    qtbot.addWidget(view)
    result = view.import_rounds(SAMPLE)
    assert result.stored and result.kind == "json"
    assert shown == [("Rounds imported", "4 rounds imported (1 new); distributions for 3.")]
    assert len(service.rounds()) == len(builtin_rounds()) + 1


def test_strategy_tab_lists_the_problems_of_a_bad_json_file(
    qtbot: QtBot, service: StrategyService, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    listed: list[list[str]] = []

    def capture(self: ProblemsDialog) -> int:
        listed.append([self.list.item(i).text() for i in range(self.list.count())])
        return 0

    monkeypatch.setattr(ProblemsDialog, "exec", capture)
    bad = tmp_path / "ee_rounds_123_en.json"
    bad.write_text('{"rounds": [{"drawNumber": "7"}]}')
    view = StrategyView(service, lambda: TODAY)
    qtbot.addWidget(view)
    assert not view.import_rounds(bad).stored
    (problems,) = listed
    assert problems[0] == "round 1 (draw 7), drawDate: missing"
    assert service.user_rounds() == []
