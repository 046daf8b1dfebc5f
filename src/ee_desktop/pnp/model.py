"""Provincial nominee streams aligned with Express Entry: the streams as data, the answer to
"does this file fit?", and what the user tracks per stream."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ee_desktop.dated import Dated
from ee_desktop.i18n import N_
from ee_desktop.profile.model import ProvincialNomination

# How a stream takes candidates in.
INTAKES: dict[str, str] = {
    "federal_pool": N_(
        "The province searches the Express Entry pool and invites the candidates it picks; "
        "keep your profile up to date and say in it that you are open to this province."
    ),
    "eoi": N_(
        "You register an expression of interest with the province; it invites the "
        "highest-ranked registrations to apply."
    ),
    "employer": N_(
        "It starts with an employer in the province: you need their job offer and, often, "
        "their part of the application."
    ),
    "direct": N_("You apply to the province directly when the stream is open."),
}
INTAKE_NAMES: dict[str, str] = {
    "federal_pool": N_("Province searches the pool"),
    "eoi": N_("Expression of interest"),
    "employer": N_("Employer-driven"),
    "direct": N_("Direct application"),
}

FITS, MIGHT_FIT, DOES_NOT_FIT = "fits", "might_fit", "does_not_fit"
FIT_ORDER: tuple[str, ...] = (FITS, MIGHT_FIT, DOES_NOT_FIT)
FIT_NAMES: dict[str, str] = {
    FITS: N_("Fits"),
    MIGHT_FIT: N_("Might fit"),
    DOES_NOT_FIT: N_("Does not fit"),
}

ANSWERS: tuple[str, ...] = ("yes", "no")

# Occupation groups a stream may be limited to (requires.occupation_group): the group's name
# (gettext msgid, read after "for occupations in") and the NOC 2021 codes it takes, by prefix.
# The first digit of a NOC 2021 code is its broad occupational category; 3 is health.
OCCUPATION_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "health": (N_("health"), ("3",)),
}

# What the user records per stream, in the order a stream usually goes.
EVENTS: dict[str, str] = {
    "interest": N_("Expression of interest submitted"),
    "invited": N_("Invited to apply by the province"),
    "applied": N_("Application sent to the province"),
    "nominated": N_("Nominated"),
    "accepted": N_("Nomination accepted in the Express Entry profile"),
    "declined": N_("Nomination declined"),
    "refused": N_("Refused by the province"),
    "withdrawn": N_("Withdrawn"),
}
STEP_NAMES: dict[str, str] = {  # short, for a table cell
    "interest": N_("Interest"),
    "invited": N_("Invited"),
    "applied": N_("Applied"),
    "nominated": N_("Nominated"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "refused": N_("Refused"),
    "withdrawn": N_("Withdrawn"),
}
# Events after which the stream is over for this file (unless something newer follows).
CLOSING_EVENTS: frozenset[str] = frozenset({"declined", "refused", "withdrawn"})


@dataclass(frozen=True, slots=True)
class Ask:
    """A criterion the personal file cannot show, asked as a yes/no question."""

    id: str
    text: str  # gettext msgid, a question answered yes or no


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a stream asks that the file can show (or that the user is asked)."""

    programs: tuple[str, ...] = ()  # eligible for one of these federal programs; () = any
    clb: int | None = None  # first official language, every ability
    english_clb: int | None = None  # English, every ability (first or second language)
    french_nclc: int | None = None  # French, every ability
    education: str | None = None  # lowest Canadian-equivalent level accepted
    crs: int | None = None
    min_age: int | None = None
    max_age: int | None = None
    # Experience: experience_months of paid work within the last experience_window_years,
    # only in these TEERs / occupations and not in the excluded ones (empty = no limit).
    experience_months: int = 0
    experience_window_years: int = 10
    teer: tuple[int, ...] = ()
    occupations: tuple[str, ...] = ()
    excluded_occupations: tuple[str, ...] = ()
    # Only for occupations in this group (OCCUPATION_GROUPS): the file's occupations (its jobs
    # and its job offer) are checked against it; a file with none leaves it to the questions.
    occupation_group: str | None = None
    job_offer: bool = False  # from an employer in the province
    worked_in_province_months: int = 0
    graduated_in_province: bool = False
    asks: tuple[Ask, ...] = ()


@dataclass(frozen=True, slots=True)
class Stream(Dated):
    id: str  # stable: tracking and answers are keyed on it
    province: str
    program: str  # the nominee program's name, e.g. "Ontario Immigrant Nominee Program"
    name: str
    url: str
    intake: str
    summary: str  # gettext msgid
    verified: bool
    verified_on: date
    note: str  # gettext msgid: what could not be verified, or ""
    apply_within_days: int | None  # after an invitation from the province
    requires: Requirements = field(default_factory=Requirements)


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str  # worded, ready to show
    hint: str = ""  # what the file already says, when it helps to answer


@dataclass(frozen=True, slots=True)
class StreamMatch:
    stream: Stream
    fit: str
    met: tuple[str, ...]  # worded: why it fits
    unmet: tuple[str, ...]  # worded: what rules it out
    questions: tuple[Question, ...]  # not yet answered


@dataclass(frozen=True, slots=True)
class TrackedEvent:
    id: int  # the store's id
    stream_id: str
    kind: str
    on: date
    note: str = ""
    # As the stream was named when the step was recorded: a later data update may rename it.
    province: str = ""
    stream_name: str = ""
    # A nomination entered by other means that this step replaced in the file (given back
    # if the step is removed).
    replaced: ProvincialNomination | None = None
