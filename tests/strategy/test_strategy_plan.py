"""The ranked plan: combinations, ranking against recent cut-offs, and plain sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from strategy_helpers import TODAY, complete, example, files, nominated, rules, single

from ee_desktop.profile.model import Profile
from ee_desktop.rules import evaluate
from ee_desktop.strategy import (
    PlanItem,
    Round,
    advice,
    builtin_rounds,
    cut_offs,
    plan,
    qualifying_round_types,
    round_problems,
    standing,
)
from ee_desktop.strategy.plan import _months
from ee_desktop.strategy.scoring import Scorer


def ranked(profile: object, **kwargs: object) -> list[PlanItem]:
    return plan(profile, TODAY, builtin_rounds(), rules(), **kwargs)  # type: ignore[arg-type]


def test_the_example_is_told_which_moves_get_it_invited_and_when() -> None:
    items = ranked(example())
    first, second = items[0], items[1]
    assert [m.id for m in first.moves] == ["nomination"]
    assert first.clears == ("pnp",) and first.ready_on == date(2027, 5, 23)
    assert first.summary == (
        "Provincial nomination: about 999 points by May 23, 2027 (+600), above the recent "
        "cut-off of Provincial Nominee Program (744)."
    )
    assert [m.id for m in second.moves] == ["french:nclc7"]
    assert second.clears == ("french",) and second.score_after == 461
    # The rest clear nothing: ranked by points per month of waiting.
    rest = [i for i in items if not i.clears]
    rates = [i.points / _months(TODAY, i.ready_on) for i in rest]
    assert rates == sorted(rates, reverse=True)
    assert rest[0].points == 26 and len(rest[0].moves) == 3


def test_clearing_items_come_first_soonest_first() -> None:
    for profile in (example(), single(), complete()):
        items = ranked(profile, limit=30)
        now = set(standing(profile, TODAY, builtin_rounds(), rules()).clears)
        flags = [bool(set(i.clears) - now) for i in items]
        assert flags == sorted(flags, reverse=True)
        days = [i.ready_on for i in items if set(i.clears) - now]
        assert days == sorted(days)


def test_combinations_are_compatible_and_scored_on_the_combined_copy() -> None:
    items = ranked(complete(), limit=40)
    assert any(len(i.moves) == 3 for i in items) and any(len(i.moves) == 2 for i in items)
    for item in items:
        assert 1 <= len(item.moves) <= 3
        assert item.ready_on == max(m.ready_on for m in item.moves)
        assert item.profile is not None
        assert item.score_after == evaluate(item.profile, item.ready_on, rules()).crs.total
        abilities = [m.id.rsplit(":", 1)[0] for m in item.moves if m.id.startswith("language:")]
        assert len(abilities) == len(set(abilities))  # never two moves on one ability
        spouse = [m for m in item.moves if m.id.startswith("spouse:language")]
        assert len(spouse) <= 1
        if len(item.moves) > 1:
            assert item.points > max(m.points for m in item.moves)
        assert item.summary.endswith(".") and str(item.points) in item.summary


def test_two_raises_in_one_language_are_one_test() -> None:
    item = next(
        i
        for i in ranked(example(), limit=30)
        if {m.id for m in i.moves} == {"language:first:reading:10", "language:first:writing:10"}
        or {"language:first:reading:10", "language:first:writing:10"} <= {m.id for m in i.moves}
    )
    assert item.profile is not None
    new = [t for t in item.profile.applicant.language_tests if t.taken_on > TODAY]
    assert len(new) == 1 and (new[0].reading, new[0].writing) == (8.0, 7.5)


def test_a_file_already_above_a_cut_off() -> None:
    now = standing(complete(), TODAY, builtin_rounds(), rules())
    assert now.score == 560 and now.clears == ("cec", "french")
    assert now.latest_round == date(2026, 8, 7)
    assert now.summary.startswith("Your score is 560, above the recent cut-off of Canadian")
    items = ranked(complete())
    assert items[0].moves[0].id == "nomination"  # the only move that opens a new round type
    assert len(items) == 10


def test_standing_sentences() -> None:
    assert standing(example(), TODAY, builtin_rounds(), rules()).summary == (
        "Your score is 404; there was no recent round of a type this file qualifies for."
    )
    rounds = [Round(None, date(2026, 10, 1), "fsw", "FSW", 500, 450, None, "x")]
    assert standing(example(), TODAY, rounds, rules()).summary == (
        "Your score is 404; 47 more points would put it above the recent cut-off of "
        "Federal Skilled Worker (450)."
    )
    no_test = replace(example(), applicant=replace(example().applicant, language_tests=()))
    assert "not eligible" in standing(no_test, TODAY, rounds, rules()).summary
    assert "above" in standing(nominated(example()), TODAY, builtin_rounds(), rules()).summary


def test_without_rounds_nothing_clears_and_the_limit_holds() -> None:
    items = plan(example(), TODAY, [], rules(), limit=3)
    assert len(items) == 3 and all(not i.clears for i in items)
    assert "no recent round" in items[0].summary


def test_plan_at_a_later_date_uses_the_rounds_before_it() -> None:
    later = TODAY + timedelta(days=400)
    items = plan(example(), later, builtin_rounds(), rules())
    # No round in the year before 2027-12-29: nothing to clear.
    assert all(not i.clears for i in items)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files())
def test_plan_items_claim_only_what_the_engine_gives(profile: Profile) -> None:
    scorer = Scorer(profile, TODAY, rules())
    offs = {c.round_type: c.recent_lowest for c in cut_offs(builtin_rounds(), TODAY)}
    for item in plan(profile, TODAY, builtin_rounds(), rules(), limit=15):
        assert item.profile is not None and item.points > 0
        after = evaluate(item.profile, item.ready_on, rules())
        assert item.score_after == after.crs.total
        if not any(m.id.startswith("experience:") for m in item.moves):
            kept = scorer.kept(item.ready_on)[0]
            assert (
                item.points == item.score_after - evaluate(kept, item.ready_on, rules()).crs.total
            )
        assert set(item.clears) <= set(qualifying_round_types(after))
        assert all(item.score_after > offs[t] for t in item.clears)
        slots = [m.id.rsplit(":", 1)[0] for m in item.moves if m.id.startswith("language:")]
        assert len(slots) == len(set(slots))
        assert item.summary


def test_advice_names_two_or_three_actions_and_when() -> None:
    rounds = builtin_rounds()
    profile = example()
    lines = advice(standing(profile, TODAY, rounds, rules()), ranked(profile))
    assert lines == [
        "Your score is 404; there was no recent round of a type this file qualifies for.",
        "These would most likely get you invited, soonest first:",
        "Provincial nomination: about 999 points by May 23, 2027 (+600), above the recent "
        "cut-off of Provincial Nominee Program (744).",
        "French test at NCLC 7: about 461 points by November 24, 2027 (+62), above the recent "
        "cut-off of French-language proficiency (399).",
    ]
    already = advice(standing(complete(), TODAY, rounds, rules()), ranked(complete()))
    assert already[1] == "To stay ahead of the cut-offs, these add the most:"
    assert len(already) == 5
    none = advice(standing(profile, TODAY, [], rules()), plan(profile, TODAY, [], rules()))
    assert none[1].startswith("No move found clears a recent cut-off")


def test_round_problems_for_the_editor() -> None:
    good = builtin_rounds()[-1]
    assert round_problems(good) == []
    bad = replace(good, round_type="lottery", lowest_score=1300, invited=-1, name=" ")
    assert [p.split(":")[0] for p in round_problems(bad)] == [
        "type",
        "lowest_score",
        "invited",
        "name",
    ]
