"""A new passphrase is counted once normalised (NFC), and one that is not valid UTF-8 is
refused before anything is created."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ee_desktop.paths import database_path
from ee_desktop.store import InvalidPassphraseError, PassphraseRequiredError, open_store
from ee_desktop.store.keys import check_new_passphrase, passphrase_length
from tests.cli.helpers import run_cli
from tests.conftest import FixedPassphrases

DECOMPOSED = "e\u0301" * 4  # 8 code points, 4 characters: "éééé"
NOT_UTF8 = "caf\udce9 au lait"  # the bytes b"caf\xe9 au lait" decoded by Python (Latin-1 é)


def test_the_minimum_counts_characters_once_normalised() -> None:
    assert passphrase_length(DECOMPOSED) == 4
    with pytest.raises(PassphraseRequiredError, match="at least 8"):
        check_new_passphrase(DECOMPOSED)
    assert check_new_passphrase(DECOMPOSED * 2) == "\u00e9" * 8


def test_refused_passphrases_create_no_database(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    for passphrase, problem in ((DECOMPOSED, "at least 8"), (NOT_UTF8, "not valid UTF-8")):
        with pytest.raises(InvalidPassphraseError, match=problem):
            open_store(data_dir, FixedPassphrases(passphrase))
        assert not database_path(data_dir).exists()
    open_store(data_dir, FixedPassphrases(DECOMPOSED * 2)).close()
    # The same passphrase, composed, opens it.
    open_store(data_dir, FixedPassphrases("\u00e9" * 8)).close()


def test_a_passphrase_not_in_utf8_for_an_existing_database_is_refused_cleanly(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EE_DESKTOP_NO_KEYRING", "1")
    open_store(data_dir, FixedPassphrases("a long passphrase")).close()
    before = database_path(data_dir).read_bytes()
    with pytest.raises(InvalidPassphraseError, match="not valid UTF-8"):
        open_store(data_dir, FixedPassphrases(NOT_UTF8))
    assert database_path(data_dir).read_bytes() == before


@pytest.mark.skipif(os.name == "nt", reason="the environment is Unicode on Windows")
@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [(NOT_UTF8, "not valid UTF-8"), (DECOMPOSED, "at least 8 characters")],
)
def test_the_command_refuses_them_with_exit_2_and_no_database(
    data_dir: Path, passphrase: str, problem: str
) -> None:
    result = run_cli(data_dir, "files", passphrase=passphrase)
    assert result.returncode == 2, result.stderr
    assert problem in result.stderr and "Unexpected" not in result.stderr
    assert not database_path(data_dir).exists()
