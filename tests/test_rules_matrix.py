"""Every way in that takes rules, over the same matrix of years x rules.

The library functions, the command line and the web API all reach an assembly through
``korelect.results(year, rules=...)``: each election's counts under every election's law
(2024's law on every year's counts included) give the same assembly whichever way is asked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import korelect
from korelect.cli import main
from korelect.errors import AllocationError, TieError
from korelect.record.data import dataset
from korelect.web.app import create_app

YEARS = dataset().years()  # the elections with shipped counts
MODERN = [year for year in YEARS if year >= 1988]
# Every law of 1988-2024 on every election of 1988-2024; every election under its own law,
# under one law of each family of the list tier (none 1948, first-party bounds 1963,
# appointed 1973, first-party fixed share 1981, seat share 1988, vote share 1996, list
# vote 2004, linked 2020 and 2024); every law on one election of each kind (1948's
# uncounted seats, 1973's two-member districts, 1985, 2004).
FAMILIES = (1948, 1963, 1973, 1981, 1988, 1996, 2004, 2020, 2024)
MATRIX = sorted(
    {(year, law) for year in MODERN for law in MODERN}
    | {(year, law) for year in YEARS for law in (year, *FAMILIES)}
    | {(year, law) for year in (1948, 1973, 1985, 2004) for law in YEARS}
)
# The slower paths (simulate, article, web) run on a spread of the matrix: every year under
# 2024's law and its own, and every law on the years 1973, 2004 and 2020.
SPREAD = sorted(
    {(year, 2024) for year in YEARS}
    | {(year, year) for year in YEARS}
    | {(year, law) for year in (1973, 2004, 2020) for law in YEARS}
)


TIE = "the law has no tie rule"
NONE_QUALIFIES = "no qualifying party"


@cache
def expected(year: int, law: int) -> dict[str, int] | str:
    """Seats by party; TIE where the law (1988, 1992) gives no rule for a tie that arises;
    NONE_QUALIFIES where no party meets the law's threshold with votes (1963's "3 district
    seats and 5%" on 2020's ballots, where the parties with list votes won no districts).
    """
    return outcome(lambda: seats(korelect.results(year, rules=korelect.rules_for(law))))


def outcome(compute: Callable[[], dict[str, int]]) -> dict[str, int] | str:
    try:
        return compute()
    except TieError:
        return TIE
    except AllocationError as e:
        if NONE_QUALIFIES not in str(e):
            raise
        return NONE_QUALIFIES


@cache
def largest(year: int) -> str:
    """The largest party that stood (1973/1978's largest group, the appointed bloc, did not)."""
    return next(p.info.name_ko for p in korelect.results(year).parties if p.votes)


def seats(result: korelect.ElectionResult) -> dict[str, int]:
    return {p.info.party_id: p.total_seats for p in result.parties if p.total_seats}


@pytest.mark.parametrize(("year", "law"), MATRIX)
def test_results_takes_rules_as_rules_year_or_text(year: int, law: int) -> None:
    assert outcome(lambda: seats(korelect.results(year, rules=law))) == expected(year, law)
    assert outcome(lambda: seats(korelect.results(str(year), rules=str(law)))) == expected(
        year, law
    )
    if isinstance(expected(year, law), str):
        return
    by_rules = korelect.results(year, rules=korelect.rules_for(law))
    own = korelect.results(year).rules
    assert by_rules.rules.district_seats == own.district_seats
    assert by_rules.rules.district_magnitude == own.district_magnitude
    assert sum(seats(by_rules).values()) == by_rules.rules.total_seats
    # the year's own law is no what-if (1948, 1950: as the counts compute it, seats short)
    own_law = korelect.results(year).rules if law == year else korelect.rules_for(law)
    assert (by_rules.notes == ()) == (by_rules.rules == own_law)
    if by_rules.rules.list_tier.formula == "none":
        assert by_rules.rules.total_seats == own.district_seats
    elif own.list_tier.formula == "none":
        assert by_rules.rules.list_seats == korelect.rules_for(law).list_seats
    else:
        assert by_rules.rules.total_seats == own.total_seats


@pytest.mark.parametrize(("year", "law"), MATRIX)
def test_compare_and_swing_agree_with_results(year: int, law: int) -> None:
    rules = korelect.rules_for(law)
    assert outcome(lambda: seats(korelect.compare(year, rules).other)) == expected(year, law)
    swung = outcome(lambda: dict(korelect.swing(year, {largest(year): 0}, rules=rules).swung.seats))
    if isinstance(swung, dict):
        swung = {k: v for k, v in swung.items() if v}
    assert swung == expected(year, law)


@pytest.mark.parametrize(("year", "law"), SPREAD)
def test_simulate_with_no_noise_gives_the_results(year: int, law: int) -> None:
    if expected(year, law) == TIE:
        pytest.skip("a tie the law gives no rule for: simulate draws it by lot")
    if expected(year, law) == NONE_QUALIFIES:
        with pytest.raises(AllocationError, match=NONE_QUALIFIES):
            korelect.simulate(year, 4, rules=korelect.rules_for(law))
        return
    sim = korelect.simulate(
        year,
        4,
        national_sd=0,
        regional_sd=0,
        district_sd=0,
        list_sd=0,
        rules=korelect.rules_for(law),
    )
    means = {p.info.party_id: p.mean for p in sim.projections() if p.mean}
    assert means == pytest.approx({k: float(v) for k, v in expected(year, law).items()})


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("year", "law"), SPREAD)
def test_cli_results_compare_swing(capsys: pytest.CaptureFixture[str], year: int, law: int) -> None:
    if isinstance(expected(year, law), str):
        assert main(["results", str(year), "--rules", str(law)]) == 2
        err = capsys.readouterr().err
        assert ("tie in list seats" if expected(year, law) == TIE else NONE_QUALIFIES) in err
        assert len(err.strip().splitlines()) == 1
        return
    out = _cli_json(capsys, "results", str(year), "--rules", str(law), "--json")
    assert isinstance(out, dict)
    got = {p["id"]: p["total_seats"] for p in out["parties"] if p["total_seats"]}
    assert got == expected(year, law)
    assert out["notes"] == list(korelect.results(year, rules=law).notes)
    compared = _cli_json(capsys, "compare", str(year), "--rules", str(law), "--json")
    assert isinstance(compared, dict)
    other = {p["id"]: p["total_seats"][1] for p in compared["parties"] if p["total_seats"][1]}
    assert other == expected(year, law)
    swung = _cli_json(
        capsys, "swing", str(year), f"{largest(year)}=+0", "--rules", str(law), "--json"
    )
    assert isinstance(swung, dict)
    assert {p["party"]: p["swung"]["total"] for p in swung["parties"] if p["swung"]["total"]} == (
        expected(year, law)
    )
    assert swung["notes"] == out["notes"]
    sds = ["--national-sd", "0", "--regional-sd", "0", "--district-sd", "0", "--list-sd", "0"]
    simulated = _cli_json(
        capsys, "simulate", str(year), "-n", "3", *sds, "--rules", str(law), "--json"
    )
    assert isinstance(simulated, dict)
    means = {p["party_id"]: p["mean"] for p in simulated["parties"] if p["mean"]}
    assert means == pytest.approx({k: float(v) for k, v in got.items()})
    assert simulated["notes"] == out["notes"]


