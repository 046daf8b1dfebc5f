"""Loading rules documents into layers, and finding the entry in force at a date.

Layers are searched newest first: a user-installed rules file is consulted
before the built-in data, but only for the tables and dates it covers. Which
layer supplied each table is recorded, so an override is always visible.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ee_desktop.dated import DataProblems, chronological, in_force_on
from ee_desktop.rules.schema import (
    CATEGORY_PREFIX,
    REQUIRED_TABLES,
    flatten_tables,
    validate_document,
)
from ee_desktop.rules.tables import Entry as Entry  # defined in tables, kept importable here
from ee_desktop.rules.tables import LanguageTable, Tables, language_table, resolve

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN = "built-in"
MAX_CACHED_DATES = 1024


class RulesError(DataProblems):
    """Rules that cannot be used: each item of ``problems`` is one sentence."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A change that is announced but whose values are not in the rules."""

    id: str
    announced_on: date
    title: str
    text: str
    source: str
    effective_from: date | None
    resolved: bool
    layer: str


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    rules_version: str
    verified_on: date
    path: Path | None
    entries: Mapping[str, tuple[Entry, ...]]
    notices: tuple[Notice, ...]


def read_document(path: Path) -> dict[str, Any]:
    """Parse one TOML file; a syntax error becomes a RulesError naming the file."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RulesError([f"{path.name}: not valid TOML ({error})"]) from error
    except UnicodeDecodeError as error:
        raise RulesError(
            [f"{path.name}: not valid TOML (not UTF-8 text at byte {error.start})"]
        ) from error
    except RecursionError as error:
        raise RulesError([f"{path.name}: not valid TOML (values nested too deeply)"]) from error
    except OSError as error:
        raise RulesError([f"{path.name}: cannot be read ({error.strerror})"]) from error


def build_layer(name: str, documents: Sequence[Mapping[str, Any]], path: Path | None) -> Layer:
    """Merge validated documents into one layer (the built-in data spans several files)."""
    meta: Mapping[str, Any] | None = None
    entries: dict[str, list[Entry]] = {}
    notices: list[Notice] = []
    for document in documents:
        if "meta" in document:
            meta = document["meta"]
        for raw in document.get("notices", []):
            notices.append(
                Notice(
                    id=raw["id"],
                    announced_on=raw["announced_on"],
                    title=raw["title"],
                    text=raw["text"],
                    source=raw["source"],
                    effective_from=raw.get("effective_from"),
                    resolved=raw.get("resolved", False),
                    layer=name,
                )
            )
        tables, _ = flatten_tables(document)
        for table_id, rows in tables.items():
            for row in rows:
                entries.setdefault(table_id, []).append(
                    Entry(
                        table=table_id,
                        effective_from=row["effective_from"],
                        effective_to=row.get("effective_to"),
                        source=row["source"],
                        values=row,
                        layer=name,
                    )
                )
    if meta is None:
        raise RulesError([f"{name}: missing table [meta]"])
    return Layer(
        name=name,
        rules_version=meta["rules_version"],
        verified_on=meta["verified_on"],
        path=path,
        notices=tuple(notices),
        entries={k: chronological(v) for k, v in entries.items()},
    )


@dataclass(eq=False)
class RuleSet:
    """The built-in layer plus any rules files, newest layer first when looking up."""

    layers: tuple[Layer, ...]
    _tables: dict[date, Tables] = field(default_factory=dict, repr=False)
    _languages: dict[tuple[str, date], LanguageTable | None] = field(
        default_factory=dict, repr=False
    )
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)  # per-date derived values

    @property
    def rules_version(self) -> str:
        return "+".join(layer.rules_version for layer in self.layers)

    @property
    def verified_on(self) -> date:
        return max(layer.verified_on for layer in self.layers)

    def entry(self, table_id: str, on: date) -> Entry | None:
        for layer in reversed(self.layers):
            found = in_force_on(layer.entries.get(table_id, ()), on)
            if found is not None:
                return found
        return None

    def category_ids(self) -> list[str]:
        ids = {t for layer in self.layers for t in layer.entries if t.startswith(CATEGORY_PREFIX)}
        return sorted(ids)

    def notices(self) -> list[Notice]:
        """Notices by id, a later layer replacing an earlier one; resolved ones dropped."""
        by_id: dict[str, Notice] = {}
        for layer in self.layers:
            for notice in layer.notices:
                by_id[notice.id] = notice
        return sorted((n for n in by_id.values() if not n.resolved), key=lambda n: n.announced_on)

    def at(self, on: date) -> Tables:
        """The tables in force on ``on``, resolved once per date."""
        tables = self._tables.get(on)
        if tables is None:
            missing = [t for t in REQUIRED_TABLES if self.entry(t, on) is None]
            if missing:
                raise RulesError(
                    [f"No rules in force on {on.isoformat()} for: " + ", ".join(missing)]
                )
            tables = resolve(self, on)
            if len(self._tables) >= MAX_CACHED_DATES:
                self._tables.clear()  # a long what-if timeline must not grow memory forever
                self.memo.clear()
            self._tables[on] = tables
        return tables

    def language_table(self, test: str, taken_on: date) -> LanguageTable | None:
        """The equivalence table for a test taken on ``taken_on``, or None if not accepted."""
        key = (test, taken_on)
        if key not in self._languages:
            found = self.entry(f"language.{test}", taken_on)
            self._languages[key] = None if found is None else language_table(found)
        return self._languages[key]


def _builtin_documents() -> list[dict[str, Any]]:
    return [read_document(path) for path in sorted(DATA_DIR.glob("*.toml"))]


@lru_cache(maxsize=1)
def builtin_layer() -> Layer:
    documents = _builtin_documents()
    problems = []
    for path, document in zip(sorted(DATA_DIR.glob("*.toml")), documents, strict=True):
        problems += [
            f"{path.name}: {p}"
            for p in validate_document(document, require_meta=path.name == "meta.toml")
        ]
    if problems:
        raise RulesError(problems)
    return build_layer(BUILTIN, documents, None)


def load_file_layer(path: Path) -> Layer:
    document = read_document(path)
    problems = validate_document(document, require_meta=True)
    if problems:
        raise RulesError([f"{path.name}: {p}" for p in problems])
    return build_layer(path.name, [document], path)


@lru_cache(maxsize=8)
def _load(extra: tuple[tuple[Path, int], ...]) -> RuleSet:
    return RuleSet((builtin_layer(), *(load_file_layer(p) for p, _ in extra)))


def _stamp(path: Path) -> int:
    # A file changed on disk must be read again, so its modification time is part of the key.
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def load_rules(extra_files: Sequence[Path] = ()) -> RuleSet:
    """The built-in rules, with each rules file in ``extra_files`` layered on top in order.

    A later file takes precedence over an earlier one and over the built-in data,
    for the tables and dates its entries cover. Raises RulesError when a file is invalid.
    """
    return _load(tuple((Path(p), _stamp(Path(p))) for p in extra_files))
