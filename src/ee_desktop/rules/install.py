"""Installing, listing and removing user rules files in a directory chosen by the caller.

An installed file never replaces the built-in data: it is a separate layer,
listed with its version and verification date, and removing it restores the
built-in rules. Precedence among installed files is by ``verified_on``, then
by file name, so the most recently verified rules win.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ee_desktop.i18n import _
from ee_desktop.rules.loader import RulesError, read_document
from ee_desktop.rules.schema import validate_document

SUFFIX = ".toml"


@dataclass(frozen=True, slots=True)
class InstalledRules:
    name: str
    path: Path
    rules_version: str | None
    verified_on: date | None
    title: str | None
    problems: tuple[str, ...]  # empty when the file can be used

    @property
    def valid(self) -> bool:
        return not self.problems


def validate_rules_file(path: Path) -> list[str]:
    """Every problem that stops ``path`` from being used as a rules file (empty: usable)."""
    path = Path(path)
    if path.suffix != SUFFIX:
        return [_("{name}: expected a {suffix} file").format(name=path.name, suffix=SUFFIX)]
    try:
        document = read_document(path)
    except RulesError as error:
        return list(error.problems)
    return [f"{path.name}: {p}" for p in validate_document(document, require_meta=True)]


def _check_name(name: str) -> None:
    if not name.endswith(SUFFIX) or Path(name).name != name or name.startswith("."):
        raise RulesError(
            [
                _("{name}: expected a plain file name ending in {suffix}").format(
                    name=name, suffix=SUFFIX
                )
            ]
        )


def install_rules_file(source: Path, rules_dir: Path, *, replace: bool = False) -> Path:
    """Copy a validated rules file into ``rules_dir``; raises RulesError listing problems."""
    source = Path(source)
    problems = validate_rules_file(source)
    if problems:
        raise RulesError(problems)
    _check_name(source.name)
    rules_dir = Path(rules_dir)
    rules_dir.mkdir(parents=True, exist_ok=True)
    target = rules_dir / source.name
    if target.exists() and not replace:
        raise RulesError(
            [
                _(
                    "{name}: a rules file with this name is already installed; remove it first"
                ).format(name=source.name)
            ]
        )
    # Copy then rename, so a half-written file is never picked up.
    handle, temporary = tempfile.mkstemp(dir=rules_dir, suffix=".part")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def installed_rules_files(rules_dir: Path) -> list[InstalledRules]:
    """Installed files in precedence order, lowest first (pass the valid ones to load_rules)."""
    rules_dir = Path(rules_dir)
    if not rules_dir.is_dir():
        return []
    found = []
    for path in sorted(rules_dir.glob(f"*{SUFFIX}")):
        problems = tuple(validate_rules_file(path))
        version = verified = title = None
        if not problems:
            meta = read_document(path)["meta"]
            version, verified, title = meta["rules_version"], meta["verified_on"], meta.get("title")
        found.append(InstalledRules(path.name, path, version, verified, title, problems))
    return sorted(found, key=lambda f: (f.verified_on or date.min, f.name))


def remove_rules_file(name: str, rules_dir: Path) -> None:
    """Delete an installed rules file by name; the built-in rules apply again."""
    _check_name(name)
    target = Path(rules_dir) / name
    if not target.is_file():
        raise RulesError([_("{name}: no such installed rules file").format(name=name)])
    target.unlink()
