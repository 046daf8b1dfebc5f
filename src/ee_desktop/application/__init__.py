"""The application for permanent residence, from the invitation to landing: its stage, the
countdown to submission, what blocks it and the timeline. Every date is a parameter."""

from ee_desktop.application.model import (
    STAGE_TITLES,
    STAGES,
    ApplicationStatus,
    Blocker,
    Processing,
    Step,
)
from ee_desktop.application.status import STEP_TITLES, assess, next_milestone

__all__ = [
    "STAGES",
    "STAGE_TITLES",
    "STEP_TITLES",
    "ApplicationStatus",
    "Blocker",
    "Processing",
    "Step",
    "assess",
    "next_milestone",
]
