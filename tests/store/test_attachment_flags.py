"""An attachment marked as not in English or French, or as a translation, keeps its marks
after the store is closed and opened again (schema 0014)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ee_desktop.store import open_store
from tests.conftest import FixedPassphrases


def test_flags_are_stored_and_read_back_after_reopening(
    data_dir: Path, tmp_path: Path, store: Any
) -> None:
    item = store.add_checklist_item(store.active_id(), "birth", {"title": "Birth certificate"})
    (tmp_path / "acte.pdf").write_bytes(b"%PDF original")
    (tmp_path / "acte-en.pdf").write_bytes(b"%PDF translation")
    original = store.attach(item, tmp_path / "acte.pdf")
    translation = store.attach(item, tmp_path / "acte-en.pdf")
    assert not original.other_language and not original.translation  # off by default
    store.set_attachment_flags(original.id, other_language=True)
    store.set_attachment_flags(translation.id, translation=True)
    store.set_attachment_flags(translation.id, other_language=False)  # the other one kept
    with pytest.raises(KeyError):
        store.set_attachment_flags(9999, other_language=True)
    store.close()

    reopened = open_store(data_dir, FixedPassphrases())
    (record,) = reopened.checklist(reopened.active_id())
    flags = {a.filename: (a.other_language, a.translation) for a in record.attachments}
    assert flags == {"acte.pdf": (True, False), "acte-en.pdf": (False, True)}
    reopened.set_attachment_flags(original.id, other_language=False)
    (record,) = reopened.checklist(reopened.active_id())
    assert not record.attachments[0].other_language
    reopened.close()
