"""One document, one record: the passport, language results and ECA of the profile stage share
the record of the same document in the application stage; item keys stay as they were."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from checklist_helpers import AS_OF, family

from ee_desktop.checklist import (
    Attachment,
    ChecklistRecord,
    entry_for,
    generate,
    merge_records,
    standing,
)
from ee_desktop.checklist.data import DocumentDataError, parse_documents, record_key
from ee_desktop.checklist.output import to_json


def record(
    id: int, key: str, status: str = "needed", notes: str = "", files: int = 0
) -> ChecklistRecord:
    attachments = tuple(
        Attachment(id * 10 + i, f"{key}-{i}.pdf", f"v{id}-{i}", 10, datetime(2026, 1, 1))
        for i in range(files)
    )
    return ChecklistRecord(id, key, False, {}, status, None, None, None, notes, attachments)


def test_profile_items_of_one_document_share_the_application_record() -> None:
    items = {r.key: r for r in generate(family(), AS_OF)}
    assert items["profile.passport:applicant"].record_key == "passport:applicant"
    assert items["passport:applicant"].record_key == "passport:applicant"
    language = [k for k in items if k.startswith("profile.language:applicant:")]
    assert language and all(
        items[k].record_key == k.removeprefix("profile.") and k.removeprefix("profile.") in items
        for k in language
    )
    eca = [k for k in items if k.startswith("profile.eca:applicant:")]
    assert eca and all(
        items[k].record_key == "studies:" + k.split(":", 1)[1] and items[k].record_key in items
        for k in eca
    )
    # Every other item keeps its own record.
    assert all(r.record_key == r.key for r in items.values() if r.key.startswith("profile.work"))
    assert all(r.record_key == r.key for r in items.values() if not r.key.startswith("profile."))


def test_record_key_reads_either_stage_key() -> None:
    assert record_key("profile.passport:applicant") == "passport:applicant"
    assert record_key("passport:spouse") == "passport:spouse"
    assert record_key("profile.eca:spouse:mumbai-2018-05-01") == "studies:spouse:mumbai-2018-05-01"
    assert record_key("profile.language:applicant:ielts-2025-01-01") == (
        "language:applicant:ielts-2025-01-01"
    )
    assert record_key("profile.work:applicant:acme") == "profile.work:applicant:acme"
    assert record_key("custom:abc") == "custom:abc"


def test_both_stages_show_one_record() -> None:
    items = {r.key: r for r in generate(family(), AS_OF)}
    saved = record(7, "profile.passport:applicant", "received", "Renewed in 2024", files=1)
    profile = entry_for(items["profile.passport:applicant"], saved)
    application = entry_for(items["passport:applicant"], saved)
    for entry in (profile, application):
        assert (entry.status, entry.notes, entry.record_id) == ("received", "Renewed in 2024", 7)
        assert [a.filename for a in entry.attachments] == ["profile.passport:applicant-0.pdf"]


def test_rows_saved_separately_before_merge_into_the_furthest_status() -> None:
    old_profile = record(3, "profile.passport:applicant", "requested", "Asked", files=1)
    old_application = record(5, "passport:applicant", "received", files=2)
    merged = merge_records([old_profile, old_application])
    assert merged is not None
    assert (merged.id, merged.status, merged.notes) == (5, "received", "Asked")
    assert len(merged.attachments) == 3
    items = {r.key: r for r in generate(family(), AS_OF)}
    entry = entry_for(items["profile.passport:applicant"], old_profile, old_application)
    assert (entry.record_id, entry.shared_ids) == (5, (3,))
    assert merge_records([]) is None


def test_json_keeps_the_item_keys_and_adds_the_record_key() -> None:
    items = generate(family(), AS_OF)
    out = to_json([entry_for(r) for r in items], AS_OF)
    assert [i["key"] for i in out["items"]] == [r.key for r in items]
    by_key = {i["key"]: i for i in out["items"]}
    assert by_key["profile.passport:applicant"]["record_key"] == "passport:applicant"
    assert by_key["photo:applicant"]["record_key"] == "photo:applicant"


def test_application_documents_before_an_invitation_are_to_collect() -> None:
    items = {r.key: entry_for(r) for r in generate(family(), AS_OF)}
    photo, work = items["photo:applicant"], items["profile.passport:applicant"]
    assert standing(photo, AS_OF, invited=False) == "to_collect"
    assert standing(photo, AS_OF, invited=True) == "needed"
    assert standing(work, AS_OF, invited=False) == "needed"
    received = entry_for(
        generate(family(), AS_OF)[0], record(1, generate(family(), AS_OF)[0].key, "received")
    )
    assert standing(received, AS_OF, invited=False) == "done"
    expired = [e for e in items.values() if e.expires_on is not None][0]
    assert standing(expired, expired.expires_on or date.max, invited=False) == "expired"


HEADER = '[meta]\nformat = "ee-desktop.documents"\nformat_version = 1\n'
ENTRY = """
[[document]]
id = "x"
key = "{key}"
stage = "{stage}"
who = ["applicant"]
trigger = "always"
title = "X"
reason = "Y"
source = "Z"
effective_from = 2020-01-01
{extra}
"""


@pytest.mark.parametrize(
    ("extra", "stage"),
    [('same_as = "nowhere"', "profile"), ('same_as = "app"', "application")],
)
def test_same_as_must_name_an_application_key(extra: str, stage: str) -> None:
    text = HEADER + ENTRY.format(key="app", stage="application", extra="")
    text += ENTRY.format(key="p", stage=stage, extra=extra)
    with pytest.raises(DocumentDataError, match="same_as"):
        parse_documents(text)


def test_same_as_is_read() -> None:
    text = HEADER + ENTRY.format(key="app", stage="application", extra="")
    text += ENTRY.format(key="p", stage="profile", extra='same_as = "app"')
    assert [r.same_as for r in parse_documents(text)] == ["", "app"]
