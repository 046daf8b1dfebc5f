"""The permanent-residence sections in the personal file: strict reading, lossless
writing, encrypted storage, and the wizard carrying them through an edit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.profile.background import Activity, Address
from ee_desktop.profile.codec import decode, encode
from ee_desktop.profile.problems import ProfileError
from ee_desktop.store import open_store
from tests.conftest import FixedPassphrases, services_for
from tests.history.history_helpers import AS_OF, family, family_data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ProfileError) as caught:
        decode(data, today=AS_OF)
    return {p.path: p.expected for p in caught.value.problems}


def test_every_section_is_read_and_written_back_unchanged() -> None:
    data = family_data()
    profile = family(data)
    a = profile.applicant
    assert a.background.personal_history[0] == Activity(
        from_=AS_OF.replace(year=2010, month=7, day=1),
        to=AS_OF.replace(year=2019, month=3, day=1),
        activity="employed",
        organization="Infosys",
        occupation="Software engineer",
        city="Chennai",
        country="IN",
        status_in_country="citizen",
    )
    assert a.residence_history[0].address == Address("14 Lake View Road", "Chennai", "TN", "600033")
    assert [r.relationship for r in a.background.relatives] == ["mother", "father", "brother"]
    assert profile.children[0].background.travel_history[0].country == "TR"
    written = encode(profile)
    for person, source in [(written["applicant"], data["applicant"]),
                           (written["spouse"], data["spouse"]),
                           (written["children"][0], data["children"][0])]:  # fmt: skip
        for key in ("other_names", "personal_history", "travel_history", "relatives",
                    "residence_history"):  # fmt: skip
            assert person.get(key) == source.get(key), key
    assert decode(written, today=AS_OF) == profile


def test_a_file_without_the_sections_is_written_without_them(example_data: dict[str, Any]) -> None:
    written = encode(decode(example_data, today=AS_OF))
    for key in ("personal_history", "other_names", "relatives", "travel_history"):
        assert key not in written["applicant"]
    assert all("address" not in r for r in written["applicant"].get("residence_history", []))


@pytest.mark.parametrize(
    ("change", "path", "expected"),
    [
        (lambda d: d["applicant"]["personal_history"][0].update({"from": "2010-13"}),
         "applicant.personal_history[0].from", "a month written YYYY-MM"),
        (lambda d: d["applicant"]["personal_history"][0].update({"from": "2010-07-01"}),
         "applicant.personal_history[0].from", "a month written YYYY-MM"),
        (lambda d: d["applicant"]["personal_history"][0].update({"to": "2009-01"}),
         "applicant.personal_history[0].to", "a month on or after “from”"),
        (lambda d: d["applicant"]["personal_history"][0].update({"from": "1987-01"}),
         "applicant.personal_history[0].from", "a month from the birth month on"),
        (lambda d: d["applicant"]["personal_history"][0].update({"from": "2026-07"}),
         "applicant.personal_history[0].from", "a month that is not in the future"),
        (lambda d: d["applicant"]["personal_history"][0].update({"activity": "working"}),
         "applicant.personal_history[0].activity", "one of: employed"),
        (lambda d: d["applicant"]["personal_history"][0].update({"status_in_country": "resident"}),
         "applicant.personal_history[0].status_in_country", "one of: citizen"),
        (lambda d: d["applicant"]["personal_history"][0].update({"country": "India"}),
         "applicant.personal_history[0].country", "a two-letter ISO 3166"),
        (lambda d: d["applicant"]["residence_history"][0]["address"].update({"zip": "1"}),
         "applicant.residence_history[0].address.zip", "no field of this name"),
        (lambda d: d["applicant"]["travel_history"][0].update({"purpose": "holiday"}),
         "applicant.travel_history[0].purpose", "one of: tourism"),
        (lambda d: d["applicant"]["travel_history"][0].update({"to": "2023-04-01"}),
         "applicant.travel_history[0].to", "a date on or after “from”"),
        (lambda d: d["applicant"]["relatives"][0].update({"relationship": "aunt"}),
         "applicant.relatives[0].relationship", "one of: mother"),
        (lambda d: d["applicant"]["relatives"][1].update({"deceased_on": "1950-01-01"}),
         "applicant.relatives[1].deceased_on", "a date on or after the date of birth"),
        (lambda d: d["applicant"]["relatives"][0].update({"given_names": " "}),
         "applicant.relatives[0].given_names", "a non-empty text"),
        (lambda d: d["children"][0].update({"relatives": []}),
         "children[0].relatives", "no field of this name"),
        (lambda d: d["spouse"].update({"memberships": [{"from": "2020-01", "to": None}]}),
         "spouse.memberships[0].organization", "a non-empty text"),
        (lambda d: d["spouse"].update({"government_positions": [
            {"from": "2020-01", "country": "IN", "jurisdiction": "federal",
             "department": "Revenue", "position": "Clerk"}]}),
         "spouse.government_positions[0].jurisdiction", "one of: national"),
        (lambda d: d["spouse"].update({"military_service": [{"from": "2004-01", "to": "2005-01",
                                                             "country": "IN", "branch": "Army"}]}),
         "spouse.military_service[0].rank", "a non-empty text"),
        (lambda d: d["applicant"].update({"other_names": [{"given_names": "Meera"}]}),
         "applicant.other_names[0].family_name", "a non-empty text"),
    ],
)  # fmt: skip
def test_each_bad_value_is_named_by_its_field(change: Any, path: str, expected: str) -> None:
    data = family_data()
    change(data)
    problems = _problems(data)
    assert path in problems, problems
    assert problems[path].startswith(expected), problems[path]


def test_sections_round_trip_through_the_encrypted_store(data_dir: Path) -> None:
    profile = family()
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    store.close()
    reopened = open_store(data_dir, FixedPassphrases())
    assert reopened.load() == profile
    reopened.close()
    for path in (p for p in data_dir.rglob("*") if p.is_file()):
        content = path.read_bytes()
        for marker in ("Subramanian", "Lake View", "Emirates NBD", "Istanbul", "Saraswati",
                       "University of Dubai", "600033"):  # fmt: skip
            assert marker.encode() not in content, (marker, path.name)


def test_import_export_import_keeps_every_section(data_dir: Path, tmp_path: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    services = services_for(store, lambda: AS_OF)
    source = tmp_path / "family.json"
    source.write_text(json.dumps(family_data()), encoding="utf-8")
    services.files.import_file(source, today=AS_OF)
    exported = tmp_path / "out.json"
    services.files.export_file(exported)
    assert decode(json.loads(exported.read_text(encoding="utf-8")), today=AS_OF) == family()
    services.files.import_file(exported, today=AS_OF)
    assert store.load() == family()
    store.close()


def test_editing_the_profile_in_the_wizard_keeps_the_histories(data_dir: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    store.save(family())
    services = services_for(store, lambda: AS_OF)
    draft = services.wizard.start_edit()
    draft["applicant"]["given_names"] = "Meera Devi"
    services.wizard.finish(draft, AS_OF)
    saved = store.load()
    assert saved is not None
    assert saved.applicant.given_names == "Meera Devi"
    assert saved.applicant.background == family().applicant.background
    assert saved.spouse is not None and saved.spouse.residence_history[1].address is not None
    store.close()


def test_a_broken_history_entry_leaves_the_score_alone() -> None:
    from ee_desktop.profile.draft import check

    data = family_data()
    data["applicant"]["personal_history"][0]["from"] = "2010-13"
    data["children"][0]["personal_history"][0]["activity"] = "school"
    state = check(data, AS_OF)
    assert not state.complete
    assert state.scorable is not None
    assert len(state.scorable.applicant.background.personal_history) == 2
    assert len(state.scorable.children[0].background.personal_history) == 1
