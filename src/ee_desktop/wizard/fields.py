"""Form rows bound to a place in the draft document.

Every input widget gets the field path it edits as its objectName
(``applicant.language_tests[0].speaking``), its label as accessible name and
buddy, a tooltip, and an error line under it. Values go straight into the
draft dict; the codec (not the widgets) decides what is valid.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ee_desktop.i18n import _, decimal_mark
from ee_desktop.profile.problems import Problem
from ee_desktop.wizard.country_input import CountryCombo
from ee_desktop.wizard.date_input import DateInput

Node = dict[str, Any]
ERROR_STYLE = "color: #b00020;"


def parse_number(text: str) -> Any:
    """A number when the text is one; otherwise the text, for the codec to report.

    "25,000" and "25 000" are thousands; "7,5" is a decimal comma.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return ""
    if re.fullmatch(r"\d+,\d{1,2}", cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return text.strip()
    if not math.isfinite(value):
        return text.strip()
    return int(value) if value.is_integer() and "." not in cleaned else value


def show_number(value: Any) -> str:
    """The number as the user would type it: "7.5" in English, "7,5" in French."""
    if value is None or value == "":
        return ""
    return str(value).replace(".", decimal_mark())


class Field(QObject):
    """One input bound to ``node[key]``; ``path`` is its full field path."""

    edited = Signal()

    def __init__(self, path: str, widget: QWidget, label: QLabel, error: QLabel) -> None:
        super().__init__(widget)
        self.path = path
        self.widget = widget
        self.label = label
        self.error = error
        self.touched = False
        self.node: Node = {}
        self.key = path.rsplit(".", 1)[-1]

    # Overridden per kind.
    def read(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def write(self, value: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def bind(self, node: Node) -> None:
        self.node = node
        self.widget.blockSignals(True)
        self.write(node.get(self.key))
        self.widget.blockSignals(False)

    def _changed(self, *_args: object) -> None:
        self.node[self.key] = self.read()
        self.touched = True
        self.edited.emit()

    def show_problem(self, problem: Problem | None, force: bool) -> None:
        visible = problem is not None and (force or self.touched or self._has_value())
        if visible and problem is not None:
            self.error.setText(
                QCoreApplication.translate("wizard", "Expected %1.").replace("%1", problem.expected)
            )
        self.error.setVisible(visible)

    def _has_value(self) -> bool:
        value = self.node.get(self.key)
        return value not in (None, "")


class TextField(Field):
    def __init__(
        self, path: str, widget: QLineEdit, label: QLabel, error: QLabel, nullable: bool = False
    ) -> None:
        super().__init__(path, widget, label, error)
        self.line = widget
        self.nullable = nullable
        widget.textEdited.connect(self._changed)

    def read(self) -> Any:
        text = self.line.text()
        return None if self.nullable and not text.strip() else text

    def write(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class NumberField(TextField):
    def read(self) -> Any:
        value = parse_number(self.line.text())
        return None if self.nullable and value == "" else value

    def write(self, value: Any) -> None:
        self.line.setText(show_number(value))


class DecimalField(NumberField):
    """A number that is never in thousands, such as an exchange rate: one comma is the
    decimal mark ("0,016" is 0.016 in French as in English)."""

    def read(self) -> Any:
        text = self.line.text().strip()
        if re.fullmatch(r"-?\d*,\d+", text):
            text = text.replace(",", ".")
        value = parse_number(text)
        return None if self.nullable and value == "" else value


class AmountField(NumberField):
    """An amount of money: a whole number read back from the file as 2000000.0 shows as
    typed, 2000000."""

    def write(self, value: Any) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        super().write(value)


class ChoiceField(Field):
    def __init__(self, path: str, widget: QComboBox, label: QLabel, error: QLabel) -> None:
        super().__init__(path, widget, label, error)
        self.combo = widget
        widget.currentIndexChanged.connect(self._changed)

    def read(self) -> Any:
        return self.combo.currentData()

    def write(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)


class CountryField(ChoiceField):
    """A :class:`CountryCombo`: the code, or no country ("" or, ``optional``, null).

    What the input says of a text naming no country comes first; the file's "two-letter
    code" wording is replaced by one a person can act on.
    """

    def __init__(
        self, path: str, widget: CountryCombo, label: QLabel, error: QLabel, optional: bool
    ) -> None:
        super().__init__(path, widget, label, error)
        self.countries = widget
        self.optional = optional
        self._problem: Problem | None = None
        self._force = False
        widget.problemChanged.connect(self._input_problem)

    def read(self) -> Any:
        code = self.countries.code()
        return code if code else (None if self.optional else "")

    def write(self, value: Any) -> None:
        self.countries.set_code(value if isinstance(value, str) else None)

    def show_problem(self, problem: Problem | None, force: bool) -> None:
        self._problem, self._force = problem, force
        message = self.countries.problem()
        if message:
            self.error.setText(message)
            self.error.setVisible(True)
            return
        super().show_problem(problem, force)
        if problem is not None and problem.expected == _(
            "a two-letter ISO 3166 country code such as CA or IN"
        ):
            self.error.setText(
                QCoreApplication.translate("wizard", "Choose a country from the list.")
            )

    def _input_problem(self, _message: str) -> None:
        self.touched = True
        self.show_problem(self._problem, self._force)


class DateField(TextField):
    """A :class:`DateInput`: an ISO date (``YYYY-MM-DD``) or, ``nullable``, null when empty.

    A day typed another way it understands (15/05/1994) is read as ISO; text it cannot
    read is kept as typed for the codec to report, and the input's own sentence, naming the
    forms it takes, is shown under it.
    """

    def __init__(
        self, path: str, widget: DateInput, label: QLabel, error: QLabel, nullable: bool = False
    ) -> None:
        super().__init__(path, widget, label, error, nullable)
        self.day = widget

    def read(self) -> Any:
        text = self.line.text()
        if self.nullable and not text.strip():
            return None
        parsed = self.day.date()
        return parsed.isoformat() if parsed is not None else text

    def show_problem(self, problem: Problem | None, force: bool) -> None:
        super().show_problem(problem, force)
        message = self.day.problem()
        if problem is not None and message and not self.error.isHidden():
            self.error.setText(message)


class CheckField(Field):
    def __init__(self, path: str, widget: QCheckBox, label: QLabel, error: QLabel) -> None:
        super().__init__(path, widget, label, error)
        self.box = widget
        widget.toggled.connect(self._changed)

    def read(self) -> Any:
        return self.box.isChecked()

    def write(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class Form(QWidget):
    """A grid of labelled fields for one object of the draft (a person, a test, a job)."""

    edited = Signal()

    def __init__(self, base_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_path = base_path
        self.fields: list[Field] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self._row = 0

    def path(self, key: str) -> str:
        return f"{self.base_path}.{key}" if self.base_path else key

    def _add(
        self, field: Field, hint: QWidget | None = None, row_widget: QWidget | None = None
    ) -> Field:
        field.widget.setObjectName(field.path)
        field.widget.setAccessibleName(field.label.text().replace("&", "").rstrip(": "))
        field.label.setBuddy(field.widget)
        field.error.setStyleSheet(ERROR_STYLE)
        field.error.setWordWrap(True)
        field.error.setVisible(False)
        field.error.setObjectName(field.path + ":error")
        field.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(field.label, self._row, 0)
        self.grid.addWidget(row_widget or field.widget, self._row, 1, 1, 1 if hint else 2)
        if hint is not None:
            self.grid.addWidget(hint, self._row, 2)
        self.grid.addWidget(field.error, self._row + 1, 1, 1, 2)
        self._row += 2
        field.edited.connect(self.edited)
        self.fields.append(field)
        return field

    def _label(self, text: str, tooltip: str) -> QLabel:
        label = QLabel(text)
        label.setToolTip(tooltip)
        return label

    def text(
        self,
        key: str,
        label: str,
        tooltip: str = "",
        placeholder: str = "",
        nullable: bool = False,
        hint: QWidget | None = None,
    ) -> TextField:
        return self._line(TextField, key, label, tooltip, placeholder, nullable, hint)

    def _line(
        self,
        kind: type[TextField],
        key: str,
        label: str,
        tooltip: str,
        placeholder: str,
        nullable: bool,
        hint: QWidget | None,
    ) -> TextField:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setToolTip(tooltip)
        field = kind(self.path(key), line, self._label(label, tooltip), QLabel(), nullable)
        self._add(field, hint)
        return field

    def date(self, key: str, label: str, tooltip: str = "", nullable: bool = False) -> DateField:
        """A day, typed (2026-03-01 or 01/03/2026) or chosen from a calendar."""
        line = DateInput()
        line.setToolTip(tooltip)
        field = DateField(self.path(key), line, self._label(label, tooltip), QLabel(), nullable)
        self._add(field)
        return field

    def number(
        self,
        key: str,
        label: str,
        tooltip: str = "",
        placeholder: str = "",
        nullable: bool = False,
        hint: QWidget | None = None,
        kind: type[NumberField] | None = None,
    ) -> TextField:
        """A number; ``kind`` reads it another way (a rate's decimal comma)."""
        field = self._line(kind or NumberField, key, label, tooltip, placeholder, nullable, hint)
        field.line.setMaximumWidth(160)
        return field

    def choice(
        self,
        key: str,
        label: str,
        options: Sequence[tuple[Any, str]],
        tooltip: str = "",
        kind: type[ChoiceField] = ChoiceField,
        width: int = 16,
    ) -> ChoiceField:
        """A drop-down of ``options`` (value, text); ``kind`` reads and writes its value,
        ``width`` is its minimum width in characters."""
        combo = QComboBox()
        combo.setToolTip(tooltip)
        # Long choices must not widen the page beyond the window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
        for value, text in options:
            combo.addItem(text, value)
        field = kind(self.path(key), combo, self._label(label, tooltip), QLabel())
        self._add(field)
        return field

    def country(
        self, key: str, label: str, tooltip: str = "", optional: bool = False
    ) -> CountryField:
        """A country, typed (name in English or French, or code) or chosen from the list;
        no country is "" or, ``optional``, null."""
        combo = CountryCombo()
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        field = CountryField(self.path(key), combo, self._label(label, tooltip), QLabel(), optional)
        self._add(field)
        return field

    def check(self, key: str, label: str, tooltip: str = "") -> CheckField:
        """A tick box; its text wraps, so a long question never widens the page."""
        box = QCheckBox()
        box.setToolTip(tooltip)
        text = QLabel(label)
        text.setWordWrap(True)
        text.setToolTip(tooltip)
        text.setBuddy(box)  # the mnemonic in the text moves the focus to the box
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(box)
        row_layout.addWidget(text, 1)
        text.mousePressEvent = lambda _event: box.toggle()  # type: ignore[method-assign]
        field = CheckField(self.path(key), box, QLabel(""), QLabel())
        self._add(field, row_widget=row)
        field.widget.setAccessibleName(label.replace("&", ""))
        return field

    def add_widget(self, widget: QWidget) -> None:
        """A full-width row (explanations, sub-forms)."""
        self.grid.addWidget(widget, self._row, 0, 1, 3)
        self._row += 1

    def bind(self, node: Node) -> None:
        for field in self.fields:
            field.bind(node)

    def show_problems(self, problems: dict[str, Problem], force: bool = False) -> None:
        for field in self.fields:
            field.show_problem(problems.get(field.path), force)

    def on_edit(self, callback: Callable[[], None]) -> None:
        self.edited.connect(callback)
