"""The shipped tables of 1948–1985 (polis-korea): rows per year, members, winners, national seats.

The figures of the law are those of ``../shared/docs/LAW-1948-1985.md``; where the data fall
short of them (1948, 1950), the missing districts are named here and in docs/DATA.md.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

import korelect
from korelect.record.data import Dataset, NationalSeats, dataset
from korelect.record.db import connect

ROOT = Path(__file__).parents[1]

#: year: (districts, members elected in them, national or appointed tier) in the law's table.
LAW = {
    1948: (200, 200, 0),
    1950: (210, 210, 0),
    1954: (203, 203, 0),
    1958: (233, 233, 0),
    1960: (233, 233, 0),
    1963: (131, 131, 44),
    1967: (131, 131, 44),
    1971: (153, 153, 51),
    1973: (73, 146, 73),
    1978: (77, 154, 77),
    1981: (92, 184, 92),
    1985: (92, 184, 92),
}
HISTORIC = tuple(LAW)
TWO_MEMBER = (1973, 1978, 1981, 1985)

#: The districts of the law that polis-korea does not have (docs/DATA.md, Known quirks).
MISSING = {
    1948: ("jeju 북제주군 갑", "jeju 북제주군 을", "jeju 남제주군"),
    1950: ("jeju 북제주군 갑", "jeju 북제주군 을", "jeju 남제주군", "gyeonggi 옹진군 을구"),
}

#: year: (districts, candidates, winners, uncontested districts) as shipped.
ROWS = {
    1948: (197, 927, 197, 12),
    1950: (206, 2178, 206, 0),
    1954: (203, 1276, 203, 1),
    1958: (233, 854, 233, 9),
    1960: (233, 1559, 233, 0),
    1963: (131, 847, 131, 0),
    1967: (131, 702, 131, 0),
    1971: (153, 559, 153, 0),
    1973: (73, 338, 146, 2),
    1978: (77, 470, 154, 0),
    1981: (92, 632, 184, 1),
    1985: (92, 439, 184, 0),
}

#: Districts listed with their winner alone and no count (nec-history has the counts).
WITHOUT_COUNT = {
    "1954:jeju:북제주군 갑",
    "1954:jeju:북제주군 을",
    "1954:jeju:남제주군",
    "1958:jeju:제주시",
    "1958:jeju:북제주군",
    "1958:jeju:남제주군",
}

#: Districts with a tie for the last seat among their counted candidates: none.
TIES: set[str] = set()

#: The rows of 1988–2024 before 1948–1985 were added: (districts, candidates, winners).
MODERN = (2435, 10428, 3212)


def table(name: str) -> list[dict[str, str]]:
    text = (resources.files("korelect") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def per_year(rows: list[dict[str, str]]) -> Counter[int]:
    return Counter(int(r["year"]) for r in rows)


def polis(year: int) -> str:
    n = HISTORIC.index(year) + 1
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
    return f"polis-korea/data/results/{n}{suffix}-general-{year}.json"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts/build_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- rows per year -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", HISTORIC)
def test_rows_per_year(year: int) -> None:
    districts, candidates, winners, uncontested = ROWS[year]
    ds = dataset()
    assert len(ds.districts(year)) == districts
    assert len(ds.candidates(year)) == candidates
    assert len(ds.winners(year)) == winners
    assert sum(d.uncontested for d in ds.districts(year)) == uncontested


@pytest.mark.parametrize("year", HISTORIC)
def test_members_match_the_law_but_the_named_shortfalls(year: int) -> None:
    law_districts, law_members, _ = LAW[year]
    rows = dataset().districts(year)
    magnitude = 2 if year in TWO_MEMBER else 1
    assert {d.magnitude for d in rows} == {magnitude}
    assert law_members == law_districts * magnitude
    missing = MISSING.get(year, ())
    assert len(rows) == law_districts - len(missing)
    assert sum(d.magnitude for d in rows) == law_members - magnitude * len(missing)
    if year in MISSING:  # none of Jeju's districts is there (the missing ones are named above)
        assert not [d for d in rows if d.province == "jeju"]


def test_every_historic_row_comes_from_polis_korea() -> None:
    for year in HISTORIC:
        ds = dataset()
        assert {d.source for d in ds.districts(year)} == {polis(year)}
        assert {w.source for w in ds.winners(year)} == {polis(year)}
        for d in ds.districts(year):
            assert d.district_id == f"{year}:{d.province}:{d.name_ko}"


def test_district_ids_are_unique() -> None:
    ids = [r["district_id"] for r in table("districts.csv")]
    assert len(ids) == len(set(ids))
    # polis-korea names the 1958 금산군 district 진안군 twice: it takes its sigungu_area's name
    jinan = {
        w.district_id: w.district_ko for w in dataset().winners(1958) if "진안" in w.district_ko
    }
    assert jinan == {"1958:jeonbuk:진안군": "진안군", "1958:jeonbuk:금산군": "진안군"}


# -- counts, winners ---------------------------------------------------------------------------


def test_a_zero_that_means_unknown_is_null() -> None:
    for year in HISTORIC:
        for d in dataset().districts(year):
            assert 0 not in (d.electorate, d.ballots_cast, d.valid_votes), d.district_id
            assert d.abstentions is None
            if d.ballots_cast is None:
                assert d.invalid_votes is None, d.district_id
    counted = [d for y in HISTORIC for d in dataset().districts(y) if d.electorate is not None]
    assert Counter(d.year for d in counted) == {
        1950: 3,
        1960: 1,
        1963: 87,
        1967: 87,
        1971: 153,
        1973: 71,
        1978: 77,
        1981: 91,
        1985: 92,
    }


@pytest.mark.parametrize("year", HISTORIC)
def test_winners_are_the_top_candidates(year: int) -> None:
    """Every district with votes elects its ``magnitude`` candidates with most votes."""
    ds = dataset()
    people = defaultdict(list)
    for c in ds.candidates(year):
        people[c.district_id].append(c)
    won = defaultdict(set)
    for w in ds.winners(year):
        won[w.district_id].add(w.name_ko)
    for d in ds.districts(year):
        cs = people[d.district_id]
        assert len(won[d.district_id]) == d.magnitude, d.district_id
        if d.uncontested or d.district_id in WITHOUT_COUNT:
            assert all(c.votes is None for c in cs), d.district_id
            assert d.valid_votes is None
            assert d.uncontested == (d.district_id not in WITHOUT_COUNT)
            assert {c.name_ko for c in cs} == won[d.district_id]
            continue
        assert all(c.votes is not None for c in cs), d.district_id
        ranked = sorted(cs, key=lambda c: -(c.votes or 0))
        assert [c.ballot_order for c in ranked] == sorted(c.ballot_order for c in cs)  # rank
        assert {c.name_ko for c in ranked[: d.magnitude]} == won[d.district_id], d.district_id
        tied = len(ranked) > d.magnitude and (
            ranked[d.magnitude - 1].votes == ranked[d.magnitude].votes
        )
        assert tied == (d.district_id in TIES), d.district_id


def test_uncontested_districts_elect_all_their_candidates() -> None:
    rows = [d for y in HISTORIC for d in dataset().districts(y) if d.uncontested]
    assert len(rows) == 25
    for d in rows:
        cs = [c for c in dataset().candidates(d.year) if c.district_id == d.district_id]
        assert len(cs) == d.magnitude
        assert (d.electorate, d.ballots_cast, d.valid_votes, d.invalid_votes) == (None,) * 4


def test_winners_carry_the_candidates_party_and_votes() -> None:
    for year in HISTORIC:
        ds = dataset()
        by_name = {(c.district_id, c.name_ko): c for c in ds.candidates(year)}
        for w in ds.winners(year):
            c = by_name[(w.district_id, w.name_ko)]
            assert (w.party_ko, w.votes) == (c.party_ko, c.votes)
            assert (w.name_hanja, w.birth_date, w.vote_pct) == ("", None, None)


def test_parties_keep_the_sources_spelling() -> None:
    parties = Counter(c.party_ko for y in HISTORIC for c in dataset().candidates(y))
    assert "" not in parties
    assert parties["민주당(1955)"] > 0
    assert parties["무소속"] == 4730
    # 1963-1971: candidates had to be nominated by a party (LAW-1948-1985.md)
    assert not [
        c for y in (1963, 1967, 1971) for c in dataset().candidates(y) if c.party_ko == "무소속"
    ]


# -- the national tier ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", HISTORIC)
def test_national_seats_add_up_to_the_tier(year: int) -> None:
    rows = dataset().national_seats(year)
    assert sum(r.seats for r in rows) == LAW[year][2]
    assert all(isinstance(r, NationalSeats) and r.source == polis(year) for r in rows)
    if year in (1973, 1978):
        assert [r.party_ko for r in rows] == ["유신정우회"]


def test_national_seats_only_for_the_tier_years() -> None:
    assert sorted(per_year(table("national_seats.csv"))) == [y for y in LAW if LAW[y][2]]
    assert dataset().national_seats(2004) == ()


def test_party_names_cover_the_new_rows() -> None:
    con = connect()
    for name in ("national_seats", "candidates", "winners"):
        missing = con.execute(
            f"SELECT DISTINCT t.year, t.party_ko FROM {name} AS t "  # noqa: S608  (our names)
            "ANTI JOIN party_names AS n ON n.year = t.year AND n.name = t.party_ko "
            "WHERE t.year < 1988"
        ).fetchall()
        assert missing == [], name


# -- the provinces of the time -------------------------------------------------------------------


def test_districts_are_under_a_province_of_the_time() -> None:
    since = {p.code: p.since for p in dataset().provinces()}
    for year in HISTORIC:
        for d in dataset().districts(year):
            assert since[d.province] <= year, d.district_id
    busan = {y: sum(d.province == "busan" for d in dataset().districts(y)) for y in HISTORIC}
    assert [y for y in HISTORIC if busan[y]] == [1963, 1967, 1971, 1973, 1978, 1981, 1985]


# -- 1988-2024 unchanged ---------------------------------------------


def test_1988_to_2024_rows_unchanged_in_count() -> None:
    counts = tuple(
        sum(n for y, n in per_year(table(name)).items() if y >= 1988)
        for name in ("districts.csv", "candidates.csv", "winners.csv")
    )
    assert counts == MODERN
    assert {r["magnitude"] for r in table("districts.csv") if int(r["year"]) >= 1988} == {"1"}


def test_every_election_is_listed(build: ModuleType) -> None:
    assert build.HISTORIC == HISTORIC
    assert build.TWO_MEMBER == TWO_MEMBER
    assert [build.ASSEMBLY[y] for y in HISTORIC] == list(range(1, 13))
    assert all(build.DATES[y].startswith(f"{y}-") for y in HISTORIC)
    assert [build.polis_source(y) for y in HISTORIC] == [polis(y) for y in HISTORIC]
    listed = dataset().years()
    assert listed == tuple(build.ASSEMBLY) == tuple(sorted(build.ASSEMBLY))
    assert listed == korelect.registered_years()
    assert listed[: len(HISTORIC)] == HISTORIC


def test_a_districts_file_without_magnitude_elects_one_member(tmp_path: Path) -> None:
    (tmp_path / "districts.csv").write_text(
        "year,district_id,province,name_ko,electorate,ballots_cast,valid_votes,invalid_votes,"
        "abstentions,uncontested,source\n2004,2004:seoul:X,seoul,X,10,8,7,1,2,false,t\n",
        encoding="utf-8",
    )
    (d,) = Dataset(tmp_path).districts(2004)
    assert d.magnitude == 1


@pytest.mark.skipif(
    not (ROOT.parent / "shared/data").is_dir(), reason="../shared is not beside the checkout"
)
def test_historic_rows_are_what_the_build_makes(build: ModuleType) -> None:
    """national_seats.csv and the 1948-1985 rows of the other tables, rebuilt from polis-korea."""
    made = build.historic(ROOT.parent / "shared/data", build.Provinces())

    def text(rows: list[list[object]]) -> list[list[str]]:
        return [["" if v is None else str(v) for v in row] for row in rows]

    def shipped(name: str) -> list[list[str]]:
        data = (resources.files("korelect") / "data" / name).read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(data, newline="")))[1:]
        return [r for r in rows if int(r[0]) < 1988]

    names = ("districts.csv", "candidates.csv", "winners.csv", "national_seats.csv")
    for name, rows in zip(names, made, strict=True):
        assert text(rows) == shipped(name), name
