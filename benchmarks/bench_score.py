"""Evaluations per second of the rules engine over a varied set of personal files.

    python benchmarks/bench_score.py [--files N] [--seconds S] [--quick]

Measures, on one core:
  core      facts + CRS + FSW/CEC/FST eligibility (what `evaluate()` computes up front)
  +categ.   the same plus category-based selection
  full      everything, including warnings, explanations and the JSON document
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from timing import check, options

from ee_desktop.profile.model import (
    Applicant,
    CertificateOfQualification,
    Child,
    Eca,
    Education,
    Job,
    LanguageTest,
    Profile,
    ProvincialNomination,
    Spouse,
)
from ee_desktop.rules import evaluate, evaluation_to_json, load_rules

LEVELS = (
    "secondary",
    "one_year_post_secondary",
    "two_year_post_secondary",
    "bachelors",
    "masters",
    "doctoral",
)
NOCS = ("00012", "21231", "21232", "22310", "31301", "41220", "72200", "73300", "64100")
DATES = (date(2024, 6, 1), date(2025, 3, 24), date(2025, 9, 1), date(2026, 11, 24))


def _education(rng: random.Random) -> tuple[Education, ...]:
    out = []
    for _ in range(rng.randint(0, 3)):
        level = rng.choice(LEVELS)
        completed = date(2005, 1, 1) + timedelta(days=rng.randint(0, 6500))
        if rng.random() < 0.4:
            out.append(
                Education(
                    level,
                    rng.randint(1, 4),
                    rng.random() < 0.9,
                    "CA",
                    "College",
                    "Field",
                    completed,
                )
            )
        else:
            eca = (
                None
                if rng.random() < 0.1
                else Eca("WES", "1", date(2021, 1, 1) + timedelta(days=rng.randint(0, 1500)), level)
            )
            out.append(
                Education(
                    level, rng.randint(1, 4), True, "IN", "University", "Field", completed, eca
                )
            )
    return tuple(out)


def _tests(rng: random.Random) -> tuple[LanguageTest, ...]:
    out = []
    for _ in range(rng.randint(0, 3)):
        taken = date(2023, 1, 1) + timedelta(days=rng.randint(0, 1300))
        kind = rng.choice(
            ("ielts_general", "celpip_general", "tef_canada", "tcf_canada", "pte_core")
        )
        if kind == "ielts_general":
            scores = [rng.randint(8, 18) / 2 for _ in range(4)]
        elif kind == "celpip_general":
            scores = [float(rng.randint(4, 12)) for _ in range(4)]
        elif kind == "pte_core":
            scores = [float(rng.randint(30, 90)) for _ in range(4)]
        elif kind == "tef_canada":
            scores = [float(rng.randint(300, 699)) for _ in range(4)]
        else:
            scores = [
                float(rng.randint(330, 699)),
                float(rng.randint(4, 20)),
                float(rng.randint(330, 699)),
                float(rng.randint(4, 20)),
            ]
        out.append(LanguageTest(kind, taken, "X", *scores))
    return tuple(out)


def _work(rng: random.Random) -> tuple[Job, ...]:
    out = []
    for i in range(rng.randint(0, 4)):
        start = date(2012, 1, 1) + timedelta(days=rng.randint(0, 5000))
        end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(60, 2500))
        out.append(
            Job(
                f"Job {i}",
                "Employer",
                rng.choice(NOCS),
                rng.choice(("CA", "IN", "US")),
                start,
                end,
                rng.choice((15.0, 30.0, 37.5, 45.0)),
                rng.random() < 0.1,
                rng.random() < 0.97,
                rng.random() < 0.05,
            )
        )
    return tuple(out)


def make_profile(rng: random.Random) -> Profile:
    married = rng.random() < 0.5
    applicant = Applicant(
        "A",
        "B",
        date(1975, 1, 1) + timedelta(days=rng.randint(0, 9000)),
        "married" if married else "never_married",
        "IN",
        _education(rng),
        _tests(rng),
        _work(rng),
        CertificateOfQualification("ON", "Trade", date(2022, 1, 1)) if rng.random() < 0.1 else None,
        ProvincialNomination("NS", "Stream", date(2024, 1, 1)) if rng.random() < 0.1 else None,
        None,
        rng.random() < 0.1,
    )
    partner = (
        Spouse(
            rng.random() < 0.8,
            rng.random() < 0.1,
            "S",
            "B",
            date(1990, 1, 1),
            _education(rng),
            _tests(rng),
            _work(rng),
        )
        if married
        else None
    )
    children = tuple(Child(date(2020, 1, 1), True) for _ in range(rng.randint(0, 3)))
    return Profile(
        applicant,
        partner,
        children,
        rng.choice((None, 10000.0, 30000.0)),
        rng.choice(("auto", "auto", "english", "french")),
    )


def rate(
    label: str, work: Callable[[Profile, date], object], files: list[Profile], seconds: float
) -> float:
    count, started = 0, time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for i, file in enumerate(files):
            work(file, DATES[i % len(DATES)])
        count += len(files)
    per_second = count / (time.perf_counter() - started)
    print(f"{label:<42}{per_second:>12,.0f} evaluations/s")
    return per_second


def main() -> None:
    args = options(__doc__, files=(500, 20), seconds=(3.0, 0.1))
    rng = random.Random(20261124)
    files = [make_profile(rng) for _ in range(args.files)]
    rules = load_rules()
    for on in DATES:
        rules.at(on)  # resolved once per date, as in a running application
    totals = [evaluate(f, DATES[i % len(DATES)], rules).crs.total for i, f in enumerate(files)]
    check(all(0 <= t <= 1200 for t in totals), "every CRS score is between 0 and 1,200")
    check(max(totals) > 0, "some file scores points")
    check(evaluation_to_json(evaluate(files[0], DATES[0], rules)), "the JSON document is built")
    print(f"{len(files)} varied files, {len(DATES)} evaluation dates")
    rate(
        "core (facts + CRS + FSW/CEC/FST)", lambda f, d: evaluate(f, d, rules), files, args.seconds
    )
    rate("core + categories", lambda f, d: evaluate(f, d, rules).categories, files, args.seconds)
    rate(
        "full (+ warnings, explanations, JSON)",
        lambda f, d: evaluation_to_json(evaluate(f, d, rules)),
        files,
        args.seconds,
    )


if __name__ == "__main__":
    main()
