"""The CRS distribution of the whole pool on a date, as IRCC publishes it with each round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Band:
    """One figure of IRCC's table: ``key`` as in the feed (``dd1`` … ``dd18``), the scores it
    counts (both included), and ``part_of`` the key of the subtotal it belongs to, if any."""

    key: str
    low: int
    high: int
    part_of: str | None = None

    @property
    def is_subtotal(self) -> bool:
        return any(b.part_of == self.key for b in BANDS)

    @property
    def is_total(self) -> bool:
        return self.key == TOTAL_KEY


TOTAL_KEY = "dd18"
# dd3 and dd9 are subtotals of the 10-point bands under them; dd18 is the whole pool.
BANDS: tuple[Band, ...] = (
    Band("dd1", 601, 1200),
    Band("dd2", 501, 600),
    Band("dd3", 451, 500),
    Band("dd4", 491, 500, "dd3"),
    Band("dd5", 481, 490, "dd3"),
    Band("dd6", 471, 480, "dd3"),
    Band("dd7", 461, 470, "dd3"),
    Band("dd8", 451, 460, "dd3"),
    Band("dd9", 401, 450),
    Band("dd10", 441, 450, "dd9"),
    Band("dd11", 431, 440, "dd9"),
    Band("dd12", 421, 430, "dd9"),
    Band("dd13", 411, 420, "dd9"),
    Band("dd14", 401, 410, "dd9"),
    Band("dd15", 351, 400),
    Band("dd16", 301, 350),
    Band("dd17", 0, 300),
    Band(TOTAL_KEY, 0, 1200),
)
BAND_KEYS: tuple[str, ...] = tuple(b.key for b in BANDS)
# The bands that do not overlap: their counts add up to the total.
TOP_LEVEL: tuple[str, ...] = ("dd1", "dd2", "dd3", "dd9", "dd15", "dd16", "dd17")


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many profiles were in the pool in each band of BANDS on ``as_on``.

    ``counts`` follows BANDS (dd1 first, the total last), as published: a subtotal that
    does not match its parts (IRCC made such a slip once) is kept as it is.
    """

    as_on: date
    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.counts) != len(BANDS):
            raise ValueError(f"expected {len(BANDS)} counts, got {len(self.counts)}")

    def count(self, key: str) -> int:
        return self.counts[BAND_KEYS.index(key)]

    @property
    def total(self) -> int:
        return self.count(TOTAL_KEY)

    def bands(self) -> list[tuple[Band, int]]:
        return list(zip(BANDS, self.counts, strict=True))

    def at_or_above(self, score: int) -> int | None:
        """Profiles at ``score`` or higher when a band edge allows the count, else None."""
        if score <= 0:
            return self.total
        finest = [b for b in BANDS if not b.is_subtotal and not b.is_total]
        if not any(b.low == score for b in finest):
            return None
        return sum(self.count(b.key) for b in finest if b.low >= score)
