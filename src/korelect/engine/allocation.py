"""The records an allocation leaves: immutable, JSON-ready, and explained in words.

The second half of this module writes the audit trail (:meth:`Allocation.explain`) and the
results table (:meth:`Allocation.table`) in the manner of the election commission's
explanations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from korelect.base.numbers import (
    Number,
    exact_str,
    fmt_decimal,
    fmt_percent,
    fmt_share,
    fmt_votes,
)
from korelect.engine.apportion import (
    Apportionment,
    Qualification,
    explain_apportionment,
    tie_to_dict,
)
from korelect.engine.entries import Kind
from korelect.engine.ties import Tie
from korelect.law.rules import Rules, describe_rules


@dataclass(frozen=True, slots=True)
class PartyResult:
    """One entry's seats."""

    name: str
    kind: Kind
    votes: Number
    district_seats: int
    list_seats: int
    qualified: bool
    reasons: Qualification | tuple[str, ...] = ()
    """Its qualification (whose reasons are written when asked for), or the reasons."""

    @property
    def qualified_by(self) -> tuple[str, ...]:
        """The conditions it met, with its own figures (empty when it did not qualify)."""
        if isinstance(self.reasons, tuple):
            return self.reasons
        return self.reasons.met if self.qualified else ()

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


@dataclass(frozen=True)
class FirstPartyStep:
    """One step of a first-party rule (1963–1971, 1981/1985): the first party and its seats.

    ``rule`` is ``"ceiling"`` (it had at least ``majority`` of the weights: the seats
    went by share, the first party at most ``exact`` of them), ``"guaranteed"`` (it
    had less: it received ``exact`` of them, rounded) or ``"fixed"`` (1981/1985: it
    received ``exact`` of them, rounded, whatever its share). ``level`` 0 is the first
    party; 1, 2, ... the parties after it where the rule is repeated for the others.
    """

    level: int
    name: str
    basis: str
    """``votes`` or ``district seats``: what it was first by, and what the shares are of."""
    weight: Number
    """Its votes or district seats."""
    base: Fraction
    """The whole its share is of."""
    base_of: str
    """What that whole is, in words (``the qualifying parties' votes``, ...)."""
    seats: int
    """The seats at stake in this step."""
    rule: str
    majority: Fraction | None
    """The share at or above which seats go by share (``None`` for a fixed share)."""
    exact: Fraction
    """The bound (ceiling) or the share received (guaranteed, fixed), times the seats."""
    rounding: str
    given: int
    """Seats the first party received in this step."""
    capped: bool = False
    """``ceiling``: whether the bound took seats from it."""
    kept: int = 0
    """Seats it also received because no other party could share them."""
    apportionments: tuple[Apportionment, ...] = ()
    """The apportionments of this step, in the order they ran."""

    @property
    def share(self) -> Fraction:
        """Its share of ``base``."""
        return Fraction(self.weight) / self.base if self.base else Fraction(0)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record; exact numbers are strings like ``"7/3"``."""
        return {
            "level": self.level,
            "name": self.name,
            "basis": self.basis,
            "weight": exact_str(self.weight),
            "base": exact_str(self.base),
            "base_of": self.base_of,
            "share": exact_str(self.share),
            "seats": self.seats,
            "rule": self.rule,
            "majority": None if self.majority is None else exact_str(self.majority),
            "exact": exact_str(self.exact),
            "rounding": self.rounding,
            "given": self.given,
            "capped": self.capped,
            "kept": self.kept,
            "apportionments": [a.stage for a in self.apportionments],
        }


@dataclass(frozen=True, slots=True)
class Appointment:
    """The seats of a tier filled by appointment (1973, 1978: 유신정우회)."""

    name: str
    """The appointed bloc's entry."""
    seats: int
    by: str
    """Who appointed it, in words."""


@dataclass(frozen=True, slots=True)
class RoundedShare:
    """One qualifying party's share of the qualifying parties' votes, and that share rounded."""

    name: str
    votes: Number
    share: Fraction
    """Its exact share of the qualifying parties' votes."""
    rounded: Fraction
    """Rounded half up to the tier's decimals (1996, 2000: 4, 소수점 이하 다섯째자리 반올림)."""


