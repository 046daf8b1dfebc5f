"""Plain-language names for the format's codes, marked for translation."""

from __future__ import annotations

from ee_desktop.i18n import N_, _

MARITAL_STATUS = {
    "never_married": N_("never married"),
    "married": N_("married"),
    "common_law": N_("common-law partner"),
    "divorced": N_("divorced"),
    "separated": N_("separated"),
    "widowed": N_("widowed"),
    "annulled": N_("annulled marriage"),
}

EDUCATION_LEVEL = {
    "less_than_secondary": N_("less than secondary school"),
    "secondary": N_("secondary school diploma"),
    "one_year_post_secondary": N_("one-year post-secondary program"),
    "two_year_post_secondary": N_("two-year post-secondary program"),
    "bachelors": N_("bachelor's degree or 3+ year program"),
    "masters": N_("master's or professional degree"),
    "doctoral": N_("doctoral degree (PhD)"),
}


def level_scale(language: str) -> str:
    """The benchmark a test's levels are on: CLB for English tests, NCLC for French ones.
    French calls both NCLC, so the English name is a message."""
    return "NCLC" if language == "french" else _("CLB")


def label(table: dict[str, str], code: str) -> str:
    """The translated label for ``code``, or the code itself when unknown."""
    return _(table[code]) if code in table else code


PROVINCE = {
    "AB": N_("Alberta"),
    "BC": N_("British Columbia"),
    "MB": N_("Manitoba"),
    "NB": N_("New Brunswick"),
    "NL": N_("Newfoundland and Labrador"),
    "NS": N_("Nova Scotia"),
    "NT": N_("Northwest Territories"),
    "NU": N_("Nunavut"),
    "ON": N_("Ontario"),
    "PE": N_("Prince Edward Island"),
    "QC": N_("Quebec"),
    "SK": N_("Saskatchewan"),
    "YT": N_("Yukon"),
}

# The permanent-residence sections (background.py).
ACTIVITY = {
    "employed": N_("employed"),
    "self_employed": N_("self-employed"),
    "studying": N_("studying"),
    "unemployed": N_("unemployed"),
    "homemaker": N_("homemaker"),
    "retired": N_("retired"),
    "travelling": N_("travelling"),
    "military": N_("military service"),
    "other": N_("other"),
}

STATUS_IN_COUNTRY = {
    "citizen": N_("citizen"),
    "permanent_resident": N_("permanent resident"),
    "worker": N_("worker (work permit or visa)"),
    "student": N_("student (study permit or visa)"),
    "visitor": N_("visitor"),
    "other": N_("other"),
}

TRIP_PURPOSE = {
    "tourism": N_("tourism"),
    "business": N_("business"),
    "family": N_("family visit"),
    "study": N_("study"),
    "work": N_("work"),
    "other": N_("other"),
}

RELATIONSHIP = {
    "mother": N_("mother"),
    "father": N_("father"),
    "brother": N_("brother"),
    "sister": N_("sister"),
    "half_brother": N_("half-brother"),
    "half_sister": N_("half-sister"),
    "step_brother": N_("stepbrother"),
    "step_sister": N_("stepsister"),
    "son": N_("son"),
    "daughter": N_("daughter"),
    "step_son": N_("stepson"),
    "step_daughter": N_("stepdaughter"),
    "adopted_son": N_("adopted son"),
    "adopted_daughter": N_("adopted daughter"),
}

JURISDICTION = {
    "national": N_("national"),
    "regional": N_("regional (province, state)"),
    "municipal": N_("municipal"),
    "other": N_("other"),
}
