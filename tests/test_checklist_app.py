"""The checklist in use: progress kept in the store, regeneration, attachments, view, CLI."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.checklist import ChecklistEntry, progress
from ee_desktop.cli import main
from ee_desktop.profile import decode
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.store import Store, open_store
from ee_desktop.ui.checklist_view import KEY_ROLE, STANDING_ROLE, ChecklistView
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases, services_for


def family(example: dict[str, Any]) -> dict[str, Any]:
    """A married applicant with a child, jobs in two countries, a spouse who lived abroad."""
    data = copy.deepcopy(example)
    a = data["applicant"]
    a["work_history"].append(
        {
            "title": "Developer",
            "employer": "Maple Software",
            "noc_code": "21232",
            "country": "CA",
            "start": "2024-01-08",
            "end": None,
            "hours_per_week": 37.5,
            "self_employed": False,
            "paid": True,
            "while_full_time_student": False,
        }
    )
    a["work_history"][0]["end"] = "2023-12-31"
    a["passport"] = {
        "number": "P1",
        "country": "IN",
        "issued_on": "2019-01-01",
        "expires_on": "2029-01-01",
    }
    a["residence_history"] = [
        {"country": "IN", "from": "1996-04-12", "to": "2023-12-31"},
        {"country": "CA", "from": "2024-01-01", "to": None},
    ]
    data["spouse"]["residence_history"] = [
        {"country": "IN", "from": "1995-01-03", "to": "2019-06-30"},
        {"country": "AE", "from": "2019-07-01", "to": "2023-12-31"},
        {"country": "CA", "from": "2024-01-01", "to": None},
    ]
    return data  # fmt: skip


@pytest.fixture
def store(data_dir: Path, example_data: dict[str, Any]) -> Iterator[Store]:
    opened = open_store(data_dir, FixedPassphrases())
    opened.save(decode(family(example_data), today=TODAY))
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store) -> ChecklistService:
    return services_for(store).checklist


def by_key(entries: list[ChecklistEntry]) -> dict[str, ChecklistEntry]:
    return {e.key: e for e in entries}


def letter_keys(entries: list[ChecklistEntry]) -> list[str]:
    return [e.key for e in entries if e.key.startswith("reference_letter:applicant")]


def test_the_family_gets_its_documents(service: ChecklistService) -> None:
    entries = service.entries(TODAY)
    keys = set(by_key(entries))
    assert len(letter_keys(entries)) == 2  # one per job, in two countries
    police = sorted(k for k in keys if k.startswith("police"))
    assert any("spouse" in k and "AE" in k for k in police)
    assert any("applicant" in k and "IN" in k for k in police)
    assert not any(k.endswith(":CA") for k in police)  # Canada never needs one
    assert any(k.startswith("marriage") for k in keys)
    assert any(k.startswith("birth_certificate") for k in keys)
    assert all(e.needed and e.status == "needed" for e in entries)
    assert progress(entries) == (0, len(entries))


def test_progress_survives_a_restart(
    service: ChecklistService, store: Store, data_dir: Path
) -> None:
    entry = service.entries(TODAY)[0]
    service.set_status(entry, "requested", date(2026, 11, 20))
    service.set_notes(by_key(service.entries(TODAY))[entry.key], "Asked the embassy")
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    again = by_key(services_for(reopened).checklist.entries(TODAY))[entry.key]
    assert (again.status, again.requested_on, again.notes) == (
        "requested",
        date(2026, 11, 20),
        "Asked the embassy",
    )
    reopened.close()


def test_regeneration_keeps_progress_and_moves_what_is_no_longer_needed(
    service: ChecklistService, store: Store, example_data: dict[str, Any], tmp_path: Path
) -> None:
    entries = service.entries(TODAY)
    canadian_letter = next(
        e
        for e in entries
        if e.key.startswith("reference_letter:applicant") and "Maple" in e.title + e.key
    )
    service.set_status(canadian_letter, "received", TODAY)
    scan = tmp_path / "letter.pdf"
    scan.write_bytes(b"%PDF-1.4 letter")
    service.attach(by_key(service.entries(TODAY))[canadian_letter.key], scan)

    without_job = family(example_data)
    without_job["applicant"]["work_history"].pop()
    store.save(decode(without_job, today=TODAY))
    gone = by_key(service.entries(TODAY))[canadian_letter.key]
    assert not gone.needed and gone.status == "received" and len(gone.attachments) == 1
    assert gone.title == canadian_letter.title

    store.save(decode(family(example_data), today=TODAY))
    back = by_key(service.entries(TODAY))[canadian_letter.key]
    assert back.needed and back.status == "received" and back.attachments


def test_reordering_the_file_keeps_every_item(
    service: ChecklistService, store: Store, example_data: dict[str, Any]
) -> None:
    before = service.entries(TODAY)
    service.set_status(before[0], "received", TODAY)
    data = family(example_data)
    data["applicant"]["work_history"].reverse()
    store.save(decode(data, today=TODAY))
    after = service.entries(TODAY)
    assert sorted(e.key for e in after) == sorted(e.key for e in before)
    assert all(e.needed for e in after)
    assert by_key(after)[before[0].key].status == "received"


def test_own_items(service: ChecklistService) -> None:
    service.add_custom("Letter from my landlord", "application", "applicant", "You")
    entries = service.entries(TODAY)
    mine = [e for e in entries if e.custom]
    assert [(e.title, e.needed, e.stage) for e in mine] == [
        ("Letter from my landlord", True, "application")
    ]
    assert not [e for e in service.entries(TODAY, "profile") if e.custom]
    service.remove(mine[0])
    assert not [e for e in service.entries(TODAY) if e.custom]
    with pytest.raises(ValueError):
        service.remove(entries[0])


def test_attachments_are_encrypted_and_open_intact(
    service: ChecklistService, store: Store, data_dir: Path, tmp_path: Path
) -> None:
    marker = b"MKattachmentQ77 passport scan " + bytes(range(256)) * 50
    source = tmp_path / "passport.png"
    source.write_bytes(marker)
    entry = service.entries(TODAY)[0]
    attachment = service.attach(entry, source)
    stored = list((data_dir / "vault").iterdir())
    assert len(stored) == 1
    assert b"MKattachmentQ77" not in stored[0].read_bytes()
    assert all(b"passport.png" not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    copy_path = service.open_attachment(attachment)
    assert copy_path.name == "passport.png" and copy_path.read_bytes() == marker
    assert copy_path.stat().st_mode & 0o077 == 0
    store.vault.close()
    assert not copy_path.exists()
    service.remove_attachment(attachment)
    assert list((data_dir / "vault").iterdir()) == []


# -- the view ---------------------------------------------------------------------------------
@pytest.fixture
def view(qtbot: QtBot, service: ChecklistService) -> ChecklistView:
    shown = ChecklistView(service, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    shown.refresh()
    return shown


def test_view_groups_by_person_and_stage_with_progress(view: ChecklistView) -> None:
    groups = [view.model.item(r).text() for r in range(view.model.rowCount())]
    assert any(g.startswith("You — ") for g in groups)
    assert any("spouse" in g.lower() for g in groups)
    total = sum(view.model.item(r).rowCount() for r in range(view.model.rowCount()))
    assert total == len(view.entries)
    assert view.progress.value() == 0 and f"0 of {total}" in view.progress.text()


def test_status_from_the_view_is_kept(view: ChecklistView, service: ChecklistService) -> None:
    first = view.visible_entries()[0]
    view.select(first.key)
    view.detail.status.setCurrentIndex(view.detail.status.findData("received"))
    view.detail.status.activated.emit(view.detail.status.currentIndex())
    assert by_key(service.entries(TODAY))[first.key].status == "received"
    # The first item is the passport, one record shown in both stages: two lines received.
    assert first.key == "profile.passport:applicant"
    assert view.progress.value() == 2
    view.show_filter.setCurrentIndex(view.show_filter.findData("outstanding"))
    assert first.key not in [e.key for e in view.visible_entries()]


def test_files_dropped_on_an_item_are_attached(
    view: ChecklistView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    scan = tmp_path / "ielts.pdf"
    scan.write_bytes(b"%PDF ielts")
    group = view.model.item(0)
    target = group.child(1)
    rect = view.tree.visualRect(target.index())
    key = target.data(KEY_ROLE)  # the model is rebuilt after the drop
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    point = rect.center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # What a drag from the file manager delivers: enter, move, then drop.
    for event in (
        QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers),
        QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers),
        QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers),
    ):
        QApplication.sendEvent(view.tree.viewport(), event)
    assert [a.filename for a in view.entries[key].attachments] == ["ielts.pdf"]


def test_hundreds_of_items_use_one_model(
    qtbot: QtBot, store: Store, example_data: dict[str, Any]
) -> None:
    data = family(example_data)
    job = data["applicant"]["work_history"][0]
    data["applicant"]["work_history"] = [
        dict(
            job,
            employer=f"Employer {i}",
            start=f"20{17 + i % 9}-0{1 + i % 9}-01",
            end=f"20{17 + i % 9}-0{1 + i % 9}-28",
        )
        for i in range(120)
    ]
    store.save(decode(data, today=TODAY))
    shown = ChecklistView(services_for(store).checklist, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.refresh()
    rows = sum(shown.model.item(r).rowCount() for r in range(shown.model.rowCount()))
    assert rows >= 120
    # Rows are model items drawn by the view, not widgets.
    group = shown.model.item(0)
    assert all(
        shown.tree.indexWidget(group.child(i).index()) is None for i in range(group.rowCount())
    )


# -- command line ------------------------------------------------------------------------------
def test_checklist_command(
    capsys: pytest.CaptureFixture, tmp_path: Path, example_data: dict[str, Any]
) -> None:
    path = tmp_path / "family.json"
    path.write_text(json.dumps(family(example_data)))
    assert main(["checklist", str(path), "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == len(result["items"]) and result["done"] == 0
    assert any(i["key"].startswith("police") for i in result["items"])
    assert main(["checklist", str(path), "--stage", "profile"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Documents on") and "application" not in text.split("\n", 2)[1]
    assert main(["import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    assert main(["checklist", "--as-of", "2026-11-24"]) == 0
    assert "0 of" in capsys.readouterr().out


def test_notes_are_kept_when_the_status_changes_or_another_item_is_chosen(
    view: ChecklistView, service: ChecklistService
) -> None:
    first, second = view.visible_entries()[:2]
    view.select(first.key)
    view.detail.notes.setPlainText("Asked the embassy on Monday")
    view.detail.status.setCurrentIndex(view.detail.status.findData("requested"))
    view.detail.status.activated.emit(view.detail.status.currentIndex())
    stored = by_key(service.entries(TODAY))[first.key]
    assert (stored.status, stored.notes) == ("requested", "Asked the embassy on Monday")
    view.select(second.key)
    view.detail.notes.setPlainText("Reference 42")
    view.select(first.key)
    assert by_key(service.entries(TODAY))[second.key].notes == "Reference 42"
    assert view.detail.notes.toPlainText() == "Asked the embassy on Monday"
    rows = [
        r for r in service.store.checklist(service.store.active_id() or 0) if r.key == first.key
    ]
    assert len(rows) == 1  # one stored row per item, however many changes


def test_attaching_what_cannot_be_stored_is_a_clear_error(
    service: ChecklistService, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop.store import vault as vault_module
    from ee_desktop.store.vault import VaultError

    entry = service.entries(TODAY)[0]
    with pytest.raises(VaultError, match="not a regular file"):
        service.attach(entry, tmp_path)
    with pytest.raises(VaultError, match="missing.pdf"):
        service.attach(entry, tmp_path / "missing.pdf")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 1024)
    monkeypatch.setattr(vault_module, "MAX_ATTACHMENT_BYTES", 100)
    with pytest.raises(VaultError, match="larger than"):
        service.attach(entry, big)
    monkeypatch.setattr(vault_module, "MAX_ATTACHMENT_BYTES", 10_000)

    def full(*_args: object, **_kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_module.os, "fsync", full)
    with pytest.raises(VaultError, match="No space left"):
        service.attach(entry, big)
    assert not [p for p in (store.path.parent / "vault").iterdir() if p.name.endswith(".part")]
    assert by_key(service.entries(TODAY))[entry.key].attachments == ()


# -- one document, one record; statuses; files always in view ----------------------------------
def test_a_document_of_both_stages_is_one_record(service: ChecklistService, tmp_path: Path) -> None:
    items = by_key(service.entries(TODAY))
    service.set_status(items["profile.passport:applicant"], "received", TODAY)
    scan = tmp_path / "passport.pdf"
    scan.write_bytes(b"%PDF passport")
    service.attach(by_key(service.entries(TODAY))["passport:applicant"], scan)
    items = by_key(service.entries(TODAY))
    for key in ("profile.passport:applicant", "passport:applicant"):
        assert items[key].status == "received" and items[key].received_on == TODAY
        assert [a.filename for a in items[key].attachments] == ["passport.pdf"]
    assert items["passport:spouse"].status == "needed"  # another person's passport
    rows = service.store.checklist(service.store.active_id() or 0)
    assert len(rows) == 1  # one stored row for the two items
    # Each stage on its own shows it too.
    assert by_key(service.entries(TODAY, "application"))["passport:applicant"].done
    assert by_key(service.entries(TODAY, "profile"))["profile.passport:applicant"].done


def test_rows_saved_under_the_old_per_stage_keys_are_still_read(
    service: ChecklistService, store: Store
) -> None:
    file_id = store.active_id() or 0
    language = next(k for k in by_key(service.entries(TODAY)) if k.startswith("profile.language"))
    old = store.add_checklist_item(file_id, language, {"title": "old", "stage": "profile"})
    store.update_checklist_item(old, status="requested", notes="Asked IDP")
    other = store.add_checklist_item(
        file_id, language.removeprefix("profile."), {"title": "old", "stage": "application"}
    )
    store.update_checklist_item(other, status="received", received_on=TODAY)
    items = by_key(service.entries(TODAY))
    both = (items[language], items[language.removeprefix("profile.")])
    assert all((e.status, e.notes, e.received_on) == ("received", "Asked IDP", TODAY) for e in both)
    assert not [e for e in items.values() if not e.needed]  # neither row reads as gone
    # A change through either item reaches both rows: they never disagree again.
    service.set_status(both[0], "needed", TODAY)
    assert {r.status for r in store.checklist(file_id)} == {"needed"}
    assert all(not e.done for e in service.entries(TODAY) if e.record == both[0].record)


def test_view_shows_one_record_in_both_stages(view: ChecklistView) -> None:
    view.select("passport:applicant")
    view.detail.status.setCurrentIndex(view.detail.status.findData("received"))
    view.detail.status.activated.emit(view.detail.status.currentIndex())
    assert view.entries["profile.passport:applicant"].status == "received"
    shown = status_cells(view)
    assert (
        shown["profile.passport:applicant"]
        == shown["passport:applicant"]
        == (
            "done",
            "✓ Received",
        )
    )


def status_cells(view: ChecklistView) -> dict[str, tuple[str, str]]:
    out = {}
    for row in range(view.model.rowCount()):
        group = view.model.item(row)
        for child in range(group.rowCount()):
            status = group.child(child, 1)
            out[group.child(child).data(KEY_ROLE)] = (status.data(STANDING_ROLE), status.text())
    return out


def test_before_an_invitation_application_items_are_to_collect(
    view: ChecklistView, service: ChecklistService, store: Store
) -> None:
    shown = status_cells(view)
    assert shown["photo:applicant"] == ("to_collect", "○ To collect")
    assert shown["profile.passport:applicant"][0] == "needed"
    cell = view.model.item(1).child(0, 1)
    assert cell.foreground().color().name() == "#5f6368"  # neutral, not an alarm
    store.set_milestone(store.active_id() or 0, "invitation", TODAY)
    view.refresh()
    assert status_cells(view)["photo:applicant"][0] == "needed"


def test_full_names_are_in_tooltips_and_groups_span_the_row(view: ChecklistView) -> None:
    for row in range(view.model.rowCount()):
        group = view.model.item(row)
        assert group.toolTip() == group.text()
        assert view.tree.isFirstColumnSpanned(row, view.model.indexFromItem(group).parent())
        for child in range(group.rowCount()):
            name = group.child(child)
            entry = view.entries[name.data(KEY_ROLE)]
            assert name.toolTip().startswith(entry.title)
    assert view.tree.wordWrap()


def test_files_bar_is_in_view_and_open_remove_need_a_chosen_file(
    view: ChecklistView, service: ChecklistService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = view.files
    view.resize(1366, 700)
    view.select("photo:applicant")
    assert files.attach_button.isEnabled() and files.attach_button.isVisible()
    assert not files.open_button.isEnabled() and not files.remove_file.isEnabled()
    assert files.hint.isVisible() and "Drop files here" in files.hint.text()
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    scan = tmp_path / "photo.jpg"
    scan.write_bytes(b"JPEG photo")
    view.attach_files(view.entries["photo:applicant"], [scan])
    assert len(asked) == 1 and "received" in asked[0]
    assert view.entries["photo:applicant"].status == "received"
    assert files.list.count() == 1
    assert not files.open_button.isEnabled()  # still nothing chosen
    files.list.setCurrentRow(0)
    assert files.open_button.isEnabled() and files.remove_file.isEnabled()
    # A second file: already received, so no question.
    view.attach_files(view.entries["photo:applicant"], [scan])
    assert len(asked) == 1

    shown: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: shown.append(text))
    files.list.setCurrentRow(0)
    files.open_button.click()
    assert len(shown) == 1 and "photo.jpg" in shown[0] and "No program" in shown[0]


def test_language_check_boxes_save_at_once_and_mark_the_file(
    view: ChecklistView, service: ChecklistService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    files = view.files
    key = next(k for k in view.entries if k.startswith("birth_certificate"))
    view.select(key)
    for name in ("acte.pdf", "acte-en.pdf"):
        (tmp_path / name).write_bytes(b"%PDF " + name.encode())
    view.attach_files(view.entries[key], [tmp_path / "acte.pdf", tmp_path / "acte-en.pdf"])
    assert not files.other_language.isEnabled() and not files.translation.isEnabled()

    files.list.setCurrentRow(0)
    assert files.other_language.isEnabled() and not files.other_language.isChecked()
    files.other_language.click()
    stored = {a.filename: a for a in by_key(service.entries(TODAY))[key].attachments}
    assert stored["acte.pdf"].other_language and not stored["acte.pdf"].translation
    assert files.list.item(0).text().endswith("(other language)")
    assert files.list.currentRow() == 0 and files.other_language.isChecked()

    files.list.setCurrentRow(1)
    assert not files.other_language.isChecked() and not files.translation.isChecked()
    files.translation.click()
    stored = {a.filename: a for a in by_key(service.entries(TODAY))[key].attachments}
    assert stored["acte-en.pdf"].translation and not stored["acte-en.pdf"].other_language
    assert files.list.item(1).text().endswith("(translation)")
    assert files.list.item(0).text().endswith("(other language)")

    files.list.setCurrentRow(0)
    assert files.other_language.isChecked()
    files.other_language.click()  # unchecked: saved too
    stored = {a.filename: a for a in by_key(service.entries(TODAY))[key].attachments}
    assert not stored["acte.pdf"].other_language
    assert "(" not in files.list.item(0).text().split(")", 1)[1]


def test_attaching_offers_to_mark_received_and_no_keeps_the_status(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    scan = tmp_path / "birth.pdf"
    scan.write_bytes(b"%PDF birth")
    key = next(k for k in view.entries if k.startswith("birth_certificate"))
    view.attach_files(view.entries[key], [scan])
    assert view.entries[key].status == "needed" and len(view.entries[key].attachments) == 1


def test_dragging_files_over_the_files_bar_highlights_it(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    scan = tmp_path / "medical.pdf"
    scan.write_bytes(b"%PDF medical")
    view.select("photo:applicant")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    point = view.files.rect().center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        view.files, QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    )
    assert view.files.property("dropping") is True
    QApplication.sendEvent(
        view.files,
        QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, modifiers),
    )
    assert view.files.property("dropping") is False
    assert [a.filename for a in view.entries["photo:applicant"].attachments] == ["medical.pdf"]
