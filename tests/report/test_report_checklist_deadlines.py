"""The printable checklist and the deadline list read back as text."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from report_helpers import EXTRA_TITLE, TODAY, big, example, flat, pages, rules

from ee_desktop.checklist import ChecklistEntry, entries_for, generate
from ee_desktop.report import render


@cache
def big_checklist() -> list[str]:
    return [flat(page) for page in pages(render(big(), "checklist"))]


def test_checklist_entries_from_a_bare_file() -> None:
    profile = example().profile
    entries = entries_for(profile, TODAY, rules())
    requirements = generate(profile, TODAY, rules())
    assert [e.key for e in entries] == [r.key for r in requirements]
    assert [e.title for e in entries] == [r.title for r in requirements]
    assert all(e.needed and e.status == "needed" and not e.done for e in entries)
    assert all(isinstance(e, ChecklistEntry) for e in entries)


def test_eighty_entries_paginate_without_losing_a_row() -> None:
    entries = big().checklist
    assert len(entries) == 80
    text = " ".join(big_checklist())
    assert len(big_checklist()) >= 4
    for n in range(1, 4):
        assert text.count(EXTRA_TITLE.format(n=n) + " ") == 1
    # Titles repeat across people ("Passport ..." for each); each shows as often as listed.
    for title, count in Counter(flat(e.title) for e in entries).items():
        assert text.count(title) >= count, title
    needed = [e for e in entries if e.needed]
    done = sum(e.done for e in needed)
    assert f"{done} of {len(needed)} documents ready on November 24, 2026" in text


def test_checklist_grouped_by_person_then_stage_and_gone_items_last() -> None:
    text = " ".join(big_checklist())
    groups = [
        "You: profile stage",
        "You: application stage",
        "Your spouse or partner (Chloé Müller-Østergård): profile stage",
        "Your spouse or partner (Chloé Müller-Østergård): application stage",
        "Child: Åsa (born November 2, 2019): application stage",
        "No longer needed",
    ]
    positions = [text.index(g) for g in groups]
    assert positions == sorted(positions)
    gone = text[text.index("No longer needed") :]
    gone_titles = [e.title for e in big().checklist if not e.needed]
    assert len(gone_titles) == 3
    for title in gone_titles:
        assert title in gone
        assert text.count(title + " ") == 1


def test_checklist_shows_why_contents_status_and_validity() -> None:
    text = " ".join(big_checklist())
    entry = next(e for e in big().checklist if e.contents and e.expires_on and e.done)
    assert flat(f"Why: {entry.reason}") in text
    for line in entry.contents:
        assert flat(line) in text
    assert "received 2026-10-01" in text
    assert entry.expires_on is not None
    assert entry.expires_on.isoformat() in text


def test_table_header_repeats_on_every_checklist_page() -> None:
    for page in big_checklist():
        assert "Document Status Valid until" in page


def test_deadlines_sorted_with_days_left_and_overdue_marked() -> None:
    data = big()
    text = flat(" ".join(pages(render(data, "deadlines"))))
    shown = re.findall(r"(\d{4}-\d{2}-\d{2}) (?:OVERDUE by|in|today|done)", text)
    assert shown == sorted(shown)
    assert len(shown) == len(data.deadlines)
    assert "2026-11-01 OVERDUE by 23 days Send the missing payslips Whole file" in text
    for item in data.deadlines:
        assert flat(item.title) in text
        if item.points:
            assert f"{abs(item.points)}" in text
    late = sum(1 for d in data.deadlines if d.due < TODAY and not d.done)
    assert f"{late} are overdue" in text


def test_deadlines_for_whom_and_points() -> None:
    text = flat(" ".join(pages(render(big(), "deadlines"))))
    assert "Chloé" in text
    assert re.search(r"Turning 35 lowers your score .*? You \u22125", text)
