"""What-if beside today's file; durations as data; every sentence goes through gettext."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from strategy_helpers import TODAY, complete, example, nominated, rules

from ee_desktop import i18n
from ee_desktop.strategy import (
    advice,
    builtin_rounds,
    cut_offs,
    durations,
    moves,
    parse_rounds_csv,
    plan,
    projection,
    round_problems,
    standing,
    what_if,
)


def test_what_if_shows_both_files_factor_by_factor() -> None:
    profile = example()
    before = repr(profile)
    result = what_if(profile, nominated(profile), TODAY, rules())
    assert (result.total_before, result.total_after, result.delta) == (404, 1004, 600)
    (changed,) = result.changed_factors
    assert (changed.factor, changed.before, changed.after) == ("provincial_nomination", 0, 600)
    assert result.round_types == (("general", "fsw"), ("general", "fsw", "pnp"))
    assert all(p.before == p.after for p in result.programs)
    assert repr(profile) == before  # the real file is untouched


def test_what_if_of_a_move_copy() -> None:
    move = next(m for m in moves(example(), TODAY, rules()) if m.id == "spouse:language:9")
    result = what_if(example(), move.profile, move.ready_on, rules())
    assert result.delta == move.points
    assert {f.factor for f in result.changed_factors} == {"spouse_first_official_language"}


def test_what_if_reports_category_changes() -> None:
    base = example()
    tef = replace(
        base.applicant.language_tests[0],
        test="tef_canada",
        listening=450,
        reading=450,
        writing=450,
        speaking=460,
        taken_on=date(2026, 6, 1),
    )
    changed = replace(
        base,
        applicant=replace(base.applicant, language_tests=(*base.applicant.language_tests, tef)),
    )
    result = what_if(base, changed, TODAY, rules())
    french = next(c for c in result.categories if c.id == "french")
    assert (french.before, french.after) == (False, True)
    assert "french" in result.round_types[1]


def test_durations_are_data_with_notes() -> None:
    found = durations()
    for key in (
        "language_test",
        "french_first_test",
        "french_retake",
        "spouse_test",
        "eca",
        "one_year_credential",
        "canadian_study_one_year",
        "nomination",
    ):
        assert found[key].days > 0 and found[key].note and found[key].source
    assert found["nomination"].estimate and found["nomination"].months == 6


class Marked(gettext.NullTranslations):
    """Wraps every translated message, to show which text went through gettext."""

    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"«{msgid1 if n == 1 else msgid2}»"


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "_translation", Marked())
    yield


@pytest.mark.usefixtures("marked")
def test_every_sentence_is_translatable() -> None:
    for profile in (example(), complete()):
        for move in moves(profile, TODAY, rules()):
            assert move.title.startswith("«") and move.explanation.startswith("«")
            assert all(c.startswith("«") for c in move.changes)
        for item in plan(profile, TODAY, builtin_rounds(), rules()):
            assert item.summary.startswith("«")
        now = standing(profile, TODAY, builtin_rounds(), rules())
        assert now.summary.startswith("«")
        items = plan(profile, TODAY, builtin_rounds(), rules())
        assert all(line.startswith("«") for line in advice(now, items))
        for point in projection(profile, TODAY, rules=rules()):
            assert all(e.startswith("«") for e in point.events)
    assert all(c.name.startswith("«") for c in cut_offs(builtin_rounds(), TODAY))
    _rounds, problems = parse_rounds_csv("date,type,invited,lowest_score\nx,cec,1,1\n")
    assert problems[0].startswith("«")
    bad = replace(builtin_rounds()[0], round_type="x")
    assert round_problems(bad)[0].startswith("«")


def test_sentences_are_plain_and_single() -> None:
    for move in moves(complete(), TODAY, rules()):
        text = move.explanation
        assert text and text[0].isupper() and text.endswith(".") and "\n" not in text
        assert "{" not in text and "}" not in text
