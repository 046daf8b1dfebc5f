"""Personal-file actions shared by the GUI, the command line and the tests."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from ee_desktop.paths import rules_dir
from ee_desktop.profile import Profile, decode, dumps
from ee_desktop.profile.codec import load_document
from ee_desktop.profile.draft import (
    PAGES,
    WHAT_IF,
    DraftCheck,
    check,
    draft_from,
    new_draft,
    payload,
)
from ee_desktop.profile.overview import Section, overview
from ee_desktop.rules import (
    Evaluation,
    InstalledRules,
    RuleSet,
    evaluate,
    install_rules_file,
    installed_rules_files,
    load_rules,
    remove_rules_file,
)
from ee_desktop.store import FileSummary, Store
from ee_desktop.store.repository import Draft


def installed_rules_paths(data_dir: Path) -> list[Path]:
    """The usable rules files the user installed, in the order they apply."""
    return [r.path for r in installed_rules_files(rules_dir(data_dir)) if not r.problems]


class RulesService:
    """The rules in use (built-in plus installed files), shared by every view."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = rules_dir(data_dir)
        self._data_dir = data_dir
        self._rules: RuleSet | None = None

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            self._rules = load_rules(installed_rules_paths(self._data_dir))
        return self._rules

    def installed(self) -> list[InstalledRules]:
        return installed_rules_files(self.folder)

    def install(self, source: Path, replace: bool = False) -> Path:
        """Validate and install a rules file; raises RulesError listing every problem."""
        target = install_rules_file(source, self.folder, replace=replace)
        self._rules = None
        return target

    def remove(self, name: str) -> None:
        remove_rules_file(name, self.folder)
        self._rules = None


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 text; see ``write_bytes_atomically``."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write through a private temporary file, flushed to disk before it replaces ``path``:
    an interruption never leaves half a file, and others cannot read it."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temporary = Path(name)  # mkstemp creates it 0600, with a name no other writer uses
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    if os.name == "posix":  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


class PersonalFileService:
    """Import, export and read the active personal file.

    Every input is validated in full before the database is touched, so a
    bad file changes nothing.
    """

    def __init__(self, store: Store, rules: RulesService | None = None) -> None:
        self.store = store
        self.rules = rules or RulesService(store.path.parent)

    def current(self) -> Profile | None:
        return self.store.load()

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
        profile, file_id = self.store.load(), self.store.active_id()
        if profile is None or file_id is None:
            raise LookupError("no personal file")
        write_text_atomically(path, dumps(profile, self.store.milestone_records(file_id)))
        return profile

    @staticmethod
    def save_example(path: Path) -> None:
        """Write the example personal file (a married applicant with one child) to ``path``."""
        example = resources.files("ee_desktop.resources").joinpath("example-profile.json")
        write_text_atomically(path, example.read_text(encoding="utf-8"))

    def evaluation(self, as_of: date) -> Evaluation | None:
        """The active file's score, programs and warnings on ``as_of``."""
        profile = self.store.load()
        return None if profile is None else evaluate(profile, as_of, self.rules.rules)

    def overview(self) -> list[Section] | None:
        profile = self.store.load()
        return None if profile is None else overview(profile)


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

    def __init__(self, store: Store, rules: RulesService) -> None:
        self.store = store
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
        profile = self.store.load()
        if profile is None:
            return self.start_new()
        self.file_id = self.store.active_id()
        content = draft_from(profile)
        self.store.save_draft(content, PAGES[0], self.file_id)
        return content

    def start_what_if(self, profile: Profile, as_of: date, savable: bool) -> dict[str, Any]:
        """A draft of the active file holding ``profile``, evaluated on ``as_of``. A plan's
        copy holds results the user does not have yet, so it is not ``savable``."""
        self.file_id = self.store.active_id()
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
