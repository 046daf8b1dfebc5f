"""The text and JSON of the streams: caveats every stream shares are said once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pnp_helpers import TODAY, decide, skilled, stream

from ee_desktop.pnp import StreamMatch
from ee_desktop.pnp.output import render_text, split_caveats, to_json


def _matches() -> list[StreamMatch]:
    a = replace(stream(stream_id="a"), verified=False, note="Not on the page.")
    b = replace(stream(stream_id="b"), verified=False, note="")
    c = replace(stream(stream_id="c"), verified=True)
    return [decide(skilled(), s) for s in (a, b, c)]


def test_caveats_shared_by_every_stream_are_said_once() -> None:
    matches = _matches()
    shared, own = split_caveats(matches)
    checked = f"Last checked on {TODAY:%B} {TODAY.day}, {TODAY.year}."
    assert shared == [checked]
    unconfirmed = "Not confirmed on the province's own page."
    assert own == [[unconfirmed], [unconfirmed], []]  # not shared by c: said on each
    text = render_text(matches, TODAY, 400)
    assert text.count(checked) == 1
    assert f"Sources: {checked}" in text
    assert text.count(unconfirmed) == 2
    # Every stream unconfirmed: that too is said once.
    both = matches[:2]
    shared, own = split_caveats(both)
    assert shared == [checked, unconfirmed] and own == [[], []]
    assert render_text(both, TODAY, 400).count(unconfirmed) == 1


def test_json_keeps_its_keys_and_adds_the_caveats() -> None:
    matches = _matches()
    result = to_json(matches, TODAY, 400, {})
    assert result["shared_caveats"] == split_caveats(matches)[0]
    first = result["streams"][0]
    assert {"province", "province_name", "verified", "verified_on", "source", "note"} <= set(first)
    assert first["caveats"][0].startswith("Last checked on")
    assert to_json([], date(2026, 1, 1), 0, {})["shared_caveats"] == []
