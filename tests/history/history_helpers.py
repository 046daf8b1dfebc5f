"""The permanent-residence family used across the history tests: a married applicant
with jobs in two countries, a spouse who lived in three countries, an adult child and a
young one. Its histories are complete on AS_OF; tests remove pieces to make findings."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

from ee_desktop.profile.codec import decode
from ee_desktop.profile.model import Profile

FAMILY = Path(__file__).resolve().parents[1] / "data" / "pr-family.json"
AS_OF = date(2026, 6, 15)


def family_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(FAMILY.read_text(encoding="utf-8")))


def family(data: dict[str, Any] | None = None) -> Profile:
    return decode(family_data() if data is None else data, today=AS_OF)
