"""The wizard's Settlement funds page (accounts, balances, deposits, rates, the live position
and its chart) and each person's optional Status in Canada, driven like a user would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ee_desktop.i18n import format_money
from ee_desktop.profile.codec import encode
from ee_desktop.profile.funds import Account, Balance, Deposit, Funds, Rate
from ee_desktop.profile.status import StatusInCanada
from ee_desktop.store import Store, open_store
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.wizard.fields import DecimalField
from ee_desktop.wizard.funds_chart import FundsChart
from tests.conftest import EXAMPLE, FixedPassphrases
from tests.test_wizard import Driver, open_window


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir, FixedPassphrases())
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, data_dir: Path) -> MainWindow:
    return open_window(qtbot, store, data_dir)


def edit_example(qtbot: QtBot, window: MainWindow, page: str) -> Driver:
    window.import_file(EXAMPLE)
    window.edit_file()
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to(page)
    return d


def save(d: Driver, window: MainWindow) -> None:
    d.wizard.go_to("review")
    d.settle()
    d.click("wizard:next")
    assert window.stack.currentWidget() is window.home


def error_of(d: Driver, path: str) -> QLabel:
    found = d.wizard.findChild(QLabel, path + ":error")
    assert found is not None, path
    return found


def add_hdfc_account(d: Driver) -> None:
    d.click("funds.accounts:add")
    d.type("funds.accounts[0].institution", "HDFC Bank")
    d.choose("funds.accounts[0].currency", "INR")
    d.choose("funds.accounts[0].owner", "applicant")
    d.type("funds.accounts[0].opened_on", "2019-05-01")
    for index, (on, amount) in enumerate((("2026-05-01", "1000000"), ("2026-11-01", "2000000"))):
        d.click("funds.accounts[0].balances:add")
        d.type(f"funds.accounts[0].balances[{index}].on", on)
        d.type(f"funds.accounts[0].balances[{index}].amount", amount)
    d.click("funds.accounts[0].deposits:add")
    d.type("funds.accounts[0].deposits[0].on", "2026-10-15")
    d.type("funds.accounts[0].deposits[0].amount", "1000000")  # no source: to explain


HDFC = Account(
    "HDFC Bank",
    "INR",
    "applicant",
    date(2019, 5, 1),
    (Balance(date(2026, 5, 1), 1_000_000), Balance(date(2026, 11, 1), 2_000_000)),
    (Deposit(date(2026, 10, 15), 1_000_000, None),),
)


def test_accounts_and_a_rate_give_the_live_position_and_survive_save_and_reopen(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = edit_example(qtbot, window, "funds")
    assert d.page_key() == "funds"
    assert "replace this figure" in d.label("funds:single_note")
    add_hdfc_account(d)
    d.settle()
    problems = d.label("funds:problems")
    assert "HDFC Bank: no exchange rate for INR" in problems
    assert "HDFC Bank: the deposit of" in problems and "has no source" in problems
    assert d.label("funds:available") == format_money(0)
    assert "not used while they exist" in d.label("funds:single_note")

    d.click("funds.rates:add")
    d.choose("funds.rates[0].currency", "INR")
    d.type("funds.rates[0].cad", "0.016")
    d.type("funds.rates[0].on", "2026-01-01")
    d.settle()
    evaluation = d.wizard.assessment.evaluation  # type: ignore[union-attr]
    assert evaluation is not None
    required = evaluation.required_funds
    assert required is not None
    # 2,000,000 INR at 0.016 today; 159 days at 16,000 and 24 at 32,000 over 183 days.
    assert d.label("funds:required") == format_money(required)
    assert d.label("funds:available") == format_money(32_000)
    assert d.label("funds:average") == format_money(round(3_312_000 / 183, 2))
    assert d.label("funds:shortfall") == format_money(max(0, required - 32_000))
    problems = d.label("funds:problems")
    assert "no exchange rate" not in problems and "has no source" in problems
    chart = d.wizard.findChild(FundsChart, "funds:chart")
    assert chart is not None and chart.isVisibleTo(d.wizard.current_page())
    assert len(chart.months) == 6 and chart.months[-1] == (date(2026, 11, 24), 32_000)
    assert format_money(32_000) in chart.accessibleDescription()
    assert format_money(required) in chart.accessibleDescription()

    save(d, window)
    saved = window.service.current()
    assert saved is not None
    expected = Funds((HDFC,), (Rate("INR", 0.016, date(2026, 1, 1)),))
    assert saved.funds == expected
    assert saved.settlement_funds_cad == 25000  # kept, for when the accounts go

    window.edit_file()
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to("funds")
    assert d.widget(QLineEdit, "funds.accounts[0].institution").text() == "HDFC Bank"
    assert d.widget(QLineEdit, "funds.accounts[0].balances[1].amount").text() == "2000000"
    assert d.widget(QLineEdit, "funds.rates[0].cad").text() == "0.016"
    save(d, window)
    again = window.service.current()
    assert again is not None and again.funds == expected


def test_removing_every_account_and_rate_writes_no_funds_section(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ee_desktop.wizard.records import RecordList

    monkeypatch.setattr(RecordList, "confirm_remove", lambda self, i: True)
    # Whatever asks, the answer is yes: a question left open would block the suite.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    d = edit_example(qtbot, window, "funds")
    d.click("funds.accounts:add")
    assert d.wizard.draft["funds"]["accounts"]
    d.click("funds.accounts[0]:remove")
    assert "funds" not in d.wizard.draft
    d.settle()
    assert d.label("funds:available") == format_money(25_000)


def test_a_balance_dated_in_the_future_shows_under_its_field_and_keeps_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = edit_example(qtbot, window, "funds")
    add_hdfc_account(d)
    d.type("funds.accounts[0].balances[1].on", "2027-01-15")
    d.settle()
    error = error_of(d, "funds.accounts[0].balances[1].on")
    assert not error.isHidden()
    assert error.text() == "Expected a date not in the future."
    assert d.widget(QLineEdit, "funds.accounts[0].balances[1].on").text() == "2027-01-15"
    assert not d.wizard.next_button.isEnabled()
    assert "Date" in d.wizard.reason.text()
    # The broken account is left out of the position, not the whole file.
    assert d.wizard.assessment is not None and d.wizard.assessment.evaluation is not None
    d.type("funds.accounts[0].balances[1].on", "2026-11-01")
    d.settle()
    assert error.isHidden() and d.wizard.next_button.isEnabled()


def test_a_rate_takes_a_decimal_comma(qtbot: QtBot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    field = DecimalField("funds.rates[0].cad", line, QLabel(), QLabel())
    for typed, read in (("0,016", 0.016), ("0.016", 0.016), ("1,5", 1.5), ("abc", "abc")):
        line.setText(typed)
        assert field.read() == read


def test_status_in_canada_is_written_when_ticked_and_removed_when_unticked(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = edit_example(qtbot, window, "about")
    assert d.wizard.draft["applicant"].get("status_in_canada") is None
    d.section("applicant.status_in_canada")
    d.choose("applicant.status_in_canada.kind", "worker")
    d.type("applicant.status_in_canada.permit_expires_on", "2027-02-28")
    d.tick("applicant.status_in_canada.employer_specific")
    d.settle()
    assert d.wizard.assessment is not None and d.wizard.assessment.check.complete
    save(d, window)
    saved = window.service.current()
    assert saved is not None
    status = StatusInCanada("worker", date(2027, 2, 28), None, True)
    assert saved.applicant.status_in_canada == status
    assert encode(saved)["applicant"]["status_in_canada"]["kind"] == "worker"

    window.edit_file()
    d = Driver(qtbot, window.wizard)
    window.wizard.go_to("about")
    group = d.widget(QGroupBox, "applicant.status_in_canada:present")
    assert group.isChecked()
    assert d.widget(QLineEdit, "applicant.status_in_canada.permit_expires_on").text() == (
        "2027-02-28"
    )
    d.section("applicant.status_in_canada", False)
    save(d, window)
    saved = window.service.current()
    assert saved is not None and saved.applicant.status_in_canada is None
    assert "status_in_canada" not in encode(saved)["applicant"]


def test_status_kind_none_has_no_permit_and_each_person_has_the_section(
    qtbot: QtBot, window: MainWindow
) -> None:
    d = edit_example(qtbot, window, "about")
    d.section("applicant.status_in_canada")
    d.choose("applicant.status_in_canada.kind", "none")
    expires = d.widget(QLineEdit, "applicant.status_in_canada.permit_expires_on")
    assert not expires.isEnabled()
    assert d.wizard.draft["applicant"]["status_in_canada"]["permit_expires_on"] is None
    d.choose("applicant.status_in_canada.kind", "student")
    assert expires.isEnabled()
    d.settle()
    assert not d.wizard.next_button.isEnabled()
    assert "Permit expires on" in d.wizard.reason.text()
    d.type("applicant.status_in_canada.permit_expires_on", "2027-08-31")
    d.settle()
    assert d.wizard.assessment is not None and d.wizard.assessment.check.complete
    window.wizard.go_to("spouse")
    d.section("spouse.status_in_canada")
    d.type("spouse.status_in_canada.permit_expires_on", "2027-03-31")
    window.wizard.go_to("children")
    if d.wizard.draft.get("children"):
        d.widget(QGroupBox, "children[0].status_in_canada:present")
    save(d, window)
    saved = window.service.current()
    assert saved is not None and saved.spouse is not None
    assert saved.applicant.status_in_canada == StatusInCanada("student", date(2027, 8, 31))
    assert saved.spouse.status_in_canada == StatusInCanada("worker", date(2027, 3, 31))
