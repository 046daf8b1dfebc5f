"""Read and write the personal file (format v1), with strict and complete validation.

``decode`` never stops at the first problem: it walks the whole document,
collects every problem (field path, value, what was expected) and raises one
``ProfileError`` with all of them. ``encode`` writes every field, including
optional ones at their defaults, so an exported file is explicit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ee_desktop.i18n import _
from ee_desktop.profile.background_codec import (
    PERSON_SECTIONS,
    WITH_RELATIVES,
    BackgroundReader,
    address_to_json,
    background_to_json,
)
from ee_desktop.profile.codes import ABILITY_NAMES, SCORE_SCALES, TEST_NAMES
from ee_desktop.profile.funds_codec import FundsReader, funds_to_json
from ee_desktop.profile.milestones import (
    EARLIEST as EARLIEST_MILESTONE,
)
from ee_desktop.profile.milestones import (
    MILESTONES,
    REPEATED_MILESTONES,
    REQUESTS,
    WITH_DUE,
    Milestone,
)
from ee_desktop.profile.model import (
    ABILITIES,
    ECA_ORGANIZATIONS,
    EDUCATION_LEVELS,
    FORMAT_NAME,
    FORMAT_VERSION,
    LANGUAGE_TESTS,
    MARITAL_STATUSES,
    OFFICIAL_LANGUAGE_CHOICES,
    PROVINCES,
    STATUSES_WITH_SPOUSE,
    Applicant,
    CertificateOfQualification,
    Child,
    Eca,
    Education,
    Job,
    JobOffer,
    LanguageTest,
    Passport,
    Profile,
    ProvincialNomination,
    Residence,
    Spouse,
)
from ee_desktop.profile.problems import MISSING, Problem, ProfileError
from ee_desktop.profile.reader import NOTE_LIMIT, Reader, encodable, join, too_long
from ee_desktop.profile.status import STATUS_KINDS, StatusInCanada, status_to_json

# Keys allowed in each object; True marks the required ones.
_TOP = {
    "format": True, "version": True, "applicant": True, "spouse": True, "children": False,
    "settlement_funds_cad": False, "first_official_language": False, "application": False,
    "funds": False,
}  # fmt: skip
_APPLICATION = {"milestones": True}
_STATUS = {
    "kind": True, "permit_expires_on": False, "applied_to_extend_on": False,
    "employer_specific": False,
}  # fmt: skip
_MILESTONE = {"name": True, "on": True, "due": False, "done_on": False, "note": False}
_PERSON_COMMON = {
    "given_names": True, "family_name": True, "date_of_birth": True, "education": False,
    "language_tests": False, "work_history": False, "passport": False, "residence_history": False,
    "status_in_canada": False,
} | WITH_RELATIVES  # fmt: skip
_APPLICANT = _PERSON_COMMON | {
    "education": True, "language_tests": True, "work_history": True,
    "marital_status": True, "country_of_residence": True, "sibling_in_canada": True,
    "certificate_of_qualification": False, "provincial_nomination": False, "job_offer": False,
}  # fmt: skip
_SPOUSE = _PERSON_COMMON | {"accompanying": True, "canadian_citizen_or_pr": True}
_CHILD = {
    "date_of_birth": True, "accompanying": True, "given_names": False, "family_name": False,
    "passport": False, "residence_history": False, "status_in_canada": False,
} | PERSON_SECTIONS  # fmt: skip
_EDUCATION = {
    "level": True, "program_length_years": True, "full_time": True, "country": True,
    "institution": True, "field": True, "completed_on": True, "eca": False,
}  # fmt: skip
_ECA = {"organization": True, "reference": True, "issued_on": True, "level": True}
_TEST = (
    {"test": True, "taken_on": True, "registration_number": True}
    | dict.fromkeys(ABILITIES, True)
    | {"results_on": False}
)
_JOB = {
    "title": True, "employer": True, "noc_code": True, "country": True, "start": True,
    "end": True, "hours_per_week": True, "self_employed": True, "paid": True,
    "while_full_time_student": True,
}  # fmt: skip
_CERTIFICATE = {"province": True, "trade": True, "issued_on": True}
_NOMINATION = {"province": True, "stream": True, "nominated_on": True, "accepted_on": False}
_JOB_OFFER = {"noc_code": True, "employer": True, "start_on": True, "lmia_exempt_or_approved": True}
_PASSPORT = {"number": True, "country": True, "issued_on": True, "expires_on": True}
_RESIDENCE = {"country": True, "from": True, "to": False, "address": False}


class _Decoder:
    def __init__(self, today: date) -> None:
        self.today = today
        self.r = Reader()
        self.background = BackgroundReader(self.r, today)
        self.milestones: tuple[Milestone, ...] | None = None

    def profile(self, data: Any) -> Profile:
        r = self.r
        d = r.object(data, "", _TOP)
        if d is None:
            raise ProfileError(r.problems)
        if d.get("format", MISSING) != FORMAT_NAME:
            r.add("format", d.get("format", MISSING), f'"{FORMAT_NAME}"')
        version = d.get("version", MISSING)
        if type(version) is not int or version != FORMAT_VERSION:
            newer = isinstance(version, int) and not isinstance(version, bool) and version > 1
            r.add(
                "version",
                version,
                _("1 (this file was written by a newer version of ee-desktop; update the app)")
                if newer
                else "1",
            )
        applicant = self.applicant(d.get("applicant", MISSING), "applicant")
        spouse = self.r.optional(d, "spouse", "", self.spouse, required=True)
        children = r.list_of(d, "children", "", self.child)
        funds = None
        if "settlement_funds_cad" in d:
            funds = r.number(d, "settlement_funds_cad", "", 0, 100_000_000, nullable=True)
        first = "auto"
        if "first_official_language" in d:
            first = r.choice(d, "first_official_language", "", OFFICIAL_LANGUAGE_CHOICES) or "auto"
        if applicant is not None:
            status = applicant.marital_status
            if spouse is not None and status is not None and status not in STATUSES_WITH_SPOUSE:
                r.add(
                    "spouse",
                    d["spouse"],
                    _(
                        "null, because marital_status “{status}” has no spouse or partner "
                        "(only married and common_law do)"
                    ).format(status=status),
                )
            if (
                spouse is None
                and status in STATUSES_WITH_SPOUSE
                and "spouse" in d
                and d["spouse"] is None
            ):
                r.add(
                    "spouse",
                    None,
                    _(
                        "the spouse's or partner's details, because marital_status is “{status}”"
                    ).format(status=status),
                )
        self.milestones = r.optional(d, "application", "", self.application)
        ledger = r.optional(d, "funds", "", FundsReader(r, self.today).funds)
        if r.problems:
            raise ProfileError(r.problems)
        assert applicant is not None
        return Profile(
            applicant=applicant,
            spouse=spouse,
            children=children,
            settlement_funds_cad=funds,
            first_official_language=first,
            funds=ledger,
        )

    # -- the application's milestones -----------------------------------
    def application(self, value: Any, path: str) -> tuple[Milestone, ...]:
        d = self.r.object(value, path, _APPLICATION)
        if d is None:
            return ()
        found = self.r.list_of(d, "milestones", path, self.milestone, required=True)
        milestones = tuple(m for m in found if m is not None)
        seen: set[str] = set()
        for index, item in enumerate(found):
            if item is None:
                continue
            if item.name in seen and item.name not in REPEATED_MILESTONES:
                self.r.add(
                    f"{path}.milestones[{index}].name",
                    item.name,
                    _("each milestone once (only {names} can repeat)").format(
                        names=", ".join(REPEATED_MILESTONES)
                    ),
                )
            seen.add(item.name)
        return milestones

    def milestone(self, value: Any, path: str) -> Milestone | None:
        r = self.r
        d = r.object(value, path, _MILESTONE)
        if d is None:
            return None
        name = r.choice(d, "name", path, MILESTONES)
        on = r.iso_date(d, "on", path)
        if on is not None and on > self.today:
            r.add(join(path, "on"), on.isoformat(), _("a date that is not in the future"))
        elif on is not None and on < EARLIEST_MILESTONE:
            # The same bound as the milestone command: a step of this process that old is
            # a typing mistake.
            r.add(
                join(path, "on"),
                on.isoformat(),
                _("a date from {first} on").format(first=EARLIEST_MILESTONE.isoformat()),
            )
        due = r.iso_date(d, "due", path, nullable=True) if "due" in d else None
        done = r.iso_date(d, "done_on", path, nullable=True) if "done_on" in d else None
        if due is not None and name is not None and name not in WITH_DUE:
            r.add(
                join(path, "due"),
                due.isoformat(),
                _("no date here: only {names} carry one").format(names=", ".join(WITH_DUE)),
            )
        if done is not None and name is not None and name not in REQUESTS:
            r.add(
                join(path, "done_on"),
                done.isoformat(),
                _("no date here: only {names} are answered").format(names=", ".join(REQUESTS)),
            )
        r.order(join(path, "due"), on, due, _("a date on or after “on”"))
        r.order(join(path, "done_on"), on, done, _("a date on or after “on”"))
        if done is not None and done > self.today:
            r.add(join(path, "done_on"), done.isoformat(), _("a date that is not in the future"))
        note = ""
        if "note" in d:
            note = d["note"]
            if not isinstance(note, str) or not encodable(note):
                r.add(join(path, "note"), note, _("a text"))
                note = ""
            elif len(note) > NOTE_LIMIT:
                r.add(join(path, "note"), note, too_long(NOTE_LIMIT))
                note = ""
        if name is None or on is None:
            return None
        return Milestone(name, on, due, done, note)

    def _past(self, d: dict[str, Any], key: str, path: str) -> date | None:
        """A date of something that has happened: not after today."""
        day = self.r.iso_date(d, key, path)
        if day is not None and day > self.today:
            self.r.add(join(path, key), day.isoformat(), _("a date not in the future"))
            return None
        return day

    # -- people ----------------------------------------------------------
    def _person_dates(self, d: dict[str, Any], path: str) -> date | None:
        born = self.r.iso_date(d, "date_of_birth", path)
        if born is not None and born > self.today:
            self.r.add(
                join(path, "date_of_birth"),
                born.isoformat(),
                _("a date of birth that is not in the future"),
            )
            return None
        return born

    def applicant(self, value: Any, path: str) -> Applicant | None:
        r = self.r
        if value is MISSING:
            r.add(path, MISSING, _("the applicant's details"))
            return None
        d = r.object(value, path, _APPLICANT)
        if d is None:
            return None
        given_names = r.text(d, "given_names", path)  # problems in the order of the form
        family_name = r.text(d, "family_name", path)
        born = self._person_dates(d, path)
        return Applicant(
            given_names=given_names,  # type: ignore[arg-type]
            family_name=family_name,  # type: ignore[arg-type]
            date_of_birth=born,  # type: ignore[arg-type]
            marital_status=r.choice(d, "marital_status", path, MARITAL_STATUSES),  # type: ignore[arg-type]
            country_of_residence=r.country(d, "country_of_residence", path),  # type: ignore[arg-type]
            education=self._education_list(d, path, born, required=True),
            language_tests=self._test_list(d, path, born, required=True),
            work_history=self._job_list(d, path, born, required=True),
            certificate_of_qualification=r.optional(
                d, "certificate_of_qualification", path, self.certificate
            ),
            provincial_nomination=r.optional(d, "provincial_nomination", path, self.nomination),
            job_offer=r.optional(d, "job_offer", path, self.job_offer),
            sibling_in_canada=r.boolean(d, "sibling_in_canada", path),  # type: ignore[arg-type]
            passport=r.optional(d, "passport", path, lambda v, p: self.passport(v, p, born)),
            residence_history=r.list_of(
                d, "residence_history", path, lambda v, p: self.residence(v, p, born)
            ),
            status_in_canada=r.optional(d, "status_in_canada", path, self.status),
            background=self.background.person(d, path, born, relatives=True),
        )

    def spouse(self, value: Any, path: str) -> Spouse | None:
        r = self.r
        d = r.object(value, path, _SPOUSE)
        if d is None:
            return None
        accompanying = r.boolean(d, "accompanying", path)
        canadian = r.boolean(d, "canadian_citizen_or_pr", path)
        given_names = r.text(d, "given_names", path)
        family_name = r.text(d, "family_name", path)
        born = self._person_dates(d, path)
        return Spouse(
            accompanying=accompanying,  # type: ignore[arg-type]
            canadian_citizen_or_pr=canadian,  # type: ignore[arg-type]
            given_names=given_names,  # type: ignore[arg-type]
            family_name=family_name,  # type: ignore[arg-type]
            date_of_birth=born,  # type: ignore[arg-type]
            education=self._education_list(d, path, born),
            language_tests=self._test_list(d, path, born),
            work_history=self._job_list(d, path, born),
            passport=r.optional(d, "passport", path, lambda v, p: self.passport(v, p, born)),
            residence_history=r.list_of(
                d, "residence_history", path, lambda v, p: self.residence(v, p, born)
            ),
            status_in_canada=r.optional(d, "status_in_canada", path, self.status),
            background=self.background.person(d, path, born, relatives=True),
        )

    def child(self, value: Any, path: str) -> Child | None:
        r = self.r
        d = r.object(value, path, _CHILD)
        if d is None:
            return None
        born = self._person_dates(d, path)
        return Child(
            date_of_birth=born,  # type: ignore[arg-type]
            accompanying=r.boolean(d, "accompanying", path),  # type: ignore[arg-type]
            given_names=r.text(d, "given_names", path, nullable=True, required=False),
            family_name=r.text(d, "family_name", path, nullable=True, required=False),
            passport=r.optional(d, "passport", path, lambda v, p: self.passport(v, p, born)),
            residence_history=r.list_of(
                d, "residence_history", path, lambda v, p: self.residence(v, p, born)
            ),
            status_in_canada=r.optional(d, "status_in_canada", path, self.status),
            background=self.background.person(d, path, born, relatives=False),
        )

    def status(self, value: Any, path: str) -> StatusInCanada | None:
        r = self.r
        d = r.object(value, path, _STATUS)
        if d is None:
            return None
        kind = r.choice(d, "kind", path, STATUS_KINDS)
        expires = r.iso_date(d, "permit_expires_on", path, nullable=True)
        applied = r.iso_date(d, "applied_to_extend_on", path, nullable=True)
        if applied is not None and applied > self.today:
            r.add(
                join(path, "applied_to_extend_on"),
                applied.isoformat(),
                _("a date not in the future"),
            )
            applied = None
        specific = r.boolean(d, "employer_specific", path) if "employer_specific" in d else False
        if kind is None:
            return None
        if kind != "none" and expires is None and "permit_expires_on" not in d:
            r.add(join(path, "permit_expires_on"), MISSING, _("the permit's expiry date"))
        return StatusInCanada(kind, expires, applied, bool(specific))

    def _education_list(
        self, d: dict[str, Any], path: str, born: date | None, required: bool = False
    ) -> tuple[Education, ...]:
        return self.r.list_of(
            d, "education", path, lambda v, p: self.education(v, p, born), required
        )

    def _test_list(
        self, d: dict[str, Any], path: str, born: date | None, required: bool = False
    ) -> tuple[LanguageTest, ...]:
        return self.r.list_of(
            d, "language_tests", path, lambda v, p: self.language_test(v, p, born), required
        )

    def _job_list(
        self, d: dict[str, Any], path: str, born: date | None, required: bool = False
    ) -> tuple[Job, ...]:
        return self.r.list_of(d, "work_history", path, lambda v, p: self.job(v, p, born), required)

    # -- records -----------------------------------------------------------
    def education(self, value: Any, path: str, born: date | None) -> Education | None:
        r = self.r
        d = r.object(value, path, _EDUCATION)
        if d is None:
            return None
        country = r.country(d, "country", path)
        completed = r.iso_date(d, "completed_on", path)
        r.order(
            join(path, "completed_on"),
            born,
            completed,
            _("a completion date after the date of birth"),
        )
        eca = r.optional(d, "eca", path, self.eca)
        if country == "CA" and d.get("eca") is not None:
            r.add(
                join(path, "eca"),
                d["eca"],
                _("null: a Canadian credential (country CA) needs no ECA"),
            )
        return Education(
            level=r.choice(d, "level", path, EDUCATION_LEVELS),  # type: ignore[arg-type]
            program_length_years=r.number(d, "program_length_years", path, 0, 15, whole=True),  # type: ignore[arg-type]
            full_time=r.boolean(d, "full_time", path),  # type: ignore[arg-type]
            country=country,  # type: ignore[arg-type]
            institution=r.text(d, "institution", path),  # type: ignore[arg-type]
            field=r.text(d, "field", path),  # type: ignore[arg-type]
            completed_on=completed,  # type: ignore[arg-type]
            eca=eca,
        )

    def eca(self, value: Any, path: str) -> Eca | None:
        r = self.r
        d = r.object(value, path, _ECA)
        if d is None:
            return None
        issued = r.iso_date(d, "issued_on", path)
        if issued is not None and issued > self.today:
            r.add(join(path, "issued_on"), issued.isoformat(), _("a date not in the future"))
        return Eca(
            organization=r.choice(d, "organization", path, ECA_ORGANIZATIONS),  # type: ignore[arg-type]
            reference=r.text(d, "reference", path),  # type: ignore[arg-type]
            issued_on=issued,  # type: ignore[arg-type]
            level=r.choice(d, "level", path, EDUCATION_LEVELS),  # type: ignore[arg-type]
        )

    def language_test(self, value: Any, path: str, born: date | None) -> LanguageTest | None:
        r = self.r
        d = r.object(value, path, _TEST)
        if d is None:
            return None
        test = r.choice(d, "test", path, LANGUAGE_TESTS)
        taken = self._past(d, "taken_on", path)
        r.order(join(path, "taken_on"), born, taken, _("a test date after the date of birth"))
        results = r.iso_date(d, "results_on", path, nullable=True) if "results_on" in d else None
        r.order(
            join(path, "results_on"), taken, results, _("a results date on or after the test date")
        )
        if results is not None and results > self.today:
            r.add(join(path, "results_on"), results.isoformat(), _("a date not in the future"))
        scores: dict[str, float | None] = {}
        for ability in ABILITIES:
            scores[ability] = self._score(d, ability, path, test)
        return LanguageTest(
            test=test,  # type: ignore[arg-type]
            taken_on=taken,  # type: ignore[arg-type]
            registration_number=r.text(d, "registration_number", path),  # type: ignore[arg-type]
            **scores,  # type: ignore[arg-type]
            results_on=results,
        )

    def _score(self, d: dict[str, Any], ability: str, path: str, test: str | None) -> float | None:
        here = join(path, ability)
        value = d.get(ability, MISSING)
        scale = SCORE_SCALES[test][ability] if test else None
        if test is None or scale is None:  # unknown test: only check the value is a number
            if not isinstance(value, int | float) or isinstance(value, bool):
                self.r.add(here, value, _("a score (a number)"))
            return None
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        if not numeric or not scale.accepts(value):
            self.r.add(
                here,
                value,
                _("a {ability} score for {test} within {range}").format(
                    test=_(TEST_NAMES[test]),
                    ability=_(ABILITY_NAMES[ability]),
                    range=scale.describe(),
                ),
            )
            return None
        return float(value) if scale.step != 1 else int(value)

    def job(self, value: Any, path: str, born: date | None) -> Job | None:
        r = self.r
        d = r.object(value, path, _JOB)
        if d is None:
            return None
        start = r.iso_date(d, "start", path)
        end = r.iso_date(d, "end", path, nullable=True)
        r.order(join(path, "start"), born, start, _("a start date after the date of birth"))
        r.order(join(path, "end"), start, end, _("an end date on or after the start date"))
        return Job(
            title=r.text(d, "title", path),  # type: ignore[arg-type]
            employer=r.text(d, "employer", path),  # type: ignore[arg-type]
            noc_code=r.noc_code(d, "noc_code", path),  # type: ignore[arg-type]
            country=r.country(d, "country", path),  # type: ignore[arg-type]
            start=start,  # type: ignore[arg-type]
            end=end,
            hours_per_week=r.number(d, "hours_per_week", path, 1, 168),  # type: ignore[arg-type]
            self_employed=r.boolean(d, "self_employed", path),  # type: ignore[arg-type]
            paid=r.boolean(d, "paid", path),  # type: ignore[arg-type]
            while_full_time_student=r.boolean(d, "while_full_time_student", path),  # type: ignore[arg-type]
        )

    def certificate(self, value: Any, path: str) -> CertificateOfQualification | None:
        r = self.r
        d = r.object(value, path, _CERTIFICATE)
        if d is None:
            return None
        return CertificateOfQualification(
            province=r.choice(d, "province", path, PROVINCES),  # type: ignore[arg-type]
            trade=r.text(d, "trade", path),  # type: ignore[arg-type]
            issued_on=self._past(d, "issued_on", path),  # type: ignore[arg-type]
        )

    def nomination(self, value: Any, path: str) -> ProvincialNomination | None:
        r = self.r
        d = r.object(value, path, _NOMINATION)
        if d is None:
            return None
        nominated = self._past(d, "nominated_on", path)
        accepted = r.iso_date(d, "accepted_on", path, nullable=True) if "accepted_on" in d else None
        r.order(
            join(path, "accepted_on"),
            nominated,
            accepted,
            _("an acceptance date on or after the nomination date"),
        )
        if accepted is not None and accepted > self.today:
            r.add(join(path, "accepted_on"), accepted.isoformat(), _("a date not in the future"))
        return ProvincialNomination(
            province=r.choice(d, "province", path, PROVINCES),  # type: ignore[arg-type]
            stream=r.text(d, "stream", path),  # type: ignore[arg-type]
            nominated_on=nominated,  # type: ignore[arg-type]
            accepted_on=accepted,
        )

    def job_offer(self, value: Any, path: str) -> JobOffer | None:
        r = self.r
        d = r.object(value, path, _JOB_OFFER)
        if d is None:
            return None
        return JobOffer(
            noc_code=r.noc_code(d, "noc_code", path),  # type: ignore[arg-type]
            employer=r.text(d, "employer", path),  # type: ignore[arg-type]
            start_on=r.iso_date(d, "start_on", path),  # type: ignore[arg-type]
            lmia_exempt_or_approved=r.boolean(d, "lmia_exempt_or_approved", path),  # type: ignore[arg-type]
        )

    def passport(self, value: Any, path: str, born: date | None) -> Passport | None:
        r = self.r
        d = r.object(value, path, _PASSPORT)
        if d is None:
            return None
        issued = r.iso_date(d, "issued_on", path)
        r.order(join(path, "issued_on"), born, issued, _("an issue date after the date of birth"))
        expires = r.iso_date(d, "expires_on", path)
        r.order(join(path, "expires_on"), issued, expires, _("an expiry date after the issue date"))
        return Passport(
            number=r.text(d, "number", path),  # type: ignore[arg-type]
            country=r.country(d, "country", path),  # type: ignore[arg-type]
            issued_on=issued,  # type: ignore[arg-type]
            expires_on=expires,  # type: ignore[arg-type]
        )

    def residence(self, value: Any, path: str, born: date | None) -> Residence | None:
        r = self.r
        d = r.object(value, path, _RESIDENCE)
        if d is None:
            return None
        start = r.iso_date(d, "from", path)
        r.order(join(path, "from"), born, start, _("a date on or after the date of birth"))
        end = r.iso_date(d, "to", path, nullable=True) if "to" in d else None
        r.order(join(path, "to"), start, end, _("a date on or after “from”"))
        address = r.optional(d, "address", path, self.background.address)
        country = r.country(d, "country", path)
        return Residence(country, start, end, address)  # type: ignore[arg-type]


# -- public API -----------------------------------------------------------
def decode(data: Any, *, today: date) -> Profile:
    """Build a ``Profile`` from parsed JSON; ``today`` bounds dates that cannot be in the future."""
    return decode_document(data, today=today)[0]


def decode_document(data: Any, *, today: date) -> tuple[Profile, tuple[Milestone, ...] | None]:
    """The file and the milestones of its optional ``application`` section (None without
    one, which is not the same as a section that lists none)."""
    decoder = _Decoder(today)
    profile = decoder.profile(data)
    return profile, decoder.milestones


class _JsonObject(dict[str, Any]):
    """A parsed JSON object that remembers repeated keys, for the reader to report."""

    duplicates: list[tuple[str, Any]]


def _keep_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _JsonObject()
    result.duplicates = []
    for key, value in pairs:
        if key in result:
            result.duplicates.append((key, value))
        else:
            result[key] = value
    return result


def loads(text: str, *, today: date) -> Profile:
    return loads_document(text, today=today)[0]


def loads_document(text: str, *, today: date) -> tuple[Profile, tuple[Milestone, ...] | None]:
    try:
        data = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_keep_duplicates)
    except RecursionError:
        raise ProfileError([Problem("", _("values nested too deeply"), _("valid JSON"))]) from None
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):  # a number too long
            raise ProfileError([Problem("", str(exc)[:80], _("valid JSON"))]) from None
        raise ProfileError(
            [
                Problem(
                    "",
                    _("line {line}, column {column}: {msg}").format(
                        line=exc.lineno, column=exc.colno, msg=exc.msg
                    ),
                    _("valid JSON"),
                )
            ]
        ) from None
    return decode_document(data, today=today)


def load(path: Path, *, today: date) -> Profile:
    return load_document(path, today=today)[0]


def load_document(path: Path, *, today: date) -> tuple[Profile, tuple[Milestone, ...] | None]:
    """Read a personal file; unreadable files are reported like any other problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ProfileError([Problem(str(path), reason, _("a readable UTF-8 file"))]) from None
    return loads_document(text, today=today)


