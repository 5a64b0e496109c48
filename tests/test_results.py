"""Whole elections from the shipped counts: every official table reproduced, seat for seat."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import korelect
from korelect.cli import main
from korelect.errors import UnknownElectionError, UnknownNameError
from korelect.record.data import dataset
from korelect.record.election import results

YEARS = (1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024)

# 2008 and 2012 have no official table in ../shared/data/official; these are the NEC results
# as published in the sources LAW.md cites for those years (S19, S20), by Korean name.
KNOWN = {
    2008: {
        "한나라당": (131, 22),
        "통합민주당": (66, 15),
        "자유선진당": (14, 4),
        "친박연대": (6, 8),
        "민주노동당": (2, 3),
        "창조한국당": (1, 2),
        "무소속": (25, 0),
    },
    2012: {
        "새누리당": (127, 25),
        "민주통합당": (106, 21),
        "통합진보당": (7, 6),
        "자유선진당": (3, 2),
        "무소속": (3, 0),
    },
    # 2020: LAW.md [S22][S23]
    2020: {
        "더불어민주당": (163, 0),
        "미래통합당": (84, 0),
        "미래한국당": (0, 19),
        "더불어시민당": (0, 17),
        "정의당": (1, 5),
        "국민의당": (0, 3),
        "열린민주당": (0, 3),
        "무소속": (5, 0),
    },
}


def expected(year: int) -> dict[str, tuple[int, int]]:
    if year in KNOWN:
        return KNOWN[year]
    rows = dataset().official_seats(year)
    return {r.party_ko: (r.district_seats, r.list_seats) for r in rows}


@pytest.mark.parametrize("year", YEARS)
def test_election_reproduced_from_the_counts(year: int) -> None:
    result = results(year)
    assert result.total_seats == korelect.rules_for(year).total_seats
    want = expected(year)
    got = {}
    for name in want:
        line = result.party(name)
        got[name] = (line.district_seats, line.list_seats)
    assert got == want
    seated = {p.info.name_ko for p in result.parties if p.total_seats}
    assert len(seated) == len(want), "no other party holds a seat"


def test_every_official_table_is_covered() -> None:
    official = {r.year for y in YEARS for r in dataset().official_seats(y)}
    assert official | set(KNOWN) == set(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_district_seats_add_up_by_province(year: int) -> None:
    result = results(year)
    assert sum(p.total_seats for p in result.provinces) == result.rules.district_seats
    per_party: dict[str, int] = defaultdict(int)
    for pl in result.provinces:
        for party, n in pl.seats.items():
            per_party[party] += n
    assert dict(per_party) == {
        p.info.party_id: p.district_seats for p in result.parties if p.district_seats
    }


def test_1996_declared_winner_stands() -> None:
    """Counts give 대구 달서구갑 to 김은집; the declared winner (ULD, 박종근) holds it."""
    result = results(1996)
    d = result.district("대구 달서구갑")
    assert d.how == "declared"
    assert d.winner_name == "박종근"
    assert d.count is not None
    assert d.count.winner.name_ko == "김은집"
    assert any(f.where == d.district.district_id for f in result.findings)


def test_unopposed_2016() -> None:
    d = results(2016).district("통영시고성군")
    assert d.how == "unopposed"
    assert d.winner_name == "이군현"


def test_2020_counts_from_polling_stations() -> None:
    """The 2020 district counts are tabulated from polling-station rows, early votes included."""
    d = results(2020).district("서울 종로구")
    assert d.count is not None
    assert d.winner_name == "이낙연"
    assert (d.district.electorate or 0) > 100_000
    total = sum(c.votes or 0 for c in d.count.candidates)
    assert total == d.district.valid_votes


def test_turnout_matches_the_seed_infoboxes() -> None:
    """Seeds: 1992 71.86%, 1996 63.91%, 2004 60.63% (constituency and list ballots)."""
    for year, pct in ((1992, "71.86"), (1996, "63.91"), (2004, "60.63")):
        rate = results(year).turnout.rate
        assert rate is not None
        assert f"{float(rate) * 100:.2f}" == pct
    list_rate = results(2004).list_turnout
    assert list_rate is not None
    assert list_rate.rate is not None
    assert f"{float(list_rate.rate) * 100:.2f}" == "60.63"


def test_district_lookup_errors() -> None:
    result = results(2004)
    with pytest.raises(UnknownNameError, match="names 3 districts"):
        result.district("중구")
    with pytest.raises(UnknownNameError, match="no district"):
        result.district("아틀란티스")
    assert result.district("서울 중구").district.province == "seoul"


def test_unknown_year() -> None:
    with pytest.raises(UnknownElectionError):
        results(1999)


def test_results_under_other_rules() -> None:
    """The 2020 votes under the 2016 parallel rules: satellites keep their list seats only."""
    result = results(
        2020, rules=korelect.rules_for(2016).replace(total_seats=300, district_seats=253)
    )
    assert result.total_seats == 300
    assert result.rules.formula == "proportional"


def test_cli_results_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["results", "1996", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 1996
    assert data["total_seats"] == 299
    nkp = next(p for p in data["parties"] if p["name_ko"] == "신한국당")
    assert (nkp["district_seats"], nkp["list_seats"], nkp["total_seats"]) == (121, 18, 139)
    assert {"name", "name_ko", "district_seats", "list_seats", "total_seats"} <= set(nkp)


def test_cli_results_by_province(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["results", "1992", "--by", "province"]) == 0
    out = capsys.readouterr().out
    assert "Constituency total" in out
    assert "PR list" in out
    assert main(["results", "2004", "--by", "province", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["provinces"]) == 16


def test_cli_district(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["district", "2016", "통영시고성군"]) == 0
    assert "unopposed" in capsys.readouterr().out
    assert main(["district", "2004", "중구"]) == 2
    assert "add the province" in capsys.readouterr().err
    assert main(["district", "2004", "서울 종로구", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["winner"] == "박진"


def test_cli_results_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["results", "1999"]) == 2
    assert capsys.readouterr().err.startswith(
        "korelect: error: results: expected an election year (1948, 1950, "
    )


def test_dataframes() -> None:
    frame = results(2004).to_frame()
    assert list(frame.columns)[:3] == ["party", "party_ko", "abbr"]
    assert int(frame.loc[frame.party_ko == "열린우리당", "total_seats"].iloc[0]) == 152
    entries = korelect.read_entries_csv(Path(__file__).parents[1] / "examples/2004.csv")
    allocation = korelect.allocate(entries, 2004).to_frame()
    assert int(allocation["total_seats"].sum()) == 299
    sql = korelect.query("SELECT count(*) AS n FROM districts WHERE year = ?", 2004)
    assert int(sql["n"].iloc[0]) == 243


def test_cli_results_under_rules_for_another_number_of_districts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """2004's votes under 2024's linked formula, applied to 2004's 243 districts + 56 list seats."""
    assert main(["results", "2004", "--rules", "2024"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("These rules provide 254 constituency and 46 list seats")
    assert "applied to 2004: 299 seats" in out
