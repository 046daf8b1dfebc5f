"""Time to assess an application as the Application tab does on each refresh: the evaluation,
the application-stage checklist, the blockers and the timeline, for a file invited and for
one months into processing with several requests.

    python benchmarks/bench_application.py [--repeat N] [--quick]

Target: under 50 ms, so recording a milestone redraws the tab at once.
"""

from __future__ import annotations

import json
from datetime import date

from timing import EXAMPLE, check, options, report

from ee_desktop.application import assess
from ee_desktop.profile import decode
from ee_desktop.profile.milestones import Milestone
from ee_desktop.rules import load_rules

TODAY = date(2026, 11, 24)
TARGET_MS = 50.0
INVITED = [Milestone("invitation", date(2026, 11, 10))]
PROCESSING = [
    Milestone("invitation", date(2026, 5, 10)),
    Milestone("application_submitted", date(2026, 6, 1)),
    Milestone("aor", date(2026, 6, 1)),
    Milestone("biometrics_request", date(2026, 6, 10), done_on=date(2026, 6, 20)),
    Milestone("medical_exam", date(2026, 7, 1)),
    *(
        Milestone("document_request", date(2026, 8, day), due=date(2026, 9, day))
        for day in (1, 5, 9)
    ),
]


def main() -> None:
    args = options(__doc__, repeat=(200, 2))
    profile = decode(json.loads(EXAMPLE.read_text(encoding="utf-8")), today=TODAY)
    rules = load_rules()
    check(assess(profile, TODAY, INVITED, rules=rules).stage == "invited", "an invited file")
    processing = assess(profile, TODAY, PROCESSING, rules=rules)
    check(processing.stage == "submitted" and processing.timeline, "one in processing")
    for label, milestones in (("invited", INVITED), ("processing", PROCESSING)):
        report(
            label,
            lambda m=milestones: assess(profile, TODAY, m, rules=rules),
            args.repeat,
            TARGET_MS,
        )


if __name__ == "__main__":
    main()
