"""The same votes under two systems, side by side: seats per party and the indices.

``compare(source, rules)`` computes an election from its counts twice: under
the counts' own law and under ``rules``, both through :func:`korelect.results`
(``source`` is what it takes: a year, a counts folder or
:class:`~korelect.Counts`; ``rules`` are adapted to the counts' districts and
votes once, there, and the sentences saying so are the comparison's notes). It
gives each party's seats under both, the change, and the assembly-tier indices
under both.

>>> from korelect import rules_for
>>> c = compare(2020, rules_for(2016))
>>> c.row("Future Korea Party").total_seats, c.row("Platform Party").change
((19, 18), 1)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction

from korelect.analysis.indices import Indices, indices
from korelect.base.numbers import fmt_decimal
from korelect.base.table import grid
from korelect.record.counts import Counts
from korelect.record.election import ElectionResult, PartyLine, RulesLike, results

Source = int | str | os.PathLike[str] | Counts
"""What :func:`compare` computes: an election year, a counts folder or counts."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One party under both systems."""

    party_id: str
    name_en: str
    name_ko: str
    district_seats: int
    list_seats: tuple[int, int]
    """List seats under the year's law, then under the other rules."""
    total_seats: tuple[int, int]

    @property
    def change(self) -> int:
        """Total seats under the other rules minus under the law."""
        return self.total_seats[1] - self.total_seats[0]


@dataclass(frozen=True)
class Comparison:
    """An election under its own law and under other rules."""

    year: int
    base: ElectionResult
    other: ElectionResult
    notes: tuple[str, ...]
    """What was adapted for the other rules to count this year's votes."""
    rows: tuple[CompareRow, ...]
    indices: tuple[Indices, Indices]
    """Assembly-tier indices: under the law, under the other rules."""

    def row(self, name: str) -> CompareRow:
        """A party's row by English or Korean name or registry id."""
        for r in self.rows:
            if name in (r.name_en, r.name_ko, r.party_id):
                return r
        raise KeyError(name)

    def table(self) -> str:
        """The two systems side by side, with the index changes."""
        rows = [
            [
                f"{r.name_en} ({r.name_ko})" if r.name_en != r.name_ko else r.name_ko,
                str(r.district_seats),
                str(r.list_seats[0]),
                str(r.total_seats[0]),
                str(r.list_seats[1]),
                str(r.total_seats[1]),
                f"{r.change:+d}" if r.change else "0",
            ]
            for r in self.rows
        ]
        rows.append(
            [
                "Total",
                str(sum(r.district_seats for r in self.rows)),
                str(sum(r.list_seats[0] for r in self.rows)),
                str(sum(r.total_seats[0] for r in self.rows)),
                str(sum(r.list_seats[1] for r in self.rows)),
                str(sum(r.total_seats[1] for r in self.rows)),
                "",
            ]
        )
        head = [
            "Party",
            "District",
            "List (law)",
            "Total (law)",
            "List (other)",
            "Total (other)",
            "Change",
        ]
        parts = [
            f"{self.year}: {self.base.rules.name} vs {self.other.rules.name}",
            *self.notes,
            "",
            grid(head, rows, rule_before=(len(rows) - 1,)),
            "",
            "Indices (assembly: total seats against the list-tier votes)",
            grid(["Index", "Law", "Other rules", "Change"], self._index_rows()),
        ]
        return "\n".join(parts)

    def _index_rows(self) -> list[list[str]]:
        law, other = self.indices
        out = []
        for label, attr in (
            ("Gallagher LSq (pp)", "gallagher"),
            ("Loosemore-Hanby D (pp)", "loosemore_hanby"),
            ("largest advantage ratio", "advantage_ratio"),
            ("ENP by seats (L-T)", "enp_seats"),
        ):
            a, b = getattr(law, attr), getattr(other, attr)
            if a is None or b is None:
                out.append([label, "-", "-", "-"])
                continue
            delta = Fraction(b) - Fraction(a)
            sign = "+" if delta > 0 else ""
            out.append(
                [
                    label,
                    fmt_decimal(Fraction(a), 2),
                    fmt_decimal(Fraction(b), 2),
                    sign + fmt_decimal(delta, 2),
                ]
            )
        return out

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "year": self.year,
            "rules": [self.base.rules.name, self.other.rules.name],
            "notes": list(self.notes),
            "parties": [
                {
                    "id": r.party_id,
                    "name": r.name_en,
                    "name_ko": r.name_ko,
                    "district_seats": r.district_seats,
                    "list_seats": list(r.list_seats),
                    "total_seats": list(r.total_seats),
                    "change": r.change,
                }
                for r in self.rows
            ],
            "indices": [i.to_dict() for i in self.indices],
        }


def compare(source: Source, rules: RulesLike, *, merge_satellites: bool = False) -> Comparison:
    """The election of ``source`` under its own law and under ``rules``, side by side.

    ``source`` and ``rules`` are what :func:`korelect.results` takes; the counts are read
    once and computed under both.
    """
    base = results(source)
    other = results(base.counts if base.counts is not None else source, rules=rules)
    # every party either assembly seats: the appointed bloc of 1973/1978 has seats under
    # its own law only, and a what-if's bloc under the other rules only
    lines = {p.info.party_id: p for p in base.parties}
    others = {p.info.party_id: p for p in other.parties}
    ids = [*lines, *(pid for pid in others if pid not in lines)]

    def seats(side: dict[str, PartyLine], pid: str) -> tuple[int, int]:
        p = side.get(pid)
        return (0, 0) if p is None else (p.list_seats, p.total_seats)

    rows = []
    for pid in ids:
        line = lines.get(pid) or others[pid]
        (list_a, total_a), (list_b, total_b) = seats(lines, pid), seats(others, pid)
        if total_a or total_b:
            district = line.district_seats if pid in lines else 0
            rows.append(
                CompareRow(
                    pid,
                    line.info.name_en,
                    line.info.name_ko,
                    district,
                    (list_a, list_b),
                    (total_a, total_b),
                )
            )
    pair = (
        indices(base, tier="assembly", merge_satellites=merge_satellites),
        indices(other, tier="assembly", merge_satellites=merge_satellites),
    )
    return Comparison(base.year, base, other, other.notes, tuple(rows), pair)
