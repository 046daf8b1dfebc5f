"""The main window, offscreen: empty state, import and export through the menu, geometry."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from ee_desktop.profile import decode
from ee_desktop.store import Store, open_store
from ee_desktop.ui import dialogs
from ee_desktop.ui.dialogs import PassphraseDialog
from ee_desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLE, RULES_UPDATE, TODAY, FixedPassphrases, services_for


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir, FixedPassphrases())
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, data_dir: Path) -> MainWindow:
    created = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(created)
    created.show()
    return created


@pytest.fixture
def shown_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Dialogs opened by the window, recorded instead of blocking."""
    seen: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        seen.append(self)
        return 0

    monkeypatch.setattr(dialogs.ProblemsDialog, "exec", fake_exec)
    monkeypatch.setattr(dialogs.AboutDialog, "exec", fake_exec)
    return seen


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path, save: bool = False) -> None:
    name = "getSaveFileName" if save else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def test_new_user_sees_what_to_do_first(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.empty_state
    text = window.findChild(QLabel, "empty_state_text")
    assert text is not None and "create your personal file" in text.text()
    assert not window.action_export.isEnabled()


def test_import_through_the_menu_shows_the_overview(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(monkeypatch, EXAMPLE)
    window.action_import.trigger()
    assert window.stack.currentWidget() is window.home
    assert window.overview.heading.text() == "Personal file of Asha Rao"
    assert "IELTS General Training" in window.overview.rows["language_tests"].text()
    assert "not entered" in window.overview.rows["passport"].text()
    assert "Missing: 2" in window.overview.summary.text()
    assert window.action_export.isEnabled()


def test_empty_state_button_imports_too(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    choose_file(monkeypatch, EXAMPLE)
    qtbot.mouseClick(window.empty_state.import_button, Qt.MouseButton.LeftButton)
    assert window.service.current() is not None


def test_invalid_file_shows_every_problem_and_changes_nothing(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example_data: dict[str, Any],
    shown_dialogs: list[QDialog],
) -> None:
    example_data["applicant"]["language_tests"][0]["reading"] = 12
    example_data["spouse"]["accompanying"] = "yes"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(example_data))
    choose_file(monkeypatch, bad)
    window.action_import.trigger()
    (dialog,) = shown_dialogs
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]  # type: ignore[attr-defined]
    assert len(items) == 2
    assert items[0].startswith("applicant.language_tests[0].reading: got 12")
    assert items[1].startswith('spouse.accompanying: got "yes"')
    assert window.service.current() is None
    assert window.stack.currentWidget() is window.empty_state


def test_second_import_can_replace_or_keep_both(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example_data: dict[str, Any],
) -> None:
    assert window.import_file(EXAMPLE)
    example_data["applicant"]["given_names"] = "Ravi"
    partner = tmp_path / "ravi.json"
    partner.write_text(json.dumps(example_data))

    monkeypatch.setattr(MainWindow, "ask_replace_or_keep", lambda self: None)
    assert not window.import_file(partner)
    assert window.service.current().applicant.given_names == "Asha"  # type: ignore[union-attr]

    monkeypatch.setattr(MainWindow, "ask_replace_or_keep", lambda self: "keep")
    assert window.import_file(partner)
    assert [f.label for f in window.service.files()] == ["Asha Rao", "Ravi Rao"]
    assert window.toolbar.isVisibleTo(window)
    assert window.file_switcher.currentText() == "Ravi Rao"

    window.file_switcher.setCurrentIndex(0)
    window.file_switcher.activated.emit(0)
    assert window.overview.heading.text() == "Personal file of Asha Rao"

    monkeypatch.setattr(MainWindow, "ask_replace_or_keep", lambda self: "replace")
    assert window.import_file(partner)
    assert [f.label for f in window.service.files()] == ["Ravi Rao", "Ravi Rao"]


def test_export_through_the_menu(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example_data: dict[str, Any],
) -> None:
    window.import_file(EXAMPLE)
    target = tmp_path / "exported.json"
    choose_file(monkeypatch, target, save=True)
    window.action_export.trigger()
    assert decode(json.loads(target.read_text()), today=TODAY) == decode(example_data, today=TODAY)


def test_about_names_the_data_folder(
    window: MainWindow, data_dir: Path, shown_dialogs: list[QDialog]
) -> None:
    window.action_about.trigger()
    (dialog,) = shown_dialogs
    text = dialog.findChild(QLabel, "about_text")
    assert text is not None and str(data_dir) in text.text()
    assert "system keyring" in text.text()


def test_window_geometry_persists(qtbot: QtBot, store: Store, data_dir: Path) -> None:
    first = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800x600)
    first.close()
    second = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)


