"""Polling-station counts (2020) tabulated into district counts.

The election commission publishes each district's count station by station
(투표구), with special channels as rows of their own: in-district early voting
(관내사전투표, one row per 읍면동), out-of-district early voting (관외사전투표),
home and ship-board voting (거소·선상투표), overseas absentee voting (국외부재자투표,
and 국외부재자투표(공관) at missions), and ballots found in the wrong box
(잘못 투입·구분된 투표지). Every one of them counts. Each station has a row per
candidate ("PARTY NAME") and rows for the electorate (선거인수), ballots cast
(투표수), valid votes (계, a subtotal of the candidate rows), invalid votes
(무효투표수; the 2020 file spells it 무표투표수) and abstentions (기권수).

A district's count is the sum of its stations. Subtotal rows (읍면동 or station
named 소계 or 합계) repeat what their parts already hold, so they are skipped;
the 계 row is a station's valid-vote total, never a candidate.

>>> rows = [StationRow("seoul", "X", "", "A동", "A동제1투", "선거인수", 100),
...         StationRow("seoul", "X", "", "A동", "A동제1투", "정당 홍길동", 60),
...         StationRow("seoul", "X", "", "A동", "A동제1투", "계", 60),
...         StationRow("seoul", "X", "", "소계", "소계", "정당 홍길동", 60)]
>>> tally = tabulate(rows)[("seoul", "X")]
>>> tally.votes, tally.totals["electorate"]
({('홍길동', '정당'): 60}, 100)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

INDEPENDENT = "무소속"
SUBTOTALS = frozenset({"소계", "합계"})
TOTALS = {
    "선거인수": "electorate",
    "투표수": "ballots_cast",
    "계": "valid_votes",
    "무효투표수": "invalid_votes",
    "무표투표수": "invalid_votes",
    "기권수": "abstentions",
}


@dataclass(frozen=True, slots=True)
class StationRow:
    """One row of a polling-station count."""

    province: str
    district: str
    sigungu: str
    emd: str
    station: str
    category: str
    """``선거인수``, ``투표수``, ``계``, ``무효투표수``, ``기권수`` or ``PARTY NAME``."""
    count: int

    @property
    def is_subtotal(self) -> bool:
        """Whether the row repeats the sum of other rows (소계, 합계)."""
        return self.emd.strip() in SUBTOTALS or self.station.strip() in SUBTOTALS

    @property
    def candidate(self) -> tuple[str, str] | None:
        """(name, party) for a candidate row; None for a total row."""
        category = self.category.strip()
        if category in TOTALS:
            return None
        party, _, name = category.rpartition(" ")
        return name, party or INDEPENDENT


@dataclass
class Tally:
    """A district's count: candidates' votes in ballot order, and its totals."""

    votes: dict[tuple[str, str], int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TOTALS.values(), 0))


def tabulate(rows: Iterable[StationRow]) -> dict[tuple[str, str], Tally]:
    """Sum station rows into district tallies, keyed by (province, district), in input order."""
    tallies: dict[tuple[str, str], Tally] = {}
    for row in rows:
        tally = tallies.setdefault((row.province, row.district), Tally())
        if row.is_subtotal:
            continue
        who = row.candidate
        if who is None:
            tally.totals[TOTALS[row.category.strip()]] += row.count
        else:
            tally.votes[who] = tally.votes.get(who, 0) + row.count
    return tallies
