"""The wizard, driven like a user would: from an empty app to a saved, scored personal file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from ee_desktop.store import Store, open_store
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.wizard.view import WizardView
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases, services_for


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir, FixedPassphrases())
    yield opened
    opened.close()


def open_window(qtbot: QtBot, store: Store, data_dir: Path) -> MainWindow:
    # The wizard evaluates "today"; the expected scores are for 2026-11-24.
    window = MainWindow.open(services_for(store), lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    return window


@pytest.fixture
def window(qtbot: QtBot, store: Store, data_dir: Path) -> MainWindow:
    return open_window(qtbot, store, data_dir)


class Driver:
    """Finds widgets by the field path in their objectName and acts on them."""

    def __init__(self, qtbot: QtBot, wizard: WizardView) -> None:
        self.qtbot = qtbot
        self.wizard = wizard

    def page_key(self) -> str:
        return self.wizard.current_page().key

    def widget(self, kind: type, name: str):  # type: ignore[no-untyped-def]
        found = self.wizard.current_page().findChild(kind, name)
        assert found is not None, f"no {kind.__name__} named {name} on {self.page_key()}"
        return found

    def type(self, path: str, text: str) -> None:
        line = self.widget(QLineEdit, path)
        line.clear()
        if text.isascii():
            self.qtbot.keyClicks(line, text)
        else:  # QTest cannot synthesise keys for every character; edit as an input method would
            line.setText(text)
            line.textEdited.emit(text)

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

    def section(self, path: str, on: bool = True) -> None:
        group: QGroupBox = self.widget(QGroupBox, path + ":present")
        group.setChecked(on)

    def click(self, name: str) -> None:
        button: QPushButton = self.wizard.findChild(QPushButton, name)
        assert button is not None, name
        assert button.isEnabled(), (name, self.wizard.reason.text())
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def settle(self) -> None:
        self.wizard.refresh()  # what the short timer does after the last keystroke

    def next(self, expect: str) -> None:
        self.settle()
        self.click("wizard:next")
        assert self.page_key() == expect, (self.page_key(), self.wizard.reason.text())

    def label(self, name: str) -> str:
        found = self.wizard.findChild(QLabel, name)
        assert found is not None, name
        return found.text()


def start(qtbot: QtBot, window: MainWindow) -> Driver:
    qtbot.mouseClick(window.empty_state.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.wizard
    return Driver(qtbot, window.wizard)


def fill_about(d: Driver, status: str, born: str) -> None:
    d.type("applicant.given_names", "Lina")
    d.type("applicant.family_name", "Haddad")
    d.type("applicant.date_of_birth", born)
    d.choose("applicant.marital_status", status)
    d.choose("applicant.country_of_residence", "IN")


def test_single_applicant_with_ielts_and_foreign_work(qtbot: QtBot, window: MainWindow) -> None:
    d = start(qtbot, window)
    assert d.page_key() == "about"
    fill_about(d, "never_married", "1994-05-06")
    d.next("children")  # no spouse: the spouse page is skipped
    d.next("language")
    d.click("applicant.language_tests:add")
    d.choose("applicant.language_tests[0].test", "ielts_general")
    d.type("applicant.language_tests[0].taken_on", "2025-06-01")
    d.type("applicant.language_tests[0].registration_number", "25IN000111HADL")
    for ability, score in (
        ("listening", "8"),
        ("reading", "7"),
        ("writing", "7"),
        ("speaking", "7"),
    ):
        d.type(f"applicant.language_tests[0].{ability}", score)
    d.settle()
    # The level of each ability shows as the score is typed.
    assert d.label("applicant.language_tests[0].listening:level") == "CLB 9"
    assert d.label("applicant.language_tests[0].reading:level") == "CLB 9"
    d.next("education")
    d.click("applicant.education:add")
    d.choose("applicant.education[0].level", "bachelors")
    d.type("applicant.education[0].program_length_years", "4")
    d.choose("applicant.education[0].country", "IN")
    d.type("applicant.education[0].institution", "Anna University")
    d.type("applicant.education[0].field", "Computer science")
    d.type("applicant.education[0].completed_on", "2015-06-30")
    d.section("applicant.education[0].eca")
    d.choose("applicant.education[0].eca.organization", "WES")
    d.type("applicant.education[0].eca.reference", "4455667")
    d.type("applicant.education[0].eca.issued_on", "2024-01-10")
    d.choose("applicant.education[0].eca.level", "bachelors")
    d.next("work")
    d.click("applicant.work_history:add")
    d.type("applicant.work_history[0].title", "Software developer")
    d.type("applicant.work_history[0].employer", "Infosys")
    d.type("applicant.work_history[0].noc_code", "21232")
    d.choose("applicant.work_history[0].country", "IN")
    d.type("applicant.work_history[0].start", "2016-01-01")
    d.type("applicant.work_history[0].end", "2025-12-31")
    d.type("applicant.work_history[0].hours_per_week", "40")
    d.settle()
    assert "TEER 1" in d.label("applicant.work_history[0].noc_code:title")
    # 2016-11-24 to 2025-12-31 falls in the last ten years: 9 full years abroad.
    assert d.label("work:summary") == (
        "Counted skilled experience: 0 year(s) in Canada, 9 year(s) abroad."
    )
    d.next("additional")
    d.next("funds")
    d.type("settlement_funds_cad", "20000")
    d.next("review")
    # Single, 32: age 94 + bachelor's 120 + CLB 9 x4 (31 each) 124 = 338 core;
    # transferability: bachelor's with CLB 9 = 25, 3+ years abroad with CLB 9 = 50.
    assert d.label("score:total") == "413"
    assert d.label("score:core") == "338" and d.label("score:transferability") == "75"
    assert "Federal Skilled Worker: eligible" in d.label("review:programs")
    d.click("wizard:next")  # "Save personal file"

    assert window.stack.currentWidget() is window.home
    saved = window.service.current()
    assert saved is not None
    a = saved.applicant
    assert (a.given_names, a.date_of_birth, a.marital_status) == (
        "Lina",
        date(1994, 5, 6),
        "never_married",
    )
    assert saved.spouse is None and saved.settlement_funds_cad == 20000
    test = a.language_tests[0]
    assert (test.test, test.listening, test.reading, test.speaking) == ("ielts_general", 8, 7, 7)
    assert a.education[0].eca is not None and a.education[0].eca.reference == "4455667"
    job = a.work_history[0]
    assert (job.noc_code, job.end, job.hours_per_week, job.paid) == (
        "21232",
        date(2025, 12, 31),
        40,
        True,
    )
    assert window.wizard_service.store.draft() is None


def test_married_applicant_with_spouse_french_and_canadian_work(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = start(qtbot, window)
    fill_about(d, "married", "1990-02-01")
    d.next("spouse")
    d.tick("spouse.accompanying", True)
    d.tick("spouse.canadian_citizen_or_pr", False)
    d.type("spouse.given_names", "Omar")
    d.type("spouse.family_name", "Haddad")
    d.type("spouse.date_of_birth", "1991-03-03")
    d.click("spouse.language_tests:add")
    d.type("spouse.language_tests[0].taken_on", "2025-10-01")
    d.type("spouse.language_tests[0].registration_number", "25LB000222HADO")
    for ability, score in (
        ("listening", "7"),
        ("reading", "6.5"),
        ("writing", "6.5"),
        ("speaking", "6.5"),
    ):
        d.type(f"spouse.language_tests[0].{ability}", score)
    d.click("spouse.education:add")
    d.choose("spouse.education[0].level", "bachelors")
    d.type("spouse.education[0].program_length_years", "3")
    d.choose("spouse.education[0].country", "LB")
    d.type("spouse.education[0].institution", "Lebanese University")
    d.type("spouse.education[0].field", "Economics")
    d.type("spouse.education[0].completed_on", "2013-07-01")
    d.section("spouse.education[0].eca")
    d.type("spouse.education[0].eca.reference", "9988776")
    d.type("spouse.education[0].eca.issued_on", "2024-02-01")
    d.next("children")
    d.click("children:add")
    d.type("children[0].date_of_birth", "2021-09-09")
    d.next("language")
    d.choose("first_official_language", "english")
    d.click("applicant.language_tests:add")
    d.choose("applicant.language_tests[0].test", "celpip_general")
    d.type("applicant.language_tests[0].taken_on", "2026-01-10")
    d.type("applicant.language_tests[0].registration_number", "CEL-123")
    for ability, score in (
        ("listening", "9"),
        ("reading", "9"),
        ("writing", "8"),
        ("speaking", "8"),
    ):
        d.type(f"applicant.language_tests[0].{ability}", score)
    d.click("applicant.language_tests:add")
    d.choose("applicant.language_tests[1].test", "tef_canada")
    d.type("applicant.language_tests[1].taken_on", "2025-03-01")
    d.type("applicant.language_tests[1].registration_number", "TEF-456")
    for ability, score in (
        ("listening", "470"),
        ("reading", "440"),
        ("writing", "450"),
        ("speaking", "460"),
    ):
        d.type(f"applicant.language_tests[1].{ability}", score)
    d.settle()
    assert d.label("applicant.language_tests[1].listening:level") == "NCLC 8"
    assert d.label("applicant.language_tests[1].speaking:level") == "NCLC 7"
    d.next("education")
    d.click("applicant.education:add")
    d.choose("applicant.education[0].level", "masters")
    d.type("applicant.education[0].program_length_years", "2")
    d.choose("applicant.education[0].country", "FR")
    d.type("applicant.education[0].institution", "Université de Lyon")
    d.type("applicant.education[0].field", "Informatique")
    d.type("applicant.education[0].completed_on", "2014-06-30")
    d.section("applicant.education[0].eca")
    d.type("applicant.education[0].eca.reference", "1122334")
    d.type("applicant.education[0].eca.issued_on", "2024-01-05")
    d.choose("applicant.education[0].eca.level", "masters")
    d.next("work")
    d.click("applicant.work_history:add")
    d.type("applicant.work_history[0].title", "Software engineer")
    d.type("applicant.work_history[0].employer", "Maple Software")
    d.type("applicant.work_history[0].noc_code", "21231")
    d.choose("applicant.work_history[0].country", "CA")
    d.type("applicant.work_history[0].start", "2023-09-01")
    d.type("applicant.work_history[0].hours_per_week", "40")
    d.settle()
    assert d.label("work:summary").startswith("Counted skilled experience: 3 year(s) in Canada")
    d.next("additional")
    d.next("funds")
    d.next("review")
    # With a spouse, 36: age 65, master's 126, CLB 9/9/8/8 = 29+29+22+22 = 102,
    # NCLC 8/7/7/7 second language 3 x4 = 12, 3 years in Canada 56 -> core 361.
    # Spouse: bachelor's 8, CLB 7/8/8/8 = 3 x4 = 12 -> 20.
    # Transferability: master's + CLB 7 = 25, master's + 2+ years in Canada = 50 -> 50 (cap).
    # Additional: NCLC 7 in French and CLB 5+ in English = 50.
    assert d.label("score:core") == "361"
    assert d.label("score:spouse") == "20"
    assert d.label("score:transferability") == "50"
    assert d.label("score:additional") == "50"
    assert d.label("score:total") == "481"
    assert "Canadian Experience Class: eligible" in d.label("review:programs")
    assert "French" in d.label("review:categories")
    d.click("wizard:next")

    saved = window.service.current()
    assert saved is not None and saved.spouse is not None
    assert saved.spouse.language_tests[0].reading == 6.5
    assert saved.first_official_language == "english"
    assert saved.applicant.work_history[0].end is None
    assert saved.children[0].date_of_birth == date(2021, 9, 9)


def test_next_is_disabled_with_the_reason_and_problems_show_at_the_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = start(qtbot, window)
    d.settle()
    next_button = window.wizard.next_button
    assert not next_button.isEnabled()
    assert window.wizard.reason.text().startswith("To continue, complete Given names")
    d.type("applicant.given_names", "Lina")
    d.type("applicant.family_name", "Haddad")
    d.type("applicant.date_of_birth", "2030-01-01")
    d.choose("applicant.country_of_residence", "IN")
    d.settle()
    error = window.wizard.findChild(QLabel, "applicant.date_of_birth:error")
    assert error is not None and error.isVisibleTo(window.wizard)
    assert error.text() == "Expected a date of birth that is not in the future."
    assert "Date of birth" in window.wizard.reason.text()
    d.type("applicant.date_of_birth", "1994-05-06")
    d.settle()
    assert not error.isVisibleTo(window.wizard)
    assert next_button.isEnabled() and window.wizard.reason.text() == ""


def test_out_of_range_score_is_refused_for_that_test(qtbot: QtBot, window: MainWindow) -> None:
    d = start(qtbot, window)
    fill_about(d, "never_married", "1994-05-06")
    d.next("children")
    d.next("language")
    d.click("applicant.language_tests:add")
    d.choose("applicant.language_tests[0].test", "celpip_general")
    d.type("applicant.language_tests[0].listening", "13")
    d.settle()
    error = window.wizard.findChild(QLabel, "applicant.language_tests[0].listening:error")
    assert error is not None and "CELPIP-General within 0 to 12" in error.text()
    assert not window.wizard.next_button.isEnabled()


def test_draft_resumes_after_restart_on_the_same_page(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    window = open_window(qtbot, store, data_dir)
    d = start(qtbot, window)
    fill_about(d, "never_married", "1994-05-06")
    d.next("children")
    d.next("language")
    d.click("applicant.language_tests:add")
    d.type("applicant.language_tests[0].listening", "8")
    window.close()  # keeps the draft, as closing the app does

    again = open_window(qtbot, store, data_dir)
    assert again.stack.currentWidget() is again.wizard
    d2 = Driver(qtbot, again.wizard)
    assert d2.page_key() == "language"
    assert d2.widget(QLineEdit, "applicant.language_tests[0].listening").text() == "8"
    again.wizard.go_to("about")
    assert d2.widget(QLineEdit, "applicant.given_names").text() == "Lina"


def test_editing_an_existing_file_opens_prefilled(qtbot: QtBot, window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    qtbot.mouseClick(window.overview.edit_button, Qt.MouseButton.LeftButton)
    d = Driver(qtbot, window.wizard)
    assert d.widget(QLineEdit, "applicant.given_names").text() == "Asha"
    d.settle()
    assert d.label("score:total") == "404"
    d.type("applicant.given_names", "Asha Devi")
    window.wizard.go_to("review")
    d.settle()
    d.click("wizard:next")
    files = window.service.files()
    assert [f.label for f in files] == ["Asha Devi Rao"]  # replaced, not duplicated
    profile = window.service.current()
    assert profile is not None and profile.applicant.language_tests[0].listening == 8.5


def test_discarding_a_draft_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = start(qtbot, window)
    d.type("applicant.given_names", "Lina")
    window.wizard.keep()
    asked: list[bool] = []
    monkeypatch.setattr(WizardView, "confirm_discard", lambda self: asked.append(True) or False)
    d.click("wizard:discard")
    assert asked and window.wizard_service.store.draft() is not None
    monkeypatch.setattr(WizardView, "confirm_discard", lambda self: True)
    d.click("wizard:discard")
    assert window.wizard_service.store.draft() is None
    assert window.stack.currentWidget() is window.empty_state


def test_review_links_back_to_the_page_that_changes_a_factor(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to("review")
    d.settle()
    link = window.wizard.findChild(QPushButton, "review:go:language")
    assert link is not None
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert d.page_key() == "language"


def test_every_term_has_an_explanation(qtbot: QtBot, window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    wizard = window.wizard
    wizard.go_to("work")
    noc = wizard.findChild(QLineEdit, "applicant.work_history[0].noc_code")
    assert noc is not None and "NOC" in noc.toolTip()
    wizard.go_to("language")
    score = wizard.findChild(QLineEdit, "applicant.language_tests[0].speaking")
    assert score is not None and "CLB" in score.toolTip()
    wizard.go_to("spouse")
    coming = wizard.findChild(QCheckBox, "spouse.accompanying")
    assert coming is not None and "accompanying" in coming.toolTip()
    wizard.go_to("education")
    eca = wizard.findChild(QGroupBox, "applicant.education[0].eca:present")
    assert eca is not None and "ECA" in eca.toolTip()


def test_every_field_is_labelled_for_screen_readers(qtbot: QtBot, window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    for page in window.wizard.pages:
        for kind in (QLineEdit, QComboBox, QCheckBox):
            for widget in page.findChildren(kind):
                if widget.objectName() and not widget.objectName().startswith("qt_"):
                    assert widget.accessibleName(), widget.objectName()


def test_review_warnings_link_to_the_page_that_fixes_them(qtbot: QtBot, window: MainWindow) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    window.wizard.go_to("review")
    d = Driver(qtbot, window.wizard)
    d.settle()
    rows = {}
    for index in range(10):
        label = window.wizard.findChild(QLabel, f"review:warning:{index}")
        if label is None:
            break
        holder = label.parentWidget()
        rows[label.text()] = holder.findChild(QPushButton).objectName()
    hours = next(name for text, name in rows.items() if "only 30 of the 40 hours" in text)
    birthday = next(name for text, name in rows.items() if "you turn 31" in text)
    assert (hours, birthday) == ("review:go:work", "review:go:about")
    # A fact worth knowing is not an alarm: it comes after the warnings, marked ℹ, unstyled.
    texts = list(rows)
    information = next(t for t in texts if "only 30 of the 40 hours" in t)
    warning = next(t for t in texts if "you turn 31" in t)
    assert information.startswith("ℹ ") and warning.startswith("⚠ ")
    assert texts.index(warning) < texts.index(information)
    holder = next(
        label.parentWidget()
        for index in range(len(texts))
        if (label := window.wizard.findChild(QLabel, f"review:warning:{index}")).text()
        == information
    )
    assert holder.property("information") is True and holder.styleSheet() == ""


def test_passport_and_places_lived_are_entered_on_about_you(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    d.section("applicant.passport")
    d.type("applicant.passport.number", "Z1234567")
    d.choose("applicant.passport.country", "IN")
    d.type("applicant.passport.issued_on", "2020-01-02")
    d.type("applicant.passport.expires_on", "2030-01-01")
    d.click("applicant.residence_history:add")
    d.choose("applicant.residence_history[0].country", "IN")
    d.type("applicant.residence_history[0].from", "2014-04-12")
    window.wizard.go_to("review")
    d.settle()
    d.click("wizard:next")
    saved = window.service.current()
    assert saved is not None and saved.applicant.passport is not None
    assert saved.applicant.passport.expires_on == date(2030, 1, 1)
    (place,) = saved.applicant.residence_history
    assert (place.country, place.from_, place.to) == ("IN", date(2014, 4, 12), None)
    assert "not entered" not in window.overview.rows["passport"].text()


def test_tab_moves_through_about_you_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    window.activateWindow()
    first = window.wizard.findChild(QLineEdit, "applicant.given_names")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    order = []
    for _ in range(5):
        order.append(window.focusWidget().objectName())
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert order == [
        "applicant.given_names",
        "applicant.family_name",
        "applicant.date_of_birth",
        "applicant.marital_status",
        "applicant.country_of_residence",
    ]


def test_switched_off_sections_keep_their_data_across_a_restart(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    window = open_window(qtbot, store, data_dir)
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    d.choose("applicant.marital_status", "never_married")
    window.wizard.go_to("additional")
    d.section("applicant.job_offer")
    d.type("applicant.job_offer.employer", "Maple Inc")
    d.section("applicant.job_offer", False)
    window.wizard.go_to("education")
    d.choose("applicant.education[0].country", "CA")  # by mistake: the ECA is put aside
    window.close()

    again = open_window(qtbot, store, data_dir)
    d2 = Driver(qtbot, again.wizard)
    again.wizard.go_to("education")
    d2.choose("applicant.education[0].country", "IN")
    d2.section("applicant.education[0].eca")
    assert d2.widget(QLineEdit, "applicant.education[0].eca.reference").text() == "1234567"
    again.wizard.go_to("additional")
    d2.section("applicant.job_offer")
    assert d2.widget(QLineEdit, "applicant.job_offer.employer").text() == "Maple Inc"
    d2.section("applicant.job_offer", False)
    again.wizard.go_to("about")
    d2.choose("applicant.marital_status", "married")
    again.wizard.go_to("spouse")
    assert d2.widget(QLineEdit, "spouse.given_names").text() == "Ravi"
    again.wizard.go_to("review")
    d2.settle()
    d2.click("wizard:next")
    saved = again.service.current()
    assert saved is not None and saved.spouse is not None and saved.applicant.job_offer is None
    assert saved.applicant.education[0].eca is not None


def test_a_discarded_draft_leaves_nothing_behind(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    d.choose("applicant.marital_status", "never_married")
    monkeypatch.setattr(WizardView, "confirm_discard", lambda self: True)
    d.click("wizard:discard")
    window.create_file()
    d.choose("applicant.marital_status", "married")
    window.wizard.go_to("spouse")
    assert d.widget(QLineEdit, "spouse.given_names").text() == ""


def test_spouse_and_children_have_passports_and_places_lived(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to("spouse")
    d.click("spouse.residence_history:add")
    d.choose("spouse.residence_history[0].country", "AE")
    d.type("spouse.residence_history[0].from", "2019-07-01")
    d.type("spouse.residence_history[0].to", "2023-12-31")
    d.section("spouse.passport")
    d.type("spouse.passport.number", "S998877")
    d.choose("spouse.passport.country", "IN")
    d.type("spouse.passport.issued_on", "2019-01-01")
    d.type("spouse.passport.expires_on", "2029-01-01")
    window.wizard.go_to("children")
    d.section("children[0].passport")
    d.type("children[0].passport.number", "C112233")
    d.choose("children[0].passport.country", "IN")
    d.type("children[0].passport.issued_on", "2023-01-01")
    d.type("children[0].passport.expires_on", "2028-01-01")
    window.wizard.go_to("review")
    d.settle()
    d.click("wizard:next")
    saved = window.service.current()
    assert saved is not None and saved.spouse is not None
    assert [(r.country, r.to) for r in saved.spouse.residence_history] == [
        ("AE", date(2023, 12, 31))
    ]
    assert saved.spouse.passport is not None and saved.spouse.passport.number == "S998877"
    assert saved.children[0].passport is not None
    from ee_desktop.checklist import generate

    keys = [r.key for r in generate(saved, TODAY)]
    assert "police:spouse:AE" in keys


def test_removing_an_entry_with_data_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop.wizard.records import RecordList

    window.import_file(EXAMPLE)
    window.edit_file()
    window.wizard.go_to("work")
    jobs = window.wizard.page("work").jobs
    monkeypatch.setattr(RecordList, "confirm_remove", lambda self, i: False)
    jobs.cards[0].remove_button.click()
    assert len(jobs.items) == 1
    monkeypatch.setattr(RecordList, "confirm_remove", lambda self, i: True)
    jobs.cards[0].remove_button.click()
    assert jobs.items == [] and jobs.cards == []


def test_editing_places_lived_in_the_wizard_keeps_their_addresses_and_the_histories(
    qtbot: QtBot, window: MainWindow
) -> None:
    from tests.history.history_helpers import FAMILY, family

    window.import_file(FAMILY)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    d.type("applicant.residence_history[0].to", "2019-04-13")
    d.type("applicant.residence_history[1].from", "2019-04-14")
    window.wizard.go_to("review")
    d.settle()
    d.click("wizard:next")
    saved = window.service.current()
    assert saved is not None
    first, second = saved.applicant.residence_history
    assert (first.to, second.from_) == (date(2019, 4, 13), date(2019, 4, 14))
    assert first.address == family().applicant.residence_history[0].address
    assert second.address is not None and second.address.city == "Dubai"
    assert saved.applicant.background == family().applicant.background
    assert saved.children[0].background == family().children[0].background


def test_an_incomplete_entry_keeps_the_last_complete_score_and_says_what_is_missing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_file(EXAMPLE)
    qtbot.mouseClick(window.overview.edit_button, Qt.MouseButton.LeftButton)
    d = Driver(qtbot, window.wizard)
    d.settle()
    panel = window.wizard.score
    width = panel.width()
    assert d.label("score:total") == "404" and not panel.stale
    d.type("applicant.date_of_birth", "1996-04")  # being typed: not a date yet
    d.settle()
    assert window.wizard.assessment is not None and window.wizard.assessment.evaluation is None
    assert d.label("score:total") == "404" and panel.stale
    hint = d.label("score:hint")
    assert hint.startswith("Last complete score.") and "Date of birth" in hint
    assert "#8a8a8a" in panel.total.styleSheet()
    assert panel.width() == width == panel.minimumWidth() == panel.maximumWidth()
    d.type("applicant.date_of_birth", "1996-04-12")
    d.settle()
    assert d.label("score:total") == "404" and not panel.stale
    assert "Last complete score" not in d.label("score:hint")


def test_the_review_rebuilds_nothing_when_nothing_shown_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.import_file(EXAMPLE)
    qtbot.mouseClick(window.overview.edit_button, Qt.MouseButton.LeftButton)
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to("review")
    d.settle()
    before = window.wizard.findChild(QLabel, "review:points:age")
    assert before is not None
    window.wizard.draft["applicant"]["given_names"] = "Asha Devi"  # not in the breakdown
    d.settle()
    assert window.wizard.findChild(QLabel, "review:points:age") is before
    # Another score: the same rows with new points, in the same widgets.
    window.wizard.draft["applicant"]["language_tests"][0]["speaking"] = 5.0
    d.settle()
    after = window.wizard.findChild(QLabel, "review:points:first_official_language")
    assert after is not None and window.wizard.findChild(QLabel, "review:points:age") is before
    shown = window.wizard.review._factor_rows(window.wizard.assessment.evaluation)  # type: ignore[union-attr]
    points = next(row[3] for row in shown if row[1] == "first_official_language")
    assert after.text() == points
