"""Provincial streams end to end: answers and steps stored (encrypted), a nomination feeding
the score and the deadlines, the view, and all of it surviving a restart."""

from __future__ import annotations

import json
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from ee_desktop.pnp import FITS, MIGHT_FIT
from ee_desktop.services.deadlines import DeadlinesService
from ee_desktop.services.provinces import ProvincesService
from ee_desktop.store import Store, open_store
from ee_desktop.ui.provinces_view import ProvincesView
from tests.conftest import TODAY, FixedPassphrases, services_for


@pytest.fixture
def service(store: Store) -> ProvincesService:
    return services_for(store).provinces


def _deadlines(store: Store) -> DeadlinesService:
    return services_for(store).deadlines


def _fit(service: ProvincesService, stream_id: str) -> str:
    return next(m.fit for m in service.matches(TODAY) if m.stream.id == stream_id)


def test_answers_are_saved_and_change_the_fit(service: ProvincesService, data_dir: Path) -> None:
    assert _fit(service, "yt-express-entry") == MIGHT_FIT
    service.set_answer("job_offer:YT", "yes")
    assert _fit(service, "yt-express-entry") == FITS
    service.store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    again = services_for(reopened).provinces
    assert again.answers() == {"job_offer:YT": "yes"}
    assert _fit(again, "yt-express-entry") == FITS
    again.set_answer("job_offer:YT", None)
    assert again.answers() == {}
    reopened.close()


def test_a_bad_answer_is_refused_with_a_message(service: ProvincesService) -> None:
    with pytest.raises(ValueError, match="Answer: expected one of yes, no, got 'maybe'"):
        service.set_answer("job_offer:YT", "maybe")


def test_a_nomination_feeds_the_score_and_the_deadlines(service: ProvincesService) -> None:
    store = service.store
    score = _score(service)
    service.record("pe-express-entry", "interest", date(2026, 9, 1), TODAY)
    assert store.load().applicant.provincial_nomination is None  # type: ignore[union-attr]
    service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY, "PEI-123")
    held = store.load().applicant.provincial_nomination  # type: ignore[union-attr]
    assert (held.province, held.stream, held.nominated_on) == (  # type: ignore[union-attr]
        "PE",
        "PEI Express Entry",
        date(2026, 11, 20),
    )
    assert _score(service) == min(1200, score + 600)
    due = {d.uid: d for d in _deadlines(store).deadlines(TODAY)}
    accept = due["nomination-accept:PE-2026-11-20"]
    assert accept.due == date(2026, 12, 20) and not accept.done  # 30 calendar days
    service.record("pe-express-entry", "accepted", date(2026, 11, 23), TODAY)
    due = {d.uid: d for d in _deadlines(store).deadlines(TODAY)}
    assert due["nomination-accept:PE-2026-11-20"].done


def _score(service: ProvincesService) -> int:
    from ee_desktop.rules import evaluate

    return evaluate(service.store.load(), TODAY, service.rules.rules).crs.total  # type: ignore[arg-type]


def test_removing_the_nomination_takes_the_points_back(service: ProvincesService) -> None:
    score = _score(service)
    service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY)
    (nominated,) = [e for e in service.events() if e.kind == "nominated"]
    service.remove(nominated.id)
    assert service.store.load().applicant.provincial_nomination is None  # type: ignore[union-attr]
    assert _score(service) == score


def test_a_declined_nomination_is_taken_out_of_the_file(service: ProvincesService) -> None:
    service.record("pe-express-entry", "nominated", date(2026, 11, 1), TODAY)
    service.record("pe-express-entry", "declined", date(2026, 11, 2), TODAY)
    assert service.store.load().applicant.provincial_nomination is None  # type: ignore[union-attr]


def test_two_nominations_on_one_day_the_last_recorded_is_held(
    service: ProvincesService,
) -> None:
    service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY)
    service.record("nt-express-entry", "nominated", date(2026, 11, 20), TODAY)
    assert service.store.load().applicant.provincial_nomination.province == "NT"  # type: ignore[union-attr]
    service.record("nt-express-entry", "declined", date(2026, 11, 21), TODAY)
    assert service.store.load().applicant.provincial_nomination.province == "PE"  # type: ignore[union-attr]


