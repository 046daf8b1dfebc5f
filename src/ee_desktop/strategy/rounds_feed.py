"""IRCC's own rounds file: the JSON feed behind the canada.ca rounds page
(``ee_rounds_123_en.json``), read into rounds with their tie-break and pool distribution.

The file is read whole or not at all: every problem is reported at once, each naming the
round (its place in the file and its draw number) and the field. Figures are strings with
thousands separators (``"7,000"``); dates are ``drawDate`` (YYYY-MM-DD) and English dates
such as ``"August 3, 2026"``; times such as ``"October 11, 2025 at 14:55:49 UTC"``.

Choices: a round whose name the app does not know is a problem (the rounds' types drive
which cut-offs apply to a file, so a guess would mislead); a tie-break time that cannot be
read (IRCC's file has a few typed by hand, e.g. without a year) is left out with a note, as
is a draw number with a letter (``91a``); a distribution of zeros (the early rounds) is no
distribution.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ee_desktop.dated import DataProblems
from ee_desktop.i18n import N_, _
from ee_desktop.strategy.distribution import BAND_KEYS, Distribution
from ee_desktop.strategy.rounds import MAX_SCORE, ROUND_TYPES, Round, sort_rounds, type_from_name

FEED_NAME = "ee_rounds_123_en.json"
FEED_URL = "https://www.canada.ca/content/dam/ircc/documents/json/" + FEED_NAME
FEED_SOURCE = N_("IRCC rounds file (ee_rounds_123_en.json)")
REQUIRED: tuple[str, ...] = ("drawNumber", "drawDate", "drawName", "drawSize", "drawCRS")
MAX_INVITED = 1_000_000
MAX_POOL = 10_000_000

_MONTHS = {
    name: i
    for i, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
# "August 3, 2026", "July 3rd 2026", "March 02. 2024", "May 19,2022"
_DAY = re.compile(r"^\s*([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(\d{4})\s*,?\s*(.*)$")
# "at 14:55:49 UTC", "at  7:18:52 UTC", "06:41:05 UTC", "at 04:22:17 AM UTC"
_TIME = re.compile(r"^(?:at\s*)?(\d{1,2}):(\d{2}):(\d{2})\s*(AM|PM)?\s*(?:UTC)?\s*$", re.I)


def looks_like_json(text: str) -> bool:
    """Whether imported text is JSON (IRCC's file) rather than CSV: by its first character."""
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


@dataclass(frozen=True, slots=True)
class FeedRounds:
    """The rounds of a feed, oldest first, and notes on what was left out (not problems)."""

    rounds: tuple[Round, ...]
    notes: tuple[str, ...]

    @property
    def with_distribution(self) -> int:
        return sum(1 for r in self.rounds if r.distribution is not None)


class _Bad(Exception):
    def __init__(self, field: str, value: object, expected: str) -> None:
        super().__init__(field)
        self.field, self.value, self.expected = field, value, expected


def _whole(raw: Mapping[str, Any], field: str, high: int) -> int:
    value = raw.get(field)
    if isinstance(value, int) and not isinstance(value, bool):
        cleaned = str(value)
    elif isinstance(value, str):
        cleaned = value.replace(",", "").replace("\u00a0", "").replace(" ", "")
    else:
        cleaned = ""
    if cleaned.isdigit() and int(cleaned) <= high:
        return int(cleaned)
    raise _Bad(field, value, _("a whole number from 0 to {high}").format(high=high))


def _day_parts(value: str) -> tuple[date, str] | None:
    match = _DAY.match(value)
    if match is None or match.group(1).lower() not in _MONTHS:
        return None
    try:
        day = date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    except ValueError:
        return None
    return day, match.group(4)


def feed_date(value: str) -> date | None:
    """A date as the feed writes it: ``2026-08-07`` or ``August 7, 2026``; None if neither."""
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = _day_parts(text)
    return parts[0] if parts is not None and not parts[1] else None


def feed_time(value: str) -> datetime | None:
    """A UTC time as the feed writes it (``October 11, 2025 at 14:55:49 UTC``), or None."""
    parts = _day_parts(value)
    if parts is None:
        return None
    day, rest = parts
    match = _TIME.match(rest)
    if match is None:
        return None
    hour, minute, second = (int(match.group(i)) for i in (1, 2, 3))
    meridiem = (match.group(4) or "").upper()
    if meridiem == "PM" and hour < 12:
        hour += 12
    elif meridiem == "AM" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC)


def _text(raw: Mapping[str, Any], field: str) -> str:
    value = raw.get(field)
    return value.strip() if isinstance(value, str) else ""


