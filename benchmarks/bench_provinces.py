"""Time to match every provincial stream in force against a file, as the Provinces view does
on each refresh (the evaluation included).

    python benchmarks/bench_provinces.py [--repeat N]

Target: under 50 ms, so answering a question redraws the list at once.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from timing import report

from ee_desktop.pnp import match_all, streams_at
from ee_desktop.profile import decode
from ee_desktop.rules import evaluate, load_rules

TODAY = date(2026, 11, 24)
TARGET_MS = 50.0
EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "ee_desktop" / "resources"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    profile = decode(
        json.loads((EXAMPLE / "example-profile.json").read_text(encoding="utf-8")), today=TODAY
    )
    rules = load_rules()
    streams = streams_at(TODAY)
    answers = {"job_offer:YT": "yes"}
    report(
        f"{len(streams)} streams",
        lambda: match_all(evaluate(profile, TODAY, rules), streams, answers),
        args.repeat,
        TARGET_MS,
    )


if __name__ == "__main__":
    main()
