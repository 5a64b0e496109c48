"""The two crawls of the NEC count: the second crawl shipped beside the first, and the audit.

``crawl_districts.csv`` and ``crawl_candidates.csv.gz`` hold, for 1948–2020, the crawl that is
not the shipped count's source (nec-history for 1948–1985, polis-korea for 1988–2020), built by
``scripts/build_crawls.py``; ``korelect audit`` compares the two (the ``crawls: ...`` checks of
:mod:`korelect.analysis.audit.crawls`). The figures pinned here are those docs/DATA.md states.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from korelect.analysis.audit import (
    CHECKS,
    CRAWL_BALLOTS,
    CRAWL_CANDIDATE,
    CRAWL_DISTRICT,
    CRAWL_ELECTORATE,
    CRAWL_INVALID,
    CRAWL_NAME,
    CRAWL_PARTY,
    CRAWL_VALID,
    CRAWL_VOTES,
    CRAWL_WINNER,
    CRAWL_WINNER_PARTY,
    audit,
)
from korelect.analysis.audit.common import AuditContext
from korelect.analysis.audit.crawls import Person, check_crawls, pair_candidates, winners
from korelect.cli import main
from korelect.record.data import Dataset, dataset
from korelect.record.findings import Finding

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
NEC = "nec-history/assembly-counting_vote-{n}.0.json"
CRAWLS = (CRAWL_DISTRICT, CRAWL_WINNER, CRAWL_WINNER_PARTY, CRAWL_CANDIDATE, CRAWL_NAME)
CRAWLS += (CRAWL_VOTES, CRAWL_PARTY, CRAWL_ELECTORATE, CRAWL_BALLOTS, CRAWL_VALID, CRAWL_INVALID)

#: year: (the second crawl, its districts, those matched to a shipped district, shipped ones)
MATCHED = {
    1948: ("nec-history", 188, 186, 197),
    1950: ("nec-history", 209, 206, 206),
    1954: ("nec-history", 202, 202, 203),
    1958: ("nec-history", 225, 225, 233),
    1960: ("nec-history", 233, 233, 233),
    1963: ("nec-history", 131, 131, 131),
    1967: ("nec-history", 131, 131, 131),
    1971: ("nec-history", 153, 153, 153),
    1973: ("nec-history", 71, 71, 73),
    1978: ("nec-history", 77, 77, 77),
    1981: ("nec-history", 91, 91, 92),
    1985: ("nec-history", 92, 92, 92),
    1988: ("polis-korea", 224, 224, 224),
    1992: ("polis-korea", 237, 237, 237),
    1996: ("polis-korea", 253, 253, 253),
    2000: ("polis-korea", 227, 227, 227),
    2004: ("polis-korea", 243, 243, 243),
    2008: ("polis-korea", 245, 245, 245),
    2012: ("polis-korea", 246, 246, 246),
    2016: ("polis-korea", 253, 253, 253),
    2020: ("polis-korea", 253, 253, 253),
}

#: check: {year: findings}, as measured (docs/DATA.md, "The two crawls").
FINDINGS = {
    CRAWL_DISTRICT: {1948: 13, 1950: 3, 1954: 1, 1958: 8, 1973: 2, 1981: 1},
    CRAWL_WINNER: {1948: 1, 1950: 1, 1992: 1, 1996: 3, 2000: 1},
    CRAWL_WINNER_PARTY: {1950: 1, 1963: 2, 1985: 2},
    CRAWL_CANDIDATE: {
        1948: 1,
        1950: 21,
        1954: 14,
        1958: 12,
        1971: 15,
        1978: 2,
        1981: 2,
        1985: 1,
        1988: 4,
        1992: 4,
        1996: 1,
    },
    CRAWL_NAME: {1948: 2, 1950: 3, 1954: 2, 1958: 3, 1960: 1, 1971: 1, 1985: 1, 1988: 1},
    CRAWL_VOTES: {1948: 12, 1954: 2, 1971: 1, 1973: 3, 1978: 6, 1992: 3, 1996: 19, 2000: 4},
    CRAWL_PARTY: {1960: 1, 1963: 3, 1967: 2, 1971: 1, 1973: 2, 1978: 1, 1985: 3, 2016: 8},
    CRAWL_ELECTORATE: {1971: 20, 1973: 70, 1978: 41, 1981: 37, 1985: 29, 1988: 176},
    CRAWL_BALLOTS: {1971: 19, 1973: 2, 1978: 3},
    CRAWL_VALID: {1950: 1, 1978: 2},
    CRAWL_INVALID: {1971: 2, 1973: 15, 1978: 11, 1981: 9, 1985: 21, 1988: 30},
}

needs_shared = pytest.mark.skipif(
    not (SHARED / "data").is_dir(), reason="../shared is not beside the checkout"
)


@pytest.fixture(scope="module")
def found() -> tuple[Finding, ...]:
    return tuple(f for f in audit() if f.check in CRAWLS)


def one(found: tuple[Finding, ...], check: str, where: str, text: str = "") -> Finding:
    """The one finding of ``check`` at ``where`` (whose ours or theirs mention ``text``)."""
    hits = [f for f in found if f.check == check and f.where == where and text in f.ours + f.theirs]
    assert len(hits) == 1, (check, where, text, hits)
    return hits[0]


# -- the build ------------------------------------------------------------------------------------


def shipped(name: str) -> bytes:
    return (resources.files("korelect") / "data" / name).read_bytes()


@needs_shared
def test_build_reproduces_the_shipped_crawl_tables(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_crawls.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("crawl_districts.csv", "crawl_candidates.csv.gz"):
        assert (tmp_path / name).read_bytes() == shipped(name), name


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_crawls", ROOT / "scripts/build_crawls.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def test_district_names_are_read_apart(build: ModuleType) -> None:
    assert build.parts("제16선거구(개농군)") == (16, "개농군", frozenset({"개농군"}))
    assert build.parts("제1(광주시 동구.북구)")[:2] == (1, "광주시동구북구")
    assert build.parts("제1지역선거구") == (1, "", frozenset())
    assert build.parts("성동구갑.성동구을")[2] == {"성동구갑", "성동구을"}
    assert build.parts("포천군·연천군")[2] == build.parts("연천군·포천군")[2]


def test_crawl_tables_have_their_columns_and_are_gzipped_where_large() -> None:
    text = shipped("crawl_districts.csv").decode("utf-8")
    assert text.splitlines()[0] == (
        "year,district_id,province,name_ko,electorate,ballots_cast,valid_votes,invalid_votes,source"
    )
    raw = gzip.decompress(shipped("crawl_candidates.csv.gz")).decode("utf-8")
    assert raw.splitlines()[0] == (
        "year,district_id,province,district_ko,ballot_order,name_ko,party_ko,votes,source"
    )
    assert len(shipped("crawl_districts.csv")) < 1_000_000
    assert len(raw.encode("utf-8")) > 1_000_000  # hence gzipped


@pytest.mark.parametrize("year", MATCHED)
def test_matched_districts_per_year(year: int) -> None:
    crawl, rows, matched, count = MATCHED[year]
    data = dataset()
    districts = data.crawl_districts(year)
    assert {d.source.split("/")[0] for d in districts} == {crawl}
    assert len(districts) == rows
    ids = [d.district_id for d in districts if d.district_id]
    assert len(ids) == matched
    assert len(set(ids)) == matched  # each shipped district matched at most once
    assert set(ids) <= {d.district_id for d in data.districts(year)}
    assert len(data.districts(year)) == count
    people = data.crawl_candidates(year)
    assert {(c.province, c.district_ko) for c in people} <= {
        (d.province, d.name_ko) for d in districts
    }
    assert {c.district_id for c in people} == {d.district_id for d in districts}


def test_no_crawl_for_2024() -> None:
    assert dataset().crawl_districts(2024) == ()
    assert dataset().crawl_candidates(2024) == ()


def test_spellings_of_the_same_district_are_matched() -> None:
    data = dataset()
    by_name = {(d.year, d.name_ko): d.district_id for d in data.crawl_districts(1948)}
    # nec-history's typo 개농군 for polis-korea's 개풍군
    assert by_name[1948, "제16선거구(개농군)"] == "1948:gyeonggi:제16선거구(개풍군)"
    # 1958: nec-history numbers its districts; polis-korea's second 진안군 is 금산군 here
    jeonbuk = {
        d.name_ko: d.district_id for d in data.crawl_districts(1958) if d.province == "jeonbuk"
    }
    assert jeonbuk["제8선거구"] == "1958:jeonbuk:금산군"
    names = {
        c.name_ko for c in data.crawl_candidates(1958) if c.district_id == "1958:jeonbuk:금산군"
    }
    assert names == {"유진산", "오승근"}
    # 1988: the same areas in another order
    order = {d.name_ko: d.district_id for d in data.crawl_districts(1988)}
    assert order["연천군·포천군"] == "1988:gyeonggi:포천군·연천군"


def test_unknown_figures_are_null() -> None:
    data = dataset()
    first = data.crawl_districts(1948)[0]
    assert (first.electorate, first.ballots_cast, first.valid_votes) == (None, None, 65478)
    assert first.invalid_votes is None  # 0 with unknown ballots
    # the uncontested 동대문갑: both candidates at 0 in nec-history, no count
    people = [c for c in data.crawl_candidates(1948) if c.district_ko == "제4선거구(동대문갑구)"]
    assert [(c.name_ko, c.votes) for c in people] == [("이승만", None), ("최능진", None)]
    # names lose their spaces: nec-history writes 장   면
    assert "장면" in {c.name_ko for c in data.crawl_candidates(1948)}


# -- the audit: counts ----------------------------------------------------------------------------


def test_crawl_checks_are_in_report_order() -> None:
    positions = [CHECKS.index(c) for c in CRAWLS]
    assert positions == sorted(positions)
    assert positions == list(range(positions[0], positions[0] + len(CRAWLS)))


def test_findings_per_check_and_year(found: tuple[Finding, ...]) -> None:
    counted = Counter((f.check, f.year) for f in found)
    measured = {check: {y: counted[check, y] for y in sorted(MATCHED)} for check in CRAWLS}
    expected = {check: {y: FINDINGS[check].get(y, 0) for y in sorted(MATCHED)} for check in CRAWLS}
    assert measured == expected
    assert len(found) == 690


def test_every_finding_names_both_sources_and_figures(found: tuple[Finding, ...]) -> None:
    for f in found:
        assert f.ours.split(":")[0] in ("polis-korea", "nec-history", "krvote"), f
        assert f.theirs.split(":")[0] in ("polis-korea", "nec-history"), f
        assert f.ours.split(":")[0] != f.theirs.split(":")[0], f
        assert len(f.sources.split("; ")) == 2, f
        assert f.where.startswith(f"{f.year}:"), f


# -- the audit: known contradictions --------------------------------------------------------------


def test_1973_electorates_differ_systematically(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_ELECTORATE, "1973:seoul:제1선거구(종로구·중구)")
    assert f.ours == "polis-korea: electorate 190,197"
    assert f.theirs == "nec-history: electorate 184,673"
    assert "polis-korea/data/results/9th-general-1973.json" in f.sources
    assert NEC.format(n=9) in f.sources
    assert "systematic" in f.note
    assert "70 of the 71 districts of 1973" in f.note
    assert "nec-history's are lower in all 70" in f.note
    # not systematic where fewer than half differ
    f = one(found, CRAWL_ELECTORATE, "1981:busan:제2선거구(서구)")
    assert "37 of the 91 districts of 1981" in f.note
    assert "systematic" not in f.note


def test_1988_polis_electorates_are_all_higher(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_ELECTORATE, "1988:seoul:종로구")
    assert (f.ours, f.theirs) == (
        "nec-history: electorate 171,710",
        "polis-korea: electorate 175,660",
    )
    assert "polis-korea's are higher in all 176" in f.note


def test_invalid_votes_equal_to_valid_votes_are_named(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_INVALID, "1973:seoul:제2선거구(동대문구)")
    assert (f.ours, f.theirs) == (
        "polis-korea: invalid votes 270,841",
        "nec-history: invalid votes 2,829",
    )
    assert "polis-korea's equal its valid votes" in f.note
    assert "nec-history's are its ballots cast minus its valid votes" in f.note
    # polis-korea's 0 invalid votes are a figure it lacks: not compared
    zero = [d for d in dataset().districts(1973) if d.invalid_votes == 0]
    assert zero
    assert not {d.district_id for d in zero} & {f.where for f in found if f.check == CRAWL_INVALID}


def test_1971_ballots_fewer_than_valid_votes(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_BALLOTS, "1971:gyeongnam:마산시")
    assert (f.ours, f.theirs) == (
        "polis-korea: ballots cast 69,885",
        "nec-history: ballots cast 64,605",
    )
    assert "nec-history's are fewer than its valid votes" in f.note


def test_1958_jeju_one_name_spelled_two_ways(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_NAME, "1958:jeju:제주시")
    assert f.ours.startswith("polis-korea: 고담룡")
    assert f.theirs == "nec-history: 고담용 (민주당) 10,252"
    assert "one letter" in f.note
    # the same person wins in both: no winner finding; polis-korea lists the winner alone
    assert not [g for g in found if g.check == CRAWL_WINNER and g.where == "1958:jeju:제주시"]
    others = [g for g in found if g.check == CRAWL_CANDIDATE and g.where == "1958:jeju:제주시"]
    assert len(others) == 3
    assert all("no count for the district in polis-korea" in g.note for g in others)
    assert one(found, CRAWL_NAME, "1960:jeju:제주시").theirs == "nec-history: 고담용 (민주당) 7,905"


def test_districts_in_one_crawl_only(found: tuple[Finding, ...]) -> None:
    jeju = one(found, CRAWL_DISTRICT, "1948:jeju:북제주군갑")
    assert jeju.ours == "polis-korea: no such district"
    assert jeju.theirs == "nec-history: 7 candidates, 홍순영 (대한독립촉성국민회) first with 9,664"
    assert "no district of jeju in 1948" in jeju.note
    assert "양병직" in one(found, CRAWL_DISTRICT, "1948:jeju:북제주군을").theirs
    assert {f.where for f in found if f.check == CRAWL_DISTRICT and f.year == 1950} == {
        "1950:jeju:북제주군갑",
        "1950:jeju:북제주군을",
        "1950:jeju:남제주군",
    }
    lacking = [
        f for f in found if f.check == CRAWL_DISTRICT and f.year == 1948 and "jeju" not in f.where
    ]
    assert len(lacking) == 11
    assert all(f.theirs == "nec-history: no such district" for f in lacking)
    assert all("lacks 11 of the 12 uncontested districts of 1948" in f.note for f in lacking)
    shown = one(found, CRAWL_DISTRICT, "1948:gyeonggi:제6선거구(광주군)")
    assert shown.ours == "polis-korea: uncontested, 신익희 elected without a vote"
    # the 12th, listed by nec-history with a second candidate
    f = one(found, CRAWL_CANDIDATE, "1948:seoul:제4선거구(동대문갑구)")
    assert f.theirs == "nec-history: 최능진 (무소속)"
    # SOURCES.md: polis includes uncontested districts that nec-history lacks
    assert {f.where for f in found if f.check == CRAWL_DISTRICT and f.year in (1973, 1981)} == {
        "1973:gyeonggi:제8선거구(연천군·포천군·가평군·양평군)",
        "1973:gyeongnam:제5선거구(의령군·함안군·합천군)",
        "1981:busan:제6선거구(북구)",
    }


def test_1954_jeju_winners_listed_alone(found: tuple[Finding, ...]) -> None:
    there = [f for f in found if f.year == 1954 and f.where.startswith("1954:jeju:")]
    assert {f.check for f in there} == {CRAWL_CANDIDATE}
    assert len(there) == 6 + 4 + 4
    assert all(f.ours == "polis-korea: no such candidate" for f in there)


def test_different_winners(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_WINNER, "1996:daegu:달서구갑")
    assert f.ours == "nec-history: winner 김은집 (무당파국민연합) 32,057"
    assert f.theirs == "polis-korea: winner 박종근 (자유민주연합) 32,057"
    assert "박종근: 0 in nec-history, 32,057 in polis-korea" in f.note
    votes = one(found, CRAWL_VOTES, "1996:daegu:달서구갑", "박종근")
    assert "7,914 short of the valid votes in nec-history" in votes.note
    assert "add up to the valid votes in polis-korea" in votes.note
    f = one(found, CRAWL_WINNER, "1950:jeonbuk:제1선거구(전주시)")
    assert "박정근: 5,628 in polis-korea, not a candidate in nec-history" in f.note


def test_votes_given_to_other_candidates(found: tuple[Finding, ...]) -> None:
    f = one(found, CRAWL_VOTES, "1954:gyeongbuk:포항시", "강주석")
    assert (f.ours, f.theirs) == (
        "polis-korea: 강주석 (무소속) 1,642",
        "nec-history: 강주석 (무소속) 0",
    )
    assert "the same figures, given to other candidates" in f.note


def test_2000_guro_gap_is_found_in_the_other_crawl(found: tuple[Finding, ...]) -> None:
    """docs/DATA.md: 2000 서울 구로구갑, 김기선 at 0 with a gap of 2,248."""
    f = one(found, CRAWL_VOTES, "2000:seoul:구로구갑", "김기선")
    assert (f.ours, f.theirs) == (
        "nec-history: 김기선 (민주국민당) 0",
        "polis-korea: 김기선 (민주국민당) 1,183",
    )
    assert "shifted by one place: in nec-history's order (김기선 … 허용만)" in f.note
    assert "are 2,248 short of the valid votes in nec-history" in f.note


def test_counts_shifted_by_one_place(found: tuple[Finding, ...]) -> None:
    shifted = {f.where for f in found if f.check == CRAWL_VOTES and "shifted" in f.note}
    assert shifted == {
        "1948:gyeongnam:제17선거구(김해군 갑구)",
        "1948:gyeongnam:제23선거구(고성군)",
        "1978:gyeongbuk:제8선거구(달성군·경산군·고령군)",
        "1996:daegu:달서구갑",
        "2000:seoul:구로구갑",
    }
    f = one(found, CRAWL_VOTES, "1996:daegu:달서구갑", "김은집")
    assert (
        "each candidate's votes in polis-korea are nec-history's for the candidate listed after"
        in (f.note)
    )


def test_party_year_tags_are_one_party(found: tuple[Finding, ...]) -> None:
    # polis-korea's 민주당(1991), 통합민주당(1995) and 민주당(1955) are nec-history's parties
    tagged = [f for f in found if "(19" in f.ours + f.theirs and f.check == CRAWL_PARTY]
    assert tagged == []
    f = one(found, CRAWL_WINNER_PARTY, "1963:busan:영도구")
    assert (f.ours, f.theirs) == (
        "polis-korea: 예춘호 of 민주공화당",
        "nec-history: 예춘호 of 추풍회",
    )


def test_years_where_the_crawls_agree(found: tuple[Finding, ...]) -> None:
    assert {f.year for f in found} == {y for check in FINDINGS.values() for y in check}
    for year in (2004, 2008, 2012, 2020):
        assert not [f for f in found if f.year == year]


# -- the audit on a data folder -------------------------------------------------------------------

Rows = list[list[object]]
DISTRICT = "2004:seoul:종로구"
OURS = "nec-history/assembly-counting_vote-17.0.json"
THEIRS = "polis-korea/data/results/17th-general-2004.json"


def tables() -> dict[str, tuple[list[str], Rows]]:
    """One district of 2004 in both crawls, every figure the same."""
    return {
        "elections.csv": (["year", "assembly", "date"], [[2004, 17, "2004-04-15"]]),
        "districts.csv": (
            [
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
            ],
            [[2004, DISTRICT, "seoul", "종로구", 1000, 600, 590, 10, 400, "false", OURS]],
        ),
        "candidates.csv": (
            ["year", "district_id", "ballot_order", "name_ko", "party_ko", "votes"],
            [
                [2004, DISTRICT, 1, "갑일", "한나라당", 300],
                [2004, DISTRICT, 2, "을일", "열린우리당", 290],
            ],
        ),
        "crawl_districts.csv": (
            [
                "year",
                "district_id",
                "province",
                "name_ko",
                "electorate",
                "ballots_cast",
                "valid_votes",
                "invalid_votes",
                "source",
            ],
            [[2004, DISTRICT, "seoul", "종로구", 1000, 600, 590, 10, THEIRS]],
        ),
        "crawl_candidates.csv.gz": (
            [
                "year",
                "district_id",
                "province",
                "district_ko",
                "ballot_order",
                "name_ko",
                "party_ko",
                "votes",
                "source",
            ],
            [
                [2004, DISTRICT, "seoul", "종로구", 1, "을일", "열린우리당", 290, THEIRS],
                [2004, DISTRICT, "seoul", "종로구", 2, "갑일", "한나라당", 300, THEIRS],
            ],
        ),
    }


def check(
    tmp_path: Path, change: Callable[[dict[str, tuple[list[str], Rows]]], None] | None = None
) -> list[Finding]:
    """The crawl checks on the folder of :func:`tables`, after ``change``."""
    made = tables()
    if change is not None:
        change(made)
    tmp_path.mkdir(parents=True, exist_ok=True)
    with resources.as_file(resources.files("korelect") / "data" / "provinces.csv") as path:
        shutil.copy(path, tmp_path / "provinces.csv")
    for name, (header, rows) in made.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        data = buffer.getvalue().encode("utf-8")
        (tmp_path / name).write_bytes(
            gzip.compress(data, mtime=0) if name.endswith(".gz") else data
        )
    return check_crawls(AuditContext(Dataset(tmp_path)), 2004)


def cell(table: str, row: int, column: str, value: object) -> Callable[..., None]:
    def change(made: dict[str, tuple[list[str], Rows]]) -> None:
        header, rows = made[table]
        rows[row][header.index(column)] = value

    return change


def test_no_finding_where_the_crawls_agree(tmp_path: Path) -> None:
    assert check(tmp_path) == []


def test_a_folder_without_the_crawl_tables_is_not_compared(tmp_path: Path) -> None:
    assert check(tmp_path) == []
    (tmp_path / "crawl_districts.csv").unlink()
    (tmp_path / "crawl_candidates.csv.gz").unlink()
    assert check_crawls(AuditContext(Dataset(tmp_path)), 2004) == []


@pytest.mark.parametrize("value", ["", 0])
def test_a_figure_one_crawl_lacks_is_not_a_contradiction(tmp_path: Path, value: object) -> None:
    for column in ("electorate", "ballots_cast", "valid_votes", "invalid_votes"):
        assert check(tmp_path / column, cell("crawl_districts.csv", 0, column, value)) == []


def test_a_different_figure_is_found_with_both(tmp_path: Path) -> None:
    (f,) = check(tmp_path, cell("crawl_districts.csv", 0, "electorate", 1001))
    assert (f.check, f.where) == (CRAWL_ELECTORATE, DISTRICT)
    assert (f.ours, f.theirs) == ("nec-history: electorate 1,000", "polis-korea: electorate 1,001")
    assert f.sources == f"{OURS}; {THEIRS}"
    assert f.note == "difference 1"


def test_invalid_votes_read_off_each_crawl(tmp_path: Path) -> None:
    (f,) = check(tmp_path, cell("crawl_districts.csv", 0, "invalid_votes", 590))
    assert f.check == CRAWL_INVALID
    assert "polis-korea's equal its valid votes" in f.note
    assert "nec-history's are its ballots cast minus its valid votes" in f.note


def test_other_votes_and_another_winner(tmp_path: Path) -> None:
    found = check(tmp_path, cell("crawl_candidates.csv.gz", 0, "votes", 310))
    assert [f.check for f in found] == [CRAWL_WINNER, CRAWL_VOTES]
    assert found[0].ours == "nec-history: winner 갑일 (한나라당) 300"
    assert found[0].theirs == "polis-korea: winner 을일 (열린우리당) 310"
    assert found[1].note.startswith("difference 20")


def test_a_name_spelled_two_ways(tmp_path: Path) -> None:
    (f,) = check(tmp_path, cell("crawl_candidates.csv.gz", 1, "name_ko", "갑이"))
    assert (f.check, f.ours, f.theirs) == (
        CRAWL_NAME,
        "nec-history: 갑일 (한나라당) 300",
        "polis-korea: 갑이 (한나라당) 300",
    )


def test_a_candidate_in_one_crawl_only(tmp_path: Path) -> None:
    def add(made: dict[str, tuple[list[str], Rows]]) -> None:
        made["crawl_candidates.csv.gz"][1].append(
            [2004, DISTRICT, "seoul", "종로구", 3, "병삼", "무소속", 0, THEIRS]
        )

    (f,) = check(tmp_path, add)
    assert (f.check, f.ours, f.theirs) == (
        CRAWL_CANDIDATE,
        "nec-history: no such candidate",
        "polis-korea: 병삼 (무소속) 0",
    )
    assert f.note == "nec-history lists 2 candidates here, polis-korea 3"


def test_the_winners_party(tmp_path: Path) -> None:
    (f,) = check(tmp_path, cell("crawl_candidates.csv.gz", 1, "party_ko", "열린우리당"))
    assert (f.check, f.ours, f.theirs) == (
        CRAWL_WINNER_PARTY,
        "nec-history: 갑일 of 한나라당",
        "polis-korea: 갑일 of 열린우리당",
    )
    (f,) = check(tmp_path / "b", cell("crawl_candidates.csv.gz", 0, "party_ko", "한나라당"))
    assert f.check == CRAWL_PARTY


def test_an_unmatched_district_on_each_side(tmp_path: Path) -> None:
    found = check(tmp_path, cell("crawl_districts.csv", 0, "district_id", ""))
    assert [(f.check, f.where) for f in found] == [
        (CRAWL_DISTRICT, DISTRICT),
        (CRAWL_DISTRICT, "2004:seoul:종로구"),
    ]
    assert found[0].theirs == "polis-korea: no such district"
    assert found[1].ours == "nec-history: no such district"
    assert found[1].theirs == "polis-korea: 2 candidates, 갑일 (한나라당) first with 300"


def test_pairing_namesakes_and_winners() -> None:
    a = [Person("김철수", "가당", 10), Person("김철수", "나당", 20)]
    b = [Person("김철수", "나당", 20), Person("김철수", "가당", 10)]
    pairs = pair_candidates(a, b)
    assert all(p is not None and q is not None and p.votes == q.votes for p, q, _ in pairs)
    assert winners([Person("갑", "", 5), Person("을", "", 5)], 1) is None  # a tie
    assert winners([Person("갑", "", None)], 1) is not None  # listed alone
    assert winners([Person("갑", "", 0), Person("을", "", 0)], 1) is None  # no count


# -- the command line -----------------------------------------------------------------------------


def test_audit_command_reports_the_crawls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "1973"]) == 0
    out = capsys.readouterr().out
    assert "-- crawls: electorate (70)" in out
    assert "1973:seoul:제1선거구(종로구·중구): polis-korea: electorate 190,197 | " in out
    assert "nec-history: electorate 184,673" in out
    summary = out.split("\nSummary\n", 1)[1]
    assert "crawls: electorate" in summary


def test_audit_all_includes_the_crawls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "all", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["by_check"][CRAWL_ELECTORATE] == sum(FINDINGS[CRAWL_ELECTORATE].values())
    assert record["by_year_and_check"]["1958"][CRAWL_NAME] == 3
