"""`ee-desktop --self-test`: show that this copy of the app works, with no window and no trace.

Each check exercises one thing an installed copy (a wheel or a frozen bundle) must carry:
the data files, the database and its migrations, the encryption, the score engine, the
PDF fonts and the keyring backends. Everything happens in a throwaway folder; the user's
data folder and system keyring are never touched.
"""

from __future__ import annotations

import json
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TextIO

from ee_desktop import __version__, i18n
from ee_desktop.i18n import N_, _, format_date
from ee_desktop.profile import Profile, decode
from ee_desktop.store import Store, open_store

# The example file's CRS score on this date, as the official tables give it (the same
# figure is checked factor by factor in the rules tests).
EXAMPLE_SCORED_ON = date(2026, 11, 24)
EXAMPLE_SCORE = 404

# The keyring backend each system's install must be able to find, and the module that
# backend talks to the system through (a build that lost it falls back to no keyring).
NATIVE_KEYRINGS = {
    "linux": ("keyring.backends.SecretService", "secretstorage"),
    "darwin": ("keyring.backends.macOS", "keyring.backends.macOS.api"),
    "win32": ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred"),
}


class SelfTestFailure(Exception):
    """A check found something wrong; the message says what."""


@dataclass
class Workspace:
    """What the checks share: a throwaway folder and what earlier checks made in it."""

    folder: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    store: Store | None = None
    profile: Profile | None = None

    def existing(self) -> str | None:  # PassphraseSource
        return self.passphrase

    def new(self) -> str | None:  # PassphraseSource
        return self.passphrase

    def require_store(self) -> Store:
        if self.store is None:
            raise SelfTestFailure(_("needs the database check to pass first"))
        return self.store

    def require_profile(self) -> Profile:
        if self.profile is None:
            raise SelfTestFailure(_("needs the database check to pass first"))
        return self.profile


# A check returns a one-line detail, or raises.
Check = Callable[[Workspace], str]


def check_data_files(_workspace: Workspace) -> str:
    from ee_desktop.checklist.data import document_rules
    from ee_desktop.noc import noc_index
    from ee_desktop.pnp import load_streams
    from ee_desktop.rules import load_rules
    from ee_desktop.strategy.rounds import builtin_rounds

    rules = load_rules()
    occupations = noc_index()
    if occupations.get("21231") is None:
        raise SelfTestFailure(_("NOC 2021 unit group 21231 is missing"))
    return _(
        "rules {version}, {occupations} NOC occupations, {documents} document rules, "
        "{streams} provincial streams, {rounds} rounds"
    ).format(
        version=rules.rules_version,
        occupations=len(occupations),
        documents=len(document_rules()),
        streams=len(load_streams()),
        rounds=len(builtin_rounds()),
    )


def check_database(workspace: Workspace) -> str:
    """Create, migrate, save the example, close, and read it back with the same passphrase."""
    example = resources.files("ee_desktop.resources").joinpath("example-profile.json")
    profile = decode(json.loads(example.read_text(encoding="utf-8")), today=EXAMPLE_SCORED_ON)
    folder = workspace.folder / "data"
    store = open_store(folder, workspace, use_keyring=False)
    try:
        store.save(profile)
    finally:
        store.close()
    name = profile.applicant.family_name.encode("utf-8")
    if any(name in written.read_bytes() for written in folder.glob("*.sqlite3*")):
        raise SelfTestFailure(_("a name was stored unencrypted"))
    workspace.store = open_store(folder, workspace, use_keyring=False)
    workspace.profile = workspace.store.load()
    if workspace.profile != profile:
        raise SelfTestFailure(_("the example file read back differs from the one saved"))
    return _("created, migrated, encrypted and read back in {folder}").format(folder=folder)


def check_score(workspace: Workspace) -> str:
    from ee_desktop.rules import evaluate, load_rules

    crs = evaluate(workspace.require_profile(), EXAMPLE_SCORED_ON, load_rules()).crs
    if crs.total != EXAMPLE_SCORE:
        raise SelfTestFailure(
            _("the example file scored {total}; the official tables give {expected}").format(
                total=crs.total, expected=EXAMPLE_SCORE
            )
        )
    return _("the example file scores {total} on {day}").format(
        total=crs.total, day=format_date(EXAMPLE_SCORED_ON)
    )


def check_pdf(workspace: Workspace) -> str:
    from ee_desktop.report import render
    from ee_desktop.report.layout import FONT
    from ee_desktop.rules import load_rules
    from ee_desktop.services.report import input_for_file

    data = input_for_file(workspace.require_profile(), EXAMPLE_SCORED_ON, load_rules())
    pdf = render(data, "all", "a4")
    if not pdf.startswith(b"%PDF-") or FONT.encode("ascii") not in pdf:
        raise SelfTestFailure(_("the PDF is not complete or lacks its embedded font"))
    return _("worksheet, checklist and deadlines: {size} KB in memory").format(
        size=len(pdf) // 1024
    )


