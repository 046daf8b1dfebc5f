"""The forms worksheet (report --kind forms) read back as text: every section of each person
who needs the histories, the values as the forms want them, gaps and problems in red at
their place and listed with their field, French, the paper, and the command line."""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from report_helpers import flat, pages, rules
from reportlab.pdfbase.pdfmetrics import stringWidth

from ee_desktop import i18n
from ee_desktop.report import render
from ee_desktop.report.forms import FLAG_SHADE, GAP_SHADE
from ee_desktop.report.layout import ALERT, BOLD, FONT, MARGIN
from ee_desktop.services.report import input_for_file
from tests.cli.helpers import run_cli
from tests.history.history_helpers import AS_OF, FAMILY, family, family_data

MEERA = "Meera Iyer \u2013 Principal applicant"
KARTHIK = "Karthik Iyer \u2013 Spouse or partner"
ANJALI = "Anjali Iyer \u2013 Dependent child"
GAP = "Gap: nothing declared for this time"
SCHEDULE_A = [
    "Schedule A \u2013 Background/Declaration (IMM 5669)",
    "Personal details",
    "Other names used",
    "Personal history",
    "Memberships and associations",
    "Government positions",
    "Military service",
    "Addresses",
    "Travel history",
]
IMM_5406 = [
    "Additional Family Information (IMM 5406)",
    "Spouse and children",
    "Parents",
    "Brothers and sisters",
]


def forms_pdf(data: dict[str, Any] | None = None, paper: str = "a4") -> bytes:
    profile = family(data)
    return render(input_for_file(profile, AS_OF, rules()), "forms", paper)


def text_of(pdf: bytes) -> str:
    return flat(" ".join(pages(pdf)))


@cache
def complete_text() -> str:
    return text_of(forms_pdf())


def parts(text: str) -> dict[str, str]:
    """Each person's part of the text, from their heading to the next one."""
    starts = sorted((text.index(h), h) for h in (MEERA, KARTHIK, ANJALI))
    ends = [s for s, _h in starts[1:]] + [len(text)]
    return {h: text[s:e] for (s, h), e in zip(starts, ends, strict=True)}


def in_order(text: str, titles: list[str]) -> bool:
    positions = []
    start = 0
    for title in titles:
        found = text.find(title, start)
        if found < 0:
            return False
        positions.append(found)
        start = found + len(title)
    return positions == sorted(positions)


