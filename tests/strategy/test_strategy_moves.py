"""Moves on the spec example and variants: what they claim is what the engine gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from strategy_helpers import TODAY, complete, example, files, nominated, rules, single, stop

from ee_desktop.profile.model import (
    Education,
    LanguageTest,
    Profile,
)
from ee_desktop.rules import evaluate
from ee_desktop.strategy import Move, durations, moves
from ee_desktop.strategy.scoring import Scorer


def by_id(items: list[Move]) -> dict[str, Move]:
    return {m.id: m for m in items}


def total(profile: Profile, on: date) -> int:
    return evaluate(profile, on, rules()).crs.total


def test_moves_for_the_spec_example() -> None:
    found = by_id(moves(example(), TODAY, rules()))
    in_60_days = TODAY + timedelta(days=60)
    expected = {
        "nomination": (600, TODAY + timedelta(days=180)),
        "french:nclc7": (62, TODAY + timedelta(days=365)),
        "spouse:language:9": (20, in_60_days),
        "spouse:language:7": (12, in_60_days),
        "spouse:language:5": (4, in_60_days),
        "language:first:reading:10": (3, in_60_days),
        "language:first:writing:10": (3, in_60_days),
        "education:canadian:1": (47, TODAY + timedelta(days=485)),
        "education:masters": (39, TODAY + timedelta(days=790)),
        "education:one_year": (32, TODAY + timedelta(days=425)),
        "spouse:one_year": (6, TODAY + timedelta(days=425)),
    }
    assert {k: (m.points, m.ready_on) for k, m in found.items()} == expected
    # Listening and speaking are already CLB 10; two years of study give no more than one.
    assert "language:first:speaking:10" not in found
    assert "education:canadian:2" not in found
    assert list(found)[0] == "nomination"  # most points first


def test_a_language_move_names_the_smallest_score_for_the_next_paying_level() -> None:
    move = by_id(moves(example(), TODAY, rules()))["language:first:reading:10"]
    assert move.title == "Raise reading to CLB 10"
    assert "at least 8 in reading" in move.explanation
    assert move.changes[:2] == (
        "New IELTS General Training result dated January 23, 2027",
        "reading: 8 (CLB 10)",
    )
    (new,) = [t for t in move.profile.applicant.language_tests if t.taken_on == move.ready_on]
    assert (new.listening, new.reading, new.writing, new.speaking) == (8.5, 8.0, 7.0, 7.5)


def test_levels_that_pay_nothing_more_are_skipped() -> None:
    # Single, CLB 9 in writing: CLB 10 pays (31 -> 34). Speaking at CLB 7: CLB 8 pays.
    base = single()
    test = LanguageTest("celpip_general", date(2026, 6, 1), "C", 9, 9, 9, 7)
    profile = replace(base, applicant=replace(base.applicant, language_tests=(test,)))
    found = by_id(moves(profile, TODAY, rules()))
    assert "language:first:speaking:8" in found
    # A CLB 4 ability: CLB 5 pays nothing more than CLB 4 (both 6 points), so 6 is offered.
    low = LanguageTest("celpip_general", date(2026, 6, 1), "C", 9, 9, 9, 4)
    profile = replace(base, applicant=replace(base.applicant, language_tests=(low,)))
    found = by_id(moves(profile, TODAY, rules()))
    assert "language:first:speaking:6" in found and "language:first:speaking:5" not in found


def test_french_from_scratch_and_from_a_low_result() -> None:
    moves_now = by_id(moves(example(), TODAY, rules()))
    french = moves_now["french:nclc7"]
    assert french.ready_on == TODAY + timedelta(days=durations()["french_first_test"].days)
    assert "NCLC 7" in french.explanation
    # The English test expires before the French one is ready: the copy renews it.
    assert any("Retake IELTS General Training" in c for c in french.changes)
    low = LanguageTest("tef_canada", date(2026, 6, 1), "T", 400, 440, 400, 460)
    base = example()
    profile = replace(
        base,
        applicant=replace(base.applicant, language_tests=(*base.applicant.language_tests, low)),
    )
    again = by_id(moves(profile, TODAY, rules()))["french:nclc7"]
    assert again.ready_on == TODAY + timedelta(days=durations()["french_retake"].days)
    # Only the abilities below 7 are raised.
    assert again.changes[1:3] == ("listening: 434 (NCLC 7)", "writing: 428 (NCLC 7)")
    # With one ability below 7, raising it is the move (no separate French test move).
    one = replace(low, writing=430)
    profile = replace(
        base,
        applicant=replace(base.applicant, language_tests=(*base.applicant.language_tests, one)),
    )
    found = by_id(moves(profile, TODAY, rules()))
    assert "french:nclc7" not in found
    assert found["language:second:listening:7"].points > 25


def test_eca_for_an_unevaluated_credential() -> None:
    base = example()
    credential = replace(base.applicant.education[0], eca=None)
    profile = replace(base, applicant=replace(base.applicant, education=(credential,)))
    move = by_id(moves(profile, TODAY, rules()))["education:eca:0"]
    assert move.ready_on == TODAY + timedelta(days=60)
    assert move.points == total(move.profile, move.ready_on) - total(profile, move.ready_on)
    assert move.points > 100  # the bachelor's and its combinations start to count
    assert "University of Mumbai" in move.explanation


def test_spouse_eca_and_no_spouse_moves_without_a_spouse() -> None:
    base = example()
    assert base.spouse is not None
    degree = Education("bachelors", 3, True, "IN", "Delhi University", "Commerce", date(2017, 5, 1))
    profile = replace(base, spouse=replace(base.spouse, education=(degree,)))
    move = by_id(moves(profile, TODAY, rules()))["spouse:eca:0"]
    assert move.points == 8
    assert not any(m.id.startswith("spouse:") for m in moves(single(), TODAY, rules()))


def test_experience_moves_come_on_the_day_the_year_completes() -> None:
    found = by_id(moves(complete(), TODAY, rules()))
    move = found["experience:canadian:3"]
    assert move.ready_on == date(2027, 8, 28)
    assert move.points == 10
    # The gain is the year of work: the file against the same file with the work stopped
    # the day before.
    profile = complete()
    stopped = replace(
        profile,
        applicant=replace(
            profile.applicant,
            work_history=tuple(
                replace(j, end=move.ready_on - timedelta(days=1)) if j.country == "CA" else j
                for j in profile.applicant.work_history
            ),
        ),
    )
    scorer = Scorer(profile, TODAY, rules())
    kept = scorer.kept(move.ready_on)[0]
    kept_stopped = replace(
        kept, applicant=replace(kept.applicant, work_history=stopped.applicant.work_history)
    )
    assert move.points == total(kept, move.ready_on) - total(kept_stopped, move.ready_on)
    assert found["experience:spouse-canadian:2"].ready_on == date(2027, 2, 26)


def test_no_nomination_move_when_nominated_or_not_eligible() -> None:
    assert "nomination" not in by_id(moves(nominated(example()), TODAY, rules()))
    no_test = replace(example(), applicant=replace(example().applicant, language_tests=()))
    found = by_id(moves(no_test, TODAY, rules()))
    assert "nomination" not in found
    # Without any valid test, a test at CLB 7 or 9 in all four is the way in.
    assert {"language:first:all:7", "language:first:all:9"} <= set(found)


def test_the_file_given_is_never_changed() -> None:
    profile = complete()
    before = repr(profile)
    for move in moves(profile, TODAY, rules()):
        assert move.profile is not profile
    assert repr(profile) == before


# --- the property: a move never claims points the engine would not give ----------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files())
def test_moves_claim_only_what_the_engine_gives(profile: Profile) -> None:
    scorer = Scorer(profile, TODAY, rules())
    for move in moves(profile, TODAY, rules()):
        assert move.points > 0
        assert move.ready_on >= TODAY
        assert move.score_after == total(move.profile, move.ready_on)
        kept = scorer.kept(move.ready_on)[0]
        if move.id.startswith("experience:"):
            # Nothing to change in the file: the gain is the year of work itself, against
            # the same file with that work stopped the day before.
            assert move.profile == kept
            kind = move.id.split(":")[1]
            stopped = stop(kept, kind, move.ready_on - timedelta(days=1))
            assert move.points == move.score_after - total(stopped, move.ready_on)
        else:
            assert move.points == move.score_after - total(kept, move.ready_on)
        assert move.explanation.count(". ") == 0 and move.explanation.endswith(".")
        assert f"+{move.points} points" in move.explanation
        assert move.title and move.changes


@pytest.mark.parametrize("maker", [example, single, complete])
def test_ids_are_unique_and_stable(maker: object) -> None:
    assert callable(maker)
    first = [m.id for m in moves(maker(), TODAY, rules())]
    assert len(first) == len(set(first))
    assert first == [m.id for m in moves(maker(), TODAY, rules())]
