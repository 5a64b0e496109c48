"""2020 polling-station rows tabulated into district counts."""

from __future__ import annotations

from korelect.record.election import results
from korelect.record.polling import StationRow, tabulate


def rows(
    station: str,
    emd: str,
    electorate: int,
    votes: dict[str, int],
    invalid: int,
    *,
    district: str = "X",
    spelling: str = "무효투표수",
) -> list[StationRow]:
    valid = sum(votes.values())
    out = [
        StationRow("seoul", district, "", emd, station, "선거인수", electorate),
        StationRow("seoul", district, "", emd, station, "투표수", valid + invalid),
    ]
    out += [StationRow("seoul", district, "", emd, station, c, n) for c, n in votes.items()]
    out += [
        StationRow("seoul", district, "", emd, station, "계", valid),
        StationRow("seoul", district, "", emd, station, spelling, invalid),
        StationRow("seoul", district, "", emd, station, "기권수", electorate - valid - invalid),
    ]
    return out


def test_special_channels_count_and_subtotals_do_not() -> None:
    data = (
        rows("A동제1투", "A동", 1000, {"갑당 김": 300, "을당 이": 200}, 10)
        + rows("관내사전투표", "A동", 0, {"갑당 김": 100, "을당 이": 150}, 2)
        + rows(
            "관외사전투표",
            "관외사전투표",
            0,
            {"갑당 김": 40, "을당 이": 60},
            1,
            spelling="무표투표수",
        )
        + rows("국외부재자투표", "국외부재자투표", 50, {"갑당 김": 5, "을당 이": 3}, 0)
        + rows("거소·선상투표", "거소·선상투표", 20, {"갑당 김": 7, "을당 이": 8}, 0)
        + rows("소계", "A동", 1000, {"갑당 김": 400, "을당 이": 350}, 12)
        + rows("합계", "합계", 1070, {"갑당 김": 452, "을당 이": 421}, 13)
    )
    tally = tabulate(data)[("seoul", "X")]
    assert tally.votes == {("김", "갑당"): 452, ("이", "을당"): 421}
    assert tally.totals["valid_votes"] == 873
    assert tally.totals["invalid_votes"] == 13  # both spellings of the invalid row
    assert tally.totals["electorate"] == 1070
    assert tally.totals["ballots_cast"] == 886


def test_independent_candidate_row() -> None:
    row = StationRow("seoul", "X", "", "A", "A1", "무소속 박", 3)
    assert row.candidate == ("박", "무소속")


def test_shipped_2020_counts_add_up() -> None:
    """Every 2020 district: candidates sum to valid votes; valid + invalid = ballots cast."""
    for d in results(2020).districts:
        assert d.count is not None
        district = d.district
        assert sum(c.votes or 0 for c in d.count.candidates) == district.valid_votes
        assert (district.valid_votes or 0) + (district.invalid_votes or 0) == district.ballots_cast