def coloured(pdf: bytes) -> Iterator[tuple[int, tuple[float, ...] | None, str, float, float]]:
    """(page, fill colour, text, x where it starts, its right end) of every piece of text."""
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        fill: list[tuple[float, ...] | None] = [None]
        found: list[tuple[int, tuple[float, ...] | None, str, float, float]] = []

        def before(op: bytes, args: list[Any], _cm: Any, _tm: Any) -> None:
            if op == b"rg":
                fill[0] = tuple(round(float(a), 3) for a in args)  # noqa: B023

        def seen(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if not text.strip():
                return
            bold = font is not None and "Bold" in str(font.get("/BaseFont", ""))
            left = cm[4] + tm[4]
            right = left + stringWidth(text.strip(), BOLD if bold else FONT, size)
            found.append((number, fill[0], " ".join(text.split()), left, right))  # noqa: B023

        page.extract_text(visitor_operand_before=before, visitor_text=seen)
        yield from found


def rgb(colour: Any) -> tuple[float, ...]:
    return tuple(round(c, 3) for c in (colour.red, colour.green, colour.blue))


def red_texts(pdf: bytes) -> list[str]:
    return [t for _page, fill, t, _left, _right in coloured(pdf) if fill == rgb(ALERT)]


def filled(pdf: bytes, colour: Any) -> bool:
    """Whether some page paints a background of ``colour`` (a table cell's fill)."""
    wanted = " ".join(f"{c:g}" for c in rgb(colour))
    for page in PdfReader(io.BytesIO(pdf)).pages:
        stream = page.get_contents()
        data = stream.get_data().decode("latin-1") if stream is not None else ""
        numbers = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", data)
        if any(" ".join(f"{round(float(n), 3):g}" for n in found) == wanted for found in numbers):
            return True
    return False


# -- content ---------------------------------------------------------------------------------
def test_each_person_has_every_section_in_the_order_of_the_online_forms() -> None:
    people = parts(complete_text())
    assert in_order(people[MEERA], SCHEDULE_A + IMM_5406)
    assert in_order(people[KARTHIK], SCHEDULE_A + IMM_5406)
    # A child fills in Schedule A and the travel history; their parents' IMM 5406 lists them.
    assert in_order(people[ANJALI], SCHEDULE_A)
    assert IMM_5406[0] not in people[ANJALI]


def test_values_are_written_as_the_forms_ask_them() -> None:
    text = complete_text()
    for line in (
        # the window and the date of the worksheet
        "History window on 2026-06-15 2016-06-15 to 2026-06-15",
        "History window on 2026-06-15 2024-03-10 to 2026-06-15",
        "from your personal file as of 2026-06-15",
        # other names
        "Other names used Family name Given names Subramanian Meera",
        # personal history: months, "now", labels, the country with its code
        "2010-07 2019-03 employed Infosys Software engineer Chennai India (IN) citizen",
        "2019-04 2019-04 unemployed \u2014 \u2014 Dubai United Arab Emirates (AE) visitor",
        "2019-05 now employed Emirates NBD Senior software engineer Dubai "
        "United Arab Emirates (AE) worker (work permit or visa)",
        "2024-09 now studying University of Dubai Business administration Dubai",
        # addresses: days, every part in its column
        "1988-08-20 2019-04-14 14 Lake View Road Chennai TN 600033 India (IN)",
        "2015-09-01 2018-12-31 22 Baker Street London \u2014 NW1 6XE United Kingdom (GB)",
        # travel
        "2024-12-20 2025-01-05 India (IN) Chennai family visit",
        # IMM 5406: the family in the file, then the relatives
        "Karthik Iyer spouse or partner 1986-02-03 \u2014 Marina Heights 1204, Dubai, "
        "United Arab Emirates married Engineering manager Yes",
        "Arjun Iyer child 2015-07-01",
        "Lakshmi Subramanian mother 1962-01-15 India (IN) 14 Lake View Road, Chennai, India "
        "widowed Retired teacher No",
        "Ramesh Subramanian father 1958-06-02 India (IN) Deceased on 2020-09-14 married",
        "Vikram Subramanian brother 1991-03-30 India (IN) Bengaluru, India never married Doctor No",
        "Divya Natarajan sister 1990-07-07",
        "Meera Iyer spouse or partner 1988-08-20",  # on Karthik's IMM 5406
    ):
        assert line in text, line
    assert "Memberships and associations None declared" in text
    assert "Not filled in yet" not in text and GAP not in text


def test_memberships_positions_and_service_are_listed_oldest_first() -> None:
    data = family_data()
    spouse = data["spouse"]
    spouse["memberships"] = [
        {"from": "2016-01", "to": None, "organization": "Computer Society of India",
         "organization_type": "professional", "position": "member", "city": "Chennai",
         "country": "IN"},
        {"from": "2008-03", "to": "2011-06", "organization": "Rotaract Club"},
    ]  # fmt: skip
    spouse["government_positions"] = [
        {"from": "2009-01", "to": "2011-12", "country": "IN", "jurisdiction": "municipal",
         "department": "Chennai Corporation", "position": "Intern"},
    ]  # fmt: skip
    spouse["military_service"] = [
        {"from": "2004-06", "to": "2007-05", "country": "IN", "branch": "National Cadet Corps",
         "rank": "Cadet", "commanding_officers": "Col. R. Menon", "end_reason": "Graduated"},
    ]  # fmt: skip
    karthik = parts(text_of(forms_pdf(data)))[KARTHIK]
    rotaract = karthik.index("2008-03 2011-06 Rotaract Club \u2014 \u2014 \u2014 \u2014")
    society = karthik.index(
        "2016-01 now Computer Society of India professional member Chennai India (IN)"
    )
    assert rotaract < society
    assert "2009-01 2011-12 India (IN) municipal Chennai Corporation Intern" in karthik
    assert (
        "2004-06 2007-05 India (IN) National Cadet Corps Cadet Commanding officers "
        "Col. R. Menon Reason service ended Graduated"
    ) in karthik
    assert in_order(karthik, SCHEDULE_A)


def test_the_summary_gives_each_person_their_window_and_status() -> None:
    first = pages(forms_pdf())[0]
    text = flat(first)
    assert "Permanent residence forms worksheet" in text
    assert "Meera Iyer Principal applicant 2016-06-15 to 2026-06-15 Complete" in text
    assert "Anjali Iyer Dependent child 2024-03-10 to 2026-06-15 Complete" in text


def test_a_young_child_has_no_section_and_an_adult_child_does() -> None:
    text = complete_text()
    assert ANJALI in text
    assert "Arjun Iyer \u2013" not in text
    assert "Children under 18 on 2026-06-15 fill in none of these forms" in text
    assert "IMM 5406: Arjun Iyer." in text


# -- gaps and problems -------------------------------------------------------------------------
def test_a_gap_is_a_red_row_at_its_place_and_is_listed_with_its_field() -> None:
    data = family_data()
    del data["applicant"]["personal_history"][1]  # 2019-04, between the two jobs
    pdf = forms_pdf(data)
    meera = parts(text_of(pdf))[MEERA]
    infosys = meera.index("2010-07 2019-03 employed Infosys")
    gap = meera.index(f"2019-04 2019-04 {GAP}")
    emirates = meera.index("2019-05 now employed Emirates NBD")
    assert infosys < gap < emirates
    assert f"applicant.personal_history {GAP} (2019-04)" in meera
    assert "1 gap or overlap" in meera
    assert GAP in red_texts(pdf)
    assert filled(pdf, GAP_SHADE)


def test_address_gaps_and_overlaps_are_red_rows_too() -> None:
    data = family_data()
    stays = data["spouse"]["residence_history"]
    stays[2]["from"] = "2018-12-01"  # India overlaps the last month in London
    stays[3]["from"] = "2019-05-01"  # and a fortnight is lived nowhere
    karthik = parts(text_of(pdf := forms_pdf(data)))[KARTHIK]
    overlap = "Overlap: two addresses at the same time"
    assert f"2018-12-01 2018-12-31 {overlap}" in karthik
    assert f"2019-04-15 2019-04-30 {GAP}" in karthik
    assert f"spouse.residence_history {overlap} (2018-12-01 to 2018-12-31)" in karthik
    assert overlap in red_texts(pdf)


def test_problems_are_listed_with_the_field_they_concern_and_their_entry_is_marked() -> None:
    data = family_data()
    data["spouse"]["relatives"] = data["spouse"]["relatives"][1:]  # no mother
    del data["applicant"]["residence_history"][1]["address"]  # Dubai: no street
    data["applicant"]["residence_history"][1]["from"] = "2019-06-01"
    data["applicant"]["travel_history"][0].update({"from": "2019-05-02", "to": "2019-05-09"})
    pdf = forms_pdf(data)
    people = parts(text_of(pdf))
    meera, karthik = people[MEERA], people[KARTHIK]
    assert "Gaps and problems to fix" in meera
    assert "Addresses 2019-06-01 to now applicant.residence_history[1].address IMM 5669" in meera
    assert "Travel history 2019-05-02 to 2019-05-09 applicant.travel_history[0]" in meera
    assert "spouse.relatives IMM 5406 asks for your mother" in karthik
    # At its place: the missing mother is a red row of the spouse's parents.
    assert "Parents Name Date of birth" in karthik
    assert "mother Not filled in yet" in karthik
    assert "Not filled in yet" in red_texts(pdf)
    assert filled(pdf, FLAG_SHADE)  # the address and the trip the problems concern


def test_an_empty_section_says_whether_it_is_needed() -> None:
    data = family_data()
    child = data["children"][0]
    child["personal_history"] = []
    child["residence_history"] = []
    child["travel_history"] = []
    data["applicant"]["relatives"] = []
    pdf = forms_pdf(data)
    people = parts(text_of(pdf))
    anjali, meera = people[ANJALI], people[MEERA]
    assert "Personal history Not filled in yet" in anjali
    assert "Addresses Not filled in yet" in anjali
    assert "Travel history None declared" in anjali
    assert "Military service None declared" in anjali
    assert "Parents Not filled in yet" in meera
    assert "Brothers and sisters None declared" in meera
    assert "children[0].personal_history No personal history yet" in anjali
    assert red_texts(pdf).count("Not filled in yet") >= 3


def test_long_names_and_addresses_wrap_and_are_never_clipped() -> None:
    data = family_data()
    long_name = "Venkataraghavan Subrahmanyam Chandrasekharan-Ramanathapuram"
    long_street = (
        "Flat 12B, Sri Lakshmi Narasimha Swamy Residency, 4th Cross, 7th Main Road, "
        "Behind the Old Municipal Water Tank"
    )
    data["applicant"]["other_names"].append({"family_name": long_name, "given_names": "Meera"})
    data["applicant"]["residence_history"][0]["address"]["street"] = long_street
    data["applicant"]["personal_history"][0]["organization"] = "Infosys-Technologies" * 4
    data["applicant"]["relatives"][2]["address"] = long_street + ", Bengaluru, Karnataka"
    pdf = forms_pdf(data)
    text = text_of(pdf).replace("- ", "-")  # a line broken at a hyphen reads as one again
    for value in (long_name, long_street, long_street + ", Bengaluru, Karnataka"):
        assert value in text, value
    assert "Infosys-Technologies" * 4 in text.replace(" ", "")
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    for _page, _fill, piece, left, right in coloured(pdf):
        assert left >= MARGIN - 1 and right <= width - MARGIN + 1, piece


def test_the_paper_is_chosen_as_for_the_other_kinds() -> None:
    reader = PdfReader(io.BytesIO(forms_pdf(paper="letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# -- French ----------------------------------------------------------------------------------
# IRCC's own names for the forms, as a French translator is to write them.
OFFICIAL_FRENCH = {
    "Schedule A \u2013 Background/Declaration (IMM 5669)": (
        "Annexe A \u2013 Antécédents/Déclaration (IMM 5669)"
    ),
    "Additional Family Information (IMM 5406)": (
        "Renseignements additionnels sur la famille (IMM 5406)"
    ),
    "Personal history": "Historique personnel",
}


class _Official(gettext.NullTranslations):
    """The French catalogue, with the forms' official names over it."""

    def gettext(self, message: str) -> str:
        if message in OFFICIAL_FRENCH:
            return OFFICIAL_FRENCH[message]
        return super().gettext(message)


@pytest.fixture
def french_core() -> Iterator[None]:
    i18n.install("fr")
    yield
    i18n.install("en")


def test_the_french_worksheet_uses_the_catalogue_and_french_formats(french_core: None) -> None:
    official = _Official()
    official.add_fallback(i18n._translation)
    i18n._translation = official  # french_core installs English again at the end
    text = text_of(forms_pdf())
    for value in (*OFFICIAL_FRENCH.values(), "Page 1 sur", "Inde (IN)", "Émirats arabes unis"):
        assert value in text, value
    assert "Du Au" in text  # the tables' From and To
    assert "2019-05 aujourd'hui" in text  # whole, in its narrow column


ENGLISH_WORDS = frozenset(
    "the and your you of to with for is are this that from not have has in on at as "
    "what which must can each every their them".split()
)


class _Pseudo(gettext.NullTranslations):
    """Every message marked as translated: a word left in English did not go through _()."""

    @staticmethod
    def mark(message: str) -> str:
        # Letters outside {placeholders} become accented, so English words stop matching.
        pieces = re.split(r"(\{[^{}]*\})", message)
        table = str.maketrans("aeiouAEIOU", "àéìòùÀÉÌÒÙ")
        return "".join(p if p.startswith("{") else p.translate(table) for p in pieces)

    def gettext(self, message: str) -> str:
        return self.mark(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.mark(singular if n == 1 else plural)


def test_every_word_of_the_worksheet_is_translatable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_translation", _Pseudo())
    data = family_data()
    del data["applicant"]["personal_history"][1]
    data["spouse"]["relatives"] = data["spouse"]["relatives"][1:]
    text = text_of(forms_pdf(data))
    for value in sorted(_typed(data), key=len, reverse=True):  # what the user typed
        text = text.replace(value, " ")
    english = [w for w in re.findall(r"[^\W\d_]+", text) if w.casefold() in ENGLISH_WORDS]
    assert english == []


def _typed(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _typed(item)
    elif isinstance(value, list):
        for item in value:
            yield from _typed(item)


# -- the command line and the window ------------------------------------------------------------
def test_report_kind_forms_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    done = run_cli(
        tmp_path / "data",
        "report",
        str(FAMILY),
        "--kind",
        "forms",
        "-o",
        str(out),
        "--as-of",
        "2026-06-15",
        "--paper",
        "letter",
    )
    assert done.returncode == 0, done.stderr
    assert f"Wrote {out}." in done.stderr
    assert out.stat().st_mode & 0o077 == 0  # the histories are private
    text = text_of(out.read_bytes())
    assert in_order(parts(text)[MEERA], SCHEDULE_A + IMM_5406)
    assert "2010-07 2019-03 employed Infosys" in text


def test_a_bad_or_missing_output_fails_as_for_the_other_kinds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    helped = run_cli(data, "report", "--help")
    assert "forms" in flat(helped.stdout)
    assert "forms = permanent residence forms worksheet" in flat(helped.stdout)
    missing = tmp_path / "no-such-folder" / "forms.pdf"
    codes = []
    for kind in ("worksheet", "forms"):
        done = run_cli(data, "report", str(FAMILY), "--kind", kind, "-o", str(missing))
        assert "cannot write the file" in done.stderr
        codes.append(done.returncode)
    assert codes[0] == codes[1] != 0
    assert not missing.exists()
    unnamed = run_cli(data, "report", str(FAMILY), "--kind", "forms")
    assert unnamed.returncode == 2
    assert "-o/--output" in unnamed.stderr


def test_the_window_offers_the_forms_worksheet(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QRadioButton

    from ee_desktop.ui.report_export import ReportChoice

    choice = ReportChoice()
    qtbot.addWidget(choice)
    button = choice.findChild(QRadioButton, "report:forms")
    assert button is not None
    assert button.text().replace("&", "") == (
        "Permanent residence forms worksheet: each person's histories and family"
    )
    button.setChecked(True)
    assert choice.kind() == "forms"
