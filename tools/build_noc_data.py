#!/usr/bin/env python3
"""Build the app's NOC 2021 data file from Statistics Canada's open data (CSV copies).

    python3 tools/build_noc_data.py REFERENCE_DIR

REFERENCE_DIR holds `noc2021.csv` (code,title_en,title_fr,teer,...) and
`noc2021-example-titles.csv` (code,example_title). The output,
src/ee_desktop/noc/data/noc2021.json.gz, carries the source and licence with the data.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "ee_desktop" / "noc" / "data"

METADATA = {
    "classification": "NOC 2021 Version 1.0",
    "publisher": "Statistics Canada",
    "source_url": "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593",
    "licence": "Open Government Licence - Canada",
    "licence_url": "https://open.canada.ca/en/open-government-licence-canada",
    "attribution": "Contains information licensed under the Open Government Licence - Canada.",
    "notes": "TEER is the second digit of the code. Example titles are the official index of "
    "example job titles (illustrative and all examples), in English.",
}


def main(reference: Path) -> None:
    examples: dict[str, list[str]] = defaultdict(list)
    with (reference / "noc2021-example-titles.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            examples[row["code"]].append(row["example_title"])
    units = []
    with (reference / "noc2021.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["code"]
            if len(code) != 5 or not code.isdigit() or row["teer"] != code[1]:
                raise SystemExit(f"unexpected row: {row}")
            units.append([code, row["title_en"], row["title_fr"], sorted(examples[code])])
    if len(units) != 516:
        raise SystemExit(f"expected 516 unit groups, found {len(units)}")
    document = {**METADATA, "units": units}
    OUTPUT.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-for-byte reproducible.
    with gzip.GzipFile(OUTPUT / "noc2021.json.gz", "wb", mtime=0) as out:
        out.write(payload)
    print(f"{len(units)} unit groups, {sum(len(u[3]) for u in units)} example titles")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
