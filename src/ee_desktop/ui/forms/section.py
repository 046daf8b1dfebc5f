"""What describes one section of the forms: its key in the file, its words, the inputs of an
entry and the line that sums an entry up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ee_desktop.i18n import _, country_name
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.inputs import SectionForm


class Columns(Protocol):
    """An entry's card as a section fills it: two forms side by side."""

    form: SectionForm
    side: SectionForm


@dataclass(frozen=True)
class Section:
    """The texts are marked with ``N_`` and translated when shown; ``intro`` may name the
    window's first day as ``{start}``."""

    key: str  # the list's key in the person's object
    title: str
    intro: str
    entry: str  # an entry's name, "{n}" its number: "Period {n}"
    add: str
    remove: str
    empty: str
    new_item: Callable[[], Node]
    fill: Callable[[Columns], None]  # adds the entry's inputs to the card's two forms
    summary: Callable[[Node], str]
    side_key: str | None = None  # the right-hand form edits this object of the entry


def text(node: Node, key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


def period(node: Node) -> str:
    """ "2019-05 – now": the entry's from and to as typed."""
    start, end = text(node, "from"), text(node, "to")
    if not start and not end:
        return ""
    return f"{start or '…'} – {end or _('now')}"


def country(node: Node, key: str = "country") -> str:
    code = text(node, key)
    return country_name(code) if code else ""


def joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part)
