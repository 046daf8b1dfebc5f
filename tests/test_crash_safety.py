"""A save killed at any moment leaves the database whole: the file as it was before the
save or as it is after, never a mix, and SQLite's integrity check passes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ee_desktop.paths import database_path
from ee_desktop.profile import decode
from ee_desktop.store import open_store
from tests.conftest import EXAMPLE, TODAY

PASSPHRASE = "crash test passphrase"

# The child saves the example again and again, each time with a new name and as many jobs
# as the counter, and prints the counter once the save has returned.
CHILD = """
import json, sys
from dataclasses import replace
from pathlib import Path
from ee_desktop.paths import database_path
from ee_desktop.profile import decode
from ee_desktop.store import open_store

class Fixed:
    def existing(self): return {passphrase!r}
    def new(self): return {passphrase!r}

store = open_store(Path({folder!r}), Fixed(), use_keyring=False)
today = __import__("datetime").date({year}, {month}, {day})
base = decode(json.loads(Path({example!r}).read_text()), today=today)
file_id = store.active_id()
job = base.applicant.work_history[0]
for n in range(1, 100000):
    applicant = replace(base.applicant, given_names=f"Run {{n}}", work_history=(job,) * (n % 7 + 1))
    store.save(replace(base, applicant=applicant), file_id)
    print(n, flush=True)
"""


class _Fixed:
    def existing(self) -> str:
        return PASSPHRASE

    def new(self) -> str:
        return PASSPHRASE


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_save_killed_at_any_moment_leaves_the_file_whole(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = open_store(folder, _Fixed(), use_keyring=False)
    store.save(decode(json.loads(EXAMPLE.read_text()), today=TODAY))
    store.close()
    code = CHILD.format(
        passphrase=PASSPHRASE,
        folder=str(folder),
        example=str(EXAMPLE),
        year=TODAY.year,
        month=TODAY.month,
        day=TODAY.day,
    )
    saves = 0
    for kill_after in (0.0, 0.03, 0.07, 0.13, 0.21, 0.34):
        child = subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "EE_DESKTOP_NO_KEYRING": "1"},
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # the first save has returned: kill in a later one
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
        rest, err = child.communicate(timeout=60)
        out = first + rest
        assert child.returncode == -signal.SIGKILL, err
        done = [int(n) for n in out.split()]
        saves += len(done)
        database = database_path(folder)
        with sqlite3.connect(database) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        reopened = open_store(folder, _Fixed(), use_keyring=False)
        profile = reopened.load()
        reopened.close()
        assert profile is not None
        name = profile.applicant.given_names
        if name != "Asha":  # the first run may be killed before its first save returns
            n = int(name.removeprefix("Run "))
            # The last save that returned, or the one in flight when the kill came.
            assert not done or n in (done[-1], done[-1] + 1), (n, done[-3:])
            assert len(profile.applicant.work_history) == n % 7 + 1  # never a mix
    assert saves > 0, "no save returned before the kills: the test proves nothing"
