"""The one country input of the app: type a country's name or code, or pick it from the list.

A country is found from what is typed in the current language or the other one ("Inde"
and "India" both give IN), whatever the case and the accents ("cote d'ivoire" gives CI),
or from its two-letter code ("in" gives IN). While typing, a list under the field shows
the countries that match; nothing is completed inline. When the field is left (focus out,
Enter, Tab), an exact name or code is taken first, then a name only one country starts
with; text that names no country, or several, is kept as typed, the field holds no
country and :meth:`CountryCombo.problem` says what is wrong. An empty field is no country.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ee_desktop.i18n import LOCALES
from ee_desktop.profile.codes import COUNTRY_CODES
from ee_desktop.wizard.countries import country_choices

MAX_SUGGESTIONS = 30
_LEAVING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CODE_SUFFIX = re.compile(r"\s*\(([A-Za-z]{2})\)\s*$")


def fold(text: str) -> str:
    """``text`` for comparing: lower case, no accents, punctuation as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Each code's folded names in every language of the app."""
    from babel import Locale

    territories = [Locale.parse(tag).territories for tag in LOCALES.values()]
    return {
        code: tuple(dict.fromkeys(fold(str(names.get(code, code))) for names in territories))
        for code in COUNTRY_CODES
    }


def find_country(text: str) -> tuple[str | None, list[str]]:
    """The country ``text`` names, if only one: (code, []); otherwise (None, the codes that
    it could be, none when it names no country). Empty text is ("", [])."""
    typed = text.strip()
    if not typed:
        return "", []
    suffix = _CODE_SUFFIX.search(typed)  # "India (IN)", as the list shows it
    if suffix and suffix.group(1).upper() in COUNTRY_CODES:
        return suffix.group(1).upper(), []
    if typed.upper() in COUNTRY_CODES:
        return typed.upper(), []
    wanted = fold(typed)
    if not wanted:
        return None, []
    names = _names()
    exact = [code for code, folded in names.items() if wanted in folded]
    if len(exact) == 1:
        return exact[0], []
    starting = [code for code, folded in names.items() if any(n.startswith(wanted) for n in folded)]
    if len(starting) == 1:
        return starting[0], []
    return None, exact or starting


def matching_codes(text: str) -> list[str]:
    """The codes whose name (in either language) or code matches ``text``: those whose
    name starts with it first, then those whose name contains it, by name."""
    wanted = fold(text)
    if not wanted:
        return []
    order = {code: rank for rank, (code, _text) in enumerate(country_choices())}
    coded = [wanted.upper()] if wanted.upper() in COUNTRY_CODES else []
    first: list[str] = []
    then: list[str] = []
    for code, folded in _names().items():
        if code in coded:
            continue
        if any(name.startswith(wanted) for name in folded):
            first.append(code)
        elif any(wanted in name for name in folded):
            then.append(code)
    return coded + sorted(first, key=order.__getitem__) + sorted(then, key=order.__getitem__)


class CountryCombo(QComboBox):
    """An editable drop-down of every country; its data is the code, none when empty.

    ``problem()`` is the sentence to show when the text typed names no single country
    (empty otherwise); ``problemChanged`` says when it changes.
    """

    problemChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)  # type: ignore[arg-type]  # Qt's inline completion garbles
        for code, text in country_choices():
            self.addItem(text, code)
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose a country…"))
        self._problem = ""
        self._suggestions = QStringListModel(self)
        self.suggester = QCompleter(self._suggestions, self)
        self.suggester.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggester.setWidget(self)
        self.suggester.activated[str].connect(self._suggestion_chosen)  # type: ignore[index]
        popup = self.suggester.popup()
        if popup is not None:
            popup.installEventFilter(self)  # before the completer's own filter
        line.textEdited.connect(self._typed)
        line.editingFinished.connect(self.commit)
        self.currentIndexChanged.connect(self._index_changed)

    def problem(self) -> str:
        return self._problem

    def code(self) -> str | None:
        """The chosen country's code; None when there is none."""
        value = self.currentData()
        return value if isinstance(value, str) and value else None

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(self.findData(code) if code else -1)
        self._set_problem("")

    def _typed(self, text: str) -> None:
        codes = matching_codes(text)[:MAX_SUGGESTIONS]
        self._suggestions.setStringList([self.itemText(self.findData(code)) for code in codes])
        popup = self.suggester.popup()
        if codes:
            self.suggester.complete()
        elif popup is not None:
            popup.hide()

    def _suggestion_chosen(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
            self._set_problem("")

    def commit(self) -> None:
        """Take the country the text names, or keep the text and say why it is none."""
        if self._highlighted():
            return  # the list under the field is choosing
        text = self.currentText()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            self._set_problem("")
            return
        code, candidates = find_country(text)
        if code == "":
            self.setCurrentIndex(-1)
            self.setEditText("")
            self._set_problem("")
        elif code is not None and self.findData(code) >= 0:
            index = self.findData(code)
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
            self._set_problem("")
        else:
            self.setCurrentIndex(-1)  # never a country other than the one typed
            self.setEditText(text)
            typed = text.strip()
            if candidates:
                message = self.tr("“%1” could be several countries: choose one from the list")
            else:
                message = self.tr("“%1” is not a country: type its name or choose it from the list")
            self._set_problem(message.replace("%1", typed))

    def _highlighted(self) -> bool:
        """Whether a suggestion is shown and highlighted (Enter would choose it)."""
        popup = self.suggester.popup()
        if popup is None or not popup.isVisible():
            return False
        selection = popup.selectionModel()
        current = popup.currentIndex()
        return current.isValid() and selection is not None and selection.isSelected(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter or Tab while the suggestions show and none is highlighted: take what is
        typed (Qt would only close the list)."""
        popup = self.suggester.popup()
        if (
            watched is popup
            and popup is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _LEAVING_KEYS
            and not self._highlighted()
        ):
            popup.hide()
            self.commit()
        return super().eventFilter(watched, event)

    def _index_changed(self, index: int) -> None:
        if index >= 0:
            self._set_problem("")

    def _set_problem(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            self.problemChanged.emit(message)
