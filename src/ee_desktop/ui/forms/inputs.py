"""The wizard's form rows, with what these forms add: months (``YYYY-MM``) and choices a
person may leave unanswered (``null`` in the file, not an empty code)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ee_desktop.i18n import _
from ee_desktop.profile.labels import label
from ee_desktop.wizard.fields import ChoiceField, CountryField, DateField, Form, TextField

DATE_WIDTH = 130  # a month or a date: no need for the row's whole width


class OptionalChoiceField(ChoiceField):
    """A choice whose first option ("not given") is written as null."""

    def read(self) -> Any:
        value = self.combo.currentData()
        return None if value in ("", None) else value

    def write(self, value: Any) -> None:
        super().write("" if value is None else value)


class SectionForm(Form):
    """A grid of labelled inputs for one entry of a history."""

    def choice(
        self,
        key: str,
        label: str,
        options: Sequence[tuple[Any, str]],
        tooltip: str = "",
        kind: type[ChoiceField] = ChoiceField,
        width: int = 16,
        optional: bool = False,
    ) -> ChoiceField:
        if not optional:
            return super().choice(key, label, options, tooltip, kind, width)
        return super().choice(key, label, options, tooltip, OptionalChoiceField, width=12)

    def country(
        self, key: str, label: str, tooltip: str = "", optional: bool = False
    ) -> CountryField:
        """The wizard's country input; ``optional``: no country is written as null."""
        return super().country(key, label, tooltip, optional=optional)

    def month(self, key: str, label: str, tooltip: str = "", nullable: bool = False) -> TextField:
        field = self.text(key, label, tooltip, placeholder=_("YYYY-MM"), nullable=nullable)
        field.line.setMaximumWidth(DATE_WIDTH)
        return field

    def day(self, key: str, label: str, tooltip: str = "", nullable: bool = False) -> DateField:
        """The app's date input (typed or from its calendar), ISO in the file."""
        field = self.date(key, label, tooltip, nullable=nullable)
        field.line.setMaximumWidth(DATE_WIDTH + 24)  # and its calendar button
        return field


def labelled(
    table: dict[str, str], codes: Iterable[str], first: str | None = None
) -> list[tuple[str, str]]:
    """(code, translated label) for ``codes``; ``first``: an empty choice before them."""
    options = [] if first is None else [("", first)]
    return options + [(code, label(table, code)) for code in codes]
