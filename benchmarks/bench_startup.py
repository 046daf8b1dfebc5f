"""Time to the first frame of the main window, and the memory it takes: the app against a
bare PySide6 window.

    python benchmarks/bench_startup.py [--pairs N] [--max-ratio X] [--quick]

Each pair starts two processes, in turns one first then the other (startup_child.py):
  bare  a QApplication showing an empty QMainWindow;
  app   the app's own start (the ee-desktop command without a command) with a personal
        file: the example file, imported beforehand into a new database.
Time runs from just before the process is started to the end of its window's first frame
(wall clock); memory is the process's peak resident size by then. The app draws its window
before it opens the database, so the time and memory to the frame that shows the file are
printed too. Printed: the medians, the ratios app/bare, and what the app had imported by its
first frame (what to defer to start faster).
With --max-ratio, the run fails when the app takes more than X times the bare window's time.

The children run offscreen, with a throwaway data folder, temporary folder and keyring (a
file: the app finds its key without asking for a passphrase, as on a desktop with a
keyring); the user's own are never read. This process imports no Qt and stays small, as the
peak size of a child on Linux counts what its parent had before the child started.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from timing import check, options

CHILD = Path(__file__).resolve().with_name("startup_child.py")
MARK = "startup-child "
TIMEOUT = 120.0
WATCHED = ("sqlalchemy", "reportlab", "babel")


@dataclass(frozen=True)
class Start:
    seconds: float  # to the window's first frame
    peak_bytes: int | None  # by then; None where the platform does not tell
    report: dict[str, object]
    ready_seconds: float | None = None  # the app: to the frame showing the file
    ready_peak_bytes: int | None = None

    @property
    def modules(self) -> list[str]:
        return list(self.report["modules"])  # type: ignore[call-overload]


def child_environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    # An installed app runs from compiled bytecode: let the setup child write it.
    for name in ("EE_DESKTOP_NO_KEYRING", "EE_DESKTOP_PASSPHRASE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    (folder / "tmp").mkdir(exist_ok=True)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        EE_DESKTOP_DATA_DIR=str(folder / "data"),
        TMPDIR=str(folder / "tmp"),  # the app clears its leftovers there at start
        PYTHONUNBUFFERED="1",
    )
    return env


def start(arguments: list[str], env: dict[str, str]) -> tuple[int, str, float, int | None]:
    """Run the child to its end: exit status, output, wall-clock start, peak size in bytes."""
    started = time.time()
    process = subprocess.Popen(
        [sys.executable, str(CHILD), *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    watchdog = threading.Timer(TIMEOUT, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        with process.stdout:
            output = process.stdout.read().decode("utf-8", errors="replace")
    finally:
        watchdog.cancel()
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak: int | None = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    else:
        process.wait()
        peak = None
    return process.returncode, output, started, peak


def measure(arguments: list[str], env: dict[str, str]) -> Start:
    status, output, started, peak = start(arguments, env)
    lines = [line for line in output.splitlines() if line.startswith(MARK)]
    check(status == 0 and lines, f"{arguments[0]} window reported its first frame:\n{output}")
    report = json.loads(lines[-1][len(MARK) :])
    seconds = float(report["painted"]) - started
    check(0 < seconds < TIMEOUT, f"{arguments[0]}: a first frame after the start ({seconds})")
    ready = report.get("ready")
    return Start(
        seconds,
        report.get("painted_peak"),  # type: ignore[arg-type]
        report,
        None if ready is None else float(ready) - started,  # type: ignore[arg-type]
        peak,
    )


def loaded(modules: list[str], package: str) -> bool:
    return any(m == package or m.startswith(package + ".") for m in modules)


def ratio(app: float, bare: float) -> str:
    return f"{app / bare:.1f}x"


def main() -> None:
    args = options(
        __doc__,
        lambda parser: parser.add_argument(
            "--max-ratio", type=float, help="fail when app/bare time is above this"
        ),
        pairs=(7, 1),
    )
    with tempfile.TemporaryDirectory(prefix="ee-bench-startup-") as name:
        folder = Path(name)
        env = child_environment(folder)
        data, keys = str(folder / "data"), str(folder / "keyring.json")
        status, output, _, _ = start(["setup", data, keys], env)
        check(status == 0, f"the example file was imported into a new database:\n{output}")
        runs: dict[str, list[Start]] = {"bare": [], "app": []}
        for pair in range(args.pairs):
            for kind in ("bare", "app") if pair % 2 == 0 else ("app", "bare"):
                runs[kind].append(measure(["bare"] if kind == "bare" else ["app", data, keys], env))

    app, bare = runs["app"], runs["bare"]
    first = app[0].report
    check(first.get("file") == "Asha Rao", f"the app shows the example file ({first.get('file')})")
    check(first.get("key_mode") == "keyring", "the app found its key without a passphrase")
    check(len(app[0].modules) > len(bare[0].modules), "the app imports more than a bare window")

    app_s = statistics.median(s.seconds for s in app)
    bare_s = statistics.median(s.seconds for s in bare)
    line = f"startup: app {app_s:.2f} s, bare {bare_s:.2f} s -> {ratio(app_s, bare_s)}"
    if app[0].peak_bytes is None or bare[0].peak_bytes is None:
        line += "; peak memory: not measured on this platform"
    else:
        app_m = statistics.median(s.peak_bytes or 0 for s in app) / 2**20
        bare_m = statistics.median(s.peak_bytes or 0 for s in bare) / 2**20
        line += (
            f"; peak memory: app {app_m:.0f} MiB, bare {bare_m:.0f} MiB -> {ratio(app_m, bare_m)}"
        )
    print(line)
    check(all(s.ready_seconds is not None for s in app), "the app reported the file shown")
    ready_s = statistics.median(s.ready_seconds or 0.0 for s in app)
    line = f"file shown: app {ready_s:.2f} s -> {ratio(ready_s, bare_s)} the bare window"
    if app[0].ready_peak_bytes is not None:
        ready_m = statistics.median(s.ready_peak_bytes or 0 for s in app) / 2**20
        line += f"; peak memory {ready_m:.0f} MiB"
    print(line)
    print(
        f"{args.pairs} pairs; app {min(s.seconds for s in app):.2f}-"
        f"{max(s.seconds for s in app):.2f} s, bare {min(s.seconds for s in bare):.2f}-"
        f"{max(s.seconds for s in bare):.2f} s"
    )
    modules = app[0].modules
    watched = ", ".join(f"{p} {'yes' if loaded(modules, p) else 'no'}" for p in WATCHED)
    own = sum(loaded([m], "ee_desktop") for m in modules)
    print(
        f"app: {len(modules)} modules imported by the first frame, {own} of them ee_desktop's "
        f"(bare window: {len(bare[0].modules)}); {watched}"
    )
    if args.max_ratio is not None and app_s / bare_s > args.max_ratio:
        raise SystemExit(
            f"startup ratio {app_s / bare_s:.1f} is above --max-ratio {args.max_ratio}"
        )


if __name__ == "__main__":
    main()
