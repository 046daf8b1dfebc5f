"""The commands of `ee-desktop`, one module each: its options (``register``) and its body
(``run``). COMMANDS is their order in the help."""

from __future__ import annotations

from ee_desktop.cli.commands import (
    application,
    attach,
    checklist,
    deadlines,
    detach,
    export,
    files,
    funds,
    history,
    import_,
    letter,
    milestone,
    noc,
    outlook,
    package,
    provinces,
    report,
    rounds,
    rules,
    score,
    strategy,
    use,
)
from ee_desktop.cli.parser import Command

COMMANDS: tuple[Command, ...] = (
    import_,
    export,
    score,
    checklist,
    attach,
    detach,
    package,
    deadlines,
    strategy,
    outlook,
    funds,
    rounds,
    provinces,
    noc,
    letter,
    application,
    history,
    milestone,
    report,
    rules,
    files,
    use,
)
