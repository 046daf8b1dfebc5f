"""Country names for the ISO codes the format uses, in the user's language (from Qt)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale

from ee_desktop.profile.codes import COUNTRY_CODES


def country_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


@lru_cache(maxsize=1)
def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, "Name (code)") for every country, sorted by name."""
    named = [(code, f"{country_name(code)} ({code})") for code in COUNTRY_CODES]
    return tuple(sorted(named, key=lambda pair: pair[1].casefold()))
