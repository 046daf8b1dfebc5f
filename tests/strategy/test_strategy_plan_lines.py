"""The plan's lines: near-identical combinations folded, every single move, and the spouse
as principal applicant."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from strategy_helpers import TODAY, complete, example, rules

from ee_desktop.profile.model import (
    Education,
    JobOffer,
    LanguageTest,
    Profile,
    ProvincialNomination,
)
from ee_desktop.rules import evaluate
from ee_desktop.strategy import builtin_rounds, full_plan, moves
from ee_desktop.strategy.output import render_text, to_json
from ee_desktop.strategy.plan import MAX_VARIANTS, _kinds
from ee_desktop.strategy.swap import SWAP_MOVE, swap_move, swapped


def _stronger_spouse(profile: Profile) -> Profile:
    """The example with a spouse who has a master's degree (ECA) and CLB 9 English."""
    assert profile.spouse is not None
    masters = Education("masters", 2, True, "CA", "University of Toronto", "Data", date(2021, 5, 1))
    test = LanguageTest("ielts_general", date(2026, 6, 1), "S1", 8.5, 8.0, 7.5, 8.0)
    spouse = replace(profile.spouse, education=(masters,), language_tests=(test,))
    return replace(profile, spouse=spouse)


def test_near_identical_combinations_fold_into_one_line_with_their_variants() -> None:
    found = full_plan(example(), TODAY, builtin_rounds(), rules())
    kinds = [_kinds(item) for item in found.items]
    assert len(kinds) == len(set(kinds)), "two lines do the same kinds of move"
    folded = [item for item in found.items if item.variants]
    assert folded, "the example has moves at several levels to fold"
    for item in folded:
        assert len(item.variants) <= MAX_VARIANTS
        for variant in item.variants:
            assert _kinds(variant) == _kinds(item)
            assert variant.ids != item.ids
            assert not variant.variants


def test_every_single_move_worth_points_is_listed_most_points_first() -> None:
    profile = complete()
    found = full_plan(profile, TODAY, builtin_rounds(), rules())
    listed = [item.ids[0] for item in found.moves]
    assert all(len(item.moves) == 1 for item in found.moves)
    assert set(listed) == {m.id for m in moves(profile, TODAY, rules())}
    points = [item.points for item in found.moves]
    assert points == sorted(points, reverse=True) and all(p > 0 for p in points)
    # The ranked plan is limited to ten lines; the list of moves is not.
    assert len(found.moves) > len(found.items)


def test_the_spouse_as_principal_applicant_appears_when_it_scores_higher() -> None:
    profile = _stronger_spouse(example())
    copy = swapped(profile)
    assert copy is not None and profile.spouse is not None
    assert copy.applicant.given_names == profile.spouse.given_names
    assert copy.spouse is not None and copy.spouse.education == profile.applicant.education
    gain = evaluate(copy, TODAY, rules()).crs.total - evaluate(profile, TODAY, rules()).crs.total
    assert gain > 0
    found = full_plan(profile, TODAY, builtin_rounds(), rules())
    swap = next(item for item in found.moves if item.ids == (SWAP_MOVE,))
    assert swap.points == gain and swap.ready_on == TODAY
    assert "Ravi" in swap.summary and str(swap.score_after) in swap.summary
    assert swap.moves[0].title == "Make Ravi Rao the principal applicant"
    data = to_json(TODAY, 0, None, [], found, [])
    assert any(m["id"] == SWAP_MOVE for i in data["every_move"] for m in i["moves"])


def test_no_swap_when_the_file_scores_higher_as_it_is_or_has_no_spouse_who_could_apply() -> None:
    found = full_plan(example(), TODAY, builtin_rounds(), rules())
    assert all(SWAP_MOVE not in item.ids for item in (*found.items, *found.moves))
    base = example()
    assert base.spouse is not None
    citizen = replace(base, spouse=replace(base.spouse, canadian_citizen_or_pr=True))
    assert swapped(citizen) is None
    staying = replace(base, spouse=replace(base.spouse, accompanying=False))
    assert swapped(staying) is None


def test_what_is_issued_to_the_applicant_by_name_is_said_not_to_follow_the_swap() -> None:
    profile = _stronger_spouse(example())
    offer = JobOffer("21232", "Maple Inc", date(2026, 12, 1), True)
    nomination = ProvincialNomination("ON", "Human Capital Priorities", date(2026, 1, 5))
    for given in (
        {"job_offer": offer},
        {"provincial_nomination": nomination},
    ):
        copy = swapped(replace(profile, applicant=replace(profile.applicant, **given)))
        assert copy is not None
        assert copy.applicant.job_offer is None and copy.applicant.provincial_nomination is None
    with_offer = replace(profile, applicant=replace(profile.applicant, job_offer=offer))
    move = swap_move(with_offer, evaluate(with_offer, TODAY, rules()), TODAY, rules())
    assert move is not None and "is not counted for Ravi Rao" in move.explanation
    plain = swap_move(profile, evaluate(profile, TODAY, rules()), TODAY, rules())
    assert plain is not None and "is not counted" not in plain.explanation


def test_the_text_and_json_carry_variants_and_every_move() -> None:
    found = full_plan(example(), TODAY, builtin_rounds(), rules())
    data = to_json(TODAY, 404, None, [], found, [])
    folded = next(i for i in data["plan"] if i["variants"])
    variant = folded["variants"][0]
    assert set(variant) == {"moves", "actions", "points", "ready_on", "score_after", "clears"}
    assert [i["moves"][0]["id"] for i in data["every_move"]] == [i.ids[0] for i in found.moves]
    text = render_text(TODAY, 404, [], None, [], found, [])
    assert "Every single move:" in text
    assert "    or: " + folded["variants"][0]["actions"] in text
