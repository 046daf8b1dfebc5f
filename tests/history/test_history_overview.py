"""The Overview's Application forms row and the history service behind the editor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ee_desktop.history.overview import forms_section
from ee_desktop.profile.codec import decode
from ee_desktop.profile.overview import Status
from ee_desktop.profile.problems import ProfileError
from ee_desktop.store import open_store
from tests.conftest import TODAY, FixedPassphrases, services_for
from tests.history.history_helpers import AS_OF, family, family_data


def test_the_overview_row_follows_the_histories(example_data: dict[str, Any]) -> None:
    assert forms_section(family(), AS_OF).status is Status.COMPLETE
    data = family_data()
    del data["applicant"]["personal_history"][1]
    row = forms_section(family(data), AS_OF)
    assert row.status is Status.INCOMPLETE
    assert "Meera Iyer: 1 gap or overlap" in row.text
    assert "Karthik Iyer: Complete" in row.text
    untouched = forms_section(decode(example_data, today=TODAY), TODAY)
    assert untouched.status is Status.NOT_APPLICABLE  # not counted missing before invitation
    assert "Application forms" in untouched.text


def test_the_service_saves_an_edited_document_or_nothing(data_dir: Path) -> None:
    store = open_store(data_dir, FixedPassphrases())
    store.save(family())
    services = services_for(store, lambda: AS_OF)
    document = services.history.document()
    del document["spouse"]["personal_history"][0]
    assessed = services.history.assess(document, AS_OF)
    assert assessed.problems == () and assessed.report is not None
    services.history.save(document, AS_OF)
    saved = store.load()
    assert saved is not None and saved.spouse is not None
    assert len(saved.spouse.background.personal_history) == 4
    document["spouse"]["personal_history"][0]["from"] = "2015-13"
    assessed = services.history.assess(document, AS_OF)
    assert [p.path for p in assessed.problems] == ["spouse.personal_history[0].from"]
    with pytest.raises(ProfileError):
        services.history.save(document, AS_OF)
    assert store.load() == saved  # nothing half-saved
    overview = services.files.overview()
    assert overview[-1].key == "application_forms"
    store.close()
