#!/usr/bin/env python3
"""Build the app's occupation duties file from the open data (CSV copies).

    python3 tools/build_duties_data.py REFERENCE_DIR

REFERENCE_DIR holds ESDC's OaSIS 2023 Version 1.0 element files
(`main-duties_oasis-2023_v1.0.csv`, `exclusions_oasis_2023_v1.0.csv`) and Statistics
Canada's NOC 2021 V1.0 lead statements (`noc2021-lead-statements.csv`). The output,
src/ee_desktop/noc/data/duties.json.gz, carries the sources, the SHA-256 of each input and
the licence with the data.

An OaSIS profile code is the 5-digit unit group plus `.NN`; a unit group's duties are those
of all its profiles in file order, each once (the trailing full stop of a list's last item
dropped). An exclusion names a unit group (or one of its profiles) and sometimes a job title.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "ee_desktop" / "noc" / "data"

DUTIES = "main-duties_oasis-2023_v1.0.csv"
EXCLUSIONS = "exclusions_oasis_2023_v1.0.csv"
LEAD_STATEMENTS = "noc2021-lead-statements.csv"

METADATA = {
    "duties_source": "ESDC, OaSIS 2023 Version 1.0",
    "duties_publisher": "Employment and Social Development Canada",
    "duties_source_url": "https://noc.esdc.gc.ca/",
    "lead_statements_source": "Statistics Canada, NOC 2021 Version 1.0",
    "lead_statements_source_url": (
        "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593"
    ),
    "licence": "Open Government Licence - Canada",
    "licence_url": "https://open.canada.ca/en/open-government-licence-canada",
    "attribution": "Contains information licensed under the Open Government Licence – Canada.",
    "language": "en",
    "notes": "Main duties and exclusions are ESDC's OaSIS 2023 elements (wording partly revised "
    "from NOC 2021 V1.0), merged over each unit group's OaSIS profiles. Lead statements are "
    "the NOC 2021 V1.0 class definitions, verbatim.",
}


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[1:]


def _unit(code: str) -> str:
    unit = code.split(".", 1)[0]
    if len(unit) != 5 or not unit.isdigit():
        raise SystemExit(f"unexpected code: {code!r}")
    return unit


def build(reference: Path) -> dict[str, object]:
    inputs = {
        name: hashlib.sha256((reference / name).read_bytes()).hexdigest()
        for name in (DUTIES, LEAD_STATEMENTS, EXCLUSIONS)
    }
    duties: dict[str, list[str]] = defaultdict(list)
    for code, text in _rows(reference / DUTIES):
        text = " ".join(text.split()).removesuffix(".")
        if text and text not in duties[_unit(code)]:
            duties[_unit(code)].append(text)
    leads: dict[str, str] = {}
    for code, element_type, text in _rows(reference / LEAD_STATEMENTS):
        if element_type != "Lead statement" or code in leads:
            raise SystemExit(f"unexpected lead statement row for {code}")
        leads[_unit(code)] = " ".join(text.split())
    exclusions: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for code, excluded, title in _rows(reference / EXCLUSIONS):
        titles = exclusions[_unit(code)].setdefault(_unit(excluded), [])
        title = " ".join(title.split())
        if title and title not in titles:
            titles.append(title)
    if set(duties) != set(leads) or len(leads) != 516:
        raise SystemExit("expected duties and a lead statement for each of the 516 unit groups")
    units = {
        code: {
            "lead": leads[code],
            "duties": duties[code],
            "exclusions": [[other, titles] for other, titles in exclusions[code].items()],
        }
        for code in sorted(leads)
    }
    return {**METADATA, "inputs": inputs, "units": units}


def main(reference: Path) -> None:
    document = build(reference)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-for-byte reproducible.
    with gzip.GzipFile(OUTPUT / "duties.json.gz", "wb", mtime=0) as out:
        out.write(payload)
    units = document["units"]
    assert isinstance(units, dict)
    print(
        f"{len(units)} unit groups, {sum(len(u['duties']) for u in units.values())} duties, "
        f"{sum(len(u['exclusions']) for u in units.values())} exclusions"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
