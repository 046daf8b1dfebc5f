"""Keys stay put across list reorders and edits that do not change what a document is for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from checklist_helpers import AS_OF, family, ielts, job, keys, mira, omar, stay
from hypothesis import given, settings
from hypothesis import strategies as st

from ee_desktop.checklist import generate
from ee_desktop.profile.model import Profile


def reversed_lists(profile: Profile) -> Profile:
    a = profile.applicant
    applicant = replace(
        a,
        work_history=a.work_history[::-1],
        residence_history=a.residence_history[::-1],
        education=a.education[::-1],
        language_tests=a.language_tests[::-1],
    )
    spouse = profile.spouse
    assert spouse is not None
    spouse = replace(spouse, residence_history=spouse.residence_history[::-1])
    return replace(profile, applicant=applicant, spouse=spouse, children=profile.children[::-1])


def two_children() -> Profile:
    older = mira(given_names="Sami", date_of_birth=date(2019, 2, 2))
    return replace(family(), children=(mira(), older))


def test_reordering_jobs_children_and_residences_keeps_keys_and_order() -> None:
    profile = two_children()
    assert keys(reversed_lists(profile)) == keys(profile)
    assert generate(reversed_lists(profile), AS_OF) == generate(profile, AS_OF)


def test_editing_scores_hours_titles_or_amounts_keeps_keys() -> None:
    profile = family()
    a = profile.applicant
    edited = replace(
        profile,
        applicant=replace(
            a,
            language_tests=(ielts(speaking=9.0),),
            work_history=(
                replace(a.work_history[0], hours_per_week=30, title="Senior analyst"),
                a.work_history[1],
            ),
        ),
        settlement_funds_cad=10000,
    )
    assert keys(edited) == keys(profile)


def test_adding_a_job_or_child_adds_keys_without_changing_others() -> None:
    profile = family()
    more = replace(
        profile,
        applicant=replace(
            profile.applicant,
            work_history=(job("Early Co", "IN", date(2018, 1, 1), date(2019, 12, 31)),)
            + profile.applicant.work_history,
        ),
        children=(mira(given_names="Zoe", date_of_birth=date(2024, 2, 1)),) + profile.children,
    )
    before, after = set(keys(profile)), set(keys(more))
    assert before < after


def test_keys_are_unique_and_people_consistent() -> None:
    items = generate(two_children(), AS_OF)
    assert len({r.key for r in items}) == len(items)
    for item in items:
        assert item.key.split(":")[0] and f":{item.person}" in item.key


countries = st.sampled_from(["IN", "AE", "GB", "CA", "QA", "FR"])
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 24))


@st.composite
def histories(draw: st.DrawFn) -> tuple[object, ...]:
    starts = sorted(draw(st.lists(days, min_size=1, max_size=6, unique=True)))
    stays = []
    for i, start in enumerate(starts):
        end = None if i == len(starts) - 1 else starts[i + 1] - timedelta(days=1)
        stays.append(stay(draw(countries), start, end))
    return tuple(stays)


@settings(max_examples=60, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_any_residence_order_gives_the_same_checklist(
    stays: tuple[object, ...], rnd: object
) -> None:
    shuffled = list(stays)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    base = family()
    one = replace(base, spouse=omar(residence_history=stays))
    other = replace(base, spouse=omar(residence_history=tuple(shuffled)))
    first = generate(one, AS_OF)
    assert first == generate(other, AS_OF)
    assert "police:spouse:CA" not in {r.key for r in first}


def test_an_evaluation_at_hand_gives_the_same_checklist() -> None:
    from ee_desktop.rules import evaluate

    profile = family()
    assert generate(profile, AS_OF, evaluation=evaluate(profile, AS_OF)) == generate(profile, AS_OF)


def test_data_strings_go_through_gettext(monkeypatch: pytest.MonkeyPatch) -> None:
    import ee_desktop.checklist.build as module

    seen: list[str] = []

    def translate(message: str) -> str:
        seen.append(message)
        return "«" + message + "»"

    monkeypatch.setattr(module, "_", translate)
    items = {r.key: r for r in generate(family(), AS_OF)}
    police = items["police:spouse:AE"]
    assert police.title == "«Police certificate: United Arab Emirates»"
    assert "Police certificate: {country}" in seen
    assert all(line.startswith("«") for line in police.contents)
    assert police.key == "police:spouse:AE"  # keys are never translated