def check_documents(workspace: Workspace) -> str:
    """The libraries behind upload packages, letters and the calendar, with their data:
    an image becomes a PDF page, a DOCX is written, a calendar is written and read."""
    import io
    from datetime import datetime

    from PIL import Image
    from pypdf import PdfReader

    from ee_desktop.deadlines import derive, to_ics
    from ee_desktop.letters.writer import Block, letter_bytes

    page = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(page, "PDF")
    pages = len(PdfReader(io.BytesIO(page.getvalue())).pages)
    docx = letter_bytes([Block("ee-desktop", ("self-test",))], ".docx", "ee-desktop")
    calendar = to_ics(derive(workspace.require_profile(), EXAMPLE_SCORED_ON), datetime(2026, 1, 1))
    if pages != 1 or not docx.startswith(b"PK") or "BEGIN:VEVENT" not in calendar:
        raise SelfTestFailure(_("an image, a letter or the calendar could not be written"))
    return _("image to PDF, letter (DOCX) and calendar written in memory")


def check_languages(_workspace: Workspace) -> str:
    """Each language's catalogue loads and translates, and its CLDR formats are shipped."""
    from datetime import date

    spoken = i18n.current_language()
    found = []
    try:
        for language in i18n.LANGUAGE_NAMES:
            if i18n.install(language) != language:
                raise SelfTestFailure(
                    _("the {language} catalogue is missing").format(language=language)
                )
            if language != i18n.DEFAULT_LANGUAGE and i18n._("Passport") == "Passport":
                raise SelfTestFailure(
                    _("the {language} catalogue translates nothing").format(language=language)
                )
            found.append(f"{language}: {i18n.format_date(date(2026, 11, 24))}")
    finally:
        i18n.install(spoken)
    return ", ".join(found)


def check_keyring(_workspace: Workspace) -> str:
    """The backends must be discoverable (frozen builds have lost them before); whether one
    is usable depends on the desktop session, so that is reported, not judged."""
    from importlib import import_module
    from importlib.metadata import entry_points

    import keyring

    found = {entry.value for entry in entry_points(group="keyring.backends")}
    native = next((v for k, v in NATIVE_KEYRINGS.items() if sys.platform.startswith(k)), None)
    if native is not None:
        backend_module, system_module = native
        if backend_module not in found:
            raise SelfTestFailure(
                _("the system keyring backend {name} is missing").format(name=backend_module)
            )
        try:
            import_module(system_module)
        except ImportError as exc:
            raise SelfTestFailure(
                _("the system keyring backend cannot load {name} ({error})").format(
                    name=system_module, error=exc
                )
            ) from None
    backend = keyring.get_keyring()
    return _("{count} backends found; in use here: {backend}").format(
        count=len(found), backend=f"{type(backend).__module__}.{type(backend).__name__}"
    )


# Each check's name is shown translated.
CHECKS: tuple[tuple[str, Check], ...] = (
    (N_("data"), check_data_files),
    (N_("database"), check_database),
    (N_("score"), check_score),
    (N_("pdf"), check_pdf),
    (N_("documents"), check_documents),
    (N_("languages"), check_languages),
    (N_("keyring"), check_keyring),
)


def run(out: TextIO, extra: Sequence[tuple[str, Check]] = ()) -> int:
    """Run every check, print one line each, and return 0 when all passed, 1 otherwise."""
    started = time.perf_counter()
    print(_("ee-desktop {version} self-test").format(version=__version__), file=out)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="ee-desktop-self-test-") as folder:
        workspace = Workspace(Path(folder))
        try:
            for name, check in (*CHECKS, *extra):
                try:
                    detail = check(workspace)
                except Exception as exc:  # noqa: BLE001 - every failure is reported, none raised
                    failed += 1
                    message = " ".join(str(exc).split()) or type(exc).__name__
                    print(f"  {_('FAIL')} {_(name)}: {message}", file=out)
                else:
                    print(f"  {_('ok'):4} {_(name)}: {detail}", file=out)
        finally:
            if workspace.store is not None:
                workspace.store.close()
    seconds = time.perf_counter() - started
    if failed:
        print(
            _("Self-test failed: {failed} of {total} checks.").format(
                failed=failed, total=len(CHECKS) + len(extra)
            ),
            file=out,
        )
        return 1
    print(_("Self-test passed in {seconds:.1f} s.").format(seconds=seconds), file=out)
    return 0
