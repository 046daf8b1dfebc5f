"""What every tab of the main window shares: its one service and the app's clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

ServiceT = TypeVar("ServiceT")


class Tab(QWidget, Generic[ServiceT]):
    """A tab reads and writes through ``service`` only, and asks ``today`` for the date (the
    entry point's clock, so tests and what-if views can fix it)."""

    def __init__(
        self, service: ServiceT, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
