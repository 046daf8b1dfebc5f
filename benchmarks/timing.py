"""Shared by the benchmarks: their options, the timing loop and the checks of their results.

Every benchmark takes ``--quick``: tiny sizes, so it finishes in seconds while still going
through the real code end to end and checking that the result makes sense (the test suite
runs each one that way). A check that fails ends the run with status 1.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "src/ee_desktop/resources/example-profile.json"


def options(
    doc: str | None,
    more: Callable[[argparse.ArgumentParser], object] | None = None,
    **sizes: tuple[float, float],
) -> argparse.Namespace:
    """``--quick`` and one ``--name`` per keyword, given as (full default, quick default);
    ``more`` adds the benchmark's other options."""
    summary, _, rest = (doc or "").strip().partition("\n\n")
    parser = argparse.ArgumentParser(
        description=" ".join(summary.split()),
        epilog=rest,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes: check that the benchmark runs and its result is sane, not its speed",
    )
    for name, (full, quick) in sizes.items():
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=type(full),
            help=f"default {full}, {quick} with --quick",
        )
    if more is not None:
        more(parser)
    args = parser.parse_args()
    for name, (full, quick) in sizes.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    return args


def times(call: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def report(label: str, call: Callable[[], object], repeat: int, target_ms: float) -> None:
    """Time ``call`` ``repeat`` times; print the median and the worst against the target."""
    taken = [t * 1000 for t in times(call, repeat)]
    median = statistics.median(taken)
    verdict = "ok" if median <= target_ms else "SLOWER THAN TARGET"
    print(
        f"{label}: median {median:.2f} ms, worst {max(taken):.2f} ms "
        f"(target {target_ms:.0f} ms) {verdict}"
    )


def check(ok: object, what: str) -> None:
    """End the run with status 1 unless ``ok``: a benchmark of a broken result is no benchmark."""
    if not ok:
        raise SystemExit(f"check failed: {what}")


class FixedPassphrase:
    """The passphrase of a benchmark's throwaway database."""

    def existing(self) -> str:
        return "benchmark only"

    def new(self) -> str:
        return "benchmark only"
