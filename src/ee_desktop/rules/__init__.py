"""The rules engine: dated rule tables, facts, CRS, program and category eligibility.

Everything is computed for an evaluation date passed in by the caller; nothing
here reads the clock, imports Qt or touches the database.
"""

from ee_desktop.rules.crs import CrsScore, score
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.facts import Facts, facts
from ee_desktop.rules.install import (
    InstalledRules,
    install_rules_file,
    installed_rules_files,
    remove_rules_file,
    validate_rules_file,
)
from ee_desktop.rules.loader import RulesError, RuleSet, load_rules
from ee_desktop.rules.output import evaluation_to_json, render_text

__all__ = [
    "CrsScore",
    "Evaluation",
    "Facts",
    "InstalledRules",
    "RuleSet",
    "RulesError",
    "evaluate",
    "evaluation_to_json",
    "facts",
    "install_rules_file",
    "installed_rules_files",
    "load_rules",
    "remove_rules_file",
    "render_text",
    "score",
    "validate_rules_file",
]
