"""PDF reports from the command line and from the window (rendered off the GUI thread)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ee_desktop.cli import main
from ee_desktop.profile.milestones import Milestone
from ee_desktop.report import render
from ee_desktop.store import Store
from ee_desktop.ui.main_window import MainWindow
from ee_desktop.ui.report_export import ReportChoice, ReportExport
from tests.conftest import EXAMPLE, TODAY, services_for


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_report_command_for_a_file(tmp_path: Path) -> None:
    out = tmp_path / "worksheet.pdf"
    assert (
        main(
            ["report", str(EXAMPLE), "--kind", "worksheet", "-o", str(out), "--as-of", "2026-11-24"]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o077 == 0  # the worksheet holds the whole file: private
    text = text_of(out)
    assert "Asha" in text and "21232" in text and "404" in text


def test_report_command_for_the_active_file_on_letter(tmp_path: Path) -> None:
    assert main(["import", str(EXAMPLE)]) == 0
    out = tmp_path / "all.pdf"
    assert (
        main(
            [
                "report",
                "--kind",
                "all",
                "--paper",
                "letter",
                "-o",
                str(out),
                "--as-of",
                "2026-11-24",
            ]
        )
        == 0
    )
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (612, 792)
    assert len(reader.pages) >= 3


def test_the_active_file_report_has_its_application(store: Store) -> None:
    services = services_for(store)
    service, checklist, deadlines = services.reports, services.checklist, services.deadlines
    before = service.input(TODAY).application
    assert before is not None and before.stage == "profile"
    deadlines.record_milestone(Milestone("invitation", date(2026, 11, 10)), TODAY)
    photo = next(e for e in checklist.entries(TODAY) if e.key == "photo:applicant")
    checklist.set_status(photo, "received", TODAY)
    data = service.input(TODAY)
    status = data.application
    assert status is not None and status.stage == "invited"
    assert status.submission_deadline == date(2027, 1, 9)
    keys = {b.key for b in status.blockers if b.kind == "document"}
    assert "passport:applicant" in keys and "photo:applicant" not in keys  # progress counts
    assert any(d.uid == "ita-submit:2026-11-10" for d in data.deadlines)
    out = io.BytesIO(render(data, "worksheet"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "10. Application for permanent residence" in text
    assert "the deadline is January 9, 2027" in text


def test_report_command_reports_an_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "missing-folder" / "x.pdf"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_export_from_the_window_runs_off_the_gui_thread(
    qtbot: QtBot, store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(window)
    target = tmp_path / "checklist.pdf"
    monkeypatch.setattr(ReportChoice, "exec", lambda self: ReportChoice.DialogCode.Accepted)
    monkeypatch.setattr(ReportChoice, "kind", lambda self: "checklist")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    offered: list[str] = []
    monkeypatch.setattr(ReportExport, "ask_to_open", lambda self, path: offered.append(path))
    job = window.export_pdf()
    assert job is not None
    with qtbot.waitSignal(window.pdf_export.done, timeout=30000):
        pass
    assert offered == [str(target)]
    assert "Passport" in text_of(target)