@pytest.mark.parametrize(("year", "law"), SPREAD)
def test_cli_article_write_and_chart(
    capsys: pytest.CaptureFixture[str], year: int, law: int, tmp_path: Path
) -> None:
    if isinstance(expected(year, law), str):
        pytest.skip("no assembly to write: " + str(expected(year, law)))
    article = tmp_path / "cf.txt"
    assert main(["article", "write", str(year), "--rules", str(law), "-o", str(article)]) == 0
    # the counterfactual an article writes checks clean against the rules it names
    assert main(["article", "check", str(article), "--rules", str(law)]) == 0, (
        capsys.readouterr().out
    )
    svg = tmp_path / "h.svg"
    assert main(["chart", "hemicycle", str(year), "--rules", str(law), "-o", str(svg)]) == 0
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    capsys.readouterr()


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize(("year", "law"), SPREAD)
def test_web_whatif_under_other_rules(client: TestClient, year: int, law: int) -> None:
    response = client.get(f"/api/elections/{year}/whatif", params={"rules": str(law)})
    if isinstance(expected(year, law), str):
        assert response.status_code == 400
        return
    assert response.status_code == 200, response.text
    data = response.json()
    parties = data["parties"] if "parties" in data else data["result"]["parties"]
    got = {p["id"]: p["total_seats"] for p in parties if p["total_seats"]}
    assert got == expected(year, law)


@pytest.mark.parametrize(("year", "law"), [(y, 2024) for y in YEARS])
def test_web_simulate_under_other_rules(client: TestClient, year: int, law: int) -> None:
    zero = {f"{k}_sd": 0 for k in ("national", "regional", "district", "list")}
    response = client.get(
        f"/api/elections/{year}/simulate", params={"rules": str(law), "n": 3, **zero}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    means = {p["party_id"]: p["mean"] for p in data["parties"] if p["mean"]}
    assert means == pytest.approx({k: float(v) for k, v in expected(year, law).items()})
