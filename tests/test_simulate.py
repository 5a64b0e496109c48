"""Monte Carlo seat projection: reproducibility, zero noise, invariants, input checks."""

from __future__ import annotations

import json

import numpy as np
import pytest

import korelect
from counts_cases import declared_only
from korelect import rules_for
from korelect.analysis.simulate import simulate
from korelect.errors import InputError
from korelect.record.election import adapt_rules, results

ZERO = {"national_sd": 0.0, "regional_sd": 0.0, "district_sd": 0.0, "list_sd": 0.0}


def test_same_seed_same_output() -> None:
    a = simulate(2016, 300, seed=7)
    b = simulate(2016, 300, seed=7)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    assert a.table() == b.table()
    assert np.array_equal(a.seats, b.seats)


def test_different_seeds_differ() -> None:
    a = simulate(2016, 300, seed=1)
    b = simulate(2016, 300, seed=2)
    assert not np.array_equal(a.seats, b.seats)


@pytest.mark.parametrize("year", [1988, 1996, 2004, 2016, 2020])
def test_zero_noise_reproduces_results(year: int) -> None:
    sim = simulate(year, 3, **ZERO)
    want = {p.info.party_id: p.total_seats for p in results(year).parties if p.total_seats}
    for row in sim.seats:
        got = {p.party_id: int(v) for p, v in zip(sim.parties, row, strict=True) if v}
        assert got == want


@pytest.mark.parametrize("year", [1992, 2004, 2020])
def test_invariants(year: int) -> None:
    sim = simulate(year, 120, seed=3)
    assert (sim.seats.sum(axis=1) == sim.total_seats).all()
    assert sim.seats.shape == (120, len(sim.parties))
    for p in sim.projections():
        for prob in (p.p_majority, p.p_largest, p.p_200, p.p_100):
            assert 0.0 <= prob <= 1.0
        # The mean can leave the 5-95% interval of a skewed count (2020: a party on 6 seats in
        # over 95% of runs and 7 in a few has mean 6.03 and interval 6-6), so test it against
        # the range of the runs; the median always lies inside the interval.
        j = sim.parties.index(p.info)
        assert sim.seats[:, j].min() <= p.mean <= sim.seats[:, j].max()
        assert p.low <= p.median <= p.high
    assert max(p.p_largest for p in sim.projections()) > 0


def test_vectorised_list_tier_matches_exact_path() -> None:
    """2004-2016 runs through the batch path; the exact allocate gives the same seats."""
    sim = simulate(2012, 40, seed=5)
    assert sim.exact_runs == 0
    exact = simulate(2012, 40, seed=5, exact=True)
    assert exact.exact_runs == 40
    assert np.array_equal(sim.seats, exact.seats)
    # Shares rounded to 30 decimals pass int64: those runs go the exact way, with the same seats.
    rounded = simulate(2012, 40, seed=5, rules=rules_for(2012, share_decimals=30))
    assert rounded.exact_runs == 40
    assert np.array_equal(sim.seats, rounded.seats)


@pytest.mark.parametrize(
    ("year", "law"),
    [
        *[(y, y) for y in (1988, 1992, 1996, 2000, 2008, 2020)],
        *[(2020, 2024), (2016, 2024), (2004, 1988), (1996, 2016)],
    ],
)
def test_batch_path_matches_exact_path(year: int, law: int) -> None:
    """Every list tier runs through a vectorised formula; the exact allocate agrees.

    With ``ties="list-order"`` both paths settle a tie the same way (the lower
    column), so every run must match, tied runs included.
    """
    rules = adapt_rules(year, rules_for(law).replace(ties="list-order"))[0]
    fast = simulate(year, 60, seed=5, rules=rules)
    slow = simulate(year, 60, seed=5, rules=rules, exact=True)
    assert fast.exact_runs == 0
    assert slow.exact_runs == 60
    assert np.array_equal(fast.seats, slow.seats)


def test_linked_ties_are_settled_by_lot() -> None:
    """2020's satellites often tie on adjusted seats; the lot gives each side some runs."""
    sim = simulate(2020, 1000, seed=2)
    assert sim.exact_runs == 0
    assert (sim.seats.sum(axis=1) == 300).all()
    zero = simulate(2020, 2, national_sd=0, regional_sd=0, district_sd=0, list_sd=0)
    assert zero.exact_runs == 0


def test_chunks_are_independent() -> None:
    """Run i's seats do not depend on n: chunks have their own seeds and whole draws."""
    short = simulate(2016, 300, seed=9)
    long = simulate(2016, 700, seed=9)
    assert np.array_equal(long.seats[:300], short.seats)


def test_progress_callback() -> None:
    calls: list[tuple[int, int]] = []
    simulate(2004, 600, progress=lambda done, n: calls.append((done, n)))
    assert calls[-1] == (600, 600)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_to_dict_is_json() -> None:
    d = simulate(2008, 50).to_dict()
    assert d["n"] == 50
    assert d["total_seats"] == 299
    json.dumps(d)


@pytest.mark.parametrize(
    ("year", "kwargs"),
    [
        (declared_only(2024), {}),
        (1999, {}),
        (2016, {"n": 0}),
        (2016, {"n": 1.5}),
        (2016, {"national_sd": -0.1}),
        (2016, {"district_sd": float("nan")}),
        (2016, {"regional_sd": "big"}),
        (2016, {"seed": -1}),
        (2016, {"n": 10**12}),
        (2016, {"n": 1_000_001}),
        (2016, {"national_sd": 1e308}),
        (2016, {"list_sd": 5.01}),
    ],
)
def test_bad_input(year: int, kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        simulate(year, **kwargs)  # type: ignore[arg-type]


def test_bounds_are_said_before_anything_is_drawn(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    assert main(["simulate", "2016", "-n", str(10**12)]) == 2
    assert capsys.readouterr().err == (
        "korelect: error: 'n' must be an integer from 1 to 1,000,000 (got 1000000000000)\n"
    )
    assert main(["chart", "histogram", "2016", "-n", str(10**9), "-o", "x.svg"]) == 2
    assert "from 1 to 1,000,000" in capsys.readouterr().err
    huge = korelect.rules_for(2016).replace(total_seats=10**12, district_seats=253)
    with pytest.raises(InputError, match="at most 100,000 seats"):
        simulate(1958, 3, rules=huge)  # no national tier in 1958: the list seats are added
    # the largest noise allowed still gives whole seats in every run
    sim = simulate(2016, 20, national_sd=5, regional_sd=5, district_sd=5, list_sd=5)
    assert (sim.seats.sum(axis=1) == 300).all()
    assert (sim.seats >= 0).all()


def test_cli_simulate_is_reproducible(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    assert main(["simulate", "2004", "-n", "200", "--seed", "5"]) == 0
    first = capsys.readouterr().out
    assert main(["simulate", "2004", "-n", "200", "--seed", "5"]) == 0
    assert capsys.readouterr().out == first
    assert "majority" in first
    assert main(["simulate", "2016", "-n", "50", "--json"]) == 0
    assert '"n": 50' in capsys.readouterr().out


def test_other_rules_are_named(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    assert main(["simulate", "2020", "-n", "30", "--rules", "2024"]) == 0
    out = capsys.readouterr().out
    assert "rules: 22nd National Assembly election (2024), applied to 2020" in out
    assert simulate(2020, 5).to_dict()["rules"] == ""
    assert main(["simulate", "2024", "-n", "10"]) == 0  # 2024 simulates on its own counts
    assert "rules:" not in capsys.readouterr().out
