"""The document rules file: well-formed, every trigger known, every slot key unambiguous."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from ee_desktop import i18n
from ee_desktop.checklist.data import (
    DocumentDataError,
    document_rules,
    parse_documents,
)
from ee_desktop.checklist.triggers import TRIGGERS
from ee_desktop.profile.codes import COUNTRY_CODES


def test_every_trigger_is_known_and_every_text_present() -> None:
    for rule in document_rules():
        assert rule.trigger in TRIGGERS, rule.key
        assert rule.title and rule.reason and rule.source, rule.key


def test_entries_sharing_a_key_never_apply_together() -> None:
    """Two entries may share a slot key only when dates or trigger variants keep them apart."""
    rules = document_rules()
    for a, b in combinations(rules, 2):
        if a.key != b.key:
            continue
        apart_in_time = (a.effective_to is not None and a.effective_to < b.effective_from) or (
            b.effective_to is not None and b.effective_to < a.effective_from
        )
        exclusive = a.trigger == b.trigger and a.argument != b.argument
        complementary = {a.trigger, b.trigger} in (
            {"per_eca", "per_canadian_credential"},
            # Before and after the ECA is entered: one slot, so progress carries over.
            {"per_eca", "per_credential_without_eca"},
        )
        assert apart_in_time or exclusive or complementary, (a.key, a.order, b.order)


def test_medical_rules_change_on_1_october_2023() -> None:
    medical = [r for r in document_rules() if r.key == "medical"]
    assert [r.effective_to for r in medical] == [date(2023, 9, 30), None]
    assert medical[1].effective_from == date(2023, 10, 1)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_country_code_has_a_name_in_each_language(language: str) -> None:
    i18n.install(language)
    try:
        unnamed = [code for code in COUNTRY_CODES if i18n.country_name(code) == code]
    finally:
        i18n.install("en")
    assert unnamed == []


HEADER = '[meta]\nformat = "ee-desktop.documents"\nformat_version = 1\n'
ENTRY = """
[[document]]
id = "x"
key = "x"
stage = "{stage}"
who = ["{who}"]
trigger = "always"
title = "X"
reason = "Y"
source = "Z"
effective_from = 2020-01-01
"""


def test_parse_accepts_a_minimal_entry() -> None:
    (rule,) = parse_documents(HEADER + ENTRY.format(stage="profile", who="applicant"))
    assert rule.contents == () and rule.validity == "" and rule.mandatory


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[meta]\nformat = 'other'\n", "not an ee-desktop.documents"),
        (HEADER + ENTRY.format(stage="landing", who="applicant"), "unknown stage"),
        (HEADER + ENTRY.format(stage="profile", who="cousin"), "unknown role"),
        (HEADER + ENTRY.format(stage="profile", who="applicant").replace('id = "x"\n', ""),
            "missing field"),
        (HEADER + ENTRY.format(stage="profile", who="applicant").replace(
            "2020-01-01", '"2020-01-01"'), "TOML dates"),
    ],
)  # fmt: skip
def test_parse_rejects_malformed_files(text: str, message: str) -> None:
    with pytest.raises(DocumentDataError, match=message):
        parse_documents(text)
