"""Rank the NOC 2021 unit groups by how well their duties match the duties a person performed.

Offline, deterministic and explained. Each line the user wrote is compared with each main
duty of each unit group (ESDC, OaSIS 2023) by the cosine of their TF-IDF vectors: words in
lower case without accents or punctuation, English stop words left out, each word cut to a
stem by a light suffix stemmer (``stem``), each weighted by how rare it is among the duties
and lead statements (inverse document frequency). A unit group's score is

    0.8 × (mean over the user's lines of the line's best similarity with one of its duties)
  + 0.2 × (similarity of all the lines together with its lead statement)

``matched_duties`` says, line by line, which of the group's duties matched (similarity of at
least ``MATCH_THRESHOLD``). A line that shares at least ``COPY_THRESHOLD`` of its words with a
NOC duty or lead statement (shared stems over the larger of the two sets, for a line of at
least ``COPY_MIN_WORDS`` stems) is flagged as copied: an employer's letter must describe the
work really done.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ee_desktop.i18n import _
from ee_desktop.noc import noc_index
from ee_desktop.noc.duties import duties_data

MATCH_THRESHOLD = 0.2
COPY_THRESHOLD = 0.9
COPY_MIN_WORDS = 5  # a shorter line sharing its few words with a duty is no copy
DUTY_WEIGHT, LEAD_WEIGHT = 0.8, 0.2
LOW_RANK = 10  # a chosen code ranked below this is worth a second look
MAX_LINES = 200
MAX_CHARACTERS = 50_000

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each etc
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not of off on once only or
    other others our ours ourselves out over own per same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    upon us very via was we were what when where which while who whom why will with within
    without would you your yours yourself yourselves may must might shall including include
    includes related various well e g ie eg""".split()
)

