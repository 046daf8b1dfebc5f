"""A kill during an attach leaves a half-written file; the next start removes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ee_desktop.store import open_store
from tests.conftest import FixedPassphrases


def test_half_written_vault_files_are_removed_when_the_store_opens(
    data_dir: Path, tmp_path: Path, store: Any
) -> None:
    item = store.add_checklist_item(store.active_id(), "passport", {"title": "Passport"})
    (tmp_path / "passport.pdf").write_bytes(b"%PDF passport")
    attachment = store.attach(item, tmp_path / "passport.pdf")
    store.close()
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    folder = data_dir / "vault"
    killed = folder / f".{'a' * 32}-{ended}.part"  # its process ended
    older = folder / f".{'b' * 32}.part"  # named before parts carried their owner
    running = folder / f".{'c' * 32}-{os.getppid()}.part"  # another copy, still writing
    for part in (killed, older, running):
        part.write_bytes(b"half")
    reopened = open_store(data_dir, FixedPassphrases())
    assert sorted(p.name for p in folder.iterdir()) == sorted([attachment.vault_name, running.name])
    assert reopened.vault.read(attachment.vault_name) == b"%PDF passport"
    reopened.close()
