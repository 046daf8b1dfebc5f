#!/usr/bin/env python3
"""Run ee-desktop or its tests from a fresh clone, in an environment of their own.

    python3 dev.py app [ARGS...]    start the application (ARGS go to `ee-desktop`)
    python3 dev.py test [ARGS...]   run the test suite (ARGS go to pytest)
    python3 dev.py python [ARGS...] run Python in the app's environment (scripts, tools)

Both use uv and the committed lock file (uv.lock). When uv is not installed,
it is installed first into `.bootstrap/` with this Python's own pip, so a
machine with only Python 3.11+ and pip is enough. Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BOOTSTRAP = ROOT / ".bootstrap"
UV_REQUIREMENT = "uv>=0.5,<1"

COMMANDS = {
    "app": ["run", "--locked", "ee-desktop"],
    "test": ["run", "--locked", "--extra", "test", "pytest"],
    "python": ["run", "--locked", "python"],
}


def _bootstrap_uv() -> str:
    scripts = BOOTSTRAP / ("Scripts" if os.name == "nt" else "bin")
    uv = scripts / ("uv.exe" if os.name == "nt" else "uv")
    if not uv.exists():
        print("uv not found: installing it into .bootstrap/ ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(BOOTSTRAP)
        python = scripts / ("python.exe" if os.name == "nt" else "python")
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                UV_REQUIREMENT,
            ],
            check=True,
        )
    return str(uv)


def uv_and_environment() -> tuple[str, dict[str, str]]:
    """The uv executable (installed first when missing) and the environment to run it in."""
    uv = shutil.which("uv") or _bootstrap_uv()
    env = dict(os.environ)
    # Use the Python running this script rather than downloading one.
    env.setdefault("UV_PYTHON", sys.executable)
    # Trust the certificates the operating system trusts (company proxies add their own).
    env.setdefault("UV_SYSTEM_CERTS", "1")
    env.setdefault("UV_NATIVE_TLS", "1")  # the same setting's name in older uv releases
    return uv, env


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    uv, env = uv_and_environment()
    command = [uv, *COMMANDS[argv[0]], *argv[1:]]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
