"""The application at fixed dates: the countdown, what blocks submission, the timeline and the
processing standard (IRCC: 60 days to submit since 2021-06-29, 90 before; biometrics within
30 days of the letter; a 6-month processing standard; proof-of-funds table of 2025-07-07)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ee_desktop.application import assess
from ee_desktop.checklist import generate
from ee_desktop.deadlines import ChecklistProgress
from ee_desktop.profile.milestones import Milestone
from ee_desktop.profile.model import JobOffer, Passport
from tests.deadlines.deadline_helpers import TODAY, example, family, job, rules
from tests.history.history_helpers import complete_histories

INVITED = Milestone("invitation", date(2026, 11, 10))


def all_received(profile, as_of: date) -> list[ChecklistProgress]:  # type: ignore[no-untyped-def]
    return [
        ChecklistProgress(item.key, date(2026, 11, 20), True)
        for item in generate(profile, as_of, rules(), "application")
    ]


# -- the countdown ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("as_of", "stage", "left"),
    [
        (date(2026, 11, 10), "invited", 60),
        (TODAY, "invited", 46),
        (date(2027, 1, 9), "invited", 0),
        (date(2027, 1, 10), "invitation_expired", -1),
    ],
)
def test_the_invitation_gives_sixty_days(as_of: date, stage: str, left: int) -> None:
    status = assess(example(), as_of, [INVITED], rules=rules())
    assert status.submission_deadline == date(2027, 1, 9)
    assert (status.stage, status.days_left) == (stage, left)


def test_invitations_before_june_2021_gave_ninety_days() -> None:
    status = assess(example(), date(2020, 3, 5), {"invitation": (date(2020, 3, 1),)}, rules=rules())
    assert status.submission_deadline == date(2020, 5, 30)


def test_the_deadline_printed_on_the_invitation_wins() -> None:
    letter = replace(INVITED, due=date(2027, 1, 5))
    assert assess(example(), TODAY, [letter], rules=rules()).submission_deadline == date(2027, 1, 5)


def test_no_countdown_before_an_invitation_or_after_submission() -> None:
    assert assess(example(), TODAY, [], rules=rules()).stage == "profile"
    submitted = [INVITED, Milestone("application_submitted", date(2026, 11, 20))]
    status = assess(example(), TODAY, submitted, rules=rules())
    assert (status.stage, status.days_left, status.blockers) == ("submitted", None, ())


def test_an_application_recorded_before_the_latest_invitation_does_not_count() -> None:
    old = Milestone("application_submitted", date(2025, 1, 1))
    assert assess(example(), TODAY, [old, INVITED], rules=rules()).stage == "invited"


# -- what blocks submission -----------------------------------------------------------------
def test_every_mandatory_application_document_not_received_blocks() -> None:
    profile = complete_histories(example())
    status = assess(profile, TODAY, [INVITED], rules=rules())
    documents = [b for b in status.blockers if b.kind == "document"]
    needed = [i for i in generate(profile, TODAY, rules(), "application") if i.mandatory]
    assert [b.key for b in documents] == [i.key for i in needed]
    assert all(b.blocks for b in documents)
    assert not status.ready_to_submit
    assert status.next_step.startswith(f"{len(documents)} things stop a complete application")


def test_with_every_document_received_nothing_blocks() -> None:
    profile = complete_histories(example())
    status = assess(profile, TODAY, [INVITED], all_received(profile, TODAY), rules())
    assert status.blockers == ()
    assert status.ready_to_submit
    assert "Nothing stops you submitting" in status.next_step
    assert "by January 9, 2027," in status.next_step


def test_a_language_test_that_expires_before_the_deadline_is_a_warning_then_blocks() -> None:
    # IELTS of 2025-09-20 is valid for two years: the last day it can be used is 2027-09-19.
    profile = example()  # its forms are empty: they block too, the dates still hold
    invited = Milestone("invitation", date(2027, 8, 1))  # deadline 2027-09-30
    progress = all_received(profile, date(2027, 8, 5))
    before = assess(profile, date(2027, 8, 5), [invited], progress, rules())
    [test] = [b for b in before.blockers if b.kind == "expiry" and "IELTS" in b.title]
    assert (test.blocks, test.until, test.person) == (False, date(2027, 9, 19), "applicant")
    assert test.title == "IELTS General Training results: submit by September 19, 2027"
    assert before.submit_by == date(2027, 9, 19)  # before the invitation's 2027-09-30
    assert "by September 19, 2027" in before.next_step
    last = assess(profile, date(2027, 9, 19), [invited], progress, rules())
    assert [b.blocks for b in last.blockers if b.kind == "expiry" and "IELTS" in b.title] == [False]
    after = assess(profile, date(2027, 9, 20), [invited], progress, rules())
    expired = [b for b in after.blockers if b.kind == "expiry" and "IELTS" in b.title]
    assert [(b.blocks, b.title) for b in expired] == [
        (True, "IELTS General Training results: too old since September 20, 2027")
    ]
    assert any(b.kind == "eligibility" for b in after.blockers)  # no test, no program


def test_a_test_replaced_by_a_newer_one_is_not_a_blocker() -> None:
    profile = example()
    old = profile.applicant.language_tests[0]
    newer = replace(old, taken_on=date(2027, 6, 1), results_on=None)
    profile = replace(profile, applicant=replace(profile.applicant, language_tests=(old, newer)))
    invited = Milestone("invitation", date(2027, 8, 1))
    status = assess(
        profile, date(2027, 8, 5), [invited], all_received(profile, date(2027, 8, 5)), rules()
    )
    assert [b for b in status.blockers if b.kind == "expiry"] == []


def test_a_passport_expiring_before_the_deadline_is_flagged() -> None:
    profile = family()
    short = Passport("Z1234567", "IN", date(2017, 1, 1), date(2026, 12, 31))
    profile = replace(profile, applicant=replace(profile.applicant, passport=short))
    status = assess(profile, TODAY, [INVITED], all_received(profile, TODAY), rules())
    [flag] = [b for b in status.blockers if b.kind == "expiry"]
    assert (flag.until, flag.blocks) == (date(2026, 12, 31), False)


def test_a_police_certificate_older_than_six_months_on_the_deadline_is_flagged() -> None:
    profile = family()  # everyone lives in India
    progress = [
        ChecklistProgress(
            p.key, date(2026, 6, 1) if p.key == "police:applicant:IN" else p.received_on, True
        )
        for p in all_received(profile, TODAY)
    ]
    status = assess(profile, TODAY, [INVITED], progress, rules())
    [flag] = [b for b in status.blockers if b.kind == "expiry"]
    assert (flag.until, flag.blocks, flag.person) == (date(2026, 12, 1), False, "applicant")
    on_the_day = assess(profile, date(2026, 12, 1), [INVITED], progress, rules())
    assert [b.blocks for b in on_the_day.blockers if b.kind == "expiry"] == [False]
    later = assess(profile, date(2026, 12, 2), [INVITED], progress, rules())
    assert [(b.until, b.blocks) for b in later.blockers if b.kind == "expiry"] == [
        (date(2026, 12, 1), True)
    ]


@pytest.mark.parametrize(
    ("funds", "title"),
    [
        (10_000, "Settlement funds short by $13,360"),  # a family of 3 needs $23,360
        (None, "Settlement funds not entered"),
    ],
)
def test_funds_short_of_the_table_in_force_block(funds: int | None, title: str) -> None:
    profile = replace(example(), settlement_funds_cad=funds)
    status = assess(profile, TODAY, [INVITED], all_received(profile, TODAY), rules())
    [short] = [b for b in status.blockers if b.kind == "funds"]
    assert (short.title, short.blocks) == (title, True)


def test_enough_funds_or_an_exemption_do_not_block() -> None:
    enough = replace(example(), settlement_funds_cad=23_360)
    blockers = assess(enough, TODAY, [INVITED], rules=rules()).blockers
    assert blockers and not [b for b in blockers if b.kind == "funds"]
    working = job("Maple Inc", "CA", date(2025, 1, 1))
    exempt = replace(
        example(),
        settlement_funds_cad=0,
        applicant=replace(
            example().applicant,
            work_history=(*example().applicant.work_history, working),
            job_offer=JobOffer("21232", "Maple Inc", date(2025, 1, 1), True),
        ),
    )
    status = assess(exempt, TODAY, [INVITED], rules=rules())
    assert not [b for b in status.blockers if b.kind == "funds"]


# -- the timeline and the processing standard -------------------------------------------------
SUBMITTED = [
    Milestone("invitation", date(2026, 5, 10)),
    Milestone("application_submitted", date(2026, 6, 1)),
    Milestone("aor", date(2026, 6, 1)),
    Milestone("biometrics_request", date(2026, 6, 10)),
]


def test_timeline_lists_what_happened_then_what_is_still_to_come() -> None:
    status = assess(example(), TODAY, SUBMITTED, rules=rules())
    assert [(s.name, s.state) for s in status.timeline] == [
        ("invitation", "done"),
        ("application_submitted", "done"),
        ("aor", "done"),
        ("biometrics_request", "overdue"),  # due 2026-07-10, not answered
        ("background_check", "expected"),
        ("ppr", "expected"),
        ("copr", "expected"),
        ("landed", "expected"),
    ]
    biometrics = status.timeline[3]
    assert (biometrics.due, biometrics.day) == (date(2026, 7, 10), 9)
    assert "Overdue: Give your biometrics, due July 10, 2026" in status.next_step


def test_a_request_answered_is_done_and_the_letters_deadline_is_kept() -> None:
    answered = Milestone(
        "biometrics_request", date(2026, 6, 10), date(2026, 7, 1), date(2026, 6, 20)
    )
    status = assess(example(), TODAY, [*SUBMITTED[:3], answered], rules=rules())
    step = status.timeline[3]
    assert (step.state, step.due, step.done_on) == ("done", date(2026, 7, 1), date(2026, 6, 20))


def test_open_document_requests_come_next_in_date_order() -> None:
    requests = [
        Milestone("document_request", date(2026, 11, 1), due=date(2026, 12, 1)),
        Milestone("document_request", date(2026, 11, 20), due=date(2026, 11, 27)),
    ]
    status = assess(example(), TODAY, [*SUBMITTED[:3], *requests], rules=rules())
    assert [s.state for s in status.timeline if s.name == "document_request"] == ["open", "open"]
    assert status.next_step == "Next: Answer the request for documents, by November 27, 2026."


@pytest.mark.parametrize(
    ("as_of", "elapsed", "over"),
    [(TODAY, 176, False), (date(2026, 12, 1), 183, False), (date(2026, 12, 5), 187, True)],
)
def test_elapsed_time_against_the_six_month_standard(as_of: date, elapsed: int, over: bool) -> None:
    processing = assess(example(), as_of, SUBMITTED, rules=rules()).processing
    assert processing is not None
    assert (processing.expected_by, processing.standard_days) == (date(2026, 12, 1), 183)
    assert (processing.elapsed_days, processing.over_standard) == (elapsed, over)


def test_the_clock_stops_at_the_passport_request() -> None:
    ppr = Milestone("ppr", date(2026, 10, 1))
    status = assess(example(), TODAY, [*SUBMITTED, ppr], rules=rules())
    assert status.stage == "approved"
    assert status.processing is not None
    assert (status.processing.elapsed_days, status.processing.decided_on) == (122, ppr.on)


def test_copr_expiry_and_landing() -> None:
    copr = Milestone("copr", date(2026, 11, 1), due=date(2027, 6, 30))
    approved = assess(example(), TODAY, [*SUBMITTED, copr], rules=rules())
    assert (approved.stage, approved.copr_expires) == ("approved", date(2027, 6, 30))
    step = next(s for s in approved.timeline if s.name == "copr")
    assert (step.state, step.due) == ("open", date(2027, 6, 30))
    landed = assess(
        example(), TODAY, [*SUBMITTED, copr, Milestone("landed", date(2026, 11, 20))], rules=rules()
    )
    assert landed.stage == "landed"
    assert next(s for s in landed.timeline if s.name == "copr").state == "done"
    assert "permanent resident" in landed.next_step


def test_an_older_credentials_expired_assessment_does_not_block() -> None:
    profile = example()
    [degree] = profile.applicant.education
    assert degree.eca is not None
    diploma = replace(
        degree,
        level="two_year_post_secondary",
        completed_on=date(2014, 6, 1),
        eca=replace(degree.eca, issued_on=date(2019, 1, 10)),  # expired 2024-01-10
    )
    profile = replace(profile, applicant=replace(profile.applicant, education=(diploma, degree)))
    status = assess(profile, TODAY, [INVITED], all_received(profile, TODAY), rules())
    assert [b for b in status.blockers if b.kind == "expiry"] == []


# -- the review's edge cases --------------------------------------------------------------------
def test_an_acknowledgement_shows_the_application_went_in() -> None:
    aor = Milestone("aor", date(2026, 11, 20))
    status = assess(example(), TODAY, [INVITED, aor], rules=rules())
    assert status.stage == "submitted"
    assert status.processing is not None and status.processing.submitted == aor.on
    assert next(s for s in status.timeline if s.name == "invitation").state == "done"
    assert [s.name for s in status.timeline if s.state == "expected"][0] == "biometrics_request"


def test_a_new_invitation_starts_a_new_application() -> None:
    earlier = [
        Milestone("application_submitted", date(2026, 2, 1)),
        Milestone("document_request", date(2026, 3, 1)),
    ]
    status = assess(example(), TODAY, [*earlier, INVITED], rules=rules())
    assert status.stage == "invited"
    request = next(s for s in status.timeline if s.name == "document_request")
    assert request.state == "done"  # closed with the earlier application
    to_come = [s.name for s in status.timeline if s.on is None]
    assert to_come[:2] == ["application_submitted", "aor"]  # the new application's steps


def test_the_timeline_ignores_what_had_not_happened_on_the_evaluation_date() -> None:
    status = assess(example(), date(2026, 5, 20), SUBMITTED, rules=rules())
    assert status.stage == "invited"
    assert [s.name for s in status.timeline if s.on is not None] == ["invitation"]
    answered = Milestone("biometrics_request", date(2026, 6, 10), done_on=date(2026, 6, 20))
    before = assess(example(), date(2026, 6, 15), [*SUBMITTED[:3], answered], rules=rules())
    assert next(s for s in before.timeline if s.name == "biometrics_request").state == "open"


def test_a_copr_without_its_expiry_is_bounded_by_the_passport() -> None:
    profile = family()  # the applicant's passport expires 2029-05-31
    short = Passport("Z1234567", "IN", date(2017, 1, 1), date(2027, 3, 1))
    profile = replace(profile, applicant=replace(profile.applicant, passport=short))
    copr = Milestone("copr", date(2026, 11, 1))
    exam = Milestone("medical_exam", date(2026, 7, 1))  # results valid to 2027-07-01
    status = assess(profile, TODAY, [*SUBMITTED, exam, copr], rules=rules())
    assert status.copr_expires == date(2027, 3, 1)
    assert next(s for s in status.timeline if s.name == "copr").due == date(2027, 3, 1)
    assert status.next_step == "Next: Land or confirm permanent residence, by March 1, 2027."


def test_undated_passport_request_and_copr_still_say_what_to_do() -> None:
    ppr = Milestone("ppr", date(2026, 11, 1))
    status = assess(example(), TODAY, [*SUBMITTED[:3], ppr], rules=rules())
    assert status.next_step.startswith("Send your passport")
    copr = Milestone("copr", date(2026, 11, 20))
    status = assess(example(), TODAY, [*SUBMITTED[:3], ppr, copr], rules=rules())
    assert status.next_step.startswith("Record the expiry date printed on your confirmation")


def test_counts_and_days_are_worded_for_one_and_for_many() -> None:
    from ee_desktop.application.output import countdown

    status = assess(example(), date(2027, 1, 10), [INVITED], rules=rules())
    assert countdown(status) == "The submission deadline was January 9, 2027, 1 day ago."
    status = assess(example(), date(2027, 1, 8), [INVITED], rules=rules())
    assert countdown(status).startswith("1 day left to submit")


def test_after_the_invitation_incomplete_forms_block_person_by_person() -> None:
    profile = example()
    status = assess(profile, TODAY, [INVITED], all_received(profile, TODAY), rules())
    forms = [b for b in status.blockers if b.kind == "forms"]
    assert [b.person for b in forms] == ["applicant", "spouse"]  # the child is under 18
    assert all(b.blocks for b in forms)
    assert forms[0].title.startswith("Application forms of Asha Rao: ")
    assert "personal history" in forms[0].detail
    before = assess(profile, TODAY, [], all_received(profile, TODAY), rules())
    assert not [b for b in before.blockers if b.kind == "forms"]  # not before an invitation


# -- after submission ---------------------------------------------------------------------------
def test_documents_still_missing_stay_listed_after_submission() -> None:
    from ee_desktop.application.output import render_text, to_json

    submitted = [INVITED, Milestone("application_submitted", date(2026, 11, 20))]
    before = assess(example(), TODAY, [INVITED], rules=rules())
    status = assess(example(), TODAY, submitted, rules=rules())
    documents = [b.title for b in before.blockers if b.kind == "document"]
    assert status.blockers == ()
    assert [b.title for b in status.still_missing] == documents
    assert not any(b.blocks for b in status.still_missing)  # no longer blocks anything
    assert "IRCC may ask for it" in status.still_missing[0].detail
    assert [m["title"] for m in to_json(status)["still_missing"]] == documents
    assert to_json(before)["still_missing"] == []
    assert "Still missing (IRCC may ask for these)" in render_text(status)
    received = assess(example(), TODAY, submitted, all_received(example(), TODAY), rules=rules())
    assert received.still_missing == ()


def test_the_next_milestone_is_the_first_after_the_furthest_recorded() -> None:
    from ee_desktop.application import next_milestone

    assert next_milestone([]) == "profile_submitted"
    assert next_milestone([INVITED]) == "application_submitted"
    request = Milestone("biometrics_request", date(2026, 12, 1))
    assert next_milestone([INVITED, request]) == "medical_request"
    # A step of an earlier application (before the latest invitation) does not count.
    old = Milestone("aor", date(2026, 1, 5))
    assert next_milestone([old, INVITED]) == "application_submitted"
    landed = Milestone("landed", date(2027, 6, 1))
    assert next_milestone([INVITED, landed]) == "profile_submitted"
