"""Files written whole or not at all, and readable by the user alone."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 text; see ``write_bytes_atomically``."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write through a private temporary file, flushed to disk before it replaces ``path``:
    an interruption never leaves half a file, and others cannot read it.

    A target that exists and is not a regular file (``/dev/stdout``, a named pipe) is
    written in place: renaming over it would replace the device itself."""
    if path.exists() and not path.is_file():
        with path.open("wb") as out:
            out.write(data)
        return
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
