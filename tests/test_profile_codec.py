"""The personal-file format v1: round trips and strict, complete validation."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ee_desktop.profile import ProfileError, decode, encode, load, loads
from ee_desktop.profile.model import Profile
from tests.conftest import EXAMPLE, TODAY


def problems_of(data: Any, today: date = TODAY) -> list[str]:
    with pytest.raises(ProfileError) as info:
        decode(data, today=today)
    return [str(p) for p in info.value.problems]


def paths_of(data: Any) -> list[str]:
    with pytest.raises(ProfileError) as info:
        decode(data, today=TODAY)
    return [p.path for p in info.value.problems]


def test_example_from_spec_decodes(example_data: dict[str, Any]) -> None:
    profile = decode(example_data, today=TODAY)
    a = profile.applicant
    assert (a.given_names, a.family_name, a.date_of_birth) == ("Asha", "Rao", date(1996, 4, 12))
    assert a.language_tests[0].listening == 8.5
    assert a.education[0].eca is not None and a.education[0].eca.organization == "WES"
    assert a.work_history[0].end is None and a.work_history[0].teer == 1
    assert profile.spouse is not None and profile.spouse.accompanying
    assert profile.children[0].date_of_birth == date(2022, 3, 1)
    assert profile.settlement_funds_cad == 25000
    assert profile.first_official_language == "auto"


def _contains(original: Any, exported: Any) -> bool:
    """``exported`` has everything ``original`` has (it may add optional fields at defaults)."""
    if isinstance(original, dict):
        return isinstance(exported, dict) and all(
            k in exported and _contains(v, exported[k]) for k, v in original.items()
        )
    if isinstance(original, list):
        return (
            isinstance(exported, list)
            and len(original) == len(exported)
            and all(_contains(a, b) for a, b in zip(original, exported, strict=True))
        )
    return bool(original == exported)


def test_export_of_import_is_equivalent(example_data: dict[str, Any]) -> None:
    profile = decode(example_data, today=TODAY)
    exported = encode(profile)
    assert decode(exported, today=TODAY) == profile
    assert _contains(example_data, exported)
    assert json.loads(json.dumps(exported)) == exported


def test_results_date_is_optional_and_checked(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    test = data["applicant"]["language_tests"][0]
    assert decode(data, today=TODAY).applicant.language_tests[0].valid_from == date(2025, 9, 20)
    test["results_on"] = "2025-10-02"
    loaded = decode(data, today=TODAY).applicant.language_tests[0]
    assert loaded.results_on == loaded.valid_from == date(2025, 10, 2)
    test["results_on"] = "2025-09-01"
    assert paths_of(data) == ["applicant.language_tests[0].results_on"]


def test_nomination_acceptance_date_is_optional_and_checked(
    example_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(example_data)
    nomination = {"province": "PE", "stream": "PEI Express Entry", "nominated_on": "2026-11-01"}
    data["applicant"]["provincial_nomination"] = dict(nomination)
    assert decode(data, today=TODAY).applicant.provincial_nomination.accepted_on is None  # type: ignore[union-attr]
    data["applicant"]["provincial_nomination"]["accepted_on"] = "2026-11-05"
    loaded = decode(data, today=TODAY)
    assert loaded.applicant.provincial_nomination.accepted_on == date(2026, 11, 5)  # type: ignore[union-attr]
    assert decode(encode(loaded), today=TODAY) == loaded
    path = "applicant.provincial_nomination.accepted_on"
    for bad in ("2026-10-31", "2026-11-25"):  # before the nomination; in the future
        data["applicant"]["provincial_nomination"]["accepted_on"] = bad
        assert paths_of(data) == [path]


def test_all_problems_reported_at_once(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["language_tests"][0]["speaking"] = 9.5
    bad["applicant"]["work_history"][0]["end"] = "2017-01-01"
    bad["applicant"]["sibbling_in_canada"] = True
    bad["children"][0]["accompanying"] = "yes"
    bad["settlement_funds_cad"] = -5
    paths = paths_of(bad)
    assert paths == [
        "applicant.sibbling_in_canada",
        "applicant.language_tests[0].speaking",
        "applicant.work_history[0].end",
        "children[0].accompanying",
        "settlement_funds_cad",
    ]


def test_problem_names_path_value_and_expectation(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["language_tests"][0]["speaking"] = 9.5
    (message,) = problems_of(bad)
    assert message == (
        "applicant.language_tests[0].speaking: got 9.5; expected a speaking score for "
        "IELTS General Training within 0 to 9 in steps of 0.5"
    )


def test_unknown_key_suggests_the_right_name(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["sibbling_in_canada"] = True
    (message,) = problems_of(bad)
    assert "applicant.sibbling_in_canada" in message
    assert "did you mean “sibling_in_canada”" in message


def test_unknown_top_level_key_lists_allowed_fields(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["zzz"] = 1
    (message,) = problems_of(bad)
    assert message.startswith("zzz: got 1; expected no field of this name; allowed here:")


def test_missing_required_fields_are_each_named(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    del bad["applicant"]["date_of_birth"]
    del bad["applicant"]["work_history"][0]["noc_code"]
    messages = problems_of(bad)
    assert messages == [
        "applicant.date_of_birth: missing; expected a date written YYYY-MM-DD",
        "applicant.work_history[0].noc_code: missing; expected a five-digit NOC 2021 code whose "
        "second digit (the TEER) is 0 to 5",
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("applicant", "given_names"), 5),
        (("applicant", "given_names"), "  "),
        (("applicant", "sibling_in_canada"), 0),
        (("applicant", "marital_status"), "single"),
        (("applicant", "country_of_residence"), "India"),
        (("applicant", "date_of_birth"), "12/04/1996"),
        (("applicant", "date_of_birth"), "1996-02-30"),
        (("applicant", "education"), {}),
        (("applicant", "education", 0, "level"), "phd"),
        (("applicant", "education", 0, "program_length_years"), 2.5),
        (("applicant", "education", 0, "eca", "organization"), "XYZ"),
        (("applicant", "work_history", 0, "noc_code"), "2123"),
        (("applicant", "work_history", 0, "noc_code"), "27232"),
        (("applicant", "work_history", 0, "noc_code"), 21232),
        (("applicant", "work_history", 0, "hours_per_week"), 0),
        (("applicant", "work_history", 0, "hours_per_week"), "40"),
        (("applicant", "work_history", 0, "paid"), None),
        (("applicant", "language_tests", 0, "test"), "toefl"),
        (("spouse", "accompanying"), "true"),
        (("first_official_language",), "spanish"),
        (("settlement_funds_cad",), "25000"),
        (("version",), 2),
        (("format",), "other"),
    ],
)
def test_wrong_types_and_values_are_rejected(
    example_data: dict[str, Any], path: tuple[Any, ...], value: Any
) -> None:
    bad = copy.deepcopy(example_data)
    target = bad
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    expected_path = ".".join(str(k) for k in path).replace(".0.", "[0].").replace(".0", "[0]")
    assert expected_path in paths_of(bad)


def test_newer_version_says_to_update(example_data: dict[str, Any]) -> None:
    bad = dict(example_data, version=2)
    (message,) = problems_of(bad)
    assert "newer version of ee-desktop" in message


# -- score ranges per test ---------------------------------------------------
RANGES = {
    "ielts_general": {a: (0, 9) for a in ("listening", "reading", "writing", "speaking")},
    "celpip_general": {a: (0, 12) for a in ("listening", "reading", "writing", "speaking")},
    "pte_core": {a: (10, 90) for a in ("listening", "reading", "writing", "speaking")},
    "tef_canada": {a: (0, 699) for a in ("listening", "reading", "writing", "speaking")},
    "tcf_canada": {"listening": (0, 699), "reading": (0, 699), "writing": (0, 20),
                   "speaking": (0, 20)},
}  # fmt: skip


def _with_test(example: dict[str, Any], test: str, **scores: float) -> dict[str, Any]:
    data = copy.deepcopy(example)
    entry = data["applicant"]["language_tests"][0]
    entry["test"] = test
    for ability, (low, _high) in RANGES[test].items():
        entry[ability] = low
    entry.update(scores)
    return data


@pytest.mark.parametrize(
    ("test", "ability"),
    [(t, a) for t, abilities in RANGES.items() for a in abilities],
)
def test_each_test_ability_accepts_its_bounds_and_rejects_beyond(
    example_data: dict[str, Any], test: str, ability: str
) -> None:
    low, high = RANGES[test][ability]
    for ok in (low, high):
        decode(_with_test(example_data, test, **{ability: ok}), today=TODAY)
    for wrong in (low - 1, high + 1):
        messages = problems_of(_with_test(example_data, test, **{ability: wrong}))
        assert len(messages) == 1
        assert f"applicant.language_tests[0].{ability}: got {wrong}" in messages[0]
        assert f"{low} to {high}" in messages[0]


def test_ielts_accepts_half_bands_only(example_data: dict[str, Any]) -> None:
    decode(_with_test(example_data, "ielts_general", reading=6.5), today=TODAY)
    assert paths_of(_with_test(example_data, "ielts_general", reading=6.25)) == [
        "applicant.language_tests[0].reading"
    ]


@pytest.mark.parametrize("test", ["celpip_general", "pte_core", "tef_canada", "tcf_canada"])
def test_whole_number_scales_reject_fractions(example_data: dict[str, Any], test: str) -> None:
    low = RANGES[test]["listening"][0]
    assert paths_of(_with_test(example_data, test, listening=low + 0.5)) == [
        "applicant.language_tests[0].listening"
    ]


# -- impossible dates ---------------------------------------------------------
def test_born_in_the_future(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["spouse"]["date_of_birth"] = "2027-01-01"
    (message,) = problems_of(bad)
    assert message.startswith('spouse.date_of_birth: got "2027-01-01"; expected')


def test_test_taken_before_birth(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["language_tests"][0]["taken_on"] = "1990-01-01"
    assert paths_of(bad) == ["applicant.language_tests[0].taken_on"]


def test_job_ending_before_it_starts(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["work_history"][0]["end"] = "2018-06-30"
    assert paths_of(bad) == ["applicant.work_history[0].end"]


def test_job_on_a_single_day_is_allowed(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["applicant"]["work_history"][0]["end"] = "2018-07-01"
    decode(data, today=TODAY)


def test_passport_and_residence_dates(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["passport"] = {
        "number": "Z1",
        "country": "IN",
        "issued_on": "2020-01-01",
        "expires_on": "2019-01-01",
    }
    bad["applicant"]["residence_history"] = [
        {"country": "IN", "from": "2020-01-01", "to": "2010-01-01"}
    ]
    assert paths_of(bad) == ["applicant.passport.expires_on", "applicant.residence_history[0].to"]


# -- family ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "status", ["never_married", "divorced", "separated", "widowed", "annulled"]
)
def test_spouse_with_a_status_that_has_none(example_data: dict[str, Any], status: str) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["marital_status"] = status
    (message,) = problems_of(bad)
    assert message.startswith("spouse: got {")
    assert status in message


def test_married_without_spouse_details(example_data: dict[str, Any]) -> None:
    bad = dict(copy.deepcopy(example_data), spouse=None)
    assert paths_of(bad) == ["spouse"]


def test_single_applicant_with_null_spouse(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["applicant"]["marital_status"] = "never_married"
    data["spouse"] = None
    assert decode(data, today=TODAY).spouse is None


def test_canadian_credential_with_eca_is_rejected(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["education"][0]["country"] = "CA"
    assert paths_of(bad) == ["applicant.education[0].eca"]


def test_optional_sections_default(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    for key in ("children", "settlement_funds_cad"):
        del data[key]
    for key in ("certificate_of_qualification", "provincial_nomination", "job_offer"):
        del data["applicant"][key]
    for key in ("education", "language_tests", "work_history"):
        del data["spouse"][key]
    profile = decode(data, today=TODAY)
    assert profile.children == () and profile.settlement_funds_cad is None
    assert profile.spouse is not None and profile.spouse.language_tests == ()


# -- text and files ----------------------------------------------------------------
def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(ProfileError) as info:
        loads('{"format": "ee-desktop.profile",\n "version": 1,,}', today=TODAY)
    (message,) = [str(p) for p in info.value.problems]
    assert message.startswith("(file): got ") and "line 2" in message


def test_duplicate_keys_are_rejected() -> None:
    with pytest.raises(ProfileError) as info:
        loads('{"version": 1, "version": 1}', today=TODAY)
    assert info.value.problems[0].path == "version"


def test_top_level_must_be_an_object() -> None:
    assert problems_of([1, 2])[0].startswith("(file): got [1, 2]; expected an object")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        load(tmp_path / "absent.json", today=TODAY)
    assert "absent.json" in str(info.value)


def test_load_reads_utf8_names(tmp_path: Path, example_data: dict[str, Any]) -> None:
    example_data["applicant"]["given_names"] = "Zoë Ñandú"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(example_data, ensure_ascii=False), encoding="utf-8")
    assert load(path, today=TODAY).applicant.given_names == "Zoë Ñandú"


def test_example_file_is_the_spec_example() -> None:
    spec = Path(__file__).resolve().parents[2] / "shared" / "spec" / "example-profile.json"
    if spec.exists():
        assert json.loads(spec.read_text()) == json.loads(EXAMPLE.read_text())


# -- property: any valid file survives export and import -----------------------------
_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2026, 1, 1))
_text = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")


@st.composite
def _profiles(draw: st.DrawFn) -> dict[str, Any]:
    born = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2000, 1, 1)))
    later = st.dates(min_value=born, max_value=date(2026, 1, 1))
    tests = [
        {
            "test": "celpip_general",
            "taken_on": draw(later).isoformat(),
            "registration_number": draw(_text),
            **{
                a: draw(st.integers(0, 12)) for a in ("listening", "reading", "writing", "speaking")
            },
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    jobs = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(later)
        end = draw(st.none() | st.dates(min_value=start, max_value=date(2026, 1, 1)))
        jobs.append(
            {
                "title": draw(_text),
                "employer": draw(_text),
                "noc_code": draw(st.sampled_from(["21232", "00010", "33102", "72410"])),
                "country": draw(st.sampled_from(["CA", "IN", "FR"])),
                "start": start.isoformat(),
                "end": end.isoformat() if end else None,
                "hours_per_week": draw(st.integers(1, 60) | st.sampled_from([37.5, 22.5])),
                "self_employed": draw(st.booleans()),
                "paid": draw(st.booleans()),
                "while_full_time_student": draw(st.booleans()),
            }
        )
    return {
        "format": "ee-desktop.profile", "version": 1,
        "applicant": {
            "given_names": draw(_text), "family_name": draw(_text),
            "date_of_birth": born.isoformat(), "marital_status": "never_married",
            "country_of_residence": "IN", "education": [], "language_tests": tests,
            "work_history": jobs, "sibling_in_canada": draw(st.booleans()),
        },
        "spouse": None,
        "settlement_funds_cad": draw(st.none() | st.integers(0, 10**6)),
    }  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(_profiles())
def test_any_valid_file_round_trips(data: dict[str, Any]) -> None:
    profile: Profile = decode(data, today=TODAY)
    assert decode(encode(profile), today=TODAY) == profile


# -- hostile and odd input: always problems, never a crash ------------------------------
@pytest.mark.parametrize("value", [["IN"], {"code": "IN"}, 91, None])
def test_country_of_wrong_type(example_data: dict[str, Any], value: Any) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["country_of_residence"] = value
    assert paths_of(bad) == ["applicant.country_of_residence"]


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"version": ' + "9" * 5000 + "}"],
    ids=["deep-nesting", "huge-number"],
)
def test_pathological_json_is_a_problem(text: str) -> None:
    with pytest.raises(ProfileError) as info:
        loads(text, today=TODAY)
    assert info.value.problems[0].expected == "valid JSON"


def test_lone_surrogate_is_rejected(example_data: dict[str, Any]) -> None:
    text = json.dumps(example_data).replace('"Asha"', '"\\ud800Asha"')
    with pytest.raises(ProfileError) as info:
        loads(text, today=TODAY)
    assert [p.path for p in info.value.problems] == ["applicant.given_names"]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load(path, today=TODAY).applicant.given_names == "Asha"


@pytest.mark.parametrize("value", ["1996-W15-5", "19960412", "1996-4-12", "１９９６-04-12"])
def test_only_yyyy_mm_dd_dates(example_data: dict[str, Any], value: str) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["date_of_birth"] = value
    assert paths_of(bad) == ["applicant.date_of_birth"]


@pytest.mark.parametrize("value", [True, 1.0, "1"])
def test_version_must_be_the_integer_one(example_data: dict[str, Any], value: Any) -> None:
    assert paths_of(dict(example_data, version=value)) == ["version"]


@pytest.mark.parametrize(
    ("test", "value"), [("celpip_general", 6.9999999999), ("ielts_general", 8.4999999999)]
)
def test_scores_must_be_exactly_on_a_step(
    example_data: dict[str, Any], test: str, value: float
) -> None:
    assert paths_of(_with_test(example_data, test, reading=value)) == [
        "applicant.language_tests[0].reading"
    ]


def test_repeated_key_is_reported_with_its_path_among_the_rest(
    example_data: dict[str, Any],
) -> None:
    text = json.dumps(example_data).replace(
        '"given_names": "Asha"', '"given_names": "Asha", "given_names": "B"', 1
    )
    text = text.replace('"1996-04-12"', '"2030-01-01"')
    with pytest.raises(ProfileError) as info:
        loads(text, today=TODAY)
    assert [p.path for p in info.value.problems] == [
        "applicant.given_names",
        "applicant.date_of_birth",
    ]


def test_odd_key_stays_on_one_line(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["bad\nkey"] = 1
    (message,) = problems_of(bad)
    assert "\n" not in message and message.startswith('applicant["bad\\nkey"]: got 1')


def test_passport_and_places_before_birth(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    bad["applicant"]["passport"] = {
        "number": "Z1",
        "country": "IN",
        "issued_on": "1990-01-01",
        "expires_on": "2030-01-01",
    }
    bad["applicant"]["residence_history"] = [{"country": "IN", "from": "1990-01-01", "to": None}]
    assert paths_of(bad) == ["applicant.passport.issued_on", "applicant.residence_history[0].from"]


def test_married_without_spouse_key_is_one_problem(example_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(example_data)
    del bad["spouse"]
    assert paths_of(bad) == ["spouse"]
