"""Language: which one is used, where the choice is kept, the catalogue's completeness,
Qt's translators, and switching language in the running app without losing work."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ee_desktop import i18n, preferences
from ee_desktop.gui import Session
from ee_desktop.store import Store
from tests.cli.helpers import run_cli
from tests.conftest import services_for
from tools import catalog


@pytest.mark.parametrize(
    ("environ", "preferred", "expected"),
    [
        ({"LANG": "fr_CA.UTF-8"}, [], "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, [], "fr"),  # first one spoken wins
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_CA.UTF-8"}, [], "fr"),
        ({"LANG": "de_DE.UTF-8"}, [], "en"),  # not spoken by the app: English
        ({"LANG": "en_CA.UTF-8"}, ["fr-CA", "en-CA"], "fr"),  # the desktop's list first
        ({}, ["French_Canada"], "fr"),  # Windows' spelling
        ({"LANG": "C"}, [], "en"),
    ],
)
def test_system_language(environ: dict[str, str], preferred: list[str], expected: str) -> None:
    assert i18n.system_language(environ, preferred) == expected


def test_language_choice_persists_and_falls_back_to_the_system(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    assert preferences.language_choice(data_dir) is None
    assert preferences.language_to_use(data_dir) == "fr"  # the system's
    preferences.set_language_choice(data_dir, "en")
    assert preferences.language_choice(data_dir) == "en"
    assert preferences.language_to_use(data_dir) == "en"  # the choice wins
    preferences.set_language_choice(data_dir, None)
    assert preferences.language_to_use(data_dir) == "fr"
    with pytest.raises(ValueError):
        preferences.set_language_choice(data_dir, "xx")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"language": "klingon"}', ""])
def test_a_damaged_preferences_file_means_no_choice(data_dir: Path, content: str) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / preferences.PREFERENCES_FILE).write_text(content, encoding="utf-8")
    assert preferences.language_choice(data_dir) is None
    preferences.set_language_choice(data_dir, "fr")  # and it can be written again
    saved = json.loads((data_dir / preferences.PREFERENCES_FILE).read_text(encoding="utf-8"))
    assert saved == {"language": "fr"}


def test_a_missing_catalogue_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.install("fr") == "en"  # the app still starts; the self-test names the fault
    assert i18n.current_language() == "en" and i18n._("Passport") == "Passport"


def test_every_message_has_a_french_translation_that_keeps_its_placeholders() -> None:
    """Fails on any user-visible text added without French, or a translation that drops
    a placeholder or a keyboard shortcut; also when the .mo is older than the .po."""
    assert catalog.problems("fr") == []


def test_formats_follow_the_language() -> None:
    day = date(2026, 11, 24)
    assert i18n.format_date(day) == "November 24, 2026"
    assert i18n.format_money(13757) == "$13,757"
    i18n.install("fr")
    assert i18n.format_date(day) == "24 novembre 2026"
    assert i18n.format_date(day, "short") == "2026-11-24"
    assert i18n.format_money(13757) == "13\u00a0757\u00a0$"
    assert i18n.format_number(1234.5) == "1\u00a0234,5"
    assert i18n.country_name("US") == "États-Unis"
    assert i18n.format_date(date(2026, 10, 1)) == "1er octobre 2026"  # French's ordinal first
    assert i18n.format_date(date(2026, 10, 11)) == "11 octobre 2026"
    assert i18n.decimal_mark() == ","
    i18n.install("en")
    assert i18n.format_date(date(2026, 10, 1)) == "October 1, 2026"


def test_core_and_qt_texts_come_from_the_catalogue(french: None) -> None:
    translated = QCoreApplication.translate("MainWindow", "&Tools")
    assert translated == "&Outils"
    # A Qt plural: the count picks the form and fills %n.
    one = QCoreApplication.translate(
        "PassphraseDialog", "The passphrase needs at least %n characters.", "", 1
    )
    many = QCoreApplication.translate(
        "PassphraseDialog", "The passphrase needs at least %n characters.", "", 12
    )
    assert "1" in one and "12" in many and "passphrase" not in many
    assert QLocale().name() == "fr_CA"


def test_scores_show_with_a_decimal_comma_in_french_and_read_back(french: None) -> None:
    from ee_desktop.wizard.fields import parse_number, show_number

    assert show_number(7.5) == "7,5"
    assert parse_number(show_number(7.5)) == 7.5
    assert show_number(25000) == "25000"


LONG_SESSION = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
app = QCoreApplication([])
from ee_desktop.ui.translator import apply_language
apply_language("fr")
before = sys.getrefcount(None)
for _ in range(20000):
    QCoreApplication.translate("MainWindow", "&Tools")  # no disambiguation
    QKeySequence("Ctrl+D").toString(QKeySequence.SequenceFormat.NativeText)  # Qt's own tr()
assert sys.getrefcount(None) > before - 1000, sys.getrefcount(None) - before  # 40000 lookups
"""


