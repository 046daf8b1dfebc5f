"""Time to build the full ranked plan (moves, combinations, cut-offs) for a complete file.

    python benchmarks/bench_strategy.py [--repeat N] [--quick]

The file has an accompanying spouse with a test, a credential and Canadian work, two
children, four jobs in and outside Canada, and English and French results. Target: the
plan in under 100 ms, so the strategy view refreshes as the user edits the what-if copy.
"first" is the first plan for a new date (the rules tables for each date it looks at are
resolved then); "warm" is the median of the following ones.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from timing import check, options, times

from ee_desktop.profile.model import (
    Applicant,
    Child,
    Eca,
    Education,
    Job,
    LanguageTest,
    Profile,
    Spouse,
)
from ee_desktop.rules import load_rules
from ee_desktop.strategy import builtin_rounds, plan, projection

TODAY = date(2026, 11, 24)
TARGET_MS = 100.0


def _job(employer: str, noc: str, country: str, start: date, end: date | None, hours: float) -> Job:
    return Job("Role", employer, noc, country, start, end, hours, False, True, False)


def complete_file() -> Profile:
    applicant = Applicant(
        given_names="Asha",
        family_name="Rao",
        date_of_birth=date(1994, 4, 12),
        marital_status="married",
        country_of_residence="IN",
        education=(
            Education(
                "bachelors", 4, True, "IN", "University of Mumbai", "Engineering",
                date(2016, 5, 30), Eca("WES", "1", date(2024, 11, 2), "bachelors"),
            ),
            Education(
                "one_year_post_secondary", 1, True, "IN", "Pune Institute", "Data",
                date(2017, 6, 1),
            ),
        ),
        language_tests=(
            LanguageTest("ielts_general", date(2025, 9, 20), "I1", 8.0, 7.0, 6.5, 7.0),
            LanguageTest("tef_canada", date(2026, 3, 14), "T1", 400, 470, 430, 460),
        ),
        work_history=(
            _job("Acme", "21232", "IN", date(2016, 7, 1), date(2020, 6, 30), 40),
            _job("Beta", "21231", "IN", date(2020, 8, 1), date(2024, 6, 30), 40),
            _job("Maple", "21232", "CA", date(2024, 9, 1), None, 40),
            _job("Evening", "21232", "CA", date(2025, 1, 15), None, 10),
        ),
    )  # fmt: skip
    spouse = Spouse(
        accompanying=True,
        canadian_citizen_or_pr=False,
        given_names="Ravi",
        family_name="Rao",
        date_of_birth=date(1993, 1, 3),
        education=(
            Education("bachelors", 3, True, "IN", "Delhi University", "Commerce",
                      date(2015, 5, 1)),
        ),
        language_tests=(LanguageTest("celpip_general", date(2026, 2, 1), "C1", 7, 6, 7, 7),),
        work_history=(_job("Office", "13110", "CA", date(2025, 3, 1), None, 40),),
    )  # fmt: skip
    children = (Child(date(2020, 3, 1), True), Child(date(2023, 8, 9), True))
    return Profile(applicant, spouse, children, 40000.0)


def main() -> None:
    args = options(__doc__, repeat=(20, 1))
    rules = load_rules()
    rounds = builtin_rounds()
    profile = complete_file()
    rules.at(TODAY)  # the app has today's tables already: it shows today's score first

    start = time.perf_counter()
    items = plan(profile, TODAY, rounds, rules)
    first = (time.perf_counter() - start) * 1000
    check(items and items[0].moves, "the plan has a best item with its moves")
    warm = statistics.median(times(lambda: plan(profile, TODAY, rounds, rules), args.repeat)) * 1000
    start = time.perf_counter()
    months = projection(profile, TODAY, 24, rules)
    chart = (time.perf_counter() - start) * 1000
    check(months, "the projection has months")

    print(f"plan items: {len(items)} (moves in the best: {[m.id for m in items[0].moves]})")
    print(f"plan, first for the date: {first:7.1f} ms")
    print(f"plan, warm (median of {args.repeat}): {warm:7.1f} ms")
    print(f"projection, 24 months:    {chart:7.1f} ms")
    verdict = "OK" if max(first, warm) < TARGET_MS else "SLOW"
    print(f"target {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
