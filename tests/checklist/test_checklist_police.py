"""Police certificates: who, which countries, current versus former."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from checklist_helpers import AS_OF, by_key, keys, omar, single, stay, with_spouse

from ee_desktop.checklist.police import add_months, lasted, police_countries

BORN = date(1990, 3, 15)


def police_keys(*stays: object, born: date = BORN, as_of: date = AS_OF) -> list[str]:
    profile = single(residence_history=stays, date_of_birth=born)
    return [k for k in keys(profile, as_of) if k.startswith("police:")]


def test_add_months_and_six_months_in_a_row() -> None:
    assert add_months(date(2020, 8, 31), 6) == date(2021, 2, 28)
    assert add_months(date(2020, 1, 15), 12) == date(2021, 1, 15)
    assert lasted(date(2020, 1, 1), date(2020, 6, 30))
    assert not lasted(date(2020, 1, 1), date(2020, 6, 29))


def test_five_months_is_not_enough_six_is() -> None:
    five = police_keys(
        stay("IN", BORN, date(2021, 12, 31)),
        stay("QA", date(2022, 1, 1), date(2022, 5, 31)),
        stay("IN", date(2022, 6, 1)),
    )
    six = police_keys(
        stay("IN", BORN, date(2021, 12, 31)),
        stay("QA", date(2022, 1, 1), date(2022, 6, 30)),
        stay("IN", date(2022, 7, 1)),
    )
    assert "police:applicant:QA" not in five
    assert "police:applicant:QA" in six


def test_time_before_18_does_not_count() -> None:
    born = date(2005, 6, 1)  # 18 on 2023-06-01
    # In France from 2022-01-01 to 2023-10-31: only 5 months after turning 18.
    short = police_keys(
        stay("FR", date(2022, 1, 1), date(2023, 10, 31)), stay("IN", date(2023, 11, 1)), born=born
    )
    assert "police:applicant:FR" not in short
    longer = police_keys(
        stay("FR", date(2022, 1, 1), date(2023, 11, 30)), stay("IN", date(2023, 12, 1)), born=born
    )
    assert "police:applicant:FR" in longer


def test_stays_older_than_ten_years_are_ignored() -> None:
    # 10 years before 2026-11-24 is 2016-11-24.
    old = police_keys(stay("DE", date(2010, 1, 1), date(2016, 5, 31)), stay("IN", date(2016, 6, 1)))
    assert "police:applicant:DE" not in old
    # Straddling the window: only the part inside counts (2016-11-24 to 2017-05-22 is a day short).
    edge = police_keys(
        stay("DE", date(2010, 1, 1), date(2017, 5, 22)), stay("IN", date(2017, 5, 23))
    )
    assert "police:applicant:DE" not in edge
    inside = police_keys(
        stay("DE", date(2010, 1, 1), date(2017, 5, 23)), stay("IN", date(2017, 5, 24))
    )
    assert "police:applicant:DE" in inside


def test_canada_never_needs_one() -> None:
    found = police_keys(stay("IN", BORN, date(2019, 12, 31)), stay("CA", date(2020, 1, 1)))
    assert found == ["police:applicant:IN"]
    assert police_keys(stay("CA", BORN)) == []


def test_current_and_former_country() -> None:
    items = by_key(
        single(
            residence_history=(
                stay("GB", date(2015, 1, 1), date(2022, 6, 30)),
                stay("IN", date(2022, 7, 1)),
            )
        )
    )
    current, former = items["police:applicant:IN"], items["police:applicant:GB"]
    assert "6 months before you submit" in current.validity
    assert "Current country of residence: India (July 1, 2022 to now)" in current.reason
    assert "Issued after June 30, 2022" in former.validity
    assert "(November 24, 2016 to June 30, 2022)" in former.reason
    assert current.expires_on is None and former.expires_on is None


def test_back_to_back_entries_in_one_country_join_into_one_stay() -> None:
    found = police_keys(
        stay("IN", BORN, date(2023, 12, 31)),
        stay("AE", date(2024, 1, 1), date(2024, 3, 31)),
        stay("AE", date(2024, 4, 1), date(2024, 7, 31)),
        stay("IN", date(2024, 8, 1)),
    )
    assert "police:applicant:AE" in found


def test_returning_to_a_country_keeps_one_item_dated_by_the_last_stay() -> None:
    stays = (
        stay("IN", date(2015, 1, 1), date(2019, 12, 31)),
        stay("GB", date(2020, 1, 1), date(2022, 6, 30)),
        stay("IN", date(2022, 7, 1)),
    )
    found = police_countries(stays, BORN, AS_OF)
    assert [(p.country, p.current) for p in found] == [("IN", True), ("GB", False)]
    assert found[0].last_start == date(2022, 7, 1)


def test_moved_back_recently_the_old_country_is_former() -> None:
    # Left Qatar for India two months ago: India is not yet a 6-month stay.
    stays = (
        stay("IN", BORN, date(2019, 12, 31)),
        stay("QA", date(2020, 1, 1), date(2026, 9, 23)),
        stay("IN", date(2026, 9, 24)),
    )
    items = by_key(single(residence_history=stays))
    assert "Issued after September 23, 2026" in items["police:applicant:QA"].validity
    assert "Issued after December 31, 2019" in items["police:applicant:IN"].validity


def test_spouse_not_coming_still_needs_police_certificates() -> None:
    items = by_key(with_spouse(single(), omar(accompanying=False)))
    spouse = items["police:spouse:AE"]
    assert "not coming to Canada" in spouse.reason
    assert "police:spouse:IN" in items
    coming = by_key(with_spouse(single(), omar()))["police:spouse:AE"]
    assert "not coming" not in coming.reason


@pytest.mark.parametrize("who", ["applicant", "spouse"])
def test_missing_residence_history_asks_for_it_once(who: str) -> None:
    profile = with_spouse(single(), omar())
    if who == "applicant":
        profile = replace(profile, applicant=replace(profile.applicant, residence_history=()))
    else:
        profile = replace(profile, spouse=omar(residence_history=()))
    found = keys(profile)
    assert found.count(f"residence_history:{who}") == 1
    assert not [k for k in found if k.startswith(f"police:{who}:")]
    item = by_key(profile)[f"residence_history:{who}"]
    assert item.person == who and "police certificates" in item.reason
