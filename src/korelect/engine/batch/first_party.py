"""The first-party formulas (1963–1971, 1981/1985) for many runs at once.

``first_party_bounds_many(rules, votes, district_seats, parties)`` and
``first_party_fixed_share_many(...)`` give, for every row of ``votes`` (runs x entries),
the list seats :func:`korelect.allocate` gives under ``rules`` when the list tier is a
:class:`~korelect.law.rules.FirstPartyBounds` (1963–1971) or a
:class:`~korelect.law.rules.FirstPartyFixedShare` (1981, 1985), with every option of
those tiers (:mod:`korelect.engine.formulas.first_party` states the law). They are the
batch functions of those families in :mod:`korelect.engine.formulas.registry`.

1. Qualification by the rules' threshold ("at least", exact integers; every column
   counts in the total, only ``parties`` qualify).
2. Bounds (1963–1971), step by step over all runs at once: in each run still sharing,
   the party with the most weight (votes, or district seats; parties without weight
   take no part) is first. With at least ``majority`` of the step's whole (exact in
   integers: ``top x den >= num x whole``), the step's seats go by the tier's method
   through :func:`korelect.allocate_many`; where that gives the first party more than
   ``floor(ceiling x seats)`` and another party has weight, it gets that many and the
   others share the rest. Below the majority, it gets ``guaranteed x seats`` rounded as
   the tier says, and the next step shares the rest among the others (by the rule
   again, or at once in proportion to ``rest_basis``). Seats no other party can share
   stay with the last first party.
3. Fixed share (1981, 1985): the qualifying party with the most district seats gets
   ``share x seats`` rounded as the tier says; the others share the rest by the tier's
   basis.

Runs are grouped by the seats at stake, as :mod:`korelect.engine.batch.share` does.
Ties (for first place, or a remainder) go to the lower column and flag the run as
``tied``; runs the formula cannot allocate (no qualifying weight, numbers past int64)
come back ``failed`` for the exact formula. ``tests/test_law_1948.py`` checks every run
against :func:`korelect.allocate` with ``ties="list-order"``.

1971: the DRP has 52.42% of the qualifying parties' votes, so 51 seats by votes, 27/24:

>>> import numpy as np
>>> from korelect import rules_for
>>> votes = np.array([[5_460_580, 4_955_821, 439_836, 69_608, 63_831]])
>>> ds = np.array([[86, 65, 1, 1, 0]])
>>> parties = np.array([True, True, True, True, False])
>>> seats, tied, failed = first_party_bounds_many(rules_for(1971), votes, ds, parties)
>>> seats[0].tolist(), bool(tied[0]), bool(failed[0])
([27, 24, 0, 0, 0], False, False)

1981: 61 seats to the DJP (90 district seats), 31 by district seats 57:18; the last
column holds the independents and the six minor parties (19 district seats, none with 5):

>>> votes = np.array([[5_776_624, 3_495_829, 2_147_293, 4_787_579]])
>>> ds = np.array([[90, 57, 18, 19]])
>>> seats, _, _ = first_party_fixed_share_many(rules_for(1981), votes, ds,
...                                            np.array([True, True, True, False]))
>>> seats[0].tolist()
[61, 24, 7, 0]
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.engine.batch.apportion import _mask, allocate_many
from korelect.engine.batch.share import _rounded
from korelect.errors import InputError
from korelect.law.rules import FirstPartyBounds, FirstPartyFixedShare, Rules

__all__ = ["first_party_bounds_many", "first_party_fixed_share_many"]

_LIMIT = 2**62
"""Bound for every product formed (int64 with a safety factor of two)."""

Result = tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]


class _Runs:
    """The arrays of one call: votes, district seats, who qualifies, and the results."""

    def __init__(
        self,
        rules: Rules,
        votes: NDArray[Any],
        district_seats: NDArray[Any],
        parties: NDArray[np.bool_],
        shares: tuple[Fraction, ...],
    ) -> None:
        self.v: Ints = np.asarray(votes, dtype=np.int64)
        self.d: Ints = np.asarray(district_seats, dtype=np.int64)
        runs, cols = self.v.shape
        self.d = np.broadcast_to(self.d, (runs, cols))
        self.seats: Ints = np.zeros((runs, cols), dtype=np.int64)
        self.tied: Bools = np.zeros(runs, dtype=bool)
        self.failed: Bools = np.zeros(runs, dtype=bool)
        self.total: Ints = self.v.sum(axis=1)
        self.qualified: Bools = np.broadcast_to(np.asarray(parties, dtype=bool), (runs, cols))
        self.qualified = self.qualified.copy()
        if not runs:
            return
        factor = max([4, *(max(s.numerator, s.denominator) for s in shares)])
        largest = max(int(self.total.max()), int(self.d.max(initial=0)), rules.district_seats)
        if (largest + 1) * factor * (rules.total_seats + 2) >= _LIMIT:
            self.failed[:] = True
            return
        if rules.threshold is not None:
            self.qualified &= _mask(rules.threshold, self.v, self.d, self.total[:, None])

    def weights(self, basis: str, sharing: Bools) -> Ints:
        """The sharing cells' votes or district seats, 0 elsewhere."""
        return np.where(sharing, self.v if basis == "votes" else self.d, 0)

    def share(self, rows: Ints, weights: Ints, left: Ints, method: str) -> None:
        """Apportion ``left[rows]`` seats among ``weights`` (all rows of ``rows``), added."""
        for house in np.unique(left[rows]):
            if not house:
                continue
            group = rows[left[rows] == house]
            got, tie = allocate_many(
                weights[left[rows] == house], int(house), method=method, return_ties=True
            )
            self.seats[group] += got
            self.tied[group] |= tie

    def result(self) -> Result:
        self.seats[self.failed] = 0
        return self.seats, self.tied, self.failed


