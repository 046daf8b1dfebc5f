"""The app's one country input and one date input, alone and in a form."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ee_desktop.profile.problems import Problem
from ee_desktop.store import Store
from ee_desktop.ui.checklist_view import ChecklistView
from ee_desktop.ui.deadlines_view import CustomDeadlineDialog, DeadlinesView
from ee_desktop.ui.forms.inputs import SectionForm
from ee_desktop.wizard.country_input import CountryCombo, find_country
from ee_desktop.wizard.date_input import DateInput, parse_date
from ee_desktop.wizard.fields import Form
from tests.conftest import TODAY, services_for


def typed(qtbot: QtBot, combo: CountryCombo, text: str) -> None:
    """Type ``text`` into the country input as a person would, then press Enter."""
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    if not text:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    elif text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest cannot synthesise every character; edit as an input method would
        line.setText(text)
        line.textEdited.emit(text)
    combo.suggester.popup().hide()  # what Enter does to the list of suggestions
    qtbot.keyClick(line, Qt.Key.Key_Return)


@pytest.fixture
def combo(qtbot: QtBot) -> CountryCombo:
    widget = CountryCombo()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("india", "IN"),
        ("Inde", "IN"),
        ("IN", "IN"),
        ("in", "IN"),
        ("cote d'ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("allemagne", "DE"),
        ("Germ", "DE"),
        ("États-Unis", "US"),
        ("India (IN)", "IN"),
    ],
)
def test_a_name_in_either_language_or_a_code_selects_the_country(
    qtbot: QtBot, combo: CountryCombo, text: str, code: str
) -> None:
    typed(qtbot, combo, text)
    assert combo.currentData() == code
    assert combo.currentText() == combo.itemText(combo.findData(code))
    assert combo.problem() == ""


def test_choose_a_country_is_a_placeholder_not_an_entry(qtbot: QtBot, combo: CountryCombo) -> None:
    line = combo.lineEdit()
    assert line is not None
    assert combo.currentIndex() == -1 and combo.currentText() == ""
    assert line.placeholderText() == "Choose a country…"
    assert combo.findText("Choose a country…") == -1
    qtbot.keyClicks(line, "Ind")
    assert line.text() == "Ind"  # nothing before it, nothing completed after it
    combo.suggester.popup().hide()
    qtbot.keyClicks(line, "ia")
    assert line.text() == "India"
    combo.suggester.popup().hide()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.currentData() == "IN" and combo.currentText() == "India (IN)"


def test_the_suggestions_list_the_countries_that_match(qtbot: QtBot, combo: CountryCombo) -> None:
    line = combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "inde")
    model = combo.suggester.model()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown[0] == "India (IN)"
    assert line.text() == "inde"


def test_an_unknown_name_is_kept_and_said_to_be_no_country(
    qtbot: QtBot, combo: CountryCombo
) -> None:
    typed(qtbot, combo, "India")
    typed(qtbot, combo, "Xyz")
    assert combo.currentText() == "Xyz"
    assert combo.currentData() is None  # never the country chosen before
    assert combo.problem() == "“Xyz” is not a country: type its name or choose it from the list"
    typed(qtbot, combo, "Ind")  # India or Indonesia
    assert combo.currentText() == "Ind" and combo.currentData() is None
    assert "could be several countries" in combo.problem()
    combo.setCurrentIndex(combo.findData("ID"))
    assert combo.problem() == ""


def test_clearing_the_text_means_no_country(qtbot: QtBot, combo: CountryCombo) -> None:
    typed(qtbot, combo, "Canada")
    assert combo.code() == "CA"
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.code() is None and combo.currentIndex() == -1 and combo.problem() == ""


def test_leaving_the_field_selects_too(qtbot: QtBot, combo: CountryCombo) -> None:
    other = QLineEdit()
    qtbot.addWidget(other)
    line = combo.lineEdit()
    assert line is not None
    line.setText("morocco")
    line.textEdited.emit("morocco")
    combo.suggester.popup().hide()
    line.editingFinished.emit()  # what focus out and Tab send
    assert combo.code() == "MA"


def test_tab_while_the_suggestions_show_takes_what_is_typed(qtbot: QtBot) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    combo, after = CountryCombo(), QLineEdit()
    layout.addWidget(combo)
    layout.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    combo.setFocus()
    for char in "maroc":
        qtbot.keyClick(QApplication.activePopupWidget() or combo, char)
    popup = QApplication.activePopupWidget()
    assert popup is not None  # the list of suggestions has the keyboard
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert combo.code() == "MA" and combo.currentText() == "Morocco (MA)"


def test_find_country_says_when_a_text_is_ambiguous() -> None:
    assert find_country("") == ("", [])
    assert find_country("Xyz") == (None, [])
    code, candidates = find_country("Ind")
    assert code is None and {"IN", "ID"} <= set(candidates)


def test_the_form_field_reads_codes_and_shows_the_input_sentence(qtbot: QtBot) -> None:
    form = SectionForm("applicant.personal_history[0]")
    qtbot.addWidget(form)
    required = form.country("country", "&Country:")
    optional = form.country("born_in", "&Born in:", optional=True)
    node: dict[str, object] = {"country": "FR", "born_in": None}
    form.bind(node)
    assert required.countries.currentText().startswith("France")
    assert optional.countries.currentIndex() == -1
    typed(qtbot, required.countries, "Xyz")
    assert node["country"] == ""
    assert required.error.text().startswith("“Xyz” is not a country")
    assert not required.error.isHidden()
    typed(qtbot, optional.countries, "liban")
    assert node["born_in"] == "LB"
    typed(qtbot, optional.countries, "")
    assert node["born_in"] is None
    # The file's wording ("a two-letter ISO 3166 code") is not what a person is shown.
    typed(qtbot, required.countries, "")
    iso = Problem(
        "applicant.personal_history[0].country",
        "",
        "a two-letter ISO 3166 country code such as CA or IN",
    )
    form.show_problems({iso.path: iso}, force=True)
    assert required.error.text() == "Choose a country from the list."


# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1994-05-15", date(1994, 5, 15)),
        ("15/05/1994", date(1994, 5, 15)),
        ("15-05-1994", date(1994, 5, 15)),
        ("15.05.1994", date(1994, 5, 15)),
        (" 1994/5/15 ", date(1994, 5, 15)),
        ("31/02/2020", None),
        ("05/15/1994", None),  # month first is not read
        ("15/05/94", None),  # nor a two-digit year
        ("tomorrow", None),
        ("", None),
    ],
)
def test_parse_date(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.fixture
def day(qtbot: QtBot) -> DateInput:
    widget = DateInput()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_day_typed_either_way_is_shown_as_iso(qtbot: QtBot, day: DateInput) -> None:
    qtbot.keyClicks(day, "15/05/1994")
    assert day.date() == date(1994, 5, 15)
    qtbot.keyClick(day, Qt.Key.Key_Return)
    assert day.text() == "1994-05-15" and day.problem() == ""
    day.clear()
    qtbot.keyClicks(day, "1994-05-15")
    qtbot.keyClick(day, Qt.Key.Key_Return)
    assert day.date() == date(1994, 5, 15)


def test_a_text_that_is_no_date_is_kept_with_a_sentence(qtbot: QtBot, day: DateInput) -> None:
    qtbot.keyClicks(day, "31/02/2020")
    qtbot.keyClick(day, Qt.Key.Key_Return)
    assert day.text() == "31/02/2020" and day.date() is None
    assert day.problem().startswith("“31/02/2020” is not a date")
    assert "YYYY-MM-DD" in day.problem() and "DD/MM/YYYY" in day.problem()


def test_the_calendar_button_sets_the_day(qtbot: QtBot, day: DateInput) -> None:
    edits: list[str] = []
    day.textEdited.connect(edits.append)
    qtbot.mouseClick(day.button, Qt.MouseButton.LeftButton)
    assert day.calendar is not None and day.calendar.isVisible()
    day.calendar.clicked.emit(QDate(2026, 3, 1))
    assert day.text() == "2026-03-01" and day.date() == date(2026, 3, 1)
    assert edits == ["2026-03-01"] and not day.calendar.isVisible()
    qtbot.keyClick(day, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert day.calendar.isVisible()
    assert day.calendar.selectedDate() == QDate(2026, 3, 1)


def test_the_form_field_reads_iso_and_names_the_forms_it_takes(qtbot: QtBot) -> None:
    form = Form("applicant")
    qtbot.addWidget(form)
    born = form.date("date_of_birth", "Date of &birth:")
    moved = form.date("moved_on", "&Moved on:", nullable=True)
    node: dict[str, object] = {"date_of_birth": "1990-01-02", "moved_on": None}
    form.bind(node)
    assert born.line.text() == "1990-01-02"
    born.line.selectAll()
    qtbot.keyClicks(born.line, "15/05/1994")
    assert node["date_of_birth"] == "1994-05-15"
    born.line.selectAll()
    qtbot.keyClicks(born.line, "31/02/2020")
    assert node["date_of_birth"] == "31/02/2020"  # kept for the codec to report
    problem = Problem("applicant.date_of_birth", "31/02/2020", "a date written YYYY-MM-DD")
    form.show_problems({problem.path: problem})
    assert born.error.text().startswith("“31/02/2020” is not a date")
    qtbot.keyClicks(moved.line, "x")
    moved.line.clear()
    moved.line.textEdited.emit("")
    assert node["moved_on"] is None


# -- the deadline the user adds ------------------------------------------------------------


def test_a_bad_date_in_my_own_deadline_keeps_the_title_and_the_date(
    qtbot: QtBot, store: Store
) -> None:
    service = services_for(store).deadlines
    view = DeadlinesView(service, lambda: TODAY)
    qtbot.addWidget(view)
    view.refresh()
    rows = view.model.rowCount()
    dialog = view.add_custom()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Renew the lease")
    qtbot.keyClicks(dialog.due, "31/02/2027")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # nothing is lost
    assert dialog.title.text() == "Renew the lease" and dialog.due.text() == "31/02/2027"
    assert dialog.error.text().startswith("“31/02/2027” is not a date")
    assert view.model.rowCount() == rows
    dialog.due.clear()
    qtbot.keyClicks(dialog.due, "15/05/9999")  # a date, but one the service refuses
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "must be between" in dialog.error.text()
    assert dialog.title.text() == "Renew the lease"
    dialog.due.clear()
    due = TODAY + timedelta(days=20)
    qtbot.keyClicks(dialog.due, due.strftime("%d/%m/%Y"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert view.model.rowCount() == rows + 1
    assert any(d.title == "Renew the lease" and d.due == due for d in view.deadlines)


def test_my_own_deadline_needs_a_title(qtbot: QtBot, store: Store) -> None:
    added: list[tuple[str, date]] = []
    dialog = CustomDeadlineDialog(lambda title, due: added.append((title, due)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.due, "2027-01-31")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Write what is due."
    assert dialog.due.text() == "2027-01-31" and added == []


# -- a checklist item's dates -------------------------------------------------------------


def test_a_checklist_date_takes_either_form_and_keeps_what_is_no_date(
    qtbot: QtBot, store: Store
) -> None:
    service = services_for(store).checklist
    view = ChecklistView(service, lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    first = view.visible_entries()[0]
    view.select(first.key)
    line = view.detail.dates["requested_on"]
    assert isinstance(line, DateInput)
    qtbot.keyClicks(line, "31/02/2026")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "31/02/2026"
    assert view.detail.date_error.text().startswith("“31/02/2026” is not a date")
    line.selectAll()
    qtbot.keyClicks(line, "01/03/2026")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    saved = {e.key: e for e in service.entries(TODAY)}[first.key]
    assert saved.requested_on == date(2026, 3, 1)
    assert view.detail.dates["requested_on"].text() == "2026-03-01"