def test_undoing_a_tracked_nomination_gives_back_the_one_entered_by_hand(
    service: ProvincesService,
) -> None:
    from dataclasses import replace

    from ee_desktop.profile.model import ProvincialNomination

    store = service.store
    typed = ProvincialNomination("ON", "Human Capital Priorities", date(2026, 5, 1))
    profile = store.load()
    store.save(replace(profile, applicant=replace(profile.applicant, provincial_nomination=typed)))  # type: ignore[arg-type, union-attr]
    service.record("pe-express-entry", "interest", date(2026, 9, 1), TODAY)
    assert store.load().applicant.provincial_nomination == typed  # type: ignore[union-attr]
    service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY)
    assert store.load().applicant.provincial_nomination.province == "PE"  # type: ignore[union-attr]
    (step,) = [e for e in service.events() if e.kind == "nominated"]
    service.remove(step.id)
    assert store.load().applicant.provincial_nomination == typed  # type: ignore[union-attr]


def test_a_tracked_stream_stays_listed_after_it_closes(service: ProvincesService) -> None:
    service.record("on-human-capital-priorities", "nominated", date(2026, 5, 20), TODAY)
    ids = [m.stream.id for m in service.matches(TODAY)]
    assert "on-human-capital-priorities" in ids  # closed 2026-05-29, still tracked
    service.record("on-human-capital-priorities", "accepted", date(2026, 6, 1), TODAY)
    held = service.store.load().applicant.provincial_nomination  # type: ignore[union-attr]
    assert held is not None and held.accepted_on == date(2026, 6, 1)


def test_an_acceptance_needs_a_nomination_first(service: ProvincesService) -> None:
    with pytest.raises(ValueError, match="Record the nomination first"):
        service.record("pe-express-entry", "accepted", date(2026, 11, 1), TODAY)
    service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY)
    with pytest.raises(ValueError, match="on or before November 1, 2026"):
        service.record("pe-express-entry", "accepted", date(2026, 11, 1), TODAY)


def test_an_unreadable_step_is_left_out(service: ProvincesService) -> None:
    from sqlalchemy.orm import Session

    from ee_desktop.store.models import PnpEventRow

    service.record("pe-express-entry", "interest", date(2026, 9, 1), TODAY)
    store = service.store
    with Session(store._engine) as s, s.begin():
        row = PnpEventRow(file_id=store.active_id())
        store._sealer.seal(row, "content", b'{"stream": "x", "kind": "teleported"}')
        s.add(row)
    assert [e.kind for e in service.events()] == ["interest"]
    assert _deadlines(store).deadlines(TODAY)  # still works


def test_steps_are_checked(service: ProvincesService) -> None:
    with pytest.raises(ValueError, match="Unknown stream 'xx'"):
        service.record("xx", "interest", TODAY, TODAY)
    with pytest.raises(ValueError, match="in the future"):
        service.record("pe-express-entry", "interest", date(2026, 12, 1), TODAY)
    with pytest.raises(ValueError, match="Note: at most 2000 characters"):
        service.record("pe-express-entry", "interest", TODAY, TODAY, "x" * 2001)
    assert service.events() == []


def test_a_province_invitation_sets_a_deadline(service: ProvincesService) -> None:
    service.record("nl-express-entry-skilled-worker", "invited", date(2026, 11, 1), TODAY)
    due = {d.uid: d for d in _deadlines(service.store).deadlines(TODAY)}
    item = due["pnp-apply:nl-express-entry-skilled-worker:2026-11-01"]
    assert item.due == date(2026, 12, 31)  # 60 days
    assert item.title == "Apply to Newfoundland and Labrador: Express Entry Skilled Worker"


def test_a_crash_while_recording_a_nomination_keeps_the_last_save(
    service: ProvincesService,
) -> None:
    store = service.store
    original = store.load()

    def crash() -> None:
        raise RuntimeError("killed")

    store.before_commit = crash
    with pytest.raises(RuntimeError):
        service.record("pe-express-entry", "nominated", date(2026, 11, 20), TODAY)
    store.before_commit = None
    assert store.load() == original
    assert service.events() == []


def test_what_is_tracked_is_not_readable_in_the_database(
    service: ProvincesService, data_dir: Path
) -> None:
    service.record("nl-express-entry-skilled-worker", "applied", TODAY, TODAY, "NL-FILE-98765")
    service.set_answer("nl-express-entry-skilled-worker:offer", "yes")
    service.store.close()
    raw = b"".join(p.read_bytes() for p in data_dir.rglob("*.sqlite3*"))
    for marker in (b"nl-express-entry", b"NL-FILE-98765", b"applied"):
        assert marker not in raw


