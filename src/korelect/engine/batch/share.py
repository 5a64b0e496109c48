"""The seat-share and vote-share formulas (.seat_share, .vote_share) for many runs at once.

``share_many(rules, votes, district_seats, parties)`` gives, for every row of
``votes`` (runs x entries), the list seats :func:`korelect.allocate` gives under
``rules`` when the list tier is a :class:`korelect.SeatShare` (1988, 1992) or a
:class:`korelect.Proportional` (1996–2016), with every option of those tiers:

1. qualification by the rules' threshold ("at least", exact integers; every
   column counts in the total, only ``parties`` qualify);
2. one seat first for each party that did not qualify but meets the tier's
   ``minor_party_seat`` condition (1992: 3%; 1996, 2000: 3% to under 5%);
3. the first-party bonus (1988): if the qualifying party with the most district
   seats holds fewer than ``below`` of all district seats, it first gets
   ``share`` of the remaining list seats, rounded as the rule says, and the
   other qualifying parties share the rest;
4. the remaining seats by the tier's method on the weights: district seats
   (seat share), or votes (vote share), or the vote shares rounded half up to
   ``share_decimals`` decimals (1996, 2000: ``floor((2 v 10^d + V) / 2V)``
   ten-thousandths, exact in integers). Runs are grouped by their number of
   remaining seats and each group goes through :func:`korelect.allocate_many`.

Ties (a remainder tie, or two first parties with the same district seats) go
to the lower column and their rows come back flagged as ``tied``; rows the
formula cannot allocate (no qualifying weight, more minor-party seats than list
seats, numbers past int64, Droop's whole-vote quota on rounded shares) come back
flagged as ``failed``, for the caller to send to the exact :func:`korelect.allocate`.
``tests/test_share_batch.py`` checks every row against the exact formula with
``ties="list-order"``.

>>> import numpy as np
>>> from korelect import rules_for
>>> # 1988: DJP, PPD, RDP, NDRP, Hankyoreh, independents, other parties.
>>> votes = np.array([[6670494, 3783279, 4680175, 3062506, 251236, 933161, 261189]])
>>> ds = np.array([[87, 54, 46, 27, 1, 9, 0]])
>>> parties = np.array([True] * 5 + [False, False])
>>> seats, tied, failed = share_many(rules_for(1988), votes, ds, parties)
>>> seats[0].tolist(), bool(tied[0]), bool(failed[0])
([38, 16, 13, 8, 0, 0, 0], False, False)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.engine.batch.apportion import _mask, allocate_many
from korelect.errors import InputError
from korelect.law.rules import Proportional, Rules, SeatShare

__all__ = ["share_many"]

_LIMIT = 2**62
"""Bound for every product formed (int64 with a safety factor of two)."""


def _rounded(value: NDArray[np.int64], num: int, den: int, how: str) -> NDArray[np.int64]:
    """``value x num / den`` rounded up, down or half up, in integers."""
    if how == "up":
        return -((-value * num) // den)
    if how == "down":
        return (value * num) // den
    return (2 * value * num + den) // (2 * den)


def share_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]:
    """List seats under ``rules``' seat-share or vote-share tier for every row (see the module).

    ``parties`` marks the columns that are parties, for all rows (shape
    ``(entries,)``) or row by row (shape of ``votes``). Returns ``(seats, tied,
    failed)``: int64 list seats of the shape of ``votes``, the rows whose seats
    depended on a tie (settled for the lower column), and the rows that could
    not be computed here (their seats are 0).
    """
    tier = rules.list_tier
    if not isinstance(tier, SeatShare | Proportional):
        raise InputError(
            f"share_many needs a seat-share or vote-share tier (got {rules.formula!r})"
        )
    v = np.asarray(votes, dtype=np.int64)
    d = np.asarray(district_seats, dtype=np.int64)
    runs, cols = v.shape
    seats = np.zeros((runs, cols), dtype=np.int64)
    tied = np.zeros(runs, dtype=bool)
    failed = np.zeros(runs, dtype=bool)
    if runs == 0:
        return seats, tied, failed
    total = v.sum(axis=1)
    decimals = tier.share_decimals if isinstance(tier, Proportional) else None
    scale = 10**decimals if decimals is not None else 1
    # Droop's whole-vote quota is not scale-free: on rounded shares it runs the exact way.
    droop_on_shares = decimals is not None and tier.method == "droop"
    if (
        droop_on_shares
        or int(total.max()) * max(2 * scale, 1000, rules.total_seats + 2) * 4 >= _LIMIT
    ):
        failed[:] = True
        return seats, tied, failed

    party = np.broadcast_to(np.asarray(parties, dtype=bool), (runs, cols))
    qualified = party.copy()
    if rules.threshold is not None:
        qualified &= _mask(rules.threshold, v, d, total[:, None])
    available = np.full(runs, rules.list_seats, dtype=np.int64)
    if tier.minor_party_seat is not None:
        minor = party & ~qualified & _mask(tier.minor_party_seat, v, d, total[:, None])
        seats += minor
        available -= minor.sum(axis=1)
    failed |= available < 0
    sharing = qualified.copy()

    if isinstance(tier, SeatShare) and tier.bonus is not None:
        rule = tier.bonus
        held = np.where(qualified, d, -1)
        top = held.max(axis=1)
        some = qualified.any(axis=1)
        leaders = (held == top[:, None]) & qualified
        tied |= some & (leaders.sum(axis=1) > 1)
        first = leaders.argmax(axis=1)  # the lower column among tied leaders
        below = rule.below
        applied = some & (top * below.denominator < below.numerator * rules.district_seats)
        bonus = _rounded(
            np.maximum(available, 0), rule.share.numerator, rule.share.denominator, rule.rounding
        )
        rows = np.flatnonzero(applied)
        seats[rows, first[rows]] += bonus[rows]
        available[rows] -= bonus[rows]
        others = sharing[rows].copy()
        others[np.arange(rows.size), first[rows]] = False
        alone = ~others.any(axis=1)  # the first party alone shares the rest
        others[alone, first[rows][alone]] = True
        sharing[rows] = others
        failed |= available < 0

    if isinstance(tier, SeatShare):
        weights = np.where(sharing, d, 0)
    else:
        weights = np.where(sharing, v, 0)
        if decimals is not None:
            base = weights.sum(axis=1, keepdims=True)
            safe = np.where(base > 0, base, 1)
            weights = np.where(base > 0, (2 * weights * scale + safe) // (2 * safe), weights)
    failed |= (available > 0) & (weights.sum(axis=1) == 0)

    ok = ~failed
    for left in np.unique(available[ok]):
        rows = np.flatnonzero(ok & (available == left))
        if left == 0:
            continue
        got, tie = allocate_many(weights[rows], int(left), method=tier.method, return_ties=True)
        seats[rows] += got
        tied[rows] |= tie
    seats[failed] = 0
    return seats, tied, failed
