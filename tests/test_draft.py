"""Drafts: page of each field, problems per page, and what can be scored while typing."""

from __future__ import annotations

import copy
from typing import Any

from ee_desktop.profile import decode
from ee_desktop.profile.draft import check, draft_from, new_draft, new_spouse, page_for
from tests.conftest import TODAY


def test_each_field_belongs_to_its_page() -> None:
    assert page_for("applicant.date_of_birth") == "about"
    assert page_for("applicant.language_tests[2].speaking") == "language"
    assert page_for("first_official_language") == "language"
    assert page_for("applicant.education[0].eca.reference") == "education"
    assert page_for("applicant.work_history[1].noc_code") == "work"
    assert page_for("spouse.language_tests[0].reading") == "spouse"
    assert page_for("children[0].date_of_birth") == "children"
    assert page_for("applicant.job_offer.noc_code") == "additional"
    assert page_for("settlement_funds_cad") == "funds"
    assert page_for("funds.accounts[0].balances[1].on") == "funds"
    assert page_for("") == "about"


def test_new_draft_needs_only_the_about_page() -> None:
    result = check(new_draft(), TODAY)
    assert not result.complete and result.scorable is None
    assert set(result.by_page) == {"about"}
    paths = [p.path for p in result.page_problems("about")]
    assert paths == [
        "applicant.given_names",
        "applicant.family_name",
        "applicant.date_of_birth",
        "applicant.country_of_residence",
    ]


def test_filled_about_page_makes_a_complete_draft() -> None:
    draft = new_draft()
    draft["applicant"].update(
        given_names="Lina",
        family_name="Haddad",
        date_of_birth="1994-05-06",
        country_of_residence="LB",
    )
    result = check(draft, TODAY)
    assert result.complete and result.scorable is not None
    assert result.scorable.applicant.given_names == "Lina"


def test_entries_being_typed_are_left_out_of_the_score(example_data: dict[str, Any]) -> None:
    draft = copy.deepcopy(example_data)
    draft["applicant"]["language_tests"].append(
        {
            "test": "celpip_general",
            "taken_on": "",
            "registration_number": "",
            "listening": 13,
            "reading": "",
            "writing": "",
            "speaking": "",
        }
    )
    result = check(draft, TODAY)
    assert not result.complete and set(result.by_page) == {"language"}
    assert result.scorable == decode(example_data, today=TODAY)


def test_married_applicant_needs_the_spouse_page(example_data: dict[str, Any]) -> None:
    draft = copy.deepcopy(example_data)
    draft["spouse"] = new_spouse()
    result = check(draft, TODAY)
    assert set(result.by_page) == {"spouse"} and result.scorable is None


def test_draft_from_profile_round_trips(example_data: dict[str, Any]) -> None:
    profile = decode(example_data, today=TODAY)
    assert check(draft_from(profile), TODAY).scorable == profile
