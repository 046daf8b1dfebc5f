"""Every derived deadline at a fixed date, on the spec example and variants of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from deadline_helpers import TODAY, by_uid, example, family, job, rules, single

from ee_desktop.deadlines import (
    KINDS,
    ChecklistProgress,
    CustomDeadline,
    Deadline,
    derive,
    upcoming,
)
from ee_desktop.profile.model import Passport, Residence
from ee_desktop.rules import evaluate
from ee_desktop.rules.facts import facts

MILESTONES = {
    "profile_submitted": (date(2026, 3, 1),),
    "invitation": (date(2026, 11, 10),),
    "biometrics_request": (date(2026, 11, 20),),
    "medical_request": (date(2026, 12, 1),),
    "medical_exam": (date(2026, 10, 5),),
    "document_request": (date(2027, 1, 15), date(2027, 2, 20)),
}


def derived(profile=None, milestones=None, **kwargs) -> dict[str, Deadline]:  # type: ignore[no-untyped-def]
    found = derive(profile or example(), TODAY, milestones, rules=rules(), **kwargs)
    return by_uid(found)


def test_example_file_without_milestones() -> None:
    found = derive(example(), TODAY, rules=rules())
    assert [(d.uid, d.due, d.kind, d.points) for d in found] == [
        ("birthday:2027-04-12", date(2027, 4, 12), "birthday", -5),
        (
            "test-expiry:applicant:ielts_general-2025-09-20",
            date(2027, 9, 20),
            "expiry",
            -197,  # first language 122 + transferability 25 + 50, all from the test
        ),
        ("birthday:2028-04-12", date(2028, 4, 12), "birthday", -5),
        # The education points (112, with a spouse); the test has expired by then.
        ("eca-expiry:applicant:wes-2024-11-02", date(2029, 11, 2), "expiry", -112),
    ]
    assert all(d.kind in KINDS and d.title and d.detail and d.source for d in found)
    assert found == sorted(found, key=lambda d: (d.due, d.uid))


def test_language_test_expires_two_years_after_the_results_date() -> None:
    base = example()
    test = replace(base.applicant.language_tests[0], results_on=date(2025, 10, 3))
    profile = replace(base, applicant=replace(base.applicant, language_tests=(test,)))
    item = derived(profile)["test-expiry:applicant:ielts_general-2025-09-20"]
    assert item.due == date(2027, 10, 3)
    assert item.title == "IELTS General Training results expire"


def test_expired_latest_test_stays_listed_and_older_expired_ones_do_not() -> None:
    base = example()
    latest = replace(base.applicant.language_tests[0], taken_on=date(2024, 6, 1))
    older = replace(latest, taken_on=date(2023, 1, 10))
    profile = replace(base, applicant=replace(base.applicant, language_tests=(older, latest)))
    found = derived(profile)
    assert found["test-expiry:applicant:ielts_general-2024-06-01"].due == date(2026, 6, 1)
    assert "test-expiry:applicant:ielts_general-2023-01-10" not in found
    assert found["test-expiry:applicant:ielts_general-2024-06-01"] in upcoming(
        list(found.values()), TODAY, 0
    )


def test_eca_expires_five_years_after_issue() -> None:
    assert derived()["eca-expiry:applicant:wes-2024-11-02"].due == date(2029, 11, 2)


def test_passports_of_everyone_in_the_family() -> None:
    found = derived(family())
    assert found["passport-expiry:applicant"].due == date(2029, 5, 31)
    assert found["passport-expiry:spouse"].due == date(2028, 1, 31)
    children = [d for d in found.values() if d.uid.startswith("passport-expiry:child-")]
    assert [(d.due, d.person) for d in children] == [(date(2030, 1, 1), "child:2024-08-09")]
    assert children[0].title.endswith("Passport expires")


def test_nomination_acceptance_window_is_listed_until_an_invitation() -> None:
    item = derived(family())["nomination-accept:ON-2026-11-01"]
    assert item.due == date(2026, 12, 1)
    assert item.kind == "deadline"
    assert "get-confirm-nomination" in item.source  # 30 calendar days, canada.ca
    assert not item.done
    invited = derived(family(), {"invitation": (date(2026, 11, 20),)})
    assert not any(uid.startswith("nomination-accept:") for uid in invited)


def test_nomination_acceptance_is_done_once_accepted() -> None:
    profile = family()
    held = profile.applicant.provincial_nomination
    assert held is not None
    accepted = replace(
        profile,
        applicant=replace(
            profile.applicant, provincial_nomination=replace(held, accepted_on=date(2026, 11, 5))
        ),
    )
    assert derived(accepted)["nomination-accept:ON-2026-11-01"].done


def test_profile_expires_twelve_months_after_submission() -> None:
    found = derived(milestones={"profile_submitted": (date(2025, 2, 1), date(2026, 3, 1))})
    assert found["profile-expiry:2026-03-01"].due == date(2027, 3, 1)
    assert found["profile-expiry:2026-03-01"].kind == "expiry"
    assert "profile-expiry:2025-02-01" not in found  # a later profile replaced it


def test_profile_expiry_ends_with_an_invitation() -> None:
    found = derived(milestones=MILESTONES)
    assert not any(uid.startswith("profile-expiry:") for uid in found)


def test_milestone_deadlines_at_fixed_dates() -> None:
    found = derived(family(), MILESTONES)
    expected = {
        "ita-submit:2026-11-10": date(2027, 1, 9),
        "biometrics-due:2026-11-20": date(2026, 12, 20),
        "medical-due:2026-12-01": date(2026, 12, 31),
        "medical-expiry:2026-10-05": date(2027, 10, 5),
        "documents-due:2027-01-15": date(2027, 2, 14),
        "documents-due:2027-02-20": date(2027, 3, 22),
    }
    assert {uid: found[uid].due for uid in expected} == expected
    assert "cannot outlast" in found["medical-expiry:2026-10-05"].detail
    for uid in ("medical-due:2026-12-01", "documents-due:2027-01-15"):
        assert "30 days" in found[uid].detail  # unverified limits say so


@pytest.mark.parametrize(
    ("invited", "due"),
    [
        (date(2021, 6, 28), date(2021, 9, 26)),  # 90 days before 2021-06-29
        (date(2021, 6, 29), date(2021, 8, 28)),  # 60 days from then on
        (date(2017, 3, 1), date(2017, 5, 30)),  # 90 days, 2016-11-19 to 2018-06-25
        (date(2015, 6, 1), date(2015, 7, 31)),  # 60 days at launch
    ],
)
def test_ita_window_follows_the_invitation_date(invited: date, due: date) -> None:
    item = derived(milestones={"invitation": (invited,)})[f"ita-submit:{invited.isoformat()}"]
    assert item.due == due
    assert item.kind == "deadline"
    assert item in upcoming([item], TODAY, 0)  # passed and not submitted: still listed


def test_submitting_the_application_marks_the_ita_done_and_drops_document_deadlines() -> None:
    milestones = {**MILESTONES, "application_submitted": (date(2026, 12, 15),)}
    found = derived(family(), milestones)
    assert found["ita-submit:2026-11-10"].done
    assert not any(d.kind == "document" for d in found.values())


INVITED = {"invitation": MILESTONES["invitation"]}


def test_application_checklist_items_are_due_by_the_ita_deadline() -> None:
    found = derived(family(), INVITED)
    documents = [d for d in found.values() if d.kind == "document"]
    assert documents and {d.due for d in documents} == {date(2027, 1, 9)}
    assert {d.person for d in documents} >= {"applicant", "spouse", "child:2024-08-09"}
    # without an invitation there is no date to be due by
    assert not any(d.kind == "document" for d in derived(family()).values())


def test_done_checklist_items_are_marked_done() -> None:
    from ee_desktop.checklist import generate

    key = next(r.key for r in generate(family(), TODAY, rules(), "application"))
    found = derive(
        family(),
        TODAY,
        INVITED,
        checklist=[ChecklistProgress(key, None, True)],
        rules=rules(),
    )
    done = [d for d in found if d.done and d.kind == "document"]
    assert len(done) == 1
    assert done[0] not in upcoming(found, TODAY, 365)


def test_police_certificate_of_the_current_country_is_accepted_for_six_months() -> None:
    progress = [ChecklistProgress("police:applicant:IN", date(2026, 10, 1), False)]
    found = derive(family(), TODAY, checklist=progress, rules=rules())
    police = [d for d in found if d.uid.startswith("police-current:")]
    assert [(d.due, d.kind, d.person) for d in police] == [
        (date(2027, 4, 1), "expiry", "applicant")
    ]
    # a former country's certificate does not go stale this way
    stays = (
        Residence("IN", date(1996, 4, 12), date(2025, 12, 31)),
        Residence("AE", date(2026, 1, 1)),
    )
    moved = replace(family(), applicant=replace(family().applicant, residence_history=stays))
    found = derive(moved, TODAY, checklist=progress, rules=rules())
    assert not any(d.uid.startswith("police-current:") for d in found)


@pytest.mark.parametrize(
    ("born", "spouse", "lost"),
    [
        (date(1997, 1, 15), False, [(date(2027, 1, 15), 30, -5), (date(2028, 1, 15), 31, -6)]),
        (date(1997, 1, 15), True, [(date(2027, 1, 15), 30, -5), (date(2028, 1, 15), 31, -5)]),
    ],
)
def test_birthdays_at_30_and_31_cost_points(
    born: date, spouse: bool, lost: list[tuple[date, int, int]]
) -> None:
    profile = single(born)
    if spouse:
        base = example()
        profile = replace(base, applicant=replace(base.applicant, date_of_birth=born))
    found = [d for d in derive(profile, TODAY, rules=rules()) if d.kind == "birthday"]
    assert [(d.due, d.points) for d in found] == [(day, points) for day, _, points in lost]
    for (day, age, _points), item in zip(lost, found, strict=True):
        assert item.uid == f"birthday:{day.isoformat()}"
        assert f"Turning {age}" in item.title
        assert facts(profile, day, rules()).age == age
    # no birthday in the past, none past the horizon
    assert not [
        d for d in derive(profile, TODAY, rules=rules(), horizon_days=30) if d.kind == "birthday"
    ]


def test_birthdays_that_cost_nothing_are_not_listed() -> None:
    found = derive(single(date(2000, 2, 1)), TODAY, rules=rules())  # turning 27 and 28
    assert not any(d.kind == "birthday" for d in found)


def test_canadian_experience_gains_at_fixed_dates() -> None:
    jobs = (
        job("Acme Ltd", "IN", date(2018, 7, 1), date(2025, 12, 31)),
        job("Maple Inc", "CA", date(2026, 1, 8)),
    )
    profile = single(date(2000, 2, 1), jobs)
    gains = [d for d in derive(profile, TODAY, rules=rules()) if d.kind == "experience"]
    # 1,560 hours at 30 counted hours a week: 364 days, the start day included.
    assert [d.uid for d in gains] == [
        "experience:canadian:2027-01-06",
        "experience:canadian:2028-01-05",
    ]
    for item in gains:
        before = evaluate(profile, item.due - timedelta(days=1), rules()).crs.total
        after = evaluate(profile, item.due, rules()).crs.total
        assert item.points == after - before > 0
        assert item.person == "applicant"
    first = facts(profile, date(2027, 1, 6), rules())
    assert first.canadian_work_years == 1
    assert facts(profile, date(2027, 1, 5), rules()).canadian_work_years == 0
    assert gains[0].title == "1 year of Canadian work experience"


def test_part_time_and_foreign_experience_gains() -> None:
    # Foreign work from 2025-01-01, 15 hours a week: one year takes 728 days.
    profile = single(date(2000, 2, 1), (job("Acme Ltd", "IN", date(2025, 1, 1), hours=15),))
    gains = [d for d in derive(profile, TODAY, rules=rules()) if d.kind == "experience"]
    assert [(d.uid, d.due) for d in gains] == [
        ("experience:foreign:2026-12-29", date(2026, 12, 29))
    ]
    assert gains[0].points is not None and gains[0].points > 0


def test_experience_that_adds_no_points_is_not_listed() -> None:
    # The example's foreign work is already past three years: more adds nothing.
    assert not any(d.kind == "experience" for d in derive(example(), TODAY, rules=rules()))


def test_jobs_already_ended_add_nothing_later() -> None:
    jobs = (job("Maple Inc", "CA", date(2025, 1, 1), date(2026, 6, 30)),)
    profile = single(date(2000, 2, 1), jobs)
    assert not any(d.kind == "experience" for d in derive(profile, TODAY, rules=rules()))


def test_score_changes_stop_once_invited() -> None:
    found = derived(milestones={"invitation": (date(2026, 11, 10),)})
    assert not any(d.kind in ("birthday", "experience") for d in found.values())


def test_custom_deadlines_and_upcoming() -> None:
    custom = (
        CustomDeadline("c1", "Book the IELTS retake", date(2027, 6, 1), "At the British Council"),
        CustomDeadline("c2", "Old task", date(2026, 1, 1), done=True),
        CustomDeadline("c3", "Overdue task", date(2026, 11, 1)),
    )
    found = derive(example(), TODAY, custom=custom, rules=rules())
    mine = by_uid(found)
    assert mine["custom:c1"].due == date(2027, 6, 1)
    assert mine["custom:c1"].detail == "At the British Council"
    assert mine["custom:c2"].done
    soon = upcoming(found, TODAY, 30)
    assert [d.uid for d in soon] == ["custom:c3"]
    half_year = [d.uid for d in upcoming(found, TODAY, 190)]
    assert half_year == ["custom:c3", "birthday:2027-04-12", "custom:c1"]
    # the last day of the window counts
    assert [d.uid for d in upcoming(found, TODAY, (date(2027, 4, 12) - TODAY).days)][-1] == (
        "birthday:2027-04-12"
    )


def test_unknown_milestone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown milestones"):
        derive(example(), TODAY, {"itaa": (TODAY,)}, rules=rules())


def test_rules_default_to_the_builtin_ones() -> None:
    assert derive(example(), TODAY) == derive(example(), TODAY, rules=rules())


def test_requests_are_done_once_answered_or_passed_on() -> None:
    milestones = {
        **MILESTONES,
        "medical_exam": (date(2026, 12, 10),),
        "ppr": (date(2027, 3, 1),),
    }
    found = derived(family(), milestones)
    assert found["medical-due:2026-12-01"].done
    assert found["biometrics-due:2026-11-20"].done
    assert found["documents-due:2027-02-20"].done


def test_landing_deadline_after_the_copr_is_the_earliest_bound() -> None:
    milestones = {**MILESTONES, "copr": (date(2027, 5, 1),)}
    found = derived(family(), milestones)
    # medical results (2027-10-05) run out before the passport (2029-05-31)
    assert found["copr-landing:2027-05-01"].due == date(2027, 10, 5)
    short = replace(
        family(),
        applicant=replace(
            family().applicant,
            passport=Passport("Z1234567", "IN", date(2017, 9, 1), date(2027, 8, 31)),
        ),
    )
    assert derived(short, milestones)["copr-landing:2027-05-01"].due == date(2027, 8, 31)
    landed = derived(family(), {**milestones, "landed": (date(2027, 6, 1),)})
    assert landed["copr-landing:2027-05-01"].done
    assert landed["medical-expiry:2026-10-05"].done
    assert "copr-landing:2027-05-01" not in derived(example(), {"copr": (date(2027, 5, 1),)})


def test_spouse_test_expiry_and_canadian_experience_count_when_scored() -> None:
    base = example()
    assert base.spouse is not None
    test = replace(
        base.applicant.language_tests[0], test="celpip_general", taken_on=date(2026, 2, 1)
    )
    spouse = replace(
        base.spouse,
        language_tests=(test,),
        work_history=(job("Maple Inc", "CA", date(2026, 3, 2)),),
    )
    found = derived(replace(base, spouse=spouse))
    item = found["test-expiry:spouse:celpip_general-2026-02-01"]
    assert (item.due, item.person) == (date(2028, 2, 1), "spouse")
    assert item.title.startswith("Your spouse or partner")
    gain = found["experience:spouse-canadian:2027-02-28"]
    assert gain.points == 5 and gain.person == "spouse"
    away = derived(replace(base, spouse=replace(spouse, accompanying=False)))
    assert not any(":spouse" in uid for uid in away)
