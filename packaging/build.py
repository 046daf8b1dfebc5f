#!/usr/bin/env python3
"""Build the standalone ee-desktop for this system, run its self-test, and package it.

    python3 packaging/build.py                 build, self-test and package
    python3 packaging/build.py --no-package    build and self-test only
    python3 packaging/build.py --package-only  self-test and package the app already in
                                               dist/ (after signing it, for example)

What comes out, in dist/:
- Linux:   ee-desktop-VERSION-linux-ARCH.tar.gz: the app folder, its desktop entry,
           AppStream file and icon, and install.sh
- Windows: ee-desktop-VERSION-windows-ARCH.zip (runs from any folder) and, when Inno
           Setup's `iscc` is on PATH, ee-desktop-VERSION-windows-ARCH-setup.exe
- macOS:   ee-desktop-VERSION-macos-ARCH.dmg holding ee-desktop.app

Each system builds its own: PyInstaller does not cross-compile. The build tools come from
the lock file's `packaging` extra, installed into build/venv, so a machine with Python
3.11+ is enough. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
NAME = "ee-desktop"
ICON = ROOT / "src" / "ee_desktop" / "resources" / "icon.png"


def package_constant(name: str) -> str:
    """A constant of ee_desktop/__init__.py, read without importing the package."""
    text = (ROOT / "src" / "ee_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{name} = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{name} not found in src/ee_desktop/__init__.py")
    return match.group(1)


def system_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def architecture() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def artifact_stem(version: str) -> str:
    return f"{NAME}-{version}-{system_name()}-{architecture()}"


def run(command: list[str | Path], **kwargs: object) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[call-overload]


def build_environment() -> Path:
    """build/venv with the app (as a wheel, as users get it) and PyInstaller; its Python."""
    sys.path.insert(0, str(ROOT))
    from dev import uv_and_environment

    uv, env = uv_and_environment()
    env["UV_PROJECT_ENVIRONMENT"] = str(BUILD / "venv")
    # uv reuses a built wheel while pyproject.toml is unchanged: rebuild ours every time.
    run(
        [uv, "sync", "--locked", "--extra", "packaging", "--no-editable"]
        + ["--reinstall-package", "ee-desktop"],
        cwd=ROOT,
        env=env,
    )
    scripts = "Scripts" if os.name == "nt" else "bin"
    return BUILD / "venv" / scripts / ("python.exe" if os.name == "nt" else "python")


def freeze(python: Path) -> None:
    run(
        [
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            DIST,
            "--workpath",
            BUILD / "pyinstaller",
            PACKAGING / "ee-desktop.spec",
        ],
        cwd=ROOT,
    )


def console_executable(dist: Path = DIST) -> Path:
    """The built program that prints to a console (Windows' windowed one cannot)."""
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}-cli.exe"
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / NAME


def self_test(executable: Path) -> None:
    """The built app's own check; the build fails when it does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    run([executable, "--self-test"], env=env)


def linux_layout(bundle: Path, version: str, app_id: str, target: Path) -> Path:
    """The folder that the Linux archive holds: the app and what a desktop needs to list it."""
    top = target / f"{NAME}-{version}"
    if top.exists():
        shutil.rmtree(top)
    shutil.copytree(bundle, top / NAME, symlinks=True)
    share = top / "share"
    for source, folder in (
        (PACKAGING / "linux" / f"{app_id}.desktop", share / "applications"),
        (PACKAGING / "linux" / f"{app_id}.metainfo.xml", share / "metainfo"),
    ):
        folder.mkdir(parents=True)
        shutil.copy2(source, folder / source.name)
    icons = share / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ICON, icons / f"{app_id}.png")
    shutil.copy2(PACKAGING / "linux" / "install.sh", top / "install.sh")
    (top / "install.sh").chmod(0o755)
    return top


def tar_gz(folder: Path, archive: Path) -> Path:
    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=folder.name, filter=owned_by_root)
    return archive


def package_linux(version: str) -> list[Path]:
    top = linux_layout(DIST / NAME, version, package_constant("APP_ID"), BUILD / "package")
    return [tar_gz(top, DIST / f"{artifact_stem(version)}.tar.gz")]


def package_windows(version: str) -> list[Path]:
    archive = DIST / f"{artifact_stem(version)}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted((DIST / NAME).rglob("*")):
            zipped.write(path, Path(NAME) / path.relative_to(DIST / NAME))
    made = [archive]
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc:
        stem = f"{artifact_stem(version)}-setup"
        run(
            [
                iscc,
                f"/DAppVersion={version}",
                f"/DSourceDir={DIST / NAME}",
                f"/DOutputDir={DIST}",
                f"/DOutputName={stem}",
                PACKAGING / "windows" / "ee-desktop.iss",
            ]
        )
        made.append(DIST / f"{stem}.exe")
    else:
        print("Inno Setup (iscc) not found: made the zip only.", file=sys.stderr)
    return made


def package_macos(version: str) -> list[Path]:
    staging = BUILD / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    run(["ditto", DIST / f"{NAME}.app", staging / f"{NAME}.app"])
    (staging / "Applications").symlink_to("/Applications")  # drag here to install
    image = DIST / f"{artifact_stem(version)}.dmg"
    image.unlink(missing_ok=True)
    run(["hdiutil", "create", "-volname", NAME, "-srcfolder", staging, "-format", "UDZO", image])
    return [image]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_mutually_exclusive_group()
    steps.add_argument(
        "--no-package", action="store_true", help="build and self-test, make no archive"
    )
    steps.add_argument(
        "--package-only",
        action="store_true",
        help="self-test and package the app already built in dist/",
    )
    args = parser.parse_args(argv)
    version = package_constant("__version__")
    if not args.package_only:
        freeze(build_environment())
    self_test(console_executable())
    if not args.no_package:
        packagers = {"linux": package_linux, "windows": package_windows, "macos": package_macos}
        for made in packagers[system_name()](version):
            print(f"Made {made.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        failed = " ".join(str(part) for part in exc.cmd)
        sys.exit(f"build.py: this step failed (exit status {exc.returncode}): {failed}")
