"""Convert between the personal file (dataclasses) and encrypted database rows."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from ee_desktop.profile.background import Address, Background
from ee_desktop.profile.background_codec import (
    address_to_json,
    background_from_json,
    background_to_json,
)
from ee_desktop.profile.codec import nomination_from_json, nomination_to_json
from ee_desktop.profile.funds import Funds
from ee_desktop.profile.funds_codec import funds_from_json, funds_to_json
from ee_desktop.profile.model import (
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
    Residence,
    Spouse,
)
from ee_desktop.profile.status import StatusInCanada, status_from_json, status_to_json
from ee_desktop.store.models import (
    EducationRow,
    JobRow,
    LanguageTestRow,
    PersonalFile,
    PersonRow,
    ResidenceRow,
)
from ee_desktop.store.sealing import Sealer

_ROLE_ORDER = {"applicant": 0, "spouse": 1, "child": 2}


class RowMapper:
    def __init__(self, sealer: Sealer) -> None:
        self.s = sealer
        self.c = sealer.c

    # -- small encrypted values -----------------------------------------------
    def _set_date(self, row: Any, column: str, value: date | None) -> None:
        self.s.seal(row, column, None if value is None else value.isoformat().encode())

    def _date(self, row: Any, column: str) -> date:
        value = self.s.unseal_text(row, column)
        try:
            return date.fromisoformat(value or "")
        except ValueError:
            raise self.s.error(row, column) from None

    def _record(self, row: Any, column: str) -> dict[str, Any] | None:
        """An optional record: None when absent, or when damaged (noted, see Sealer)."""

        def read() -> dict[str, Any] | None:
            found = self.s.unseal_json(row, column)
            if found is not None and not isinstance(found, dict):
                raise self.s.error(row, column)
            return found

        return self.s.optional(read, None)

    def _background(self, r: PersonRow) -> Background:
        found = self._record(r, "background")
        return Background() if found is None else background_from_json(found)

    def _address(self, r: ResidenceRow) -> Address | None:
        found = self._record(r, "address")
        return None if found is None else Address(**found)

    def _text(self, row: Any, column: str) -> str:
        """A text: empty when absent, or when damaged (noted, see Sealer)."""
        return self.s.optional(lambda: self.s.unseal_text(row, column), None) or ""

    # -- profile -> rows ------------------------------------------------------
    def fill_file(self, row: PersonalFile, profile: Profile, label: str) -> None:
        """Replace ``row``'s content with ``profile`` (old child rows are deleted)."""
        self.s.seal_text(row, "label", label)
        self.s.seal_json(row, "settlement_funds_cad", profile.settlement_funds_cad)
        self.s.seal_json(
            row, "funds", None if profile.funds is None else funds_to_json(profile.funds)
        )
        row.first_official_language = profile.first_official_language
        a = profile.applicant
        applicant = self._person(
            "applicant",
            0,
            a,
            extra={"marital_status": a.marital_status, "sibling_in_canada": a.sibling_in_canada},
        )
        self.s.seal_text(applicant, "country_of_residence", a.country_of_residence)
        self.s.seal_json(applicant, "certificate_of_qualification", _certificate(a))
        self.s.seal_json(
            applicant, "provincial_nomination", nomination_to_json(a.provincial_nomination)
        )
        self.s.seal_json(applicant, "job_offer", _job_offer(a))
        people = [applicant]
        if profile.spouse is not None:
            s = profile.spouse
            people.append(
                self._person(
                    "spouse",
                    0,
                    s,
                    extra={
                        "accompanying": s.accompanying,
                        "canadian_citizen_or_pr": s.canadian_citizen_or_pr,
                    },
                )
            )
        for i, child in enumerate(profile.children):
            people.append(
                self._person("child", i, child, extra={"accompanying": child.accompanying})
            )
        row.people = people

    def _person(
        self, role: str, position: int, p: Applicant | Spouse | Child, extra: dict[str, Any]
    ) -> PersonRow:
        row = PersonRow(role=role, role_order=_ROLE_ORDER[role], position=position, **extra)
        self.s.seal_text(row, "given_names", p.given_names)
        self.s.seal_text(row, "family_name", p.family_name)
        self._set_date(row, "date_of_birth", p.date_of_birth)
        self.s.seal_json(
            row,
            "passport",
            None
            if p.passport is None
            else {
                "number": p.passport.number,
                "country": p.passport.country,
                "issued_on": p.passport.issued_on.isoformat(),
                "expires_on": p.passport.expires_on.isoformat(),
            },
        )
        self.s.seal_json(
            row, "background", None if p.background.is_empty() else background_to_json(p.background)
        )
        status = p.status_in_canada
        self.s.seal_json(
            row, "status_in_canada", None if status is None else status_to_json(status)
        )
        row.residences = [self._residence(i, r) for i, r in enumerate(p.residence_history)]
        if isinstance(p, Child):
            return row
        row.language_tests = [self._test(i, t) for i, t in enumerate(p.language_tests)]
        row.education = [self._school(i, e) for i, e in enumerate(p.education)]
        row.jobs = [self._job(i, j) for i, j in enumerate(p.work_history)]
        return row

    def _residence(self, i: int, r: Residence) -> ResidenceRow:
        row = ResidenceRow(position=i)
        self.s.seal_text(row, "country", r.country)
        self._set_date(row, "from_date", r.from_)
        self._set_date(row, "to_date", r.to)
        self.s.seal_json(row, "address", None if r.address is None else address_to_json(r.address))
        return row

    def _test(self, i: int, t: LanguageTest) -> LanguageTestRow:
        row = LanguageTestRow(
            position=i,
            test=t.test,
            taken_on=t.taken_on,
            listening=t.listening,
            reading=t.reading,
            writing=t.writing,
            speaking=t.speaking,
            results_on=t.results_on,
        )
        self.s.seal_text(row, "registration_number", t.registration_number)
        return row

    def _school(self, i: int, e: Education) -> EducationRow:
        row = EducationRow(
            position=i,
            level=e.level,
            program_length_years=e.program_length_years,
            full_time=e.full_time,
            country=e.country,
            completed_on=e.completed_on,
            eca_organization=e.eca.organization if e.eca else None,
            eca_issued_on=e.eca.issued_on if e.eca else None,
            eca_level=e.eca.level if e.eca else None,
        )
        self.s.seal_text(row, "institution", e.institution)
        self.s.seal_text(row, "field", e.field)
        self.s.seal_text(row, "eca_reference", e.eca.reference if e.eca else None)
        return row

    def _job(self, i: int, j: Job) -> JobRow:
        row = JobRow(
            position=i,
            noc_code=j.noc_code,
            country=j.country,
            start=j.start,
            end=j.end,
            hours_per_week=j.hours_per_week,
            self_employed=j.self_employed,
            paid=j.paid,
            while_full_time_student=j.while_full_time_student,
        )
        self.s.seal_text(row, "title", j.title)
        self.s.seal_text(row, "employer", j.employer)
        return row

    # -- rows -> profile ------------------------------------------------------
    def label(self, row: PersonalFile) -> str:
        return self._text(row, "label")

    def profile(self, row: PersonalFile) -> Profile:
        applicant: Applicant | None = None
        spouse: Spouse | None = None
        children: list[Child] = []
        for person in row.people:
            if person.role == "applicant":
                applicant = self._applicant(person)
            elif person.role == "spouse":
                spouse = self._spouse(person)
            else:
                children.append(self._child(person))
        if applicant is None:
            raise ValueError(f"personal file {row.id} has no applicant")
        return Profile(
            applicant=applicant,
            spouse=spouse,
            children=tuple(children),
            settlement_funds_cad=self.s.optional(
                lambda: self.s.unseal_json(row, "settlement_funds_cad"), None
            ),
            first_official_language=row.first_official_language,
            funds=self._funds(row),
        )

    def _funds(self, row: PersonalFile) -> Funds | None:
        found = self._record(row, "funds")
        return None if found is None else funds_from_json(found)

    def _applicant(self, r: PersonRow) -> Applicant:
        cert = self._record(r, "certificate_of_qualification")
        nomination = self._record(r, "provincial_nomination")
        offer = self._record(r, "job_offer")
        return Applicant(
            given_names=self._text(r, "given_names"),
            family_name=self._text(r, "family_name"),
            date_of_birth=self._date(r, "date_of_birth"),
            marital_status=r.marital_status or "never_married",
            country_of_residence=self._text(r, "country_of_residence"),
            education=self._education(r),
            language_tests=self._tests(r),
            work_history=self._jobs(r),
            certificate_of_qualification=None
            if cert is None
            else CertificateOfQualification(
                province=cert["province"],
                trade=cert["trade"],
                issued_on=date.fromisoformat(cert["issued_on"]),
            ),
            provincial_nomination=nomination_from_json(nomination),
            job_offer=None
            if offer is None
            else JobOffer(
                noc_code=offer["noc_code"],
                employer=offer["employer"],
                start_on=date.fromisoformat(offer["start_on"]),
                lmia_exempt_or_approved=offer["lmia_exempt_or_approved"],
            ),
            sibling_in_canada=bool(r.sibling_in_canada),
            passport=self._passport(r),
            residence_history=self._residences(r),
            status_in_canada=self._status(r),
            background=self._background(r),
        )

    def _spouse(self, r: PersonRow) -> Spouse:
        return Spouse(
            accompanying=bool(r.accompanying),
            canadian_citizen_or_pr=bool(r.canadian_citizen_or_pr),
            given_names=self._text(r, "given_names"),
            family_name=self._text(r, "family_name"),
            date_of_birth=self._date(r, "date_of_birth"),
            education=self._education(r),
            language_tests=self._tests(r),
            work_history=self._jobs(r),
            passport=self._passport(r),
            residence_history=self._residences(r),
            status_in_canada=self._status(r),
            background=self._background(r),
        )

    def _child(self, r: PersonRow) -> Child:
        return Child(
            date_of_birth=self._date(r, "date_of_birth"),
            accompanying=bool(r.accompanying),
            given_names=self.s.optional(lambda: self.s.unseal_text(r, "given_names"), None),
            family_name=self.s.optional(lambda: self.s.unseal_text(r, "family_name"), None),
            passport=self._passport(r),
            residence_history=self._residences(r),
            status_in_canada=self._status(r),
            background=self._background(r),
        )

    def _status(self, r: PersonRow) -> StatusInCanada | None:
        found = self._record(r, "status_in_canada")
        return None if found is None else status_from_json(found)

    def _passport(self, r: PersonRow) -> Passport | None:
        p = self._record(r, "passport")
        if p is None:
            return None
        return Passport(
            number=p["number"],
            country=p["country"],
            issued_on=date.fromisoformat(p["issued_on"]),
            expires_on=date.fromisoformat(p["expires_on"]),
        )

    def _residences(self, r: PersonRow) -> tuple[Residence, ...]:
        def residence(x: ResidenceRow) -> Residence:
            return Residence(
                country=self._text(x, "country"),
                from_=self._date(x, "from_date"),
                to=None if x.to_date is None else self._date(x, "to_date"),
                address=self._address(x),
            )

        # A place whose dates are damaged is left out (noted), the others kept.
        kept = []
        for row in r.residences:
            found = self.s.optional(partial(residence, row), None)
            if found is not None:
                kept.append(found)
        return tuple(kept)

    def _tests(self, r: PersonRow) -> tuple[LanguageTest, ...]:
        def score(test: str, value: float) -> float:
            return value if test == "ielts_general" else int(value)

        return tuple(
            LanguageTest(
                test=t.test,
                taken_on=t.taken_on,
                registration_number=self._text(t, "registration_number"),
                listening=score(t.test, t.listening),
                reading=score(t.test, t.reading),
                writing=score(t.test, t.writing),
                speaking=score(t.test, t.speaking),
                results_on=t.results_on,
            )
            for t in r.language_tests
        )

    def _education(self, r: PersonRow) -> tuple[Education, ...]:
        return tuple(
            Education(
                level=e.level,
                program_length_years=e.program_length_years,
                full_time=e.full_time,
                country=e.country,
                institution=self._text(e, "institution"),
                field=self._text(e, "field"),
                completed_on=e.completed_on,
                eca=None
                if e.eca_organization is None
                else Eca(
                    organization=e.eca_organization,
                    reference=self._text(e, "eca_reference"),
                    issued_on=e.eca_issued_on,  # type: ignore[arg-type]
                    level=e.eca_level or e.level,
                ),
            )
            for e in r.education
        )

    def _jobs(self, r: PersonRow) -> tuple[Job, ...]:
        return tuple(
            Job(
                title=self._text(j, "title"),
                employer=self._text(j, "employer"),
                noc_code=j.noc_code,
                country=j.country,
                start=j.start,
                end=j.end,
                hours_per_week=_whole_if_integral(j.hours_per_week),
                self_employed=j.self_employed,
                paid=j.paid,
                while_full_time_student=j.while_full_time_student,
            )
            for j in r.jobs
        )


def _whole_if_integral(value: float) -> float:
    """SQLite returns REAL; keep 40 as 40 so an export matches what was imported."""
    return int(value) if value == int(value) else value


def _certificate(a: Applicant) -> dict[str, Any] | None:
    c = a.certificate_of_qualification
    if c is None:
        return None
    return {"province": c.province, "trade": c.trade, "issued_on": c.issued_on.isoformat()}


def _job_offer(a: Applicant) -> dict[str, Any] | None:
    o = a.job_offer
    if o is None:
        return None
    return {
        "noc_code": o.noc_code,
        "employer": o.employer,
        "start_on": o.start_on.isoformat(),
        "lmia_exempt_or_approved": o.lmia_exempt_or_approved,
    }