def nomination_to_json(n: ProvincialNomination | None) -> dict[str, Any] | None:
    """The format's ``provincial_nomination`` object (also how the store keeps it)."""
    if n is None:
        return None
    out = {"province": n.province, "stream": n.stream, "nominated_on": n.nominated_on.isoformat()}
    if n.accepted_on is not None:  # written only when known: older readers reject the key
        out["accepted_on"] = n.accepted_on.isoformat()
    return out


def nomination_from_json(d: dict[str, Any] | None) -> ProvincialNomination | None:
    """Read back what nomination_to_json wrote (trusted: the app's own storage)."""
    if d is None:
        return None
    accepted = d.get("accepted_on")
    return ProvincialNomination(
        d["province"],
        d["stream"],
        date.fromisoformat(d["nominated_on"]),
        None if accepted is None else date.fromisoformat(accepted),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def milestone_to_json(m: Milestone) -> dict[str, Any]:
    """One milestone; optional fields only when set."""
    out: dict[str, Any] = {"name": m.name, "on": m.on.isoformat()}
    if m.due is not None:
        out["due"] = m.due.isoformat()
    if m.done_on is not None:
        out["done_on"] = m.done_on.isoformat()
    if m.note:
        out["note"] = m.note
    return out


def encode(profile: Profile, milestones: Iterable[Milestone] = ()) -> dict[str, Any]:
    """The JSON document (format v1) for ``profile``, with every field written out. The
    ``application`` section is written only when there are milestones: older readers reject
    the key."""
    document = _encode_profile(profile)
    recorded = sorted(milestones, key=lambda m: (m.on, MILESTONES.index(m.name)))
    if recorded:
        document["application"] = {"milestones": [milestone_to_json(m) for m in recorded]}
    return document


def _encode_profile(profile: Profile) -> dict[str, Any]:
    a = profile.applicant
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "applicant": {
            "given_names": a.given_names,
            "family_name": a.family_name,
            "date_of_birth": a.date_of_birth.isoformat(),
            "marital_status": a.marital_status,
            "country_of_residence": a.country_of_residence,
            "education": [_encode_education(e) for e in a.education],
            "language_tests": [_encode_test(t) for t in a.language_tests],
            "work_history": [_encode_job(j) for j in a.work_history],
            "certificate_of_qualification": None
            if a.certificate_of_qualification is None
            else {
                "province": a.certificate_of_qualification.province,
                "trade": a.certificate_of_qualification.trade,
                "issued_on": a.certificate_of_qualification.issued_on.isoformat(),
            },
            "provincial_nomination": nomination_to_json(a.provincial_nomination),
            "job_offer": None
            if a.job_offer is None
            else {
                "noc_code": a.job_offer.noc_code,
                "employer": a.job_offer.employer,
                "start_on": a.job_offer.start_on.isoformat(),
                "lmia_exempt_or_approved": a.job_offer.lmia_exempt_or_approved,
            },
            "sibling_in_canada": a.sibling_in_canada,
            "passport": _encode_passport(a.passport),
            "residence_history": [_encode_residence(r) for r in a.residence_history],
            **_encode_status(a.status_in_canada),
            **background_to_json(a.background),
        },
        "spouse": None if profile.spouse is None else _encode_spouse(profile.spouse),
        "children": [_encode_child(c) for c in profile.children],
        "settlement_funds_cad": profile.settlement_funds_cad,
        "first_official_language": profile.first_official_language,
        # Written only when present: a file without a ledger reads as before everywhere.
        **({} if profile.funds is None else {"funds": funds_to_json(profile.funds)}),
    }


