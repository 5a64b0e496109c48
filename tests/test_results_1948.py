"""The twelve elections of 1948–1985 computed from their counts, through the one road.

Their counts are shipped (polis-korea, docs/DATA.md) and listed as elections, so
``korelect.results(YEAR)`` computes them as :func:`korelect.counts_of` gives them: the
district winners must be polis-korea's declared winners and the national tier's seats
its declared ones (``national_seats``), for every party.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

import korelect
from korelect.engine.entries import Kind
from korelect.record.data import dataset
from korelect.record.election import district_record, party_info

HISTORIC = (1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985)
UNCOUNTED = {1948: 3, 1950: 4}
"""District seats of the law in no source (docs/DATA.md): 1948 and 1950 Jeju, 1950 옹진군 을."""


@pytest.fixture(scope="module", params=HISTORIC)
def year(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def pid(name: str, year: int) -> str:
    return party_info(name, year).party_id


def test_the_assembly_is_the_law_s_less_the_seats_no_count_covers(year: int) -> None:
    result = korelect.results(korelect.counts_of(year))
    law = korelect.rules_for(year)
    missing = UNCOUNTED.get(year, 0)
    assert result.total_seats == law.total_seats - missing
    gaps = [f for f in result.findings if f.check == "seats no count covers"]
    assert len(gaps) == (1 if missing else 0)
    if missing:
        assert f"{missing} of the law's {law.district_seats} district seats" in gaps[0].ours


def test_district_seats_are_the_declared_winners(year: int) -> None:
    result = korelect.results(korelect.counts_of(year))
    declared = Counter(pid(w.party_ko, year) for w in dataset().winners(year))
    computed = Counter(pid(p, year) for d in result.districts for _, p in d.members)
    assert computed == declared
    assert not [f for f in result.findings if f.check == "declared winner vs counts"]
    hows = Counter(d.how for d in result.districts)
    assert set(hows) <= {"plurality", "unopposed", "declared"}


def test_the_national_tier_is_the_declared_one(year: int) -> None:
    result = korelect.results(korelect.counts_of(year))
    declared = {pid(n.party_ko, year): n.seats for n in dataset().national_seats(year) if n.seats}
    computed = {p.info.party_id: p.list_seats for p in result.parties if p.list_seats}
    assert computed == declared


@pytest.mark.parametrize(("year_", "seats"), [(1973, 73), (1978, 77)])
def test_the_appointed_third(year_: int, seats: int) -> None:
    result = korelect.results(korelect.counts_of(year_))
    (bloc,) = [p for p in result.parties if p.kind is Kind.APPOINTED]
    assert (bloc.info.name_ko, bloc.total_seats, bloc.district_seats) == ("유신정우회", seats, 0)


def test_two_member_districts_elect_two(year: int) -> None:
    result = korelect.results(korelect.counts_of(year))
    magnitude = korelect.rules_for(year).district_magnitude
    assert {len(d.members) for d in result.districts} == {magnitude}


def test_another_year_s_appointed_tier_on_2004_counts() -> None:
    result = korelect.results(2004, rules=1973)
    assert result.total_seats == 299
    (bloc,) = [p for p in result.parties if p.kind is Kind.APPOINTED]
    assert bloc.total_seats == 56


# -- one district of the time, on the command line and the web ------------------------------


def test_a_two_member_district_shows_both_members(capsys: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient

    from korelect.cli import main
    from korelect.web.app import create_app

    # found by its full name, its number with the province, or an area it covers
    for name in ("서울 제1선거구(종로구·중구)", "서울 제1선거구", "서울 종로구", "종로구·중구"):
        assert korelect.results(1973).district(name).district.name_ko == "제1선거구(종로구·중구)"
    assert main(["district", "1973", "제1선거구"]) == 2
    assert "names 10 districts in 1973; add the province" in capsys.readouterr().err
    assert main(["district", "1973", "서울 종로구"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines() if line.endswith("elected")] == [
        "장기영",
        "정일형",
    ]
    assert "Elected: 장기영, 정일형: the 2 with most votes in a 2-member district." in out
    assert "art. 188" not in out  # the law of 1973 is not the act of 1994
    assert main(["district", "1973", "서울 종로구", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["members"] == [
        {"name_ko": "장기영", "party_ko": "민주공화당"},
        {"name_ko": "정일형", "party_ko": "신민당"},
    ]
    assert [c["name_ko"] for c in record["candidates"] if c["elected"]] == ["장기영", "정일형"]
    client = TestClient(create_app())
    assert client.get("/api/elections/1973/districts/서울 종로구").json() == record
    page = client.get("/elections/1973/districts/서울 종로구").text
    assert page.count('class="elected"') == 3  # two rows and the sentence
    assert "Elected: 장기영, 정일형" in page


def test_namesakes_are_marked_apart() -> None:
    # 1954 논산군 을: two independents called 이성구, neither elected
    found = korelect.results(1954).district("충남 논산군 을")
    record = district_record(1954, found)
    rows = [c for c in record["candidates"] if c["name_ko"] == "이성구"]  # type: ignore[attr-defined]
    assert len(rows) == 2
    assert not any(c["elected"] for c in rows)
    assert sum(c["elected"] for c in record["candidates"]) == 1  # type: ignore[attr-defined]


def test_the_national_table_says_what_each_tier_was(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    said = {}
    for year in (1948, 1963, 1973, 1985):
        assert main(["results", str(year)]) == 0
        said[year] = capsys.readouterr().out.splitlines()
    assert (
        said[1948][1] == "No national tier: the assembly is its 197 district seats from the counts."
    )
    assert said[1963][1] == "List seats by constituency votes; district seats from the counts."
    assert said[1973][1] == (
        "The 73 seats of the national tier filled by appointment (Yujeonghoe, 유신정우회), "
        "not by votes; district seats from the counts, 2 members a district."
    )
    # turnout: none in the sources (1948), some districts' only (1963), and 1973-1985's
    # invalid votes that do not add up
    turnout = {year: [line for line in lines if "ballot" in line] for year, lines in said.items()}
    assert turnout[1948] == [
        "  Constituency ballot: the sources give no electorate or ballots cast for 1948"
    ]
    assert turnout[1963] == [
        (
            "  Constituency ballot, the 87 of 131 districts that voted with figures: electorate "
            "8,989,713; ballots cast 6,279,687 (69.85%)"
        )
    ]
    assert turnout[1973][0].endswith(
        "invalid 2,551,758 (valid + invalid is not the ballots cast in 52 districts: see "
        "korelect audit)"
    )
    assert "List ballot" not in "\n".join(said[1985])


def test_the_province_tables_fit_the_tiers_of_the_time() -> None:
    from korelect.views.report import province_table_models

    def rows(year: int) -> dict[str, list[str]]:
        tables = province_table_models(korelect.results(year))
        return {t.title: [r[0].text for r in t.rows] for t in tables}

    r1958 = rows(1958)
    # counts but no turnout figures: the vote table, no turnout table; one Total row
    assert list(r1958) == ["Seats won", "Constituency vote (%)"]
    assert r1958["Seats won"][-1] == "Total"
    assert "PR list" not in r1958["Seats won"]
    assert "Constituency total" not in r1958["Seats won"]
    r1973 = rows(1973)
    assert r1973["Seats won"][-3:] == ["Constituency total", "Appointed", "Total"]
    assert list(r1973) == ["Seats won", "Constituency vote (%)", "Turnout"]
    votes = next(
        t for t in province_table_models(korelect.results(1973)) if t.title.startswith("Const")
    )
    assert "Yujeonghoe" not in [c.header for c in votes.columns]
    assert rows(1985)["Seats won"][-3:] == ["Constituency total", "PR list", "Total"]
