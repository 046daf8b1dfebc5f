"""Provincial streams for the active file: which fit, the user's answers, and the steps
tracked per stream; a tracked nomination is written into the file, so the score and the
deadlines follow it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ee_desktop.i18n import _, format_date
from ee_desktop.pnp import (
    Question,
    StreamMatch,
    TrackedEvent,
    check_event,
    current_nomination,
    load_streams,
    match,
    match_all,
    streams_at,
    synced_nomination,
)
from ee_desktop.pnp.model import ANSWERS, EVENTS, Stream
from ee_desktop.profile import Profile
from ee_desktop.rules import evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.rules import RulesService

NOTE_LIMIT = 2000
NEEDS_NOMINATION = ("accepted", "declined")


class ProvincesService:
    def __init__(self, active: ActiveFile, rules: RulesService) -> None:
        self.active = active
        self.store = active.store
        self.rules = rules

    def _profile(self) -> Profile:
        profile = self.active.profile()
        return profile

    # -- streams and matching ---------------------------------------------------------------
    @staticmethod
    def stream(stream_id: str) -> Stream | None:
        """The newest version of a stream, in force or not (tracked streams may have closed)."""
        found = [s for s in load_streams() if s.id == stream_id]
        return max(found, key=lambda s: s.effective_from) if found else None

    def matches(self, as_of: date) -> list[StreamMatch]:
        """Every stream in force, and the ones the user tracks even after they closed (a
        nomination from a closed stream is still to be accepted)."""
        evaluation = evaluate(self._profile(), as_of, self.rules.rules)
        return match_all(evaluation, self.streams_with_tracked(as_of), self.answers())

    def streams_with_tracked(self, as_of: date) -> list[Stream]:
        shown = list(streams_at(as_of))
        in_force = {s.id for s in shown}
        for stream_id in dict.fromkeys(e.stream_id for e in self.events()):
            stream = self.stream(stream_id)
            if stream_id not in in_force and stream is not None:
                shown.append(stream)
        return shown

    def all_questions(self, stream: Stream, as_of: date) -> tuple[Question, ...]:
        """Every question a stream asks of this file, answered or not."""
        evaluation = evaluate(self._profile(), as_of, self.rules.rules)
        return match(evaluation, stream, {}).questions

    # -- answers ----------------------------------------------------------------------------
    def answers(self) -> dict[str, str]:
        file_id = self.active.id_or_none()
        return {} if file_id is None else self.store.pnp_answers(file_id)

    def set_answer(self, question_id: str, answer: str | None) -> None:
        """``answer`` is "yes", "no", or None to forget it."""
        if answer is not None and answer not in ANSWERS:
            raise ValueError(
                _("Answer: expected one of {choices}, got {value!r}.").format(
                    choices=", ".join(ANSWERS), value=answer
                )
            )
        self.store.set_pnp_answer(self.active.id(), question_id, answer)

    # -- tracking ---------------------------------------------------------------------------
    def events(self) -> list[TrackedEvent]:
        file_id = self.active.id_or_none()
        return [] if file_id is None else self.store.pnp_events(file_id)

    def record(self, stream_id: str, kind: str, on: date, today: date, note: str = "") -> int:
        """Record a step with a stream. A nomination (or its acceptance, or a decline) is
        written into the file in the same transaction."""
        stream = self.stream(stream_id)
        if stream is None:
            raise ValueError(_("Unknown stream '{id}'.").format(id=stream_id))
        check_event(kind, on, today)
        if len(note) > NOTE_LIMIT:
            raise ValueError(
                _("Note: at most {n} characters, got {count}.").format(
                    n=NOTE_LIMIT, count=len(note)
                )
            )
        before = self.events()
        if kind in NEEDS_NOMINATION and not any(
            e.stream_id == stream_id and e.kind == "nominated" and e.on <= on for e in before
        ):
            raise ValueError(
                _("Record the nomination first: '{step}' needs a nomination from this stream "
                  "on or before {day}.").format(step=_(EVENTS[kind]), day=format_date(on))
            )  # fmt: skip
        added = TrackedEvent(
            max((e.id for e in before), default=0) + 1,  # sorts after every saved step
            stream_id,
            kind,
            on,
            note.strip(),
            stream.province,
            stream.name,
        )
        current = self._profile().applicant.provincial_nomination
        profile = self._synced(before, [*before, added])
        if profile is not None and current not in (
            None,
            current_nomination(before, load_streams()),
        ):
            added = replace(added, replaced=current)  # entered by other means: kept to give back
        return self.store.add_pnp_event(self.active.id(), added, profile=profile)

    def remove(self, event_id: int) -> None:
        before = self.events()
        removed = next((e for e in before if e.id == event_id), None)
        if removed is None:
            raise KeyError(event_id)
        after = [e for e in before if e.id != event_id]
        profile = self._synced(before, after)
        if (
            profile is not None
            and profile.applicant.provincial_nomination is None
            and removed.replaced is not None
        ):
            # Undoing the step that replaced a nomination entered by hand gives it back.
            profile = replace(
                profile,
                applicant=replace(profile.applicant, provincial_nomination=removed.replaced),
            )
        self.store.delete_pnp_event(self.active.id(), event_id, profile=profile)

    def _synced(self, before: list[TrackedEvent], after: list[TrackedEvent]) -> Profile | None:
        """The file with its nomination brought in line with the tracking, or None when the
        change leaves it as it is."""
        streams = load_streams()
        profile = self._profile()
        current = profile.applicant.provincial_nomination
        wanted = synced_nomination(
            current, current_nomination(before, streams), current_nomination(after, streams)
        )
        if wanted == current:
            return None
        return replace(profile, applicant=replace(profile.applicant, provincial_nomination=wanted))