# Longest first: (suffix, replacement). A suffix is cut only when the stem left is long enough.
_SUFFIXES = (
    ("ational", "", 4),
    ("ations", "", 4),
    ("ation", "", 4),
    ("ators", "", 4),
    ("ator", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ating", "", 4),
    ("ated", "", 4),
    ("ates", "", 4),
    ("ate", "", 4),
    ("ings", "", 3),
    ("ing", "", 3),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("ers", "", 4),
    ("er", "", 4),
    ("ness", "", 3),
    ("ful", "", 3),
    ("ly", "", 4),
    ("ed", "", 3),
    ("es", "", 3),
    ("s", "", 3),
)
_KEEP_DOUBLE = frozenset("lsz")
# Past tenses people write their duties in, to the verb the NOC uses.
_IRREGULAR = {
    "wrote": "write",
    "written": "write",
    "led": "lead",
    "ran": "run",
    "built": "build",
    "made": "make",
    "taught": "teach",
    "sold": "sell",
    "bought": "buy",
    "gave": "give",
    "given": "give",
    "kept": "keep",
    "met": "meet",
    "drove": "drive",
    "driven": "drive",
    "took": "take",
    "taken": "take",
    "oversaw": "oversee",
    "overseen": "oversee",
    "spoke": "speak",
    "sent": "send",
    "spent": "spend",
    "held": "hold",
    "found": "find",
    "chose": "choose",
    "fed": "feed",
    "dealt": "deal",
    "drew": "draw",
    "drawn": "draw",
    "thought": "think",
    "told": "tell",
    "paid": "pay",
    "laid": "lay",
    "cut": "cut",
    "set": "set",
    "put": "put",
}
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_SPLIT = re.compile(r"[\n\r;•·▪●◦‣*]+|(?<=[a-z0-9)])\.(?=\s)|^\s*[-–—]\s+", re.MULTILINE)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light English suffix stemmer: "coding", "codes", "coded" and "code" give "cod";
    "analyse" and "analyze", "co-ordinate" and "coordination" give the same stem."""
    word = _IRREGULAR.get(word, word)
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith(("ise", "ised", "ises", "ising", "isation", "isations", "yse", "ysed")):
        word = re.sub(r"(is|ys)(e|ed|es|ing|ation|ations)$", lambda m: m[1][0] + "z" + m[2], word)
    for suffix, replacement, minimum in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= minimum:
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _KEEP_DOUBLE | set("aeiou"):
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """The stems of the words of ``text`` that carry meaning, in order."""
    out: list[str] = []
    for match in _WORD.finditer(fold(text)):
        word = match[0].replace("'", "")
        head, _sep, rest = word.partition("-")
        # "co-ordinate", "e-commerce", "re-install": one word; "long-term": two.
        parts = [word.replace("-", "")] if rest and len(head) <= 3 else word.split("-")
        for part in parts:
            if part and part not in STOP_WORDS and not (len(part) == 1 and part.isalpha()):
                out.append(stem(part))
    return out


def duty_lines(text: str) -> list[str]:
    """The user's duties, one per line (bullets, semicolons and sentence ends also split)."""
    lines = []
    for piece in _SPLIT.split(text):
        line = " ".join(piece.split()).strip(" -–—.,:")
        if line and tokens(line):
            lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class _Document:
    code: str
    text: str
    is_lead: bool
    terms: frozenset[str]


class MatchIndex:
    """The TF-IDF vectors of every main duty and lead statement, with an inverted index."""

    def __init__(self) -> None:
        data = duties_data()
        self.codes: tuple[str, ...] = tuple(sorted(data.units))
        self.documents: list[_Document] = []
        counted: list[dict[str, int]] = []
        for code in self.codes:
            unit = data.units[code]
            for text, is_lead in [(unit.lead_statement, True)] + [
                (duty, False) for duty in unit.main_duties
            ]:
                words = tokens(text)
                counts: dict[str, int] = defaultdict(int)
                for word in words:
                    counts[word] += 1
                self.documents.append(_Document(code, text, is_lead, frozenset(counts)))
                counted.append(counts)
        frequency: dict[str, int] = defaultdict(int)
        for counts in counted:
            for word in counts:
                frequency[word] += 1
        total = len(counted)
        self.idf = {word: math.log((1 + total) / (1 + n)) + 1 for word, n in frequency.items()}
        self.unknown_idf = math.log(1 + total) + 1
        # word -> [(document index, normalised weight)]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, counts in enumerate(counted):
            vector = self._weights(counts)
            for word, weight in vector.items():
                self.postings[word].append((index, weight))

    def _weights(self, counts: dict[str, int]) -> dict[str, float]:
        vector = {
            word: (1 + math.log(n)) * self.idf.get(word, self.unknown_idf)
            for word, n in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {word: w / norm for word, w in vector.items()}

    def vector(self, text: str) -> dict[str, float]:
        counts: dict[str, int] = defaultdict(int)
        for word in tokens(text):
            counts[word] += 1
        return self._weights(counts)

    def similarities(self, vector: dict[str, float]) -> dict[int, float]:
        """Cosine with each document sharing a word with ``vector`` (others are 0)."""
        scores: dict[int, float] = defaultdict(float)
        for word, weight in vector.items():
            for index, other in self.postings.get(word, ()):
                scores[index] += weight * other
        return scores


@lru_cache(maxsize=1)
def match_index() -> MatchIndex:
    """Built once, on first use."""
    return MatchIndex()


@dataclass(frozen=True, slots=True)
class DutyMatch:
    line: str  # the user's line
    duty: str  # the unit group's duty it matches best
    similarity: float


@dataclass(frozen=True, slots=True)
class GroupMatch:
    rank: int  # 1 for the best
    code: str
    title: str
    score: float
    matched_duties: tuple[DutyMatch, ...]  # the user's lines that match one of its duties

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "score": self.score,
            "matched_duties": [
                {"line": m.line, "duty": m.duty, "similarity": m.similarity}
                for m in self.matched_duties
            ],
        }


@dataclass(frozen=True, slots=True)
class CopiedLine:
    line: str
    code: str  # the unit group whose text it repeats
    text: str  # that NOC text
    overlap: float


@dataclass(frozen=True, slots=True)
class MatchResult:
    lines: tuple[str, ...]
    ranking: tuple[GroupMatch, ...]  # every unit group, best first
    copied: tuple[CopiedLine, ...]

    def top(self, count: int) -> tuple[GroupMatch, ...]:
        return self.ranking[:count]

    def find(self, code: str) -> GroupMatch | None:
        return next((group for group in self.ranking if group.code == code), None)


class NothingToMatch(ValueError):
    """The text has no word to match (empty, or only stop words and punctuation)."""


def _overlap(line_terms: frozenset[str], other: frozenset[str]) -> float:
    if len(line_terms) < COPY_MIN_WORDS or not other:
        return 0.0
    return len(line_terms & other) / max(len(line_terms), len(other))


def _copy_of(line: str, similarities: dict[int, float]) -> CopiedLine | None:
    """The NOC text ``line`` repeats word for word, if any (the closest)."""
    documents = match_index().documents
    line_terms = frozenset(tokens(line))
    copy: CopiedLine | None = None
    for doc_index, similarity in sorted(similarities.items()):
        if similarity >= 0.5:
            document = documents[doc_index]
            overlap = _overlap(line_terms, document.terms)
            if overlap >= COPY_THRESHOLD and (copy is None or overlap > copy.overlap):
                copy = CopiedLine(line, document.code, document.text, round(overlap, 3))
    return copy


def copied_lines(lines: list[str]) -> list[CopiedLine]:
    """The lines that repeat a NOC main duty or lead statement word for word."""
    index = match_index()
    found = (_copy_of(line, index.similarities(index.vector(line))) for line in lines)
    return [copy for copy in found if copy is not None]


def match_duties(text: str) -> MatchResult:
    """Every unit group ranked by how well its duties match ``text`` (one duty per line).

    Raises NothingToMatch when no line has a word to match, ValueError when the text is
    longer than MAX_CHARACTERS or has more than MAX_LINES lines.
    """
    if len(text) > MAX_CHARACTERS:
        raise ValueError(f"more than {MAX_CHARACTERS} characters")
    lines = duty_lines(text)
    if not lines:
        raise NothingToMatch(text)
    if len(lines) > MAX_LINES:
        raise ValueError(f"more than {MAX_LINES} lines")
    index = match_index()
    documents = index.documents
    # per group: for each line, (best similarity, document index)
    best: dict[str, list[tuple[float, int]]] = defaultdict(lambda: [(0.0, -1)] * len(lines))
    copied: list[CopiedLine] = []
    for number, line in enumerate(lines):
        similarities = index.similarities(index.vector(line))
        copy = _copy_of(line, similarities)
        for doc_index, similarity in similarities.items():
            document = documents[doc_index]
            if document.is_lead:
                continue
            row = best[document.code]
            if similarity > row[number][0] or (
                similarity == row[number][0] and doc_index < row[number][1]
            ):
                row[number] = (similarity, doc_index)
        if copy is not None:
            copied.append(copy)
    lead_scores = {
        documents[i].code: s
        for i, s in index.similarities(index.vector("\n".join(lines))).items()
        if documents[i].is_lead
    }
    scored: list[tuple[float, str, tuple[DutyMatch, ...]]] = []
    for code in index.codes:
        scores = best.get(code) or []
        duty_score = sum(s for s, _i in scores) / len(lines) if scores else 0.0
        score = round(DUTY_WEIGHT * duty_score + LEAD_WEIGHT * lead_scores.get(code, 0.0), 4)
        matched = tuple(
            DutyMatch(line, documents[i].text, round(s, 3))
            for line, (s, i) in zip(lines, scores, strict=False)
            if s >= MATCH_THRESHOLD
        )
        scored.append((score, code, matched))
    scored.sort(key=lambda item: (-item[0], item[1]))
    ranking = tuple(
        GroupMatch(rank, code, _title(code), score, matched)
        for rank, (score, code, matched) in enumerate(scored, start=1)
    )
    return MatchResult(tuple(lines), ranking, tuple(copied))


def _title(code: str) -> str:
    occupation = noc_index().get(code)
    return occupation.title() if occupation else code


def exclusion_sentences(code: str) -> list[str]:
    """Where the NOC classifies work that looks like ``code``'s, one sentence per unit group."""
    from ee_desktop.noc.duties import exclusions

    sentences = []
    for exclusion in exclusions(code):
        title = _title(exclusion.code)
        what = ", ".join(exclusion.job_titles) if exclusion.job_titles else title.lower()
        sentences.append(
            _("If your duties are those of {what}, your NOC is {code} ({title}).").format(
                what=what, code=exclusion.code, title=title
            )
        )
    return sentences


def warnings(result: MatchResult, chosen: str | None = None) -> list[str]:
    """The lines copied from the NOC, and where the chosen code ranks when it ranks low."""
    out = [
        _(
            'Line {number} ("{line}") is the NOC\'s text ({code}): describe what you really did.'
        ).format(number=result.lines.index(copy.line) + 1, line=_short(copy.line), code=copy.code)
        for copy in result.copied
    ]
    if chosen:
        group = result.find(chosen)
        if group is not None and group.rank > LOW_RANK:
            out.append(
                _(
                    "Your NOC {code} ranks {rank} of {total}: your duties match other unit "
                    "groups better. Check its lead statement and main duties."
                ).format(code=chosen, rank=group.rank, total=len(result.ranking))
            )
    return out


def _short(line: str, limit: int = 60) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
