"""Time to regenerate the checklist and refill the view for a large file.

    python benchmarks/bench_checklist.py [--rounds N] [--progress-every N] [--quick]

A file with 120 jobs and a long residence history gives hundreds of items. Target:
under 100 ms for a full refresh of the view (generation, merge with the stored
progress, model fill), so filtering and status changes feel immediate. Progress is
recorded on every third item (every 25th with --quick, which saves time in the setup).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["EE_DESKTOP_NO_KEYRING"] = "1"

from timing import EXAMPLE, FixedPassphrase, check, options, times  # noqa: E402

from ee_desktop.profile import decode  # noqa: E402
from ee_desktop.services import Services  # noqa: E402
from ee_desktop.store import open_store  # noqa: E402
from ee_desktop.ui.checklist_view import ChecklistView  # noqa: E402
from ee_desktop.ui.qt_app import create_application  # noqa: E402

TODAY = date(2026, 11, 24)


def large_file() -> dict[str, object]:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    job = data["applicant"]["work_history"][0]
    data["applicant"]["work_history"] = [
        dict(
            copy.deepcopy(job),
            employer=f"Employer {i}",
            start=f"20{17 + i % 9}-0{1 + i % 9}-01",
            end=f"20{17 + i % 9}-0{1 + i % 9}-28",
        )
        for i in range(120)
    ]
    data["applicant"]["residence_history"] = [
        {"country": c, "from": f"20{10 + i}-01-01", "to": f"20{10 + i}-12-31"}
        for i, c in enumerate(["IN", "AE", "GB", "FR", "DE", "US", "JP", "SG", "AU", "NZ"])
    ]
    return data


def main() -> None:
    args = options(__doc__, rounds=(20, 1), progress_every=(3, 25))
    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder), FixedPassphrase())
        store.save(decode(large_file(), today=TODAY))
        service = Services.open(store, Path(folder), lambda: TODAY).checklist
        entries = service.entries(TODAY)
        recorded = entries[:: args.progress_every]
        for entry in recorded:
            service.set_status(entry, "requested", TODAY)
        view = ChecklistView(service, lambda: TODAY)
        view.resize(1280, 800)
        view.show()

        def refresh() -> None:
            view.refresh()
            app.processEvents()

        per_refresh = sum(times(refresh, args.rounds)) / args.rounds * 1000
        check(len(view.entries) >= 200, "the large file has hundreds of items")
        check(
            # One document shown in both stages (the passport) shares its record.
            {e.record for e in view.entries.values() if e.status == "requested"}
            == {e.record for e in recorded},
            "the recorded progress shows in the view",
        )
        print(f"{len(view.entries)} items: {per_refresh:.1f} ms per full refresh of the view")
        per_merge = sum(times(lambda: service.entries(TODAY), args.rounds)) / args.rounds * 1000
        print(f"generation + merge only: {per_merge:.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
