"""A personal file being built step by step: a format-v1 document that may be incomplete.

The wizard edits a plain JSON-shaped dict; this module says which page each
field belongs to, which problems stop each page, and what profile can already
be scored (entries still being typed are left out rather than blocking the score).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ee_desktop.profile.codec import decode, encode
from ee_desktop.profile.model import FORMAT_NAME, FORMAT_VERSION, Profile
from ee_desktop.profile.problems import Problem, ProfileError

PAGES: tuple[str, ...] = (
    "about",
    "spouse",
    "children",
    "language",
    "education",
    "work",
    "additional",
    "funds",
    "review",
)

# Field path prefixes edited on each page; the first match wins.
_PAGE_PREFIXES: tuple[tuple[str, str], ...] = (
    ("applicant.language_tests", "language"),
    ("first_official_language", "language"),
    ("applicant.education", "education"),
    ("applicant.work_history", "work"),
    ("applicant.sibling_in_canada", "additional"),
    ("applicant.certificate_of_qualification", "additional"),
    ("applicant.provincial_nomination", "additional"),
    ("applicant.job_offer", "additional"),
    ("settlement_funds_cad", "funds"),
    ("funds", "funds"),
    ("spouse", "spouse"),
    ("children", "children"),
    ("applicant", "about"),
)

# Lists whose broken entries are left out of the score rather than blocking it; the
# permanent-residence sections (histories, relatives) never count towards the score.
_LIST_ITEM = re.compile(
    r"^(?P<list>(?:applicant|spouse|children\[\d+\])\.(?:language_tests|education|work_history"
    r"|other_names|personal_history|travel_history|memberships|government_positions"
    r"|military_service|relatives)|children|funds\.(?:accounts|rates))"
    r"\[(?P<index>\d+)\]"
)


# Data the user typed in a section they then switched off (a spouse after choosing
# "single", an unticked job offer, an ECA of a credential moved to Canada), kept in
# the draft by field path so switching back restores it, even after a restart.
STASH = "_stash"


# A what-if draft: the date it is evaluated on and whether it may be saved over the file.
WHAT_IF = "_what_if"


def payload(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft as a format-v1 document, without the app's own keys (stash, what-if)."""
    return {key: value for key, value in draft.items() if not key.startswith("_")}


def stash(draft: dict[str, Any]) -> dict[str, Any]:
    found = draft.setdefault(STASH, {})
    assert isinstance(found, dict)
    return found


def page_for(path: str) -> str:
    """The wizard page that edits the field at ``path`` ("about" for file-level problems)."""
    for prefix, page in _PAGE_PREFIXES:
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return page
    return "about"


def new_draft() -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "applicant": {
            "given_names": "",
            "family_name": "",
            "date_of_birth": "",
            "marital_status": "never_married",
            "country_of_residence": "",
            "education": [],
            "language_tests": [],
            "work_history": [],
            "certificate_of_qualification": None,
            "provincial_nomination": None,
            "job_offer": None,
            "sibling_in_canada": False,
        },
        "spouse": None,
        "children": [],
        "settlement_funds_cad": None,
        "first_official_language": "auto",
    }


def draft_from(profile: Profile) -> dict[str, Any]:
    """A draft prefilled from an existing personal file."""
    return encode(profile)


def new_spouse() -> dict[str, Any]:
    return {
        "accompanying": True,
        "canadian_citizen_or_pr": False,
        "given_names": "",
        "family_name": "",
        "date_of_birth": "",
        "education": [],
        "language_tests": [],
        "work_history": [],
    }


@dataclass(frozen=True)
class DraftCheck:
    """The state of a draft: every problem, by page, and the profile that can be scored."""

    problems: tuple[Problem, ...]
    scorable: Profile | None
    complete: bool  # no problem anywhere: the draft can be saved as it is
    by_page: dict[str, tuple[Problem, ...]] = field(default_factory=dict)

    def page_problems(self, page: str) -> tuple[Problem, ...]:
        return self.by_page.get(page, ())


def check(draft: dict[str, Any], today: date) -> DraftCheck:
    draft = payload(draft)
    try:
        profile = decode(draft, today=today)
    except ProfileError as error:
        problems = tuple(error.problems)
    else:
        return DraftCheck((), profile, True, {})
    by_page: dict[str, list[Problem]] = {}
    for problem in problems:
        by_page.setdefault(page_for(problem.path), []).append(problem)
    return DraftCheck(
        problems,
        _scorable(draft, problems, today),
        False,
        {page: tuple(found) for page, found in by_page.items()},
    )


def _scorable(draft: dict[str, Any], problems: tuple[Problem, ...], today: date) -> Profile | None:
    """The draft without the list entries that still have problems, if that is valid."""
    broken: dict[str, set[int]] = {}
    for problem in problems:
        match = _LIST_ITEM.match(problem.path)
        if match is None:
            return None  # a problem outside list entries: nothing sound to score yet
        broken.setdefault(match["list"], set()).add(int(match["index"]))
    trimmed = copy.deepcopy(draft)
    # Nested lists first (children[1].personal_history before children), so indexes hold.
    for list_path, indexes in sorted(broken.items(), key=lambda item: -len(item[0])):
        owner: Any = trimmed
        *parents, name = list_path.split(".")
        for part in parents:
            key, _, index = part.partition("[")
            owner = owner[key] if not index else owner[key][int(index.rstrip("]"))]
        owner[name] = [item for i, item in enumerate(owner[name]) if i not in indexes]
    try:
        return decode(trimmed, today=today)
    except ProfileError:
        return None
