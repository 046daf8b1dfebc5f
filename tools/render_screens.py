#!/usr/bin/env python3
"""Render the main window and every wizard page to PNG files (for the README).

    python tools/render_screens.py [OUTPUT_DIR] [--size 1280x800]

Runs offscreen in a throwaway data folder; the example personal file fills the pages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EE_DESKTOP_NO_KEYRING"] = "1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ee_desktop.app import create_application  # noqa: E402
from ee_desktop.service import PersonalFileService  # noqa: E402
from ee_desktop.store import open_store  # noqa: E402
from ee_desktop.ui.main_window import MainWindow  # noqa: E402

EXAMPLE = ROOT / "src" / "ee_desktop" / "resources" / "example-profile.json"


class _Passphrase:
    def existing(self) -> str:
        return "screenshots only"

    def new(self) -> str:
        return "screenshots only"


def render(output: Path, width: int, height: int) -> list[Path]:
    app = create_application([])
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), _Passphrase())
        window = MainWindow(PersonalFileService(store), Path(folder))
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
        window.home.setCurrentWidget(window.overview)
        window.edit_file()
        for number, page in enumerate(window.wizard.pages, start=7):
            window.wizard.go_to(page.key)
            shot(f"{number:02d}-wizard-{page.key}")
        window.wizard.discard_button.setEnabled(False)
        store.discard_draft()
        store.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    for path in render(args.output, width, height):
        print(path)


if __name__ == "__main__":
    main()
