"""Convert between the personal file (dataclasses) and encrypted database rows."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ee_desktop.profile.background import Address, Background
from ee_desktop.profile.background_codec import (
    address_to_json,
    background_from_json,
    background_to_json,
)
from ee_desktop.profile.codec import nomination_from_json, nomination_to_json
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
from ee_desktop.store.crypto import Cipher
from ee_desktop.store.models import (
    EducationRow,
    JobRow,
    LanguageTestRow,
    PersonalFile,
    PersonRow,
    ResidenceRow,
)

_ROLE_ORDER = {"applicant": 0, "spouse": 1, "child": 2}


class RowMapper:
    def __init__(self, cipher: Cipher) -> None:
        self.c = cipher

    # -- small encrypted values -----------------------------------------------
    def _enc_date(self, value: date) -> bytes:
        return self.c.encrypt(value.isoformat().encode())

    def _dec_date(self, blob: bytes) -> date:
        return date.fromisoformat(self.c.decrypt(blob).decode())

    def _enc_record(self, record: dict[str, Any] | None) -> bytes | None:
        return None if record is None else self.c.encrypt(json.dumps(record).encode())

    def _dec_record(self, blob: bytes | None) -> dict[str, Any] | None:
        return None if blob is None else dict(json.loads(self.c.decrypt(blob)))

    def _enc_background(self, background: Background) -> bytes | None:
        return None if background.is_empty() else self._enc_record(background_to_json(background))

    def _background(self, r: PersonRow) -> Background:
        found = self._dec_record(r.background)
        return Background() if found is None else background_from_json(found)

    def _address(self, blob: bytes | None) -> Address | None:
        found = self._dec_record(blob)
        return None if found is None else Address(**found)

    def _text(self, blob: bytes | None) -> str:
        return self.c.decrypt_text(blob) or ""

    # -- profile -> rows ------------------------------------------------------
    def fill_file(self, row: PersonalFile, profile: Profile, label: str) -> None:
        """Replace ``row``'s content with ``profile`` (old child rows are deleted)."""
        row.label = self.c.encrypt(label.encode())
        funds = profile.settlement_funds_cad
        row.settlement_funds_cad = (
            None if funds is None else self.c.encrypt(json.dumps(funds).encode())
        )
        row.first_official_language = profile.first_official_language
        a = profile.applicant
        people = [
            self._person(
                "applicant",
                0,
                a,
                extra={
                    "marital_status": a.marital_status,
                    "country_of_residence": self.c.encrypt_text(a.country_of_residence),
                    "sibling_in_canada": a.sibling_in_canada,
                    "certificate_of_qualification": self._enc_record(_certificate(a)),
                    "provincial_nomination": self._enc_record(
                        nomination_to_json(a.provincial_nomination)
                    ),
                    "job_offer": self._enc_record(_job_offer(a)),
                },
            )
        ]
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
        row = PersonRow(
            role=role,
            role_order=_ROLE_ORDER[role],
            position=position,
            given_names=self.c.encrypt_text(p.given_names),
            family_name=self.c.encrypt_text(p.family_name),
            date_of_birth=self._enc_date(p.date_of_birth),
            passport=self._enc_record(
                None
                if p.passport is None
                else {
                    "number": p.passport.number,
                    "country": p.passport.country,
                    "issued_on": p.passport.issued_on.isoformat(),
                    "expires_on": p.passport.expires_on.isoformat(),
                }
            ),
            background=self._enc_background(p.background),
            **extra,
        )
        row.residences = [
            ResidenceRow(
                position=i,
                country=self.c.encrypt(r.country.encode()),
                from_date=self._enc_date(r.from_),
                to_date=None if r.to is None else self._enc_date(r.to),
                address=None if r.address is None else self._enc_record(address_to_json(r.address)),
            )
            for i, r in enumerate(p.residence_history)
        ]
        if isinstance(p, Child):
            return row
        row.language_tests = [
            LanguageTestRow(
                position=i,
                test=t.test,
                taken_on=t.taken_on,
                registration_number=self.c.encrypt(t.registration_number.encode()),
                listening=t.listening,
                reading=t.reading,
                writing=t.writing,
                speaking=t.speaking,
                results_on=t.results_on,
            )
            for i, t in enumerate(p.language_tests)
        ]
        row.education = [
            EducationRow(
                position=i,
                level=e.level,
                program_length_years=e.program_length_years,
                full_time=e.full_time,
                country=e.country,
                institution=self.c.encrypt(e.institution.encode()),
                field=self.c.encrypt(e.field.encode()),
                completed_on=e.completed_on,
                eca_organization=e.eca.organization if e.eca else None,
                eca_reference=self.c.encrypt_text(e.eca.reference if e.eca else None),
                eca_issued_on=e.eca.issued_on if e.eca else None,
                eca_level=e.eca.level if e.eca else None,
            )
            for i, e in enumerate(p.education)
        ]
        row.jobs = [
            JobRow(
                position=i,
                title=self.c.encrypt(j.title.encode()),
                employer=self.c.encrypt(j.employer.encode()),
                noc_code=j.noc_code,
                country=j.country,
                start=j.start,
                end=j.end,
                hours_per_week=j.hours_per_week,
                self_employed=j.self_employed,
                paid=j.paid,
                while_full_time_student=j.while_full_time_student,
            )
            for i, j in enumerate(p.work_history)
        ]
        return row

    # -- rows -> profile ------------------------------------------------------
    def label(self, row: PersonalFile) -> str:
        return self._text(row.label)

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
        funds = row.settlement_funds_cad
        return Profile(
            applicant=applicant,
            spouse=spouse,
            children=tuple(children),
            settlement_funds_cad=None if funds is None else json.loads(self.c.decrypt(funds)),
            first_official_language=row.first_official_language,
        )

    def _applicant(self, r: PersonRow) -> Applicant:
        cert = self._dec_record(r.certificate_of_qualification)
        nomination = self._dec_record(r.provincial_nomination)
        offer = self._dec_record(r.job_offer)
        return Applicant(
            given_names=self._text(r.given_names),
            family_name=self._text(r.family_name),
            date_of_birth=self._dec_date(r.date_of_birth),
            marital_status=r.marital_status or "never_married",
            country_of_residence=self._text(r.country_of_residence),
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
            background=self._background(r),
        )

    def _spouse(self, r: PersonRow) -> Spouse:
        return Spouse(
            accompanying=bool(r.accompanying),
            canadian_citizen_or_pr=bool(r.canadian_citizen_or_pr),
            given_names=self._text(r.given_names),
            family_name=self._text(r.family_name),
            date_of_birth=self._dec_date(r.date_of_birth),
            education=self._education(r),
            language_tests=self._tests(r),
            work_history=self._jobs(r),
            passport=self._passport(r),
            residence_history=self._residences(r),
            background=self._background(r),
        )

    def _child(self, r: PersonRow) -> Child:
        return Child(
            date_of_birth=self._dec_date(r.date_of_birth),
            accompanying=bool(r.accompanying),
            given_names=self.c.decrypt_text(r.given_names),
            family_name=self.c.decrypt_text(r.family_name),
            passport=self._passport(r),
            residence_history=self._residences(r),
            background=self._background(r),
        )

    def _passport(self, r: PersonRow) -> Passport | None:
        p = self._dec_record(r.passport)
        if p is None:
            return None
        return Passport(
            number=p["number"],
            country=p["country"],
            issued_on=date.fromisoformat(p["issued_on"]),
            expires_on=date.fromisoformat(p["expires_on"]),
        )

    def _residences(self, r: PersonRow) -> tuple[Residence, ...]:
        return tuple(
            Residence(
                country=self._text(x.country),
                from_=self._dec_date(x.from_date),
                to=None if x.to_date is None else self._dec_date(x.to_date),
                address=self._address(x.address),
            )
            for x in r.residences
        )

    def _tests(self, r: PersonRow) -> tuple[LanguageTest, ...]:
        def score(test: str, value: float) -> float:
            return value if test == "ielts_general" else int(value)

        return tuple(
            LanguageTest(
                test=t.test,
                taken_on=t.taken_on,
                registration_number=self._text(t.registration_number),
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
                institution=self._text(e.institution),
                field=self._text(e.field),
                completed_on=e.completed_on,
                eca=None
                if e.eca_organization is None
                else Eca(
                    organization=e.eca_organization,
                    reference=self._text(e.eca_reference),
                    issued_on=e.eca_issued_on,  # type: ignore[arg-type]
                    level=e.eca_level or e.level,
                ),
            )
            for e in r.education
        )

    def _jobs(self, r: PersonRow) -> tuple[Job, ...]:
        return tuple(
            Job(
                title=self._text(j.title),
                employer=self._text(j.employer),
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
