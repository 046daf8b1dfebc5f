"""A move before it is scored, and the words shared by the move descriptions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ee_desktop.i18n import N_, _, format_date
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.labels import level_scale
from ee_desktop.profile.model import ABILITIES
from ee_desktop.strategy.edits import Change, NewTest

ABILITY_NAMES: dict[str, str] = {
    "listening": N_("listening"),
    "reading": N_("reading"),
    "writing": N_("writing"),
    "speaking": N_("speaking"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A move before it is scored: its change and the words that describe it."""

    id: str
    change: Change
    title: str
    sentence: Callable[[int], str]  # the explanation, given the points
    changes: tuple[str, ...]


def number_text(value: float) -> str:
    return f"{value:g}"


def day_text(on: date) -> str:
    """A day inside a move's sentence, as the language writes it ("May 24, 2027")."""
    return format_date(on)


def test_changes(test: NewTest, level: int) -> tuple[str, ...]:
    word = level_scale(test.language)
    return (
        _("New {test} result dated {day}").format(
            test=_(TEST_NAMES[test.test]), day=day_text(test.on)
        ),
        *(
            _("{ability}: {score} ({word} {level})").format(
                ability=_(ABILITY_NAMES[a]),
                score=number_text(test.scores[a]),
                word=word,
                level=level,
            )
            for a in ABILITIES
            if a in test.raised
        ),
    )
