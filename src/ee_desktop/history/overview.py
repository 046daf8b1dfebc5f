"""The Overview's row for the permanent-residence forms: each person's status."""

from __future__ import annotations

from datetime import date

from ee_desktop.history.checks import check_history
from ee_desktop.i18n import _
from ee_desktop.profile.model import Profile
from ee_desktop.profile.overview import Section, Status


def forms_section(profile: Profile, as_of: date) -> Section:
    """Complete when every history is; each person's gaps and problems once started; not
    counted as missing before that (the forms come after an invitation; the Application
    tab blocks on them then)."""
    report = check_history(profile, as_of)
    started = any(not p.member.background.is_empty() for p in report.people)
    people = "; ".join(
        _("{name}: {status}").format(name=p.member.name, status=p.status()) for p in report.people
    )
    if report.complete:
        status = Status.COMPLETE
    elif started:
        status = Status.INCOMPLETE
    else:
        status = Status.NOT_APPLICABLE
    text = people
    if status is Status.NOT_APPLICABLE:
        text = _(
            "Not started. After an invitation, the application asks each adult for 10 years of "
            "personal history and addresses with no gaps, travel and family; you can fill them "
            "in now in Application forms."
        )
    return Section("application_forms", _("Application forms"), status, text)
