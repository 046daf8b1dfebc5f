"""The settlement-funds ledger: format, the position on a date against the family's
requirement, every problem named, and the ledger replacing the single figure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ee_desktop.cli import main
from ee_desktop.funds import funds_report
from ee_desktop.profile import decode, dumps
from ee_desktop.profile.funds import Account, Balance, Funds, Rate
from ee_desktop.profile.funds_in_use import available_funds
from ee_desktop.profile.problems import ProfileError
from ee_desktop.rules import evaluate

DAY = date(2026, 6, 15)


def couple(example_data: dict[str, Any]) -> dict[str, Any]:
    """The example family of three (needs $23,360) with three accounts in two currencies."""
    data = json.loads(json.dumps(example_data))
    data["settlement_funds_cad"] = 1  # ignored: the ledger replaces it
    data["funds"] = {
        "accounts": [
            {
                "institution": "HDFC Bank",
                "currency": "INR",
                "owner": "applicant",
                "opened_on": "2019-05-01",
                "balances": [
                    {"on": "2025-12-01", "amount": 500000},
                    {"on": "2026-05-20", "amount": 900000},
                ],
                "deposits": [{"on": "2026-05-20", "amount": 400000, "source": None}],
            },
            {
                "institution": "SBI",
                "currency": "INR",
                "owner": "spouse",
                "balances": [{"on": "2025-10-01", "amount": 300000}],
            },
            {
                "institution": "RBC",
                "currency": "CAD",
                "owner": "joint",
                "opened_on": "2026-03-01",
                "balances": [{"on": "2026-03-01", "amount": 2000}],
                "deposits": [{"on": "2026-03-01", "amount": 2000, "source": "salary"}],
            },
        ],
        "rates": [
            {"currency": "INR", "cad": 0.016, "on": "2025-09-01"},
            {"currency": "INR", "cad": 0.0165, "on": "2026-06-01"},
        ],
    }
    return data


def test_a_couple_sees_its_six_month_position_and_every_problem(
    example_data: dict[str, Any],
) -> None:
    profile = decode(couple(example_data), today=DAY)
    found = funds_report(evaluate(profile, DAY))
    assert found.ledger and found.required_cad == 23_360 and found.family_size == 3
    # Today: (900,000 + 300,000) INR at 0.0165, plus $2,000.
    assert found.available_cad == pytest.approx(1_200_000 * 0.0165 + 2000)
    assert found.shortfall_cad == pytest.approx(23_360 - found.available_cad)
    # The 183 days to June 15 start on 2025-12-15: HDFC 500,000 until May 20, then 900,000;
    # SBI 300,000; RBC from March 1; the rate 0.016 until June 1, then 0.0165.
    funds = profile.funds
    assert funds is not None
    expected = sum(funds.total_on(date.fromordinal(DAY.toordinal() - n)) for n in range(183)) / 183
    assert found.six_month_average_cad == pytest.approx(expected, abs=0.01)
    fields = {p.field for p in found.problems}
    assert "funds.accounts[0].deposits[0].source" in fields  # 400,000 INR, no source
    assert "funds.accounts[2].opened_on" in fields  # opened in March
    assert "funds.accounts[0].deposits[0].source" in fields
    assert all("funds.accounts[1]" not in f for f in fields)  # SBI: a balance before Dec.
    below = [p for p in found.problems if p.message.startswith("On ")]
    assert len(below) == 6  # every month end is below $23,360
    assert [on for on, _t in found.months][-1] == DAY and len(found.months) == 6


def test_a_currency_without_a_rate_and_an_account_with_no_history_are_named(
    example_data: dict[str, Any],
) -> None:
    data = couple(example_data)
    data["funds"]["rates"] = []
    data["funds"]["accounts"][1]["balances"] = [{"on": "2026-06-01", "amount": 300000}]
    found = funds_report(evaluate(decode(data, today=DAY), DAY))
    messages = {p.field: p.message for p in found.problems}
    assert "no exchange rate for INR" in messages["funds.accounts[0].currency"]
    assert "no balance recorded on or before" in messages["funds.accounts[1].balances"]
    assert found.available_cad == 2000  # the INR accounts count 0 without a rate


def test_the_ledger_replaces_the_single_figure_in_every_computation(
    example_data: dict[str, Any],
) -> None:
    data = couple(example_data)
    profile = decode(data, today=DAY)
    assert available_funds(profile, DAY) == pytest.approx(1_200_000 * 0.0165 + 2000)
    evaluation = evaluate(profile, DAY)
    assert evaluation.available_funds == available_funds(profile, DAY)
    assert not evaluation.fsw.eligible
    assert any("settlement funds" in r for r in evaluation.fsw.reasons)
    # More money in the ledger: FSW opens.
    data["funds"]["accounts"][2]["balances"].append({"on": "2026-06-10", "amount": 9000})
    richer = evaluate(decode(data, today=DAY), DAY)
    assert richer.fsw.eligible
    # Without the section the single figure is used, as before.
    del data["funds"]
    data["settlement_funds_cad"] = 30000
    assert evaluate(decode(data, today=DAY), DAY).available_funds == 30000


def test_the_section_round_trips_and_bad_values_are_named(example_data: dict[str, Any]) -> None:
    profile = decode(couple(example_data), today=DAY)
    again = decode(json.loads(dumps(profile)), today=DAY)
    assert again == profile
    assert "funds" not in json.loads(dumps(decode(example_data, today=DAY)))
    data = couple(example_data)
    data["funds"]["accounts"][0]["currency"] = "RUPEES"
    data["funds"]["accounts"][0]["owner"] = "cousin"
    data["funds"]["accounts"][0]["balances"][0]["on"] = "2019-01-01"  # before opened_on
    data["funds"]["rates"][0]["cad"] = -1
    with pytest.raises(ProfileError) as raised:
        decode(data, today=DAY)
    paths = {p.path for p in raised.value.problems}
    assert paths == {
        "funds.accounts[0].currency",
        "funds.accounts[0].owner",
        "funds.accounts[0].balances[0].on",
        "funds.rates[0].cad",
    }


def test_balances_and_rates_follow_the_latest_record_before_the_day() -> None:
    account = Account("Bank", "EUR", "joint", None, (Balance(date(2026, 1, 10), 100.0),))
    funds = Funds(
        (account,), (Rate("EUR", 1.5, date(2026, 1, 1)), Rate("EUR", 2.0, date(2026, 2, 1)))
    )
    assert funds.total_on(date(2026, 1, 9)) == 0
    assert funds.total_on(date(2026, 1, 10)) == 150
    assert funds.total_on(date(2026, 2, 1)) == 200
    assert funds.average(date(2026, 1, 11), days=4) == pytest.approx(75)  # 0, 0, 150, 150


def test_the_funds_command_text_and_json(
    tmp_path: Path, example_data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "couple.json"
    path.write_text(json.dumps(couple(example_data)), encoding="utf-8")
    assert main(["funds", str(path), "--as-of", DAY.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"required_cad", "available_cad", "six_month_average_cad", "shortfall_cad"} <= set(data)
    assert data["required_cad"] == 23360 and data["shortfall_cad"] > 0
    assert all(set(p) == {"field", "message"} for p in data["problems"])
    assert main(["funds", str(path), "--as-of", DAY.isoformat()]) == 0
    text = capsys.readouterr().out
    assert "Required for a family of 3: $23,360" in text and "Problems:" in text
    assert "Average over the last six months:" in text


def test_the_ledger_is_kept_encrypted_and_survives_a_restart(
    data_dir: Path, example_data: dict[str, Any]
) -> None:
    from ee_desktop.store import open_store
    from tests.conftest import FixedPassphrases

    profile = decode(couple(example_data), today=DAY)
    store = open_store(data_dir, FixedPassphrases())
    store.save(profile)
    store.close()
    again = open_store(data_dir, FixedPassphrases())
    loaded = again.load()
    again.close()
    assert loaded is not None and loaded.funds == profile.funds
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"HDFC" not in content and b"RBC" not in content, path


def test_the_strategy_asks_to_add_the_shortfall_to_the_accounts(
    example_data: dict[str, Any],
) -> None:
    from ee_desktop.strategy import builtin_rounds, full_plan
    from ee_desktop.strategy.eligibility import FUNDS_MOVE

    data = couple(example_data)
    # NCLC 7 in French too, as in the strategy's own example: FSW opens with the funds.
    data["applicant"]["language_tests"].append(
        {
            "test": "tef_canada",
            "taken_on": "2026-03-14",
            "registration_number": "TEF1",
            "listening": 440,
            "reading": 470,
            "writing": 430,
            "speaking": 460,
        }
    )
    profile = decode(data, today=DAY)
    short = funds_report(evaluate(profile, DAY)).shortfall_cad
    found = full_plan(profile, DAY, list(builtin_rounds()))
    first = found.items[0]
    assert first.ids == (FUNDS_MOVE,)
    move = first.moves[0]
    assert move.title == f"Add ${round(short):,} to your accounts"
    assert "last six months" in move.explanation