def _distribution(raw: Mapping[str, Any]) -> Distribution | None:
    if not any(key in raw for key in BAND_KEYS):
        return None
    counts = tuple(_whole(raw, key, MAX_POOL) for key in BAND_KEYS)
    if not any(counts):
        return None
    as_on_text = _text(raw, "drawDistributionAsOn")
    as_on = feed_date(as_on_text)
    if as_on is None:
        raise _Bad("drawDistributionAsOn", raw.get("drawDistributionAsOn"), _("a date"))
    return Distribution(as_on, counts)


def _round(raw: Mapping[str, Any], where: str, notes: list[str]) -> tuple[Round, list[_Bad]]:
    """The round, or the problems of its fields (all of them)."""
    bad: list[_Bad] = []
    missing = [field for field in REQUIRED if field not in raw]
    bad += [_Bad(field, None, _("the field (it is missing)")) for field in missing]

    def attempt(read: Any, *args: Any) -> Any:
        try:
            return read(*args)
        except _Bad as exc:
            if exc.field not in missing:
                bad.append(exc)
            return None

    number_text = _text(raw, "drawNumber")
    number = int(number_text) if number_text.isdigit() else None
    if number is None and "drawNumber" in raw:
        if re.fullmatch(r"\d+[a-z]", number_text):
            notes.append(
                _("{where}: draw number '{value}' kept without a number").format(
                    where=where, value=number_text
                )
            )
        else:
            bad.append(_Bad("drawNumber", raw.get("drawNumber"), _("a whole number")))
    on = feed_date(_text(raw, "drawDate"))
    if on is None and "drawDate" in raw:
        bad.append(_Bad("drawDate", raw.get("drawDate"), _("a date written YYYY-MM-DD")))
    name = _text(raw, "drawName")
    round_type = type_from_name(name) if name else None
    if round_type is None and "drawName" in raw:
        bad.append(
            _Bad(
                "drawName",
                raw.get("drawName"),
                _("the name of a round the app knows ({types})").format(
                    types=", ".join(ROUND_TYPES)
                ),
            )
        )
    invited = attempt(_whole, raw, "drawSize", MAX_INVITED)
    lowest = attempt(_whole, raw, "drawCRS", MAX_SCORE)
    distribution = attempt(_distribution, raw)
    cut_text = _text(raw, "drawCutOff")
    tie_break = feed_time(cut_text) if cut_text else None
    if cut_text and tie_break is None:
        notes.append(
            _("{where}: tie-break time '{value}' could not be read and is left out").format(
                where=where, value=cut_text
            )
        )
    if bad or on is None or round_type is None or invited is None or lowest is None:
        return _PLACEHOLDER, bad
    return (
        Round(
            number=number,
            on=on,
            round_type=round_type,
            name=name,
            invited=invited,
            lowest_score=lowest,
            tie_break=tie_break,
            source=_(FEED_SOURCE),
            distribution=distribution,
        ),
        [],
    )


_PLACEHOLDER = Round(None, date.min, "general", "", 0, 0, None, "")


def _where(index: int, raw: object) -> str:
    number = raw.get("drawNumber") if isinstance(raw, dict) else None
    if isinstance(number, str | int) and str(number).strip():
        return _("round {index} (draw {number})").format(index=index + 1, number=number)
    return _("round {index}").format(index=index + 1)


def parse_rounds_feed(text: str) -> FeedRounds:
    """The rounds of IRCC's JSON rounds file; DataProblems lists every problem, one a line,
    each naming the round and the field, the value found and what was expected."""
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise DataProblems(
            _("not a JSON file: {reason} (line {line}, column {column})").format(
                reason=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except (RecursionError, ValueError):  # nested too deeply, a number too long
        raise DataProblems(_("expected IRCC's rounds file: values nested too deeply")) from None
    entries = document.get("rounds") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise DataProblems(
            _("expected IRCC's rounds file: a JSON object with a list named 'rounds'")
        )
    if not entries:
        raise DataProblems(_("the file lists no rounds"))
    problems: list[str] = []
    notes: list[str] = []
    rounds: list[Round] = []
    for index, raw in enumerate(entries):
        where = _where(index, raw)
        if not isinstance(raw, dict):
            problems.append(
                _("{where}: expected an object with the round's fields").format(where=where)
            )
            continue
        item, bad = _round(raw, where, notes)
        for b in bad:
            if b.value is None:
                problems.append(_("{where}, {field}: missing").format(where=where, field=b.field))
            else:
                problems.append(
                    _("{where}, {field}: got '{value}'; expected {expected}").format(
                        where=where, field=b.field, value=b.value, expected=b.expected
                    )
                )
        if not bad:
            rounds.append(item)
    if problems:
        raise DataProblems(problems)
    return FeedRounds(tuple(sort_rounds(rounds)), tuple(notes))
