"""Provincial nominee streams aligned with Express Entry: which fit a file, and tracking
them to a nomination. Pure: no Qt, no database, no clock."""

from ee_desktop.pnp.loader import StreamsError, load_streams, parse_streams, streams_at
from ee_desktop.pnp.match import match, match_all, questions
from ee_desktop.pnp.model import (
    DOES_NOT_FIT,
    EVENTS,
    FIT_NAMES,
    FITS,
    INTAKE_NAMES,
    INTAKES,
    MIGHT_FIT,
    Question,
    Stream,
    StreamMatch,
    TrackedEvent,
)
from ee_desktop.pnp.tracking import (
    check_event,
    current_nomination,
    stages,
    synced_nomination,
    tracking_deadlines,
)

__all__ = [
    "DOES_NOT_FIT",
    "EVENTS",
    "FITS",
    "FIT_NAMES",
    "INTAKES",
    "INTAKE_NAMES",
    "MIGHT_FIT",
    "Question",
    "Stream",
    "StreamMatch",
    "StreamsError",
    "TrackedEvent",
    "check_event",
    "current_nomination",
    "load_streams",
    "match",
    "match_all",
    "parse_streams",
    "questions",
    "stages",
    "streams_at",
    "synced_nomination",
    "tracking_deadlines",
]
