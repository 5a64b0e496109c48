"""The records an allocation leaves: immutable, JSON-ready, and explained in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ._apportion import Apportionment, Qualification, tie_to_dict
from ._entries import Kind
from ._numbers import Number, exact_str
from ._rules import Rules
from ._ties import Tie


@dataclass(frozen=True, slots=True)
class PartyResult:
    """One entry's seats."""

    name: str
    kind: Kind
    votes: Number
    district_seats: int
    list_seats: int
    qualified: bool
    qualified_by: tuple[str, ...]
    """The conditions it met, with its own figures (empty when it did not qualify)."""

    @property
    def total_seats(self) -> int:
        """District plus list seats."""
        return self.district_seats + self.list_seats


@dataclass(frozen=True, slots=True)
class MinorPartySeat:
    """One seat given first to a party that did not qualify but met the minor-party rule."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Bonus:
    """The 1988 first-party bonus."""

    name: str
    district_seats: int
    district_total: int
    applied: bool
    seats: int
    """Seats given first (0 when not applied)."""
    exact: Fraction
    """The unrounded share of list seats (e.g. 75/2)."""
    rounding: str


@dataclass(frozen=True, slots=True)
class LinkedRow:
    """One qualifying party's linked values (연동배분의석수)."""

    name: str
    votes: Number
    share: Fraction
    """p_i: its share of the qualifying parties' votes."""
    district_seats: int
    raw: Fraction
    """[(N - R) x p_i - r_i] x compensation, before rounding."""
    rounded: int
    """Rounded half up (소수점 첫째자리에서 반올림)."""
    seats: int
    """After zeroing values below 1."""

    @property
    def zeroed(self) -> bool:
        """Whether a rounded value was set to 0 (below 1)."""
        return self.seats == 0 and self.rounded != 0


