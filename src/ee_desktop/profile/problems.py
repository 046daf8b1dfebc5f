"""Validation problems: each names the field path, the value found and what was expected."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ee_desktop.i18n import _

MISSING: Any = object()  # a required key that is absent


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    value: Any
    expected: str

    def describe_value(self) -> str:
        if self.value is MISSING:
            return _("missing")
        try:
            shown = json.dumps(self.value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            shown = repr(self.value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return shown

    def __str__(self) -> str:
        path = self.path or _("(file)")
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
