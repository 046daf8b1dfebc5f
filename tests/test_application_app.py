"""The application in use: milestones kept with their letters' details and encrypted notes,
the Application tab, the `milestone` and `application` commands, export and import."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.application import Blocker
from ee_desktop.cli import main
from ee_desktop.paths import database_path
from ee_desktop.profile.milestones import Milestone
from ee_desktop.services.application import ApplicationService
from ee_desktop.store import Store, open_store
from ee_desktop.store import database as database_module
from ee_desktop.ui.application_view import LISTED as LISTED_IN_QUESTION
from ee_desktop.ui.application_view import ApplicationView, MilestoneDialog
from ee_desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases, services_for

INVITED = Milestone("invitation", date(2026, 11, 10))


def _service(store: Store) -> ApplicationService:
    return services_for(store).application


@pytest.fixture
def service(store: Store) -> ApplicationService:
    return _service(store)


def test_milestones_keep_their_letters_and_survive_a_restart(
    service: ApplicationService, store: Store, data_dir: Path
) -> None:
    request = Milestone("document_request", date(2026, 11, 2), date(2026, 12, 2), None, "IMM 5669")
    service.record(INVITED, TODAY)
    service.record(request, TODAY)
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    again = _service(reopened)
    assert again.milestones() == [request, INVITED]
    status = again.status(TODAY)
    assert status is not None and status.submission_deadline == date(2027, 1, 9)
    assert any(d.uid == "documents-due:2026-11-02" and d.due == date(2026, 12, 2)
               for d in again.deadlines.deadlines(TODAY))  # fmt: skip
    reopened.close()
    raw = database_path(data_dir).read_bytes()
    assert b"IMM 5669" not in raw  # the note is encrypted


def test_requests_of_the_same_day_are_kept_apart(service: ApplicationService) -> None:
    police = Milestone("document_request", date(2026, 11, 2), note="police")
    service.record(police, TODAY)
    service.record(Milestone("document_request", date(2026, 11, 2), note="employment"), TODAY)
    assert [m.note for m in service.milestones()] == ["police", "employment"]
    second = service.milestones()[1]
    service.record(replace(second, done_on=TODAY), TODAY)  # corrects that record only
    assert [(m.note, m.done_on) for m in service.milestones()] == [
        ("police", None),
        ("employment", TODAY),
    ]
    service.remove(service.milestones()[0])
    assert [m.note for m in service.milestones()] == ["employment"]
    service.record(Milestone("invitation", date(2026, 11, 1)), TODAY)
    service.record(INVITED, TODAY)  # happens once: the new date replaces the old
    assert [m.on for m in service.milestones() if m.name == "invitation"] == [INVITED.on]


def test_impossible_milestones_are_refused_with_the_field_named(
    service: ApplicationService,
) -> None:
    with pytest.raises(ValueError, match="Done on"):
        service.record(Milestone("ppr", date(2026, 11, 2), done_on=date(2026, 11, 1)), TODAY)
    with pytest.raises(ValueError, match="Date: .*future"):
        service.record(Milestone("aor", date(2026, 12, 1)), TODAY)
    assert service.milestones() == []


def test_milestones_written_before_this_version_are_kept_by_the_migration(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, example_data: dict[str, object]
) -> None:

    with monkeypatch.context() as patch:
        patch.setattr(database_module, "HEAD_REVISION", "0007")
        patch.setattr(database_module, "KNOWN_REVISIONS", database_module.KNOWN_REVISIONS[:7])
        open_store(data_dir, FixedPassphrases()).close()
    with sqlite3.connect(database_path(data_dir)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0007",)
        # A file as 0007 stored it: a row of its own (its content does not matter here).
        file_id = raw.execute(
            "INSERT INTO personal_files (label, is_active, created_at, updated_at, "
            "first_official_language) VALUES (x'00', 1, '2026-11-01', '2026-11-01', 'auto')"
        ).lastrowid
        raw.execute(
            "INSERT INTO milestones (file_id, name, \"on\") VALUES (?, 'invitation', '2026-11-10')",
            (file_id,),
        )
    store = open_store(data_dir, FixedPassphrases())
    assert store.milestone_records(file_id) == [INVITED]
    store.close()


# -- the Application tab ------------------------------------------------------------------------
@pytest.fixture
def view(qtbot: QtBot, service: ApplicationService) -> ApplicationView:
    shown = ApplicationView(service, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.refresh()
    return shown


def test_before_an_invitation_the_tab_says_what_to_do(view: ApplicationView) -> None:
    assert view.stage.text() == "Waiting for an invitation"
    assert not view.countdown.isVisibleTo(view)
    assert "record its date" in view.next_step.text()
    assert view.blockers_box.title() == "What would block an application today"


def test_recording_the_invitation_starts_the_countdown(view: ApplicationView) -> None:
    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    assert view.record(INVITED)
    assert changed == [True]
    assert view.stage.text() == "Invited: preparing the application"
    assert view.countdown.text() == "46 days left to submit: the deadline is January 9, 2027."
    assert view.blockers_box.title() == "What blocks submission"
    assert "IRCC's own checklist" in view.official_hint.text()
    assert view.blockers.count() > 5
    first = view.blockers.item(0)
    view.blockers.setCurrentItem(first)
    assert "incomplete" in view.blocker_detail.text()


def test_the_timeline_shows_requests_and_the_processing_standard(
    view: ApplicationView, service: ApplicationService
) -> None:
    for milestone in (
        Milestone("invitation", date(2026, 5, 10)),
        Milestone("application_submitted", date(2026, 6, 1)),
        Milestone("biometrics_request", date(2026, 6, 10), done_on=date(2026, 6, 20)),
        Milestone("document_request", date(2026, 11, 20), due=date(2026, 12, 1)),
    ):
        service.record(milestone, TODAY)
    view.refresh()
    rows = [
        [view.timeline.topLevelItem(i).text(c) for c in range(4)]
        for i in range(view.timeline.topLevelItemCount())
    ]
    assert rows[2] == ["2026-06-10", "Biometrics instruction letter", "2026-07-10",
                       "answered 2026-06-20  (day 9)"]  # fmt: skip
    assert rows[3][:3] == ["2026-11-20", "Request for documents", "2026-12-01"]
    assert rows[-1][1] == "Landed: permanent resident" and rows[-1][0] == ""
    # Submitted with documents still not marked received: they stay listed, as information.
    assert view.blockers_box.isVisibleTo(view)
    assert view.blockers_box.title() == "Still missing (IRCC may ask for these)"
    assert view.processing.value() == 176 and view.processing.maximum() == 183
    assert "Day 176 of 183" in view.processing_text.text()
    assert view.next_step.text() == "Next: Answer the request for documents, by December 1, 2026."


def test_a_step_is_edited_and_removed_from_the_timeline(
    view: ApplicationView, service: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.record(Milestone("document_request", date(2026, 11, 2)), TODAY)
    view.refresh()
    view.timeline.setCurrentItem(view.timeline.topLevelItem(0))
    assert view.remove_button.isEnabled()
    dialog = MilestoneDialog(TODAY, service.milestones()[0], view)
    assert not dialog.name.isEnabled()
    dialog.has_due.setChecked(True)
    dialog.due.setDate(dialog.due.date().addDays(10))
    dialog.note.setText("police certificate for India")
    assert view.record(dialog.milestone())
    assert service.milestones() == [
        Milestone("document_request", date(2026, 11, 2), date(2026, 12, 4), None,
                  "police certificate for India")
    ]  # fmt: skip
    view.timeline.setCurrentItem(view.timeline.topLevelItem(0))
    assert "police certificate for India" in view.step_detail.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    view.remove_selected()
    assert service.milestones() == []


def test_a_refused_milestone_is_explained_and_nothing_is_saved(
    view: ApplicationView, service: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert not view.record(Milestone("ppr", date(2026, 11, 2), date(2026, 11, 1)))
    assert warned and warned[0].startswith("Deadline in the letter")
    assert service.milestones() == []


def _recorded_submissions(service: ApplicationService) -> list[Milestone]:
    return [m for m in service.milestones() if m.name == "application_submitted"]


def test_submitting_with_documents_missing_asks_first_and_cancel_records_nothing(
    view: ApplicationView, service: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.record(INVITED, TODAY)
    view.refresh()
    missing = service.missing_documents(TODAY)
    assert len(missing) > LISTED_IN_QUESTION  # the example file has sent nothing yet
    box, anyway = view.submit_question(missing)
    assert box.windowTitle() == "Record the application as submitted?"
    assert f"{len(missing)} documents of the application" in box.text()
    assert missing[0].title in box.informativeText()
    assert "more (Show Details" in box.informativeText()
    assert box.detailedText().splitlines() == [f"• {b.title}" for b in missing]
    assert anyway.text().replace("&", "") == "Record anyway"
    asked: list[tuple[str, ...]] = []

    def cancel(self: ApplicationView, found: tuple[Blocker, ...]) -> bool:
        asked.append(tuple(b.title for b in found))
        return False

    monkeypatch.setattr(ApplicationView, "ask_submit_anyway", cancel)
    assert not view.record(Milestone("application_submitted", TODAY))
    assert asked == [tuple(b.title for b in missing)]
    assert _recorded_submissions(service) == []
    assert view.stage.text() == "Invited: preparing the application"


def test_record_anyway_records_and_the_missing_list_stays(
    view: ApplicationView, service: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.record(INVITED, TODAY)
    view.refresh()
    missing = service.missing_documents(TODAY)

    def click_record_anyway(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text().replace("&", "") == "Record anyway").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_record_anyway)
    assert view.record(Milestone("application_submitted", TODAY))
    assert len(_recorded_submissions(service)) == 1
    assert view.stage.text() == "Application submitted: in processing"
    assert view.blockers_box.isVisibleTo(view)
    assert view.blockers_box.title() == "Still missing (IRCC may ask for these)"
    listed = [view.blockers.item(i).text() for i in range(view.blockers.count())]
    assert listed == [f"•  {b.title}" for b in missing]
    view.blockers.setCurrentItem(view.blockers.item(0))
    assert "IRCC may ask for it" in view.blocker_detail.text()
    status = service.status(TODAY)
    assert status is not None and [b.title for b in status.still_missing] == [
        b.title for b in missing
    ]
    # Correcting the recorded submission does not ask again.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked again"))
    recorded = _recorded_submissions(service)[0]
    assert view.record(replace(recorded, note="sent online"))


def test_nothing_missing_records_the_submission_without_asking(
    view: ApplicationView, service: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.record(INVITED, TODAY)
    monkeypatch.setattr(type(service), "missing_documents", lambda self, as_of: ())
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked"))
    assert view.record(Milestone("application_submitted", TODAY))
    assert len(_recorded_submissions(service)) == 1


def test_the_dialog_opens_on_the_next_milestone_not_recorded(
    view: ApplicationView, service: ApplicationService
) -> None:
    assert view.record_dialog().name.currentData() == "profile_submitted"
    service.record(Milestone("profile_submitted", date(2026, 9, 1)), TODAY)
    assert view.record_dialog().name.currentData() == "invitation"
    service.record(INVITED, TODAY)
    assert view.record_dialog().name.currentData() == "application_submitted"
    service.record(Milestone("application_submitted", date(2026, 11, 20)), TODAY)
    service.record(Milestone("aor", date(2026, 11, 21)), TODAY)
    assert view.record_dialog().name.currentData() == "biometrics_request"
    assert view.record_dialog("copr").name.currentData() == "copr"  # a step chosen wins


def test_the_dialog_offers_only_the_dates_a_milestone_has(qtbot: QtBot) -> None:
    dialog = MilestoneDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.name.setCurrentIndex(dialog.name.findData("aor"))
    assert dialog.has_due.isHidden() and dialog.has_done.isHidden()
    dialog.name.setCurrentIndex(dialog.name.findData("copr"))
    assert not dialog.has_due.isHidden() and dialog.has_done.isHidden()
    assert "Expires on" in dialog.has_due.text().replace("&", "")
    dialog.name.setCurrentIndex(dialog.name.findData("biometrics_request"))
    assert not dialog.has_done.isHidden()
    assert dialog.milestone() == Milestone("biometrics_request", TODAY)  # boxes unticked


@pytest.fixture
def window(qtbot: QtBot, store: Store, data_dir: Path) -> Iterator[MainWindow]:
    created = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(created)
    created.show()
    yield created


def test_the_window_has_the_tab_and_links_to_the_checklist(window: MainWindow) -> None:
    window.deadlines.application_button.click()
    assert window.home.currentWidget() is window.application
    window.application.checklist_button.click()
    assert window.home.currentWidget() is window.checklist
    assert window.checklist.stage_filter.currentData() == "application"


# -- the command line ---------------------------------------------------------------------------
def test_milestone_and_application_commands(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    assert main(["milestone", "invitation", "2026-11-10"]) == 0
    assert "Recorded invitation on November 10, 2026." in capsys.readouterr().out
    assert main(["application", "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["stage"], result["submission_deadline"], result["days_left"]) == (
        "invited",
        "2027-01-09",
        46,
    )
    assert result["blockers"] and result["blockers"][0]["blocks"] is True
    assert main(["application", "--as-of", "2026-11-24"]) == 0
    text = capsys.readouterr().out
    assert "46 days left to submit: the deadline is January 9, 2027." in text
    assert "What blocks submission" in text and "Timeline:" in text
    assert main(["milestone", "document-request", "2026-11-12", "--due", "2026-12-12",
                 "--note", "IMM 5669"]) == 0  # fmt: skip
    assert main(["milestone", "document-request", "2026-11-12", "--done", "2026-11-20"]) == 0
    capsys.readouterr()
    assert main(["application", "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stage"] == "submitted"  # a request shows the application went in
    request = next(s for s in result["timeline"] if s["milestone"] == "document_request")
    assert (request["due"], request["done_on"], request["note"]) == (
        "2026-12-12",
        "2026-11-20",
        "IMM 5669",
    )  # recording the answer kept the letter's deadline and the note
    assert main(["milestone", "document-request", "2026-11-12", "--remove"]) == 0
    assert main(["milestone", "document-request", "2026-11-12", "--remove"]) == 2
    assert "No document-request recorded on November 12, 2026." in capsys.readouterr().err


def test_recording_the_submission_warns_of_missing_documents_on_stderr(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = _service(store).missing_documents(date.today())
    store.close()
    assert missing
    assert main(["milestone", "invitation", "2026-11-10"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # only the submission warns
    assert main(["milestone", "submitted", "2026-11-20"]) == 0  # a warning, never refused
    captured = capsys.readouterr()
    assert "Recorded submitted on November 20, 2026." in captured.out
    assert "Warning" not in captured.out
    assert f"Warning: {len(missing)} documents of the application" in captured.err
    for blocker in missing:
        assert f"  - {blocker.title}" in captured.err
    assert main(["milestone", "submitted", "2026-11-20", "--note", "online"]) == 0
    assert capsys.readouterr().err == ""  # correcting the record does not warn again


def test_an_unknown_milestone_lists_the_valid_names(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    assert main(["milestone", "visa", "2026-11-10"]) == 2
    err = capsys.readouterr().err
    assert "unknown milestone 'visa'" in err
    for name in ("invitation", "submitted", "aor", "biometrics-request", "medical-request",
                 "document-request", "ppr", "copr", "landed"):  # fmt: skip
        assert name in err
    assert main(["milestone", "aor", "2026-11-10", "--done", "2026-11-11"]) == 2
    assert "Done on" in capsys.readouterr().err


def test_export_carries_the_milestones_and_import_restores_them(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _service(store).record(
        Milestone("ppr", date(2026, 11, 2), date(2026, 12, 2), None, "VFS"), TODAY
    )
    store.close()
    exported = tmp_path / "mine.json"
    assert main(["export", "-o", str(exported)]) == 0
    document = json.loads(exported.read_text())
    assert document["application"] == {
        "milestones": [{"name": "ppr", "on": "2026-11-02", "due": "2026-12-02", "note": "VFS"}]
    }
    assert main(["application", str(exported), "--as-of", "2026-11-24", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stage"] == "approved"
    assert main(["milestone", "ppr", "2026-11-02", "--remove"]) == 0
    assert main(["import", str(EXAMPLE)]) == 0  # no application section: nothing changes
    assert main(["import", str(exported)]) == 0
    capsys.readouterr()
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["application"] == document["application"]
    emptied = tmp_path / "emptied.json"
    emptied.write_text(json.dumps({**document, "application": {"milestones": []}}))
    assert main(["import", str(emptied)]) == 0  # an empty section clears them
    capsys.readouterr()
    assert main(["export"]) == 0
    assert "application" not in json.loads(capsys.readouterr().out)


def test_the_second_of_two_same_day_requests_is_the_one_edited(
    view: ApplicationView, service: ApplicationService
) -> None:
    for note in ("police", "employment"):
        service.record(Milestone("document_request", date(2026, 11, 2), note=note), TODAY)
    view.refresh()
    view.timeline.setCurrentItem(view.timeline.topLevelItem(1))
    step = view.current_step()
    assert step is not None and step.note == "employment"
    dialog = MilestoneDialog(TODAY, step.record, view)
    assert dialog.note.text() == "employment"
    dialog.note.setText("employment letter, Acme")
    assert view.record(dialog.milestone())
    assert [m.note for m in service.milestones()] == ["police", "employment letter, Acme"]
