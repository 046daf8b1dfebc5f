"""Card titles numbered from one: "Job %1" for the second job reads "Job 2"."""

from __future__ import annotations


def numbered(text: str, number: int) -> str:
    return text.replace("%1", str(number))
