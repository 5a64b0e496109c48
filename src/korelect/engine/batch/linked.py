"""The linked formula of :mod:`.linked` for many runs at once (NumPy arrays).

``linked_many(rules, votes, district_seats, parties)`` gives, for every row of
``votes`` (runs x entries), the list seats :func:`korelect.allocate` gives
under ``rules`` (a :class:`korelect.Linked` list tier: 2020, 2024 or a scenario),
with the same law (공직선거법 art. 189(2); 2020 Suppl. Prov. art. 4). It is the
batch function of the linked family in :mod:`korelect.engine.formulas.registry`:

1. qualification by the rules' threshold, tested in integers against each
   row's total votes (every column counts in the total; only ``parties``
   qualify);
2. linked seats ``s_i = [(N - R) x p_i - r_i] x c`` rounded half up, 0 below 1,
   computed exactly as one integer floor division per cell:
   with ``X = (N - R) v_i - r_i V`` and ``c = a/b``,
   ``round_half_up(X a / (V b)) = floor((2 a X + V b) / (2 V b))``;
3. the residual seats (``C - sum``) by the tier's method on the qualifying
   votes, or the adjusted seats (``C x s_i / sum``) on the linked seats, or
   neither when the sum is exactly ``C``; runs are grouped by their number of
   residual seats and each group goes through :func:`korelect.allocate_many`;
4. the parallel seats (2020: 17) by the tier's method on the qualifying votes.

Every step is exact (int64, with a bound check). Remainder ties (the law: a
lot, art. 189(2) 후단) go to the lower column, and the rows whose result
depended on one come back flagged as ``tied``: a caller that wants the law's
lot either recomputes them with :func:`korelect.allocate`, or passes the tied
rows again with their columns in a random order (a lot: the tie goes to the
column the lot put first; :func:`korelect.simulate` does this). Rows that
cannot be computed here (no party qualifies, or numbers whose products could
pass 2**62) come back flagged as ``failed``, with no seats.

>>> import numpy as np
>>> from korelect import rules_for
>>> # 2020: five list parties (shares in hundredths of a percent), the two big parties
>>> # with district seats and no list, independents, and the other list votes.
>>> votes = np.array([[3335, 3384, 967, 679, 542, 0, 0, 0, 1093]])
>>> ds = np.array([[0, 0, 1, 0, 0, 163, 84, 5, 0]])
>>> parties = np.array([True] * 7 + [False, False])
>>> seats, tied, failed = linked_many(rules_for(2020), votes, ds, parties)
>>> seats[0].tolist(), bool(tied[0]), bool(failed[0])
([17, 19, 5, 3, 3, 0, 0, 0, 0], False, False)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.engine.batch.apportion import _mask, allocate_many
from korelect.errors import InputError
from korelect.law.rules import Linked, Rules
from korelect.law.thresholds import AllOf, AnyOf, Condition, VoteShare

__all__ = ["linked_many"]

_LIMIT = 2**62
"""Bound for every product formed (int64 with a safety factor of two)."""


def _shares_bound(condition: Condition | None) -> int:
    if isinstance(condition, VoteShare):
        return max(condition.share.numerator, condition.share.denominator)
    if isinstance(condition, AnyOf | AllOf):
        return max((_shares_bound(c) for c in condition.conditions), default=1)
    return 1


def linked_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]:
    """List seats under ``rules``' linked tier for every row (see the module docstring).

    ``parties`` marks the columns that are parties, for all rows (shape
    ``(entries,)``) or row by row (shape of ``votes``). Returns ``(seats,
    tied, failed)``: int64 list seats of the shape of ``votes``, the rows whose
    seats depended on a tie (settled for the lower column), and the rows that
    could not be computed (their seats are 0).
    """
    tier = rules.list_tier
    if not isinstance(tier, Linked):  # the type check narrows the tier for its options
        raise InputError(f"linked_many needs a linked list tier (got {rules.formula!r})")
    v = np.asarray(votes, dtype=np.int64)
    d = np.asarray(district_seats, dtype=np.int64)
    runs, cols = v.shape
    seats = np.zeros((runs, cols), dtype=np.int64)
    tied = np.zeros(runs, dtype=bool)
    failed = np.zeros(runs, dtype=bool)
    if runs == 0:
        return seats, tied, failed
    total = v.sum(axis=1)
    house = rules.total_seats
    a, b = tier.compensation.numerator, tier.compensation.denominator
    peak = int(total.max())
    if (
        peak * max(2 * a * (house + 1), 2 * b, _shares_bound(rules.threshold)) * (house + 1)
        >= _LIMIT
    ):
        failed[:] = True
        return seats, tied, failed

    qualified = np.broadcast_to(np.asarray(parties, dtype=bool), (runs, cols)).copy()
    if rules.threshold is not None:
        qualified &= _mask(rules.threshold, v, d, total[:, None])
    if tier.parties_without_list_in_r:
        qualified &= v > 0
    share_votes = np.where(qualified, v, 0)
    qualifying = share_votes.sum(axis=1)
    base = qualifying if tier.share_base == "qualifying" else total
    outside = np.where(qualified, 0, d).sum(axis=1)
    empty = (qualifying == 0) | (base == 0)
    failed |= empty
    base = np.where(empty, 1, base)

    x = (house - outside)[:, None] * v - d * base[:, None]
    rounded = (2 * a * x + base[:, None] * b) // (2 * base[:, None] * b)
    if tier.zero_before_rounding:
        linked = np.where(x * a < base[:, None] * b, 0, rounded)
    else:
        linked = np.where(rounded < 1, 0, rounded)
    linked = np.where(qualified, linked, 0)

    cap = rules.list_seats if tier.cap is None else tier.cap
    total_linked = linked.sum(axis=1)
    ok = ~empty
    seats += np.where((total_linked == cap)[:, None], linked, 0)
    residual = ok & (total_linked < cap)
    for left in np.unique(cap - total_linked[residual]):
        rows = np.flatnonzero(residual & (cap - total_linked == left))
        got, tie = allocate_many(share_votes[rows], int(left), method=tier.method, return_ties=True)
        seats[rows] = linked[rows] + got
        tied[rows] |= tie
    adjusted = np.flatnonzero(ok & (total_linked > cap))
    if adjusted.size:
        got, tie = allocate_many(linked[adjusted], cap, method=tier.method, return_ties=True)
        seats[adjusted] = got
        tied[adjusted] |= tie
    parallel = rules.list_seats - cap
    if parallel > 0:
        rows = np.flatnonzero(ok)
        got, tie = allocate_many(share_votes[rows], parallel, method=tier.method, return_ties=True)
        seats[rows] += got
        tied[rows] |= tie
    seats[failed] = 0
    return seats, tied, failed
