"""The editor's one door: drafts saved at every step, live assessment, saving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ee_desktop.profile import Profile, decode
from ee_desktop.profile.draft import (
    PAGES,
    WHAT_IF,
    DraftCheck,
    check,
    draft_from,
    new_draft,
    payload,
)
from ee_desktop.rules import Evaluation, RuleSet, evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.rules import RulesService

if TYPE_CHECKING:
    from ee_desktop.store.repository import Draft


@dataclass(frozen=True)
class Assessment:
    """A draft's problems and, when the file can already be scored, its evaluation."""

    check: DraftCheck
    evaluation: Evaluation | None


class WizardService:
    """The wizard's one door: drafts (saved at every step), live assessment, saving.

    Rules are loaded once; an assessment is a pure function of the draft and
    the date, so the score panel can follow every keystroke.
    """

    def __init__(self, active: ActiveFile, rules: RulesService) -> None:
        self.active = active
        self.store = active.store
        self.file_id: int | None = None  # the file being edited; None for a new one
        self._rules = rules

    @property
    def rules(self) -> RuleSet:
        return self._rules.rules

    # -- drafts ------------------------------------------------------------------
    def resume(self) -> Draft | None:
        draft = self.store.draft()
        if draft is not None:
            self.file_id = draft.file_id
        return draft

    def start_new(self) -> dict[str, Any]:
        self.file_id = None
        content = new_draft()
        self.store.save_draft(content, PAGES[0], None)
        return content

    def start_edit(self) -> dict[str, Any]:
        """A draft prefilled from the active personal file."""
        profile = self.active.profile_or_none()
        if profile is None:
            return self.start_new()
        self.file_id = self.active.id_or_none()
        content = draft_from(profile)
        self.store.save_draft(content, PAGES[0], self.file_id)
        return content

    def start_what_if(self, profile: Profile, as_of: date, savable: bool) -> dict[str, Any]:
        """A draft of the active file holding ``profile``, evaluated on ``as_of``. A plan's
        copy holds results the user does not have yet, so it is not ``savable``."""
        self.file_id = self.active.id_or_none()
        content = draft_from(profile)
        content[WHAT_IF] = {"as_of": as_of.isoformat(), "savable": savable}
        self.store.save_draft(content, PAGES[0], self.file_id)
        return content

    def keep(self, content: dict[str, Any], page: str) -> None:
        self.store.save_draft(content, page, self.file_id)

    def discard(self) -> None:
        self.store.discard_draft()
        self.file_id = None

    def finish(self, content: dict[str, Any], today: date) -> int:
        """Save the draft as the personal file (replacing the one edited); raises ProfileError."""
        profile = decode(payload(content), today=today)
        if self.file_id is None:
            file_id = self.store.add(profile, finish_draft=True)
        else:
            file_id = self.store.save(profile, self.file_id, finish_draft=True)
            self.store.set_active(file_id)
        self.file_id = None
        return file_id

    # -- live assessment -------------------------------------------------------------
    def assess(self, content: dict[str, Any], as_of: date) -> Assessment:
        result = check(content, as_of)
        if result.scorable is None:
            return Assessment(result, None)
        return Assessment(result, evaluate(result.scorable, as_of, self.rules))

    def language_level(
        self, test: str, taken_on: str, ability: str, score: Any, as_of: date
    ) -> int | None:
        """The CLB/NCLC level of one score, as the user types it (None when not yet a score)."""
        if not isinstance(score, int | float) or isinstance(score, bool):
            return None
        try:
            when = date.fromisoformat(taken_on)
        except (TypeError, ValueError):
            when = as_of
        table = self.rules.language_table(test, when)
        if table is None:
            return None
        try:
            return table.clb(ability, score)
        except (KeyError, ValueError):
            return None
