"""The Qt binding in use keeps Python's reference counts right.

PySide6 6.12.0 dropped one reference to None on every call that returns nothing; with
Python 3.11 (where None is not immortal) the interpreter aborted with "none_dealloc"
after a few thousand calls, anywhere in the app. The lock file must never bring such a
build back: a long session makes millions of these calls.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
label.setText("warm-up")
before = sys.getrefcount(None)
for i in range(20_000):
    label.setText(str(i))
    label.setVisible(False)
print(before - sys.getrefcount(None))
"""


def test_calls_returning_nothing_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100, result.stdout
