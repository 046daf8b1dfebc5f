"""Upload packages: one PDF per checklist item, small enough for IRCC's portal.

No Qt, no database: the attachments come in as bytes (``Source``) and go out as the bytes
of one PDF per item with the problems found (``build.build_item``); ``output`` writes them,
unencrypted, with a manifest, into a folder of the user's choosing.
"""

from __future__ import annotations

from ee_desktop.package.build import DEFAULT_MAX_MB, BuiltItem, Source, build_item
from ee_desktop.package.output import (
    MANIFEST,
    FolderError,
    file_name,
    not_encrypted_sentence,
    prepare_folder,
    write_private,
)

__all__ = [
    "DEFAULT_MAX_MB",
    "MANIFEST",
    "BuiltItem",
    "FolderError",
    "Source",
    "build_item",
    "file_name",
    "not_encrypted_sentence",
    "prepare_folder",
    "write_private",
]
