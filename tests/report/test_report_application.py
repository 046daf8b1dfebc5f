"""The worksheet's section on the application for permanent residence: printed once a milestone
is recorded (stage, countdown, blockers, timeline), left out otherwise."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from report_helpers import TODAY, example, flat, pages, rules

from ee_desktop.application import assess
from ee_desktop.profile.milestones import Milestone
from ee_desktop.report import ReportInput, render
from ee_desktop.services.report import input_for_file

SECTION = "10. Application for permanent residence"
INVITED = (Milestone("invitation", date(2026, 11, 10)),)
SUBMITTED = (
    Milestone("invitation", date(2026, 11, 10)),
    Milestone("application_submitted", date(2026, 11, 20)),
    Milestone(
        "biometrics_request",
        date(2026, 11, 21),
        done_on=date(2026, 11, 23),
        note="Booked at the centre & paid <online>",
    ),
)


def with_milestones(milestones: Sequence[Milestone], as_of: date = TODAY) -> ReportInput:
    data = example()
    status = assess(data.profile, as_of, milestones, rules=rules(), evaluation=data.evaluation)
    return replace(data, application=status)


def worksheet(data: ReportInput, paper: str = "a4") -> str:
    return flat(" ".join(pages(render(data, "worksheet", paper))))


def test_an_invitation_prints_the_countdown_blockers_and_timeline() -> None:
    data = with_milestones(INVITED)
    assert data.application is not None and data.application.stage == "invited"
    text = worksheet(data)
    assert SECTION in text
    assert text.index("9. Program eligibility") < text.index(SECTION)
    assert "Stage Invited: preparing the application" in text
    assert "46 days left to submit: the deadline is January 9, 2027." in text
    assert "What blocks submission" in text
    for blocker in data.application.blockers:
        assert flat(blocker.title) in text, blocker.title
    assert "Blocks" in text
    assert "Date Step Deadline State" in text
    assert "2026-11-10 Invitation to apply" in text
    assert "2027-01-09 open" in text
    assert "Acknowledgement of receipt" in text and "to come" in text
    assert data.application.next_step in text


def test_a_submitted_application_prints_its_processing_day() -> None:
    data = with_milestones(SUBMITTED)
    status = data.application
    assert status is not None and status.processing is not None
    text = worksheet(data)
    assert SECTION in text
    p = status.processing
    assert f"Day {p.elapsed_days} of {p.standard_days}" in text
    assert re.search(r"Day \d+ of \d+ \(6-month processing standard, to \w+ \d+, \d{4}\)", text)
    assert "What blocks submission" not in text  # only before submission
    assert "answered 2026-11-23" in text
    assert "Note: Booked at the centre & paid <online>" in text  # user text printed as typed


def test_nothing_blocking_is_said_in_words() -> None:
    data = with_milestones(INVITED)
    assert data.application is not None
    text = worksheet(replace(data, application=replace(data.application, blockers=())))
    assert "What blocks submission Nothing blocks submission." in text


def test_no_milestone_no_section_and_the_same_worksheet_as_before() -> None:
    before = render(example(), "worksheet")
    data = with_milestones(())
    assert data.application is not None and data.application.stage == "profile"
    assert render(data, "worksheet") == before
    assert "Application for permanent residence" not in worksheet(data)


def test_an_expired_invitation_on_letter_paper() -> None:
    text = worksheet(with_milestones((Milestone("invitation", date(2026, 6, 1)),)), "letter")
    assert "The invitation has expired" in text
    assert "The submission deadline was July 31, 2026, 116 days ago." in text
    assert "What blocks submission" in text
    assert "2026-07-31 overdue" in text


def test_a_bare_file_with_milestones() -> None:
    profile = example().profile
    data = input_for_file(profile, TODAY, rules(), milestones=INVITED)
    assert data.application is not None
    assert data.application.submission_deadline == date(2027, 1, 9)
    assert data.application.invited_on == date(2026, 11, 10)
    assert any(d.uid == "ita-submit:2026-11-10" for d in data.deadlines)
    assert "2027-01-09" in worksheet(data)
    bare = input_for_file(profile, TODAY, rules())
    assert bare.application is not None and bare.application.stage == "profile"
    assert not any(d.uid.startswith("ita-submit:") for d in bare.deadlines)
    assert SECTION not in worksheet(bare)
