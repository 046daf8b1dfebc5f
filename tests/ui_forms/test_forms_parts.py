"""The editor's parts: the live check that leaves entries being typed out, the month states
of the strips, the strip's clicks, and the document's helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ee_desktop.history.checks import check_history
from ee_desktop.store import Store
from ee_desktop.ui.forms.checking import LastSound, live_check
from ee_desktop.ui.forms.document import insert_in_order, normalized, person_node
from ee_desktop.ui.forms.timeline import (
    COVERED,
    GAP,
    OVERLAP,
    MonthStrip,
    address_months,
    personal_months,
)
from tests.conftest import services_for
from tests.history.history_helpers import AS_OF, family, family_data
from tests.ui_forms.forms_helpers import family_store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = family_store(data_dir)
    yield opened
    opened.close()


def test_an_entry_being_typed_is_left_out_and_findings_keep_the_indexes_shown(
    store: Store,
) -> None:
    history = services_for(store, lambda: AS_OF).history
    document = history.document()
    periods = document["applicant"]["personal_history"]
    periods.insert(0, {"from": "2016-0", "to": None, "activity": ""})  # being typed
    del periods[3]["city"]  # Emirates NBD, now at index 3: a finding names it
    check = live_check(history, document, AS_OF)
    assert {p.path for p in check.problems} == {
        "applicant.personal_history[0].from",
        "applicant.personal_history[0].activity",
    }
    assert check.pending == 1 and check.report is not None
    applicant = check.report.person("applicant")
    assert applicant is not None and not applicant.personal_gaps
    assert [f.field for f in applicant.problems] == ["applicant.personal_history[3]"]
    assert "the city" in applicant.problems[0].message


def test_an_entry_being_corrected_is_checked_as_it_last_was_sound(store: Store) -> None:
    history = services_for(store, lambda: AS_OF).history
    document = history.document()
    sound = LastSound()
    assert live_check(history, document, AS_OF, sound).report is not None
    period = document["applicant"]["personal_history"][1]  # 2019-04, unemployed
    period["to"] = "2019-0"
    check = live_check(history, document, AS_OF, sound)
    assert [p.path for p in check.problems] == ["applicant.personal_history[1].to"]
    assert (check.held, check.pending) == (1, 0)
    assert check.report is not None and check.report.complete
    period["from"] = period["to"] = "2019-05"  # sound again, and later: 2019-04 is a gap
    check = live_check(history, document, AS_OF, sound)
    applicant = check.report.person("applicant") if check.report else None
    assert applicant is not None and [g.start for g in applicant.personal_gaps] == [
        date(2019, 4, 1)
    ]
    period["to"] = ""  # checked as it was a moment ago, not as first loaded
    check = live_check(history, document, AS_OF, sound)
    applicant = check.report.person("applicant") if check.report else None
    assert applicant is not None and len(applicant.personal_gaps) == 1


def test_a_problem_outside_the_entries_stops_the_checks(store: Store) -> None:
    history = services_for(store, lambda: AS_OF).history
    document = history.document()
    document["applicant"]["date_of_birth"] = "1988-02-30"
    check = live_check(history, document, AS_OF)
    assert check.report is None and check.problems


def test_the_strips_show_gaps_and_overlaps_month_by_month() -> None:
    data = family_data()
    spouse = data["spouse"]
    spouse["residence_history"][1]["to"] = "2019-01-10"  # GB overlaps IN 2019-01-01..10
    spouse["residence_history"][2]["to"] = "2019-03-31"  # nowhere 2019-04-01..14
    del spouse["personal_history"][2]  # 2019-01 to 2019-03
    person = check_history(family(data), AS_OF).person("spouse")
    assert person is not None
    first = date(2016, 6, 1)

    def month(day: date) -> int:
        return (day.year - first.year) * 12 + day.month - first.month

    addresses = address_months(person)
    assert addresses[month(date(2019, 1, 1))] == OVERLAP
    assert addresses[month(date(2019, 4, 1))] == GAP
    assert addresses.count(COVERED) == len(addresses) - 2
    personal = personal_months(person)
    assert [i for i, s in enumerate(personal) if s == GAP] == [
        month(date(2019, 1, 1)),
        month(date(2019, 2, 1)),
        month(date(2019, 3, 1)),
    ]


def test_a_click_on_the_strip_names_its_month(qtbot: QtBot) -> None:
    strip = MonthStrip("strip", years=True)
    qtbot.addWidget(strip)
    strip.resize(480, strip.sizeHint().height())
    strip.show()
    strip.show_months(date(2024, 3, 1), [COVERED] * 10 + [GAP] * 2 + [COVERED] * 16)
    assert strip.state_at(date(2025, 1, 1)) == GAP
    assert "2 with a gap" in strip.accessibleDescription()
    with qtbot.waitSignal(strip.month_clicked) as clicked:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_centre(date(2025, 2, 1)))
    assert clicked.args == [date(2025, 2, 1)]
    assert not strip.grab().isNull()


def test_the_documents_helpers() -> None:
    document = family_data()
    assert person_node(document, "children[1]")["given_names"] == "Arjun"
    items = [{"from": "2010-07"}, {"from": "2019-05"}, {"from": ""}]
    assert insert_in_order(items, {"from": "2019-04"}) == 1
    assert insert_in_order(items, {"from": ""}) == 4  # no start yet: at the end
    assert normalized({"a": None, "b": "", "c": [], "d": {"e": None}, "f": [{"g": ""}]}) == {
        "f": [{}]
    }