def test_passphrase_dialog_checks_new_passphrase(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(new=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.repeat.setText("short")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "at least" in dialog.message.text()
    dialog.passphrase.setText("long enough one")
    dialog.repeat.setText("long enough two")
    dialog.accept()
    assert "differ" in dialog.message.text()
    dialog.repeat.setText("long enough one")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_app_start_asks_again_after_a_wrong_passphrase(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, qtbot: QtBot
) -> None:
    from ee_desktop import gui

    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    open_store(data_dir, FixedPassphrases("the right passphrase")).close()
    answers = iter(["a wrong passphrase", "the right passphrase"])
    errors: list[str] = []

    def fake_ask(self: dialogs.DialogPassphrases, new: bool) -> str:
        errors.append(self.error)
        return next(answers)

    monkeypatch.setattr(dialogs.DialogPassphrases, "_ask", fake_ask)
    store = gui.unlock_store(data_dir)
    assert store is not None
    store.close()
    assert errors[0] == "" and errors[1].startswith("The passphrase is wrong")


def test_example_file_can_be_saved_and_imported(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "example.json"
    choose_file(monkeypatch, target, save=True)
    window.empty_state.example_button.click()
    assert json.loads(target.read_text()) == json.loads(EXAMPLE.read_text())
    choose_file(monkeypatch, target)
    window.empty_state.import_button.click()
    assert window.service.current() is not None


def test_overview_shows_the_score_and_the_rules_date(window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    score = window.overview.score.text()
    assert "CRS score on" in score and "Eligible for: Federal Skilled Worker" in score
    note = window.overview.score_note.text()
    assert "rules verified up to" in note


def test_overview_shows_the_outlook_and_how_fresh_the_rounds_are(window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    lines = window.overview.outlook.text().splitlines()
    assert len(lines) >= 2
    assert any("profiles in the pool had" in line for line in lines[:-1])
    assert lines[-1].startswith("Rounds of invitations known up to")
    assert "canada.ca" in lines[-1]


def test_rules_dialog_installs_and_removes_a_rules_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown_dialogs: list[QDialog]
) -> None:
    from ee_desktop.ui.rules_dialog import RulesDialog

    dialog = RulesDialog(window.service.rules, window)
    qtbot.addWidget(dialog)
    assert "Rules in use: version" in dialog.summary.text()
    assert dialog.table.rowCount() == 0
    broken = tmp_path / "broken.toml"
    broken.write_text("[[crs.sibling]]\npoints = 'many'\n")
    assert not dialog.install(broken)
    (problems,) = shown_dialogs
    assert problems.list.count() >= 1  # type: ignore[attr-defined]
    update = tmp_path / "sibling.toml"
    update.write_text(RULES_UPDATE)
    assert dialog.install(update)
    assert dialog.table.item(0, 0).text() == "sibling.toml"
    assert dialog.table.item(0, 3).text() == "In use"
    assert "2026.11.1" in window.service.rules.rules.rules_version
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_selected()
    assert dialog.table.rowCount() == 0
    assert "+" not in window.service.rules.rules.rules_version


def test_overview_rows_are_replaced_not_stacked(window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    window.refresh()
    window.refresh()
    sections = window.service.overview() or []
    assert window.overview._grid.count() == 3 * len(sections)
    labels = window.overview.findChildren(QLabel, "overview.applicant")
    assert len(labels) == 1