def first_party_bounds_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """List seats under ``rules``' first-party-bounds tier (1963–1971) for every row.

    ``parties`` marks the columns that are parties, for all rows (shape ``(entries,)``)
    or row by row. Returns ``(seats, tied, failed)`` as
    :func:`~korelect.engine.batch.share.seat_share_many` does.
    """
    tier = rules.list_tier
    if not isinstance(tier, FirstPartyBounds):  # the type check narrows the tier for its options
        raise InputError(
            f"first_party_bounds_many needs a first-party-bounds tier (got {rules.formula!r})"
        )
    r = _Runs(rules, votes, district_seats, parties, (tier.majority, tier.ceiling, tier.guaranteed))
    runs = r.seats.shape[0]
    if not runs or r.failed.all():
        return r.result()
    sharing = r.qualified.copy()
    left = np.full(runs, rules.list_seats, dtype=np.int64)
    last = np.zeros(runs, dtype=np.intp)
    active = ~r.failed & (left > 0)
    basis = tier.basis
    level = 0
    while active.any():
        w = r.weights(basis, sharing)
        has = w > 0
        nobody = active & ~has.any(axis=1)
        if level == 0:
            r.failed |= nobody
        else:
            rows = np.flatnonzero(nobody)
            r.seats[rows, last[rows]] += left[rows]
        active &= ~nobody
        if not active.any():
            break
        top = w.max(axis=1)
        leaders = has & (w == top[:, None])
        r.tied |= active & (leaders.sum(axis=1) > 1)
        first = leaders.argmax(axis=1)  # the lower column among tied leaders
        if level == 0 and tier.majority_of == "valid":
            whole = r.total if basis == "votes" else np.full(runs, rules.district_seats)
        else:
            whole = w.sum(axis=1)
        m = tier.majority
        major = active & (top * m.denominator >= m.numerator * whole)
        _ceiling(r, tier, np.flatnonzero(major), w, first, left)
        active &= ~major
        rows = np.flatnonzero(active)
        g = tier.guaranteed
        given = _rounded(left[rows], g.numerator, g.denominator, tier.rounding)
        r.seats[rows, first[rows]] += given
        left[rows] -= given
        sharing[rows, first[rows]] = False
        last[rows] = first[rows]
        active &= left > 0
        basis = tier.rest_basis
        if tier.rest == "proportional":
            rows = np.flatnonzero(active)
            rest = r.weights(basis, sharing)[rows]
            alone = rest.sum(axis=1) == 0
            r.seats[rows[alone], last[rows[alone]]] += left[rows[alone]]
            r.share(rows[~alone], rest[~alone], left, tier.method)
            break
        level += 1
    return r.result()


def _ceiling(
    r: _Runs,
    tier: FirstPartyBounds,
    rows: NDArray[np.intp],
    w: Ints,
    first: NDArray[np.intp],
    left: Ints,
) -> None:
    """The runs whose first party has a majority: by share, the first held to the ceiling."""
    c = tier.ceiling
    for house in np.unique(left[rows]):
        group = rows[left[rows] == house]
        got, tie = allocate_many(w[group], int(house), method=tier.method, return_ties=True)
        limit = int(house) * c.numerator // c.denominator
        at = np.arange(group.size)
        f = first[group]
        others = w[group].copy()
        others[at, f] = 0
        capped = (got[at, f] > limit) & (others.sum(axis=1) > 0)
        if capped.any():
            k = np.flatnonzero(capped)
            rest, tie2 = allocate_many(
                others[k], int(house) - limit, method=tier.method, return_ties=True
            )
            rest[np.arange(k.size), f[k]] += limit
            got[k] = rest
            tie[k] |= tie2
        r.seats[group] += got
        r.tied[group] |= tie


def first_party_fixed_share_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """List seats under ``rules``' first-party-fixed-share tier (1981, 1985) for every row.

    The arguments and the result are those of :func:`first_party_bounds_many`.
    """
    tier = rules.list_tier
    if not isinstance(tier, FirstPartyFixedShare):  # the type check narrows the tier
        raise InputError(
            "first_party_fixed_share_many needs a first-party-fixed-share tier "
            f"(got {rules.formula!r})"
        )
    r = _Runs(rules, votes, district_seats, parties, (tier.share,))
    runs = r.seats.shape[0]
    house = rules.list_seats
    if not runs or not house or r.failed.all():
        return r.result()
    some = r.qualified.any(axis=1)
    r.failed |= ~some
    rows = np.flatnonzero(~r.failed)
    held = np.where(r.qualified, r.d, -1)[rows]
    top = held.max(axis=1)
    leaders = (held == top[:, None]) & r.qualified[rows]
    r.tied[rows] |= leaders.sum(axis=1) > 1
    first = leaders.argmax(axis=1)  # the lower column among tied leaders
    share = tier.share
    given = int(_rounded(np.array([house]), share.numerator, share.denominator, tier.rounding)[0])
    r.seats[rows, first] += given
    left = house - given
    if not left:
        return r.result()
    others = r.weights(tier.basis, r.qualified)[rows]
    others[np.arange(rows.size), first] = 0
    alone = others.sum(axis=1) == 0
    r.seats[rows[alone], first[alone]] += left
    r.share(rows[~alone], others[~alone], np.full(runs, left, dtype=np.int64), tier.method)
    return r.result()
