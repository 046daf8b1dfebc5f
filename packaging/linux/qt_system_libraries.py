#!/usr/bin/env python3
"""Find, and on Debian install, the system libraries that Qt's platform plugins need.

    python3 dev.py python packaging/linux/qt_system_libraries.py            list what is missing
    python3 dev.py python packaging/linux/qt_system_libraries.py --install  install it (root)

The list is read off the plugins themselves (`ldd` of the xcb and offscreen platform plugins
and of the Qt modules the app imports), so it follows whatever the locked PySide6 links to.
Each missing library is mapped to the Debian package that ships it with `apt-file`, then
installed with `apt-get`; a library still missing afterwards is an error. Qt also needs one
font to lay out text, which no `ldd` shows. Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# The platform plugins the app and its self-test load, and the Qt modules it imports.
PLATFORM_PLUGINS = ("libqxcb.so", "libqoffscreen.so")
QT_MODULES = ("QtCore", "QtGui", "QtWidgets")
FONT_PACKAGE = "fonts-dejavu-core"
FONT_SUFFIXES = {".ttf", ".otf", ".pfb", ".ttc"}

# ldd's two ways of saying a library is unusable: absent, or present but unloadable.
NOT_FOUND = re.compile(r"^\s*(\S+) => not found$", re.MULTILINE)
CANNOT_LOAD = re.compile(r"error while loading shared libraries: (\S+?): (.+)$", re.MULTILINE)


def pyside_folder() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed in this Python: run through `dev.py python`")
    return Path(next(iter(spec.submodule_search_locations)))


def qt_binaries(pyside: Path) -> list[Path]:
    """The plugin and module files whose dependencies must all resolve."""
    platforms = pyside / "Qt" / "plugins" / "platforms"
    files = [platforms / name for name in PLATFORM_PLUGINS]
    files += sorted(p for m in QT_MODULES for p in pyside.glob(f"{m}.*.so"))
    absent = [str(f) for f in files if not f.exists()]
    if absent:
        raise SystemExit(f"not in this PySide6: {', '.join(absent)}")
    return files


def unusable_libraries(ldd_output: str) -> dict[str, str]:
    """Library name -> why it is unusable, from what ldd printed."""
    found = {name: "not found" for name in NOT_FOUND.findall(ldd_output)}
    for path, reason in CANNOT_LOAD.findall(ldd_output):
        found.setdefault(Path(path).name, reason)
    return found


def missing_libraries(binaries: Iterable[Path]) -> dict[str, str]:
    """Library name -> why it is unusable, over every dependency (ldd follows them all)."""
    missing: dict[str, str] = {}
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        for name, reason in unusable_libraries(result.stdout + result.stderr).items():
            missing.setdefault(name, reason)
    return missing


def has_a_font(folder: Path = Path("/usr/share/fonts")) -> bool:
    return any(p.suffix.lower() in FONT_SUFFIXES for p in folder.rglob("*"))


def _root_prefix() -> list[str]:
    return [] if os.geteuid() == 0 else ["sudo"]


def _apt_get(*args: str) -> None:
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*_root_prefix(), "apt-get", *args], check=True, env=environment)


def packages_providing(libraries: Iterable[str]) -> dict[str, str]:
    """Library name -> the Debian package of this architecture that ships it."""
    names = sorted(libraries)
    if not names:
        return {}
    if shutil.which("apt-file") is None:
        _apt_get("install", "-y", "-qq", "--no-install-recommends", "apt-file")
    subprocess.run([*_root_prefix(), "apt-file", "update"], check=True, capture_output=True)
    pattern = "/(" + "|".join(re.escape(n) for n in names) + ")$"
    found = subprocess.run(
        ["apt-file", "search", "--regexp", pattern],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    provided: dict[str, str] = {}
    for line in found.splitlines():
        package, _, path = line.partition(": ")
        name = Path(path).name
        # Prefer the multiarch library folder's copy over debug or alternative ones.
        if name in names and (name not in provided or "-linux-gnu/" in path):
            provided[name] = package
    return provided


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="install what is missing")
    args = parser.parse_args(argv)
    binaries = qt_binaries(pyside_folder())
    missing = missing_libraries(binaries)
    font_missing = not has_a_font()
    for name, reason in sorted(missing.items()):
        print(f"missing: {name} ({reason})")
    if font_missing:
        print("missing: a font (none in /usr/share/fonts)")
    if not missing and not font_missing:
        print(f"Qt's system libraries: all present for {len(binaries)} plugin and module files")
        return 0
    if not args.install:
        return 1
    _apt_get("update", "-qq")
    packages = packages_providing(missing)
    unknown = sorted(set(missing) - set(packages))
    if unknown:
        print(f"no Debian package ships: {', '.join(unknown)}", file=sys.stderr)
        return 1
    wanted = sorted(set(packages.values()) | ({FONT_PACKAGE} if font_missing else set()))
    print(f"Installing system packages: {' '.join(wanted)}")
    _apt_get("install", "-y", "-qq", "--no-install-recommends", *wanted)
    still = missing_libraries(binaries)
    if still:
        print(f"still missing after the install: {', '.join(sorted(still))}", file=sys.stderr)
        return 1
    print("Qt's system libraries: all present now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
