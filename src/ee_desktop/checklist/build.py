"""Build the checklist: document rules in force x people they apply to x trigger instances."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ee_desktop.checklist.data import DocumentRule, document_rules
from ee_desktop.checklist.model import STAGES, Requirement
from ee_desktop.checklist.people import Person, people
from ee_desktop.checklist.police import ADULT_AGE
from ee_desktop.checklist.triggers import TRIGGERS, Context, Instance
from ee_desktop.i18n import _
from ee_desktop.profile.model import Profile
from ee_desktop.rules.evaluation import Evaluation, evaluate
from ee_desktop.rules.loader import RuleSet


class _Args(dict[str, object]):
    """Leaves an unknown {placeholder} as written instead of failing on a data typo."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(msgid: str, args: Mapping[str, object]) -> str:
    return _(msgid).format_map(args) if msgid else ""


def _applies(rule: DocumentRule, person: Person, as_of: date) -> bool:
    for role in rule.who:
        if role == person.role:
            return True
        if role == "scored_spouse" and person.role == "spouse" and person.scored:
            return True
        if role == "adult_child" and person.role == "child" and person.age(as_of) >= ADULT_AGE:
            return True
    return False


def _requirement(rule: DocumentRule, person: Person, found: Instance) -> Requirement:
    args = _Args(name=person.name)
    args.update(found.args)
    reason = " ".join(
        text
        for text in [_fill(rule.reason, args)]
        + [_fill(rule.notes.get(note, ""), args) for note in found.notes]
        if text
    )
    slot = f":{person.id}" + (f":{found.detail}" if found.detail else "")
    key = rule.key + slot
    return Requirement(
        key=key,
        stage=rule.stage,
        person=person.id,
        person_label=person.label,
        document=rule.id,
        title=_fill(rule.title, args),
        reason=reason,
        contents=tuple(_fill(line, args) for line in rule.contents),
        validity=_fill(rule.validity, args),
        source=rule.source,
        expires_on=found.expires_on,
        mandatory=rule.mandatory if found.mandatory is None else found.mandatory,
        record_key=(rule.same_as or rule.key) + slot,
    )


def generate(
    profile: Profile,
    as_of: date,
    rules: RuleSet | None = None,
    stage: str | None = None,
    *,
    evaluation: Evaluation | None = None,
) -> list[Requirement]:
    """Every document the file needs on ``as_of`` (both stages unless ``stage``), in a stable,
    readable order: by person (applicant, spouse, children), then stage, then document order
    as listed in the data.

    ``evaluation`` may pass an evaluation of the same profile and date already at hand.
    """
    if stage is not None and stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
    ev = evaluation if evaluation is not None else evaluate(profile, as_of, rules)
    ctx = Context(profile, as_of, ev)
    in_force = [
        r for r in document_rules() if r.in_force(as_of) and (stage is None or r.stage == stage)
    ]
    out: list[Requirement] = []
    seen: set[str] = set()
    for person in people(profile):
        for stage_name in STAGES:
            for rule in in_force:
                if rule.stage != stage_name or not _applies(rule, person, as_of):
                    continue
                for found in TRIGGERS[rule.trigger](ctx, person, rule.argument):
                    item = _requirement(rule, person, found)
                    if item.key not in seen:  # two data entries for one slot: first wins
                        seen.add(item.key)
                        out.append(item)
    return out
