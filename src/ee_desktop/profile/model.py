"""The personal file, format v1, as immutable values.

Field names follow ../spec (profile-format.md) one to one, so a field path in
an error message (``applicant.language_tests[0].speaking``) is also the
attribute path here, with two exceptions: ``Residence.from_`` (``from`` is a
Python keyword) and the permanent-residence sections (``personal_history``,
``relatives``...), which the format writes on each person and the model groups in
``person.background`` (background.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ee_desktop.profile.background import Address, Background
from ee_desktop.profile.funds import Funds
from ee_desktop.profile.status import StatusInCanada

FORMAT_NAME = "ee-desktop.profile"
FORMAT_VERSION = 1

MaritalStatus = Literal[
    "never_married", "married", "common_law", "divorced", "separated", "widowed", "annulled"
]
MARITAL_STATUSES: tuple[str, ...] = (
    "never_married",
    "married",
    "common_law",
    "divorced",
    "separated",
    "widowed",
    "annulled",
)
STATUSES_WITH_SPOUSE: frozenset[str] = frozenset({"married", "common_law"})

EDUCATION_LEVELS: tuple[str, ...] = (
    "less_than_secondary",
    "secondary",
    "one_year_post_secondary",
    "two_year_post_secondary",
    "bachelors",
    "masters",
    "doctoral",
)
ECA_ORGANIZATIONS: tuple[str, ...] = ("WES", "ICAS", "IQAS", "CES", "ICES", "MCC", "PEBC")
LANGUAGE_TESTS: tuple[str, ...] = (
    "ielts_general",
    "celpip_general",
    "pte_core",
    "tef_canada",
    "tcf_canada",
)
ABILITIES: tuple[str, ...] = ("listening", "reading", "writing", "speaking")
OFFICIAL_LANGUAGE_CHOICES: tuple[str, ...] = ("english", "french", "auto")
PROVINCES: tuple[str, ...] = (
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Eca:
    organization: str
    reference: str
    issued_on: date
    level: str


@dataclass(frozen=True, slots=True)
class Education:
    level: str
    program_length_years: int
    full_time: bool
    country: str
    institution: str
    field: str
    completed_on: date
    eca: Eca | None = None


@dataclass(frozen=True, slots=True)
class LanguageTest:
    test: str
    taken_on: date
    registration_number: str
    listening: float
    reading: float
    writing: float
    speaking: float
    results_on: date | None = None  # the date on the results; validity runs from it

    def score(self, ability: str) -> float:
        return float(getattr(self, ability))

    @property
    def valid_from(self) -> date:
        """Results are valid two years from the results date; without one, from the test."""
        return self.results_on or self.taken_on


@dataclass(frozen=True, slots=True)
class Job:
    title: str
    employer: str
    noc_code: str
    country: str
    start: date
    end: date | None
    hours_per_week: float
    self_employed: bool
    paid: bool
    while_full_time_student: bool

    @property
    def teer(self) -> int:
        return int(self.noc_code[1])


@dataclass(frozen=True, slots=True)
class CertificateOfQualification:
    province: str
    trade: str
    issued_on: date


@dataclass(frozen=True, slots=True)
class ProvincialNomination:
    province: str
    stream: str
    nominated_on: date
    accepted_on: date | None = None  # accepted in the Express Entry profile


@dataclass(frozen=True, slots=True)
class JobOffer:
    noc_code: str
    employer: str
    start_on: date
    lmia_exempt_or_approved: bool


@dataclass(frozen=True, slots=True)
class Passport:
    number: str
    country: str
    issued_on: date
    expires_on: date


@dataclass(frozen=True, slots=True)
class Residence:
    country: str
    from_: date
    to: date | None = None
    address: Address | None = None


@dataclass(frozen=True, slots=True)
class Applicant:
    given_names: str
    family_name: str
    date_of_birth: date
    marital_status: str
    country_of_residence: str
    education: tuple[Education, ...] = ()
    language_tests: tuple[LanguageTest, ...] = ()
    work_history: tuple[Job, ...] = ()
    certificate_of_qualification: CertificateOfQualification | None = None
    provincial_nomination: ProvincialNomination | None = None
    job_offer: JobOffer | None = None
    sibling_in_canada: bool = False
    passport: Passport | None = None
    residence_history: tuple[Residence, ...] = ()
    status_in_canada: StatusInCanada | None = None
    background: Background = Background()

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True, slots=True)
class Spouse:
    accompanying: bool
    canadian_citizen_or_pr: bool
    given_names: str
    family_name: str
    date_of_birth: date
    education: tuple[Education, ...] = ()
    language_tests: tuple[LanguageTest, ...] = ()
    work_history: tuple[Job, ...] = ()
    passport: Passport | None = None
    residence_history: tuple[Residence, ...] = ()
    status_in_canada: StatusInCanada | None = None
    background: Background = Background()


@dataclass(frozen=True, slots=True)
class Child:
    date_of_birth: date
    accompanying: bool
    given_names: str | None = None
    family_name: str | None = None
    passport: Passport | None = None
    residence_history: tuple[Residence, ...] = ()
    status_in_canada: StatusInCanada | None = None
    background: Background = Background()


@dataclass(frozen=True, slots=True)
class Profile:
    applicant: Applicant
    spouse: Spouse | None = None
    children: tuple[Child, ...] = ()
    settlement_funds_cad: float | None = None
    first_official_language: str = "auto"
    funds: Funds | None = None  # the ledger; when it has accounts it replaces the figure above
