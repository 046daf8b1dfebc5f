"""The shipped NOC 2021 data and its search."""

from __future__ import annotations

from ee_desktop.noc import fold, noc_index


def test_all_unit_groups_with_source_and_licence() -> None:
    index = noc_index()
    assert len(index) == 516
    assert index.metadata["publisher"] == "Statistics Canada"
    assert "Open Government Licence" in str(index.metadata["attribution"])
    counts = {teer: 0 for teer in range(6)}
    for code in ("00010", "21232", "31301", "72200", "63200"):
        assert index.get(code) is not None
    for occupation in (index.get(f"{n:05d}") for n in range(100000)):
        if occupation is not None:
            counts[occupation.teer] += 1
    # Unit groups per TEER category in NOC 2021 V1.0.
    assert counts == {0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45}


def test_known_titles() -> None:
    index = noc_index()
    software = index.get("21232")
    assert software is not None and software.title_en == "Software developers and programmers"
    assert software.teer == 1 and software.title("fr").startswith("Développeurs")
    assert index.get("99999") is None


def test_search_by_code_prefix() -> None:
    codes = [m.occupation.code for m in noc_index().search("2123")]
    assert codes == ["21230", "21231", "21232", "21233", "21234"]


def test_search_by_words_in_titles_and_examples() -> None:
    index = noc_index()
    first = index.search("software developer")[0]
    assert first.occupation.code == "21232"
    nurses = [m.occupation.code for m in index.search("registered nurse")]
    assert nurses[0] == "31301"
    # An example title finds its unit group, reported with the title that matched.
    band = index.search("band chief")
    assert band[0].occupation.code == "00010" and "band chief" in band[0].matched_title.lower()


def test_search_ignores_case_and_accents_and_lists_each_code_once() -> None:
    index = noc_index()
    results = index.search("INGENIEUR logiciel")
    assert results and results[0].occupation.code == "21231"
    codes = [m.occupation.code for m in index.search("cook", limit=500)]
    assert len(codes) == len(set(codes))
    assert index.search("   ") == [] and index.search("qqqzzz") == []
    assert fold("Éducatrice") == "educatrice"
