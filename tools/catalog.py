#!/usr/bin/env python3
"""Keep the translation catalogues in step with the code and data.

    python tools/catalog.py update   extract every message, merge it into each language's
                                     .po (translations kept, new messages empty, gone ones
                                     dropped) and compile the .mo files
    python tools/catalog.py check    list what is missing or wrong; exit 1 if anything is

Messages come from three places, all into the one ``ee_desktop`` domain:
- Python code: the core's ``_``, ``N_``, ``N_plural``, ``ngettext``, ``pgettext``,
  ``npgettext``, and Qt's ``tr``, ``translate`` and ``QT_TRANSLATE_NOOP`` (the Qt
  translator reads the same catalogue; Qt's context is ignored, its disambiguation
  becomes the gettext context);
- the shipped data files: the fields listed in DATA_FIELDS;
- argparse, whose help and error words the command line shows.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ee_desktop"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "ee_desktop"
LANGUAGES = ("fr",)

# Data file -> the keys whose string values (or lists of strings) are messages. A key that
# holds a table ("notes") makes every string in it a message.
DATA_FIELDS: dict[str, frozenset[str]] = {
    "checklist/data/documents.toml": frozenset(
        {"title", "reason", "validity", "contents", "notes"}
    ),
    "deadlines/data/limits.toml": frozenset({"note"}),
    "pnp/data/streams.toml": frozenset({"program", "name", "summary", "note", "text", "source"}),
    "rules/data/categories.toml": frozenset({"name", "requirement"}),
    "rules/data/meta.toml": frozenset({"title", "text"}),
    "strategy/data/moves.toml": frozenset({"note", "stream"}),
    "strategy/data/rounds.toml": frozenset({"name"}),
}

# Calls that mark messages: name -> (position of the context or None, of the message, of the
# plural or None). "qt_plural" marks Qt's single-string plurals (the count is the 3rd or
# 4th argument): their plural form is the message itself.
GETTEXT_CALLS = {
    "_": (None, 0, None),
    "N_": (None, 0, None),
    "N_plural": (None, 0, 1),
    "gettext": (None, 0, None),
    "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None),
    "npgettext": (0, 1, 2),
}
QT_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}

# Placeholders a translation must keep: str.format fields, Qt's %1 and %n, printf styles.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%n|%\(\w+\)[a-z]|%[sdr]")
MNEMONIC = re.compile(r"&(?!&)\w")


@dataclass
class Message:
    text: str
    context: str | None = None
    plural: str | None = None
    places: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str | None]:
        return self.text, self.context


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _arg(call: ast.Call, index: int | None) -> str | None:
    if index is None or index >= len(call.args):
        return None
    return _literal(call.args[index])


def python_messages(source: str, place: str) -> Iterator[Message]:
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in GETTEXT_CALLS:
            context_at, text_at, plural_at = GETTEXT_CALLS[name]
            text = _arg(node, text_at)
            if text is not None:
                yield Message(text, _arg(node, context_at), _arg(node, plural_at), [place])
        elif name in QT_CALLS:
            text_at = QT_CALLS[name]
            text = _arg(node, text_at)
            if text is None or (name == "translate" and _arg(node, 0) is None):
                continue  # str.translate(table), or a text only known when running
            disambiguation = _arg(node, text_at + 1) or None
            counted = len(node.args) > text_at + 2 or any(k.arg == "n" for k in node.keywords)
            yield Message(text, disambiguation, text if counted else None, [place])


def data_messages(path: Path, keys: frozenset[str], place: str) -> Iterator[Message]:
    def walk(value: object, marked: bool) -> Iterator[str]:
        if isinstance(value, str) and marked:
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, marked)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, marked or key in keys)

    with path.open("rb") as stream:
        for text in walk(tomllib.load(stream), False):
            yield Message(text, places=[place])


def extract() -> list[Message]:
    """Every message, in order of first appearance, duplicates merged."""
    found: dict[tuple[str, str | None], Message] = {}

    def add(messages: Iterator[Message]) -> None:
        for message in messages:
            if not message.text.strip():
                continue
            known = found.get(message.key)
            if known is None:
                found[message.key] = message
                continue
            known.plural = known.plural or message.plural
            known.places += [p for p in message.places if p not in known.places]

    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        place = path.relative_to(ROOT).as_posix()
        add(python_messages(path.read_text(encoding="utf-8"), place))
    for relative, keys in DATA_FIELDS.items():
        path = PACKAGE / relative
        add(data_messages(path, keys, path.relative_to(ROOT).as_posix()))
    add(python_messages(Path(argparse.__file__).read_text(encoding="utf-8"), "argparse"))
    return list(found.values())


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN)
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def merged(language: str, messages: list[Message]) -> Catalog:
    """A catalogue of ``messages`` carrying over the translations ``language`` has."""
    old = read_catalog(language)
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="ee-desktop",
        copyright_holder="ee-desktop",
        charset="utf-8",
        fuzzy=False,
    )
    for message in messages:
        msgid: str | tuple[str, str] = (
            (message.text, message.plural) if message.plural else message.text
        )
        previous = old.get(message.text, context=message.context)
        string: str | tuple[str, ...] = ""
        if previous is not None and previous.string:
            string = previous.string
            if message.plural and isinstance(string, str):
                string = (string,) * catalog.num_plurals
            elif not message.plural and isinstance(string, tuple):
                string = string[0]
        elif message.plural:
            string = ("",) * catalog.num_plurals
        catalog.add(
            msgid,
            string,
            locations=[(place, None) for place in message.places],
            context=message.context,
        )
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, omit_header=False, sort_output=False)
    # The header's creation date would change on every run; the file's history has it.
    return re.sub(rb'"POT-Creation-Date: [^"]*"\n', b"", buffer.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    # Babel stamps the header with the compile time when the .po has none: a fixed stamp
    # makes every compile of the same .po the same bytes, so the check can compare them.
    catalog.creation_date = datetime(2026, 1, 1, tzinfo=UTC)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> None:
    messages = extract()
    for language in LANGUAGES:
        catalog = merged(language, messages)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_po_bytes(catalog))
        with path.open("rb") as stream:  # compile what was written, as a translator would
            path.with_suffix(".mo").write_bytes(mo_bytes(read_po(stream, locale=language)))
        missing = sum(1 for m in catalog if m.id and not _translated(m.string))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {missing} untranslated")


def _translated(string: str | tuple[str, ...]) -> bool:
    forms = string if isinstance(string, tuple) else (string,)
    return all(forms)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(language: str) -> list[str]:
    """What keeps ``language`` from being complete and correct; empty when it is."""
    catalog = read_catalog(language)
    found: list[str] = []
    expected = {m.key: m for m in extract()}
    present = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}
    for key in expected.keys() - present:
        found.append(f"not in the catalogue: {key[0]!r}")
    for key in present - expected.keys():
        found.append(f"no longer used: {key[0]!r}")
    for message in catalog:
        if not message.id:
            continue
        text = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            found.append(f"fuzzy: {text!r}")
        if not _translated(message.string):
            found.append(f"untranslated: {text!r}")
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(text)
        for form in forms:
            got = placeholders(form)
            # A singular form may write the count out ("une fois") instead of %n or {n}.
            if got != wanted and [p for p in wanted if p not in ("%n", "{n}")] != got:
                found.append(f"placeholders {wanted} became {got}: {text!r}")
            if bool(MNEMONIC.search(text)) != bool(MNEMONIC.search(form)):
                found.append(f"keyboard shortcut (&) lost or added: {text!r}")
    path = po_path(language)
    compiled = path.with_suffix(".mo")
    if not compiled.exists() or compiled.read_bytes() != mo_bytes(catalog):
        found.append(f"{compiled.relative_to(ROOT)} is not compiled from the .po: run update")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "check"])
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        return 0
    failures = [f"{code}: {problem}" for code in LANGUAGES for problem in problems(code)]
    print("\n".join(failures) or "All catalogues complete.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