def test_a_long_french_session_keeps_the_interpreter_sound() -> None:
    """Many lookups through the catalogue translator, and a clean exit afterwards."""
    done = subprocess.run(
        [sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_qt_own_dialog_buttons_are_french(french: None, qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None and button.text().replace("&", "") == "Annuler"


def test_choosing_french_rebuilds_the_window_and_keeps_the_draft(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    session = Session(data_dir, date.today, services_for(store))
    english = session.window
    qtbot.addWidget(english)
    english.home.setCurrentIndex(2)
    english.edit_file()  # the wizard open on the file, then a change typed in
    english.wizard.draft["applicant"]["given_names"] = "Asha Maria"
    page = english.wizard.current_page().key

    english.language_actions["fr"].trigger()

    french = session.window
    qtbot.addWidget(french)
    assert french is not english and not english.isVisible() and french.isVisible()
    assert preferences.language_choice(data_dir) == "fr"
    assert i18n.current_language() == "fr"
    menus = [action.text() for action in french.menuBar().actions()]
    assert menus == ["&Fichier", "&Outils", "&Aide"]
    assert french.stack.currentWidget() is french.wizard  # the draft reopened…
    assert french.wizard.current_page().key == page  # …on the same page…
    assert french.wizard.draft["applicant"]["given_names"] == "Asha Maria"  # …unchanged
    assert french.language_actions["fr"].isChecked()

    french.language_actions[""].trigger()  # back to the system's language (English here)
    assert preferences.language_choice(data_dir) is None
    qtbot.addWidget(session.window)
    assert session.window.menuBar().actions()[0].text() == "&File"


def test_a_language_that_cannot_be_saved_changes_nothing(
    qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))

    def read_only(directory: Path, language: str | None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ee_desktop.gui.set_language_choice", read_only)
    session = Session(data_dir, date.today, services_for(store))
    window = session.window
    qtbot.addWidget(window)
    window.language_actions["fr"].trigger()
    assert session.window is window and i18n.current_language() == "en"
    assert window.language_actions[""].isChecked()
    assert len(warned) == 1 and "Permission denied" in warned[0]


def test_a_draft_kept_for_later_stays_closed_when_the_language_changes(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    session = Session(data_dir, date.today, services_for(store))
    qtbot.addWidget(session.window)
    session.window.edit_file()
    session.window.wizard.leave()  # "Close (keep draft)": back to the tabs
    assert session.window.stack.currentWidget() is session.window.home

    session.window.language_actions["fr"].trigger()

    qtbot.addWidget(session.window)
    assert session.window.stack.currentWidget() is session.window.home
    assert session.window.wizard_service.resume() is not None  # the draft is still kept


def test_language_cannot_change_under_a_pdf_export(
    qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ee_desktop.ui.report_export import ReportChoice, ReportExport

    session = Session(data_dir, date.today, services_for(store))
    window = session.window
    qtbot.addWidget(window)
    monkeypatch.setattr(ReportChoice, "exec", lambda self: ReportChoice.DialogCode.Accepted)
    monkeypatch.setattr(ReportChoice, "kind", lambda self: "checklist")
    monkeypatch.setattr(ReportExport, "ask_to_open", lambda self, path: None)
    target = str(tmp_path / "out.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (target, "")))
    job = window.export_pdf()
    assert job is not None and not window.language_menu.isEnabled()
    qtbot.waitUntil(lambda: window.language_menu.isEnabled(), timeout=30000)


def test_command_line_speaks_the_chosen_language(data_dir: Path) -> None:
    preferences.set_language_choice(data_dir, "fr")
    helped = run_cli(data_dir, "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("utilisation\u00a0: ee-desktop")
    assert "afficher ce message d'aide et quitter" in helped.stdout
    wrong = run_cli(data_dir, "checklist", "--as-of", "24/11/2026")
    assert wrong.returncode == 2
    assert "erreur" in wrong.stderr and "AAAA-MM-JJ" in wrong.stderr, wrong.stderr


def test_command_line_follows_the_system_without_a_choice(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli(data_dir, "--help").stdout.startswith("usage: ee-desktop")
    monkeypatch.setenv("LANGUAGE", "fr_CA")
    assert run_cli(data_dir, "--help").stdout.startswith("utilisation\u00a0: ee-desktop")
