"""Validation problems: each names the field path, the value found and what was expected."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ee_desktop.i18n import _

MISSING: Any = object()  # a required key that is absent
SHOWN = 60  # characters of a value shown in a message
DEPTH = 4  # levels of a nested value shown; deeper ones are "..."


def preview(value: Any, budget: int, depth: int = 0) -> str:
    """``value`` as JSON, cut once ``budget`` characters are written, never deeper than
    DEPTH levels: a hostile value (megabytes, nested a thousand deep) costs nothing."""
    if isinstance(value, dict):
        if depth >= DEPTH:
            return "{...}"
        parts, used = [], 2
        for key, item in value.items():
            part = f"{json.dumps(str(key)[:budget], ensure_ascii=False)}: " + preview(
                item, budget - used, depth + 1
            )
            parts.append(part)
            used += len(part) + 2
            if used > budget:
                break
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list | tuple):
        if depth >= DEPTH:
            return "[...]"
        parts, used = [], 2
        for item in value:
            part = preview(item, budget - used, depth + 1)
            parts.append(part)
            used += len(part) + 2
            if used > budget:
                break
        return "[" + ", ".join(parts) + "]"
    if isinstance(value, str):
        return json.dumps(value[: max(budget, 0) + 1], ensure_ascii=False)
    try:
        return json.dumps(value, ensure_ascii=False)[: budget + 1]
    except (TypeError, ValueError):
        return repr(value)[: budget + 1]


# Characters that would break one problem over several lines or hide text: controls (C0
# and C1), line and paragraph separators, and the format characters that reorder text.
_HIDDEN = {ord(c) for c in "\u2028\u2029\u0085\u200e\u200f\u202a\u202b\u202c\u202d\u202e"}
_HIDDEN.update(range(0x00, 0x20), range(0x7F, 0xA0), range(0x2066, 0x206A))


def printable(text: str) -> str:
    """``text`` on one line, with every hidden or line-breaking character as ``\\uXXXX``."""
    if not any(ord(c) in _HIDDEN for c in text):
        return text
    return "".join(f"\\u{ord(c):04x}" if ord(c) in _HIDDEN else c for c in text)


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    value: Any
    expected: str

    def describe_value(self) -> str:
        if self.value is MISSING:
            return _("missing")
        shown = preview(self.value, SHOWN)
        if len(shown) > SHOWN:
            shown = shown[: SHOWN - 3] + "..."
        return printable(shown)

    def __str__(self) -> str:
        path = printable(self.path) or _("(file)")
        if self.value is MISSING:
            return _("{path}: missing; expected {expected}").format(
                path=path, expected=self.expected
            )
        return _("{path}: got {value}; expected {expected}").format(
            path=path, value=self.describe_value(), expected=self.expected
        )


class ProfileError(ValueError):
    """A personal file that cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
