"""Answers written the way the online profile wants them typed."""

from __future__ import annotations

from datetime import date

from ee_desktop.i18n import _, country_name, format_number
from ee_desktop.profile.codes import SCORE_SCALES

NOT_ENTERED = "\u2014"  # an em dash: visibly empty, unlike a blank that may be missed


def day(value: date | None) -> str:
    """ISO dates (year-month-day): the order the online form's date fields use, whatever the
    language. For answers and table cells; a sentence writes its dates with i18n.format_date."""
    return NOT_ENTERED if value is None else value.isoformat()


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def country(code: str) -> str:
    """ "India (IN)": the name to pick from the form's list, and the code to be sure."""
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def cad(amount: float | None) -> str:
    """Whole Canadian dollars, "CAD 13,757": the message writes the currency (its French
    translation "13 757 $ CA"), the locale the number."""
    if amount is None:
        return NOT_ENTERED
    return _("CAD {amount}").format(amount=format_number(round(amount)))


def score(test: str, ability: str, value: float) -> str:
    """A score as printed on the results: IELTS bands keep their ".0"."""
    scale = SCORE_SCALES.get(test, {}).get(ability)
    if scale is not None and scale.step < 1:
        return f"{value:.1f}"
    return f"{value:g}"


def signed(points: int | None) -> str:
    if points is None:
        return ""
    return f"+{points}" if points > 0 else str(points).replace("-", "\u2212")
