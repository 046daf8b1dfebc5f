"""The strict reader under the personal file's decoder: converts JSON values field by
field and records every problem (field path, value, what was expected) instead of stopping."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from ee_desktop.i18n import _
from ee_desktop.profile.codes import COUNTRY_CODES
from ee_desktop.profile.problems import MISSING, Problem


class Reader:
    """Walks a JSON document, converting values and recording every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, value: Any, expected: str) -> None:
        self.problems.append(Problem(path, value, expected))

    # -- structure -------------------------------------------------------
    def object(self, value: Any, path: str, fields: dict[str, bool]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(
                path,
                value,
                _("an object with the fields {fields}").format(
                    fields=", ".join(k for k, req in fields.items() if req)
                ),
            )
            return None
        for key, repeated in getattr(value, "duplicates", ()):
            self.add(join(path, key), repeated, _("each field once (this one is repeated)"))
        for key in value:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                if close:
                    expected = _("no field of this name (did you mean “{key}”?)").format(
                        key=close[0]
                    )
                else:
                    expected = _("no field of this name; allowed here: {fields}").format(
                        fields=", ".join(fields)
                    )
                self.add(join(path, key), value[key], expected)
        return value

    def list_of(
        self,
        d: dict[str, Any],
        key: str,
        path: str,
        item: Callable[[Any, str], Any],
        required: bool = False,
    ) -> tuple[Any, ...]:
        here = join(path, key)
        if key not in d:
            if required:
                self.add(here, MISSING, _("a list (use [] for none)"))
            return ()
        value = d[key]
        if not isinstance(value, list):
            self.add(here, value, _("a list (use [] for none)"))
            return ()
        if len(value) > LIST_LIMIT:
            self.add(
                here,
                len(value),
                _("a list of at most {count} entries").format(count=LIST_LIMIT),
            )
            return ()
        return tuple(item(v, f"{here}[{i}]") for i, v in enumerate(value))

    def optional(
        self,
        d: dict[str, Any],
        key: str,
        path: str,
        item: Callable[[Any, str], Any],
        required: bool = False,
    ) -> Any:
        if key not in d:
            if required:
                self.add(join(path, key), MISSING, _("an object or null"))
            return None
        return None if d[key] is None else item(d[key], join(path, key))

    # -- scalars ---------------------------------------------------------
    def _get(
        self, d: dict[str, Any], key: str, path: str, expected: str, nullable: bool
    ) -> tuple[bool, Any]:
        if key not in d:
            self.add(join(path, key), MISSING, expected)
            return False, None
        value = d[key]
        if value is None and not nullable:
            self.add(join(path, key), value, expected)
            return False, None
        return value is not None, value

    def text(
        self, d: dict[str, Any], key: str, path: str, nullable: bool = False, required: bool = True
    ) -> str | None:
        if not required and key not in d:
            return None
        expected = _("a non-empty text")
        ok, value = self._get(d, key, path, expected, nullable)
        if not ok:
            return None
        if not isinstance(value, str) or not value.strip() or not encodable(value):
            self.add(join(path, key), value, expected)
            return None
        if len(value) > TEXT_LIMIT:
            self.add(join(path, key), value, too_long(TEXT_LIMIT))
            return None
        return value

    def iso_date(
        self, d: dict[str, Any], key: str, path: str, nullable: bool = False
    ) -> date | None:
        expected = _("a date written YYYY-MM-DD") + (_(" or null") if nullable else "")
        ok, value = self._get(d, key, path, expected, nullable)
        if not ok:
            return None
        if isinstance(value, str) and ISO_DATE.fullmatch(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                if EARLIEST_DATE <= day <= LATEST_DATE:
                    return day
                expected = _("a date from {first} to {last}").format(
                    first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat()
                )
        self.add(join(path, key), value, expected)
        return None

    def boolean(self, d: dict[str, Any], key: str, path: str) -> bool | None:
        ok, value = self._get(d, key, path, _("true or false"), False)
        if ok and not isinstance(value, bool):
            self.add(join(path, key), value, _("true or false"))
            return None
        return value if ok else None

    def number(
        self,
        d: dict[str, Any],
        key: str,
        path: str,
        low: float,
        high: float,
        whole: bool = False,
        nullable: bool = False,
    ) -> float | None:
        if whole:
            expected = _("a whole number from {low} to {high}").format(low=low, high=high)
        else:
            expected = _("a number from {low} to {high}").format(low=low, high=high)
        ok, value = self._get(d, key, path, expected, nullable)
        if not ok:
            return None
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not low <= value <= high
            or (whole and value != int(value))
        ):
            self.add(join(path, key), value, expected)
            return None
        return int(value) if whole else value

    def choice(self, d: dict[str, Any], key: str, path: str, choices: Iterable[str]) -> str | None:
        options = tuple(choices)
        expected = _("one of: {options}").format(options=", ".join(options))
        ok, value = self._get(d, key, path, expected, False)
        if ok and value not in options:
            self.add(join(path, key), value, expected)
            return None
        return value if ok else None

    def country(self, d: dict[str, Any], key: str, path: str) -> str | None:
        expected = _("a two-letter ISO 3166 country code such as CA or IN")
        ok, value = self._get(d, key, path, expected, False)
        if ok and not (isinstance(value, str) and value in COUNTRY_CODES):
            self.add(join(path, key), value, expected)
            return None
        return value if ok else None

    def noc_code(self, d: dict[str, Any], key: str, path: str) -> str | None:
        expected = _("a five-digit NOC 2021 code whose second digit (the TEER) is 0 to 5")
        ok, value = self._get(d, key, path, expected, False)
        if ok and not (
            isinstance(value, str)
            and len(value) == 5
            and value.isascii()
            and value.isdigit()
            and value[1] in "012345"
        ):
            self.add(join(path, key), value, expected)
            return None
        return value if ok else None

    def order(self, path: str, earlier: date | None, later: date | None, expected: str) -> None:
        """Record a problem at ``path`` when ``later`` falls before ``earlier``."""
        if earlier is not None and later is not None and later < earlier:
            self.add(path, later.isoformat(), expected)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Every date of a personal file: nobody applying was born before 1900, and with nothing
# after 2199 every date the rules compute (validity periods, ten-year windows) exists.
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2199, 12, 31)
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def join(path: str, key: str) -> str:
    """``path.key``; a key that is not a plain name is quoted, so a path stays on one line."""
    if not _PLAIN_KEY.fullmatch(key):
        return f"{path}[{json.dumps(key)}]"
    return f"{path}.{key}" if path else key


# The longest texts a personal file takes: a name, an institution or an address line fits
# in TEXT_LIMIT characters with room to spare; a note in NOTE_LIMIT. Every report and
# message stays bounded.
TEXT_LIMIT, NOTE_LIMIT = 300, 4000
LIST_LIMIT = 500  # entries of one list (jobs, trips, addresses): decades of a busy life


def too_long(limit: int) -> str:
    return _("a text of at most {count} characters").format(count=limit)


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes
        return False
    return True
