"""The `ee-desktop` command in a child process, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PASSPHRASE = "correct horse battery"


def run_cli(
    data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, module: bool = False
) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, without a keyring (the CI situation)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EE_DESKTOP")}
    env.update(EE_DESKTOP_NO_KEYRING="1", EE_DESKTOP_DATA_DIR=str(data_dir))
    if passphrase is not None:
        env["EE_DESKTOP_PASSPHRASE"] = passphrase
    command = (
        [sys.executable, "-m", "ee_desktop"]
        if module
        else [sys.executable, "-c", "import sys; from ee_desktop.cli import main; sys.exit(main())"]
    )
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
