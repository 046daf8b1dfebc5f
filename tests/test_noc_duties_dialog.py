"""The work history's 'Find my NOC by duties…' dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ee_desktop.wizard.pages.jobs import JobCard, new_job
from ee_desktop.wizard.pages.noc_duties import NocDutiesDialog

DUTIES = """Wrote Python and JavaScript programs for the company's online shop
Tested new features and fixed the bugs customers reported
Wrote the documentation of each new version
Design, write, read, test, and correct code for new software"""


def _card(qtbot: QtBot, code: str) -> JobCard:
    card = JobCard("applicant.work_history.0", 0)
    qtbot.addWidget(card)
    node = new_job()
    node["noc_code"] = code
    card.bind(node)
    return card


def test_the_button_opens_the_dialog_and_use_this_noc_sets_the_field(qtbot: QtBot) -> None:
    card = _card(qtbot, "63200")
    button = card.find_noc
    assert button.text() == "Find my NOC by duties…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = card.noc_dialog
    assert isinstance(dialog, NocDutiesDialog) and dialog.current_code == "63200"
    dialog.text.setPlainText(DUTIES)
    qtbot.mouseClick(dialog.match_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 20
    assert [dialog.table.item(0, c).text() for c in range(2)] == [
        "21232",
        "Software developers and programmers",
    ]
    assert dialog.selected_code() == "21232" and dialog.use_button.isEnabled()
    detail = dialog.detail.toPlainText()
    assert "Write documentation for new and updated software" in detail
    assert "is the NOC's text (21232): describe what you really did" in detail
    assert "Your NOC 63200 ranks" in detail and "The job's NOC 63200 (Cooks) ranks" in detail
    assert "your NOC is 21230" in detail  # the exclusions of the selected unit group
    assert "Open Government Licence – Canada" in detail
    assert "describe what you really did" in dialog.problem.text()
    dialog.table.selectRow(1)
    second = dialog.table.item(1, 0).text()
    assert second in dialog.detail.toPlainText()
    with qtbot.waitSignal(card.edited):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert card.noc_field.node["noc_code"] == second
    assert card.noc_field.line.text() == second
    assert card.noc_hint.text().startswith(dialog.match_result.find(second).title)  # type: ignore[union-attr]
    assert not dialog.isVisible()


def test_nothing_to_match_is_said_not_crashed(qtbot: QtBot) -> None:
    dialog = NocDutiesDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("  the of and  ")
    dialog.run_match()
    assert dialog.problem.text() == "Write at least one duty, in English."
    assert dialog.table.rowCount() == 0 and not dialog.use_button.isEnabled()
    dialog.text.setPlainText("cook\n" * 300)
    dialog.run_match()
    assert dialog.problem.text().startswith("Too many duties")


def test_the_french_interface_says_the_duties_are_in_english(qtbot: QtBot, french: None) -> None:
    from ee_desktop.noc.duties import duties_language_note

    dialog = NocDutiesDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Cooked meals for the restaurant\nCleaned the kitchen")
    dialog.run_match()
    assert duties_language_note() in dialog.detail.toPlainText()