def dumps(profile: Profile, milestones: Iterable[Milestone] = ()) -> str:
    return json.dumps(encode(profile, milestones), indent=2, ensure_ascii=False) + "\n"


def _encode_spouse(s: Spouse) -> dict[str, Any]:
    return {
        "accompanying": s.accompanying,
        "canadian_citizen_or_pr": s.canadian_citizen_or_pr,
        "given_names": s.given_names,
        "family_name": s.family_name,
        "date_of_birth": s.date_of_birth.isoformat(),
        "education": [_encode_education(e) for e in s.education],
        "language_tests": [_encode_test(t) for t in s.language_tests],
        "work_history": [_encode_job(j) for j in s.work_history],
        "passport": _encode_passport(s.passport),
        **_encode_status(s.status_in_canada),
        "residence_history": [_encode_residence(r) for r in s.residence_history],
        **background_to_json(s.background),
    }


def _encode_child(c: Child) -> dict[str, Any]:
    return {
        "given_names": c.given_names,
        "family_name": c.family_name,
        "date_of_birth": c.date_of_birth.isoformat(),
        "accompanying": c.accompanying,
        "passport": _encode_passport(c.passport),
        **_encode_status(c.status_in_canada),
        "residence_history": [_encode_residence(r) for r in c.residence_history],
        **background_to_json(c.background),
    }


