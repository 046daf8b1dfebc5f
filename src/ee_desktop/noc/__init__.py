"""The National Occupational Classification (NOC) 2021: look up and search occupations.

The data (Statistics Canada, Open Government Licence - Canada) ships in
``noc/data/noc2021.json.gz`` with its source; ``tools/build_noc_data.py`` builds it.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ee_desktop.i18n import current_language


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    title_en: str
    title_fr: str
    examples: tuple[str, ...]

    @property
    def teer(self) -> int:
        return int(self.code[1])

    def title(self, language: str | None = None) -> str:
        """The title in ``language``, by default the one the app speaks."""
        language = language or current_language()
        return self.title_fr if language.startswith("fr") else self.title_en


@dataclass(frozen=True, slots=True)
class Match:
    occupation: Occupation
    matched_title: str  # the unit group title, or the example job title that matched


def fold(text: str) -> str:
    """Lower case without accents, so "ingenieur" finds "Ingénieur"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class NocIndex:
    def __init__(self, document: dict[str, object]) -> None:
        self.metadata = {k: v for k, v in document.items() if k != "units"}
        units = document["units"]
        assert isinstance(units, list)
        self._by_code: dict[str, Occupation] = {}
        # (folded text, is the unit title, code, original text), unit titles first.
        self._titles: list[tuple[str, bool, str, str]] = []
        for code, title_en, title_fr, examples in units:
            occupation = Occupation(code, title_en, title_fr, tuple(examples))
            self._by_code[code] = occupation
            self._titles.append((fold(title_en), True, code, title_en))
            self._titles.append((fold(title_fr), True, code, title_fr))
        for occupation in self._by_code.values():
            for example in occupation.examples:
                self._titles.append((fold(example), False, occupation.code, example))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Occupation | None:
        return self._by_code.get(code)

    def search(self, query: str, limit: int = 50) -> list[Match]:
        """Occupations whose code starts with ``query``, or whose titles contain every word.

        Each occupation appears once, unit-group titles before example titles.
        """
        query = query.strip()
        if not query:
            return []
        if query.isdigit():
            return [Match(o, o.title()) for c, o in self._by_code.items() if c.startswith(query)][
                :limit
            ]
        words = fold(query).split()
        seen: set[str] = set()
        results: list[Match] = []
        for folded, _is_unit, code, original in self._titles:
            if code in seen or not all(word in folded for word in words):
                continue
            seen.add(code)
            results.append(Match(self._by_code[code], original))
            if len(results) >= limit:
                break
        return results


@lru_cache(maxsize=1)
def noc_index() -> NocIndex:
    """The shipped NOC 2021 data, read once."""
    data = resources.files("ee_desktop.noc").joinpath("data", "noc2021.json.gz").read_bytes()
    return NocIndex(json.loads(gzip.decompress(data)))
