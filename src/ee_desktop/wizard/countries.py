"""The country list of the form's country fields, in the user's language."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ee_desktop.i18n import country_name, current_language
from ee_desktop.profile.codes import COUNTRY_CODES


def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, "Name (code)") for every country, sorted by name."""
    return _country_choices(current_language())


@lru_cache(maxsize=2)
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    named = [(code, f"{country_name(code)} ({code})") for code in COUNTRY_CODES]
    return tuple(sorted(named, key=lambda pair: _sort_key(pair[1])))


def _sort_key(name: str) -> str:
    # Accents do not move a name: "Égypte" sorts with the E's, as a reader expects.
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
