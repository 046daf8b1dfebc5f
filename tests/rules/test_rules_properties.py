"""Properties that hold for any file: sums, caps and monotonicity."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rules_helpers import canadian, foreign, job, profile, spouse

from ee_desktop.profile.model import Education, Job, LanguageTest, Profile
from ee_desktop.rules import evaluate, evaluation_to_json

ON = date(2026, 11, 24)
LEVELS = (
    "secondary",
    "one_year_post_secondary",
    "two_year_post_secondary",
    "bachelors",
    "masters",
    "doctoral",
)
NOCS = ("00012", "21231", "22310", "32101", "72200", "64100")
CAPS = {"core": 500, "spouse": 40, "transferability": 100, "additional": 600}

bands = st.sampled_from([x / 2 for x in range(6, 19)])  # IELTS 3.0 to 9.0


@st.composite
def language_tests(draw: st.DrawFn) -> tuple[LanguageTest, ...]:
    out = []
    if draw(st.booleans()):
        out.append(
            LanguageTest(
                "ielts_general",
                date(2025, 6, 1),
                "X",
                draw(bands),
                draw(bands),
                draw(bands),
                draw(bands),
            )
        )
    if draw(st.booleans()):
        score = st.integers(250, 699)
        out.append(
            LanguageTest(
                "tef_canada",
                date(2025, 6, 1),
                "X",
                draw(score),
                draw(score),
                draw(score),
                draw(score),
            )
        )
    return tuple(out)


@st.composite
def jobs(draw: st.DrawFn) -> Job:
    start = date(2012, 1, 1) + timedelta(days=draw(st.integers(0, 5300)))
    length = draw(st.integers(30, 4000))
    end = None if draw(st.booleans()) else start + timedelta(days=length)
    return job(
        start,
        end,
        noc=draw(st.sampled_from(NOCS)),
        country=draw(st.sampled_from(("CA", "IN"))),
        hours=draw(st.sampled_from((10, 20, 30, 40))),
        self_employed=draw(st.booleans()),
    )


@st.composite
def educations(draw: st.DrawFn) -> tuple[Education, ...]:
    out = []
    for _ in range(draw(st.integers(0, 2))):
        level = draw(st.sampled_from(LEVELS))
        out.append(canadian(level) if draw(st.booleans()) else foreign(level))
    return tuple(out)


@st.composite
def files(draw: st.DrawFn) -> Profile:
    partner = None
    if draw(st.booleans()):
        partner = spouse(
            accompanying=draw(st.booleans()),
            education=draw(educations()),
            tests=draw(language_tests()),
            work=tuple(draw(st.lists(jobs(), max_size=2))),
        )
    return profile(
        born=date(1970, 1, 1) + timedelta(days=draw(st.integers(0, 13000))),
        education=draw(educations()),
        tests=draw(language_tests()),
        work=tuple(draw(st.lists(jobs(), max_size=3))),
        partner=partner,
        certificate=draw(st.booleans()),
        nominated=draw(st.booleans()),
        sibling=draw(st.booleans()),
        first_language=draw(st.sampled_from(("auto", "english", "french"))),
    )


@settings(max_examples=300, deadline=None)
@given(files())
def test_total_is_the_sum_of_sections_and_no_section_exceeds_its_cap(file: Profile) -> None:
    result = evaluate(file, ON)
    crs = result.crs
    assert crs.total == crs.core + crs.spouse + crs.transferability + crs.additional
    for section, cap in CAPS.items():
        assert 0 <= getattr(crs, section) <= cap
    if crs.with_spouse:
        assert crs.core <= 460
    else:
        assert crs.spouse == 0
    assert crs.education_transferability <= 50 and crs.foreign_transferability <= 50
    assert crs.total <= 1200
    out = evaluation_to_json(result)["crs"]
    for factor in out["factors"]:
        if factor["factor"] != "section_cap":
            assert 0 <= factor["points"] <= factor["max"] or factor["max"] == 0 == factor["points"]
    for section in CAPS:
        assert sum(f["points"] for f in out["factors"] if f["section"] == section) == out[section]


ABILITIES = ("listening", "reading", "writing", "speaking")


@settings(max_examples=300, deadline=None)
@given(files(), st.integers(0, 3), st.data())
def test_raising_a_language_ability_never_lowers_the_score(
    file: Profile, index: int, data: st.DataObject
) -> None:
    if not file.applicant.language_tests:
        return
    which = data.draw(st.integers(0, len(file.applicant.language_tests) - 1))
    test = file.applicant.language_tests[which]
    ability = ABILITIES[index]
    step = 0.5 if test.test == "ielts_general" else 10
    ceiling = 9.0 if test.test == "ielts_general" else 699
    raised = replace(test, **{ability: min(ceiling, test.score(ability) + step)})
    tests = list(file.applicant.language_tests)
    tests[which] = raised
    better = replace(file, applicant=replace(file.applicant, language_tests=tuple(tests)))
    assert evaluate(better, ON).crs.total >= evaluate(file, ON).crs.total


@settings(max_examples=300, deadline=None)
@given(files(), jobs())
def test_adding_experience_never_lowers_the_score(file: Profile, extra: Job) -> None:
    more = replace(
        file, applicant=replace(file.applicant, work_history=(*file.applicant.work_history, extra))
    )
    assert evaluate(more, ON).crs.total >= evaluate(file, ON).crs.total


@settings(max_examples=200, deadline=None)
@given(files())
def test_evaluation_at_any_date_since_2017_runs(file: Profile) -> None:
    for on in (date(2017, 7, 1), date(2020, 1, 1), date(2023, 12, 11), date(2025, 3, 25)):
        evaluation_to_json(evaluate(file, on))