@dataclass(frozen=True)
class ShareRounding:
    """The rounded shares the 1996/2000 list seats are computed from (art. 189).

    공직선거및선거부정방지법 (1994), art. 189: each qualifying party's share of the
    qualifying parties' votes is rounded half up at the 5th decimal place, and its
    list seats are that rounded share times the seats, integer part and then largest
    remainder. The rounded shares need not add up to 1; they are used as they stand.
    """

    decimals: int
    votes: Fraction
    """The qualifying parties' votes: the denominator of every share."""
    rows: tuple[RoundedShare, ...]

    @property
    def total(self) -> Fraction:
        """The sum of the rounded shares (1 give or take a few units of the last decimal)."""
        return sum((r.rounded for r in self.rows), Fraction(0))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record; exact numbers are strings like ``"7/3"``."""
        return {
            "decimals": self.decimals,
            "votes": exact_str(self.votes),
            "rows": [
                {
                    "name": r.name,
                    "votes": exact_str(r.votes),
                    "share": exact_str(r.share),
                    "rounded": exact_str(r.rounded),
                }
                for r in self.rows
            ],
            "total": exact_str(self.total),
        }


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
    rounded_shares: ShareRounding | None = None
    """The rounded vote shares the list seats were computed from (1996, 2000)."""
    first_party: tuple[FirstPartyStep, ...] = ()
    """The steps of a first-party rule (1963–1971, 1981, 1985), in order."""
    appointed: Appointment | None = None
    """The tier filled by appointment (1973, 1978)."""

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
        return explain_allocation(self)

    def table(self) -> str:
        """The results table: party, votes, %, district, list, total."""
        return results_table(self)

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
                "rounded_shares": None
                if self.rounded_shares is None
                else self.rounded_shares.to_dict(),
                "linked": None if self.linked is None else self.linked.to_dict(),
                "first_party": [f.to_dict() for f in self.first_party],
                "appointed": None
                if self.appointed is None
                else {
                    "name": self.appointed.name,
                    "seats": self.appointed.seats,
                    "by": self.appointed.by,
                },
                "apportionments": [a.to_dict() for a in self.apportionments],
            },
            "ties": [tie_to_dict(t) for t in self.ties],
        }


# -- the audit trail in words, in the manner of the election commission's explanations --


def results_table(a: Allocation) -> str:
    """The results table of the seed articles: party, votes, %, district, list, total."""
    rows = [
        (
            p.name,
            fmt_votes(p.votes),
            fmt_percent(Fraction(p.votes) / a.total_votes) if a.total_votes else "-",
            str(p.district_seats),
            str(p.list_seats),
            str(p.total_seats),
        )
        for p in a.parties
    ]
    others = a.total_votes - sum((Fraction(p.votes) for p in a.parties), Fraction(0))
    if others:
        rows.append(
            ("(other parties)", fmt_votes(others), fmt_percent(others / a.total_votes), "", "", "")
        )
    rows.append(
        (
            "Total",
            fmt_votes(a.total_votes),
            "100.00%" if a.total_votes else "-",
            str(sum(p.district_seats for p in a.parties)),
            str(sum(p.list_seats for p in a.parties)),
            str(a.total_seats),
        )
    )
    header = ("Party", "Votes", "%", "District", "List", "Total")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    out = []
    for i, r in enumerate([header, *rows]):
        if i == 1 or r is rows[-1]:
            out.append("  ".join("-" * w for w in widths))
        out.append(
            "  ".join(
                cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                for j, cell in enumerate(r)
            ).rstrip()
        )
    return "\n".join(out)


_UNELECTED = ("none", "appointed")
"""Formulas whose seats no vote shares out: no qualification step to explain."""


def explain_allocation(a: Allocation) -> str:
    """The audit trail of an allocation, step by step."""
    rules = a.rules
    lines = describe_rules(rules)
    lines.append("")
    lines.append(f"Valid vote (all entries): {fmt_votes(a.total_votes)}")
    lines.append("")
    if rules.formula in _UNELECTED:
        _explain_unelected(a, lines)
        return "\n".join(lines)
    step = 1
    lines.append(
        f"Step {step}. Qualifying parties (의석할당정당): {rules.threshold or 'every party'}"
    )
    lines.extend("  " + q.describe() for q in a.qualification)
    if a.minor_party_seats or _has_minor_rule(a):
        step += 1
        lines.append("")
        lines.append(
            f"Step {step}. One seat first to each party that did not qualify but has "
            f"{getattr(rules.list_tier, 'minor_party_seat', '')}:"
        )
        if a.minor_party_seats:
            lines.extend(f"  {m.name}: 1 seat ({m.reason})" for m in a.minor_party_seats)
        else:
            lines.append("  none.")
    if a.bonus is not None:
        step += 1
        b = a.bonus
        lines.append("")
        lines.append(f"Step {step}. First-party bonus:")
        if b.applied:
            lines.append(
                f"  {b.name} has the most district seats, {b.district_seats} of "
                f"{b.district_total}, fewer than half: it first receives "
                f"{fmt_decimal(b.exact, 1)} list seats, rounded {b.rounding} to {b.seats}."
            )
        else:
            lines.append(
                f"  {b.name} has the most district seats, {b.district_seats} of "
                f"{b.district_total}, at least half: no bonus."
            )
    if a.rounded_shares is not None:
        step += 1
        _explain_rounded_shares(a.rounded_shares, a.apportionments, lines, step)
    if a.first_party:
        step = _explain_first_party(a.first_party, lines, step)
    shown = {id(app) for f in a.first_party for app in f.apportionments}
    if a.linked is not None:
        step = _explain_linked(a.linked, lines, step)
    else:
        for app in a.apportionments:
            if id(app) in shown:
                continue
            step += 1
            lines.append("")
            lines.append(f"Step {step}. {app.stage[:1].upper() + app.stage[1:]}:")
            lines.extend("  " + line for line in explain_apportionment(app))
    lines.append("")
    _explain_ties_and_result(a, lines)
    return "\n".join(lines)


def _explain_ties_and_result(a: Allocation, lines: list[str]) -> None:
    if a.ties:
        lines.append("Ties:")
        lines.extend("  " + t.describe() for t in a.ties)
    else:
        lines.append("Ties: none.")
    lines.append("")
    lines.append("Result:")
    lines.append(results_table(a))


def _explain_unelected(a: Allocation, lines: list[str]) -> None:
    """No list tier (1948–1960), or a tier filled by appointment (1973, 1978)."""
    district = sum(p.district_seats for p in a.parties)
    if a.appointed is None:
        lines.append(
            f"Step 1. No list tier: all {a.rules.total_seats} seats are district seats, "
            f"{district} of them held by the entries."
        )
    else:
        t = a.appointed
        by = f" by {t.by}" if t.by else ""
        lines.append(
            f"Step 1. The {t.seats} seats beyond the {district} district seats are filled "
            f"by appointment{by}, not by votes: all {t.seats} to {t.name}."
        )
    lines.append("")
    _explain_ties_and_result(a, lines)


def _explain_first_party(steps: tuple[FirstPartyStep, ...], lines: list[str], step: int) -> int:
    """The first-party steps of 1963–1971 and 1981/1985, each with its apportionments."""
    for f in steps:
        step += 1
        lines.append("")
        who = "First party" if f.level == 0 else f"Party {f.level + 1} (the rule repeated)"
        most = "most votes" if f.basis == "votes" else "most district seats"
        weight = fmt_votes(f.weight) if f.basis == "votes" else str(f.weight)
        share = fmt_percent(f.share)
        head = (
            f"Step {step}. {who}: {f.name} has the {most}, {weight} of {f.base_of} "
            f"({fmt_votes(f.base) if f.basis == 'votes' else exact_str(f.base)}, {share})"
        )
        part = fmt_share(f.exact / f.seats) if f.seats else "0"
        exact = f"{part} of the {f.seats} seats, {fmt_decimal(f.exact, 2)}"
        majority = fmt_share(f.majority or Fraction(0))
        if f.rule == "fixed":
            lines.append(f"{head}: it receives {exact}, rounded {f.rounding} to {f.given}.")
        elif f.rule == "guaranteed":
            lines.append(
                f"{head}, below {majority}: it receives {exact}, rounded {f.rounding} to {f.given}."
            )
        else:
            lines.append(
                f"{head}, at least {majority}: the seats go by {f.basis}, {f.name} receiving at "
                f"most {exact}, so at most {int(f.exact)}."
            )
            if f.capped:
                lines.append(
                    f"  By share it would receive more than {int(f.exact)}: it receives "
                    f"{f.given}, and the others share the other {f.seats - f.given}."
                )
        if f.kept:
            lines.append(
                f"  No other party can share the {f.kept} seats left: {f.name} receives them."
            )
        for app in f.apportionments:
            lines.append(f"  {app.stage[:1].upper() + app.stage[1:]}:")
            lines.extend("    " + line for line in explain_apportionment(app))
    return step


def _explain_rounded_shares(
    r: ShareRounding, apportionments: tuple[Apportionment, ...], lines: list[str], step: int
) -> None:
    """The shares of 1996/2000, rounded at the 5th decimal place and used as they stand."""
    where = (
        "at the 5th decimal place (소수점 이하 다섯째자리 반올림)"
        if r.decimals == 4
        else f"to {r.decimals} decimals"
    )
    lines.append("")
    lines.append(
        f"Step {step}. Each qualifying party's share of the qualifying parties' votes "
        f"({fmt_votes(r.votes)}), rounded half up {where}, art. 189:"
    )
    width = max((len(x.name) for x in r.rows), default=5)
    lines.append(f"  {'':{width}}  {'votes':>14}  {'share':>{r.decimals + 6}}  {'rounded':>9}")
    lines.extend(
        f"  {x.name:{width}}  {fmt_votes(x.votes):>14}  "
        f"{fmt_decimal(x.share, r.decimals + 4):>{r.decimals + 6}}  "
        f"{fmt_decimal(x.rounded, r.decimals):>9}"
        for x in r.rows
    )
    total = fmt_decimal(r.total, r.decimals)
    quota = bool(apportionments) and apportionments[-1].quota is not None
    if quota:
        seats = apportionments[-1].house
        lines.append(
            f"  The rounded shares add up to {total}. Each party's list seats are its rounded "
            f"share x {seats} seats as it stands, not rescaled by that sum: the integer part, "
            "then the largest remainders."
        )
    else:
        lines.append(
            f"  The rounded shares add up to {total}; the divisor method compares them among "
            "themselves."
        )


def _has_minor_rule(a: Allocation) -> bool:
    return getattr(a.rules.list_tier, "minor_party_seat", None) is not None


def _explain_linked(t: LinkedTier, lines: list[str], step: int) -> int:
    step += 1
    lines.append("")
    lines.append(
        f"Step {step}. Linked seats (연동배분의석수), art. 189(2)1: "
        f"s = [(N - R) x p - r] x {t.compensation}, rounded half up; below 1 it is 0."
    )
    lines.append(
        f"  N = {t.house}; R = {t.outside} (district seats of independents and parties that "
        f"did not qualify); N - R = {t.base}."
    )
    width = max((len(r.name) for r in t.rows), default=5)
    lines.append(f"  {'':{width}}  {'p':>8}  {'r':>4}  {'raw':>9}  {'rounded':>7}  {'s':>4}")
    for r in t.rows:
        note = "  (below 1: 0)" if r.zeroed else ""
        lines.append(
            f"  {r.name:{width}}  {fmt_percent(r.share, 4):>8}  {r.district_seats:>4}  "
            f"{fmt_decimal(r.raw, 2):>9}  {r.rounded:>7}  {r.seats:>4}{note}"
        )
    lines.append(f"  Sum of linked seats: {t.total}; seats for the linked formula: {t.cap}.")
    step += 1
    lines.append("")
    if t.mode == "residual" and t.second_step is not None:
        lines.append(
            f"Step {step}. The sum {t.total} is below {t.cap}: the {t.cap - t.total} residual "
            f"seats (잔여배분의석수) go by p, art. 189(2)2:"
        )
        lines.extend("  " + x for x in explain_apportionment(t.second_step))
    elif t.mode == "adjusted" and t.second_step is not None:
        lines.append(
            f"Step {step}. The sum {t.total} is above {t.cap}: each party gets "
            f"{t.cap} x s / {t.total} (조정의석수), art. 189(2)3:"
        )
        lines.extend("  " + x for x in explain_apportionment(t.second_step))
    else:
        lines.append(f"Step {step}. The sum equals {t.cap}: each party keeps its linked seats.")
    if t.parallel is not None:
        step += 1
        lines.append("")
        lines.append(f"Step {step}. Parallel tier: {t.parallel_seats} seats by p:")
        lines.extend("  " + x for x in explain_apportionment(t.parallel))
    return step
