"""Every benchmark still runs: each one's --quick mode goes through the real code end to end
and checks its result; here only that it ends well and prints its figures, not its speed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# The line each one prints with its main figure; the slowest first, as they run in parallel.
FIGURES = {
    "bench_checklist.py": r"^\d+ items: [\d.]+ ms per full refresh of the view",
    "bench_report.py": r"^first render [\d.]+ s; then median [\d.]+ s",
    "bench_live_score.py": r"^review +[\d.]+ ms per edit",
    "bench_startup.py": r"^startup: app [\d.]+ s, bare [\d.]+ s -> [\d.]+x; peak memory: \w",
    "bench_strategy.py": r"^plan, warm \(median of \d+\): +[\d.]+ ms",
    "bench_score.py": r"^full \(\+ warnings, explanations, JSON\) +[\d,]+ evaluations/s",
    "bench_application.py": r"^processing: median [\d.]+ ms",
    "bench_provinces.py": r"^\d+ streams: median [\d.]+ ms",
    "bench_history.py": r"^family of four, 10 years each: median [\d.]+ ms",
    "bench_noc_match.py": r"^\d+ duty lines: median [\d.]+ ms",
    "bench_package.py": r"^\d+ photos of \d+x\d+: median [\d.]+ s per photo",
}


def test_every_benchmark_is_checked() -> None:
    assert sorted(p.name for p in BENCHMARKS.glob("bench_*.py")) == sorted(FIGURES)


@pytest.fixture(scope="module")
def quick_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, Future[subprocess.CompletedProcess[str]]]]:
    """All of them started at once, as many at a time as there are cores."""
    folder = tmp_path_factory.mktemp("benchmarks")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        EE_DESKTOP_DATA_DIR=str(folder / "data"),
        EE_DESKTOP_NO_KEYRING="1",
        TMPDIR=str(folder),
    )
    env.pop("EE_DESKTOP_PASSPHRASE", None)

    def run(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(BENCHMARKS / name), "--quick"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=100,
        )

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        yield {name: pool.submit(run, name) for name in FIGURES}


@pytest.mark.parametrize("name", FIGURES)
def test_quick_run(
    name: str, quick_runs: dict[str, Future[subprocess.CompletedProcess[str]]]
) -> None:
    done = quick_runs[name].result()
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(FIGURES[name], done.stdout, re.MULTILINE), done.stdout
