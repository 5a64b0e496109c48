"""The source audit: known contradictions in the shipped data, and a tiny fixture.

The fixture is a consistent data folder (two elections, 2004 and 2020) in
which the audit finds nothing; each test then breaks one number and checks
that the matching finding appears, naming the place and both figures.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from korelect.analysis.audit import (
    BALLOTS_ELECTORATE,
    CANDIDATES_VALID,
    CHECKS,
    DECLARED,
    DECLARED_PARTY,
    LIST_PROVINCE,
    LIST_TURNOUT,
    LIST_VALID,
    OFFICIAL_PCT,
    OFFICIAL_SEATS,
    SECOND,
    SEED_INFOBOX,
    SEED_PCT,
    SEED_PROSE,
    SEED_SEATS,
    SEED_SUMS,
    SEED_TURNOUT,
    STATION_BALLOTS,
    STATION_DISTRICT,
    STATION_ELECTORATE,
    STATION_KIND,
    STATION_SUM,
    STATION_WINNER,
    VALID_BALLOTS,
    WINNER_BIRTH,
    WINNER_PCT,
    WINNER_VOTES,
    audit,
    audit_text,
    audit_to_dict,
    seed_party,
)
from korelect.errors import UnknownElectionError
from korelect.record.data import Dataset
from korelect.record.findings import Finding

PRIMARY = "krvote/chongun_winner.converted.csv"
SECOND_SOURCE = "nec-history/assembly-elected-17.0.csv"
LEGISLATORS = "assemblykor/legislators.csv"
NEC17 = "nec-history/assembly-counting_vote-17.0.json"
POLLING = "krvote/general_2020_long.converted.csv"


def has_registry() -> bool:
    try:
        import korelect.record.parties  # noqa: F401
    except ImportError:
        return False
    return True


# ------------------------------------------------------------------ shipped data


@pytest.fixture(scope="module")
def everything() -> tuple[Finding, ...]:
    return audit()


def test_every_finding_is_complete(everything: tuple[Finding, ...]) -> None:
    assert everything
    for f in everything:
        assert f.where.strip(), f
        assert f.ours.strip(), f
        assert f.theirs.strip(), f
        assert f.sources.strip(), f
        assert f.check in CHECKS, f
        assert 1948 <= f.year <= 2024


def test_order_is_deterministic(everything: tuple[Finding, ...]) -> None:
    assert audit() == everything
    years = [f.year for f in everything]
    assert years == sorted(years)
    for year in set(years):
        order = [CHECKS.index(f.check) for f in everything if f.year == year]
        assert order == sorted(order)


def test_one_year_is_the_slice_of_all_years(everything: tuple[Finding, ...]) -> None:
    assert audit(1996) == tuple(f for f in everything if f.year == 1996)


def test_unknown_year() -> None:
    with pytest.raises(UnknownElectionError):
        audit(1999)


def test_1996_dalseo_gap_declared_winner_vs_counts() -> None:
    found = audit(1996)
    declared = [f for f in found if f.check == DECLARED]
    assert [f.where for f in declared] == ["1996:daegu:달서구갑"]
    assert "김은집" in declared[0].ours
    assert "32057" in declared[0].ours.replace(",", "")
    assert "박종근" in declared[0].theirs
    votes = [f for f in found if f.check == WINNER_VOTES]
    assert [f.where for f in votes] == ["1996:daegu:달서구갑"]
    assert "0" in votes[0].ours
    assert "32,057" in votes[0].theirs
    assert "김은집" in votes[0].note
    sums = {f.where: f for f in found if f.check == CANDIDATES_VALID}
    assert "1996:daegu:달서구갑" in sums
    assert "74,622" in sums["1996:daegu:달서구갑"].ours
    assert "82,536" in sums["1996:daegu:달서구갑"].theirs


def test_1996_uld_seed_votes_and_the_32057_explanation() -> None:
    found = [
        f for f in audit(1996) if f.check == SEED_INFOBOX and "United Liberal Democrats" in f.where
    ]
    votes = next(f for f in found if f.where.endswith("Popular Vote"))
    assert "3,146,417" in votes.ours
    assert votes.theirs == "3,178,474"
    assert "32,057" in votes.note
    assert "김은집" in votes.note
    assert "1996:daegu:달서구갑" in votes.note
    assert "박종근" in votes.note
    assert "000_7d758794e075301b.txt, line 39" in votes.sources
    pct = next(f for f in found if f.where.endswith("Percentage"))
    assert pct.theirs == "16.17%"
    assert "32,057" in pct.note


def test_1992_nprp_short_name_is_not_a_finding() -> None:
    if not has_registry():
        pytest.skip("the party registry (korelect.record.parties) is not installed")
    found = audit(1992)
    assert not [f for f in found if f.check == DECLARED_PARTY]
    assert not [f for f in found if "신정당" in f.ours + f.theirs]
    assert not [f for f in found if f.check in (OFFICIAL_SEATS, SEED_SEATS)]


def test_1992_seed_prose() -> None:
    found = [f for f in audit(1992) if f.check in (SEED_PROSE, SEED_TURNOUT)]
    wheres = {f.where: f for f in found}
    date = wheres["prose: election date"]
    assert date.theirs == "25 March 1992"
    assert "1992-03-24" in date.ours
    assert "line 48" in date.sources
    seats = wheres["prose: list-tier threshold (seats)"]
    assert "5" in seats.ours
    assert "7" in seats.theirs
    assert "line 51" in seats.sources
    # "Voter turnout was 72%" is 71.86% rounded to a whole number: not a contradiction.
    assert "prose: turnout" not in wheres
    assert "RNP" in wheres["prose: party 'RNP'"].theirs
    assert "통일국민당" in wheres["prose: party 'RNP'"].note


def test_1996_seed_threshold_and_date() -> None:
    found = {f.where: f for f in audit(1996) if f.check == SEED_PROSE}
    assert found["prose: election date"].theirs == "12 April 1996"
    assert "5%" in found["prose: list-tier threshold (vote)"].ours
    assert found["prose: list-tier threshold (vote)"].theirs == "3%"


def test_2004_seed_seoul_seat_count() -> None:
    found = {f.where: f for f in audit(2004) if f.check == SEED_PROSE}
    seoul = found["prose: Uri Party in Seoul, of"]
    assert seoul.ours.startswith("48 ")
    assert seoul.theirs == "49"


def test_seed_labels_map_to_the_data() -> None:
    assert seed_party("ULD", 1996) == "자유민주연합"
    assert seed_party("Democratic Liberal Party (South Korea)", 1992) == "민주자유당"
    assert seed_party("DLP", 2004) == "민주노동당"
    assert seed_party("RNP", 1992) is None


def test_report_and_dict(everything: tuple[Finding, ...]) -> None:
    text = audit_text(everything)
    assert text.splitlines()[0].startswith(f"{len(everything)} findings")
    assert "== 1996:" in text
    assert "-- declared winner vs counts (1)" in text
    assert text.rstrip().splitlines()[-1].split()[-1] == str(len(everything))
    record = audit_to_dict(everything)
    assert record["count"] == len(everything)
    assert json.loads(json.dumps(record, ensure_ascii=False))["count"] == len(everything)
    by_year = record["by_year"]
    assert isinstance(by_year, dict)
    assert sum(by_year.values()) == len(everything)
    assert audit_text(()) == "No contradictions found.\n"


def test_fresh_dataset_gives_the_same_audit(everything: tuple[Finding, ...]) -> None:
    # Its time is measured by benchmarks/bench_results.py, not here.
    assert audit(data=Dataset()) == everything  # a fresh dataset: nothing read before


# ------------------------------------------------------------------ seed tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def shipped_seed_rows() -> list[dict[str, str]]:
    text = (resources.files("korelect") / "data" / "seed_tables.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_seed_tables_are_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed articles at {SEEDS}")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "extract_seed_tables", ROOT / "scripts" / "extract_seed_tables.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    shipped = (resources.files("korelect") / "data" / "seed_tables.csv").read_text("utf-8")
    assert module.build(SEEDS) == shipped


def test_seed_tables_content() -> None:
    rows = shipped_seed_rows()
    cell = {(r["year"], r["table"], r["row"], r["column"]): r for r in rows}
    assert cell["1996", "infobox", "United Liberal Democrats", "Popular Vote"]["value"] == (
        "3,178,474"
    )
    assert cell["1996", "infobox", "United Liberal Democrats", "Popular Vote"]["line"] == "39"
    assert cell["1992", "seats", "Seoul", "NPRP"]["value"] == "1"
    assert cell["1992", "seats", "PR list", "Total seats"]["value"] == "62"
    assert cell["2004", "constituency_seats", "Ulsan", "NI21"]["value"] == "1"
    assert cell["2004", "constituency_pct", "Seoul", "Uri"]["value"] == "42.9"
    assert cell["2004", "constituency_seats", "Total", "Total seats"]["value"] == "243"
    assert cell["2004", "list_pct", "Overall total", "Other"]["value"] == "3.0"
    assert cell["2004", "list_pct", "Seat allocation", "DLP"]["value"] == "8"
    assert cell["2004", "turnout", "list", "change"]["value"] == "New"
    assert cell["1992", "prose", "list tier", "min_seats"]["value"] == "7"
    assert cell["1992", "prose", "RNP", "won"]["line"] == "66"
    regions = {r["row"] for r in rows if r["year"] == "1996" and r["table"] == "seats"}
    assert len(regions) == 15 + 3


# ------------------------------------------------------------------------ fixture

Rows = list[list[object]]

DISTRICT_HEADER = [
    "year",
    "district_id",
    "province",
    "name_ko",
    "electorate",
    "ballots_cast",
    "valid_votes",
    "invalid_votes",
    "abstentions",
    "uncontested",
    "source",
]


def base_tables() -> dict[str, tuple[list[str], Rows]]:
    """A consistent two-election data folder: 2004 (3 districts, list votes) and 2020.

    The allocation needs as many districts as the law has district seats, so
    each year is filled up with uncontested districts in Jeju (one independent
    each, no counts), which the checks skip; see :func:`fill`.
    """
    d = "2004:seoul:종로구", "2004:seoul:중구", "2004:busan:중구"
    z = "2020:seoul:종로구"
    gnp, uri, ind = "한나라당", "열린우리당", "무소속"
    return {
        "elections.csv": (
            ["year", "assembly", "date"],
            [[2004, 17, "2004-04-15"], [2020, 21, "2020-04-15"]],
        ),
        "districts.csv": (
            DISTRICT_HEADER,
            [
                [2004, d[0], "seoul", "종로구", 1000, 600, 590, 10, 400, "false", NEC17],
                [2004, d[1], "seoul", "중구", 1000, 500, 495, 5, 500, "false", NEC17],
                [2004, d[2], "busan", "중구", 800, 500, 490, 10, 300, "false", NEC17],
                [2020, z, "seoul", "종로구", 120, 80, 78, 2, 40, "false", POLLING],
            ],
        ),
        "candidates.csv": (
            ["year", "district_id", "ballot_order", "name_ko", "party_ko", "votes"],
            [
                [2004, d[0], 1, "갑일", gnp, 300],
                [2004, d[0], 2, "을일", uri, 290],
                [2004, d[1], 1, "갑이", gnp, 195],
                [2004, d[1], 2, "을이", uri, 300],
                [2004, d[2], 1, "갑삼", gnp, 250],
                [2004, d[2], 2, "병삼", ind, 240],
                [2020, z, 1, "가나", "더불어민주당", 40],
                [2020, z, 2, "다라", "미래통합당", 38],
            ],
        ),
        "winners.csv": (
            [
                "year",
                "district_id",
                "province",
                "district_ko",
                "name_ko",
                "name_hanja",
                "party_ko",
                "birth_date",
                "votes",
                "source",
                "vote_pct",
            ],
            [
                [2004, d[0], "seoul", "종로구", "갑일", "", gnp, "1950-01-01", 300, PRIMARY, ""],
                [2004, d[1], "seoul", "중구", "을이", "", uri, "1950-01-01", 300, PRIMARY, ""],
                [2004, d[2], "busan", "중구", "갑삼", "", gnp, "1950-01-01", 250, PRIMARY, ""],
                [2020, z, "seoul", "종로구", "가나", "", "더불어민주당", "", 40, PRIMARY, ""],
            ],
        ),
        "list_votes.csv": (
            ["year", "province", "level", "area", "party_ko", "votes"],
            [
                [2004, "seoul", "province", "", gnp, 500],
                [2004, "seoul", "province", "", uri, 585],
                [2004, "seoul", "sigungu", "종로구", gnp, 300],
                [2004, "seoul", "sigungu", "종로구", uri, 290],
                [2004, "seoul", "sigungu", "중구", gnp, 200],
                [2004, "seoul", "sigungu", "중구", uri, 295],
                [2004, "busan", "province", "", gnp, 300],
                [2004, "busan", "province", "", uri, 190],
                [2004, "busan", "sigungu", "중구", gnp, 300],
                [2004, "busan", "sigungu", "중구", uri, 190],
            ],
        ),
        "list_turnout.csv": (
            [
                "year",
                "province",
                "level",
                "area",
                "electorate",
                "ballots_cast",
                "valid_votes",
                "invalid_votes",
                "abstentions",
            ],
            [
                [2004, "seoul", "province", "", 2000, 1100, 1085, 15, 900],
                [2004, "seoul", "sigungu", "종로구", 1000, 600, 590, 10, 400],
                [2004, "seoul", "sigungu", "중구", 1000, 500, 495, 5, 500],
                [2004, "busan", "province", "", 800, 500, 490, 10, 300],
                [2004, "busan", "sigungu", "중구", 800, 500, 490, 10, 300],
            ],
        ),
        "list_shares.csv": (
            ["year", "party_ko", "party_en", "pct", "source"],
            [
                [2020, "더불어시민당", "Platform Party", "50.00", "test"],
                [2020, "미래한국당", "Future Korea Party", "50.00", "test"],
            ],
        ),
        "official_seats.csv": (
            [
                "year",
                "party_ko",
                "party_en",
                "district_seats",
                "list_seats",
                "total_seats",
                "list_vote_pct",
                "constituency_vote_pct",
                "source",
            ],
            [],  # filled in from the computed result by make_folder
        ),
        "seed_tables.csv": (
            ["seed_file", "year", "table", "row", "column", "value", "line"],
            [
                ["fx.txt", 2004, "infobox", "election", "Election Date", "15 April 2004", 3],
                ["fx.txt", 2004, "turnout", "constituency", "pct", "57.14", 4],
                ["fx.txt", 2004, "constituency_seats", "Seoul", "Uri", "1", 10],
                ["fx.txt", 2004, "constituency_pct", "Seoul", "Uri", "54.4", 10],
                ["fx.txt", 2004, "constituency_seats", "Seoul", "GNP", "1", 10],
                ["fx.txt", 2004, "constituency_pct", "Seoul", "GNP", "45.6", 10],
                ["fx.txt", 2004, "constituency_seats", "Seoul", "Ind.", "0", 10],
                ["fx.txt", 2004, "constituency_seats", "Seoul", "Total seats", "2", 10],
                ["fx.txt", 2004, "constituency_seats", "Busan", "Uri", "0", 11],
                ["fx.txt", 2004, "constituency_pct", "Busan", "Uri", "0.0", 11],
                ["fx.txt", 2004, "constituency_seats", "Busan", "GNP", "1", 11],
                ["fx.txt", 2004, "constituency_pct", "Busan", "GNP", "51.0", 11],
                ["fx.txt", 2004, "constituency_seats", "Busan", "Ind.", "0", 11],
                ["fx.txt", 2004, "constituency_seats", "Busan", "Total seats", "1", 11],
                ["fx.txt", 2004, "constituency_seats", "Jeju", "Uri", "0", 12],
                ["fx.txt", 2004, "constituency_seats", "Jeju", "GNP", "0", 12],
                ["fx.txt", 2004, "constituency_seats", "Jeju", "Ind.", "240", 12],
                ["fx.txt", 2004, "constituency_seats", "Jeju", "Total seats", "240", 12],
                ["fx.txt", 2004, "constituency_seats", "Total", "Uri", "1", 12],
                ["fx.txt", 2004, "constituency_seats", "Total", "GNP", "2", 12],
                ["fx.txt", 2004, "constituency_seats", "Total", "Ind.", "240", 12],
                ["fx.txt", 2004, "constituency_seats", "Total", "Total seats", "243", 12],
                ["fx.txt", 2004, "list_pct", "Seoul", "GNP", "46.1", 20],
                ["fx.txt", 2004, "list_pct", "Seoul", "Uri", "53.9", 20],
                ["fx.txt", 2004, "list_pct", "Seoul", "Other", "0.0", 20],
                ["fx.txt", 2004, "prose", "election", "date", "15 April 2004", 30],
                ["fx.txt", 2004, "prose", "Uri Party in Seoul", "won", "1", 31],
                ["fx.txt", 2004, "prose", "Uri Party in Seoul", "of", "2", 31],
            ],
        ),
        "polling_2020.csv.gz": (
            [
                "province",
                "district",
                "sigungu",
                "emd",
                "station",
                "category",
                "party_ko",
                "name_ko",
                "count",
            ],
            [
                *station("청운효자동", "제1투표소", 100, 60, (30, 28), 2),
                *station("청운효자동", "관내사전투표", 20, 20, (10, 10), 0),
            ],
        ),
    }


def fill(tables: dict[str, tuple[list[str], Rows]], year: int, count: int) -> None:
    """Add ``count`` uncontested Jeju districts, each won by an independent."""
    for i in range(count):
        did = f"{year}:jeju:채움{i}"
        tables["districts.csv"][1].append(
            [year, did, "jeju", f"채움{i}", "", "", "", "", "", "true", PRIMARY]
        )
        tables["candidates.csv"][1].append([year, did, 1, f"채{i}", "무소속", ""])
        tables["winners.csv"][1].append(
            [year, did, "jeju", f"채움{i}", f"채{i}", "", "무소속", "", "", PRIMARY, ""]
        )


def station(
    emd: str, name: str, electorate: int, ballots: int, votes: tuple[int, int], invalid: int
) -> Rows:
    """The rows of one 2020 station in 종로구 (two candidates)."""
    head = ["seoul", "종로구", "", emd, name]
    return [
        [*head, "선거인수", "", "", electorate],
        [*head, "투표수", "", "", ballots],
        [*head, "더불어민주당 가나", "더불어민주당", "가나", votes[0]],
        [*head, "미래통합당 다라", "미래통합당", "다라", votes[1]],
        [*head, "계", "", "", sum(votes)],
        [*head, "무표투표수", "", "", invalid],
        [*head, "기권수", "", "", electorate - ballots],
    ]


Change = Callable[[dict[str, tuple[list[str], Rows]]], None]


def write_folder(folder: Path, tables: dict[str, tuple[list[str], Rows]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with resources.as_file(resources.files("korelect") / "data" / "provinces.csv") as path:
        shutil.copy(path, folder / "provinces.csv")
    for name, (header, rows) in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        data = buffer.getvalue().encode("utf-8")
        if name.endswith(".gz"):
            data = gzip.compress(data, mtime=0)
        (folder / name).write_bytes(data)


def make_folder(tmp_path: Path, change: Change | None = None) -> Dataset:
    """The fixture, with official seats as computed, then ``change`` applied."""
    tables = base_tables()
    fill(tables, 2004, 243 - 3)
    fill(tables, 2020, 253 - 1)
    write_folder(tmp_path / "probe", tables)
    from korelect.record.election import results

    probe = Dataset(tmp_path / "probe")
    for year in (2004,):
        r = results(year, data=probe)
        tables["official_seats.csv"][1].extend(
            [
                year,
                p.info.name_ko,
                p.info.name_en,
                p.district_seats,
                p.list_seats,
                p.total_seats,
                f"{float(p.vote_share * 100):.2f}",
                "",
                "test",
            ]
            for p in r.parties
        )
    if change is not None:
        change(tables)
    folder = tmp_path / "data"
    write_folder(folder, tables)
    return Dataset(folder)


def checks(found: tuple[Finding, ...]) -> set[str]:
    return {f.check for f in found}


def test_consistent_fixture_has_no_findings(tmp_path: Path) -> None:
    data = make_folder(tmp_path)
    assert audit(data=data) == ()


def set_cell(rows: Rows, match: Callable[[list[object]], bool], column: int, value: object) -> None:
    hits = [r for r in rows if match(r)]
    assert len(hits) == 1, hits
    hits[0][column] = value


def test_candidates_vs_valid_votes(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        set_cell(t["candidates.csv"][1], lambda r: r[3] == "을일", 5, 280)

    found = audit(2004, data=make_folder(tmp_path, change))
    sums = [f for f in found if f.check == CANDIDATES_VALID]
    assert [f.where for f in sums] == ["2004:seoul:종로구"]
    assert "580" in sums[0].ours
    assert "590" in sums[0].theirs
    assert NEC17 in sums[0].sources


def test_valid_invalid_ballots_and_electorate(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        set_cell(t["districts.csv"][1], lambda r: r[1] == "2004:seoul:중구", 7, 6)
        set_cell(t["districts.csv"][1], lambda r: r[1] == "2004:busan:중구", 8, 301)

    found = audit(2004, data=make_folder(tmp_path, change))
    assert [f.where for f in found if f.check == VALID_BALLOTS] == ["2004:seoul:중구"]
    assert [f.where for f in found if f.check == BALLOTS_ELECTORATE] == ["2004:busan:중구"]


def test_declared_winner_and_votes(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["winners.csv"][1]
        set_cell(rows, lambda r: r[4] == "갑삼", 8, 251)
        set_cell(rows, lambda r: r[4] == "갑일", 4, "을일")
        set_cell(rows, lambda r: r[4] == "을일", 6, "열린우리당")
        set_cell(rows, lambda r: r[4] == "을일", 8, 290)

    found = audit(2004, data=make_folder(tmp_path, change))
    declared = [f for f in found if f.check == DECLARED]
    assert [f.where for f in declared] == ["2004:seoul:종로구"]
    assert "갑일" in declared[0].ours
    assert "을일" in declared[0].theirs
    votes = [f for f in found if f.check == WINNER_VOTES]
    assert [f.where for f in votes] == ["2004:busan:중구"]
    assert "250" in votes[0].ours
    assert "251" in votes[0].theirs


def test_second_declaration(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["winners.csv"][1]
        rows.append(
            [
                2004,
                "2004:seoul:종로구",
                "seoul",
                "종로구",
                "갑일",
                "",
                "열린우리당",
                "1950-01-01",
                300,
                SECOND_SOURCE,
                "",
            ]
        )
        rows.append(
            [
                2004,
                "2004:seoul:중구",
                "seoul",
                "중구",
                "을이",
                "",
                "열린우리당",
                "1950-01-01",
                300,
                SECOND_SOURCE,
                "",
            ]
        )

    found = audit(2004, data=make_folder(tmp_path, change))
    second = [f for f in found if f.check == SECOND and "채움" not in f.where]
    assert [f.where for f in second] == ["2004:busan:중구", "2004:seoul:종로구"]
    # the filler districts too are declared by the first source only
    assert len([f for f in found if f.check == SECOND]) == 2 + 240
    assert "none" in second[0].theirs
    assert "한나라당" in second[1].ours
    assert "열린우리당" in second[1].theirs
    assert second[1].note == "a different party"


def test_second_declaration_with_by_election_members_and_birth_dates(tmp_path: Path) -> None:
    """A second source may list a by-election successor beside the winner: no finding then;
    the winner's birth date is compared, and a different one is a finding of its own."""

    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["winners.csv"][1]
        first = next(r for r in rows if r[4] == "갑일")
        second = next(r for r in rows if r[4] == "갑삼")
        did, did2, party = first[1], second[1], first[6]
        rows.append(
            [2004, did, "seoul", "종로구", "갑일", "", party, "1950-02-14", "", LEGISLATORS, ""]
        )
        rows.append(
            [2004, did, "seoul", "종로구", "후임", "", party, "1960-01-01", "", LEGISLATORS, ""]
        )
        rows.append(
            [2004, did2, "busan", "중구", "남남", "", party, "1950-01-01", "", LEGISLATORS, ""]
        )

    found = audit(2004, data=make_folder(tmp_path, change))
    mine = [f for f in found if LEGISLATORS in f.sources and "채움" not in f.where]
    births = [f for f in mine if f.check == WINNER_BIRTH]
    assert len(births) == 1
    assert births[0].ours.endswith("갑일 born 1950-01-01")
    assert births[0].theirs.endswith("born 1950-02-14")
    assert births[0].note.startswith("44 days apart (a lunar and a solar calendar date?)")
    second = [f for f in mine if f.check == SECOND]
    # 종로구 agrees (its winner is listed, with a successor); busan 중구 names someone else;
    # seoul 중구 is declared by the first source only.
    assert [(f.where.split(":", 1)[1], f.note) for f in second] == [
        ("busan:중구", "a different person"),
        ("seoul:중구", "a winner declared by one source only"),
    ]
    assert "남남" in second[0].theirs


