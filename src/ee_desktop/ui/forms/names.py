"""Other names: a name at birth, a maiden name, another spelling, an alias."""

from __future__ import annotations

from ee_desktop.i18n import N_, _
from ee_desktop.ui.forms.document import Node
from ee_desktop.ui.forms.section import Columns, Section, text


def _fill(card: Columns) -> None:
    card.form.text("family_name", _("&Family name:"))
    card.side.text(
        "given_names", _("&Given names:"), _("Leave empty if this name has none."), nullable=True
    )


def _summary(node: Node) -> str:
    return f"{text(node, 'given_names')} {text(node, 'family_name')}".strip()


OTHER_NAMES = Section(
    key="other_names",
    title=N_("Other names"),
    intro=N_(
        "IMM 5669 and the application ask every other name you have used: a name at birth "
        "that changed, a maiden name, another spelling of your name, an alias or a nickname."
    ),
    entry=N_("Name {n}"),
    add=N_("Add a &name"),
    remove=N_("Remove this name"),
    empty=N_("No other names. Leave this empty if you never used another name."),
    new_item=lambda: {"family_name": ""},
    fill=_fill,
    summary=_summary,
)
