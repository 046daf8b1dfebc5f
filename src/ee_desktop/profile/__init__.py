"""The personal file: immutable values and the format-v1 JSON codec."""

from ee_desktop.profile.codec import decode, dumps, encode, load, loads
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
    ProvincialNomination,
    Residence,
    Spouse,
)
from ee_desktop.profile.problems import Problem, ProfileError

__all__ = [
    "Applicant",
    "CertificateOfQualification",
    "Child",
    "Eca",
    "Education",
    "Job",
    "JobOffer",
    "LanguageTest",
    "Passport",
    "Problem",
    "Profile",
    "ProfileError",
    "ProvincialNomination",
    "Residence",
    "Spouse",
    "decode",
    "dumps",
    "encode",
    "load",
    "loads",
]
