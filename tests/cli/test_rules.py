"""`ee-desktop rules install|list|remove`: updated rules files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ee_desktop.cli import main
from tests.conftest import RULES_UPDATE


def test_rules_install_list_and_remove(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    update = tmp_path / "update.toml"
    update.write_text(RULES_UPDATE, encoding="utf-8")
    assert main(["rules", "install", str(update)]) == 0
    assert main(["rules", "list"]) == 0
    listing = capsys.readouterr().out
    assert "update.toml" in listing and "in use" in listing
    assert main(["rules", "remove", "update.toml"]) == 0
    assert main(["rules", "remove", "update.toml"]) == 2
    assert "no such installed rules file" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text("[[crs.sibling]]\npoints = 'many'\n", encoding="utf-8")
    assert main(["rules", "install", str(broken)]) == 2
    assert capsys.readouterr().err.strip()
