"""Shared by the benchmarks that time one call many times against a target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def report(label: str, call: Callable[[], object], repeat: int, target_ms: float) -> None:
    """Time ``call`` ``repeat`` times; print the median and the worst against the target."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    verdict = "ok" if median <= target_ms else "SLOWER THAN TARGET"
    print(
        f"{label}: median {median:.2f} ms, worst {max(times):.2f} ms "
        f"(target {target_ms:.0f} ms) {verdict}"
    )
