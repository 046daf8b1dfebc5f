"""Deadlines in use: milestones and own dates kept, the view, reminders, the calendar, CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ee_desktop.cli import main
from ee_desktop.services.deadlines import DeadlinesService
from ee_desktop.store import Store, open_store
from ee_desktop.ui.deadlines_view import DeadlinesView, urgency
from ee_desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLE, TODAY, FixedPassphrases, services_for


@pytest.fixture
def service(store: Store) -> DeadlinesService:
    return services_for(store).deadlines


def test_invitation_starts_the_countdown_and_survives_a_restart(
    service: DeadlinesService, store: Store, data_dir: Path
) -> None:
    before = {d.uid for d in service.deadlines(TODAY)}
    service.set_milestone("invitation", date(2026, 11, 10), TODAY)
    after = service.deadlines(TODAY)
    submit = [d for d in after if d.uid not in before and d.due == date(2027, 1, 9)]
    assert submit, [(d.uid, d.due) for d in after if d.uid not in before]
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    again = services_for(reopened).deadlines
    assert again.milestones()["invitation"] == (date(2026, 11, 10),)
    assert any(d.due == date(2027, 1, 9) for d in again.deadlines(TODAY))
    reopened.close()


def test_own_deadlines_and_reminder_period(service: DeadlinesService) -> None:
    soon = TODAY + timedelta(days=5)
    later = TODAY + timedelta(days=200)
    first = service.add_custom("Book the medical exam", soon)
    service.add_custom("Renew the lease", later)
    mine = [d for d in service.deadlines(TODAY) if d.uid.startswith("custom:")]
    assert [(d.title, d.due) for d in mine] == [
        ("Book the medical exam", soon),
        ("Renew the lease", later),
    ]
    service.set_reminder_days(10)
    assert "Book the medical exam" in [d.title for d in service.due_soon(TODAY)]
    assert "Renew the lease" not in [d.title for d in service.due_soon(TODAY)]
    service.set_custom_done(first, True)
    assert "Book the medical exam" not in [d.title for d in service.due_soon(TODAY)]
    service.delete_custom(first)
    assert len([d for d in service.deadlines(TODAY) if d.uid.startswith("custom:")]) == 1


def test_calendar_export_keeps_its_identifiers(service: DeadlinesService, tmp_path: Path) -> None:
    service.set_milestone("invitation", date(2026, 11, 10), TODAY)
    target = tmp_path / "dates.ics"
    from datetime import UTC, datetime

    count = service.export_ics(target, TODAY, datetime(2026, 11, 24, 12, tzinfo=UTC))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == count > 0
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(e.walk("VALARM") for e in events)
    for uid in uids:
        assert "Acme" not in uid and "Asha" not in uid  # identifiers carry no personal text
    service.export_ics(target, TODAY + timedelta(days=3), datetime(2026, 11, 27, tzinfo=UTC))
    again = [
        str(e["UID"]) for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    ]
    # Three days later the same dates keep the same identifiers.
    assert set(uids) == set(again)


def test_urgency_levels() -> None:
    from ee_desktop.deadlines import Deadline

    def due(days: int) -> Deadline:
        return Deadline(
            uid=f"x{days}",
            due=TODAY + timedelta(days=days),
            kind="custom",
            title="t",
            detail="",
            person="",
        )

    assert [urgency(due(n), TODAY) for n in (-1, 0, 7, 8, 30, 31)] == [
        "overdue",
        "urgent",
        "urgent",
        "soon",
        "soon",
        "",
    ]


# -- the views ------------------------------------------------------------------------------
def test_view_lists_dates_sorted_with_overdue_ones_marked(
    qtbot: QtBot, service: DeadlinesService
) -> None:
    service.add_custom("Something overdue", TODAY - timedelta(days=3))
    view = DeadlinesView(service, lambda: TODAY)
    qtbot.addWidget(view)
    view.refresh()
    dates = [view.model.item(r, 0).text() for r in range(view.model.rowCount())]
    assert dates == sorted(dates) and len(dates) >= 3
    assert "overdue" in view.summary.text()
    overdue_row = dates.index((TODAY - timedelta(days=3)).isoformat())
    assert view.model.item(overdue_row, 0).font().bold()
    assert view.model.item(overdue_row, 1).text() == "3 days ago"


def test_reminders_on_start_and_in_the_tray(
    qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_for(store)
    services.deadlines.add_custom("Call the embassy", date.today() + timedelta(days=2))
    window = MainWindow.open(services, date.today)  # the app starts: reminded of what is due
    qtbot.addWidget(window)
    shown: list[str] = []
    titles: list[str] = []

    def show(self: MainWindow, title: str, text: str) -> None:
        titles.append(title)
        shown.append(text)

    monkeypatch.setattr(MainWindow, "show_reminder", show)
    due = window.remind()
    assert any(d.title == "Call the embassy" for d in due)
    assert "Call the embassy" in shown[0]
    # A heading, and why the message appears.
    assert titles == ["Deadlines coming up"]
    assert shown[0].startswith("<p><b>Deadlines coming up</b></p>")
    assert (
        "Shown when you open ee-desktop while a date falls within its reminder period" in (shown[0])
    )
    assert "Deadlines tab (14 days)" in shown[0]

    class Tray:
        def __init__(self) -> None:
            self.messages: list[str] = []

        def showMessage(self, title: str, text: str, *args: object) -> None:  # noqa: N802
            self.messages.append(text)

    tray = Tray()
    assert window.notify_new(tray) == []  # already announced at start
    window.deadlines_service.add_custom(
        "Upload the police certificate", date.today() + timedelta(days=1)
    )
    fresh = window.notify_new(tray)
    assert [d.title for d in fresh] == ["Upload the police certificate"]
    assert "Upload the police certificate" in tray.messages[0]
    assert window.notify_new(tray) == []


def test_overview_shows_the_next_dates(qtbot: QtBot, store: Store, data_dir: Path) -> None:
    window = MainWindow.open(services_for(store), date.today)
    qtbot.addWidget(window)
    window.deadlines_service.add_custom("Pay the fees", date.today() - timedelta(days=1))
    window.refresh()
    text = window.overview.next_dates.text()
    assert "Pay the fees" in text and "#b00020" in text


# -- command line --------------------------------------------------------------------------------
def test_deadlines_command(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    out = tmp_path / "dates.ics"
    assert (
        main(["deadlines", str(EXAMPLE), "--as-of", "2026-11-24", "--json", "--ics", str(out)]) == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-11-24" and result["deadlines"]
    dues = [d["due"] for d in result["deadlines"]]
    assert dues == sorted(dues)
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == len(result["deadlines"])
    assert main(["deadlines", str(EXAMPLE), "--as-of", "2026-11-24"]) == 0
    assert "2027-04-12" in capsys.readouterr().out  # the birthday that costs points
    with pytest.raises(SystemExit) as exit_info:
        main(["deadlines", "--as-of", "24-11-2026"])
    assert exit_info.value.code == 2


def test_dates_that_make_no_sense_are_refused(service: DeadlinesService) -> None:
    with pytest.raises(ValueError, match="in the future"):
        service.set_milestone("invitation", date(9999, 12, 31), TODAY)
    with pytest.raises(ValueError, match="between"):
        service.add_custom("Far away", date(9999, 12, 31))
    assert service.milestones() == {}
    assert service.deadlines(TODAY)  # still computed


def test_overdue_items_are_not_counted_as_coming_up(
    qtbot: QtBot, service: DeadlinesService
) -> None:
    service.add_custom("Late", TODAY - timedelta(days=5))
    view = DeadlinesView(service, lambda: TODAY)
    qtbot.addWidget(view)
    view.refresh()
    assert "1 overdue" in view.summary.text() and "0 due within" in view.summary.text()


def test_a_30_day_letter_is_announced_at_start_the_day_it_is_recorded(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ee_desktop.profile.milestones import Milestone

    services = services_for(store)
    today = date.today()
    services.deadlines.record_milestone(Milestone("biometrics_request", today), today)
    services.deadlines.record_milestone(Milestone("profile_submitted", today), today)
    window = MainWindow.open(services, date.today)
    qtbot.addWidget(window)
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    due = window.remind()
    kinds = {d.uid.split(":")[0] for d in due}
    assert "biometrics-due" in kinds  # 30 days to give biometrics: announced at once
    assert "profile-expiry" not in kinds  # a year away: announced a month before
    (box,) = boxes
    assert box.windowTitle() == "Deadlines coming up"
    assert box.textFormat() == Qt.TextFormat.RichText
    assert "<b>Deadlines coming up</b>" in box.text() and "Give your biometrics" in box.text()
