"""`ee-desktop --self-test`: every check runs, failures are named, the user's data is untouched."""

from __future__ import annotations

import sys
from gettext import NullTranslations
from pathlib import Path

import pytest

from ee_desktop import selftest
from ee_desktop.cli import main
from ee_desktop.ui import window_check
from tests.conftest import MemoryKeyring


def _lines(out: str) -> dict[str, str]:
    """check name -> its line, for the indented result lines."""
    rows = [line.split(maxsplit=2) for line in out.splitlines() if line.startswith("  ")]
    return {name.rstrip(":"): f"{status} {rest}" for status, name, rest in rows}


def test_self_test_passes_without_touching_user_data_or_keyring(
    qapp: object,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The system's own plugin libraries are the bundle's concern (its self-test loads them
    # for real); here the check only has to ask for the right plugin.
    loaded: list[Path] = []
    monkeypatch.setattr(window_check, "load_library", lambda path: loaded.append(path))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    results = _lines(out)
    assert list(results) == [
        "data",
        "database",
        "score",
        "pdf",
        "documents",
        "languages",
        "keyring",
        "window",
    ]
    assert all(line.startswith("ok ") for line in results.values()), out
    assert "scores 404 on November 24, 2026" in results["score"]
    assert "6 tabs" in results["window"]
    native = {"linux": "libqxcb", "darwin": "libqcocoa", "win32": "qwindows"}
    expected = next((v for k, v in native.items() if sys.platform.startswith(k)), None)
    assert [p.name.split(".")[0] for p in loaded] == ([expected] if expected else [])
    assert all(p.parent == window_check.platform_plugins_dir() for p in loaded)
    assert "Self-test passed" in out
    assert not data_dir.exists()  # the data folder the app would use is left alone
    assert memory_keyring.secrets == {}  # and so is the keyring


def test_a_wrong_score_fails_and_the_other_checks_still_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "EXAMPLE_SCORE", 405)
    assert selftest.run(sys.stdout) == 1
    out = capsys.readouterr().out
    results = _lines(out)
    assert results["score"] == ("FAIL the example file scored 404; the official tables give 405")
    assert results["pdf"].startswith("ok ")
    assert "Self-test failed: 1 of 7 checks." in out


def test_missing_data_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_data() -> None:
        raise FileNotFoundError("noc2021.json.gz not found")

    monkeypatch.setattr("ee_desktop.noc.noc_index", no_data)
    assert selftest.run(sys.stdout) == 1
    results = _lines(capsys.readouterr().out)
    assert results["data"] == "FAIL noc2021.json.gz not found"
    assert results["database"].startswith("ok ")


def test_a_missing_or_empty_catalogue_fails_the_languages_check(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("ee_desktop.i18n.LOCALE_DIR", tmp_path)  # no catalogue at all
    assert selftest.run(sys.stdout) == 1
    assert _lines(capsys.readouterr().out)["languages"] == "FAIL the fr catalogue is missing"
    monkeypatch.undo()
    # A catalogue that loads but translates nothing.
    monkeypatch.setattr("ee_desktop.i18n.gettext.translation", lambda *a, **k: NullTranslations())
    assert selftest.run(sys.stdout) == 1
    results = _lines(capsys.readouterr().out)
    assert results["languages"] == "FAIL the fr catalogue translates nothing"
    assert results["pdf"].startswith("ok ")


def test_checks_that_need_the_database_say_so_when_it_failed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(selftest, "open_store", broken)
    assert selftest.run(sys.stdout) == 1
    results = _lines(capsys.readouterr().out)
    assert results["database"] == "FAIL disk full"
    assert results["score"] == "FAIL needs the database check to pass first"
    assert results["pdf"] == "FAIL needs the database check to pass first"


@pytest.mark.parametrize(
    ("backend", "system_module", "expected"),
    [
        (
            "keyring.backends.Missing",
            "secretstorage",
            "FAIL the system keyring backend keyring.backends.Missing is missing",
        ),
        (
            "keyring.backends.chainer",
            "no_such_module",
            "FAIL the system keyring backend cannot load no_such_module (",
        ),
    ],
)
def test_a_keyring_backend_that_cannot_work_fails(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
    system_module: str,
    expected: str,
) -> None:
    monkeypatch.setattr(selftest, "NATIVE_KEYRINGS", {"": (backend, system_module)})
    assert selftest.run(sys.stdout) == 1
    assert _lines(capsys.readouterr().out)["keyring"].startswith(expected)


def test_a_missing_platform_plugin_fails_the_window_check(
    qapp: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(window_check, "NATIVE_PLATFORM_PLUGINS", {"": "libqnowhere"})
    assert selftest.run(sys.stdout, [("window", window_check.window_check)]) == 1
    results = _lines(capsys.readouterr().out)
    assert results["window"].startswith("FAIL Qt's libqnowhere platform plugin is missing from ")


def test_a_platform_plugin_that_cannot_load_fails_the_window_check(
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    (tmp_path / "libqbroken.so").write_bytes(b"not a library")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(window_check, "NATIVE_PLATFORM_PLUGINS", {"": "libqbroken"})
    monkeypatch.setattr(window_check, "platform_plugins_dir", lambda: tmp_path)
    assert selftest.run(sys.stdout, [("window", window_check.window_check)]) == 1
    results = _lines(capsys.readouterr().out)
    assert results["window"].startswith("FAIL Qt's libqbroken platform plugin cannot load: ")


def test_a_plugin_whose_system_library_is_missing_names_that_library(
    qapp: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(window_check, "NATIVE_PLATFORM_PLUGINS", {"": "libqoffscreen"})
    monkeypatch.setattr(
        window_check,
        "load_library",
        lambda _path: "libxcb-icccm.so.4: cannot open shared object file",
    )
    assert selftest.run(sys.stdout, [("window", window_check.window_check)]) == 1
    assert _lines(capsys.readouterr().out)["window"] == (
        "FAIL Qt's libqoffscreen platform plugin cannot load: "
        "libxcb-icccm.so.4: cannot open shared object file"
    )


def test_frozen_app_keeps_its_plugin_folders_from_the_programs_it_opens(
    qapp: object, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    from ee_desktop.ui.qt_app import forget_bundle_qt_paths

    before = QCoreApplication.libraryPaths()
    environ = {"QT_PLUGIN_PATH": str(tmp_path), "QML2_IMPORT_PATH": "/b/qml", "HOME": "/h"}
    try:
        forget_bundle_qt_paths(environ)
        assert environ == {"HOME": "/h"}
        assert QCoreApplication.libraryPaths() == before
    finally:
        QCoreApplication.setLibraryPaths(before)
