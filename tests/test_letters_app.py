"""Letters on the Documents tab: a reference letter drafted for the employer, a letter
received checked against the file (or ticked by hand when it is a scan), a letter of
explanation filled from the file, edited, saved and attached to its item."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.profile import Profile, decode
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.services.letters import entry_for, job_for_key
from ee_desktop.store import Store, open_store
from ee_desktop.ui.checklist_view import ChecklistView
from ee_desktop.ui.letters_dialog import CheckLetterDialog, ExplanationDialog
from tests.conftest import TODAY, FixedPassphrases, services_for
from tests.history.history_helpers import family_data

INFOSYS = "reference_letter:applicant:infosys-2010-07-01"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir, FixedPassphrases())
    opened.save(decode(family_data(), today=TODAY))
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store) -> ChecklistService:
    return services_for(store).checklist


@pytest.fixture
def profile(service: ChecklistService) -> Profile:
    return service.active.profile()


@pytest.fixture
def view(qtbot: QtBot, service: ChecklistService) -> ChecklistView:
    shown = ChecklistView(service, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.refresh()
    return shown


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def attachments(service: ChecklistService, key: str) -> int:
    entry = entry_for(service, TODAY, key)
    assert entry is not None
    return len(entry.attachments)


# -- which job an item is about -----------------------------------------------------------------
def test_the_job_of_a_work_item_is_found_from_its_key(profile: Profile) -> None:
    assert job_for_key(profile, INFOSYS) == ("applicant", 1)
    assert job_for_key(profile, "profile.work:applicant:emirates-nbd-2019-05-01") == (
        "applicant",
        2,
    )
    assert job_for_key(profile, "passport:applicant") is None
    assert job_for_key(profile, "reference_letter:applicant:gone-2001-01-01") is None


def test_a_repeated_employer_and_start_is_numbered_as_the_checklist_does() -> None:
    data = family_data()
    jobs = data["applicant"]["work_history"]
    jobs.append(dict(copy.deepcopy(jobs[0]), title="Team lead"))
    profile = decode(data, today=TODAY)
    assert job_for_key(profile, INFOSYS) == ("applicant", 1)
    assert job_for_key(profile, INFOSYS + "-2") == ("applicant", 3)
    assert job_for_key(profile, INFOSYS + "-3") is None


# -- a. the draft for the employer ------------------------------------------------------------
def test_the_draft_of_the_selected_job_is_written_and_can_be_attached(
    view: ChecklistView,
    service: ChecklistService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view.select(INFOSYS)
    save_to(monkeypatch, tmp_path / "draft")  # the suffix is added
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert view.letters_button.draft_action.isEnabled()
    view.letters_button.draft_action.trigger()
    text = docx_text(tmp_path / "draft.docx")
    assert "Infosys" in text and "Software engineer" in text
    assert attachments(service, INFOSYS) == 1
    selected = view.current_entry()
    assert selected is not None and selected.key == INFOSYS


def test_without_a_work_item_selected_the_job_is_asked(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.select("passport:applicant")
    asked: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        asked.append(items)
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    save_to(monkeypatch, tmp_path / "emirates.docx")
    view.letters_button.draft_action.trigger()
    assert "Emirates NBD" in asked[0][1] and asked[0][-1].startswith("Spouse or partner: ")
    assert "Emirates NBD" in docx_text(tmp_path / "emirates.docx")


# -- b. a letter received ---------------------------------------------------------------------
def test_a_docx_letter_is_checked_field_by_field(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    letter = tmp_path / "infosys-letter.docx"
    document = Document()
    for line in (
        "Infosys Limited, Electronics City, Bengaluru. Email: hr@infosys.example",
        "To whom it may concern",
        "This is to certify that Meera Iyer worked with us as Software engineer from "
        "1 July 2010 to 31 March 2019.",
        "Her duties included the following tasks:",
        "Wrote and tested software for banking clients and reviewed the code of others",
        "Sincerely,",
        "Asha Rao, HR Manager",
    ):
        document.add_paragraph(line)
    document.save(str(letter))
    dialog = CheckLetterDialog(profile, letter, ("applicant", 1))
    qtbot.addWidget(dialog)
    marks = {field: label.text()[0] for field, label in dialog.field_labels.items()}
    assert marks == {
        "employer_contact": "✓",
        "signatory": "✓",
        "job_title": "✓",
        "dates": "✓",
        "hours_per_week": "✗",
        "salary": "✗",
        "duties": "✓",
    }
    assert "Hours per week" in dialog.field_labels["hours_per_week"].text()
    assert "main duties of NOC 21232" in dialog.details.text()
    assert not dialog.by_hand
    # Against the other job, the dates and title differ from the file.
    dialog.picker.job.setCurrentIndex(1)
    assert "Differences with your personal file" in dialog.details.text()


def test_a_scanned_letter_gives_a_checklist_to_tick_by_hand(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    scan = tmp_path / "letter.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    dialog = CheckLetterDialog(profile, scan, None)
    qtbot.addWidget(dialog)
    assert "Cannot read text: check by hand" in dialog.summary.text()
    assert len(dialog.by_hand) == 7 and not dialog.field_labels
    assert dialog.by_hand["salary"].text() == "Salary"
    dialog.by_hand["salary"].setChecked(True)  # the user's own tick
    assert dialog.by_hand["salary"].isChecked()


def test_the_check_action_opens_the_letter_chosen(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Nothing here but a few words of greeting and thanks.", encoding="utf-8")
    shown: list[CheckLetterDialog] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(letter), ""))

    def run(dialog: CheckLetterDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CheckLetterDialog, "exec", run)
    view.select(INFOSYS)
    view.letters_button.check_action.trigger()
    assert shown[0].picker.number() == 1
    assert all(label.text().startswith("✗") for label in shown[0].field_labels.values())


# -- c. a letter of explanation ---------------------------------------------------------------
def test_the_explanation_is_filled_edited_saved_and_attached(
    qtbot: QtBot,
    service: ChecklistService,
    profile: Profile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = ExplanationDialog(service, lambda: TODAY, profile)
    qtbot.addWidget(dialog)
    assert not dialog.docx_button.isEnabled() and not dialog.attach_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("names"))
    dialog.fill_button.click()
    other = profile.applicant.background.other_names[0]
    assert other.family_name in dialog.editor.toPlainText()
    dialog.editor.setPlainText(
        dialog.editor.toPlainText().replace("[Say why the names differ", "I married in 2012 [")
    )
    save_to(monkeypatch, tmp_path / "names")
    dialog.docx_button.click()
    saved = docx_text(tmp_path / "names.docx")
    assert "I married in 2012" in saved and "Say why the names differ" not in saved
    assert "Saved in" in dialog.message.text()

    assert dialog.entry is not None and dialog.entry.key == "passport:applicant"
    assert "Passport" in dialog.attach_button.text()
    before = attachments(service, "passport:applicant")
    dialog.attach_button.click()
    assert attachments(service, "passport:applicant") == before + 1
    entry = entry_for(service, TODAY, "passport:applicant")
    assert entry is not None and entry.attachments[-1].filename.endswith(".pdf")
    assert "Attached" in dialog.message.text()


def test_what_is_missing_to_write_a_letter_is_said_in_the_dialog(
    qtbot: QtBot, service: ChecklistService, profile: Profile
) -> None:
    dialog = ExplanationDialog(service, lambda: TODAY, profile)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("police"))
    assert dialog.country.isVisible() and not dialog.picker.job.isVisible()
    dialog.fill_button.click()
    assert "country" in dialog.message.text() and not dialog.editor.toPlainText()
    dialog.kind.setCurrentIndex(dialog.kind.findData("funds"))
    dialog.fill_button.click()  # the file records no deposit: the core's LetterError
    assert "no deposit" in dialog.message.text()
    assert dialog.letter is None and not dialog.pdf_button.isEnabled()


def test_the_item_selected_chooses_the_letter_and_attaching_refreshes_the_tab(
    view: ChecklistView, service: ChecklistService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[ExplanationDialog] = []

    def run(dialog: ExplanationDialog) -> int:
        opened.append(dialog)
        dialog.fill()
        dialog.attach()
        return 0

    monkeypatch.setattr(ExplanationDialog, "exec", run)
    view.select("police:applicant:IN")
    view.letters_button.explain_action.trigger()
    dialog = opened[0]
    assert dialog.kind.currentData() == "police" and dialog.country.code() == "IN"
    assert "India" in dialog.editor.toPlainText()
    assert len(view.entries["police:applicant:IN"].attachments) == 1
    selected = view.current_entry()
    assert selected is not None and selected.key == "police:applicant:IN"