@dataclass(frozen=True)
class LinkedTier:
    """The steps of the linked formula (2020, 2024)."""

    house: int
    """N: the size of the assembly."""
    outside: int
    """R: district seats won by independents and parties that did not qualify."""
    compensation: Fraction
    rows: tuple[LinkedRow, ...]
    cap: int
    """Seats the linked formula fills (30 in 2020; all list seats in 2024)."""
    mode: str
    """``residual`` (sum below the cap), ``adjusted`` (above) or ``exact``."""
    second_step: Apportionment | None
    """The residual (잔여배분의석) or adjusted (조정의석) apportionment."""
    linked_seats: Mapping[str, int]
    parallel_seats: int
    parallel: Apportionment | None

    @property
    def base(self) -> int:
        """N - R."""
        return self.house - self.outside

    @property
    def total(self) -> int:
        """The sum of the linked values after zeroing."""
        return sum(r.seats for r in self.rows)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record; exact numbers are strings like ``"7/3"``."""
        return {
            "house": self.house,
            "outside": self.outside,
            "base": self.base,
            "compensation": exact_str(self.compensation),
            "rows": [
                {
                    "name": r.name,
                    "share": exact_str(r.share),
                    "district_seats": r.district_seats,
                    "raw": exact_str(r.raw),
                    "rounded": r.rounded,
                    "zeroed": r.zeroed,
                    "seats": r.seats,
                }
                for r in self.rows
            ],
            "total": self.total,
            "cap": self.cap,
            "mode": self.mode,
            "second_step": None if self.second_step is None else self.second_step.to_dict(),
            "linked_seats": dict(self.linked_seats),
            "parallel_seats": self.parallel_seats,
            "parallel": None if self.parallel is None else self.parallel.to_dict(),
        }


@dataclass(frozen=True)
class Allocation:
    """A whole assembly from the votes, with every step that produced it.

    ``parties`` has one :class:`PartyResult` per entry that is not an
    ``other`` bucket, in input order. ``explain()`` gives the audit trail in
    words, ``table()`` the results table, ``to_dict()`` a JSON-ready record.
    """

    rules: Rules
    parties: tuple[PartyResult, ...]
    total_votes: Fraction
    """The valid vote: every entry's votes, buckets included."""
    qualification: tuple[Qualification, ...]
    minor_party_seats: tuple[MinorPartySeat, ...]
    bonus: Bonus | None
    apportionments: tuple[Apportionment, ...]
    """The apportionments of the list tier, in the order they ran."""
    linked: LinkedTier | None
    ties: tuple[Tie, ...]
    seed: int

    @property
    def total_seats(self) -> int:
        """Seats in the assembly."""
        return sum(p.total_seats for p in self.parties)

    @property
    def seats(self) -> dict[str, int]:
        """Total seats per party."""
        return {p.name: p.total_seats for p in self.parties}

    @property
    def list_seats(self) -> dict[str, int]:
        """List seats per party."""
        return {p.name: p.list_seats for p in self.parties}

    def party(self, name: str) -> PartyResult:
        """The result of one party, by name."""
        for p in self.parties:
            if p.name == name:
                return p
        raise KeyError(name)

    def explain(self) -> str:
        """The audit trail in words, step by step."""
        from ._explain import explain_allocation  # noqa: PLC0415  (_explain imports this module)

        return explain_allocation(self)

    def table(self) -> str:
        """The results table: party, votes, %, district, list, total."""
        from ._explain import results_table  # noqa: PLC0415  (_explain imports this module)

        return results_table(self)

    def _repr_html_(self) -> str:
        """Notebook display: the hemicycle and the results table."""
        from .charts.notebook import result_html  # noqa: PLC0415  (charts import this module)

        return result_html(self)

    def to_frame(self) -> Any:
        """The result as a pandas DataFrame, one row per party."""
        import pandas as pd  # noqa: PLC0415  (pandas is imported only when asked for)

        return pd.DataFrame(
            [
                {
                    "party": p.name,
                    "kind": p.kind.value,
                    "votes": p.votes if isinstance(p.votes, int) else float(p.votes),
                    "district_seats": p.district_seats,
                    "list_seats": p.list_seats,
                    "total_seats": p.total_seats,
                    "qualified": p.qualified,
                }
                for p in self.parties
            ]
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record of the result and every step."""
        return {
            "rules": self.rules.name,
            "year": self.rules.year,
            "total_seats": self.total_seats,
            "district_seats": sum(p.district_seats for p in self.parties),
            "list_seats": sum(p.list_seats for p in self.parties),
            "total_votes": exact_str(self.total_votes),
            "seed": self.seed,
            "parties": [
                {
                    "party": p.name,
                    "kind": p.kind.value,
                    "votes": p.votes if isinstance(p.votes, int) else exact_str(p.votes),
                    "vote_share": exact_str(Fraction(p.votes) / self.total_votes)
                    if self.total_votes
                    else "0",
                    "district_seats": p.district_seats,
                    "list_seats": p.list_seats,
                    "total_seats": p.total_seats,
                    "qualified": p.qualified,
                    "qualified_by": list(p.qualified_by),
                }
                for p in self.parties
            ],
            "steps": {
                "qualification": [
                    {
                        "name": q.name,
                        "share": exact_str(q.share),
                        "is_party": q.is_party,
                        "qualified": q.qualified,
                        "met": list(q.met),
                        "unmet": list(q.unmet),
                    }
                    for q in self.qualification
                ],
                "minor_party_seats": [
                    {"name": m.name, "reason": m.reason} for m in self.minor_party_seats
                ],
                "bonus": None
                if self.bonus is None
                else {
                    "name": self.bonus.name,
                    "applied": self.bonus.applied,
                    "seats": self.bonus.seats,
                    "exact": exact_str(self.bonus.exact),
                    "rounding": self.bonus.rounding,
                    "district_seats": self.bonus.district_seats,
                    "district_total": self.bonus.district_total,
                },
                "linked": None if self.linked is None else self.linked.to_dict(),
                "apportionments": [a.to_dict() for a in self.apportionments],
            },
            "ties": [tie_to_dict(t) for t in self.ties],
        }
