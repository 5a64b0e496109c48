"""Disproportionality and party-system indices of an election.

Each index is a small function of aligned vote shares ``v`` and seat shares
``s`` (fractions of 1, one pair per party or group). They are exact
(:class:`~fractions.Fraction`) wherever the index is rational; only the
Gallagher index (a square root) is a float. Disproportionality indices are in
percentage points, as in the literature.

:func:`indices` applies them to one tier of a computed election:

``district``
    district seat shares against the constituency vote shares summed from the
    district counts. Counts with declared winners only (no district votes) have
    no vote-based indices (and no wasted votes): None; their seat-based
    effective number of parties is still given.
``list``
    list seat shares against the votes the law used for the list tier
    (constituency votes 1988–2000, list votes 2004–2016, the published
    counts where they exist, the published national shares otherwise).
``assembly``
    total seat shares against the list-tier vote shares: the usual
    comparison for a mixed system.

Choices (the usual practice, after Gallagher 1991 and his election-indices
notes):

* Shares are of all valid votes of the tier and of all seats of the tier.
* Independents count as one group (무소속), with the votes and seats they
  won. At the list tier of 2004–2024 they have seats but no votes.
* A bucket of votes that belong to no party in the data — the "other
  parties" remainder of published shares (counts that have only shares), and votes missing
  from the candidates' counts in 1988–2000 — counts as one group with no
  seats. That leaves the Loosemore–Hanby index exact and makes the
  Gallagher index an upper bound (splitting the bucket could only lower it),
  and the effective number of parties by votes a lower bound.
* Parties with neither votes nor seats are left out (they change nothing
  but the list).
* The Sainte-Laguë index and the largest advantage ratio run over parties
  with votes (v > 0): a party with seats and no votes has an infinite ratio.
* ``merge_satellites=True`` adds each 2020/2024 satellite list party's votes
  and seats to its parent (:meth:`PartyRegistry.merged`) before computing.

Wasted votes are the votes for district candidates who did not take the
seat (the seat's holder is the declared winner where a source overrules
the counts, as in 1996), over the counted districts; their share is of
those districts' valid votes. They do not depend on the tier.

>>> from fractions import Fraction as F
>>> loosemore_hanby([F(1, 2), F(1, 2)], [F(3, 4), F(1, 4)])
Fraction(25, 1)
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, get_args

from korelect.base.numbers import Number, exact_str, fmt_decimal, fmt_percent
from korelect.engine.entries import Kind
from korelect.errors import InputError, UnknownNameError
from korelect.record.counts import Counts
from korelect.record.election import ElectionResult, party_info, results, squash
from korelect.record.parties import parties

Source = int | str | os.PathLike[str] | Counts
"""What :func:`indices_text` and :func:`indices_to_dict` take: a year, a counts folder, counts."""
Tier = Literal["district", "list", "assembly"]
TIERS: tuple[Tier, ...] = get_args(Tier)
OTHER = "other"
"""The key of the bucket of votes that belong to no party in the data."""


# ------------------------------------------------------------------ the indices


def _pairs(votes: Sequence[Fraction], seats: Sequence[Fraction]) -> list[tuple[Fraction, Fraction]]:
    if len(votes) != len(seats):
        raise InputError(
            "vote and seat shares must pair up"
            f" (got {len(votes)} vote and {len(seats)} seat shares)"
        )
    pairs = [(Fraction(v), Fraction(s)) for v, s in zip(votes, seats, strict=True)]
    for v, s in pairs:
        if v < 0 or s < 0:
            raise InputError(f"shares must be >= 0 (got votes {v}, seats {s})")
    return pairs


def gallagher(votes: Sequence[Fraction], seats: Sequence[Fraction]) -> float:
    """Gallagher's least-squares index, in percentage points.

    LSq = √(½ Σ (V_i − S_i)²) with V, S in percent. Gallagher, M. (1991),
    "Proportionality, disproportionality and electoral systems",
    *Electoral Studies* 10(1): 33–51.

    >>> from fractions import Fraction as F
    >>> gallagher([F(1, 2), F(1, 2)], [F(3, 4), F(1, 4)])
    25.0
    >>> gallagher([F(6, 10), F(3, 10), F(1, 10)], [F(7, 10), F(3, 10), F(0)])
    10.0
    """
    squares = sum(((v - s) * 100) ** 2 for v, s in _pairs(votes, seats))
    return math.sqrt(Fraction(squares) / 2)


def loosemore_hanby(votes: Sequence[Fraction], seats: Sequence[Fraction]) -> Fraction:
    """The Loosemore–Hanby index, in percentage points.

    D = ½ Σ |V_i − S_i| with V, S in percent: the share of seats held by
    parties beyond their vote share. Loosemore, J. and Hanby, V. J. (1971),
    "The theoretical limits of maximum distortion", *British Journal of
    Political Science* 1(4): 467–477.

    >>> from fractions import Fraction as F
    >>> loosemore_hanby([F(6, 10), F(3, 10), F(1, 10)], [F(7, 10), F(3, 10), F(0)])
    Fraction(10, 1)
    """
    return sum((abs(v - s) * 100 for v, s in _pairs(votes, seats)), Fraction(0)) / 2


def sainte_lague(votes: Sequence[Fraction], seats: Sequence[Fraction]) -> Fraction:
    """The Sainte-Laguë index Σ (S_i − V_i)² / V_i, with V, S in percent.

    Summed over parties with votes (V_i > 0). The quantity the Sainte-Laguë
    method minimises; Gallagher (1991), p. 37.

    >>> from fractions import Fraction as F
    >>> sainte_lague([F(1, 2), F(1, 2)], [F(3, 4), F(1, 4)])
    Fraction(25, 1)
    """
    return sum(
        (((s - v) * 100) ** 2 / (v * 100) for v, s in _pairs(votes, seats) if v > 0),
        Fraction(0),
    )


def advantage_ratio(votes: Sequence[Fraction], seats: Sequence[Fraction]) -> Fraction | None:
    """The largest advantage ratio max S_i / V_i, over parties with votes.

    1 when every party's seat share equals its vote share; None when no
    party has votes. Taagepera, R. and Shugart, M. S. (1989), *Seats and
    Votes*, Yale University Press, ch. 7 (the advantage ratio A = s/v).

    >>> from fractions import Fraction as F
    >>> advantage_ratio([F(1, 2), F(1, 2)], [F(3, 4), F(1, 4)])
    Fraction(3, 2)
    """
    ratios = [s / v for v, s in _pairs(votes, seats) if v > 0]
    return max(ratios) if ratios else None


def _shares(shares: Sequence[Fraction]) -> list[Fraction]:
    found = [Fraction(p) for p in shares]
    if any(p < 0 for p in found):
        raise InputError(f"shares must be >= 0 (got {[str(p) for p in found]})")
    return [p for p in found if p > 0]


def laakso_taagepera(shares: Sequence[Fraction]) -> Fraction | None:
    """The effective number of parties N = 1 / Σ p_i² (None without shares).

    Laakso, M. and Taagepera, R. (1979), "'Effective' number of parties: a
    measure with application to West Europe", *Comparative Political
    Studies* 12(1): 3–27.

    >>> from fractions import Fraction as F
    >>> laakso_taagepera([F(1, 4)] * 4), laakso_taagepera([F(1, 2), F(1, 4), F(1, 4)])
    (Fraction(4, 1), Fraction(8, 3))
    """
    found = _shares(shares)
    if not found:
        return None
    return 1 / sum((p * p for p in found), Fraction(0))


def golosov(shares: Sequence[Fraction]) -> Fraction | None:
    """Golosov's effective number of parties N = Σ p_i / (p_i + p_1² − p_i²).

    p_1 is the largest share. Golosov, G. V. (2010), "The effective number
    of parties: a new approach", *Party Politics* 16(2): 171–192.

    >>> from fractions import Fraction as F
    >>> golosov([F(1, 4)] * 4), golosov([F(1, 2), F(1, 4), F(1, 4)])
    (Fraction(4, 1), Fraction(15, 7))
    """
    found = _shares(shares)
    if not found:
        return None
    top = max(found)
    return sum((p / (p + top * top - p * p) for p in found), Fraction(0))


# ---------------------------------------------------------- applied to results


@dataclass(frozen=True, slots=True)
class ShareLine:
    """One party or group as an index sees it."""

    key: str
    """Party id, ``independent``, or ``other`` for the bucket of unattributed votes."""
    name: str
    votes: Number | None
    """Votes (percent where the list tier has published shares only); None without counts."""
    seats: int
    vote_share: Fraction | None
    seat_share: Fraction

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "key": self.key,
            "name": self.name,
            "votes": None if self.votes is None else exact_str(self.votes),
            "seats": self.seats,
            "vote_share": None if self.vote_share is None else float(self.vote_share),
            "seat_share": float(self.seat_share),
        }


@dataclass(frozen=True)
class Indices:
    """Every index of one tier of one election, with the shares they were computed from."""

    year: int
    tier: Tier
    merge_satellites: bool
    lines: tuple[ShareLine, ...]
    gallagher: float | None
    loosemore_hanby: Fraction | None
    sainte_lague: Fraction | None
    advantage_ratio: Fraction | None
    enp_votes: Fraction | None
    """Laakso–Taagepera effective number of parties by votes."""
    enp_seats: Fraction | None
    """Laakso–Taagepera effective number of parties by seats."""
    golosov_votes: Fraction | None
    golosov_seats: Fraction | None
    wasted_votes: int | None
    """Votes for district candidates who did not take the seat (every tier alike)."""
    wasted_share: Fraction | None
    """Wasted votes over the counted districts' valid votes."""
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record (indices as floats; shares per line)."""

        def num(value: Fraction | float | None) -> float | None:
            return None if value is None else round(float(value), 6)

        return {
            "year": self.year,
            "tier": self.tier,
            "merge_satellites": self.merge_satellites,
            "gallagher": num(self.gallagher),
            "loosemore_hanby": num(self.loosemore_hanby),
            "sainte_lague": num(self.sainte_lague),
            "advantage_ratio": num(self.advantage_ratio),
            "enp_votes": num(self.enp_votes),
            "enp_seats": num(self.enp_seats),
            "golosov_votes": num(self.golosov_votes),
            "golosov_seats": num(self.golosov_seats),
            "wasted_votes": self.wasted_votes,
            "wasted_share": num(self.wasted_share),
            "note": self.note,
            "lines": [line.to_dict() for line in self.lines],
        }


def _merged_id(party_id: str, merge: bool) -> str:
    if not merge:
        return party_id
    try:
        return parties().merged(party_id).id
    except UnknownNameError:
        return party_id


def _name(party_id: str, fallback: str) -> str:
    try:
        return parties().get(party_id).name_en
    except UnknownNameError:
        return fallback


def wasted(result: ElectionResult) -> tuple[int, Fraction] | None:
    """Votes for district candidates who did not take the seat, and their share.

    The share is of the valid votes of the districts with counts; None where
    no district has counts (declared winners only).

    >>> votes, share = wasted(results(1988))
    >>> votes > 0 and 0 < share < 1
    True
    """
    counted = False
    lost = 0
    valid = 0
    for d in result.districts:
        if d.count is None:
            continue
        counted = True
        holders = {squash(name) for name, _ in d.members}  # two members 1973-1985
        lost += sum(c.votes or 0 for c in d.count.candidates if squash(c.name_ko) not in holders)
        valid += d.district.valid_votes or sum(c.votes or 0 for c in d.count.candidates)
    if not counted:
        return None
    return lost, Fraction(lost, valid) if valid else Fraction(0)


def _groups(
    result: ElectionResult, tier: Tier, merge: bool, appointed: bool = True
) -> tuple[dict[str, Number], dict[str, int], dict[str, str], bool]:
    """Votes and seats by group key, names, and whether the tier has votes at all."""
    votes: dict[str, Number] = defaultdict(int)
    seats: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    if tier == "district":
        counted = False

        def key(name_ko: str) -> str:
            info = party_info(name_ko, result.year)
            pid = _merged_id(info.party_id, merge)
            names.setdefault(pid, _name(pid, info.name_en))
            return pid

        for d in result.districts:
            for _, party_ko in d.members:  # two members each 1973-1985
                seats[key(party_ko)] += 1
            if d.count is not None:
                counted = True
                for c in d.count.candidates:
                    votes[key(c.party_ko)] += c.votes or 0
        return dict(votes), dict(seats), names, counted
    for p in result.parties:
        if p.kind is Kind.APPOINTED and not appointed:
            continue
        pid = _merged_id(p.info.party_id, merge)
        names.setdefault(pid, _name(pid, p.info.name_en))
        votes[pid] += p.votes
        seats[pid] += p.list_seats if tier == "list" else p.total_seats
    rest = Fraction(result.allocation.total_votes) - sum(
        (Fraction(v) for v in votes.values()), Fraction(0)
    )
    if rest > 0:
        votes[OTHER] = rest if rest.denominator > 1 else int(rest)
        names[OTHER] = "(other votes)"
    return dict(votes), dict(seats), names, True


def _no_elected_list(result: ElectionResult) -> str | None:
    """Why the list tier of ``result`` has no indices, or None where it was elected."""
    rules = result.rules
    if rules.list_tier.formula == "appointed":
        return (
            f"the national tier of {result.year} was filled by appointment, not elected: "
            "the list tier has no indices"
        )
    if not rules.list_seats:
        return f"{result.year} had no national tier: the list tier has no indices"
    return None


def indices(
    result: ElectionResult,
    *,
    tier: Tier = "assembly",
    merge_satellites: bool = False,
    appointed: bool = True,
) -> Indices:
    """Every index of one tier of ``result`` (see the module docstring for the choices).

    ``appointed=False`` leaves the appointed tier of 1973 and 1978 (유신정우회, seats no
    vote gave) out of the assembly tier, which then compares the elected members with the
    votes. The list tier of an election without an elected national tier (1948-1960, and
    the appointed one) has no indices: None, with a note saying why.

    >>> i = indices(results(2016), tier="assembly")
    >>> round(i.gallagher, 2), fmt_decimal(i.loosemore_hanby, 2), fmt_decimal(i.enp_seats, 2)
    (16.41, '26.29', '2.85')
    >>> [fmt_decimal(indices(results(1973), appointed=a).loosemore_hanby, 2) for a in (True, False)]
    ['33.33', '14.39']
    >>> indices(results(1958), tier="list").note
    '1958 had no national tier: the list tier has no indices'
    """
    if tier not in TIERS:
        raise InputError(f"tier must be one of {', '.join(TIERS)} (got {tier!r})")
    why = _no_elected_list(result) if tier == "list" else None
    if why is not None:
        w = wasted(result)
        return Indices(
            year=result.year,
            tier=tier,
            merge_satellites=merge_satellites,
            lines=(),
            gallagher=None,
            loosemore_hanby=None,
            sainte_lague=None,
            advantage_ratio=None,
            enp_votes=None,
            enp_seats=None,
            golosov_votes=None,
            golosov_seats=None,
            wasted_votes=None if w is None else w[0],
            wasted_share=None if w is None else w[1],
            note=why,
        )
    votes, seats, names, has_votes = _groups(result, tier, merge_satellites, appointed)
    keys = [k for k in dict.fromkeys([*votes, *seats]) if votes.get(k, 0) or seats.get(k, 0)]
    vote_total = sum((Fraction(votes.get(k, 0)) for k in keys), Fraction(0))
    seat_total = sum(seats.get(k, 0) for k in keys)
    has_votes = has_votes and vote_total > 0
    lines = tuple(
        sorted(
            (
                ShareLine(
                    k,
                    names.get(k, k),
                    votes.get(k, 0) if has_votes else None,
                    seats.get(k, 0),
                    Fraction(votes.get(k, 0)) / vote_total if has_votes else None,
                    Fraction(seats.get(k, 0), seat_total) if seat_total else Fraction(0),
                )
                for k in keys
            ),
            key=lambda line: (line.key in ("independent", OTHER), -line.seats, line.key),
        )
    )
    s = [line.seat_share for line in lines]
    w = wasted(result)
    note = None
    if not has_votes:
        note = f"no district counts for {result.year}: vote-based indices are None"
    if has_votes:
        v = [line.vote_share or Fraction(0) for line in lines]
        lsq: float | None = gallagher(v, s)
        lh: Fraction | None = loosemore_hanby(v, s)
        sl: Fraction | None = sainte_lague(v, s)
        ratio = advantage_ratio(v, s)
        enp_v, gol_v = laakso_taagepera(v), golosov(v)
    else:
        lsq = lh = sl = ratio = enp_v = gol_v = None
    return Indices(
        year=result.year,
        tier=tier,
        merge_satellites=merge_satellites,
        lines=lines,
        gallagher=lsq,
        loosemore_hanby=lh,
        sainte_lague=sl,
        advantage_ratio=ratio,
        enp_votes=enp_v,
        enp_seats=laakso_taagepera(s),
        golosov_votes=gol_v,
        golosov_seats=golosov(s),
        wasted_votes=None if w is None else w[0],
        wasted_share=None if w is None else w[1],
        note=note,
    )


def _all_tiers(source: Source, merge_satellites: bool, appointed: bool) -> tuple[Indices, ...]:
    result = results(source)
    return tuple(
        indices(result, tier=t, merge_satellites=merge_satellites, appointed=appointed)
        for t in TIERS
    )


_ROWS: tuple[tuple[str, str], ...] = (
    ("gallagher", "Gallagher LSq (pp)"),
    ("loosemore_hanby", "Loosemore-Hanby D (pp)"),
    ("sainte_lague", "Sainte-Lague index"),
    ("advantage_ratio", "largest advantage ratio"),
    ("enp_votes", "ENP by votes (L-T)"),
    ("enp_seats", "ENP by seats (L-T)"),
    ("golosov_votes", "ENP by votes (Golosov)"),
    ("golosov_seats", "ENP by seats (Golosov)"),
)


def _cell(value: Fraction | float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return fmt_decimal(value, 2)


def indices_text(source: Source, *, merge_satellites: bool = False, appointed: bool = True) -> str:
    """The indices of one election as a table: one row per index, one column per tier.

    ``source`` is what :func:`korelect.results` takes: a year, a counts folder or counts.

    >>> print(indices_text(2016))  # doctest: +ELLIPSIS
    Disproportionality and party-system indices, 2016
    index                    district  list  assembly
    -----------------------  --------  ----  --------
    Gallagher LSq (pp)       6.52      3.42  16.41
    ...
    Votes for losing district candidates: 12,241,441 (51.00% of valid votes)
    """
    table = _all_tiers(source, merge_satellites, appointed)
    first = table[0]
    title = f"Disproportionality and party-system indices, {first.year}"
    if merge_satellites:
        title += " (satellites merged into their parents)"
    if not appointed and any(p.kind is Kind.APPOINTED for p in results(source).parties):
        title += " (the appointed tier left out)"
    rows = [["index", *TIERS]]
    rows += [[label, *(_cell(getattr(i, field)) for i in table)] for field, label in _ROWS]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    out = [title]
    for n, row in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    if first.wasted_votes is not None and first.wasted_share is not None:
        out.append(
            f"Votes for losing district candidates: {first.wasted_votes:,}"
            f" ({fmt_percent(first.wasted_share)} of valid votes)"
        )
    else:
        out.append("Votes for losing district candidates: - (no district counts)")
    out.extend(f"Note: {n}" for n in dict.fromkeys(i.note for i in table if i.note))
    return "\n".join(out)


def indices_to_dict(
    source: Source, *, merge_satellites: bool = False, appointed: bool = True
) -> dict[str, object]:
    """The indices of one election (a year, a counts folder or counts), every tier, as JSON."""
    table = _all_tiers(source, merge_satellites, appointed)
    return {
        "year": table[0].year,
        "merge_satellites": merge_satellites,
        "appointed": appointed,
        "tiers": {i.tier: i.to_dict() for i in table},
    }


__all__ = [
    "TIERS",
    "Indices",
    "ShareLine",
    "Tier",
    "advantage_ratio",
    "gallagher",
    "golosov",
    "indices",
    "indices_text",
    "indices_to_dict",
    "laakso_taagepera",
    "loosemore_hanby",
    "sainte_lague",
    "wasted",
]
