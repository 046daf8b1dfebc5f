"""One translation mechanism for the code outside Qt: GNU gettext, plus locale formats.

Core modules mark user-visible text with ``_()`` (translated when used) or ``N_()``
(marked now, translated later, for tables of constants); ``pgettext`` when the same
English word needs two translations. The Qt layer keeps Qt's ``self.tr()``: its
translator (``ui/translator.py``) reads the same catalogue, so there is one file per
language, ``locale/<lang>/LC_MESSAGES/ee_desktop.po``, compiled to ``.mo`` beside it.

Dates, numbers, money and country names follow the language's Canadian locale
(en_CA, fr_CA) through Babel's copy of the Unicode CLDR.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

DOMAIN = "ee_desktop"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
# Each language the app speaks, named in that language (menus list them so), and the
# locale whose formats it uses: the app is for Canada.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
LOCALES = {"en": "en_CA", "fr": "fr_CA"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def supported_language(tag: str | None) -> str | None:
    """The app's language for a locale tag ("fr_CA.UTF-8", "fr-CA", "French_Canada"), if any."""
    if not tag:
        return None
    head = tag.replace("-", "_").split("_")[0].split(".")[0].casefold()
    aliases = {"english": "en", "french": "fr", "c": "en", "posix": "en"}
    head = aliases.get(head, head)
    return head if head in LANGUAGE_NAMES else None


def system_language(environ: Mapping[str, str] = os.environ, preferred: Iterable[str] = ()) -> str:
    """The first supported language the system asks for; English when none is.

    ``preferred`` comes first: the GUI passes the desktop's UI languages, which on
    Windows and macOS are not in the environment.
    """
    candidates = list(preferred)
    # gettext's own order: LANGUAGE may list several, then the locale variables.
    candidates += environ.get("LANGUAGE", "").split(":")
    candidates += [environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    candidates.append(locale.getlocale()[0] or "")
    for candidate in candidates:
        language = supported_language(candidate)
        if language:
            return language
    return DEFAULT_LANGUAGE


def install(language: str | None) -> str:
    """Use ``language`` ("en", "fr"; anything else means English); returns the one in use."""
    global _translation, _language
    wanted = supported_language(language) or DEFAULT_LANGUAGE
    try:
        _translation = (
            gettext.NullTranslations()
            if wanted == DEFAULT_LANGUAGE
            else gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[wanted])
        )
    except OSError:
        # A broken install must still start; the self-test reports the missing catalogue.
        wanted, _translation = DEFAULT_LANGUAGE, gettext.NullTranslations()
    _language = wanted
    return _language


def current_language() -> str:
    return _language


def current_locale() -> str:
    return LOCALES[_language]


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _translation.npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for extraction; ``ngettext`` chooses when used."""
    return singular, plural


# -- formats -------------------------------------------------------------------------------
# Babel is imported on first use: the command line's quick paths never format anything.


def format_date(day: date, style: str = "long") -> str:
    """``day`` for a sentence ("November 24, 2026", "24 novembre 2026"); style "short"
    gives the numeric form for tables, which is ISO (2026-11-24) in both Canadian locales."""
    return _format_date(day, style, _language)


@lru_cache(maxsize=4096)  # the plan and the deadlines write the same few days many times
def _format_date(day: date, style: str, language: str) -> str:
    from babel.dates import format_date as babel_format_date

    text = babel_format_date(day, style, locale=LOCALES[language])
    if language == "fr" and day.day == 1 and style in ("long", "medium", "full"):
        # French writes the first of the month as an ordinal, "1er octobre"; CLDR does not.
        text = text.replace("1 ", "1er ", 1)
    return text


def format_number(value: float | int | Decimal) -> str:
    """``value`` with the locale's grouping and decimal mark ("1,234.5", "1 234,5")."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_locale())


def decimal_mark() -> str:
    """ "." or ",": how the language writes a decimal number typed in a field."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(current_locale())


def format_money(amount: float | int | Decimal, whole: bool = True, currency: str = "CAD") -> str:
    """Canadian dollars: "$13,757" / "13 757 $"; cents only when ``whole`` is false.
    ``currency``: another ISO 4217 code ("₹400,000", "INR 400,000" as the locale writes it)."""
    from babel.numbers import format_currency

    pattern = None
    if whole:
        from babel import Locale

        pattern = Locale.parse(current_locale()).currency_formats["standard"].pattern
        pattern = pattern.replace(".00", "")
    return format_currency(
        amount, currency, format=pattern, locale=current_locale(), currency_digits=not whole
    )


def country_name(code: str) -> str:
    """The country's name for an ISO 3166-1 alpha-2 code, in the current language; the code
    itself when the CLDR has no name for it."""
    from babel import Locale

    return str(Locale.parse(current_locale()).territories.get(code.upper(), code))
