"""An evaluation as the `score` JSON of the spec, or as a readable terminal breakdown."""

from __future__ import annotations

from typing import Any

from ee_desktop.i18n import _, format_date
from ee_desktop.rules.evaluation import Evaluation
from ee_desktop.rules.explain import FACTOR_NAMES, SECTIONS
from ee_desktop.rules.language import LanguageResult
from ee_desktop.rules.programs import ProgramResult


def _language(result: LanguageResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "language": result.language,
        "listening": result.listening,
        "reading": result.reading,
        "writing": result.writing,
        "speaking": result.speaking,
        "test": result.test,
        "taken_on": result.taken_on.isoformat(),
        "expires_on": result.expires_on.isoformat(),
    }


def _facts(ev: Evaluation) -> dict[str, Any]:
    f = ev.facts
    spouse = None
    if f.spouse is not None:
        spouse = {
            "education_level": f.spouse.education_level,
            "first_language": _language(f.spouse.language),
            "canadian_work_years": f.spouse.canadian_work_years,
        }
    return {
        "age": f.age,
        "education_level": f.education_level,
        "first_language": _language(f.first_language),
        "second_language": _language(f.second_language),
        "canadian_work_years": f.canadian_work_years,
        "foreign_work_years": f.foreign_work_years,
        "skilled_work_years": f.skilled_work_years,
        "canadian_education": f.canadian_education,
        "with_spouse": f.with_spouse,
        "spouse": spouse,
        "spouse_not_counted": f.spouse_not_counted,
        "certificate_of_qualification": f.certificate_of_qualification,
        "provincial_nomination": f.nominated,
        "job_offer_noc": f.job_offer_noc,
        "sibling_in_canada": f.sibling_in_canada,
        "family_size": f.family_size,
        "required_funds_cad": ev.required_funds,
    }


def _program(result: ProgramResult, with_points: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"eligible": result.eligible}
    if with_points:
        out["points"] = result.points
        out["grid"] = [{"factor": g.factor, "points": g.points, "max": g.max} for g in result.grid]
    out["reasons"] = list(result.reasons)
    return out


def evaluation_to_json(ev: Evaluation) -> dict[str, Any]:
    """The `score --json` object (profile-format.md), with extra keys after the required ones."""
    crs = ev.crs
    return {
        "as_of": ev.as_of.isoformat(),
        "rules_version": ev.rules_version,
        "rules_verified_on": ev.verified_on.isoformat(),
        "facts": _facts(ev),
        "crs": {
            "total": crs.total,
            "core": crs.core,
            "spouse": crs.spouse,
            "transferability": crs.transferability,
            "additional": crs.additional,
            "factors": [
                {
                    "section": x.section,
                    "factor": x.factor,
                    "points": x.points,
                    "max": x.max,
                    "explanation": x.explanation,
                }
                for x in ev.factors
            ],
        },
        "programs": {
            "fsw": _program(ev.fsw, True),
            "cec": _program(ev.cec, False),
            "fst": _program(ev.fst, False),
        },
        "categories": [
            {
                "id": c.id,
                "name": c.name,
                "eligible": c.eligible,
                "status": c.status,
                "reasons": list(c.reasons),
                "source": c.source,
            }
            for c in ev.categories
        ],
        "warnings": list(ev.warnings),
        "alerts": [{"text": a.text, "field": a.field, "severity": a.severity} for a in ev.alerts],
        "notices": [
            {
                "id": n.id,
                "title": n.title,
                "text": n.text,
                "source": n.source,
                "effective_from": n.effective_from.isoformat() if n.effective_from else None,
            }
            for n in ev.notices
        ],
        "rules_layers": [
            {
                "name": layer.name,
                "rules_version": layer.rules_version,
                "verified_on": layer.verified_on.isoformat(),
                "path": str(layer.path) if layer.path else None,
            }
            for layer in ev.rules.layers
        ],
    }


def _program_line(name: str, result: ProgramResult) -> list[str]:
    status = _("eligible") if result.eligible else _("not eligible")
    lines = [f"  {name}: {status}"]
    lines += [f"    - {reason}" for reason in result.reasons]
    return lines


def render_text(ev: Evaluation) -> str:
    """A readable breakdown for the terminal."""
    crs = ev.crs
    lines = [
        _("CRS score on {day}: {total} / 1200").format(day=format_date(ev.as_of), total=crs.total),
        _("Rules {version}, verified up to {day}").format(
            version=ev.rules_version, day=format_date(ev.verified_on)
        ),
        "",
    ]
    totals = {
        "core": crs.core,
        "spouse": crs.spouse,
        "transferability": crs.transferability,
        "additional": crs.additional,
    }
    caps = ev.tables.caps
    maxima = {
        "core": caps["core_with_spouse" if crs.with_spouse else "core_without_spouse"],
        "spouse": caps["spouse"] if crs.with_spouse else 0,
        "transferability": caps["transferability"],
        "additional": caps["additional"],
    }
    factors = ev.factors
    for section, title in SECTIONS.items():
        if section == "spouse" and not crs.with_spouse:
            continue
        lines.append(f"{_(title):<40}{totals[section]:>5} / {maxima[section]}")
        for x in factors:
            if x.section == section:
                name = _(FACTOR_NAMES[x.factor])
                lines.append(f"  {name:<32}{x.points:>5} / {x.max:<4} {x.explanation}")
        lines.append("")
    lines.append(_("Programs"))
    fsw_name = _("Federal Skilled Worker ({points} / 100 grid points)").format(points=ev.fsw.points)
    lines += _program_line(fsw_name, ev.fsw)
    lines += _program_line(_("Canadian Experience Class"), ev.cec)
    lines += _program_line(_("Federal Skilled Trades"), ev.fst)
    if ev.categories:
        lines += ["", _("Category-based selection")]
        labels = {
            "eligible": _("eligible"),
            "not_eligible": _("not eligible"),
            "unknown": _("cannot tell"),
        }
        for c in ev.categories:
            lines.append(f"  {c.title}: {labels[c.status]}")
            lines += [f"    - {reason}" for reason in c.reasons]
    if ev.warnings:
        lines += ["", _("Warnings")]
        lines += [f"  - {w}" for w in ev.warnings]
    if ev.notices:
        lines += ["", _("Notices")]
        for n in ev.notices:
            lines.append(f"  - {n.title}: {n.text}")
    return "\n".join(lines) + "\n"
