"""Upload packages for the command line and the Documents tab: the checklist items that have
attached files, one PDF each (ee_desktop.package), written into a folder with a manifest.

An item the personal file no longer needs is left out; the profile and application items
of one document share their files, so that document is packaged once (under its
application item when both stages are asked).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from ee_desktop.checklist import ChecklistEntry
from ee_desktop.checklist.entry import Attachment
from ee_desktop.package import (
    DEFAULT_MAX_MB,
    MANIFEST,
    Source,
    build_item,
    file_name,
    not_encrypted_sentence,
    prepare_folder,
    write_private,
)
from ee_desktop.package.build import MB
from ee_desktop.store.vault import VaultError


class Checklist(Protocol):
    """What a package needs of the checklist service (services.checklist)."""

    def entries(self, as_of: date, stage: str | None = None) -> list[ChecklistEntry]: ...

    def read_attachment(self, attachment: Attachment) -> bytes: ...


# Told before each item: (items done, items in all, title of the next); False cancels.
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True, slots=True)
class PackagedItem:
    key: str
    title: str
    file: str | None
    pages: int
    bytes: int
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackageReport:
    folder: Path
    stage: str | None
    max_mb: float
    items: tuple[PackagedItem, ...]
    cancelled: bool = False

    @property
    def not_encrypted(self) -> str:
        return not_encrypted_sentence(self.folder)

    def manifest(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "max_mb": self.max_mb,
            "files": [
                {
                    "key": item.key,
                    "title": item.title,
                    "file": item.file,
                    "pages": item.pages,
                    "bytes": item.bytes,
                    "problems": list(item.problems),
                }
                for item in self.items
            ],
            "not_encrypted": self.not_encrypted,
        }


def items_to_package(entries: Sequence[ChecklistEntry]) -> list[ChecklistEntry]:
    """The needed items with attached files, one per shared record, in checklist order."""
    chosen: dict[str, ChecklistEntry] = {}
    for entry in entries:
        if not entry.needed or not entry.attachments:
            continue
        kept = chosen.get(entry.record)
        if kept is None or (kept.stage == "profile" and entry.stage == "application"):
            chosen[entry.record] = entry  # a dict keeps the first one's place
    return list(chosen.values())


def prepare_package(
    checklist: Checklist,
    as_of: date,
    folder: Path,
    stage: str | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    progress: Progress | None = None,
) -> PackageReport:
    """Build and write the package; raises package.FolderError when the folder cannot be
    used. Nothing is written when no item has files; a cancelled package is removed."""
    entries = items_to_package(checklist.entries(as_of, stage))
    if not entries:
        return PackageReport(folder, stage, max_mb, ())
    created = prepare_folder(folder)
    written: list[Path] = []
    items: list[PackagedItem] = []
    limit = int(max_mb * MB)
    for number, entry in enumerate(entries, 1):
        if progress is not None and not progress(number - 1, len(entries), entry.title):
            for path in written:
                path.unlink(missing_ok=True)
            if created:
                folder.rmdir()
            return PackageReport(folder, stage, max_mb, tuple(items), cancelled=True)
        sources, problems = [], []
        for attachment in entry.attachments:
            try:
                data = checklist.read_attachment(attachment)
            except VaultError as exc:
                problems.append(str(exc))
                continue
            sources.append(
                Source(
                    attachment.filename,
                    data,
                    other_language=attachment.other_language,
                    translation=attachment.translation,
                )
            )
        built = build_item(sources, limit)
        name = None
        if built.pdf is not None:
            name = file_name(number, entry.key, entry.title)
            write_private(folder / name, built.pdf)
            written.append(folder / name)
        items.append(
            PackagedItem(
                key=entry.key,
                title=entry.title,
                file=name,
                pages=built.pages,
                bytes=len(built.pdf or b""),
                problems=(*problems, *built.problems),
            )
        )
    report = PackageReport(folder, stage, max_mb, tuple(items))
    text = json.dumps(report.manifest(), indent=2, ensure_ascii=False) + "\n"
    write_private(folder / MANIFEST, text.encode("utf-8"))
    if progress is not None:
        progress(len(entries), len(entries), "")
    return report
