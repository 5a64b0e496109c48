"""The seed articles' "By city/province" tables, reproduced from the counts.

The numbers the articles print are in the shipped ``seed_tables`` table
(extracted by ``scripts/extract_seed_tables.py``). Every seat table (1992,
1996, 2004) and the 2004 list-vote table are reproduced cell for cell. The
2004 constituency-vote table is reproduced except in the cells where the
article contradicts the counts; those cells are exactly the ones
``korelect audit 2004`` reports, so a new difference fails this test.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from fractions import Fraction

import pytest

from korelect.analysis.audit import SEED_PARTIES, audit
from korelect.base.numbers import round_half_up
from korelect.record.data import dataset
from korelect.record.election import ElectionResult, party_info, results

SEAT_TABLES = {1992: "seats", 1996: "seats", 2004: "constituency_seats"}


def cells(year: int, table: str) -> dict[tuple[str, str], str]:
    _, text = dataset()._open("seed_tables.csv")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["year"] == str(year) and row["table"] == table:
            out[(row["row"], row["column"])] = row["value"]
    return out


def party_id(year: int, label: str) -> str:
    return party_info(SEED_PARTIES[year][label], year).party_id


def region(result: ElectionResult, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in result.provinces if p.name_en == name)


@pytest.mark.parametrize("year", sorted(SEAT_TABLES))
def test_seat_table_reproduced(year: int) -> None:
    result = results(year)
    table = cells(year, SEAT_TABLES[year])
    assert table, "the seed table is extracted"
    for (row, column), value in table.items():
        if row == "Constituency total" or (row == "Total" and year == 2004):
            got = (
                sum(p.district_seats for p in result.parties)
                if column == "Total seats"
                else result.party(SEED_PARTIES[year][column]).district_seats
            )
        elif row == "PR list":
            got = (
                sum(p.list_seats for p in result.parties)
                if column == "Total seats"
                else result.party(SEED_PARTIES[year][column]).list_seats
            )
        elif row == "Total":
            got = (
                result.total_seats
                if column == "Total seats"
                else result.party(SEED_PARTIES[year][column]).total_seats
            )
        else:
            line = region(result, row)
            got = (
                line.total_seats
                if column == "Total seats"
                else line.seats.get(party_id(year, column), 0)
            )
        assert str(got) == value, (row, column)


def pct(part: int, whole: int) -> str:
    value = round_half_up(Fraction(100 * part, whole), 1)
    return f"{float(value):.1f}"


def test_2004_list_vote_table_reproduced() -> None:
    result = results(2004)
    table = cells(2004, "list_pct")
    assert len(table) > 90
    named = {label for _, label in table if label != "Other"}
    for (row, column), value in table.items():
        if row == "Seat allocation":
            got = (
                "0"
                if column == "Other"
                else str(result.party(SEED_PARTIES[2004][column]).list_seats)
            )
            assert got == value, (row, column)
            continue
        provinces = result.provinces if row == "Overall total" else [region(result, row)]
        votes: dict[str, int] = defaultdict(int)
        for p in provinces:
            for k, v in p.list_votes.items():
                votes[k] += v
        whole = sum(votes.values())
        if column == "Other":
            part = whole - sum(votes.get(party_id(2004, n), 0) for n in named)
        else:
            part = votes.get(party_id(2004, column), 0)
        assert pct(part, whole) == value, (row, column)


def test_2004_constituency_vote_table_differs_only_where_the_audit_says() -> None:
    result = results(2004)
    table = cells(2004, "constituency_pct")
    assert len(table) > 80
    differing = set()
    for (row, column), value in table.items():
        provinces = result.provinces if row == "Total" else [region(result, row)]
        votes: dict[str, int] = defaultdict(int)
        for p in provinces:
            for k, v in p.votes.items():
                votes[k] += v
        if pct(votes.get(party_id(2004, column), 0), sum(votes.values())) != value:
            differing.add((row, column))
    reported = {
        (f.where.split(", ")[1], f.where.split(", ")[2].split(":")[0])
        for f in audit(2004)
        if f.check == "seed: vote %" and f.where.startswith("constituency_pct")
    }
    assert differing == reported
    assert ("South Jeolla", "Uri") in differing  # the article's 49.1 against 46.9 counted
