"""The Documents tab's "Prepare upload package…": a folder chosen, a progress dialog per
item (cancellable), then a summary with the files, the problems and the warning that the
files are not encrypted."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.services.checklist import ChecklistService
from ee_desktop.store import Store
from ee_desktop.ui import checklist_view
from ee_desktop.ui.checklist_view import ChecklistView
from tests.conftest import TODAY, services_for
from tests.package.inputs import HEIC, png, two_page_pdf


@pytest.fixture
def service(store: Store, tmp_path: Path) -> ChecklistService:
    checklist = services_for(store, lambda: TODAY).checklist
    files = tmp_path / "files"
    files.mkdir()
    (files / "statement.pdf").write_bytes(two_page_pdf())
    (files / "phone.heic").write_bytes(HEIC)
    entries = {e.key: e for e in checklist.entries(TODAY)}
    checklist.attach(entries["funds:applicant"], files / "statement.pdf")
    checklist.attach(entries["passport:applicant"], png(files / "scan.png"))
    checklist.attach(entries["photo:applicant"], files / "phone.heic")
    return checklist


@pytest.fixture
def view(qtbot: QtBot, service: ChecklistService) -> ChecklistView:
    shown = ChecklistView(service, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.refresh()
    return shown


def _messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _parent, title, text, *_a, kind=kind: shown.append((kind, title, text)),
        )
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(
        checklist_view.QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder)
    )


def test_the_package_is_written_and_summed_up(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "upload"
    _choose(monkeypatch, out)
    shown = _messages(monkeypatch)
    view.package_button.click()
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(f["key"], f["file"], f["pages"]) for f in manifest["files"]] == [
        ("passport:applicant", "01-passport-applicant.pdf", 1),
        ("photo:applicant", None, 0),
        ("funds:applicant", "03-funds-applicant.pdf", 2),
    ]
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ((kind, title, text),) = shown
    assert kind == "warning" and title == "Upload package"
    assert "01-passport-applicant.pdf (1 page, " in text
    assert "03-funds-applicant.pdf (2 pages, " in text
    assert "Digital photo: phone.heic: phone format HEIC" in text
    assert text.endswith(manifest["not_encrypted"]) and "not encrypted" in text


class _Progress:
    """A QProgressDialog whose user presses Cancel once ``cancel_after`` items are done."""

    instances: list[_Progress] = []
    cancel_after = 1

    def __init__(self, *_args: Any) -> None:
        self.values: list[int] = []
        self.labels: list[str] = []
        self.maximum = 0
        self.closed = False
        _Progress.instances.append(self)

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt's name
        self.values.append(value)

    def setMaximum(self, value: int) -> None:  # noqa: N802 - Qt's name
        self.maximum = value

    def setLabelText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.labels.append(text)

    def wasCanceled(self) -> bool:  # noqa: N802 - Qt's name
        return len(self.values) > self.cancel_after

    def close(self) -> bool:
        self.closed = True
        return True

    def __getattr__(self, _name: str) -> Any:  # setObjectName, setWindowModality, …
        return lambda *_a: None


def test_progress_per_item_and_cancel_removes_what_was_written(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checklist_view, "QProgressDialog", _Progress)
    _Progress.instances.clear()
    out = tmp_path / "upload"
    _choose(monkeypatch, out)
    shown = _messages(monkeypatch)
    view.prepare_package()
    (progress,) = _Progress.instances
    assert progress.maximum == 3 and progress.values == [0, 1]
    assert progress.labels == [
        "Preparing “Passport: biographical page”…",
        "Preparing “Digital photo”…",
    ]
    assert progress.closed and shown == []
    assert not out.exists()  # created for the package, removed with it


def test_a_folder_in_use_gets_a_new_folder_inside(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    (desktop / "mine.txt").write_text("mine")
    _choose(monkeypatch, desktop)
    _messages(monkeypatch)
    view.prepare_package()
    inside = desktop / f"ee-desktop-upload-{TODAY.isoformat()}"
    assert (inside / "manifest.json").exists()
    assert (desktop / "mine.txt").read_text() == "mine"


def test_no_folder_chosen_does_nothing(
    view: ChecklistView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checklist_view.QFileDialog, "getExistingDirectory", lambda *_a: "")
    shown = _messages(monkeypatch)
    view.prepare_package()
    assert shown == []