def _encode_education(e: Education) -> dict[str, Any]:
    return {
        "level": e.level,
        "program_length_years": e.program_length_years,
        "full_time": e.full_time,
        "country": e.country,
        "institution": e.institution,
        "field": e.field,
        "completed_on": e.completed_on.isoformat(),
        "eca": None
        if e.eca is None
        else {
            "organization": e.eca.organization,
            "reference": e.eca.reference,
            "issued_on": e.eca.issued_on.isoformat(),
            "level": e.eca.level,
        },
    }


def _encode_test(t: LanguageTest) -> dict[str, Any]:
    return {
        "test": t.test,
        "taken_on": t.taken_on.isoformat(),
        "registration_number": t.registration_number,
        "results_on": _iso(t.results_on),
        **{
            ability: t.score(ability) if t.test == "ielts_general" else int(t.score(ability))
            for ability in ABILITIES
        },
    }


def _encode_job(j: Job) -> dict[str, Any]:
    return {
        "title": j.title,
        "employer": j.employer,
        "noc_code": j.noc_code,
        "country": j.country,
        "start": j.start.isoformat(),
        "end": _iso(j.end),
        "hours_per_week": j.hours_per_week,
        "self_employed": j.self_employed,
        "paid": j.paid,
        "while_full_time_student": j.while_full_time_student,
    }


def _encode_status(status: StatusInCanada | None) -> dict[str, Any]:
    """Written only when given: a file without it reads as before everywhere."""
    return {} if status is None else {"status_in_canada": status_to_json(status)}


def _encode_passport(p: Passport | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "number": p.number,
        "country": p.country,
        "issued_on": p.issued_on.isoformat(),
        "expires_on": p.expires_on.isoformat(),
    }


def _encode_residence(r: Residence) -> dict[str, Any]:
    out: dict[str, Any] = {"country": r.country, "from": r.from_.isoformat(), "to": _iso(r.to)}
    if r.address is not None:  # written only when known: older readers reject the key
        out["address"] = address_to_json(r.address)
    return out
