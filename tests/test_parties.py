"""The party registry: every name in the data resolves, links hold, bad tables are refused.

``tests/data/party_names.csv`` holds the expected id for every name the
registry must resolve, by year and by where the name comes from:

- ``data``: every party name (Korean) in the district-level election data;
- ``official``: the Korean and English names in ``shared/data/official``;
- ``seed``: the abbreviations and infobox names of the three seed articles;
- ``artefact``: names in the data that are not parties (the misspelt
  무효투표수 category "무표투표수" of 2020), which must not resolve.

``won_seats`` marks the parties that won seats that year (official tables,
district wins in the data); their chart colours must differ.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from korelect.errors import DataError, FileFormatError, KorelectError, UnknownNameError
from korelect.record.parties import COLUMNS, ELECTION_YEARS, Party, PartyRegistry, parties

DATA = Path(__file__).parent / "data" / "party_names.csv"


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = _rows()
NAMES = [r for r in ROWS if r["source"] != "artefact"]
ARTEFACTS = [r for r in ROWS if r["source"] == "artefact"]


def _id(row: dict[str, str]) -> str:
    return f"{row['year']}-{row['source']}-{row['name']}"


# ------------------------------------------------------------------ the table


def test_the_shipped_table_loads_once() -> None:
    registry = parties()
    assert registry is parties()
    assert len(registry) == len(list(registry)) == len({p.id for p in registry})
    assert all(isinstance(p, Party) for p in registry)
    assert registry.source.endswith("parties.csv")


def test_the_shipped_table_has_one_row_per_party() -> None:
    text = Path(parties().source).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(parties())


@pytest.mark.parametrize("row", NAMES, ids=_id)
def test_every_name_resolves_to_its_party(row: dict[str, str]) -> None:
    party = parties().lookup(row["name"], int(row["year"]))
    assert party.id == row["party_id"]
    assert party.contested(int(row["year"]))
    assert parties().find(row["name"], int(row["year"])) is party


@pytest.mark.parametrize("row", ARTEFACTS, ids=_id)
def test_artefacts_are_not_parties(row: dict[str, str]) -> None:
    with pytest.raises(UnknownNameError, match="no party called"):
        parties().lookup(row["name"], int(row["year"]))


def test_the_data_cover_every_year() -> None:
    years = {int(r["year"]) for r in ROWS if r["source"] == "data"}
    assert years == set(ELECTION_YEARS)


def test_years_are_exactly_those_the_data_name_the_party_in() -> None:
    named: dict[str, set[int]] = defaultdict(set)
    for row in NAMES:
        if row["source"] in {"data", "official"}:
            named[row["party_id"]].add(int(row["year"]))
    for party in parties():
        assert set(party.years) == named[party.id], party.id


def test_names_reused_by_different_parties_get_different_rows() -> None:
    registry = parties()
    reused = {
        ("민주당", 1992): "dp-1991",
        ("민주당", 2016): "dp-2016",
        ("한나라당", 2008): "gnp",
        ("한나라당", 2012): "hannara-2012",
        ("한나라당", 2016): "hannara-2014",
        ("새누리당", 2016): "saenuri",
        ("새누리당", 2020): "saenuri-2020",
        ("국민의당", 2016): "pp-2016",
        ("국민의당", 2020): "people-2020",
        ("통일민주당", 1988): "rdp",
        ("통일민주당", 2020): "unification-democratic-2020",
        ("공화당", 2000): "republican-2000",
        ("공화당", 2004): "republican-2004",
        ("공화당", 2016): "republican-2014",
        ("민중당", 1992): "minjung-1990",
        ("민중당", 2020): "minjung-2017",
        ("한국국민당", 1988): "knp-1981",
        ("한국국민당", 2016): "knp-2016",
        ("사회민주당", 1988): "sdp-1988",
        ("사회민주당", 2024): "sdp-2024",
    }
    for (name, year), expected in reused.items():
        assert registry.lookup(name, year).id == expected, (name, year)
    for name in {name for name, _ in reused}:
        with pytest.raises(UnknownNameError, match="ambiguous"):
            registry.lookup(name)


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("DLP", 1992, "Democratic Liberal Party"),
        ("DLP", 2004, "Democratic Labor Party"),
        ("DP", 1992, "Democratic Party"),
        ("DP", 2024, "Democratic Party of Korea"),
        ("UDP", 1996, "United Democratic Party"),
        ("UDP", 2008, "United Democratic Party"),
        ("PPD", 1988, "Party for Peace and Democracy"),
        ("DPP", 2000, "Democratic People's Party"),
        ("NKPH", 2000, "New Korea Party of Hope"),
        ("LFP", 2012, "Liberty Forward Party"),
    ],
)
def test_abbreviations_resolve_by_year(name: str, year: int, expected: str) -> None:
    assert parties().lookup(name, year).name_en == expected


# ------------------------------------------------------------------ matching


def test_ascii_names_match_whatever_their_case() -> None:
    registry = parties()
    assert registry.lookup("dlp", 1992).id == "dlp-1990"
    assert registry.lookup("GRAND NATIONAL PARTY").id == "gnp"
    assert registry.lookup("  uri   party ").id == "uri"


def test_spaces_and_punctuation_are_ignored_when_nothing_matches_as_written() -> None:
    registry = parties()
    assert registry.lookup("국민의힘", 2012).id == "peoples-power-2012"
    assert registry.lookup("국민의 힘", 2024).id == "ppp"
    assert registry.lookup("국민의힘").id == "ppp"
    assert registry.lookup("Ind", 1992).is_independent
    assert registry.lookup("제3세대 당", 1988).id == "third-generation-1988"


def test_an_ambiguous_name_names_the_candidates() -> None:
    with pytest.raises(UnknownNameError) as info:
        parties().lookup("DLP")
    message = str(info.value)
    assert "dlp-1990" in message
    assert "dlp-2000" in message
    assert "give the election year" in message
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, KorelectError)


def test_a_name_of_other_years_says_whose_it_is() -> None:
    with pytest.raises(UnknownNameError, match=r"in 2020: the name belongs to .*\[gnp;"):
        parties().lookup("GNP", 2020)


def test_an_unknown_name_suggests_a_close_one() -> None:
    with pytest.raises(UnknownNameError, match="did you mean '한나라당'"):
        parties().lookup("한나랑당", 2004)
    with pytest.raises(UnknownNameError, match="did you mean 'Saenuri Party'"):
        parties().lookup("Saenuri Partty", 2016)
    with pytest.raises(UnknownNameError) as info:
        parties().lookup("zzzz")
    assert "did you mean" not in str(info.value)


def test_a_year_without_an_election_is_refused() -> None:
    with pytest.raises(UnknownNameError, match="1990 is not an election year"):
        parties().lookup("DLP", 1990)


def test_find_returns_none_where_lookup_raises() -> None:
    registry = parties()
    assert registry.find("DLP") is None
    assert registry.find("GNP", 2020) is None
    assert registry.find("no such party") is None
    assert registry.find("GNP", 2004) is registry.get("gnp")


def test_get_by_id() -> None:
    registry = parties()
    assert registry.get("uld").name_ko == "자유민주연합"
    assert "uld" in registry
    assert registry.get("uld") in registry
    assert "nope" not in registry
    with pytest.raises(UnknownNameError, match="no party with id 'gnpp'; did you mean 'gnp'"):
        registry.get("gnpp")


def test_in_year_lists_the_parties_of_an_election() -> None:
    names_2024 = {p.name_ko for p in parties().in_year(2024)}
    official_2024 = {r["name"] for r in NAMES if r["year"] == "2024" and r["source"] == "data"}
    assert names_2024 == official_2024


# ---------------------------------------------------------------- satellites


@pytest.mark.parametrize(
    ("satellite", "year", "parent"),
    [
        ("더불어시민당", 2020, "dp"),
        ("미래한국당", 2020, "ufp"),
        ("더불어민주연합", 2024, "dp"),
        ("국민의미래", 2024, "ppp"),
    ],
)
def test_satellites_link_to_their_parents(satellite: str, year: int, parent: str) -> None:
    registry = parties()
    party = registry.lookup(satellite, year)
    assert party.is_satellite
    assert registry.parent(party) == registry.get(parent)
    assert registry.merged(party) == registry.get(parent)
    assert party in registry.satellites(parent)
    assert party in registry.satellites(parent, year)
    assert registry.parent(parent) is None
    assert registry.merged(parent) == registry.get(parent)


def test_only_the_four_list_parties_are_satellites() -> None:
    satellites = {p.id for p in parties() if p.is_satellite}
    assert satellites == {"platform", "fkp", "da", "pf"}


def test_satellites_by_year() -> None:
    registry = parties()
    assert [p.id for p in registry.satellites("dp")] == ["platform", "da"]
    assert [p.id for p in registry.satellites("dp", 2020)] == ["platform"]
    assert [p.id for p in registry.satellites("dp", 2024)] == ["da"]
    assert registry.satellites("ppp", 2020) == ()
    assert registry.satellites("rkp") == ()


def test_merging_satellites_back_into_their_parents() -> None:
    registry = parties()
    merged = {registry.merged(p).id for p in registry.in_year(2024)}
    assert "da" not in merged
    assert "pf" not in merged
    assert {"dp", "ppp", "rkp"} <= merged


# ------------------------------------------------------------------- lineage


@pytest.mark.parametrize(
    ("start", "chain"),
    [
        ("ppp", ["ppp", "ufp", "lkp", "saenuri", "gnp", "nkp", "dlp-1990", "djp"]),
        (
            "dp",
            ["dp", "minjoo", "dup", "udp-2008", "uri", "mdp", "ncnp", "dp-1991", "ppd"],
        ),
        ("progressive", ["progressive", "minjung-2017", "pup-2016"]),
        ("green-justice", ["green-justice", "justice", "upp", "dlp-2000"]),
        ("labor", ["labor", "npp", "dlp-2000"]),
        ("ksp-2008", ["ksp-2008", "socialist-2004", "youth-progressive-2000"]),
        ("djp", ["djp"]),
    ],
)
def test_lineage_follows_the_principal_predecessor(start: str, chain: list[str]) -> None:
    assert [p.id for p in parties().lineage(start)] == chain


def test_ancestors_include_every_merger_partner() -> None:
    registry = parties()
    assert [p.id for p in registry.ancestors("dlp-1990")] == ["djp", "rdp", "ndrp"]
    ancestors = {p.id for p in registry.ancestors("minsaeng")}
    assert ancestors == {"bareunmirae", "pdp", "pp-2016"}
    assert registry.ancestors("djp") == ()


def test_links_point_both_ways_and_forward_in_time() -> None:
    registry = parties()
    for party in registry:
        for pid in party.successors:
            other = registry.get(pid)
            assert party.id in other.predecessors
            assert other.years[-1] >= party.years[0], (party.id, pid)


# ------------------------------------------------------------------- colours


def test_colours_are_unique_among_the_seat_winners_of_each_year() -> None:
    registry = parties()
    winners: dict[int, set[str]] = defaultdict(set)
    for row in NAMES:
        if row["won_seats"] == "1":
            winners[int(row["year"])].add(row["party_id"])
    assert set(winners) == set(ELECTION_YEARS)
    for year, ids in winners.items():
        colours = [registry.get(pid).colour for pid in sorted(ids)]
        assert len(set(colours)) == len(colours), (year, sorted(ids))


def test_colours_are_lower_case_rrggbb_and_independents_are_neutral_grey() -> None:
    registry = parties()
    assert all(re.fullmatch(r"#[0-9a-f]{6}", p.colour) for p in registry)
    grey = registry.get("independent").colour
    assert grey[1:3] == grey[3:5] == grey[5:7]


# ---------------------------------------------------------------- validation

HEADER = ",".join(COLUMNS)
GOOD = [
    "a,가당,A Party,AP,가;Alpha,#112233,1992;1996,,,b,",
    "b,나당,B Party,,,#445566,2000,,a,,note",
    "c,다당,C Party,,,#778899,2000,b,,,",
]


def _write(tmp_path: Path, lines: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "parties.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_good_table_loads_from_a_path(tmp_path: Path) -> None:
    registry = PartyRegistry.from_csv(_write(tmp_path, GOOD))
    assert [p.id for p in registry] == ["a", "b", "c"]
    a = registry.get("a")
    assert a.aliases == ("가", "Alpha")
    assert a.years == (1992, 1996)
    assert a.note is None
    assert registry.merged("c").id == "b"
    assert registry.lookup("alpha", 1996) is a


def _replace(index: int, line: str) -> list[str]:
    lines = list(GOOD)
    lines[index] = line
    return lines


BROKEN = [
    pytest.param(
        [*GOOD, "a,라당,D Party,,,#000000,2004,,,,"],
        5,
        "id",
        "duplicate id 'a' (first on line 2)",
        id="duplicate-id",
    ),
    pytest.param(
        _replace(0, "A b,가당,A Party,AP,가;Alpha,#112233,1992;1996,,,b,"),
        2,
        "id",
        "lower-case ascii slug",
        id="bad-id",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,red,2000,,a,,note"),
        3,
        "colour",
        "expected a colour '#rrggbb' (got 'red')",
        id="bad-colour",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#44556,2000,,a,,note"),
        3,
        "colour",
        "got '#44556'",
        id="short-colour",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#445566,2001,,a,,note"),
        3,
        "years",
        "got '2001'",
        id="not-an-election-year",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#445566,,,a,,note"),
        3,
        "years",
        "at least one election year",
        id="no-years",
    ),
    pytest.param(
        _replace(2, "c,다당,C Party,,,#778899,2000,zz,,,"),
        4,
        "satellite_of",
        "'zz': no party has this id",
        id="unknown-parent",
    ),
    pytest.param(
        _replace(2, "c,다당,C Party,,,#778899,1992,b,,,"),
        4,
        "years",
        "the satellite appears in 1992, its parent 'b' does not",
        id="satellite-outside-parent-years",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#445566,2000,,a;q,,note"),
        3,
        "predecessors",
        "'q': no party has this id",
        id="unknown-predecessor",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#445566,2000,,,,note"),
        2,
        "successors",
        "'b' does not list 'a' among its predecessors",
        id="one-sided-link",
    ),
    pytest.param(
        [
            "a,가당,A Party,,,#112233,1992,,b,b,",
            "b,나당,B Party,,,#445566,2000,,a,a,",
        ],
        2,
        "predecessors",
        "predecessors form a cycle: a → b → a",
        id="cycle",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,Alpha,#445566,1996;2000,,a,,note"),
        3,
        "aliases",
        "'Alpha' already names 'a' (line 2) in 1996",
        id="name-and-year-for-two-parties",
    ),
    pytest.param(
        _replace(1, "b,가 당,B Party,,,#445566,1992;2000,,a,,note"),
        3,
        "name_ko",
        "'가 당' already names 'a' (line 2) in 1992",
        id="names-equal-but-for-a-space",
    ),
    pytest.param(
        _replace(1, "b,나당,A PARTY,,,#445566,1992,,a,,note"),
        3,
        "name_en",
        "'A PARTY' already names 'a'",
        id="names-equal-but-for-case",
    ),
    pytest.param(
        _replace(1, "b,나당,,,,#445566,2000,,a,,note"),
        3,
        "name_en",
        "must not be empty",
        id="empty-name",
    ),
    pytest.param(
        _replace(0, "a,가당,A Party,AP,가;;Alpha,#112233,1992;1996,,,b,"),
        2,
        "aliases",
        "empty entry",
        id="empty-alias",
    ),
    pytest.param(
        _replace(0, "a,가당,A Party,AP,가;가,#112233,1992;1996,,,b,"),
        2,
        "aliases",
        "'가' is listed twice",
        id="repeated-alias",
    ),
    pytest.param(
        _replace(1, "b,나당,B Party,,,#445566,2000,,a"),
        3,
        None,
        "expected 11 fields, got 9",
        id="short-row",
    ),
]


@pytest.mark.parametrize(("lines", "line", "field", "message"), BROKEN)
def test_a_broken_table_names_file_line_and_field(
    tmp_path: Path, lines: list[str], line: int, field: str | None, message: str
) -> None:
    path = _write(tmp_path, lines)
    with pytest.raises(FileFormatError) as info:
        PartyRegistry.from_csv(path)
    error = info.value
    assert error.path == str(path)
    assert error.line == line
    assert error.field == field
    assert message in error.detail
    assert str(error).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace(",note", ""), "missing column 'note'"),
        (HEADER + ",extra", "unknown column 'extra'"),
        (HEADER + ",note", "column 'note' appears twice"),
    ],
)
def test_a_bad_header_is_refused(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as info:
        PartyRegistry.from_csv(_write(tmp_path, GOOD, header=header))
    assert info.value.line == 1


def test_columns_may_come_in_any_order(tmp_path: Path) -> None:
    path = tmp_path / "reordered.csv"
    path.write_text(
        "name_en,id,name_ko,abbr,aliases,colour,years,satellite_of,predecessors,successors,note\n"
        "A Party,a,가당,,,#112233,1992,,,,\n",
        encoding="utf-8",
    )
    assert PartyRegistry.from_csv(path).lookup("가당").name_en == "A Party"


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        PartyRegistry.from_csv(tmp_path / "missing.csv")
    with pytest.raises(FileFormatError, match="is a directory"):
        PartyRegistry.from_csv(tmp_path)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(FileFormatError, match="empty file"):
        PartyRegistry.from_csv(empty)
    header_only = _write(tmp_path, [])
    with pytest.raises(FileFormatError, match="no parties after the header"):
        PartyRegistry.from_csv(header_only)
    latin = tmp_path / "latin.csv"
    latin.write_bytes((HEADER + "\n").encode() + "a,é,A,,,#112233,1992,,,,\n".encode("latin-1"))
    with pytest.raises(FileFormatError, match="not UTF-8") as info:
        PartyRegistry.from_csv(latin)
    assert info.value.line == 2


def test_file_format_errors_are_value_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="colour"):
        PartyRegistry.from_csv(_write(tmp_path, _replace(1, "b,나당,B,,,#zzzzzz,2000,,a,,")))


def test_a_registry_built_from_parties_is_checked_too() -> None:
    registry = parties()
    twice = [registry.get("gnp"), registry.get("gnp")]
    with pytest.raises(FileFormatError, match="duplicate id 'gnp'"):
        PartyRegistry(twice)


def test_a_missing_shipped_table_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.resources

    import korelect.record.parties as module

    class Missing:
        def __truediv__(self, other: str) -> Missing:
            return self

        def read_bytes(self) -> bytes:
            raise FileNotFoundError

    shipped = len(parties())
    monkeypatch.setattr(importlib.resources, "files", lambda _package: Missing())
    module.parties.cache_clear()
    try:
        with pytest.raises(DataError, match="shipped party table is missing"):
            module.parties()
    finally:
        monkeypatch.undo()
        module.parties.cache_clear()
    assert len(module.parties()) == shipped