def test_second_declarations_in_the_shipped_data() -> None:
    """assemblykor beside krvote for 2016 and 2020: the contradictions found in the files."""
    found = audit(2016) + audit(2020)
    births = {f.where: f for f in found if f.check == WINNER_BIRTH}
    assert len(births) == 12
    assert "1962-06-02" in births["2016:gyeonggi:양주시"].ours
    assert "1961-09-10" in births["2016:gyeonggi:양주시"].theirs
    assert births["2020:jeonnam:고흥군보성군장흥군강진군"].note.startswith("the same day, 1 year")
    second = {f.where: f for f in found if f.check == SECOND}
    assert set(second) == {
        "2016:gyeongbuk:경산시",
        "2020:incheon:동구미추홀구을",
        "2020:seoul:강남구갑",
    }
    assert "태영호" in second["2020:seoul:강남구갑"].theirs
    assert second["2020:incheon:동구미추홀구을"].note == "a different party"


def test_2012_stations_agree_with_the_district_counts() -> None:
    """krvote's 2012 stations against nec-history's districts: only R's name repair differs."""
    checks = (STATION_SUM, STATION_BALLOTS, STATION_ELECTORATE, STATION_DISTRICT, STATION_WINNER)
    found = [f for f in audit(2012) if f.check in checks]
    assert [(f.check, f.where) for f in found] == [
        (STATION_DISTRICT, "2012:busan:해운대구기장군을")
    ]
    assert found[0].note.startswith("R's name repair: 8 columns for 4 candidates")
    assert found[0].theirs == "candidates.csv: 하태경, 유창열, 구자상, 최현돌"


