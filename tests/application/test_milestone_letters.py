"""Milestones with what their letters say: deadlines in the tracker, the JSON format's
optional application section, and the checks on what the user types."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ee_desktop.deadlines import derive
from ee_desktop.profile import ProfileError
from ee_desktop.profile.codec import dumps, encode, loads_document
from ee_desktop.profile.milestones import Milestone, milestone_problems
from tests.deadlines.deadline_helpers import TODAY, by_uid, example, rules


def test_a_letters_deadline_replaces_the_usual_time_limit() -> None:
    usual = by_uid(
        derive(example(), TODAY, {"biometrics_request": (date(2026, 11, 2),)}, rules=rules())
    )
    assert usual["biometrics-due:2026-11-02"].due == date(2026, 12, 2)  # 30 days
    letter = Milestone("biometrics_request", date(2026, 11, 2), due=date(2026, 11, 25))
    found = by_uid(derive(example(), TODAY, [letter], rules=rules()))
    assert found["biometrics-due:2026-11-02"].due == date(2026, 11, 25)
    assert "copied from the letter" in found["biometrics-due:2026-11-02"].detail


def test_an_answered_request_is_done_in_the_tracker() -> None:
    answered = Milestone("document_request", date(2026, 11, 2), done_on=date(2026, 11, 10))
    found = by_uid(derive(example(), TODAY, [answered], rules=rules()))
    assert found["documents-due:2026-11-02"].done


def test_a_passport_request_with_a_date_becomes_a_deadline() -> None:
    ppr = Milestone("ppr", date(2026, 11, 2), due=date(2026, 12, 2))
    found = by_uid(derive(example(), TODAY, [ppr], rules=rules()))
    assert (found["passport-due:2026-11-02"].due, found["passport-due:2026-11-02"].done) == (
        date(2026, 12, 2),
        False,
    )
    copr = Milestone("copr", date(2026, 11, 20))
    assert by_uid(derive(example(), TODAY, [ppr, copr], rules=rules()))[
        "passport-due:2026-11-02"
    ].done
    assert "passport-due:2026-11-02" not in by_uid(
        derive(example(), TODAY, [Milestone("ppr", date(2026, 11, 2))], rules=rules())
    )  # no date in the letter recorded, no official limit: nothing to count down to


def test_the_copr_expiry_printed_on_it_is_the_landing_deadline() -> None:
    copr = Milestone("copr", date(2026, 11, 2), due=date(2027, 5, 1))
    landing = by_uid(derive(example(), TODAY, [copr], rules=rules()))["copr-landing:2026-11-02"]
    assert landing.due == date(2027, 5, 1)


# -- the format ---------------------------------------------------------------------------------
MILESTONES = [
    Milestone("invitation", date(2026, 9, 1)),
    Milestone("application_submitted", date(2026, 10, 1)),
    Milestone(
        "document_request", date(2026, 11, 1), date(2026, 12, 1), date(2026, 11, 5), "IMM 5669"
    ),
    Milestone("document_request", date(2026, 11, 10)),
]


def test_the_application_section_round_trips() -> None:
    text = dumps(example(), MILESTONES)
    profile, milestones = loads_document(text, today=TODAY)
    assert profile == example()
    assert list(milestones) == MILESTONES
    written = json.loads(text)["application"]["milestones"]
    assert written[1] == {"name": "application_submitted", "on": "2026-10-01"}  # no empty keys


def test_without_milestones_the_file_is_written_as_before() -> None:
    assert "application" not in encode(example())
    assert loads_document(dumps(example()), today=TODAY)[1] is None  # no section
    empty = json.dumps({**encode(example()), "application": {"milestones": []}})
    assert loads_document(empty, today=TODAY)[1] == ()  # a section that lists none


def _with(section: object) -> str:
    document = encode(example())
    document["application"] = section
    return json.dumps(document)


@pytest.mark.parametrize(
    ("milestone", "path", "expected"),
    [
        ({"name": "visa", "on": "2026-01-01"}, "application.milestones[0].name", "one of"),
        ({"name": "aor", "on": "2027-01-01"}, "application.milestones[0].on", "not in the future"),
        (
            {"name": "aor", "on": "2026-01-01", "due": "2026-02-01"},
            "application.milestones[0].due",
            "only",
        ),
        (
            {"name": "ppr", "on": "2026-01-01", "due": "2025-12-01"},
            "application.milestones[0].due",
            "on or after",
        ),
        (
            {"name": "ppr", "on": "2026-01-01", "done_on": "2026-12-01"},
            "application.milestones[0].done_on",
            "not in the future",
        ),
        (
            {"name": "copr", "on": "2026-01-01", "done_on": "2026-02-01"},
            "application.milestones[0].done_on",
            "only",
        ),
        (
            {"name": "aor", "on": "2026-01-01", "note": 5},
            "application.milestones[0].note",
            "a text",
        ),
        ({"name": "aor", "date": "2026-01-01"}, "application.milestones[0].date", "no field"),
    ],
)
def test_bad_milestones_name_the_field(
    milestone: dict[str, object], path: str, expected: str
) -> None:
    with pytest.raises(ProfileError) as error:
        loads_document(_with({"milestones": [milestone]}), today=TODAY)
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith(path) and expected in m for m in messages), messages


def test_a_milestone_that_happens_once_cannot_be_listed_twice() -> None:
    twice = [{"name": "invitation", "on": "2026-01-01"}, {"name": "invitation", "on": "2026-02-01"}]
    with pytest.raises(ProfileError) as error:
        loads_document(_with({"milestones": twice}), today=TODAY)
    assert [p.path for p in error.value.problems] == ["application.milestones[1].name"]


def test_typed_milestones_are_checked_field_by_field() -> None:
    assert milestone_problems(Milestone("aor", TODAY), TODAY) == []
    problems = milestone_problems(
        Milestone("biometrics_request", date(2026, 11, 1), date(2026, 10, 1), date(2026, 12, 1)),
        TODAY,
    )
    assert [p.split(":")[0] for p in problems] == ["Deadline in the letter", "Done on"]
    assert milestone_problems(Milestone("aor", date(2027, 1, 1)), TODAY)[0].startswith("Date:")
