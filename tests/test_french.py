"""The app in French from end to end: every wizard page, every tab and both PDFs are read
back as text, and no English sentence may remain.

English is recognised by its small words ("the", "your", "with"…), which French never
uses; what the user typed (names, employers, a school's name) is taken out first.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ee_desktop import i18n
from ee_desktop.profile import load
from ee_desktop.report import render
from ee_desktop.store import Store
from ee_desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLE, REPO, TODAY, services_for
from tests.report.report_helpers import pages, report_input

ENGLISH_WORDS = frozenset(
    "the and your you of to with for is are this that from not have has will be if when "
    "what which must can been was were they their it its by into than then these those "
    "there here about after before until only also each every any some more less yet "
    "should would could does do did who whom whose how why where".split()
)
with (REPO / "src" / "ee_desktop" / "pnp" / "data" / "streams.toml").open("rb") as _data:
    STREAMS = tomllib.load(_data)["stream"]
TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"(https?://|www\.)\S+|\S+\.(ca|com|org|gc\.ca)\S*")


def typed_by_the_user() -> list[str]:
    """Every text value in the example file, longest first (so parts go after wholes), and
    the provinces' program and stream names that have no official French form."""
    found: list[str] = [
        text
        for stream in STREAMS
        for text in (stream["program"], stream["name"])
        if i18n._(text) == text
    ]

    def walk(value: Any) -> None:
        if isinstance(value, str) and len(value) > 2:
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    return sorted(set(found), key=len, reverse=True)


def english_in(texts: Iterable[str]) -> list[str]:
    """Each English word left once tags, links and user data are out, in its context."""
    user_data = typed_by_the_user()
    english = []
    for text in texts:
        cleaned = " ".join(URL.sub(" ", TAG.sub(" ", text)).split())
        for value in user_data:
            cleaned = cleaned.replace(value, " ")
        for word in re.finditer(r"[^\W\d_]+", cleaned):  # letters, accented ones included
            # Codes in capitals (BE, IT, TO) are not words; a sentence's first word may be.
            if not word.group().isupper() and word.group().casefold() in ENGLISH_WORDS:
                english.append(cleaned[max(0, word.start() - 40) : word.end() + 40])
    return english


def model_texts(
    model: QAbstractItemModel | None, parent: QModelIndex | None = None
) -> Iterator[str]:
    if model is None:
        return
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private: they have one column
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield header
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        first = model.index(row, 0, parent)
        try:
            nested = model.hasChildren(first)
        except TypeError:  # private in list and table models: they have no children
            nested = False
        if nested:
            yield from model_texts(model, first)


def widget_texts(root: QWidget) -> list[str]:
    """What the user can read in ``root``: labels, buttons, titles, lists, tables, tips."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.whatsThis(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            texts += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += list(model_texts(widget.model()))
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    return [text for text in texts if text]


@pytest.fixture
def window(
    french: None, qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    created = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(created)
    created.resize(1024, 700)
    created.show()
    return created


def test_every_tab_and_menu_is_french(window: MainWindow, qtbot: QtBot) -> None:
    seen = [window.home.tabText(i) for i in range(window.home.count())]
    for index in range(window.home.count()):
        window.home.setCurrentIndex(index)
        qtbot.wait(10)
        seen += widget_texts(window.home.widget(index))
    for menu_action in window.menuBar().actions():
        seen.append(menu_action.text())
        menu = menu_action.menu()
        if menu is not None:
            seen += [action.text() for action in menu.actions()]
    seen += widget_texts(window.toolbar)
    assert {"&Fichier", "A&perçu"} <= set(seen)
    found = english_in(seen)
    assert found == [], "\n".join(sorted(set(found)))


def test_every_wizard_page_is_french(window: MainWindow, qtbot: QtBot) -> None:
    window.edit_file()
    wizard = window.wizard
    seen: list[str] = []
    for key in wizard.page_keys():
        wizard.go_to(key)
        qtbot.wait(10)
        seen += widget_texts(wizard)
    assert len(wizard.page_keys()) > 5
    found = english_in(seen)
    assert found == [], "\n".join(sorted(set(found)))


@pytest.mark.parametrize("kind", ["worksheet", "checklist", "deadlines"])
def test_pdf_is_french(french: None, kind: str) -> None:
    # Built here, in French: the helpers' cached input keeps the words of its first language.
    data = report_input(load(EXAMPLE, today=TODAY))
    text = " ".join(pages(render(data, kind=kind)))  # wrapped lines joined again
    assert "Entrée express" in text
    found = english_in([text])
    assert found == [], "\n".join(sorted(set(found)))