def test_2016_stations_agree_with_the_district_counts() -> None:
    """krvote's 2016 stations (keyed by 구시군) against nec-history's districts: all agree."""
    checks = (STATION_SUM, STATION_BALLOTS, STATION_ELECTORATE, STATION_DISTRICT, STATION_WINNER)
    assert [f for f in audit(2016) if f.check in checks] == []
    kinds = [f.where for f in audit(2016) if f.check == STATION_KIND]
    assert kinds == [
        "2016 stations of kind 잘못 투입·구분된 투표지",
        "2016 stations of kind 관내사전투표",
    ]


def test_winners_vote_shares_follow_each_years_convention(tmp_path: Path) -> None:
    """krvote prints 득표율 half up (1988-1996), truncated (2000-2016) or rounded to three
    decimals and then truncated (2020); one 1992 row breaks its year's convention."""
    found = [f for f in audit() if f.check == WINNER_PCT]
    assert [f.where for f in found] == ["1992:gyeonggi:양평군·가평군"]
    assert found[0].theirs == "declared: 50.36%"
    assert found[0].note.startswith("printed with 2 decimals; the year's shares are rounded half")
    # A share off by one in the last printed decimal is found.
    folder = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("korelect") / "data")), folder)
    path = folder / "winners.csv"
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("2016,2016:seoul:종로구,"))
    assert row.endswith(",52.6")
    path.write_text(text.replace(row, row[: -len("52.6")] + "52.7"), encoding="utf-8")
    changed = [f for f in audit(2016, data=Dataset(folder)) if f.check == WINNER_PCT]
    assert [f.where for f in changed] == ["2016:seoul:종로구"]
    assert "52.62" in changed[0].ours or "52.6" in changed[0].ours
    assert changed[0].note.startswith("neither rounded nor truncated from the counts")


