"""Program eligibility: Federal Skilled Worker (with its 67-point grid), CEC and FST."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ee_desktop.i18n import N_
from ee_desktop.profile.funds_in_use import available_funds
from ee_desktop.profile.model import Profile
from ee_desktop.rules import experience
from ee_desktop.rules.experience import Stint
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.model import Facts
from ee_desktop.rules.tables import Tables, pick
from ee_desktop.rules.text import Reason, reason


class GridFactor(NamedTuple):
    factor: str
    points: int
    max: int


class ProgramResult(NamedTuple):
    eligible: bool
    unmet: tuple[Reason, ...]
    points: int | None = None  # the FSW grid only
    grid: tuple[GridFactor, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Each unmet requirement as a plain sentence."""
        return tuple(str(r) for r in self.unmet)


def _lowest(result: LanguageResult | None) -> int:
    return 0 if result is None else result.lowest


def _language_reason(result: LanguageResult | None, needed: int) -> Reason:
    if result is None:
        return reason(
            N_(
                "You need CLB/NCLC {needed} in all four abilities of your first "
                "official language; you have no valid language test."
            ),
            needed=needed,
        )
    return reason(
        N_(
            "You need CLB/NCLC {needed} in all four abilities of your first official "
            "language; your lowest is {lowest}."
        ),
        needed=needed,
        lowest=result.lowest,
    )


def required_funds(facts: Facts, tables: Tables) -> int | None:
    if tables.funds is None:
        return None
    amounts, extra = tables.funds
    size = facts.family_size
    return (
        amounts[size - 1] if size <= len(amounts) else amounts[-1] + (size - len(amounts)) * extra
    )


def _funds_reason(profile: Profile, facts: Facts, tables: Tables) -> Reason | None:
    """A reason when the funds entered are below the requirement (unknown funds are a warning)."""
    needed = required_funds(facts, tables)
    have = available_funds(profile, facts.as_of)
    if needed is None or have is None or have >= needed or funds_exempt(facts):
        return None
    return reason(
        N_(
            "You need {needed_cad} in settlement funds for a family of {size}; you have {have_cad}."
        ),
        needed_cad=needed,
        size=facts.family_size,
        have_cad=have,
    )


def funds_exempt(facts: Facts) -> bool:
    """Exempt when working in Canada now (so authorized to work) with a valid job offer."""
    today = facts.as_of.toordinal()
    return facts.job_offer_noc is not None and any(
        s.canadian and s.end >= today for s in facts.stints
    )


def fsw_grid(facts: Facts, tables: Tables) -> tuple[GridFactor, ...]:
    first, second = facts.first_language, facts.second_language
    language = 0
    if first is not None:
        language = sum(pick(tables.fsw_language, level) for level in first.levels)
    second_min, second_points = tables.fsw_second_language
    if second is not None and second.lowest >= second_min:
        language += second_points
    adapt = tables.fsw_adaptability
    spouse = facts.spouse
    items = [
        adapt["own_work"] if facts.canadian_work_years >= 1 else 0,
        adapt["own_study"] if facts.studied_in_canada_years >= adapt["study_min_years"] else 0,
        adapt["arranged_employment"] if facts.job_offer_noc else 0,
        adapt["relative"] if facts.sibling_in_canada else 0,
    ]
    if spouse is not None:
        items += [
            adapt["spouse_language"]
            if spouse.language is not None
            and spouse.language.lowest >= adapt["spouse_language_min_clb"]
            else 0,
            adapt["spouse_study"]
            if spouse.studied_in_canada_years >= adapt["study_min_years"]
            else 0,
            adapt["spouse_work"] if spouse.canadian_work_years >= 1 else 0,
        ]
    maxima = tables.fsw_maxima
    return (
        GridFactor("language", language, maxima["language"]),
        GridFactor("education", tables.fsw_education[facts.education_level], maxima["education"]),
        GridFactor(
            "work_experience",
            pick(tables.fsw_work, facts.skilled_work_years),
            maxima["work_experience"],
        ),
        GridFactor("age", pick(tables.fsw_age, facts.age), maxima["age"]),
        GridFactor(
            "arranged_employment",
            tables.fsw_arranged_employment if facts.job_offer_noc else 0,
            tables.fsw_arranged_employment,
        ),
        GridFactor("adaptability", min(adapt["cap"], sum(items)), adapt["cap"]),
    )


# The work parts depend on the stints and the window only: the strategy's copies of one file
# share them, so each is counted once.
@lru_cache(maxsize=1024)
def _continuous(stints: tuple[Stint, ...], low: int, high: int, cap: float) -> float:
    return experience.longest_continuous(stints, low, high, cap)[0]


@lru_cache(maxsize=1024)
def _canadian_hours(
    stints: tuple[Stint, ...], low: int, high: int, cap: float
) -> tuple[float, float]:
    """Hours of skilled work in Canada, all TEER and TEER 2-3 only."""
    canadian = [s for s in stints if s.canadian and s.counts_in_canada]
    teer_2_3 = [s for s in canadian if s.teer >= 2]
    return experience.hours(canadian, low, high, cap), experience.hours(teer_2_3, low, high, cap)


