"""Personal files: import, export, switch, and read the active one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.files import write_text_atomically
from ee_desktop.profile import Profile, dumps
from ee_desktop.profile.codec import load_document
from ee_desktop.profile.overview import Section, overview
from ee_desktop.rules import Evaluation, evaluate
from ee_desktop.services.active import ActiveFile
from ee_desktop.services.rules import RulesService

if TYPE_CHECKING:
    from ee_desktop.store import FileSummary


class PersonalFileService:
    """Import, export and read the active personal file.

    Every input is validated in full before the database is touched, so a
    bad file changes nothing.
    """

    def __init__(
        self, active: ActiveFile, rules: RulesService, today: Callable[[], date] = date.today
    ) -> None:
        self.active = active
        self.store = active.store
        self.rules = rules
        self.today = today

    def current(self) -> Profile | None:
        return self.active.profile_or_none()

    def files(self) -> list[FileSummary]:
        return self.store.files()

    def switch_to(self, file_id: int) -> None:
        self.store.set_active(file_id)

    def import_file(self, path: Path, *, today: date, as_new: bool = False) -> int:
        """Validate ``path`` and store it; raises ProfileError listing every problem."""
        profile, milestones = load_document(path, today=today)
        if as_new:
            return self.store.add(profile, milestones=milestones or ())
        # A file without an application section keeps the milestones already recorded.
        return self.store.save(profile, milestones=milestones)

    def export_file(self, path: Path) -> Profile:
        profile, file_id = self.active.profile(), self.active.id()
        write_text_atomically(path, dumps(profile, self.store.milestone_records(file_id)))
        return profile

    @staticmethod
    def save_example(path: Path) -> None:
        """Write the example personal file (a married applicant with one child) to ``path``."""
        example = resources.files("ee_desktop.resources").joinpath("example-profile.json")
        write_text_atomically(path, example.read_text(encoding="utf-8"))

    def evaluation(self, as_of: date, profile: Profile | None = None) -> Evaluation | None:
        """The score, programs and warnings on ``as_of`` of ``profile``, by default the
        active file (pass it when it is already loaded: loading decrypts it)."""
        profile = profile or self.active.profile_or_none()
        return None if profile is None else evaluate(profile, as_of, self.rules.rules)

    def overview(self, profile: Profile | None = None) -> list[Section]:
        """The Overview's rows: the file's sections, then the application forms today."""
        from ee_desktop.history.overview import forms_section

        profile = profile or self.active.profile_or_none()
        if profile is None:
            return []
        today = self.today()
        evaluation = evaluate(profile, today, self.rules.rules)
        sections = overview(
            profile,
            evaluation.required_funds,
            evaluation.funds_exempt_reason is not None,
            today,
        )
        return [*sections, forms_section(profile, today)]
