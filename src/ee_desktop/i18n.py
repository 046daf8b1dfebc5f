"""One translation mechanism for the code outside Qt: GNU gettext.

Core modules mark user-visible text with ``_()`` (translated when used) or
``N_()`` (marked now, translated later, for tables of constants). The Qt
layer uses ``self.tr()``; both read the language chosen by ``install``.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "ee_desktop"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(language: str | None) -> None:
    """Use the catalogue for ``language`` (e.g. ``"fr"``); English when absent."""
    global _translation
    if not language or language.startswith("en"):
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message