def test_2012_station_change_is_found(tmp_path: Path) -> None:
    """One changed vote in the shipped 2012 stations makes its district disagree."""
    folder = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("korelect") / "data")), folder)
    path = folder / "polling_2012.csv.gz"
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if ",종로구,," in line and "정세균" in line)
    cells = lines[at].rstrip("\n").split(",")
    cells[-1] = str(int(cells[-1]) + 1)
    lines[at] = ",".join(cells) + "\n"
    path.write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    found = [
        f for f in audit(2012, data=Dataset(folder)) if f.where.startswith("2012:seoul:종로구")
    ]
    assert {f.check for f in found} == {STATION_SUM, STATION_DISTRICT, STATION_WINNER}
    district = [f.ours for f in found if f.check == STATION_DISTRICT]
    assert any(o.startswith("stations: 정세균 (") for o in district)


def test_list_province_vs_sigungu(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["list_votes.csv"][1]
        set_cell(
            rows, lambda r: r[1] == "busan" and r[2] == "sigungu" and r[4] == "열린우리당", 5, 191
        )
        set_cell(
            t["list_turnout.csv"][1], lambda r: r[1] == "seoul" and r[2] == "province", 4, 2001
        )

    found = audit(2004, data=make_folder(tmp_path, change))
    province = [f for f in found if f.check == LIST_PROVINCE]
    wheres = [f.where for f in province]
    assert "2004:busan list votes, 열린우리당" in wheres
    assert "2004:seoul list turnout, electorate" in wheres
    busan = province[wheres.index("2004:busan list votes, 열린우리당")]
    assert "191" in busan.ours
    assert "190" in busan.theirs
    valid = [f for f in found if f.check == LIST_VALID]
    assert [f.where for f in valid] == ["2004:busan:중구 list"]
    assert [f.where for f in found if f.check == LIST_TURNOUT] == [
        "2004:seoul (province total) list"
    ]


def test_official_table(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["official_seats.csv"][1]
        set_cell(rows, lambda r: r[1] == "한나라당", 3, 3)
        set_cell(rows, lambda r: r[1] == "열린우리당", 6, "49.99")
        set_cell(rows, lambda r: r[1] == "열린우리당", 7, "47.00")

    found = audit(2004, data=make_folder(tmp_path, change))
    seats = [f for f in found if f.check == OFFICIAL_SEATS]
    assert [(f.ours, f.theirs) for f in seats] == [("district seats 2", "district seats 3")]
    assert seats[0].where == "national table: 한나라당 (Grand National Party)"
    pct = {f.where.rsplit(", ", 1)[1]: f for f in found if f.check == OFFICIAL_PCT}
    assert pct["list vote %"].theirs == "49.99"
    assert pct["constituency vote %"].theirs == "47.00"
    assert pct["constituency vote %"].ours == "37.46% (590 of 1,575 valid votes)"


def test_seed_numbers(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["seed_tables.csv"][1]
        set_cell(rows, lambda r: r[2:5] == ["constituency_seats", "Seoul", "GNP"], 5, "2")
        set_cell(rows, lambda r: r[2:5] == ["constituency_pct", "Busan", "GNP"], 5, "51.1")
        set_cell(rows, lambda r: r[2:5] == ["turnout", "constituency", "pct"], 5, "57.15")
        set_cell(rows, lambda r: r[2:5] == ["prose", "election", "date"], 5, "16 April 2004")
        set_cell(
            rows, lambda r: r[2:5] == ["infobox", "election", "Election Date"], 5, "14 April 2004"
        )

    found = audit(2004, data=make_folder(tmp_path, change))
    by = {(f.check, f.where): f for f in found}
    seats = by[(SEED_SEATS, "constituency_seats table, Seoul, GNP")]
    assert seats.ours.startswith("1 ")
    assert seats.theirs == "2"
    assert "fx.txt, line 10" in seats.sources
    assert (SEED_SUMS, "constituency_seats table, Seoul") in by
    assert (SEED_SUMS, "constituency_seats table, column GNP") in by
    pct = by[(SEED_PCT, "constituency_pct table, Busan, GNP")]
    assert pct.ours.startswith("51.0 ")
    assert pct.theirs == "51.1"
    assert by[(SEED_TURNOUT, "infobox: turnout (constituency ballot)")].theirs == "57.15"
    assert by[(SEED_PROSE, "prose: election date")].theirs == "16 April 2004"
    assert by[(SEED_INFOBOX, "infobox: election date")].theirs == "14 April 2004"
    assert len(found) == 7


def test_polling_station_arithmetic(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["polling_2020.csv.gz"][1]
        set_cell(rows, lambda r: r[4] == "제1투표소" and r[5] == "계", 8, 57)
        set_cell(rows, lambda r: r[4] == "관내사전투표" and r[5] == "기권수", 8, 1)

    found = audit(2020, data=make_folder(tmp_path, change))
    by = {f.check: f for f in found}
    assert by[STATION_SUM].where == "2020:seoul:종로구 청운효자동 제1투표소"
    assert by[STATION_SUM].ours == "sum of 2 candidates 58"
    assert by[STATION_SUM].theirs == "계 57"
    assert "line " in by[STATION_SUM].sources
    assert by[STATION_BALLOTS].theirs == "투표수 60"
    assert by[STATION_ELECTORATE].where == "2020:seoul:종로구 청운효자동 관내사전투표"
    district = [f for f in found if f.check == STATION_DISTRICT]
    assert {f.ours for f in district} == {"stations: valid votes 77", "stations: abstentions 41"}


def test_polling_kinds_are_aggregated(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        rows = t["polling_2020.csv.gz"][1]
        misplaced = "잘못 투입·구분된 투표지"
        for i in range(3):
            extra = station(misplaced, misplaced, 0, 1, (1, 0), 0)
            for r in extra:
                r[2] = f"구{i}"  # one row of this kind per sigungu
            rows.extend(extra)
        rows.extend(station("사직동", "제2투표소", 5, 6, (3, 3), 0))  # an ordinary station
        districts = t["districts.csv"][1]
        for column, value in ((4, 125), (5, 89), (6, 87), (8, 36)):
            set_cell(districts, lambda r: r[1] == "2020:seoul:종로구", column, value)
        cands = t["candidates.csv"][1]
        set_cell(cands, lambda r: r[3] == "가나", 5, 46)
        set_cell(cands, lambda r: r[3] == "다라", 5, 41)
        set_cell(t["winners.csv"][1], lambda r: r[4] == "가나", 8, 46)

    found = audit(2020, data=make_folder(tmp_path, change))
    kinds = [f for f in found if f.check == STATION_KIND]
    assert len(kinds) == 2
    ordinary = next(f for f in kinds if "제2투표소" in f.where)
    assert ordinary.ours == "투표수 6"
    assert ordinary.theirs == "선거인수 5"
    grouped = next(f for f in kinds if "잘못 투입" in f.where)
    assert grouped.ours.startswith("3 of 3 rows")
    assert "not an error" in grouped.note
    assert [f.check for f in found] == [STATION_KIND, STATION_KIND]


def test_polling_declared_winner_votes(tmp_path: Path) -> None:
    def change(t: dict[str, tuple[list[str], Rows]]) -> None:
        set_cell(t["winners.csv"][1], lambda r: r[4] == "가나", 8, 41)

    found = audit(2020, data=make_folder(tmp_path, change))
    winner = [f for f in found if f.check == STATION_WINNER]
    assert len(winner) == 1
    assert winner[0].ours == "stations: 가나 40"
    assert winner[0].theirs == "declared: 가나 41"
    assert WINNER_VOTES in checks(found)
