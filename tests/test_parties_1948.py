"""The party registry for the elections of 1948–1985, checked against both sources.

Every party name in ``../shared/data`` for these twelve elections must resolve through
``parties().lookup(name, year)`` to a party that ran that year:

- polis-korea (``polis-korea/data/results/{N}-general-{YEAR}.json``): the ``party`` of every
  district candidate and, 1963–1985, of every party in the ``nation`` race (the national tier,
  and the appointed 유신정우회 of 1973 and 1978); it tags some names with a year
  (``민주당(1955)``, also for the 민주당 of 1963 and 1967);
- nec-history (``assembly-counting_vote-{N}.0.json``): every ``party_name_kr``.

The tests that read the sources skip when ``../shared`` is not beside the checkout; the
others check the rows of these years on their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from korelect.errors import UnknownNameError
from korelect.record.parties import ELECTION_YEARS, parties

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
POLIS = SHARED / "polis-korea" / "data" / "results"
NEC = SHARED / "nec-history"

#: The elections before 1988, with the number of the Assembly each elected.
EARLY = (1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985)
ASSEMBLY = {year: number for number, year in enumerate(EARLY, start=1)}

needs_shared = pytest.mark.skipif(
    not (POLIS.is_dir() and NEC.is_dir()),
    reason="../shared/data (polis-korea, nec-history) is not beside the checkout",
)


def _polis_file(year: int) -> Path:
    (path,) = POLIS.glob(f"*-general-{year}.json")
    return path


def _walk(node: Any) -> Iterator[str]:
    """Every ``party_name_kr`` in a nec-history file, wherever it sits."""
    if isinstance(node, dict):
        if "party_name_kr" in node:
            yield node["party_name_kr"]
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@cache
def polis_names(year: int) -> frozenset[str]:
    """Party names of district candidates and of the nation race (1963–1985)."""
    races = json.loads(_polis_file(year).read_text(encoding="utf-8"))["races"]
    return frozenset(
        c["party"] for r in races if r["scope"] in {"district", "nation"} for c in r["candidates"]
    )


@cache
def nec_names(year: int) -> frozenset[str]:
    path = NEC / f"assembly-counting_vote-{ASSEMBLY[year]}.0.json"
    return frozenset(_walk(json.loads(path.read_text(encoding="utf-8"))))


@cache
def seat_winners(year: int) -> frozenset[str]:
    """Names of the parties polis-korea credits with a district or a national seat."""
    races = json.loads(_polis_file(year).read_text(encoding="utf-8"))["races"]
    return frozenset(
        c["party"]
        for r in races
        for c in r["candidates"]
        if c.get("won") or (c.get("proportional_seats") or 0) > 0
    )


# ------------------------------------------------------------------ the sources


def test_the_registry_covers_every_election_since_1948() -> None:
    assert ELECTION_YEARS[: len(EARLY)] == EARLY
    assert ELECTION_YEARS[len(EARLY)] == 1988
    for year in EARLY:
        assert parties().in_year(year), year


@needs_shared
@pytest.mark.parametrize("year", EARLY)
@pytest.mark.parametrize("source", ["polis-korea", "nec-history"])
def test_every_name_in_the_sources_resolves_to_a_party_of_that_year(source: str, year: int) -> None:
    names = polis_names(year) if source == "polis-korea" else nec_names(year)
    assert names, (source, year)
    unresolved = []
    for name in sorted(names):
        party = parties().find(name, year)
        if party is None or not party.contested(year):
            unresolved.append(name)
    assert unresolved == [], (source, year)


@needs_shared
@pytest.mark.parametrize("year", EARLY)
def test_the_two_sources_spell_one_party_alike(year: int) -> None:
    """A name only one source uses belongs to a party that the other source names too
    (the year tag ``민주당(1955)``), or to a party only one source has."""
    registry = parties()
    polis = {registry.lookup(n, year).id for n in polis_names(year)}
    nec = {registry.lookup(n, year).id for n in nec_names(year)}
    only = (polis ^ nec) - {"yujeonghoe"}  # appointed, so in no district race
    # the few organisations that one crawl lists and the other does not
    assert only <= {"veterans-1960", "patriotic-organisations-1950"}, (year, sorted(only))


@needs_shared
@pytest.mark.parametrize("year", EARLY)
def test_years_are_exactly_the_elections_the_sources_name_a_party_in(year: int) -> None:
    registry = parties()
    named = {registry.lookup(n, year).id for n in polis_names(year) | nec_names(year)}
    assert {p.id for p in registry.in_year(year)} == named


@needs_shared
@pytest.mark.parametrize("year", EARLY)
def test_seat_winners_have_colours_of_their_own(year: int) -> None:
    registry = parties()
    winners = sorted({registry.lookup(n, year).id for n in seat_winners(year)})
    colours = [registry.get(pid).colour for pid in winners]
    assert len(set(colours)) == len(colours), (year, winners)


# ------------------------------------------------------------ names and tags


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        # polis-korea's year tag names the 1955 DP, and the later DPs too
        ("민주당(1955)", 1958, "dp-1955"),
        ("민주당", 1958, "dp-1955"),
        ("민주당(1955)", 1960, "dp-1955"),
        ("민주당(1955)", 1963, "dp-1963"),
        ("민주당", 1963, "dp-1963"),
        ("민주당(1955)", 1967, "dp-1967"),
        ("민주당", 1992, "dp-1991"),
        # names reused by other parties
        ("신민당", 1967, "ndp-1967"),
        ("신민당", 1978, "ndp-1967"),
        ("신민당", 1985, "nkdp"),
        ("신민당", 1988, "nkdp"),
        ("민정당", 1963, "crp-1963"),
        ("민정당", 1985, "djp"),
        ("자유당", 1958, "lp-1951"),
        ("자유당", 1963, "lp-1963"),
        ("한국독립당", 1950, "kip-1940"),
        ("한국독립당", 1967, "kip-1963"),
        ("민주국민당", 1950, "dnp-1949"),
        ("민주국민당", 2000, "dpp-2000"),
        ("국민당", 1958, "np-1958"),
        ("국민당", 1971, "np-1971"),
        ("통일당", 1960, "unification-1958"),
        ("통일당", 1973, "dup-1973"),
        ("통일당", 2008, "unification-2008"),
        ("사회당", 1950, "socialist-1948"),
        ("사회당", 1981, "socialist-1981"),
        ("사회당", 2004, "socialist-2004"),
        ("민중당", 1948, "minjung-1948"),
        ("민중당", 1971, "minjung-1967"),
        ("민중당", 1992, "minjung-1990"),
        ("한국국민당", 1981, "knp-1981"),
        ("한국국민당", 2016, "knp-2016"),
        # one organisation under the names of its time
        ("대한독립촉성국민회", 1948, "narrki"),
        ("국민회", 1950, "narrki"),
        ("독로당", 1950, "ilfp-1946"),
        ("독립노동당", 1954, "ilfp-1946"),
        ("독립노농당", 1958, "ilfp-1946"),
        ("조선여자국민당", 1948, "womens-national-1945"),
        ("여자국민당", 1954, "womens-national-1945"),
        # English names and abbreviations
        ("Liberal Party", 1954, "lp-1951"),
        ("Democratic Republican Party", 1971, "drp"),
        ("DRP", 1963, "drp"),
        ("NDP", 1973, "ndp-1967"),
        ("Civil Rule Party", 1963, "crp-1963"),
        ("DJP", 1981, "djp"),
        ("DKP", 1985, "dkp"),
        ("NKDP", 1985, "nkdp"),
        ("Korean National Party", 1981, "knp-1981"),
        ("Democratic Nationalist Party", 1954, "dnp-1949"),
        ("KDP", 1948, "kdp-1945"),
        ("NARRKI", 1948, "narrki"),
        ("Independent", 1973, "independent"),
    ],
)
def test_names_resolve_by_year(name: str, year: int, expected: str) -> None:
    party = parties().lookup(name, year)
    assert party.id == expected
    assert party.contested(year)


def test_independents_ran_in_every_election_but_1963_1971() -> None:
    """From 1963 to 1971 a candidate had to be nominated by a party."""
    years = parties().get("independent").years
    assert [y for y in ELECTION_YEARS if y not in years] == [1963, 1967, 1971]


def test_the_appointed_bloc_is_marked_as_no_party() -> None:
    bloc = parties().lookup("유신정우회", 1973)
    assert bloc.id == "yujeonghoe"
    assert bloc.years == (1973, 1978)
    assert bloc.note is not None
    assert "appointed" in bloc.note
    assert "not a party" in bloc.note
    assert not bloc.is_satellite


def test_parties_that_ran_before_and_after_1988_keep_one_row() -> None:
    registry = parties()
    assert registry.get("djp").years == (1981, 1985, 1988)
    assert registry.get("dkp").years == (1981, 1985, 1988)
    assert registry.get("knp-1981").years == (1981, 1985, 1988)
    assert registry.get("nkdp").years == (1985, 1988)


def test_a_year_tag_belongs_to_its_years_only() -> None:
    with pytest.raises(UnknownNameError, match="in 1992: the name belongs to"):
        parties().lookup("민주당(1955)", 1992)
    with pytest.raises(UnknownNameError, match="ambiguous"):
        parties().lookup("민주당(1955)")


# ------------------------------------------------------------------- lineage


def test_ids_are_unique() -> None:
    ids = [p.id for p in parties()]
    assert len(ids) == len(set(ids))


def test_links_of_the_early_parties_point_at_existing_ids_both_ways() -> None:
    registry = parties()
    early = [p for p in registry if p.years[0] < 1988]
    assert len(early) >= 130
    for party in early:
        for pid in party.predecessors:
            assert pid in registry, (party.id, pid)
            assert party.id in registry.get(pid).successors, (party.id, pid)
        for pid in party.successors:
            assert pid in registry, (party.id, pid)
            assert party.id in registry.get(pid).predecessors, (party.id, pid)
            assert registry.get(pid).years[-1] >= party.years[0], (party.id, pid)


@pytest.mark.parametrize(
    ("start", "chain"),
    [
        ("dup-1973", ["dup-1973", "ndp-1967", "dp-1963", "dp-1955", "dnp-1949", "kdp-1945"]),
        ("nsp-1982", ["nsp-1982", "new-politics-1981"]),
        ("drp", ["drp"]),
        ("djp", ["djp"]),
    ],
)
def test_lineage_of_the_early_parties(start: str, chain: list[str]) -> None:
    assert [p.id for p in parties().lineage(start)] == chain


def test_the_ndp_came_from_both_parties_of_the_1965_merger() -> None:
    ancestors = {p.id for p in parties().ancestors("ndp-1967")}
    assert ancestors == {"crp-1963", "dp-1963", "dp-1955", "dnp-1949", "kdp-1945"}