@lru_cache(maxsize=1024)
def _trade_hours(
    stints: tuple[Stint, ...],
    low: int,
    high: int,
    cap: float,
    trades: tuple[str, ...],
    excluded: tuple[str, ...],
) -> float:
    """Most hours in one skilled trade."""
    by_trade: dict[str, list[Stint]] = {}
    for s in stints:
        if s.noc.startswith(trades) and not s.noc.startswith(excluded):
            by_trade.setdefault(s.noc, []).append(s)
    return max(
        (experience.hours(group, low, high, cap) for group in by_trade.values()), default=0.0
    )


def fsw(profile: Profile, facts: Facts, tables: Tables) -> ProgramResult:
    rules = tables.fsw_minimums
    cap, per_year = tables.counting["max_hours_per_week"], tables.counting["hours_per_year"]
    low = tables.window_start(rules["window_years"])
    continuous = _continuous(facts.stints, low, facts.as_of.toordinal(), cap)
    reasons: list[Reason] = []
    if continuous < rules["work_hours"] - 1e-6:
        reasons.append(
            reason(
                N_(
                    "You need {needed_hours} of continuous skilled work (TEER 0-3) in one "
                    "occupation in the last {years} years; you have {have_hours}."
                ),
                per_year,
                needed_hours=rules["work_hours"],
                years=rules["window_years"],
                have_hours=continuous,
            )
        )
    if _lowest(facts.first_language) < rules["min_clb"]:
        reasons.append(_language_reason(facts.first_language, rules["min_clb"]))
    if facts.education_level == "less_than_secondary":
        reasons.append(
            reason(
                N_(
                    "You need a secondary or post-secondary credential; a foreign "
                    "one counts only with a valid ECA."
                )
            )
        )
    grid = fsw_grid(facts, tables)
    points = sum(g.points for g in grid)
    if points < rules["pass_mark"]:
        reasons.append(
            reason(
                N_("You need {needed} points on the FSW selection grid; you have {have}."),
                needed=rules["pass_mark"],
                have=points,
            )
        )
    funds = _funds_reason(profile, facts, tables)
    if funds:
        reasons.append(funds)
    return ProgramResult(not reasons, tuple(reasons), points, grid)


def cec(facts: Facts, tables: Tables) -> ProgramResult:
    rules = tables.cec
    cap, per_year = tables.counting["max_hours_per_week"], tables.counting["hours_per_year"]
    low = tables.window_start(rules["window_years"])
    high = facts.as_of.toordinal()
    total, teer_2_3 = _canadian_hours(facts.stints, low, high, cap)
    needed = rules["work_hours"] - 1e-6
    lowest = _lowest(facts.first_language)
    reasons: list[Reason] = []
    if total < needed:
        reasons.append(
            reason(
                N_(
                    "You need {needed_hours} of skilled work in Canada in the last {years} years; "
                    "you have {have_hours}."
                ),
                per_year,
                needed_hours=rules["work_hours"],
                years=rules["window_years"],
                have_hours=total,
            )
        )
    elif lowest < rules["clb_teer_0_1"] and not (
        teer_2_3 >= needed and lowest >= rules["clb_teer_2_3"]
    ):
        level = rules["clb_teer_2_3"] if teer_2_3 >= needed else rules["clb_teer_0_1"]
        reasons.append(_language_reason(facts.first_language, level))
    return ProgramResult(not reasons, tuple(reasons))


def is_trade(noc: str, tables: Tables) -> bool:
    return noc.startswith(tables.fst_trades) and not noc.startswith(tables.fst_excluded)


def fst(profile: Profile, facts: Facts, tables: Tables) -> ProgramResult:
    rules = tables.fst
    cap, per_year = tables.counting["max_hours_per_week"], tables.counting["hours_per_year"]
    low = tables.window_start(rules["window_years"])
    high = facts.as_of.toordinal()
    best = _trade_hours(facts.stints, low, high, cap, tables.fst_trades, tables.fst_excluded)
    reasons: list[Reason] = []
    if best < rules["work_hours"] - 1e-6:
        reasons.append(
            reason(
                N_(
                    "You need {needed_hours} of work in one skilled trade in the last {years} "
                    "years; you have {have_hours}."
                ),
                per_year,
                needed_hours=rules["work_hours"],
                years=rules["window_years"],
                have_hours=best,
            )
        )
    first = facts.first_language
    minimums = (
        ("speaking", rules["min_speaking"]),
        ("listening", rules["min_listening"]),
        ("reading", rules["min_reading"]),
        ("writing", rules["min_writing"]),
    )
    if first is None or any(getattr(first, a) < m for a, m in minimums):
        reasons.append(
            reason(
                N_(
                    "You need CLB/NCLC {s} in speaking and listening and {r} in reading and "
                    "writing in your first official language."
                ),
                s=rules["min_speaking"],
                r=rules["min_reading"],
            )
        )
    offer_in_trade = facts.job_offer_noc is not None and is_trade(facts.job_offer_noc, tables)
    if not offer_in_trade and not facts.certificate_of_qualification:
        reasons.append(
            reason(
                N_(
                    "You need a job offer in a skilled trade or a Canadian "
                    "certificate of qualification in your trade."
                )
            )
        )
    funds = _funds_reason(profile, facts, tables)
    if funds:
        reasons.append(funds)
    return ProgramResult(not reasons, tuple(reasons))
