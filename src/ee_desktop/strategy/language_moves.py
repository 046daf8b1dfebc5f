"""Language moves: raise an ability to the next level that pays, reach CLB 7 or 9 in all
four, a French test at NCLC 7, and a test for the spouse or partner."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from functools import partial

from ee_desktop.i18n import _
from ee_desktop.profile.codes import TEST_NAMES
from ee_desktop.profile.labels import level_scale
from ee_desktop.profile.model import ABILITIES, Profile
from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.loader import RuleSet
from ee_desktop.strategy.candidate import (
    ABILITY_NAMES,
    Candidate,
    day_text,
    number_text,
    test_changes,
)
from ee_desktop.strategy.durations import durations
from ee_desktop.strategy.edits import Change, NewTest
from ee_desktop.strategy.languages import (
    APPLICANT,
    DEFAULT_TEST,
    SPOUSE,
    kept_scores,
    min_score,
    raw_scores,
    table_for,
)
from ee_desktop.strategy.scoring import Scorer

SPOUSE_TARGETS = (5, 7, 9)
FIRST_LANGUAGE_TARGETS = (7, 9)
FRENCH_TARGET = 7


def _ability_moves(
    profile: Profile, role: str, result: LanguageResult, ready: date, rules: RuleSet, scorer: Scorer
) -> Iterator[Candidate]:
    found = table_for(rules, result.test, ready)
    if found is None:
        return
    test, table = found
    kept = kept_scores(result, raw_scores(profile, APPLICANT, result), table)
    if kept is None:
        return
    language = result.language
    renew = NewTest(APPLICANT, language, test, ready, kept, frozenset())
    reference = scorer.gain([Change(ready, frozenset(), (renew,))])
    word = level_scale(language)
    for ability in ABILITIES:
        level = int(getattr(result, ability))
        for target in sorted({lv for lv in table.levels[ability] if lv > level}):
            needed = min_score(table, ability, target)
            if needed is None:
                break
            new = replace(renew, scores={**kept, ability: needed}, raised=frozenset({ability}))
            slots = frozenset({f"language:{APPLICANT}:{language}:{ability}"})
            change = Change(ready, slots, (new,))
            if scorer.gain([change]) <= reference:
                continue  # this level pays nothing more: look at the next one
            name = _(ABILITY_NAMES[ability])
            values = {
                "ability": name,
                "word": word,
                "target": target,
                "level": level,
                "test": _(TEST_NAMES[test]),
                "score": number_text(needed),
                "day": day_text(ready),
            }
            yield Candidate(
                id=f"language:{role}:{ability}:{target}",
                change=change,
                title=_("Raise {ability} to {word} {target}").format(**values),
                sentence=partial(_ability_sentence, values),
                changes=test_changes(new, target),
            )
            break


def _ability_sentence(values: Mapping[str, object], points: int) -> str:
    return _(
        "Score at least {score} in {ability} on a new {test} ({word} {target}, now {level}) "
        "while keeping your other results, for +{points} points from about {day}."
    ).format(points=points, **values)


def _all_four(
    person: str,
    language: str,
    result: LanguageResult | None,
    raw: dict[str, float],
    target: int,
    ready: date,
    rules: RuleSet,
) -> NewTest | None:
    """One new test reaching ``target`` in every ability below it, keeping the others."""
    found = table_for(rules, DEFAULT_TEST[language] if result is None else result.test, ready)
    if found is None:
        return None
    test, table = found
    kept = kept_scores(result, raw, table)
    if kept is None:
        return None
    scores, raised = dict(kept), set()
    for ability in ABILITIES:
        level = 0 if result is None else int(getattr(result, ability))
        if level < target:
            needed = min_score(table, ability, target)
            if needed is None:
                return None
            scores[ability] = needed
            raised.add(ability)
    return NewTest(person, language, test, ready, scores, frozenset(raised))


def _slots(person: str, language: str) -> frozenset[str]:
    return frozenset(f"language:{person}:{language}:{a}" for a in ABILITIES)


def language_moves(
    profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet, scorer: Scorer
) -> Iterator[Candidate]:
    facts = evaluation.facts
    ready = durations()["language_test"].after(as_of)
    roles = (("first", facts.first_language), ("second", facts.second_language))
    for role, result in roles:
        if result is not None:
            yield from _ability_moves(profile, role, result, ready, rules, scorer)
    first = facts.first_language
    language = (
        first.language
        if first is not None
        else ("french" if profile.first_official_language == "french" else "english")
    )
    raw = raw_scores(profile, APPLICANT, first)
    for target in FIRST_LANGUAGE_TARGETS:
        if first is not None and first.lowest >= target:
            continue
        new = _all_four(APPLICANT, language, first, raw, target, ready, rules)
        if new is None:
            continue
        values = {
            "test": _(TEST_NAMES[new.test]),
            "word": level_scale(language),
            "target": target,
            "day": day_text(ready),
        }
        yield Candidate(
            id=f"language:first:all:{target}",
            change=Change(ready, _slots(APPLICANT, language), (new,)),
            title=_("{word} {target} in all four abilities").format(**values),
            sentence=partial(_all_four_sentence, values),
            changes=test_changes(new, target),
        )


def _all_four_sentence(values: Mapping[str, object], points: int) -> str:
    return _(
        "Reach {word} {target} in all four abilities on a new {test}, for +{points} points "
        "from about {day}."
    ).format(points=points, **values)


def french_moves(
    profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet
) -> Iterator[Candidate]:
    french = evaluation.facts.french
    if french is not None and french.lowest >= FRENCH_TARGET:
        return
    if french is not None and sum(level < FRENCH_TARGET for level in french.levels) == 1:
        return  # raising that one ability is already a language move of its own
    duration = durations()["french_first_test" if french is None else "french_retake"]
    ready = duration.after(as_of)
    raw = raw_scores(profile, APPLICANT, french)
    new = _all_four(APPLICANT, "french", french, raw, FRENCH_TARGET, ready, rules)
    if new is None:
        return
    values = {"test": _(TEST_NAMES[new.test]), "day": day_text(ready)}
    yield Candidate(
        id="french:nclc7",
        change=Change(ready, _slots(APPLICANT, "french"), (new,)),
        title=_("French test at NCLC 7"),
        sentence=partial(_french_sentence, values),
        changes=test_changes(new, FRENCH_TARGET),
    )


def _french_sentence(values: Mapping[str, object], points: int) -> str:
    return _(
        "Reach NCLC 7 in all four abilities on {test}, which adds French points and opens "
        "French-language rounds, for +{points} points from about {day}."
    ).format(points=points, **values)


def spouse_language_moves(
    profile: Profile, evaluation: Evaluation, as_of: date, rules: RuleSet
) -> Iterator[Candidate]:
    spouse = evaluation.facts.spouse
    if spouse is None:
        return
    result = spouse.language
    language = "english" if result is None else result.language
    ready = durations()["spouse_test"].after(as_of)
    raw = raw_scores(profile, SPOUSE, result)
    for target in SPOUSE_TARGETS:
        if result is not None and result.lowest >= target:
            continue
        new = _all_four(SPOUSE, language, result, raw, target, ready, rules)
        if new is None:
            continue
        values = {
            "test": _(TEST_NAMES[new.test]),
            "word": level_scale(language),
            "target": target,
            "day": day_text(ready),
        }
        yield Candidate(
            id=f"spouse:language:{target}",
            change=Change(ready, _slots(SPOUSE, "any"), (new,)),
            title=_("Spouse or partner: {word} {target} in all four").format(**values),
            sentence=partial(_spouse_sentence, values),
            changes=test_changes(new, target),
        )


def _spouse_sentence(values: Mapping[str, object], points: int) -> str:
    return _(
        "Have your spouse or partner reach {word} {target} in all four abilities on {test}, "
        "for +{points} points from about {day}."
    ).format(points=points, **values)
