"""The outlook: how the file's score fared against the past year's rounds and the pool.

Plain sentences about what already happened ("you would have been invited in 9 of the 14
rounds"), never a promise about the next round. No Qt, no clock: ``as_of`` is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ee_desktop.i18n import _, format_date, format_number, ngettext
from ee_desktop.profile import Profile
from ee_desktop.rules import RuleSet, evaluate
from ee_desktop.strategy.cutoffs import FALLBACK_DAYS, qualifying_round_types
from ee_desktop.strategy.distribution import Distribution
from ee_desktop.strategy.eligibility import eligible_program_ids
from ee_desktop.strategy.rounds import Round, round_type_name

WINDOW_DAYS = FALLBACK_DAYS  # "the last 12 months", as the recent cut-offs count them


@dataclass(frozen=True, slots=True)
class Pool:
    """The pool on ``distribution_on``: between ``low`` and ``high`` profiles (equal when a
    band edge gives the exact count) had the score or more, of ``total``."""

    distribution_on: date
    total: int
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class RoundTypeOutlook:
    """The rounds of one type held in the 12 months before the date: how many, how many the
    score is strictly above the cut-off of, the lowest and the latest cut-off."""

    round_type: str
    name: str
    rounds_12_months: int
    cleared_12_months: int
    lowest: int | None
    latest: int | None
    latest_on: date | None


@dataclass(frozen=True, slots=True)
class Outlook:
    as_of: date
    score: int
    programs: tuple[str, ...]  # fsw, cec, fst: the programs the file is eligible for
    categories: tuple[str, ...]  # ids of the categories the file is eligible for
    pool: Pool | None
    round_types: tuple[RoundTypeOutlook, ...]
    sentences: tuple[str, ...]
    rounds_known_up_to: date | None

    @property
    def headline(self) -> tuple[str, ...]:
        """One or two sentences for a glance: the round type drawn in the last 12 months
        whose cut-offs the score cleared most often (or that the file is eligible for
        nothing), then the pool."""
        lines: list[str] = []
        drawn = [i for i, t in enumerate(self.round_types) if t.rounds_12_months]
        if drawn:
            best = max(
                drawn,
                key=lambda i: (
                    self.round_types[i].cleared_12_months,
                    self.round_types[i].rounds_12_months,
                    -i,
                ),
            )
            lines.append(self.sentences[best])
        elif not self.round_types and self.sentences:
            lines.append(self.sentences[0])  # not eligible for a program
        if self.pool is not None:
            lines.append(self.sentences[-1])
        return tuple(lines)


def pool_at(distribution: Distribution, score: int) -> Pool:
    """Profiles at ``score`` or more: exact at a band edge, else the range the band it falls
    in allows (the profiles above that band, up to those in it as well)."""
    exact = distribution.at_or_above(score)
    if exact is not None:
        return Pool(distribution.as_on, distribution.total, exact, exact)
    finest = [
        (band, count)
        for band, count in distribution.bands()
        if not band.is_subtotal and not band.is_total
    ]
    above = sum(count for band, count in finest if band.low > score)
    within = sum(count for band, count in finest if band.low <= score <= band.high)
    return Pool(distribution.as_on, distribution.total, above, above + within)


def _latest_distribution(rounds: Sequence[Round], as_of: date) -> Distribution | None:
    known = [r for r in rounds if r.on <= as_of and r.distribution is not None]
    if not known:
        return None
    latest = max(known, key=lambda r: (r.on, r.number or 0))
    return latest.distribution


def _round_type(round_type: str, score: int, rounds: Sequence[Round]) -> RoundTypeOutlook:
    ordered = sorted(rounds, key=lambda r: (r.on, r.number or 0))
    last = ordered[-1] if ordered else None
    return RoundTypeOutlook(
        round_type=round_type,
        name=round_type_name(round_type),
        rounds_12_months=len(ordered),
        cleared_12_months=sum(1 for r in ordered if score > r.lowest_score),
        lowest=min((r.lowest_score for r in ordered), default=None),
        latest=last.lowest_score if last else None,
        latest_on=last.on if last else None,
    )


def _type_sentence(score: int, item: RoundTypeOutlook) -> str:
    if item.latest is None or item.latest_on is None or item.lowest is None:
        return _("There was no {name} round in the last 12 months.").format(name=item.name)
    return ngettext(
        "At {score} you would have been invited in {cleared} of the {rounds} {name} round "
        "of the last 12 months (lowest cut-off {lowest}; latest {latest} on {on}).",
        "At {score} you would have been invited in {cleared} of the {rounds} {name} rounds "
        "of the last 12 months (lowest cut-off {lowest}; latest {latest} on {on}).",
        item.rounds_12_months,
    ).format(
        score=score,
        cleared=item.cleared_12_months,
        rounds=item.rounds_12_months,
        name=item.name,
        lowest=item.lowest,
        latest=item.latest,
        on=format_date(item.latest_on),
    )


def _pool_sentence(score: int, pool: Pool) -> str:
    if pool.low == pool.high:
        text = _("On {on}, {count} of the {total} profiles in the pool had {score} points or more.")
    else:
        text = _(
            "On {on}, between {low} and {high} of the {total} profiles in the pool had "
            "{score} points or more."
        )
    return text.format(
        on=format_date(pool.distribution_on),
        count=format_number(pool.low),
        low=format_number(pool.low),
        high=format_number(pool.high),
        total=format_number(pool.total),
        score=score,
    )


def freshness(rounds_known_up_to: date | None) -> str:
    """How recent the rounds are, and how to get newer ones, in a user's words."""
    how = _(
        "For newer rounds, save IRCC's rounds file from canada.ca and import it "
        "(Import rounds… on the Strategy tab, or ee-desktop rounds import FILE)."
    )
    if rounds_known_up_to is None:
        return _("No rounds of invitations are known yet.") + " " + how
    known = _("Rounds of invitations known up to {day}.").format(
        day=format_date(rounds_known_up_to)
    )
    return known + " " + how


def outlook(profile: Profile, as_of: date, rounds: Sequence[Round], rules: RuleSet) -> Outlook:
    """The file's score on ``as_of`` beside the rounds of the 12 months before it (the round
    types it qualifies for) and the latest known pool distribution."""
    evaluation = evaluate(profile, as_of, rules)
    score = evaluation.crs.total
    programs = eligible_program_ids(evaluation)
    categories = tuple(c.id for c in evaluation.categories if c.eligible)
    start = as_of - timedelta(days=WINDOW_DAYS)
    recent = [r for r in rounds if start < r.on <= as_of]
    types = tuple(
        _round_type(t, score, [r for r in recent if r.round_type == t])
        for t in qualifying_round_types(evaluation)
    )
    sentences = [_type_sentence(score, item) for item in types]
    if not types:
        sentences.append(
            _(
                "On {date}, the file is not eligible for an Express Entry program, so it "
                "would not have been invited in any round."
            ).format(date=format_date(as_of))
        )
    distribution = _latest_distribution(rounds, as_of)
    pool = None if distribution is None else pool_at(distribution, score)
    if pool is not None:
        sentences.append(_pool_sentence(score, pool))
    return Outlook(
        as_of=as_of,
        score=score,
        programs=programs,
        categories=categories,
        pool=pool,
        round_types=types,
        sentences=tuple(sentences),
        rounds_known_up_to=max((r.on for r in rounds), default=None),
    )
