"""The one API that the GUI, the command line and the tests share.

``Services.open(store, data_dir, today)`` wires every service once. Each is built, and its
module imported, the first time it is used, so a screen pays only for what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ee_desktop.services.active import ActiveFile, NoPersonalFile
from ee_desktop.services.files import PersonalFileService
from ee_desktop.services.rules import RulesService

if TYPE_CHECKING:  # imported on first use (below): they pull in the heavier core packages
    from ee_desktop.services.application import ApplicationService
    from ee_desktop.services.checklist import ChecklistService
    from ee_desktop.services.deadlines import DeadlinesService
    from ee_desktop.services.history import HistoryService
    from ee_desktop.services.provinces import ProvincesService
    from ee_desktop.services.report import ReportService
    from ee_desktop.services.strategy import StrategyService
    from ee_desktop.services.wizard import WizardService
    from ee_desktop.store import Store

__all__ = ["ActiveFile", "NoPersonalFile", "Services"]


class Services:
    """Every service of one open store, sharing one rules set and one active file."""

    def __init__(self, store: Store, data_dir: Path, today: Callable[[], date]) -> None:
        self.store = store
        self.data_dir = data_dir
        self.today = today  # the clock of the entry point: the core never reads one
        self.active = ActiveFile(store)
        self.rules = RulesService(data_dir)
        self.files = PersonalFileService(self.active, self.rules, today)

    @classmethod
    def open(cls, store: Store, data_dir: Path, today: Callable[[], date]) -> Services:
        return cls(store, data_dir, today)

    @cached_property
    def wizard(self) -> WizardService:
        from ee_desktop.services.wizard import WizardService

        return WizardService(self.active, self.rules)

    @cached_property
    def checklist(self) -> ChecklistService:
        from ee_desktop.services.checklist import ChecklistService

        return ChecklistService(self.active, self.rules)

    @cached_property
    def deadlines(self) -> DeadlinesService:
        from ee_desktop.services.deadlines import DeadlinesService

        return DeadlinesService(self.active, self.rules, self.checklist)

    @cached_property
    def history(self) -> HistoryService:
        from ee_desktop.services.history import HistoryService

        return HistoryService(self.active)

    @cached_property
    def application(self) -> ApplicationService:
        from ee_desktop.services.application import ApplicationService

        return ApplicationService(self.active, self.rules, self.deadlines)

    @cached_property
    def strategy(self) -> StrategyService:
        from ee_desktop.services.strategy import StrategyService

        return StrategyService(self.active, self.rules)

    @cached_property
    def provinces(self) -> ProvincesService:
        from ee_desktop.services.provinces import ProvincesService

        return ProvincesService(self.active, self.rules)

    @cached_property
    def reports(self) -> ReportService:
        from ee_desktop.services.report import ReportService

        return ReportService(
            self.active, self.rules, self.checklist, self.deadlines, self.application
        )
