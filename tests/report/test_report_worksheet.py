"""The profile worksheet read back as text: every answer, the score and the eligibility."""

from __future__ import annotations

import re
from functools import cache

from report_helpers import TODAY, big, employer, example, flat, pages

from ee_desktop.noc import noc_index
from ee_desktop.report import render
from ee_desktop.rules.explain import FACTOR_NAMES


@cache
def big_worksheet() -> list[str]:
    return pages(render(big(), "worksheet"))


@cache
def example_text() -> str:
    return flat(" ".join(pages(render(example(), "worksheet"))))


def test_example_answers_are_all_there() -> None:
    text = example_text()
    for value in (
        "Given names Asha",
        "Family name Rao",
        "Date of birth 1996-04-12",
        "Marital status married",
        "Country of residence India (IN)",
        "IELTS General Training",
        "Registration / certificate number 25IN001234RAOA",
        "Date of test 2025-09-20",
        "Listening 8.5 (CLB 10)",
        "Reading 7.5 (CLB 9)",
        "Writing 7.0 (CLB 9)",
        "Speaking 7.5 (CLB 10)",
        "Institution University of Mumbai",
        "Field of study Computer engineering",
        "ECA organization WES",
        "ECA reference number 1234567",
        "ECA issue date 2024-11-02",
        "Employer Acme Ltd",
        "NOC 2021 code 21232",
        "NOC title Software developers and programmers",
        "Start date 2018-07-01",
        "End date present",
        "Hours per week 40",
        "Given names Ravi",
        "Funds available (CAD) CAD 25,000",
    ):
        assert value in text, value


def test_sections_follow_the_online_profile_order() -> None:
    text = example_text()
    titles = [
        "1. Personal details",
        "2. Language tests",
        "3. Education",
        "4. Work history",
        "5. Additional factors",
        "6. Family",
        "7. Settlement funds",
        "8. Preliminary score",
        "9. Program eligibility",
    ]
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions)


def test_score_and_every_factor_match_the_evaluation() -> None:
    ev = example().evaluation
    text = example_text()
    assert f"CRS score: {ev.crs.total} / 1200" in text
    assert "Computed on this computer on November 24, 2026" in text
    for factor in ev.factors:
        row = f"{FACTOR_NAMES[factor.factor]} {factor.points} {factor.max}"
        assert row in text, row
    assert f"Core / human capital: {ev.crs.core} /" in text
    assert f"Additional points: {ev.crs.additional} /" in text


def test_programs_and_categories_with_reasons() -> None:
    ev = example().evaluation
    text = example_text()
    fsw = "eligible" if ev.fsw.eligible else "not eligible"
    assert f"Federal Skilled Worker ({ev.fsw.points} / 100 grid points, 67 needed) {fsw}" in text
    for reason in ev.fst.reasons + ev.cec.reasons:
        assert flat(reason) in text
    for category in ev.categories:
        assert category.name in text
    for notice in ev.notices:
        assert flat(notice.title) in text


def test_every_factor_of_the_large_file_with_signed_points() -> None:
    text = flat(" ".join(big_worksheet()))
    factors = big().evaluation.factors
    assert any(f.points < 0 for f in factors)  # a section cap: printed with a minus sign
    for f in factors:
        points = str(f.points).replace("-", "\u2212")
        assert f"{FACTOR_NAMES[f.factor]} {points} {f.max}" in text


def test_accented_names_and_details_of_the_large_file() -> None:
    data = big()
    text = flat(" ".join(big_worksheet()))
    for value in (
        "Given names Zoë",
        "Family name Ñandú",
        "Given names Chloé",
        "Family name Müller-Østergård",
        "Åsa Ñandú",
        "Universidad Nacional Autónoma de México",
        "Employer Łódź Partners",
        "Bâtiments Kraków Inc.",
        "Field of study Økonomi",
        "Date of test results 2025-10-03",
        "Listening 500 (NCLC 8)",
        "Speaking 9 (CLB 9)",
        "Canadian equivalent (ECA) master's or professional degree",
        "Not needed: Canadian credential",
        "Nominating province or territory ON",
        "Job offer: NOC 2021 code 21232",
        "LMIA-exempt or LMIA approved Yes",
        "Brother or sister in Canada (citizen or PR) Yes",
        f"CRS score: {data.evaluation.crs.total} / 1200",
    ):
        assert value in text, value


def test_every_job_once_in_order_with_its_noc() -> None:
    data = big()
    text = flat(" ".join(big_worksheet()))
    jobs = data.profile.applicant.work_history
    assert len(jobs) == 20
    for n, job in enumerate(jobs, 1):
        assert text.count(employer(n)) == 1, employer(n)
        title = noc_index().get(job.noc_code)
        assert title is not None
        block = text[text.index(f"Job {n} of 20") :]
        assert block.index(f"NOC 2021 code {job.noc_code}") < block.index("While a full-time")
        assert flat(title.title_en) in block
    starts = [text.index(f"Job {n} of 20 ") for n in range(1, 21)]
    assert starts == sorted(starts)


def test_a_job_never_splits_across_pages() -> None:
    worksheet = big_worksheet()
    assert len(worksheet) >= 5
    for page in map(flat, worksheet):
        headings = len(re.findall(r"(?:Job|Spouse's job) \d+ of \d+", page))
        assert headings == page.count("While a full-time student")


def test_as_of_date_is_the_one_given() -> None:
    assert TODAY.isoformat() in example_text()
