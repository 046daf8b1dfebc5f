"""Shared fixtures. Qt runs offscreen, and no test touches the real keyring or data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The expectations are written in English: the tester's own language must not change them
# (LANGUAGE comes first for gettext and for Qt's idea of the system's UI languages).
os.environ["LANGUAGE"] = "en"

import json  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

if TYPE_CHECKING:
    from ee_desktop.services import Services
    from ee_desktop.store import Store

# The same generated examples on every run: a property test that fails, fails every time
# (set HYPOTHESIS_PROFILE=explore to search new examples by hand).
settings.register_profile("default", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).resolve().parent / "data" / "example-profile.json"
TODAY = date(2026, 11, 24)

# A valid rules file: sibling points of 10 from 2026-01-01.
RULES_UPDATE = """
[meta]
format = "ee-desktop.rules"
format_version = 1
rules_version = "2026.11.1"
verified_on = 2026-11-01
title = "Sibling points"

[[crs.sibling]]
effective_from = 2026-01-01
source = "https://www.canada.ca/example"
points = 10
"""


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory: tests never read or write the user's real keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class FixedPassphrases:
    def __init__(self, passphrase: str = "correct horse battery") -> None:
        self.passphrase = passphrase
        self.asked = 0

    def existing(self) -> str | None:
        self.asked += 1
        return self.passphrase

    def new(self) -> str | None:
        self.asked += 1
        return self.passphrase


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    monkeypatch.delenv("EE_DESKTOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("EE_DESKTOP_NO_KEYRING", raising=False)
    monkeypatch.setenv("EE_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_isolated: MemoryKeyring) -> MemoryKeyring:
    return _isolated


@pytest.fixture
def example_data() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, example_data: dict[str, Any]) -> Iterator[Store]:
    """A database holding the spec example as the active personal file."""
    from ee_desktop.profile import decode
    from ee_desktop.store import open_store

    opened = open_store(data_dir, FixedPassphrases())
    opened.save(decode(example_data, today=TODAY))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches to French cannot leave the next one speaking it."""
    yield
    from ee_desktop import i18n

    if i18n.current_language() != i18n.DEFAULT_LANGUAGE:
        from ee_desktop.ui.translator import apply_language

        apply_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def french(qapp: Any) -> Iterator[None]:
    """The app in French: core catalogue, Qt's translators and QLocale."""
    from ee_desktop.ui.translator import apply_language

    apply_language("fr")
    yield
    apply_language("en")


def services_for(store: Store, today: Callable[[], date] = date.today) -> Services:
    """The app's services on ``store``, on the clock ``today``."""
    from ee_desktop.services import Services

    return Services.open(store, store.path.parent, today)
