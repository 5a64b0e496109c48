"""Golden tests: the official national results and the seed articles, reproduced from the votes.

Inputs are data files, not literals: ``tests/golden/YEAR.csv`` (built from
``../shared/data`` by ``scripts/build_golden.py``), ``tests/golden/expected.csv``
(the official seats) and ``tests/golden/seeds.csv`` (the numbers printed in
the three seed articles, ``../shared/seeds``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import pytest

import korelect

GOLDEN = Path(__file__).parent / "golden"


def _by_year(filename: str) -> dict[int, list[dict[str, str]]]:
    rows: dict[int, list[dict[str, str]]] = defaultdict(list)
    with (GOLDEN / filename).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[int(row["year"])].append(row)
    return dict(rows)


EXPECTED = _by_year("expected.csv")


def test_every_official_table_is_tested() -> None:
    assert sorted(EXPECTED) == [1988, 1992, 1996, 2000, 2004, 2016, 2020, 2024]


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_official_result_reproduced(year: int) -> None:
    entries = korelect.read_entries_csv(GOLDEN / f"{year}.csv")
    result = korelect.allocate(entries, korelect.rules_for(year))
    got = {p.name: (p.district_seats, p.list_seats, p.total_seats) for p in result.parties}
    for row in EXPECTED[year]:
        want = (int(row["district_seats"]), int(row["list_seats"]), int(row["total_seats"]))
        assert got[row["party"]] == want, row["party"]
    assert result.total_seats == korelect.rules_for(year).total_seats
    assert not result.ties


SEEDS = _by_year("seeds.csv")


@pytest.mark.parametrize("year", sorted(SEEDS))
def test_seed_article_reproduced(year: int) -> None:
    rows = SEEDS[year]
    entries = [
        korelect.Entry(r["party"], Fraction(r["votes"]), int(r["district_seats"]), r["kind"])
        for r in rows
    ]
    result = korelect.allocate(entries, year)
    for r in rows:
        if r["kind"] == "other":
            continue
        party = result.party(r["party"])
        assert (party.list_seats, party.total_seats) == (
            int(r["list_seats"]),
            int(r["total_seats"]),
        ), r["party"]


def test_1996_seed_votes_give_the_law_not_the_seats() -> None:
    """By district seats the 1996 list would be 23/13/8/2; the law used votes: 18/13/9/6."""
    rows = [r for r in SEEDS[1996] if r["kind"] == "party"]
    by_seats = korelect.apportion({r["party"]: int(r["district_seats"]) for r in rows}, 46)
    assert list(by_seats.seats.values()) == [23, 13, 8, 2]


def test_1992_by_votes_would_differ() -> None:
    """By votes the 1992 list would be 28/21/13; the law used district seats: 33/22/7."""
    rows = [r for r in SEEDS[1992] if r["party"] in ("DLP", "DP", "UNP")]
    by_votes = korelect.apportion({r["party"]: int(r["votes"]) for r in rows}, 62)
    assert list(by_votes.seats.values()) == [28, 21, 13]


def test_1988_remainder_by_votes_would_differ() -> None:
    """LAW.md: allocating 1988's remaining 37 seats by votes would give 12/15/10, not 16/13/8."""
    entries = korelect.read_entries_csv(GOLDEN / "1988.csv")
    votes = {e.name: e.votes for e in entries[1:4]}
    assert list(korelect.apportion(votes, 37).seats.values()) == [12, 15, 10]


def test_2004_closest_call_remainders() -> None:
    """Uri (.76) and DLP (.75) took the last two 2004 seats (LAW.md)."""
    entries = korelect.read_entries_csv(GOLDEN / "2004.csv")
    result = korelect.allocate(entries, 2004)
    rows = {r.name: r for r in result.apportionments[0].rows}
    assert rows["Uri Party"].remainder_seat
    assert rows["Democratic Labor Party"].remainder_seat
    assert round(float(rows["Uri Party"].remainder), 2) == 0.76
    assert round(float(rows["Democratic Labor Party"].remainder), 2) == 0.75


def test_2016_remainders() -> None:
    """Saenuri .92, Minjoo .91 and Justice .66 took the last three 2016 seats (LAW.md)."""
    entries = korelect.read_entries_csv(GOLDEN / "2016.csv")
    app = korelect.allocate(entries, 2016).apportionments[0]
    winners = {r.name: round(float(r.remainder or 0), 2) for r in app.rows if r.remainder_seat}
    assert winners == {"Saenuri Party": 0.92, "Minjoo Party of Korea": 0.91, "Justice Party": 0.66}


def test_2024_linked_values() -> None:
    """LAW.md's 2024 recompute: 60/44/40/5, sum 149, adjusted 18.52/13.58/12.35/1.54."""
    entries = korelect.read_entries_csv(GOLDEN / "2024.csv")
    linked = korelect.allocate(entries, 2024).linked
    assert linked is not None
    assert (linked.house, linked.outside, linked.base) == (300, 2, 298)
    rounded = {r.name.split(" (")[0]: r.seats for r in linked.rows if r.seats}
    assert rounded == {
        "Democratic Alliance of Korea": 44,
        "People Future Party": 60,
        "Rebuilding Korea Party": 40,
        "New Reform Party": 5,
    }
    assert linked.total == 149
    assert linked.mode == "adjusted"
    assert linked.parallel is None
    second = linked.second_step
    assert second is not None
    quotients = [round(float(r.quotient or 0), 2) for r in second.rows if r.weight]
    assert quotients == [13.58, 18.52, 12.35, 1.54]


def test_2020_linked_and_parallel() -> None:
    """2020: N - R = 295; linked 11/12/3/2/2 after adjustment to 30; parallel 6/7/2/1/1."""
    entries = korelect.read_entries_csv(GOLDEN / "2020.csv")
    linked = korelect.allocate(entries, 2020).linked
    assert linked is not None
    assert linked.base == 295
    assert linked.cap == 30
    assert linked.parallel_seats == 17
    short = {k.split(" (")[0]: v for k, v in linked.linked_seats.items() if v}
    assert short == {
        "Platform Party": 11,
        "Future Korea Party": 12,
        "Justice Party": 3,
        "People Party": 2,
        "Open Democratic Party": 2,
    }
    assert linked.parallel is not None
    assert [v for v in linked.parallel.seats.values() if v] == [6, 7, 2, 1, 1]


def test_2020_other_reading_of_r_does_not_reproduce() -> None:
    """LAW.md: counting the DP's and UFP's seats in R gives N - R = 48 and a linked sum of 23."""
    entries = korelect.read_entries_csv(GOLDEN / "2020.csv")
    rules = korelect.rules_for(2020, parties_without_list_in_r=True)
    result = korelect.allocate(entries, rules)
    assert result.linked is not None
    assert result.linked.base == 48
    assert result.linked.total == 23
    official = {r["party"]: int(r["list_seats"]) for r in EXPECTED[2020]}
    assert result.list_seats != {k: official.get(k, 0) for k in result.list_seats}
