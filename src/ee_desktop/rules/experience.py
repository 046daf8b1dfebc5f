"""Counting work experience: hours in a window, capped per week, overlaps counted once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from ee_desktop.profile.model import Job


class Stint(NamedTuple):
    """A paid, skilled job reduced to what counting needs (dates as ordinals, inclusive)."""

    start: int
    end: int
    hours: float
    noc: str
    teer: int
    canadian: bool
    counts_in_canada: bool  # not self-employed and not while a full-time student


def stints(jobs: Iterable[Job], as_of: date) -> tuple[Stint, ...]:
    """Paid TEER 0-3 jobs that had started by ``as_of``, ongoing ones ending at ``as_of``."""
    today = as_of.toordinal()
    out = []
    for job in jobs:
        if not job.paid or job.start > as_of or job.hours_per_week <= 0:
            continue
        noc = job.noc_code
        if len(noc) < 2 or not noc[1].isdigit() or int(noc[1]) > 3:
            continue
        end = today if job.end is None else min(job.end.toordinal(), today)
        out.append(
            Stint(
                job.start.toordinal(),
                end,
                float(job.hours_per_week),
                noc,
                int(noc[1]),
                job.country == "CA",
                not job.self_employed and not job.while_full_time_student,
            )
        )
    return tuple(out)


def hours(items: Sequence[Stint], low: int, high: int, cap: float) -> float:
    """Hours worked in ``[low, high]`` (ordinals), at most ``cap`` a week across all jobs."""
    if not items:
        return 0.0
    if len(items) == 1:
        item = items[0]
        start, end = max(item.start, low), min(item.end, high)
        if end < start:
            return 0.0
        return (end - start + 1) * min(item.hours, cap) / 7.0
    # Sweep over the points where the set of running jobs changes.
    changes: dict[int, float] = {}
    for item in items:
        start, end = max(item.start, low), min(item.end, high)
        if end < start:
            continue
        changes[start] = changes.get(start, 0.0) + item.hours
        changes[end + 1] = changes.get(end + 1, 0.0) - item.hours
    total, running, previous = 0.0, 0.0, 0
    for point in sorted(changes):
        if running > 0:
            total += (point - previous) * min(running, cap) / 7.0
        running += changes[point]
        previous = point
    return total


def longest_continuous(
    items: Sequence[Stint],
    low: int,
    high: int,
    cap: float,
) -> tuple[float, str | None]:
    """Most hours in one unbroken stretch of work in a single occupation, and its NOC code."""
    best, best_noc = 0.0, None
    by_noc: dict[str, list[Stint]] = {}
    for item in items:
        by_noc.setdefault(item.noc, []).append(item)
    for noc, group in by_noc.items():
        group.sort(key=lambda s: s.start)
        runs: list[list[Stint]] = []
        run_end = -1
        for item in group:
            if runs and item.start <= run_end + 1:
                runs[-1].append(item)
                run_end = max(run_end, item.end)
            else:
                runs.append([item])
                run_end = item.end
        for run in runs:
            total = hours(run, low, high, cap)
            if total > best:
                best, best_noc = total, noc
    return best, best_noc


def full_years(total_hours: float, hours_per_year: int) -> int:
    return int(total_hours / hours_per_year + 1e-9)
