"""The same votes under two systems: korelect compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import korelect
from korelect.cli import main


def test_2020_under_the_2016_parallel_rules() -> None:
    c = korelect.compare(2020, korelect.rules_for(2016))
    assert c.row("Future Korea Party").total_seats == (19, 18)
    assert c.row("Platform Party").total_seats == (17, 18)
    assert sum(r.total_seats[1] for r in c.rows) == 300
    # nothing to adapt, but the rules are named as applied to 2020
    assert c.notes == (
        "These are the rules of the 2016 election, applied to the 2020 votes as they are.",
    )
    assert c.other.rules.name == "20th National Assembly election (2016), applied to 2020"


def test_2004_under_2024_rules_is_applied_to_2004() -> None:
    c = korelect.compare(2004, korelect.rules_for(2024))
    assert c.notes  # 254 districts in the rules, 243 in 2004
    assert sum(r.total_seats[1] for r in c.rows) == 299
    assert c.row("Democratic Labor Party").total_seats[1] > 10  # compensation favours the DLP
    law, other = c.indices
    assert other.gallagher is not None
    assert law.gallagher is not None
    assert other.gallagher < law.gallagher


def test_same_rules_change_nothing() -> None:
    c = korelect.compare(1996, korelect.rules_for(1996))
    assert all(r.change == 0 for r in c.rows)


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "2020", "--rules", "2016"]) == 0
    out = capsys.readouterr().out
    assert "Total (other)" in out
    assert "Gallagher" in out
    toml = Path(__file__).parents[1] / "examples/2016-dhondt.toml"
    assert main(["compare", "2016", "--rules", str(toml), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    justice = next(p for p in data["parties"] if p["name"] == "Justice Party")
    assert justice["list_seats"] == [4, 3]
    assert main(["compare", "1999", "--rules", "2016"]) == 2
