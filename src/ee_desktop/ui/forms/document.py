"""The document the editor changes: finding a person in it, keeping lists in date order,
and telling whether anything that matters changed."""

from __future__ import annotations

import re
from typing import Any

Node = dict[str, Any]
_PART = re.compile(r"(?P<key>[a-z_]+)(?:\[(?P<index>\d+)\])?")


def person_node(document: Node, path: str) -> Node:
    """The person object at ``path`` (``applicant``, ``spouse``, ``children[1]``)."""
    match = _PART.fullmatch(path)
    if match is None:
        raise KeyError(path)
    found = document[match["key"]]
    if match["index"] is not None:
        found = found[int(match["index"])]
    if not isinstance(found, dict):
        raise KeyError(path)
    return found


def insert_in_order(items: list[Node], entry: Node) -> int:
    """Put ``entry`` before the first entry that starts after it; its index. ISO dates and
    months sort as text; an entry whose start is not typed yet stays where it is."""
    start = _start(entry)
    for index, item in enumerate(items):
        if start and _start(item) > start:
            items.insert(index, entry)
            return index
    items.append(entry)
    return len(items) - 1


def _start(entry: Node) -> str:
    value = entry.get("from")
    return value if isinstance(value, str) else ""


def normalized(value: Any) -> Any:
    """``value`` without what means "nothing" (None, "", [], {}), for comparing a document
    with the one saved: an input cleared again, or an empty list made to add to, is no change.
    ``to: null`` means "to now", the same as no ``to``."""
    if isinstance(value, dict):
        out = {k: normalized(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    return value
