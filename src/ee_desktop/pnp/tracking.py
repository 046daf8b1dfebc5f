"""What the user records per stream, and what follows from it: the stage each stream is at,
the nomination the score counts, and the dates to meet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from ee_desktop.deadlines.model import Deadline
from ee_desktop.i18n import _, format_date
from ee_desktop.pnp.model import CLOSING_EVENTS, EVENTS, Stream, TrackedEvent
from ee_desktop.profile.labels import PROVINCE, label
from ee_desktop.profile.model import ProvincialNomination

EARLIEST = date(2015, 1, 1)  # Express Entry opened; no stream event can be older


def check_event(kind: str, on: date, today: date) -> None:
    """Raise ValueError, worded for the user, when the event cannot be recorded."""
    if kind not in EVENTS:
        raise ValueError(
            _("Unknown event '{kind}'; expected one of: {known}.").format(
                kind=kind, known=", ".join(EVENTS)
            )
        )
    if on > today:
        raise ValueError(
            _("An event records something that happened: {day} is in the future.").format(
                day=format_date(on)
            )
        )
    if on < EARLIEST:
        raise ValueError(
            _("{day} is before Express Entry opened ({first}).").format(
                day=format_date(on), first=format_date(EARLIEST)
            )
        )


def _ordered(events: Sequence[TrackedEvent]) -> list[TrackedEvent]:
    """By date; on the same day in the usual order of a stream (applied before nominated)."""
    kinds = list(EVENTS)
    return sorted(events, key=lambda e: (e.on, kinds.index(e.kind), e.id))


def by_stream(events: Sequence[TrackedEvent]) -> dict[str, list[TrackedEvent]]:
    out: dict[str, list[TrackedEvent]] = {}
    for event in _ordered(events):
        out.setdefault(event.stream_id, []).append(event)
    return out


def stages(events: Sequence[TrackedEvent]) -> dict[str, TrackedEvent]:
    """The latest event of each stream the user tracks."""
    return {stream_id: items[-1] for stream_id, items in by_stream(events).items()}


def current_nomination(
    events: Sequence[TrackedEvent], streams: Sequence[Stream]
) -> ProvincialNomination | None:
    """The nomination the events say is held: the newest one not declined, refused or
    withdrawn since (on the same day, the one recorded last). The province and name are
    those saved with the step; older steps without them take the stream's data."""
    known = {s.id: s for s in streams}
    held: list[tuple[date, int, ProvincialNomination]] = []
    for stream_id, items in by_stream(events).items():
        nomination: ProvincialNomination | None = None
        recorded = 0
        for event in items:
            if event.kind == "nominated":
                stream = known.get(stream_id)
                province = event.province or (stream.province if stream else "")
                name = event.stream_name or (stream.name if stream else stream_id)
                if not province:
                    continue  # neither saved nor in the data: the province is unknown
                nomination = ProvincialNomination(province, name, event.on)
                recorded = event.id
            elif event.kind == "accepted" and nomination is not None:
                if nomination.accepted_on is None:
                    nomination = replace(nomination, accepted_on=event.on)
            elif event.kind in CLOSING_EVENTS:
                nomination = None
        if nomination is not None:
            held.append((nomination.nominated_on, recorded, nomination))
    return max(held, key=lambda h: (h[0], h[1]))[2] if held else None


def synced_nomination(
    current: ProvincialNomination | None,
    before: ProvincialNomination | None,
    after: ProvincialNomination | None,
) -> ProvincialNomination | None:
    """The file's nomination once the tracking changed from giving ``before`` to ``after``.

    The tracking owns the file's nomination when they agreed before the change (or the file
    had none); a nomination entered in the file by other means is replaced only by a newly
    tracked one, never cleared by the tracking.
    """
    if before == after:
        return current
    if current == before or after is not None:
        return after
    return current


def tracking_deadlines(events: Sequence[TrackedEvent], streams: Sequence[Stream]) -> list[Deadline]:
    """After a province's invitation, the date to apply by (for streams that publish one)."""
    known: Mapping[str, Stream] = {s.id: s for s in streams}
    out = []
    for stream_id, items in by_stream(events).items():
        stream = known.get(stream_id)
        if stream is None or not stream.apply_within_days:
            continue
        for i, event in enumerate(items):
            if event.kind != "invited":
                continue
            later = {e.kind for e in items[i + 1 :]}
            province = label(PROVINCE, stream.province)
            out.append(
                Deadline(
                    uid=f"pnp-apply:{stream.id}:{event.on.isoformat()}",
                    due=event.on + timedelta(days=stream.apply_within_days),
                    kind="deadline",
                    title=_("Apply to {province}: {stream}").format(
                        province=province, stream=_(stream.name)
                    ),
                    detail=_(
                        "{province} gives {days} days from its invitation to send a complete "
                        "application to the province. Check the date in the invitation."
                    ).format(province=province, days=stream.apply_within_days),
                    person="applicant",
                    source=stream.url,
                    done=bool(later & ({"applied", "nominated"} | CLOSING_EVENTS)),
                )
            )
    return out
