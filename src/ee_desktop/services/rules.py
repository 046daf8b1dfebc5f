"""The rules in use: the built-in tables plus the rules files the user installed."""

from __future__ import annotations

from pathlib import Path

from ee_desktop.paths import rules_dir
from ee_desktop.rules import (
    InstalledRules,
    RuleSet,
    install_rules_file,
    installed_rules_files,
    load_rules,
    remove_rules_file,
)


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
