"""The forms editor driven like a user would: by the field path in each input's objectName."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ee_desktop.profile.codec import decode
from ee_desktop.profile.model import Profile
from ee_desktop.store import Store, open_store
from ee_desktop.ui.forms.editor import FormsEditor
from tests.conftest import FixedPassphrases, services_for
from tests.history.history_helpers import AS_OF, family_data


def family_store(data_dir: Path, data: dict[str, Any] | None = None) -> Store:
    store = open_store(data_dir, FixedPassphrases())
    store.save(decode(family_data() if data is None else data, today=AS_OF))
    return store


def stored(data_dir: Path) -> Profile:
    """The active file as a fresh start of the app reads it."""
    store = open_store(data_dir, FixedPassphrases())
    try:
        profile = store.load()
    finally:
        store.close()
    assert profile is not None
    return profile


def open_editor(qtbot: QtBot, store: Store) -> FormsEditor:
    editor = FormsEditor(services_for(store, lambda: AS_OF).history, lambda: AS_OF)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    return editor


class Driver:
    def __init__(self, qtbot: QtBot, editor: FormsEditor) -> None:
        self.qtbot = qtbot
        self.editor = editor

    def widget(self, kind: type[QWidget], name: str) -> Any:
        # Show what the user would look at first: the person, the section, the entry.
        self.editor.go_to(name.split(":")[0])
        found = self.editor.findChild(kind, name)
        assert found is not None, f"no {kind.__name__} named {name}"
        return found

    def type(self, path: str, text: str) -> None:
        line: QLineEdit = self.widget(QLineEdit, path)
        line.selectAll()
        if text:
            self.qtbot.keyClicks(line, text)
        else:
            self.qtbot.keyClick(line, Qt.Key.Key_Delete)
        assert line.text() == text

    def choose(self, path: str, value: str) -> None:
        combo: QComboBox = self.widget(QComboBox, path)
        index = combo.findData(value)
        assert index >= 0, (path, value)
        combo.setCurrentIndex(index)

    def tick(self, path: str, on: bool = True) -> None:
        box: QCheckBox = self.widget(QCheckBox, path)
        if box.isChecked() != on:
            self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert box.isChecked() == on

    def click(self, name: str) -> None:
        button: QPushButton = self.widget(QPushButton, name)
        assert button.isEnabled(), name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()

    def label(self, name: str) -> QLabel:
        found: QLabel = self.widget(QLabel, name)
        return found

    def person(self, key: str) -> None:
        self.editor.choose_person(key)
        assert self.editor.current_key() == key

    def settle(self) -> None:
        self.editor.settle()  # what the short timer does after the last keystroke
        QApplication.processEvents()  # new cards are shown on the next turn of the loop

    def findings(self) -> list[str]:
        return self.editor.findings.texts()
