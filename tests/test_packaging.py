"""The installers' metadata agrees with the app, and the Linux install script works."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest

from ee_desktop import APP_ID, __version__
from ee_desktop.paths import data_dir, is_frozen, prepare_frozen_process
from tests.conftest import REPO

PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"


def _script(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script(PACKAGING / "build.py", "ee_desktop_build")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign] # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_app_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == entry["TryExec"] == build.NAME  # install.sh makes it absolute
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == build.NAME  # Qt's WM_CLASS is the executable's name
    assert entry["Terminal"] == "false"


def test_appstream_file_names_this_app_and_this_version() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == build.NAME
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, (
        "add a <release> for the new version to the AppStream file"
    )


def test_one_version_everywhere() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == __version__


def test_build_reads_the_packages_own_identity() -> None:
    assert build.package_constant("__version__") == __version__
    assert build.package_constant("APP_ID") == APP_ID


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "ee-desktop/ee-desktop"),
        ("win32", "ee-desktop/ee-desktop-cli.exe"),
        ("darwin", "ee-desktop.app/Contents/MacOS/ee-desktop"),
    ],
)
def test_the_self_test_runs_the_program_that_has_a_console(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert build.console_executable(tmp_path) == tmp_path / expected


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """The Linux archive's folder, around a stand-in for the built app."""
    bundle = tmp_path / "dist" / "ee-desktop"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "ee-desktop"
    program.write_text('#!/bin/sh\necho "ee-desktop ran with: $*"\n')
    program.chmod(0o755)
    return build.linux_layout(bundle, __version__, APP_ID, tmp_path / "package")


def _install_script(folder: Path, home: Path, *options: str) -> str:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    result = subprocess.run(
        ["sh", str(folder / "install.sh"), *options],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux install script")
def test_install_update_and_uninstall_for_one_user(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    personal = home / ".local" / "share" / "ee-desktop" / "ee-desktop.sqlite3"
    personal.parent.mkdir(parents=True)
    personal.write_bytes(b"the user's database")

    assert "ee-desktop is installed" in _install_script(unpacked, home)
    app = home / ".local" / "lib" / "ee-desktop" / "ee-desktop"
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{app}"\n' in entry.read_text(encoding="utf-8")
    assert f"TryExec={app}\n" in entry.read_text(encoding="utf-8")
    assert (home / ".local" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icon = home / ".local/share/icons/hicolor/256x256/apps" / f"{APP_ID}.png"
    assert icon.read_bytes()[:4] == b"\x89PNG"
    launcher = home / ".local" / "bin" / "ee-desktop"
    ran = subprocess.run([str(launcher), "--self-test"], capture_output=True, text=True)
    assert ran.stdout == "ee-desktop ran with: --self-test\n"

    # An update replaces the app whole: a file only the old version had is gone.
    (app.parent / "_internal" / "from-the-old-version").write_text("old")
    _install_script(unpacked, home)
    assert not (app.parent / "_internal" / "from-the-old-version").exists()

    assert "personal files are still" in _install_script(unpacked, home, "--uninstall")
    assert not app.parent.exists() and not launcher.exists() and not entry.exists()
    assert personal.read_bytes() == b"the user's database"


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux install script")
def test_menu_entry_quotes_a_home_folder_with_spaces_and_symbols(
    unpacked: Path, tmp_path: Path
) -> None:
    home = tmp_path / 'Jean & "Zoé" $HOME\\x'
    _install_script(unpacked, home)
    entry = (home / ".local/share/applications" / f"{APP_ID}.desktop").read_text("utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    # The desktop entry rules: \\ is one backslash in any value; inside the quotes,
    # " ` $ and \ are preceded by a backslash.
    value = exec_line.removeprefix("Exec=").replace("\\\\", "\\")
    assert value.startswith('"') and value.endswith('"')
    program = re.sub(r'\\([\\"`$])', r"\1", value[1:-1])
    assert program == str(home / ".local" / "lib" / "ee-desktop" / "ee-desktop")


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux install script")
def test_install_leaves_another_ee_desktop_command_alone(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    launcher = home / ".local" / "bin" / "ee-desktop"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n# installed with pipx\n")
    assert "is another program and was left alone" in _install_script(unpacked, home)
    _install_script(unpacked, home, "--uninstall")
    assert launcher.read_text() == "#!/bin/sh\n# installed with pipx\n"


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux install script")
def test_install_refuses_an_unknown_option(unpacked: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--everywhere"],
        env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "unknown option '--everywhere'" in result.stderr


def test_not_frozen_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    environ = {"LD_LIBRARY_PATH": "/bundle", "LD_LIBRARY_PATH_ORIG": "/opt/lib"}
    assert not is_frozen()
    assert prepare_frozen_process(["-psn_0_1", "score"], environ) == ["-psn_0_1", "score"]
    assert environ == {"LD_LIBRARY_PATH": "/bundle", "LD_LIBRARY_PATH_ORIG": "/opt/lib"}


def test_frozen_programs_started_by_the_app_get_the_system_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    environ = {"LD_LIBRARY_PATH": "/bundle:/opt/lib", "LD_LIBRARY_PATH_ORIG": "/opt/lib"}
    assert prepare_frozen_process(["score"], environ) == ["score"]
    assert environ == {"LD_LIBRARY_PATH": "/opt/lib"}
    environ = {"LD_LIBRARY_PATH": "/bundle", "HOME": "/home/a"}
    prepare_frozen_process([], environ)
    assert environ == {"HOME": "/home/a"}


def test_frozen_finder_process_number_is_not_an_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert prepare_frozen_process(["-psn_0_12345"], {}) == []


def test_frozen_data_stays_where_a_normal_install_keeps_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from platformdirs import user_data_path

    monkeypatch.delenv("EE_DESKTOP_DATA_DIR")
    normal = data_dir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert data_dir() == normal == user_data_path("ee-desktop", appauthor=False)


def _libraries_script() -> ModuleType:
    return _script(LINUX / "qt_system_libraries.py", "qt_system_libraries")


def test_the_library_step_reads_missing_and_unloadable_libraries_off_ldd() -> None:
    script = _libraries_script()
    output = (
        "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "ldd: error while loading shared libraries: "
        "/lib/x86_64-linux-gnu/libxcb-util.so.1: file too short\n"
    )
    assert script.unusable_libraries(output) == {
        "libxcb-icccm.so.4": "not found",
        "libxcb-keysyms.so.1": "not found",
        "libxcb-util.so.1": "file too short",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and Debian packages")
def test_the_library_step_checks_the_locked_qt_plugins() -> None:
    script = _libraries_script()
    binaries = script.qt_binaries(script.pyside_folder())
    assert {b.name for b in binaries} >= {"libqxcb.so", "libqoffscreen.so"}
    # Whatever this machine has, every answer names a library and a reason.
    for name, reason in script.missing_libraries(binaries).items():
        assert ".so" in name and reason
