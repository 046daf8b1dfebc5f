"""How long the wizard takes to re-assess the draft after an edit (the live score).

    python benchmarks/bench_live_score.py [--rounds N] [--quick]

Target: well under 16 ms (one frame) on every page, so typing never lags, and on the
review page when an edit changes the score.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EE_DESKTOP_NO_KEYRING"] = "1"

from timing import EXAMPLE, FixedPassphrase, check, options, times  # noqa: E402

from ee_desktop.services import Services  # noqa: E402
from ee_desktop.store import open_store  # noqa: E402
from ee_desktop.ui.main_window import MainWindow  # noqa: E402
from ee_desktop.ui.qt_app import create_application  # noqa: E402


def main() -> None:
    args = options(__doc__, rounds=(50, 2))
    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), FixedPassphrase())
        services = Services.open(store, Path(folder), date.today)
        services.files.import_file(EXAMPLE, today=date.today())
        window = MainWindow.open(services, services.today)
        window.resize(1280, 800)
        window.show()
        window.edit_file()
        check(window.wizard.pages, "the editor has pages")

        def edit() -> None:
            window.wizard.refresh()
            app.processEvents()

        for page in window.wizard.pages:
            window.wizard.go_to(page.key)
            app.processEvents()
            per_edit = sum(times(edit, args.rounds)) / args.rounds * 1000
            print(f"{page.key:<12} {per_edit:6.2f} ms per edit")
        # An edit that changes the score: the review's rows get new points.
        test = window.wizard.draft["applicant"]["language_tests"][0]
        speaking = [test["speaking"], test["speaking"] - 1.0]

        def score_edit() -> None:
            speaking.reverse()
            test["speaking"] = speaking[0]
            edit()

        per_change = sum(times(score_edit, args.rounds)) / args.rounds * 1000
        print(f"{'review, new score':<12} {per_change:6.2f} ms per edit")
        assessment = window.wizard.assessment
        evaluation = assessment.evaluation if assessment is not None else None
        check(evaluation is not None and evaluation.crs.total > 0, "the example file scores points")
        check(any(c.isdigit() for c in window.wizard.score.total.text()), "the live score is shown")
        per_save = sum(times(window.wizard.keep, args.rounds)) / args.rounds * 1000
        print(f"{'draft save':<12} {per_save:6.2f} ms")
        store.discard_draft()
        store.close()


if __name__ == "__main__":
    main()
