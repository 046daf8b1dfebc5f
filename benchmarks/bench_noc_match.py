"""Time finding the NOC of a job by its duties, as `ee-desktop noc match` and the work
history's "Find my NOC by duties" dialog do: a description of several duty lines ranked
against the main duties and lead statements of the 516 unit groups.

    python benchmarks/bench_noc_match.py [--lines N] [--repeat N] [--quick]

Target: under 200 ms per match (the index, built once on first use, is timed apart).
"""

from __future__ import annotations

import time

from timing import check, options, report

from ee_desktop.noc.match import match_duties, match_index

TARGET_MS = 200.0
DUTIES = (
    "Wrote Python and JavaScript programs for the company's online shop",
    "Tested new features and fixed the bugs customers reported",
    "Wrote the documentation of each new version",
    "Met the business analysts to plan changes to our order system",
    "Reviewed the code of the junior developers and trained them",
    "Designed the database tables for orders and customers",
    "Set up the automatic builds and deployments to the servers",
    "Answered questions from the support team about errors in the software",
)


def main() -> None:
    args = options(__doc__, lines=(24, 3), repeat=(50, 2))
    start = time.perf_counter()
    match_index()
    built = time.perf_counter() - start
    text = "\n".join(DUTIES[i % len(DUTIES)] for i in range(args.lines))
    result = match_duties(text)
    check(len(result.ranking) == 516, "every unit group is ranked")
    check(result.ranking[0].code in {"21232", "21230", "21234"}, "a software unit group first")
    check(result.ranking[0].matched_duties, "the best match is explained duty by duty")
    print(f"index built once in {built * 1000:.0f} ms")
    report(f"{args.lines} duty lines", lambda: match_duties(text), args.repeat, TARGET_MS)


if __name__ == "__main__":
    main()