# -- the view ----------------------------------------------------------------------------------
@pytest.fixture
def view(qtbot, service: ProvincesService) -> ProvincesView:  # type: ignore[no-untyped-def]
    widget = ProvincesView(service, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    widget.refresh()
    return widget


def test_the_view_lists_fits_first_with_reasons(view: ProvincesView) -> None:
    assert view.shown[0].fit == FITS
    assert "<b>2 fit</b>" in view.summary.text()
    # The two health-only streams do not fit the example's developer: their questions are gone.
    assert "Questions to answer for the ones that might fit: 13." in view.summary.text()
    assert "No Express Entry stream is open in: Ontario." in view.summary.text()
    assert "What your file meets" in view.reasons.text()
    view.filter.setCurrentIndex(view.filter.findData("does_not_fit"))
    assert view.shown and all(m.fit == "does_not_fit" for m in view.shown)
    assert "What rules it out" in view.reasons.text()
    view.filter.setCurrentIndex(0)
    view.search.setText("yukon")
    assert [m.stream.id for m in view.shown] == ["yt-express-entry"]
    view.search.setText("no such stream")
    assert view.shown == [] and "No stream matches" in view.title.text()


def _cells(view: ProvincesView, column: int) -> list[str]:
    return [view.model.item(row, column).text() for row in range(view.model.rowCount())]


def test_the_view_names_provinces_and_does_not_cut_stream_names(view: ProvincesView) -> None:
    provinces = _cells(view, 1)
    assert "British Columbia" in provinces and "Prince Edward Island" in provinces
    assert not set(provinces) & {"AB", "BC", "PE", "NL", "NT"}
    # The longest name: the whole text in the cell and its tooltip, wrapped rather than elided.
    row = max(range(view.model.rowCount()), key=lambda r: len(view.model.item(r, 2).text()))
    name = view.model.item(row, 2)
    assert name.text() == name.toolTip() == view.shown[row].stream.name
    assert view.table.wordWrap()
    assert view.table.textElideMode() == Qt.TextElideMode.ElideNone
    assert view.table.rowHeight(row) >= view.table.sizeHintForRow(row)
    # Fit and province columns are as wide as their longest text.
    metrics = view.table.fontMetrics()
    for column in (0, 1):
        widest = max(metrics.horizontalAdvance(text) for text in _cells(view, column))
        assert view.table.columnWidth(column) > widest


def test_the_view_names_provinces_in_french(french: None, view: ProvincesView) -> None:
    provinces = _cells(view, 1)
    for name in ("Colombie-Britannique", "Île-du-Prince-Édouard", "Terre-Neuve-et-Labrador",
                 "Territoires du Nord-Ouest"):  # fmt: skip
        assert name in provinces
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(1) > max(metrics.horizontalAdvance(p) for p in provinces)


def test_health_only_streams_do_not_fit_a_developer(view: ProvincesView) -> None:
    # The example file's occupation is NOC 21232 (software developers and programmers).
    for stream_id in ("bc-eebc-health-authority", "ab-dedicated-health-care-ee"):
        view.select(stream_id)
        m = view.current()
        assert m is not None and m.stream.id == stream_id and m.fit == "does_not_fit"
        assert "For occupations in health only" in view.reasons.text()
        assert not view.questions_box.isVisible()


def test_caveats_every_stream_shares_are_under_sources_once(view: ProvincesView) -> None:
    checked = "Last checked on November 24, 2026."
    assert view.sources.text().startswith("Sources: " + checked)
    for m in view.shown:
        view.select(m.stream.id)
        assert checked not in view.about.text()
        assert "Source:" in view.about.text()
        confirmed = "Not confirmed on the province's own page." in unescape(view.about.text())
        assert confirmed == (not m.stream.verified)


def test_answering_in_the_view_saves_and_moves_the_stream(view: ProvincesView) -> None:
    view.search.setText("yukon")
    box = view.findChild(QComboBox, "question:job_offer:YT")
    assert box is not None
    box.setCurrentIndex(box.findData("yes"))
    assert view.service.answers() == {"job_offer:YT": "yes"}
    assert view.current() is not None and view.current().fit == FITS  # type: ignore[union-attr]
    # Still listed, so the answer can be changed back.
    box = view.findChild(QComboBox, "question:job_offer:YT")
    assert box is not None and box.currentData() == "yes"


def test_recording_a_nomination_in_the_view(view: ProvincesView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.search.setText("PEI")
    with qtbot.waitSignal(view.changed):
        assert view.record_step("nominated", date(2026, 11, 20), "certificate 42")
    assert view.steps.count() == 1
    assert "Nominated" in view.steps.item(0).text()
    assert view.model.item(0, 3).text() == "Nominated 2026-11-20"
    held = view.service.store.load().applicant.provincial_nomination  # type: ignore[union-attr]
    assert held is not None and held.province == "PE"


def test_a_step_in_the_future_is_refused_with_a_message(
    view: ProvincesView, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    view.search.setText("PEI")
    assert not view.record_step("applied", date(2027, 1, 1))
    assert shown and "in the future" in shown[0]
    assert view.service.events() == []


def test_removing_a_step_asks_first(view: ProvincesView, monkeypatch: pytest.MonkeyPatch) -> None:
    view.search.setText("PEI")
    view.record_step("interest", date(2026, 10, 1))
    view.steps.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    view.remove_selected_step()
    assert len(view.service.events()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    view.steps.setCurrentRow(0)
    view.remove_selected_step()
    assert view.service.events() == []


# -- the command line -----------------------------------------------------------------------------
def test_provinces_command_on_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    from ee_desktop.cli import main
    from tests.conftest import EXAMPLE

    assert main(["provinces", str(EXAMPLE), "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-11-24" and result["crs"] > 0
    by_id = {s["id"]: s for s in result["streams"]}
    assert by_id["ab-express-entry"]["fit"] == "fits"
    assert "CRS score" in by_id["ab-express-entry"]["met"][1]
    assert by_id["yt-express-entry"]["questions"][0]["id"] == "job_offer:YT"
    assert result["no_stream_open"] == ["ON"]
    health = by_id["bc-eebc-health-authority"]
    assert health["fit"] == "does_not_fit" and health["province"] == "BC"
    assert health["unmet"][0].startswith("For occupations in health only;")
    assert result["shared_caveats"] == ["Last checked on November 24, 2026."]
    assert [s["fit"] for s in result["streams"]] == sorted(
        (s["fit"] for s in result["streams"]), key=["fits", "might_fit", "does_not_fit"].index
    )

    answer = ["--answer", "job_offer:YT=yes"]
    assert main(["provinces", str(EXAMPLE), "--as-of", "2026-11-24", *answer]) == 0
    text = capsys.readouterr().out
    assert "FITS (3)" in text and "Yukon: Yukon Express Entry" in text
    assert text.count("Last checked on") == 1 and "Sources: Last checked on" in text
    assert "No Express Entry stream open in: Ontario." in text


def test_provinces_command_on_an_earlier_date_uses_the_streams_then(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ee_desktop.cli import main
    from tests.conftest import EXAMPLE

    assert main(["provinces", str(EXAMPLE), "--as-of", "2025-12-01", "--json"]) == 0
    ids = {s["id"] for s in json.loads(capsys.readouterr().out)["streams"]}
    assert "on-human-capital-priorities" in ids and "ns-labour-market-priorities" in ids
    assert "ns-express-entry" not in ids


def test_provinces_command_uses_saved_answers_and_steps(
    service: ProvincesService, capsys: pytest.CaptureFixture[str]
) -> None:
    from ee_desktop.cli import main

    service.set_answer("job_offer:YT", "yes")
    service.record("yt-express-entry", "applied", date(2026, 11, 2), TODAY, "YT-77")
    service.store.close()
    assert main(["provinces", "--as-of", "2026-11-24", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    yukon = next(s for s in result["streams"] if s["id"] == "yt-express-entry")
    assert yukon["fit"] == "fits"
    assert yukon["tracking"] == [{"kind": "applied", "on": "2026-11-02", "note": "YT-77"}]
    assert result["answers"] == {"job_offer:YT": "yes"}
    assert main(["provinces", "--as-of", "2026-11-24"]) == 0
    assert "* 2026-11-02 Application sent to the province: YT-77" in capsys.readouterr().out


def test_provinces_command_rejects_a_bad_answer(capsys: pytest.CaptureFixture[str]) -> None:
    from ee_desktop.cli import main
    from tests.conftest import EXAMPLE

    assert main(["provinces", str(EXAMPLE), "--answer", "job_ofer:YT=yes"]) == 2
    assert "--answer: no stream asks 'job_ofer:YT'" in capsys.readouterr().err

    assert main(["provinces", str(EXAMPLE), "--answer", "job_offer:YT=maybe"]) == 2
    err = capsys.readouterr().err
    assert "--answer: got 'job_offer:YT=maybe'; expected QUESTION=yes or QUESTION=no" in err
    assert "Traceback" not in err


def test_an_answer_that_moves_the_stream_keeps_it_in_view(view: ProvincesView) -> None:
    view.filter.setCurrentIndex(view.filter.findData("might_fit"))
    view.select("yt-express-entry")
    box = view.findChild(QComboBox, "question:job_offer:YT")
    assert box is not None
    box.setCurrentIndex(box.findData("yes"))
    current = view.current()
    assert current is not None and current.stream.id == "yt-express-entry"
    assert current.fit == FITS and view.filter.currentData() == "all"
    again = view.findChild(QComboBox, "question:job_offer:YT")
    assert again is not None and again.hasFocus()
