"""Which items each kind of family triggers, and the complete list for the reference family."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from checklist_helpers import (
    AS_OF,
    by_key,
    family,
    keys,
    mira,
    omar,
    passport,
    single,
    stay,
    with_spouse,
)

from ee_desktop.checklist import STAGES, generate
from ee_desktop.profile.model import CertificateOfQualification, JobOffer, ProvincialNomination

CIVIL_STATUS_KEYS = {
    "marriage:applicant",
    "common_law:applicant",
    "divorce:applicant",
    "separation:applicant",
    "annulment:applicant",
    "death_certificate:applicant",
}

FAMILY_KEYS = [
    # You: profile stage
    "profile.passport:applicant",
    "profile.language:applicant:ielts_general-2025-09-20",
    "profile.eca:applicant:university-of-mumbai-2012-05-30",
    "profile.work:applicant:northwind-uk-2020-02-01",
    "profile.work:applicant:acme-ltd-2022-08-01",
    "profile.funds:applicant",
    # You: application stage
    "passport:applicant",
    "photo:applicant",
    "marriage:applicant",
    "language:applicant:ielts_general-2025-09-20",
    "studies:applicant:university-of-mumbai-2012-05-30",
    "reference_letter:applicant:northwind-uk-2020-02-01",
    "reference_letter:applicant:acme-ltd-2022-08-01",
    "police:applicant:IN",
    "police:applicant:GB",
    "medical:applicant",
    "funds:applicant",
    # Spouse
    "passport:spouse",
    "photo:spouse",
    "police:spouse:IN",
    "police:spouse:AE",
    "medical:spouse",
    # Child
    "passport:child:2021-09-09",
    "photo:child:2021-09-09",
    "birth_certificate:child:2021-09-09",
    "medical:child:2021-09-09",
]


def test_reference_family_gets_the_complete_checklist() -> None:
    assert keys(family()) == FAMILY_KEYS


def test_reference_family_items_say_who_why_what_and_how_long() -> None:
    items = by_key(family())
    police = items["police:spouse:AE"]
    assert police.person == "spouse"
    assert police.person_label == "Your spouse or partner (Omar Haddad)"
    assert police.title == "Police certificate: United Arab Emirates"
    assert "January 1, 2017 to December 31, 2021" in police.reason
    assert "Issued after December 31, 2021" in police.validity
    assert police.stage == "application" and police.document == "police_certificate"
    assert any("colour scan" in line for line in police.contents)
    child = items["birth_certificate:child:2021-09-09"]
    assert child.person_label == "Child: Mira (born September 9, 2021)"
    assert any("both parents" in line for line in child.contents)
    assert items["passport:applicant"].person_label == "You"
    assert items["passport:applicant"].expires_on == date(2031, 5, 1)
    language = items["language:applicant:ielts_general-2025-09-20"]
    assert language.expires_on == date(2027, 9, 20)
    assert items["studies:applicant:university-of-mumbai-2012-05-30"].expires_on == date(
        2029, 11, 2
    )
    for item in items.values():
        assert item.title and item.reason and item.source
        assert "{" not in item.title + item.reason + item.validity + "".join(item.contents)


def test_order_is_person_then_stage_then_data_order() -> None:
    people = [r.person for r in generate(family(), AS_OF)]
    assert people == sorted(
        people, key=lambda p: ["applicant", "spouse", "child:2021-09-09"].index(p)
    )
    for person in set(people):
        stages = [r.stage for r in generate(family(), AS_OF) if r.person == person]
        assert stages == sorted(stages, key=STAGES.index)


def test_stage_filter() -> None:
    everything = keys(family())
    profile_only = keys(family(), stage="profile")
    application_only = keys(family(), stage="application")
    assert all(k.startswith("profile.") for k in profile_only)
    assert sorted(profile_only + application_only) == sorted(everything)
    with pytest.raises(ValueError, match="stage"):
        generate(family(), AS_OF, stage="landing")


def test_single_applicant_has_no_civil_status_or_spouse_items() -> None:
    found = keys(single())
    assert not CIVIL_STATUS_KEYS & set(found)
    assert not [k for k in found if ":spouse" in k or ":child:" in k]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("married", "marriage:applicant"),
        ("common_law", "common_law:applicant"),
        ("divorced", "divorce:applicant"),
        ("separated", "separation:applicant"),
        ("annulled", "annulment:applicant"),
        ("widowed", "death_certificate:applicant"),
    ],
)
def test_civil_status_documents(status: str, expected: str) -> None:
    profile = single(marital_status=status)
    if status in ("married", "common_law"):
        profile = with_spouse(profile, omar(), status)
    assert set(keys(profile)) & CIVIL_STATUS_KEYS == {expected}


def test_common_law_needs_imm_5409_and_twelve_months() -> None:
    item = by_key(with_spouse(single(), omar(), "common_law"))["common_law:applicant"]
    assert "IMM 5409" in item.title
    assert "12 months" in item.reason
    assert any("IMM 5409" in line for line in item.contents)


def test_every_family_member_needs_passport_photo_and_medical() -> None:
    profile = replace(
        with_spouse(single(), omar(accompanying=False)),
        children=(mira(accompanying=False),),
    )
    found = set(keys(profile))
    for person in ("applicant", "spouse", "child:2021-09-09"):
        assert {f"passport:{person}", f"photo:{person}", f"medical:{person}"} <= found


def test_children_under_and_over_18() -> None:
    adult = mira(
        given_names="Sami",
        date_of_birth=date(2006, 1, 5),
        residence_history=(stay("AE", date(2006, 1, 5)),),
    )
    profile = replace(with_spouse(single(), omar()), children=(mira(), adult))
    found = keys(profile)
    assert "birth_certificate:child:2021-09-09" in found
    assert "birth_certificate:child:2006-01-05" in found
    assert "police:child:2006-01-05:AE" in found
    assert not [k for k in found if k.startswith("police:child:2021")]
    # children come oldest first
    assert found.index("passport:child:2006-01-05") < found.index("passport:child:2021-09-09")


def test_adult_child_without_residence_history_is_asked_for_it() -> None:
    adult = mira(given_names="Sami", date_of_birth=date(2006, 1, 5), residence_history=())
    minor = mira(residence_history=())
    profile = replace(single(), children=(adult, minor))
    found = keys(profile)
    assert "residence_history:child:2006-01-05" in found
    assert "residence_history:child:2021-09-09" not in found


def test_child_without_names_is_labelled_by_birth_date() -> None:
    profile = replace(single(), children=(mira(given_names=None, family_name=None),))
    items = generate(profile, AS_OF)
    child = [r for r in items if r.person.startswith("child:")]
    assert child[0].person == "child:2021-09-09"
    assert child[0].person_label == "Child born September 9, 2021"


def test_twins_without_names_get_distinct_keys() -> None:
    twin = mira(given_names=None, family_name=None)
    found = keys(replace(single(), children=(twin, twin)))
    assert "passport:child:2021-09-09" in found and "passport:child:2021-09-09-2" in found


def test_sibling_nomination_certificate_and_job_offer_items() -> None:
    profile = single(
        sibling_in_canada=True,
        provincial_nomination=ProvincialNomination("NS", "Labour Market Priorities", AS_OF),
        certificate_of_qualification=CertificateOfQualification(
            "ON", "Electrician", date(2024, 1, 1)
        ),
        job_offer=JobOffer("72200", "Bright Spark Inc", date(2027, 1, 1), True),
    )
    items = by_key(profile)
    assert items["nomination:applicant"].title == "Provincial nomination certificate: NS"
    assert "profile.nomination:applicant" in items
    assert (
        items["qualification:applicant"].title == "Certificate of qualification: Electrician (ON)"
    )
    assert "profile.qualification:applicant" in items
    assert "Bright Spark Inc" in items["job_offer:applicant"].title
    assert "profile.job_offer:applicant" in items
    assert "sibling:applicant" in items
    later = single(
        provincial_nomination=ProvincialNomination("NS", "x", date(2027, 1, 1)),
    )
    assert "nomination:applicant" not in keys(later)


def test_passport_missing_or_expired_is_said() -> None:
    missing = by_key(single(passport=None))["passport:applicant"]
    assert "not in your file" in missing.reason and missing.expires_on is None
    expired = by_key(single(passport=passport(expires=date(2026, 1, 1))))["passport:applicant"]
    assert "expired on January 1, 2026" in expired.reason
    assert expired.expires_on == date(2026, 1, 1)


def test_medical_before_and_after_1_october_2023() -> None:
    before = by_key(single(), date(2023, 9, 30))["medical:applicant"]
    after = by_key(single(), date(2023, 10, 1))["medical:applicant"]
    assert before.title == "Upfront medical exam confirmation"
    assert "blank page" in after.title and "blank page" in after.reason
    assert before.document == after.document == "medical_exam"


def test_naming_a_child_later_keeps_their_items() -> None:
    import json
    from dataclasses import replace as replaced

    from ee_desktop.checklist import generate
    from ee_desktop.profile import decode
    from tests.conftest import EXAMPLE, TODAY

    profile = decode(json.loads(EXAMPLE.read_text()), today=TODAY)
    before = {r.key for r in generate(profile, TODAY)}
    named = replaced(profile.children[0], given_names="Mira", family_name="Rao")
    after = {r.key for r in generate(replaced(profile, children=(named,)), TODAY)}
    assert before == after
