"""Does a stream fit this file? Each criterion is met, not met, or a question for the user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ee_desktop.i18n import N_, _
from ee_desktop.noc import noc_index
from ee_desktop.pnp.model import (
    DOES_NOT_FIT,
    FIT_ORDER,
    FITS,
    MIGHT_FIT,
    OCCUPATION_GROUPS,
    Ask,
    Question,
    Stream,
    StreamMatch,
)
from ee_desktop.profile.labels import EDUCATION_LEVEL, PROVINCE, label
from ee_desktop.rules import Evaluation
from ee_desktop.rules.experience import hours
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.schema import EDUCATION_KEYS
from ee_desktop.rules.text import duration

PROGRAM_NAMES: dict[str, str] = {
    "fsw": N_("Federal Skilled Worker Program"),
    "cec": N_("Canadian Experience Class"),
    "fst": N_("Federal Skilled Trades Program"),
}


@dataclass
class _Checks:
    """The outcome of one stream's criteria, filled in as they are checked."""

    answers: Mapping[str, str]
    met: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    def check(self, ok: bool, met: str, unmet: str) -> None:
        (self.met if ok else self.unmet).append(met if ok else unmet)

    def ask(self, question: Question, yes: str, no: str) -> None:
        """Use the user's answer when there is one; otherwise keep the question."""
        answer = self.answers.get(question.id)
        if answer == "yes":
            self.met.append(yes)
        elif answer == "no":
            self.unmet.append(no)
        else:
            self.questions.append(question)


def _province(code: str) -> str:
    return label(PROVINCE, code)


def _level_name(level: str) -> str:
    if level == "two_or_more":
        return _("two or more post-secondary credentials, one of 3+ years")
    return label(EDUCATION_LEVEL, level)


def _lowest(result: LanguageResult | None) -> int:
    return 0 if result is None else result.lowest


# (requirement field, which result, met sentence, unmet sentence, shown when there is none)
_LANGUAGE_CHECKS = (
    (
        "clb",
        "first_language",
        N_("First official language at CLB/NCLC {have} in every ability (needs {need})."),
        N_("Needs CLB/NCLC {need} in every ability of your first official language; your "
           "file shows {have}."),
        N_("no valid test"),
    ),
    (
        "english_clb",
        "english",
        N_("English at CLB {have} in every ability (needs {need})."),
        N_("Needs English at CLB {need} in every ability; your file shows {have}."),
        N_("no valid English test"),
    ),
    (
        "french_nclc",
        "french",
        N_("French at NCLC {have} in every ability (needs {need})."),
        N_("Needs French at NCLC {need} in every ability; your file shows {have}."),
        N_("no valid French test"),
    ),
)  # fmt: skip


