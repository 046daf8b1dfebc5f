"""What every report shares: header, page numbers, paper sizes, fonts, errors and progress."""

from __future__ import annotations

import io
import threading
from dataclasses import replace

import pytest
from pypdf import PdfReader
from report_helpers import big, example, flat, pages, report_input

from ee_desktop.report import KINDS, PAPERS, ReportInput, render
from ee_desktop.report.layout import TALL_ROW, layout

HEADER = "Generated on November 24, 2026 by ee-desktop, computed on this computer"


@pytest.mark.parametrize("kind", KINDS)
def test_header_and_page_numbers_on_every_page(kind: str) -> None:
    texts = pages(render(big(), kind))
    total = len(texts)
    for number, page in enumerate(texts, 1):
        assert "Zoë Ñandú" in page
        assert HEADER in page
        assert f"Page {number} of {total}" in page


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))])
def test_paper_sizes(paper: str, size: tuple[float, float]) -> None:
    reader = PdfReader(io.BytesIO(render(example(), "all", paper)))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.1)
        assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.1)


def test_letter_paginates_the_same_content() -> None:
    a4 = flat(" ".join(pages(render(big(), "worksheet", "a4"))))
    letter = flat(" ".join(pages(render(big(), "worksheet", "letter"))))
    for n in range(1, 21):
        assert f"Job {n} of 20" in a4
        assert f"Job {n} of 20" in letter


def test_all_is_the_three_documents_one_after_the_other() -> None:
    data = big()
    parts = [len(pages(render(data, kind))) for kind in ("worksheet", "checklist", "deadlines")]
    everything = pages(render(data, "all"))
    assert len(everything) == sum(parts)
    assert "Profile worksheet" in everything[0]
    assert "Document checklist" in everything[parts[0]]
    assert "Deadlines" in everything[parts[0] + parts[1]]


def test_the_font_is_embedded_truetype() -> None:
    reader = PdfReader(io.BytesIO(render(example(), "worksheet")))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [str(font.get_object()["/BaseFont"]) for font in fonts.values()]
    assert names
    assert all("DejaVuSans" in name for name in names)
    for font in fonts.values():
        descendant = font.get_object()
        descriptor = descendant.get("/FontDescriptor")
        if descriptor is not None:
            assert "/FontFile2" in descriptor.get_object()


def test_markup_characters_in_user_text_print_as_typed() -> None:
    base = example().profile
    job = replace(base.applicant.work_history[0], employer="Smith & Sons <Pty> Ltd")
    profile = replace(base, applicant=replace(base.applicant, work_history=(job,)))
    text = flat(" ".join(pages(render(report_input(profile), "worksheet"))))
    assert "Employer Smith & Sons <Pty> Ltd" in text


@pytest.mark.parametrize(("kind", "paper"), [("summary", "a4"), ("all", "a5"), ("ALL", "a4")])
def test_unknown_kind_or_paper(kind: str, paper: str) -> None:
    with pytest.raises(ValueError):
        render(example(), kind, paper)


@pytest.mark.parametrize("kind", KINDS)
def test_progress_counts_up_to_the_total(kind: str) -> None:
    calls: list[tuple[int, int]] = []
    render(example(), kind, progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0
    totals = {total for _done, total in calls}
    assert len(totals) == 1
    dones = [done for done, _total in calls]
    assert dones == sorted(dones)
    assert calls[-1] == (totals.pop(), calls[-1][1])
    assert calls[-1][0] == calls[-1][1]


def test_same_input_same_bytes() -> None:
    assert render(example(), "all") == render(example(), "all")


def test_renders_from_worker_threads() -> None:
    data: ReportInput = example()
    expected = render(data, "all", "letter")
    results: list[bytes] = []

    def work() -> None:
        results.append(render(data, "all", "letter"))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 3


def test_papers_and_kinds_are_the_published_ones() -> None:
    assert KINDS == ("worksheet", "checklist", "deadlines", "all", "forms")
    assert PAPERS == ("a4", "letter")


def test_a_row_taller_than_a_page_still_prints_in_full() -> None:
    data = example()
    entries = list(data.checklist)
    entries[1] = replace(entries[1], notes=" ".join(f"word{i}" for i in range(3000)))
    texts = pages(render(replace(data, checklist=entries), "checklist"))
    words = set(" ".join(texts).split())
    assert len(texts) >= 3
    assert all(f"word{i}" in words for i in range(3000))


def test_a_row_moves_whole_to_the_next_page_unless_it_is_tall() -> None:
    """No repeated header with the first line of a row at the foot of a page."""
    lay = layout("a4")
    medium = " ".join(["a line of text"] * 40)  # several lines, far shorter than a page
    table = lay.table(["Key", "Text"], [("1", "short"), ("2", medium)], [0.2, 0.8])
    _width, height = table.wrap(lay.width, 10_000)
    header_and_first = height - table._rowHeights[-1]
    room = header_and_first + 30  # the first rows and two lines of the second
    parts = table.split(lay.width, room)
    assert len(parts) == 2  # between the rows
    rest = parts[1]
    rest.wrap(lay.width, 10_000)
    assert rest.split(lay.width, rest._rowHeights[0] + 30) == []  # moves on whole
    tall = " ".join(["word"] * 3000)
    big_row = lay.table(["Key", "Text"], [("1", tall)], [0.2, 0.8])
    big_row.wrap(lay.width, 10_000)
    assert big_row._rowHeights[-1] > TALL_ROW
    assert len(big_row.split(lay.width, 400)) == 2  # a tall row still splits inside


def test_a_file_with_almost_nothing_in_it() -> None:
    base = example().profile
    applicant = replace(
        base.applicant,
        marital_status="never_married",
        education=(),
        language_tests=(),
        work_history=(),
    )
    profile = replace(
        base, applicant=applicant, spouse=None, children=(), settlement_funds_cad=None
    )
    data = replace(report_input(profile), checklist=[], deadlines=[])
    text = flat(" ".join(pages(render(data, "all"))))
    for line in (
        "No language test entered.",
        "No education entered.",
        "No work history entered.",
        "No spouse or partner in the file.",
        "No children in the file.",
        "Funds available (CAD) \u2014",
        "No documents to list.",
        "No dates to show.",
    ):
        assert line in text, line


def test_a_very_long_name_still_fits_the_header() -> None:
    base = example().profile
    long_name = "Maria-Guadalupe Esperanza Concepción de los Ángeles"
    applicant = replace(base.applicant, given_names=long_name, family_name="Fernández-Oyarzún")
    texts = pages(render(report_input(replace(base, applicant=applicant)), "deadlines"))
    for page in texts:
        assert f"{long_name} Fernández-Oyarzún" in page
        assert HEADER in page
