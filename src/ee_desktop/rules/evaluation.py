"""One call that answers everything about a file on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ee_desktop.i18n import _, current_language, format_date
from ee_desktop.profile.funds_in_use import available_funds
from ee_desktop.profile.model import Profile
from ee_desktop.rules import alerts, programs
from ee_desktop.rules.categories import CategoryResult, evaluate_categories
from ee_desktop.rules.crs import CrsScore, score
from ee_desktop.rules.dates import add_years
from ee_desktop.rules.explain import Factor, factors
from ee_desktop.rules.facts import Facts, facts
from ee_desktop.rules.loader import BUILTIN, RuleSet, load_rules
from ee_desktop.rules.programs import ProgramResult
from ee_desktop.rules.tables import Tables


@dataclass(frozen=True, slots=True)
class NoticeItem:
    """Something the user must know about the rules used: not a problem with the file."""

    id: str
    title: str
    text: str
    source: str
    effective_from: date | None


class Evaluation:
    """Facts, CRS and programs are computed up front; the rest on first use."""

    def __init__(
        self, profile: Profile, as_of: date, rules: RuleSet, known: Facts | None = None
    ) -> None:
        """``known``: the facts of ``profile`` on ``as_of`` when the caller has them."""
        self.profile = profile
        self.as_of = as_of
        self.rules = rules
        self.rules_version = rules.rules_version
        self.verified_on = rules.verified_on
        self.tables: Tables = rules.at(as_of)
        self.facts: Facts = facts(profile, as_of, rules) if known is None else known
        self.crs: CrsScore = score(self.facts, self.tables)
        self.fsw: ProgramResult = programs.fsw(profile, self.facts, self.tables)
        self.cec: ProgramResult = programs.cec(self.facts, self.tables)
        self.fst: ProgramResult = programs.fst(profile, self.facts, self.tables)
        self.required_funds = programs.required_funds(self.facts, self.tables)

    @property
    def available_funds(self) -> float | None:
        """The settlement funds the file shows on the evaluation date (the ledger's total,
        or the single figure without one)."""
        return available_funds(self.profile, self.as_of)

    @property
    def eligible_for_any_program(self) -> bool:
        return self.fsw.eligible or self.cec.eligible or self.fst.eligible

    @property
    def funds_exempt_reason(self) -> str | None:
        """'job_offer', 'cec' or None: why no proof of settlement funds is needed."""
        if programs.funds_exempt(self.facts):
            return "job_offer"
        if self.cec.eligible and not self.fsw.eligible and not self.fst.eligible:
            return "cec"
        return None

    @cached_property
    def factors(self) -> list[Factor]:
        return factors(self.crs, self.facts, self.tables)

    @cached_property
    def categories(self) -> tuple[CategoryResult, ...]:
        return evaluate_categories(self.facts, self.tables, self.eligible_for_any_program)

    @cached_property
    def alerts(self) -> tuple[alerts.Alert, ...]:
        """The warnings, each with the part of the file that changes it."""
        return tuple(
            alerts.warnings(self.profile, self.facts, self.tables, self.rules, self.required_funds)
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(alert.text for alert in self.alerts)

    @cached_property
    def notices(self) -> tuple[NoticeItem, ...]:
        return notices(self.rules, self.tables, self.as_of)


def notices(rules: RuleSet, tables: Tables, as_of: date) -> tuple[NoticeItem, ...]:
    """What the user must know about the rules used on ``as_of`` (the same for every file)."""
    # The texts are worded once per language: switching language must not show the old one.
    key = ("notices", as_of, current_language())
    cached = rules.memo.get(key)
    if cached is None:
        cached = rules.memo[key] = _notices(rules, tables, as_of)
    return cached


def _notices(rules: RuleSet, tables: Tables, as_of: date) -> tuple[NoticeItem, ...]:
    out = []
    if as_of > rules.verified_on:
        out.append(
            NoticeItem(
                "rules-verified-on",
                _("Rules verified up to {day}").format(day=format_date(rules.verified_on)),
                _(
                    "This result uses the rules as verified against official sources up to {day}. "
                    "Changes after that date are not included unless listed below."
                ).format(day=format_date(rules.verified_on)),
                "",
                None,
            )
        )
    for notice in rules.notices():
        if notice.announced_on <= as_of:
            out.append(
                NoticeItem(  # a newer rules file's own words are in no catalogue: kept as is
                    notice.id, _(notice.title), _(notice.text), notice.source, notice.effective_from
                )
            )
    funds = _funds_table_age(tables, as_of)
    if funds is not None:
        out.append(funds)
    overridden: dict[str, list[str]] = {}
    for table_id, entry in tables.entries.items():
        if entry.layer != BUILTIN:
            overridden.setdefault(entry.layer, []).append(table_id)
    for layer, table_ids in overridden.items():
        out.append(
            NoticeItem(
                f"rules-file:{layer}",
                _("Rules from the file {name}").format(name=layer),
                _(
                    "On this date these tables come from the installed rules file {name}, not the "
                    "built-in rules: {tables}."
                ).format(name=layer, tables=", ".join(table_ids)),
                "",
                None,
            )
        )
    return tuple(out)


def _funds_table_age(tables: Tables, as_of: date) -> NoticeItem | None:
    """IRCC has published a new settlement funds table every year: one in force for a year
    or more may have been replaced without these rules knowing."""
    entry = tables.entries.get("funds.settlement")
    if entry is None or entry.effective_to is not None:
        return None
    if as_of < add_years(entry.effective_from, 1):
        return None
    day = format_date(entry.effective_from)
    return NoticeItem(
        "funds-table-age",
        _("Settlement funds: the table of {day}").format(day=day),
        _(
            "The settlement funds required here are those of the table in force since {day}. "
            "IRCC has published a new table every year since 2023, and a newer one may be in "
            "force: check the amount on IRCC's proof-of-funds page before you submit."
        ).format(day=day),
        entry.source,
        entry.effective_from,
    )


def evaluate(profile: Profile, as_of: date, rules: RuleSet | None = None) -> Evaluation:
    """Facts, CRS, programs, categories, warnings and notices for ``profile`` on ``as_of``."""
    return Evaluation(profile, as_of, load_rules() if rules is None else rules)
