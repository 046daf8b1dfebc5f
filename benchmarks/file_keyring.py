"""A keyring kept in one file, for the startup benchmark's children: the app finds its key
as on a desktop with a keyring, and the user's own keyring is never touched.

Chosen through the environment (``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring`` and
``EE_BENCH_KEYRING_FILE``), so keyring loads it when the app first asks, as it would load
the system's backend: the benchmark imports nothing the app would not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

FILE_VARIABLE = "EE_BENCH_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ[FILE_VARIABLE])

    def _read(self) -> dict[str, str]:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def _write(self, secrets: dict[str, str]) -> None:
        self.path.write_text(json.dumps(secrets), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._write({**self._read(), f"{service}/{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._read()
        secrets.pop(f"{service}/{username}", None)
        self._write(secrets)
