#!/usr/bin/env python3
"""Render the main window and every wizard page to PNG files (for the README).

    python tools/render_screens.py [OUTPUT_DIR] [--size 1280x800] [--language fr]

The French set goes to docs/screenshots/fr by default.

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGE_NAMES), default="en")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    output = args.output or ROOT / "docs" / "screenshots"
    if args.output is None and args.language != "en":
        output = output / args.language
    for path in render(output, width, height, args.language):
        print(path)


if __name__ == "__main__":
    main()