def _language(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    for field_name, result, met, unmet, missing in _LANGUAGE_CHECKS:
        need = getattr(stream.requires, field_name)
        if need is None:
            continue
        have = _lowest(getattr(ev.facts, result))
        c.check(
            have >= need,
            _(met).format(have=have, need=need),
            _(unmet).format(need=need, have=have or _(missing)),
        )


def _programs(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    accepted = stream.requires.programs or ("fsw", "cec", "fst")
    results = {"fsw": ev.fsw, "cec": ev.cec, "fst": ev.fst}
    eligible = [p for p in accepted if results[p].eligible]
    if eligible:
        c.met.append(_("Eligible for the {program}.").format(program=_(PROGRAM_NAMES[eligible[0]])))
    elif len(accepted) == 1:
        c.unmet.append(
            _("Needs eligibility for the {program}; your file does not meet it.").format(
                program=_(PROGRAM_NAMES[accepted[0]])
            )
        )
    else:
        c.unmet.append(
            _("Needs eligibility for one of these federal programs: {programs}; your file "
              "meets none.").format(programs=", ".join(_(PROGRAM_NAMES[p]) for p in accepted))
        )  # fmt: skip


def _education(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    need = stream.requires.education
    if need is None:
        return
    have = ev.facts.education_level
    c.check(
        EDUCATION_KEYS.index(have) >= EDUCATION_KEYS.index(need),
        _("Education: {have} (needs {need} or higher).").format(
            have=_level_name(have), need=_level_name(need)
        ),
        _("Needs {need} or higher, with an ECA for a credential from abroad; your file "
          "counts {have}.").format(need=_level_name(need), have=_level_name(have)),
    )  # fmt: skip


def _numbers(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    # A stream's CRS floor is met before a nomination: its 600 points do not count here.
    req, total, age = stream.requires, ev.crs.total - ev.crs.nomination, ev.facts.age
    if req.crs is not None:
        c.check(
            total >= req.crs,
            _("CRS score {have} (needs {need}).").format(have=total, need=req.crs),
            _("Needs a CRS score of at least {need}; yours is {have}.").format(
                need=req.crs, have=total
            ),
        )
    if req.min_age is not None or req.max_age is not None:
        low, high = req.min_age or 0, req.max_age if req.max_age is not None else 200
        span = (
            _("{low} to {high}").format(low=low, high=high)
            if req.max_age is not None and req.min_age is not None
            else _("{low} or older").format(low=low)
            if req.max_age is None
            else _("{high} or younger").format(high=high)
        )
        c.check(
            low <= age <= high,
            _("Age {age} (accepted: {span}).").format(age=age, span=span),
            _("Accepts ages {span}; you are {age}.").format(span=span, age=age),
        )


def _teers(teers: tuple[int, ...]) -> str:
    low, high = min(teers), max(teers)
    if len(teers) > 2 and sorted(teers) == list(range(low, high + 1)):
        return _("{low} to {high}").format(low=low, high=high)
    return ", ".join(str(t) for t in teers)


def _experience(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    req = stream.requires
    if not req.experience_months:
        return
    counting = ev.tables.counting
    stints = [
        s
        for s in ev.facts.stints
        if (not req.teer or s.teer in req.teer)
        and (not req.occupations or s.noc in req.occupations)
        and s.noc not in req.excluded_occupations
    ]
    low, high = ev.tables.window_start(req.experience_window_years), ev.as_of.toordinal()
    worked = hours(stints, low, high, counting["max_hours_per_week"])
    per_year = counting["hours_per_year"]
    needed = req.experience_months * per_year / 12
    what = (
        _("in the occupations this stream targets")
        if req.occupations
        else _("outside the occupations this stream excludes")
        if req.excluded_occupations
        else _("in TEER {teers} jobs").format(teers=_teers(req.teer))
        if req.teer
        else _("in skilled jobs")
    )
    values = {
        "have": duration(worked, per_year),
        "need": duration(needed, per_year),
        "what": what,
        "window": req.experience_window_years,
    }
    c.check(
        worked + 1e-6 >= needed,
        _("{have} of paid work {what} in the last {window} years (needs {need}).").format(
            **values
        ),
        _("Needs {need} of paid work {what} in the last {window} years; your file shows "
          "{have}.").format(**values),
    )  # fmt: skip


def _occupation_name(code: str) -> str:
    occupation = noc_index().get(code)
    return (
        _("NOC {code}").format(code=code)
        if occupation is None
        else _("NOC {code} ({title})").format(code=code, title=occupation.title())
    )


def _occupation_group(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    """A stream only for an occupation group: the file's occupations (its jobs and its job
    offer) in the group fit it, none in the group rule it out; a file without an occupation
    leaves it to the stream's questions."""
    group = stream.requires.occupation_group
    if group is None:
        return
    name, prefixes = OCCUPATION_GROUPS[group]
    applicant = ev.profile.applicant
    codes = [j.noc_code for j in applicant.work_history]
    if applicant.job_offer is not None:
        codes.append(applicant.job_offer.noc_code)
    codes = list(dict.fromkeys(code for code in codes if code))
    if not codes:
        return
    inside = [code for code in codes if code.startswith(prefixes)]
    named = ", ".join(map(_occupation_name, inside or codes))
    c.check(
        bool(inside),
        _("Your occupation is in {group}, which this stream is limited to: "
          "{occupations}.").format(group=_(name), occupations=named),
        _("For occupations in {group} only; your file's occupations are not: "
          "{occupations}.").format(group=_(name), occupations=named),
    )  # fmt: skip


def _ties(c: _Checks, ev: Evaluation, stream: Stream) -> None:
    req, province = stream.requires, _province(stream.province)
    applicant = ev.profile.applicant
    code = stream.province
    if req.job_offer:
        offer = applicant.job_offer
        hint = (
            _("Your file has a job offer (NOC {noc}) but does not say where.").format(
                noc=offer.noc_code
            )
            if offer is not None
            else ""
        )
        c.ask(
            Question(
                f"job_offer:{code}",
                _("Do you have a full-time job offer from an employer in {province}?").format(
                    province=province
                ),
                hint,
            ),
            _("A job offer from an employer in {province} (your answer).").format(
                province=province
            ),
            _("Needs a job offer from an employer in {province} (you answered no).").format(
                province=province
            ),
        )
    months = req.worked_in_province_months
    if months:
        in_canada = [j for j in applicant.work_history if j.country == "CA"]
        if not in_canada:
            c.unmet.append(
                _("Needs {months} months of work in {province}; your file has no work in "
                  "Canada.").format(months=months, province=province)
            )  # fmt: skip
        else:
            c.ask(
                Question(
                    f"worked_in:{code}:{months}",
                    _("Have you worked in {province} for at least {months} months?").format(
                        province=province, months=months
                    ),
                    _("Your file has work in Canada but does not say in which province."),
                ),
                _("At least {months} months of work in {province} (your answer).").format(
                    months=months, province=province
                ),
                _("Needs {months} months of work in {province} (you answered no).").format(
                    months=months, province=province
                ),
            )
    if req.graduated_in_province:
        if not any(e.country == "CA" for e in applicant.education):
            c.unmet.append(
                _("Needs a credential from a school in {province}; your file has no "
                  "Canadian education.").format(province=province)
            )  # fmt: skip
        else:
            c.ask(
                Question(
                    f"graduated_in:{code}",
                    _("Did you graduate from a post-secondary program in {province}?").format(
                        province=province
                    ),
                    _("Your file has Canadian education but does not say in which province."),
                ),
                _("A credential from a school in {province} (your answer).").format(
                    province=province
                ),
                _("Needs a credential from a school in {province} (you answered no).").format(
                    province=province
                ),
            )


def ask_id(stream: Stream, ask: Ask) -> str:
    """Questions of the data are the stream's own: their ids carry the stream's."""
    return f"{stream.id}:{ask.id}"


def _asks(c: _Checks, stream: Stream) -> None:
    for ask in stream.requires.asks:
        text = _(ask.text)
        c.ask(
            Question(ask_id(stream, ask), text),
            _("Yes: {question}").format(question=text),
            _("You answered no: {question}").format(question=text),
        )


def match(ev: Evaluation, stream: Stream, answers: Mapping[str, str]) -> StreamMatch:
    c = _Checks(answers)
    _occupation_group(c, ev, stream)  # first: when it rules the stream out, it says most
    _programs(c, ev, stream)
    _language(c, ev, stream)
    _education(c, ev, stream)
    _experience(c, ev, stream)
    _numbers(c, ev, stream)
    _ties(c, ev, stream)
    _asks(c, stream)
    fit = DOES_NOT_FIT if c.unmet else MIGHT_FIT if c.questions else FITS
    return StreamMatch(stream, fit, tuple(c.met), tuple(c.unmet), tuple(c.questions))


def match_all(
    ev: Evaluation, streams: Sequence[Stream], answers: Mapping[str, str]
) -> list[StreamMatch]:
    """Every stream, best fits first: fits, then might fit (fewest questions first), then
    does not fit (fewest unmet first); by province and name within each."""
    found = [match(ev, s, answers) for s in streams]
    return sorted(
        found,
        key=lambda m: (
            FIT_ORDER.index(m.fit),
            len(m.unmet) if m.fit == DOES_NOT_FIT else len(m.questions),
            m.stream.province,
            m.stream.name,
        ),
    )


def questions(matches: Sequence[StreamMatch]) -> list[Question]:
    """The open questions across streams, each once (a question may serve several streams)."""
    seen: dict[str, Question] = {}
    for m in matches:
        if m.fit == DOES_NOT_FIT:
            continue  # answering would not change the outcome
        for q in m.questions:
            seen.setdefault(q.id, q)
    return list(seen.values())
