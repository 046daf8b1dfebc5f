"""The streams for a file, as JSON and as text for the command line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ee_desktop.i18n import _, format_date
from ee_desktop.pnp.match import questions
from ee_desktop.pnp.model import (
    EVENTS,
    FIT_NAMES,
    FIT_ORDER,
    INTAKE_NAMES,
    Stream,
    StreamMatch,
    TrackedEvent,
)
from ee_desktop.pnp.tracking import by_stream
from ee_desktop.profile.labels import PROVINCE, label

NO_PROGRAM: tuple[str, ...] = ("QC", "NU")  # canada.ca: no provincial nominee program


def closed_provinces(matches: Sequence[StreamMatch]) -> list[str]:
    """Provinces with a nominee program but no Express Entry stream in force."""
    open_here = {m.stream.province for m in matches}
    return [code for code in sorted(PROVINCE) if code not in open_here | set(NO_PROGRAM)]


def caveats(stream: Stream) -> list[str]:
    """What to keep in mind about where a stream's criteria come from, worded."""
    found = [_("Last checked on {day}.").format(day=format_date(stream.verified_on))]
    if not stream.verified:
        found.append(_("Not confirmed on the province's own page."))
    return found


def split_caveats(matches: Sequence[StreamMatch]) -> tuple[list[str], list[list[str]]]:
    """The caveats every stream shares, to say once under "Sources", and each stream's own
    (in the order of ``matches``)."""
    every = [caveats(m.stream) for m in matches]
    shared = [c for c in every[0] if all(c in other for other in every[1:])] if every else []
    return shared, [[c for c in own if c not in shared] for own in every]


def sources_line(matches: Sequence[StreamMatch]) -> str:
    """One line for the whole list: the caveats every stream shares, and a reminder."""
    shared, _own = split_caveats(matches)
    return " ".join(
        [
            _("Sources:"),
            *shared,
            _("Each stream names its source. Criteria change and each round of invitations may "
              "add its own: check the province's page before you act."),
        ]
    )  # fmt: skip


def to_json(
    matches: Sequence[StreamMatch],
    as_of: date,
    crs: int,
    answers: Mapping[str, str],
    events: Sequence[TrackedEvent] = (),
) -> dict[str, Any]:
    tracked = by_stream(events)
    shared, _own = split_caveats(matches)
    return {
        "as_of": as_of.isoformat(),
        "crs": crs,
        "shared_caveats": shared,
        "streams": [
            {
                "id": m.stream.id,
                "province": m.stream.province,
                "province_name": label(PROVINCE, m.stream.province),
                "program": m.stream.program,
                "name": m.stream.name,
                "url": m.stream.url,
                "intake": m.stream.intake,
                "fit": m.fit,
                "met": list(m.met),
                "unmet": list(m.unmet),
                "questions": [{"id": q.id, "text": q.text, "hint": q.hint} for q in m.questions],
                "summary": _(m.stream.summary),
                "verified": m.stream.verified,
                "verified_on": m.stream.verified_on.isoformat(),
                "source": m.stream.source,
                "note": _(m.stream.note) if m.stream.note else "",
                "caveats": caveats(m.stream),
                "tracking": [
                    {"kind": e.kind, "on": e.on.isoformat(), "note": e.note}
                    for e in tracked.get(m.stream.id, [])
                ],
            }
            for m in matches
        ],
        "answers": dict(sorted(answers.items())),
        "no_stream_open": closed_provinces(matches),
        "no_nominee_program": list(NO_PROGRAM),
    }


def render_text(
    matches: Sequence[StreamMatch],
    as_of: date,
    crs: int,
    events: Sequence[TrackedEvent] = (),
) -> str:
    tracked = by_stream(events)
    _shared, own = split_caveats(matches)
    own_caveats = {id(m): found for m, found in zip(matches, own, strict=True)}
    lines = [
        _("Provincial streams for this file on {day} (CRS {crs}; a nomination adds 600).").format(
            day=format_date(as_of), crs=crs
        )
    ]
    for fit in FIT_ORDER:
        group = [m for m in matches if m.fit == fit]
        if not group:
            continue
        lines += ["", f"{_(FIT_NAMES[fit]).upper()} ({len(group)})"]
        for m in group:
            s = m.stream
            lines.append(
                f"  {label(PROVINCE, s.province)}: {_(s.name)}  [{_(INTAKE_NAMES[s.intake])}]"
            )
            lines += [f"    - {reason}" for reason in m.unmet]
            if fit != "does_not_fit":
                lines += [f"    + {reason}" for reason in m.met]
                lines += [f"    ? {q.text}  ({q.id})" for q in m.questions]
                lines.append(f"    {s.url}")
                lines += [f"    {caveat}" for caveat in own_caveats[id(m)]]
            lines += [
                f"    * {e.on.isoformat()} {_(EVENTS[e.kind])}" + (f": {e.note}" if e.note else "")
                for e in tracked.get(s.id, [])
            ]
    lines.append("")
    closed = closed_provinces(matches)
    if closed:
        lines.append(
            _("No Express Entry stream open in: {provinces}.").format(
                provinces=", ".join(label(PROVINCE, c) for c in closed)
            )
        )
    lines.append(_("Quebec and Nunavut have no provincial nominee program."))
    if matches:
        lines.append(sources_line(matches))
    if questions(matches):
        lines.append(_("Answer the questions (?) with --answer ID=yes or ID=no, or in the app."))
    return "\n".join(lines)
