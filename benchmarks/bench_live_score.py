"""How long the wizard takes to re-assess the draft after an edit (the live score).

    python benchmarks/bench_live_score.py

Target: well under 16 ms (one frame) on every page, so typing never lags.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EE_DESKTOP_NO_KEYRING"] = "1"

from ee_desktop.services import Services  # noqa: E402
from ee_desktop.store import open_store  # noqa: E402
from ee_desktop.ui.main_window import MainWindow  # noqa: E402
from ee_desktop.ui.qt_app import create_application  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "src/ee_desktop/resources/example-profile.json"
ROUNDS = 50


class _Passphrase:
    def existing(self) -> str:
        return "benchmark only"

    def new(self) -> str:
        return "benchmark only"


def main() -> None:
    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), _Passphrase())
        services = Services.open(store, Path(folder), date.today)
        services.files.import_file(EXAMPLE, today=date.today())
        window = MainWindow(services, services.today)
        window.resize(1280, 800)
        window.show()
        window.edit_file()
        for page in window.wizard.pages:
            window.wizard.go_to(page.key)
            app.processEvents()
            start = time.perf_counter()
            for _ in range(ROUNDS):
                window.wizard.refresh()
                app.processEvents()
            elapsed = (time.perf_counter() - start) / ROUNDS * 1000
            print(f"{page.key:<12} {elapsed:6.2f} ms per edit")
        start = time.perf_counter()
        for _ in range(ROUNDS):
            window.wizard.keep()
        print(f"{'draft save':<12} {(time.perf_counter() - start) / ROUNDS * 1000:6.2f} ms")
        store.discard_draft()
        store.close()


if __name__ == "__main__":
    main()
