"""The processes bench_startup.py starts and times: each shows a window, reports the moment
its first frame is drawn, and ends.

    python benchmarks/startup_child.py bare
    python benchmarks/startup_child.py setup DATA_DIR KEYRING_FILE
    python benchmarks/startup_child.py app DATA_DIR KEYRING_FILE

``bare`` shows an empty QMainWindow. ``app`` starts the app as the ee-desktop command does
without a command (its ``main``, which starts the GUI), up to the main window showing the
file in DATA_DIR; ``setup`` imports the example file into a new database there first.

The window's first paint event marks the start of its first frame; the moment that frame is
done (every child widget drawn) is reported as one line, ``startup-child {json}``: the
wall-clock time (time.time()), the modules imported by then, and for the app what the
window shows. The process then ends at once, so nothing after the first frame counts.

The database key is kept in KEYRING_FILE, never in the system's keyring: the app finds it as
on a desktop with a keyring and asks for no passphrase.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

MARK = "startup-child "
EXAMPLE = Path(__file__).resolve().parents[1] / "src/ee_desktop/resources/example-profile.json"


def use_keyring_file(path: Path) -> None:
    """Replace the system's keyring, before anything asks for it, with one file."""
    import keyring
    from keyring.backend import KeyringBackend

    class FileKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def _read(self) -> dict[str, str]:
            return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

        def _write(self, secrets: dict[str, str]) -> None:
            path.write_text(json.dumps(secrets), encoding="utf-8")

        def get_password(self, service: str, username: str) -> str | None:
            return self._read().get(f"{service}/{username}")

        def set_password(self, service: str, username: str, password: str) -> None:
            self._write({**self._read(), f"{service}/{username}": password})

        def delete_password(self, service: str, username: str) -> None:
            secrets = self._read()
            secrets.pop(f"{service}/{username}", None)
            self._write(secrets)

    keyring.set_keyring(FileKeyring())


def watch_first_frame(window: Any, details: Any = None) -> None:
    """Report when ``window``'s first frame is drawn, then end the process."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def done() -> None:
        painted = time.time()
        report = {"painted": painted, "modules": sorted(sys.modules)}
        if details is not None:
            report.update(details(window))
        print(MARK + json.dumps(report), flush=True)
        os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # The paint event opens the frame; the children are drawn and the frame
                # shown before the event loop runs the next queued call.
                QTimer.singleShot(0, done)
            return False

    probe = FirstPaint(window)
    window.installEventFilter(probe)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(960, 680)  # the app's first size
    watch_first_frame(window)
    window.show()
    return app.exec()


def setup(data_dir: str, keyring_file: str) -> int:
    use_keyring_file(Path(keyring_file))
    from ee_desktop.cli import main

    return main(["--data-dir", data_dir, "import", str(EXAMPLE)])


def app(data_dir: str, keyring_file: str) -> int:
    use_keyring_file(Path(keyring_file))
    from ee_desktop import gui
    from ee_desktop.cli import main

    def details(window: Any) -> dict[str, object]:
        profile = window.service.current()
        return {
            "file": None if profile is None else profile.applicant.full_name,
            "key_mode": window.service.store.key_mode,
        }

    made = gui.MainWindow

    def main_window(*args: Any, **kwargs: Any) -> Any:
        window = made(*args, **kwargs)
        watch_first_frame(window, details)
        return window

    gui.MainWindow = main_window  # type: ignore[misc]
    return main(["--data-dir", data_dir])


if __name__ == "__main__":
    kind, *arguments = sys.argv[1:]
    sys.exit({"bare": bare, "setup": setup, "app": app}[kind](*arguments))
