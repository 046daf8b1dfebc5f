"""The forms editor in the main window: opened from the Application tab and the Overview,
each person's status beside the button, both views refreshed after a save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.profile.milestones import Milestone
from ee_desktop.store import Store
from ee_desktop.ui.forms.editor import FormsEditor
from ee_desktop.ui.main_window import MainWindow
from tests.conftest import services_for
from tests.history.history_helpers import AS_OF
from tests.ui_forms.forms_helpers import Driver, family_store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = family_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(FormsEditor, "ask_unsaved", lambda self: "discard")
    created = MainWindow.open(services_for(store, lambda: AS_OF), lambda: AS_OF)
    qtbot.addWidget(created)
    created.resize(1366, 768)
    created.show()
    return created


def _status(window: MainWindow) -> str:
    label = window.application.findChild(QLabel, "application:forms_status")
    assert label is not None
    return label.text()


def test_the_application_tab_shows_each_persons_forms_and_opens_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.application.service.record(Milestone("invitation", date(2026, 6, 1)), AS_OF)
    window.home.setCurrentWidget(window.application)
    status = _status(window)
    for name in ("Meera Iyer", "Karthik Iyer", "Anjali Iyer"):
        assert f"{name}: " in status
    assert status.count("✓ Complete") == 3 and "Arjun" not in status
    assert window.application.forms.people == {
        "applicant": "Complete",
        "spouse": "Complete",
        "child:0": "Complete",
    }

    qtbot.mouseClick(window.application.forms.button, Qt.MouseButton.LeftButton)
    editor = window.forms_editor
    assert editor is not None and editor.isVisible() and editor.isModal()
    d = Driver(qtbot, editor)
    d.person("spouse")
    d.click("spouse.personal_history[2]:remove")  # 2019-01 to 2019-03
    d.click("forms:save")
    assert window.application.forms.people["spouse"] == "1 gap or overlap"
    assert "Karthik Iyer: " in _status(window) and "1 gap or overlap" in _status(window)
    # After the invitation, the blockers, refreshed with it, name the forms too.
    blockers = [window.application.blockers.item(i).text()
                for i in range(window.application.blockers.count())]  # fmt: skip
    assert any("Karthik Iyer" in text and "1 gap or overlap" in text for text in blockers)


def test_the_overview_opens_the_forms_and_shows_the_saved_status(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.home.currentWidget() is window.overview
    button = window.overview.forms_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = window.forms_editor
    assert editor is not None and editor.isVisible()
    assert [editor.person.itemData(i) for i in range(editor.person.count())] == [
        "applicant",
        "spouse",
        "child:0",
    ]
    d = Driver(qtbot, editor)
    d.click("applicant.personal_history[1]:remove")
    d.click("forms:save")
    assert "Meera Iyer: 1 gap or overlap" in window.overview.rows["application_forms"].text()
    d.click("forms:close")
    assert not editor.isVisible()


def test_a_wizard_draft_of_the_same_file_is_settled_before_the_forms_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.wizard_service.start_edit()
    monkeypatch.setattr(MainWindow, "ask_about_draft", lambda self: "cancel")
    assert window.open_forms() is None and window.forms_editor is None
    monkeypatch.setattr(MainWindow, "ask_about_draft", lambda self: "discard")
    editor = window.open_forms()
    assert editor is not None and editor.isVisible()
    assert window.wizard_service.store.draft() is None
