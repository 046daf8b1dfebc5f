"""Time to match every provincial stream in force against a file, as the Provinces view does
on each refresh (the evaluation included).

    python benchmarks/bench_provinces.py [--repeat N] [--quick]

Target: under 50 ms, so answering a question redraws the list at once.
"""

from __future__ import annotations

import json
from datetime import date

from timing import EXAMPLE, check, options, report

from ee_desktop.pnp import DOES_NOT_FIT, match_all, streams_at
from ee_desktop.profile import decode
from ee_desktop.rules import evaluate, load_rules

TODAY = date(2026, 11, 24)
TARGET_MS = 50.0


def main() -> None:
    args = options(__doc__, repeat=(200, 2))
    profile = decode(json.loads(EXAMPLE.read_text(encoding="utf-8")), today=TODAY)
    rules = load_rules()
    streams = streams_at(TODAY)
    answers = {"job_offer:YT": "yes"}
    matches = match_all(evaluate(profile, TODAY, rules), streams, answers)
    check(streams and len(matches) == len(streams), "every stream in force is matched")
    check({m.fit for m in matches} - {DOES_NOT_FIT}, "the example file fits or might fit a stream")
    report(
        f"{len(streams)} streams",
        lambda: match_all(evaluate(profile, TODAY, rules), streams, answers),
        args.repeat,
        TARGET_MS,
    )


if __name__ == "__main__":
    main()
