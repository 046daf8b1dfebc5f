"""Code lists the format checks against: countries and language-test score scales."""

from __future__ import annotations

from dataclasses import dataclass

from ee_desktop.i18n import N_, _

# ISO 3166-1 alpha-2, officially assigned codes (249).
COUNTRY_CODES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK
    DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR
    GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
    KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP
    MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
    PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG
    VI VN VU WF WS YE YT ZA ZM ZW""".split()
)


@dataclass(frozen=True, slots=True)
class ScoreScale:
    """The range of one ability's score on one test, as the test reports it."""

    low: float
    high: float
    step: float  # 0.5 for IELTS bands, 1 for whole-number scales

    def accepts(self, value: float) -> bool:
        """In range and exactly on a step (IELTS 6.5 yes, 6.4999 no; CELPIP 7 yes, 7.5 no)."""
        if not self.low <= value <= self.high:
            return False
        steps = (value - self.low) / self.step
        return steps == int(steps)

    def describe(self) -> str:
        low, high = _number(self.low), _number(self.high)
        if self.step == 1:
            return _("{low} to {high}").format(low=low, high=high)
        return _("{low} to {high} in steps of {step}").format(
            low=low, high=high, step=_number(self.step)
        )


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


_WHOLE_0_699 = ScoreScale(0, 699, 1)
# Score scales per test and ability (profile-format.md, "Enumerations").
SCORE_SCALES: dict[str, dict[str, ScoreScale]] = {
    "ielts_general": dict.fromkeys(
        ("listening", "reading", "writing", "speaking"), ScoreScale(0, 9, 0.5)
    ),
    "celpip_general": dict.fromkeys(
        ("listening", "reading", "writing", "speaking"), ScoreScale(0, 12, 1)
    ),
    "pte_core": dict.fromkeys(
        ("listening", "reading", "writing", "speaking"), ScoreScale(10, 90, 1)
    ),
    "tef_canada": dict.fromkeys(("listening", "reading", "writing", "speaking"), _WHOLE_0_699),
    "tcf_canada": {
        "listening": _WHOLE_0_699,
        "reading": _WHOLE_0_699,
        "writing": ScoreScale(0, 20, 1),
        "speaking": ScoreScale(0, 20, 1),
    },
}

ABILITY_NAMES: dict[str, str] = {
    "listening": N_("listening"),
    "reading": N_("reading"),
    "writing": N_("writing"),
    "speaking": N_("speaking"),
}

TEST_NAMES: dict[str, str] = {
    "ielts_general": N_("IELTS General Training"),
    "celpip_general": N_("CELPIP-General"),
    "pte_core": N_("PTE Core"),
    "tef_canada": N_("TEF Canada"),
    "tcf_canada": N_("TCF Canada"),
}
TEST_LANGUAGE: dict[str, str] = {
    "ielts_general": "english",
    "celpip_general": "english",
    "pte_core": "english",
    "tef_canada": "french",
    "tcf_canada": "french",
}
