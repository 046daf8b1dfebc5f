"""The package folder: its files' names, written readable by the user only (0600) in a
folder made 0700, and the warning that they are not encrypted.

A folder that exists must be empty, or hold only a previous package (its manifest.json and
NN-name.pdf files), which is replaced: anything else is refused, never deleted.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ee_desktop.i18n import _

MANIFEST = "manifest.json"
CUSTOM_PREFIX = "custom:"  # the user's own items (services.checklist): named by their title
_PACKAGE_FILE = re.compile(r"\d{2,}-[a-z0-9-]+\.pdf")


class FolderError(Exception):
    """The package folder cannot be used; the message names it and says why."""


def slug(text: str) -> str:
    """ASCII, lower case, words joined by "-": "Acte de naissance (Élise)" becomes
    "acte-de-naissance-elise"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-")


def file_name(number: int, key: str, title: str) -> str:
    """The file of the item ``number`` (1 first): "03-passport-applicant.pdf" for the key
    "passport:applicant"; the user's own items by their title."""
    base = slug(title) if key.startswith(CUSTOM_PREFIX) else slug(key)
    return f"{number:02d}-{base or 'item'}.pdf"


def not_encrypted_sentence(folder: Path) -> str:
    return _(
        "The files in {folder} are not encrypted: anyone who can open this folder can read "
        "them. Delete them once they are uploaded."
    ).format(folder=folder)


def _previous_package(entries: list[Path]) -> bool:
    return any(p.name == MANIFEST for p in entries) and all(
        p.is_file() and (p.name == MANIFEST or _PACKAGE_FILE.fullmatch(p.name)) for p in entries
    )


def usable_folder(folder: Path) -> bool:
    """Whether a package can go in ``folder``: new, empty, or a previous package."""
    try:
        if not folder.exists():
            return True
        entries = list(folder.iterdir()) if folder.is_dir() else None
    except OSError:
        return False
    return entries is not None and (not entries or _previous_package(entries))


def prepare_folder(folder: Path) -> bool:
    """Make ``folder`` ready for a package; True when it was created. Raises FolderError."""
    try:
        if folder.exists() and not folder.is_dir():
            raise FolderError(_("{folder}: not a folder").format(folder=folder))
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
            return True
        entries = list(folder.iterdir())
        if entries and not _previous_package(entries):
            raise FolderError(
                _(
                    "{folder}: the folder is not empty: choose a new or empty folder (one "
                    "that holds only a previous package is replaced)"
                ).format(folder=folder)
            )
        for entry in entries:
            entry.unlink()
    except OSError as exc:
        raise FolderError(
            _("{folder}: cannot use this folder ({reason})").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from None
    return False


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to the new file ``path``, readable by the user only; raises FolderError."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as exc:
        raise FolderError(
            _("{path}: cannot write the file ({reason})").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
