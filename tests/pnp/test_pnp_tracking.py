"""Tracking: stages, the nomination the events imply, and the dates they set."""

from __future__ import annotations

from datetime import date

import pytest
from pnp_helpers import TODAY, stream

from ee_desktop.pnp import (
    TrackedEvent,
    check_event,
    current_nomination,
    stages,
    synced_nomination,
    tracking_deadlines,
)
from ee_desktop.profile.model import ProvincialNomination

NS = stream("NS", "ns-x")
NB = stream("NB", "nb-y")
STREAMS = (NS, NB)


def ev(n: int, stream_id: str, kind: str, on: date) -> TrackedEvent:
    return TrackedEvent(n, stream_id, kind, on)


def test_the_stage_is_the_latest_step() -> None:
    events = [
        ev(1, "ns-x", "interest", date(2026, 3, 1)),
        ev(3, "ns-x", "applied", date(2026, 5, 1)),
        ev(2, "ns-x", "invited", date(2026, 4, 1)),
        ev(4, "nb-y", "interest", date(2026, 6, 1)),
    ]
    found = stages(events)
    assert found["ns-x"].kind == "applied" and found["nb-y"].kind == "interest"


def test_on_the_same_day_steps_follow_their_usual_order() -> None:
    same_day = [
        ev(9, "ns-x", "nominated", date(2026, 5, 1)),
        ev(10, "ns-x", "applied", date(2026, 5, 1)),
    ]
    assert stages(same_day)["ns-x"].kind == "nominated"


def test_a_nomination_and_its_acceptance() -> None:
    events = [ev(1, "ns-x", "nominated", date(2026, 9, 1))]
    assert current_nomination(events, STREAMS) == ProvincialNomination(
        "NS", "Test stream", date(2026, 9, 1)
    )
    accepted = [*events, ev(2, "ns-x", "accepted", date(2026, 9, 10))]
    held = current_nomination(accepted, STREAMS)
    assert held is not None and held.accepted_on == date(2026, 9, 10)


@pytest.mark.parametrize("closing", ["declined", "refused", "withdrawn"])
def test_a_declined_or_withdrawn_nomination_is_not_held(closing: str) -> None:
    events = [
        ev(1, "ns-x", "nominated", date(2026, 9, 1)),
        ev(2, "ns-x", closing, date(2026, 9, 5)),
    ]
    assert current_nomination(events, STREAMS) is None


def test_the_newest_of_two_nominations_is_held() -> None:
    events = [
        ev(1, "ns-x", "nominated", date(2026, 9, 1)),
        ev(2, "nb-y", "nominated", date(2026, 10, 1)),
    ]
    held = current_nomination(events, STREAMS)
    assert held is not None and held.province == "NB"


def test_an_acceptance_without_a_nomination_means_nothing() -> None:
    assert current_nomination([ev(1, "ns-x", "accepted", date(2026, 9, 1))], STREAMS) is None


def test_a_stream_no_longer_in_the_data_is_skipped() -> None:
    assert current_nomination([ev(1, "gone", "nominated", date(2026, 9, 1))], STREAMS) is None


# -- the file's nomination follows the tracking ----------------------------------------------
IMPORTED = ProvincialNomination("ON", "Human Capital Priorities", date(2025, 1, 5))
TRACKED = ProvincialNomination("NS", "Test stream", date(2026, 9, 1))


def test_a_tracked_nomination_is_written_into_the_file() -> None:
    assert synced_nomination(None, None, TRACKED) == TRACKED


def test_removing_the_tracked_nomination_clears_it() -> None:
    assert synced_nomination(TRACKED, TRACKED, None) is None


def test_a_nomination_entered_in_the_file_is_kept_when_tracking_has_none() -> None:
    assert synced_nomination(IMPORTED, None, None) == IMPORTED
    # A nomination tracked and withdrawn again does not wipe the one the user typed in.
    assert synced_nomination(IMPORTED, TRACKED, None) == IMPORTED


def test_a_newly_tracked_nomination_replaces_the_one_in_the_file() -> None:
    assert synced_nomination(IMPORTED, None, TRACKED) == TRACKED


def test_a_step_that_changes_nothing_leaves_the_file_alone() -> None:
    assert synced_nomination(IMPORTED, TRACKED, TRACKED) == IMPORTED


# -- dates -----------------------------------------------------------------------------------
def test_an_invitation_sets_the_date_to_apply_by() -> None:
    from dataclasses import replace

    ontario = replace(stream("ON", "on-z"), apply_within_days=45, name="Human Capital Priorities")
    invited = [ev(1, "on-z", "invited", date(2025, 3, 1))]
    (deadline,) = tracking_deadlines(invited, (ontario,))
    assert deadline.uid == "pnp-apply:on-z:2025-03-01"
    assert deadline.due == date(2025, 4, 15)
    assert deadline.title == "Apply to Ontario: Human Capital Priorities"
    assert "45 days" in deadline.detail and not deadline.done
    applied = [*invited, ev(2, "on-z", "applied", date(2025, 3, 20))]
    assert tracking_deadlines(applied, (ontario,))[0].done
    assert tracking_deadlines(invited, (NS,)) == []  # no published window


def test_events_are_checked() -> None:
    check_event("nominated", TODAY, TODAY)
    with pytest.raises(ValueError, match="in the future"):
        check_event("applied", date(2026, 11, 25), TODAY)
    with pytest.raises(ValueError, match="before Express Entry opened"):
        check_event("applied", date(2014, 12, 31), TODAY)
    with pytest.raises(ValueError, match="expected one of: interest, invited, applied"):
        check_event("hired", TODAY, TODAY)
