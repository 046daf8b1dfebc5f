"""The application forms editor, driven by field paths: gaps seen and filled, the file's jobs
offered, bad input kept and named, relatives and addresses saved, unsaved changes asked about."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.profile.background import Activity, Relative
from ee_desktop.profile.model import Address
from ee_desktop.store import Store, open_store
from ee_desktop.ui.forms.editor import FormsEditor
from ee_desktop.ui.forms.timeline import COVERED, GAP
from tests.conftest import FixedPassphrases, services_for
from tests.history.history_helpers import AS_OF, family_data
from tests.ui_forms.forms_helpers import Driver, family_store, open_editor, stored

APRIL_2019 = date(2019, 4, 1)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = family_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def editor(qtbot: QtBot, store: Store) -> FormsEditor:
    return open_editor(qtbot, store)


@pytest.fixture
def d(qtbot: QtBot, editor: FormsEditor) -> Driver:
    return Driver(qtbot, editor)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Removing an entry with text asks first: the user says yes. An editor left with
    changes when the test ends closes without them (no question blocks the run)."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(FormsEditor, "ask_unsaved", lambda self: "discard")


def test_the_people_who_need_the_forms_are_listed_with_their_status(
    editor: FormsEditor,
) -> None:
    people = [editor.person.itemText(i) for i in range(editor.person.count())]
    # Arjun is 10: no histories for him.
    assert people == [
        "Meera Iyer (applicant): Complete",
        "Karthik Iyer (spouse or partner): Complete",
        "Anjali Iyer (child): Complete",
    ]
    assert editor.findings.texts()[0].startswith("✓ Complete")
    assert editor.timeline.personal.states == [COVERED] * 121  # 2016-06 to 2026-06
    assert not editor.dirty()


def test_a_removed_period_shows_as_a_gap_and_one_click_fills_it(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.click("applicant.personal_history[1]:remove")  # 2019-04, between the two jobs
    d.settle()
    assert editor.timeline.personal.state_at(APRIL_2019) == GAP
    assert editor.timeline.personal.states.count(GAP) == 1
    assert "Personal history: nothing in 2019-04." in d.findings()
    assert editor.person.itemText(0) == "Meera Iyer (applicant): 1 gap or overlap"
    assert d.label("applicant.personal_history:gap[0]:text").text() == (
        "2019-04: 1 month not covered"
    )

    d.choose("applicant.personal_history:gap[0]:activity", "travelling")
    d.type("applicant.personal_history[0].occupation", "Software engineer II")
    d.settle()  # typing elsewhere keeps the choice made for the gap
    d.click("applicant.personal_history:gap[0]:fill")
    assert editor.timeline.personal.state_at(APRIL_2019) == COVERED
    assert not any("nothing in" in text for text in d.findings())
    # In date order, with the month and the place lived then filled in.
    periods = editor.document["applicant"]["personal_history"]  # type: ignore[index]
    assert periods[1] == {
        "from": "2019-04",
        "to": "2019-04",
        "activity": "travelling",
        "city": "Chennai",
        "country": "IN",
        "status_in_country": "citizen",
    }
    assert editor.person.itemText(0) == "Meera Iyer (applicant): Complete"
    assert editor.dirty()

    d.click("forms:save")
    assert not editor.dirty() and editor.message.text() == "Saved."
    history = stored(data_dir).applicant.background.personal_history
    assert history[1] == Activity(
        APRIL_2019, APRIL_2019, "travelling", city="Chennai", country="IN",
        status_in_country="citizen",
    )  # fmt: skip


def test_jobs_from_the_file_are_offered_and_added_only_when_clicked(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.click("applicant.personal_history[0]:remove")  # the Infosys job's period
    d.settle()
    assert editor.timeline.personal.states.count(GAP) > 30
    suggestion = d.label("applicant.personal_history:suggestion[0]")
    assert "Infosys" in suggestion.text() and "2010-07 – 2019-03" in suggestion.text()
    # Offered, not added.
    assert len(editor.document["applicant"]["personal_history"]) == 2  # type: ignore[index]
    assert "Senior software engineer" not in suggestion.text()  # already in the history

    d.click("applicant.personal_history:from_file")
    d.click("applicant.personal_history:suggestion[0]:add")
    periods = editor.document["applicant"]["personal_history"]  # type: ignore[index]
    assert [p.get("organization") for p in periods] == ["Infosys", None, "Emirates NBD"]
    assert periods[0]["activity"] == "employed" and periods[0]["to"] == "2019-03"
    assert editor.timeline.personal.states.count(GAP) == 0
    assert editor.findChild(QLabel, "applicant.personal_history:suggestion[0]") is None
    d.click("forms:save")
    assert stored(data_dir).applicant.background.personal_history[0].organization == "Infosys"


def test_a_person_with_no_personal_history_is_told_what_imm_5669_asks(
    qtbot: QtBot, data_dir: Path
) -> None:
    data = family_data()
    del data["applicant"]["personal_history"]
    store = family_store(data_dir, data)
    try:
        editor = open_editor(qtbot, store)
        d = Driver(qtbot, editor)
        assert editor.timeline.personal.states == [GAP] * 121
        intro = d.label("applicant.personal_history:intro").text()
        assert "IMM 5669" in intro and "June 15, 2016" in intro
        empty = d.label("applicant.personal_history:empty")
        assert empty.isVisible() and "Add from my file" in empty.text()
        # The suggestions are open at once, and nothing is added by opening them.
        assert d.label("applicant.personal_history:suggestion[1]").isVisible()
        assert editor.document["applicant"]["personal_history"] == []  # type: ignore[index]
        assert any(t.startswith("Personal history: No personal history yet") for t in d.findings())
        d.click("applicant.personal_history:suggestions:add_all")
        periods = editor.document["applicant"]["personal_history"]  # type: ignore[index]
        assert [p["organization"] for p in periods] == ["Infosys", "Emirates NBD"]
        assert "Personal history: nothing in 2019-04." in d.findings()
    finally:
        store.close()


def test_a_bad_month_is_named_at_its_field_and_a_refused_save_keeps_everything(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.type("applicant.personal_history[0].to", "2019-13")
    d.type("applicant.personal_history[0].occupation", "Lead engineer")
    d.settle()
    error = d.label("applicant.personal_history[0].to:error")
    assert error.isVisible() and "a month written YYYY-MM" in error.text()
    # The period is checked as it was until corrected: no gap flashes at each keystroke.
    assert d.findings() == [
        "Personal history, period 1: To: expected a month written YYYY-MM or null.",
        "Until it is corrected, 1 entry is checked as it was before.",
    ]
    assert editor.timeline.personal.states.count(GAP) == 0
    assert "1 entry to correct" in editor.person.itemText(0)
    d.click("applicant.personal_history:add")  # a new period is not counted until sound
    d.settle()
    assert "1 entry still being typed is not counted in the checks yet." in d.findings()
    assert "2 entries to correct" in editor.person.itemText(0)
    d.click("applicant.personal_history[3]:remove")

    d.click("forms:save")
    assert editor.isVisible()
    assert d.widget(QLabel, "forms:message").text().startswith("Not saved: 1 entry to correct")
    period = editor.document["applicant"]["personal_history"][0]  # type: ignore[index]
    assert period["to"] == "2019-13" and period["occupation"] == "Lead engineer"
    assert stored(data_dir).applicant.background.personal_history[0].to == date(2019, 3, 1)

    d.type("applicant.personal_history[0].to", "2019-03")
    d.settle()
    assert not error.isVisible()
    assert editor.save()
    assert stored(data_dir).applicant.background.personal_history[0].occupation == ("Lead engineer")


def test_relatives_are_added_and_edited_with_the_family_in_the_file_shown(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.person("spouse")
    in_file = d.label("spouse.relatives:in_file").text()
    assert "Meera Iyer, spouse or partner, born 1988-08-20" in in_file
    assert "Anjali Iyer, child" in in_file and "Arjun Iyer, child" in in_file

    d.click("spouse.relatives:add")
    d.choose("spouse.relatives[3].relationship", "brother")
    d.type("spouse.relatives[3].given_names", "Ravi")
    d.type("spouse.relatives[3].family_name", "Iyer")
    d.type("spouse.relatives[3].date_of_birth", "1989-09-09")
    d.choose("spouse.relatives[3].country_of_birth", "IN")
    d.type("spouse.relatives[3].address", "Madurai, India")
    d.choose("spouse.relatives[3].marital_status", "never_married")
    d.type("spouse.relatives[3].occupation", "Teacher")
    d.type("spouse.relatives[0].occupation", "Retired teacher")
    d.settle()
    assert editor.check is not None and editor.check.problems == ()
    assert editor.person.itemText(1) == "Karthik Iyer (spouse or partner): Complete"

    d.click("forms:save")
    relatives = stored(data_dir).spouse.background.relatives  # type: ignore[union-attr]
    assert relatives[3] == Relative(
        "brother", "Ravi", "Iyer", date(1989, 9, 9), "IN", "Madurai, India", "never_married",
        "Teacher",
    )  # fmt: skip
    assert relatives[0].occupation == "Retired teacher"


def test_a_relative_left_out_is_asked_for(d: Driver, editor: FormsEditor) -> None:
    d.click("applicant.relatives[1]:remove")  # the father, who has died
    d.settle()
    assert "Relatives: IMM 5406 asks for your father, also if he has died: add him." in (
        d.findings()
    )
    message = d.label("applicant.relatives:findings")
    assert message.isVisible() and "your father" in message.text()


def test_addresses_are_edited_here_and_a_gap_between_places_is_filled(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.person("spouse")
    d.type("spouse.residence_history[0].address.street", "7 Temple Street")
    d.type("spouse.residence_history[0].address.city", "Madurai")
    d.type("spouse.residence_history[0].address.region", "TN")
    d.type("spouse.residence_history[1].to", "2018-12-15")
    d.settle()
    december = date(2018, 12, 1)
    assert editor.timeline.addresses.state_at(december) == GAP
    assert "Addresses: no place lived 2018-12-16 to 2018-12-31." in d.findings()
    # A finding leads to its section.
    forms = editor.current_forms()
    assert forms is not None
    forms.show_section("other_names")
    index = d.findings().index("Addresses: no place lived 2018-12-16 to 2018-12-31.")
    link = editor.findings.labels[index]
    link.linkActivated.emit(editor.findings.items[index].path)
    assert forms.current_key() == "residence_history"

    d.click("spouse.residence_history:gap[0]:fill")
    place = editor.document["spouse"]["residence_history"][2]  # type: ignore[index]
    assert place == {"country": "", "from": "2018-12-16", "to": "2018-12-31"}
    assert d.findings()[0].startswith("Addresses, place 3: Country: expected")
    d.choose("spouse.residence_history[2].country", "GB")
    d.settle()
    assert editor.timeline.addresses.state_at(december) == COVERED
    # The new place still needs its address, said beside it.
    assert editor.person.itemText(1) == "Karthik Iyer (spouse or partner): 1 problem"
    card = d.label("spouse.residence_history[2]:findings")
    assert card.isVisible() and "full address" in card.text()
    d.type("spouse.residence_history[2].address.street", "3 Baker Mews")
    d.type("spouse.residence_history[2].address.city", "London")
    d.settle()
    assert editor.person.itemText(1) == "Karthik Iyer (spouse or partner): Complete"
    assert not card.isVisible()

    d.click("forms:save")
    stays = stored(data_dir).spouse.residence_history  # type: ignore[union-attr]
    assert stays[0].address == Address("7 Temple Street", "Madurai", "TN")
    assert [(s.country, s.from_, s.to) for s in stays[1:3]] == [
        ("GB", date(2015, 9, 1), date(2018, 12, 15)),
        ("GB", date(2018, 12, 16), date(2018, 12, 31)),
    ]
    assert stays[2].address == Address("3 Baker Mews", "London")


def test_other_names_travel_and_the_form_7_9_10_lists_are_saved(
    d: Driver, editor: FormsEditor, data_dir: Path
) -> None:
    d.person("child:0")
    assert d.editor.findChild(QLabel, "children[0].relatives:in_file") is None  # not for a child
    d.click("children[0].other_names:add")
    d.type("children[0].other_names[0].family_name", "Iyer-Subramanian")
    d.click("children[0].travel_history:add")
    d.type("children[0].travel_history[1].from", "2025-12-20")
    d.type("children[0].travel_history[1].to", "2026-01-03")
    d.choose("children[0].travel_history[1].country", "IN")
    d.choose("children[0].travel_history[1].purpose", "family")
    d.click("children[0].memberships:add")
    d.type("children[0].memberships[0].from", "2024-09")
    d.type("children[0].memberships[0].organization", "Debating society")
    d.click("children[0].government_positions:add")
    d.type("children[0].government_positions[0].from", "2025-06")
    d.type("children[0].government_positions[0].to", "2025-08")
    d.choose("children[0].government_positions[0].country", "AE")
    d.choose("children[0].government_positions[0].jurisdiction", "municipal")
    d.type("children[0].government_positions[0].department", "Dubai Municipality")
    d.type("children[0].government_positions[0].position", "Summer intern")
    d.click("children[0].military_service:add")
    d.click("children[0].military_service[0]:remove")
    d.settle()
    assert editor.check is not None and editor.check.problems == ()
    assert editor.save()
    child = stored(data_dir).children[0].background
    assert child.other_names[0].family_name == "Iyer-Subramanian"
    assert child.other_names[0].given_names is None
    assert child.travel_history[1].purpose == "family"
    assert child.memberships[0].to is None and child.memberships[0].country is None
    assert child.government_positions[0].jurisdiction == "municipal"
    assert child.military_service == ()


def test_closing_with_unsaved_changes_asks_first(
    d: Driver, editor: FormsEditor, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = "cancel"

    def ask(self: FormsEditor) -> str:
        asked.append(answer)
        return answer

    monkeypatch.setattr(FormsEditor, "ask_unsaved", ask)
    d.click("forms:close")  # nothing changed: closes without asking
    assert not editor.isVisible() and asked == []
    editor.show()
    d.type("applicant.other_names[0].given_names", "Meera S.")
    d.click("forms:close")
    assert editor.isVisible() and asked == ["cancel"]
    assert editor.document["applicant"]["other_names"][0]["given_names"] == "Meera S."  # type: ignore[index]
    answer = "discard"
    d.click("forms:close")
    assert not editor.isVisible()
    assert stored(data_dir).applicant.background.other_names[0].given_names == "Meera"


def test_an_input_cleared_again_is_no_change(d: Driver, editor: FormsEditor) -> None:
    d.type("applicant.personal_history[1].occupation", "Job seeker")
    assert editor.dirty()
    d.type("applicant.personal_history[1].occupation", "")
    d.person("spouse")
    d.type("spouse.residence_history[0].address.street", "7 Temple Street")
    assert "address" in editor.document["spouse"]["residence_history"][0]  # type: ignore[index]
    d.type("spouse.residence_history[0].address.street", "")
    # No address typed: none kept (older readers of the file reject an empty one).
    assert "address" not in editor.document["spouse"]["residence_history"][0]  # type: ignore[index]
    d.settle()
    assert not editor.dirty() and editor.message.text() == ""


def test_without_a_personal_file_the_editor_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    empty = open_store(tmp_path / "empty", FixedPassphrases())
    try:
        editor = FormsEditor(services_for(empty, lambda: AS_OF).history, lambda: AS_OF)
        qtbot.addWidget(editor)
        editor.show()
        assert editor.empty.isVisible() and "no personal file yet" in editor.empty.text()
        assert not editor.save_button.isVisible()
    finally:
        empty.close()


def test_a_check_with_nothing_new_touches_no_widget(editor: FormsEditor) -> None:
    # Each pause in typing runs a check: what did not change is not set again. (With this
    # PySide build on Python 3.11, each call into Qt that returns nothing also takes a
    # reference from None: a check touching every input would abort a long session.)
    editor.refresh()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(50):
        editor.refresh()
    gc.collect()
    assert sys.getrefcount(None) > before - 200


def test_dates_and_countries_follow_the_language(french: None, qtbot: QtBot, store: Store) -> None:
    editor = open_editor(qtbot, store)
    intro = editor.findChild(QLabel, "applicant.personal_history:intro")
    assert intro is not None and "15 juin 2016" in intro.text()
    country = editor.findChild(QComboBox, "applicant.personal_history[0].country")
    assert country is not None and country.currentText() == "Inde (IN)"
