"""Deadlines of the active personal file: derived dates, the user's milestones and own dates,
reminders, and the calendar export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.deadlines import (
    ChecklistProgress,
    CustomDeadline,
    Deadline,
    derive,
    to_ics,
    upcoming,
)
from ee_desktop.files import write_text_atomically
from ee_desktop.i18n import _, format_date
from ee_desktop.pnp import load_streams, tracking_deadlines
from ee_desktop.profile.milestones import Milestone, milestone_problems
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.checklist import ChecklistService
from ee_desktop.services.rules import RulesService

if TYPE_CHECKING:
    from ee_desktop.store.repository import CustomDeadlineRecord

EARLIEST, LATEST = date(1950, 1, 1), date(2100, 12, 31)


REMINDER_SETTING = "deadlines/reminder_days"
DEFAULT_REMINDER_DAYS = 14


class DeadlinesService:
    def __init__(
        self, active: ActiveFile, rules: RulesService, checklist: ChecklistService
    ) -> None:
        self.active = active
        self.store = active.store
        self.rules = rules
        self.checklist = checklist

    # -- what the user records ------------------------------------------------------------------
    def milestones(self) -> dict[str, tuple[date, ...]]:
        file_id = self.active.id_or_none()
        return {} if file_id is None else self.store.milestones(file_id)

    def milestone_records(self) -> list[Milestone]:
        file_id = self.active.id_or_none()
        return [] if file_id is None else self.store.milestone_records(file_id)

    def record_milestone(self, milestone: Milestone, today: date) -> None:
        """Record a milestone, or correct the record ``milestone.id``; ValueError names each
        field that is wrong."""
        problems = milestone_problems(milestone, today)
        if problems:
            raise ValueError("\n".join(problems))
        self.store.record_milestone(self.active.id(), milestone)

    def set_milestone(self, name: str, on: date | None, today: date) -> None:
        """The one date of a milestone, without a letter's details (None clears it)."""
        if on is None:
            self.store.set_milestone(self.active.id(), name, None)
        else:
            self.record_milestone(Milestone(name, on), today)

    def remove_milestone(self, milestone: Milestone) -> None:
        self.store.remove_milestone(self.active.id(), milestone)

    def custom(self) -> list[CustomDeadlineRecord]:
        file_id = self.active.id_or_none()
        return [] if file_id is None else self.store.custom_deadlines(file_id)

    def add_custom(self, title: str, due: date, notes: str = "") -> int:
        if not EARLIEST <= due <= LATEST:
            raise ValueError(
                _("The date must be between {first} and {last}.").format(
                    first=format_date(EARLIEST), last=format_date(LATEST)
                )
            )
        return self.store.add_custom_deadline(self.active.id(), title, due, notes)

    def set_custom_done(self, deadline_id: int, done: bool) -> None:
        self.store.update_custom_deadline(deadline_id, done=done)

    def delete_custom(self, deadline_id: int) -> None:
        self.store.delete_custom_deadline(deadline_id)

    @property
    def reminder_days(self) -> int:
        return int(self.store.setting(REMINDER_SETTING, DEFAULT_REMINDER_DAYS))

    def set_reminder_days(self, days: int) -> None:
        self.store.set_setting(REMINDER_SETTING, max(0, int(days)))

    # -- derived --------------------------------------------------------------------------
    def deadlines(self, as_of: date) -> list[Deadline]:
        profile = self.active.profile_or_none()
        if profile is None:
            return []
        custom = [
            CustomDeadline(id=str(r.id), title=r.title, due=r.due, notes=r.notes, done=r.done)
            for r in self.custom()
        ]
        progress = self.checklist_progress(as_of)
        provincial = tracking_deadlines(self.store.pnp_events(self.active.id()), load_streams())
        return derive(
            profile,
            as_of,
            self.milestone_records(),
            custom,
            progress,
            self.rules.rules,
            extra=provincial,
        )

    def checklist_progress(self, as_of: date) -> list[ChecklistProgress]:
        """What the dates need from the user's progress on the checklist."""
        return [
            ChecklistProgress(key=e.key, received_on=e.received_on, done=e.done)
            for e in self.checklist.entries(as_of)
            if e.needed and e.record_id is not None
        ]

    def due_soon(self, as_of: date) -> list[Deadline]:
        """What falls due within the reminder period, overdue first."""
        return upcoming(self.deadlines(as_of), as_of, self.reminder_days)

    def export_ics(self, path: Path, as_of: date, stamp: datetime) -> int:
        """Write the calendar; returns the number of events. Same events, same identifiers;
        done ones are kept (marked done, without alarms) so a calendar updates them."""
        events = self.deadlines(as_of)
        write_text_atomically(path, to_ics(events, stamp))
        return len(events)
