"""Dates and amounts inside sentences follow the language (i18n.format_date, format_money);
table cells, compact lists and machine outputs (JSON) keep ISO dates in every language.

The French catalogue is still being translated: these tests look only at the formatted
values, never at the words around them. Babel separates French thousands, and the amount
from its "$", with no-break spaces (U+00A0).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from ee_desktop import i18n
from ee_desktop.application import assess
from ee_desktop.application.output import countdown, step_line, to_json
from ee_desktop.checklist import generate
from ee_desktop.profile.milestones import Milestone
from ee_desktop.profile.model import Profile
from ee_desktop.profile.overview import overview
from ee_desktop.report import render
from ee_desktop.rules import evaluate
from ee_desktop.rules.evaluation import notices
from ee_desktop.rules.output import evaluation_to_json, render_text
from tests.deadlines.deadline_helpers import TODAY, example, rules
from tests.report.report_helpers import report_input

NBSP = "\u00a0"
INVITED = Milestone("invitation", date(2026, 11, 10))  # the deadline: 2027-01-09


@pytest.fixture
def in_french() -> Iterator[None]:
    i18n.install("fr")
    try:
        yield
    finally:
        i18n.install("en")


def without_funds() -> Profile:
    # The example's family of 3 needs $23,360; its applicant turns 31 on 2027-04-12.
    return replace(example(), settlement_funds_cad=None)


def short_of_funds() -> Profile:
    return replace(example(), settlement_funds_cad=10_000)  # $13,360 short


def test_a_warning_writes_its_date_and_amount_in_english() -> None:
    warnings = evaluate(without_funds(), TODAY, rules()).warnings
    assert any("April 12, 2027" in w for w in warnings)
    assert any("$23,360" in w for w in warnings)


def test_a_warning_writes_its_date_and_amount_in_french(in_french: None) -> None:
    warnings = evaluate(without_funds(), TODAY, rules()).warnings
    assert any("12 avril 2027" in w for w in warnings), warnings
    assert any(f"23{NBSP}360{NBSP}$" in w for w in warnings), warnings
    assert not any("2027-04-12" in w or "$23" in w for w in warnings)


def test_the_application_speaks_french_and_its_json_stays_iso(in_french: None) -> None:
    status = assess(short_of_funds(), TODAY, [INVITED], rules=rules())
    assert "9 janvier 2027" in countdown(status)
    [funds] = [b for b in status.blockers if b.kind == "funds"]
    assert f"13{NBSP}360{NBSP}$" in funds.title
    # A row of the terminal's timeline keeps the numeric dates of its column.
    assert "2027-01-09" in step_line(status.timeline[0])
    out = to_json(status)
    assert (out["as_of"], out["submission_deadline"]) == ("2026-11-24", "2027-01-09")
    assert out["timeline"][0]["on"] == "2026-11-10"


def test_the_score_text_speaks_french_and_its_json_stays_iso(in_french: None) -> None:
    ev = evaluate(example(), TODAY, rules())
    assert "24 novembre 2026" in render_text(ev)
    out = evaluation_to_json(ev)
    assert (out["as_of"], out["rules_verified_on"]) == ("2026-11-24", "2026-10-01")


def test_a_checklist_note_writes_the_amounts_its_message_puts_in_dollars(in_french: None) -> None:
    [funds] = [r for r in generate(short_of_funds(), TODAY, rules()) if r.key == "funds:applicant"]
    # The message writes the currency itself ("CAD {needed}"): only the number is given.
    for amount in (f"23{NBSP}360", f"10{NBSP}000", f"13{NBSP}360"):
        assert amount in funds.reason, funds.reason
    assert f"${NBSP}$" not in funds.reason and "23,360" not in funds.reason


def test_the_overview_writes_dates_and_funds_in_french(in_french: None) -> None:
    texts = {s.key: s.text for s in overview(example())}
    assert "12 avril 1996" in texts["applicant"]
    assert f"25{NBSP}000" in texts["settlement_funds_cad"]


def test_rules_notices_follow_a_change_of_language() -> None:
    ruleset = rules()
    tables = ruleset.at(TODAY)
    english = notices(ruleset, tables, TODAY)  # worded once, then kept…
    assert any("October 1, 2026" in n.title for n in english)
    i18n.install("fr")
    try:
        french = notices(ruleset, tables, TODAY)  # …but not across languages
    finally:
        i18n.install("en")
    assert any("1er octobre 2026" in n.title for n in french), [n.title for n in french]


def test_the_pdf_writes_sentences_long_and_table_cells_iso(in_french: None) -> None:
    pdf = render(report_input(example()), "deadlines")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "24 novembre 2026" in text  # the introduction and the page header
    assert "2027-04-12" in text  # the Date column: the birthday that costs points
