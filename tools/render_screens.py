#!/usr/bin/env python3
"""Render the main window and every wizard page to PNG files (for the README).

    python tools/render_screens.py [OUTPUT_DIR] [--size 1280x800] [--language fr]
    python tools/render_screens.py --forms-editor [--size 1366x768] [--language fr]

The French set goes to docs/screenshots/fr by default. ``--forms-editor`` renders only the
application forms editor, to docs/screenshots/forms-editor.png (forms-editor-fr.png in
French), on the test family with a gap in the applicant's personal history.

Runs offscreen in a throwaway data folder; the example personal file fills the pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EE_DESKTOP_NO_KEYRING"] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ee_desktop import i18n  # noqa: E402
from ee_desktop.profile.milestones import Milestone  # noqa: E402
from ee_desktop.services import Services  # noqa: E402
from ee_desktop.store import open_store  # noqa: E402
from ee_desktop.ui.main_window import MainWindow  # noqa: E402
from ee_desktop.ui.qt_app import create_application  # noqa: E402
from ee_desktop.ui.translator import apply_language  # noqa: E402

EXAMPLE = ROOT / "src" / "ee_desktop" / "resources" / "example-profile.json"
# A family whose histories are complete on FAMILY_DAY (tests/history/history_helpers.py).
FAMILY = ROOT / "tests" / "data" / "pr-family.json"
FAMILY_DAY = date(2026, 6, 15)


class _Passphrase:
    def existing(self) -> str:
        return "screenshots only"

    def new(self) -> str:
        return "screenshots only"


def render(output: Path, width: int, height: int, language: str = "en") -> list[Path]:
    app = create_application([])
    apply_language(language)
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), _Passphrase())
        services = Services.open(store, Path(folder), date.today)
        window = MainWindow.open(services, services.today)
        window.resize(width, height)
        window.show()

        def shot(name: str) -> None:
            for _round in range(3):  # a layout pass can post another (word-wrapped rows)
                app.processEvents()
            path = output / f"{name}.png"
            window.grab().save(str(path))
            written.append(path)

        shot("01-welcome")
        window.service.import_file(EXAMPLE, today=date.today())
        window.refresh()
        shot("02-overview")
        window.home.setCurrentWidget(window.checklist)
        entries = window.checklist.visible_entries()
        if len(entries) > 3:
            window.checklist.select(entries[3].key)
        shot("03-documents")
        window.home.setCurrentWidget(window.deadlines)
        shot("04-deadlines")
        window.home.setCurrentWidget(window.strategy)
        if window.strategy.items:
            window.strategy.table.selectRow(0)
        shot("05-strategy")
        window.home.setCurrentWidget(window.provinces)
        shot("06-provinces")
        _application_shots(window, shot)
        window.home.setCurrentWidget(window.overview)
        window.edit_file()
        for number, page in enumerate(window.wizard.pages, start=7):
            window.wizard.go_to(page.key)
            shot(f"{number:02d}-wizard-{page.key}")
        window.wizard.discard_button.setEnabled(False)
        store.discard_draft()
        store.close()
    return written


# What a user would type in the request's note, in each language.
REQUEST_NOTE = {
    "en": "Updated police certificate for India",
    "fr": "Certificat de police à jour pour l'Inde",
}


def _application_shots(window: MainWindow, shot: Callable[[str], None]) -> None:
    """The Application tab just after an invitation, then months into processing."""
    today = date.today()
    view = window.application
    view.service.record(Milestone("invitation", today - timedelta(days=14)), today)
    window.home.setCurrentWidget(view)
    view.refresh()
    if view.blockers.count():
        view.blockers.setCurrentRow(0)
    shot("15-application-invited")
    submitted = today - timedelta(days=120)
    for milestone in (
        Milestone("invitation", submitted - timedelta(days=30)),
        Milestone("application_submitted", submitted),
        Milestone("aor", submitted),
        Milestone("biometrics_request", submitted + timedelta(days=3), None,
                  submitted + timedelta(days=12)),
        Milestone("medical_exam", submitted + timedelta(days=40)),
        Milestone("background_check", submitted + timedelta(days=60)),
        Milestone("document_request", today - timedelta(days=5), today + timedelta(days=25),
                  None, REQUEST_NOTE[i18n.current_language()]),
    ):  # fmt: skip
        view.service.record(milestone, today)
    view.refresh()
    view.timeline.setCurrentItem(view.timeline.topLevelItem(6))
    shot("16-application-timeline")
    for milestone in view.service.milestones():
        view.service.remove(milestone)


def render_forms_editor(output: Path, width: int, height: int, language: str = "en") -> Path:
    """The forms editor on the applicant's personal history: a job left out, so the strip
    shows the gap, the gap offers its fill and the file offers the job."""
    import json

    from ee_desktop.profile.codec import decode
    from ee_desktop.ui.forms.editor import FormsEditor
    from ee_desktop.ui.forms.personal import PersonalPage

    app = create_application([])
    apply_language(language)
    output.mkdir(parents=True, exist_ok=True)
    data = json.loads(FAMILY.read_text(encoding="utf-8"))
    del data["applicant"]["personal_history"][1:]  # 2019-04 on: a gap, and a job to add
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), _Passphrase())
        store.save(decode(data, today=FAMILY_DAY))
        services = Services.open(store, Path(folder), lambda: FAMILY_DAY)
        editor = FormsEditor(services.history, services.today)
        editor.resize(width, height)
        editor.show()
        page = editor.forms["applicant"].show_section("personal_history")
        if isinstance(page, PersonalPage):
            page.from_file.button.setChecked(True)
        app.processEvents()
        suffix = "" if language == "en" else f"-{language}"
        path = output / f"forms-editor{suffix}.png"
        editor.grab().save(str(path))
        editor.done(0)  # nothing to save
        editor.deleteLater()
        app.processEvents()
        store.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--size", help="WIDTHxHEIGHT (1280x800; the forms editor 1366x768)")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGE_NAMES), default="en")
    parser.add_argument("--forms-editor", action="store_true", help="only the forms editor")
    args = parser.parse_args()
    size = args.size or ("1366x768" if args.forms_editor else "1280x800")
    width, height = (int(n) for n in size.lower().split("x"))
    if args.forms_editor:
        print(render_forms_editor(args.output or ROOT / "docs" / "screenshots", width, height,
                                  args.language))  # fmt: skip
        return
    output = args.output or ROOT / "docs" / "screenshots"
    if args.output is None and args.language != "en":
        output = output / args.language
    for path in render(output, width, height, args.language):
        print(path)


if __name__ == "__main__":
    main()
