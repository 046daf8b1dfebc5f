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
wall-clock time (time.time()) and peak memory then, and the modules imported by then. The
app draws its window before it opens the database, so it also reports when the window
shows the file (``ready``) and what it shows. The process then ends at once.

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
    """Have keyring load the one-file keyring when the app first asks for its key."""
    os.environ["PYTHON_KEYRING_BACKEND"] = "file_keyring.FileKeyring"
    os.environ["EE_BENCH_KEYRING_FILE"] = str(path)


def peak_bytes() -> int | None:
    """This process's peak resident size so far (None where the platform does not tell)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux counts KiB


def after_next_frame(window: Any, then: Any) -> None:
    """Call ``then()`` once ``window``'s next frame is drawn."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class NextPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # The paint event opens the frame; the children are drawn and the frame
                # shown before the event loop runs the next queued call.
                QTimer.singleShot(0, then)
            return False

    window.installEventFilter(NextPaint(window))


def moment(report: dict[str, object], name: str) -> None:
    report[name] = time.time()
    report[f"{name}_peak"] = peak_bytes()
    report.setdefault("modules", sorted(sys.modules))  # those of the first frame


def finish(report: dict[str, object]) -> None:
    print(MARK + json.dumps(report), flush=True)
    os._exit(0)


def watch_first_frame(window: Any) -> None:
    """Report when ``window``'s first frame is drawn, then end the process."""
    report: dict[str, object] = {}

    def painted() -> None:
        moment(report, "painted")
        finish(report)

    after_next_frame(window, painted)


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

    made = gui.MainWindow
    report: dict[str, object] = {}

    def ready(window: Any) -> None:
        moment(report, "ready")
        profile = window.service.current()
        report["file"] = None if profile is None else profile.applicant.full_name
        report["key_mode"] = window.service.store.key_mode
        finish(report)

    def main_window(*args: Any, **kwargs: Any) -> Any:
        window = made(*args, **kwargs)
        after_next_frame(window, lambda: moment(report, "painted"))
        attach = window.attach

        def attach_then_report(*attach_args: Any, **attach_kwargs: Any) -> None:
            attach(*attach_args, **attach_kwargs)
            after_next_frame(window, lambda: ready(window))

        window.attach = attach_then_report
        return window

    gui.MainWindow = main_window  # type: ignore[misc]
    return main(["--data-dir", data_dir])


if __name__ == "__main__":
    kind, *arguments = sys.argv[1:]
    sys.exit({"bare": bare, "setup": setup, "app": app}[kind](*arguments))
