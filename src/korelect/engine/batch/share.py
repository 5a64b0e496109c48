"""The seat-share and vote-share formulas (.seat_share, .vote_share) for many runs at once.

``seat_share_many(rules, votes, district_seats, parties)`` and
``vote_share_many(...)`` give, for every row of ``votes`` (runs x entries), the
list seats :func:`korelect.allocate` gives under ``rules`` when the list tier is
a :class:`korelect.SeatShare` (1988, 1992) or a :class:`korelect.Proportional`
(1996–2016) respectively, with every option of those tiers. They are the batch
functions of those families in :mod:`korelect.engine.formulas.registry`
(``family_of(rules).batch``):

1. qualification by the rules' threshold ("at least", exact integers; every
   column counts in the total, only ``parties`` qualify);
2. one seat first for each party that did not qualify but meets the tier's
   ``minor_party_seat`` condition (1992: 3%; 1996, 2000: 3% to under 5%);
3. seat share only, the first-party bonus (1988): if the qualifying party with
   the most district seats holds fewer than ``below`` of all district seats, it
   first gets ``share`` of the remaining list seats, rounded as the rule says,
   and the other qualifying parties share the rest;
4. the remaining seats by the tier's method on the weights: district seats
   (seat share), or votes (vote share), or the vote shares rounded half up to
   ``share_decimals`` decimals (1996, 2000, art. 189: ``floor((2 v 10^d + V) /
   2V)`` units of ``10^-d``, exact in integers). Runs are grouped by their
   number of remaining seats and each group goes through
   :func:`korelect.allocate_many`; the rounded shares of a quota method go
   through its integer path with the quota taken of ``10^d`` (the whole), not of
   the rounded shares' sum: each rounded share times the seats as it stands, as
   the law reads.

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
>>> seats, tied, failed = seat_share_many(rules_for(1988), votes, ds, parties)
>>> seats[0].tolist(), bool(tied[0]), bool(failed[0])
([38, 16, 13, 8, 0, 0, 0], False, False)

Under the 1996 law, three parties with 7, 19 and 191 votes: the rounded shares
0.0323, 0.0876 and 0.8802 (sum 1.0001) times 46 seats give 1, 4 and 41:

>>> rules = rules_for(1996, district_seats=30, total_seats=76)
>>> seats, _, _ = vote_share_many(rules, np.array([[7, 19, 191]]), np.array([[10, 10, 10]]),
...                               np.array([True, True, True]))
>>> seats[0].tolist()
[1, 4, 41]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.engine.batch.apportion import _largest_remainder, _mask, allocate_many
from korelect.errors import InputError
from korelect.law.methods import QUOTA_METHODS
from korelect.law.rules import FirstPartyBonus, Proportional, Rules, SeatShare
from korelect.law.thresholds import Condition

__all__ = ["seat_share_many", "vote_share_many"]

_LIMIT = 2**62
"""Bound for every product formed (int64 with a safety factor of two)."""

Result = tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]


def _rounded(value: NDArray[np.int64], num: int, den: int, how: str) -> NDArray[np.int64]:
    """``value x num / den`` rounded up, down or half up, in integers."""
    if how == "up":
        return -((-value * num) // den)
    if how == "down":
        return (value * num) // den
    return (2 * value * num + den) // (2 * den)


def seat_share_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """List seats under ``rules``' seat-share tier (1988, 1992) for every row (see the module).

    ``parties`` marks the columns that are parties, for all rows (shape
    ``(entries,)``) or row by row (shape of ``votes``). Returns ``(seats, tied,
    failed)``: int64 list seats of the shape of ``votes``, the rows whose seats
    depended on a tie (settled for the lower column), and the rows that could
    not be computed here (their seats are 0).
    """
    tier = rules.list_tier
    if not isinstance(tier, SeatShare):  # the type check narrows the tier for its options
        raise InputError(f"seat_share_many needs a seat-share tier (got {rules.formula!r})")
    return _share_many(
        rules,
        votes,
        district_seats,
        parties,
        by_seats=True,
        method=tier.method,
        minor_party_seat=tier.minor_party_seat,
        bonus=tier.bonus,
        decimals=None,
    )


def vote_share_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """List seats under ``rules``' vote-share tier (1996–2016) for every row (see the module).

    The arguments and the result are those of :func:`seat_share_many`.
    """
    tier = rules.list_tier
    if not isinstance(tier, Proportional):  # the type check narrows the tier for its options
        raise InputError(f"vote_share_many needs a proportional tier (got {rules.formula!r})")
    return _share_many(
        rules,
        votes,
        district_seats,
        parties,
        by_seats=False,
        method=tier.method,
        minor_party_seat=tier.minor_party_seat,
        bonus=None,
        decimals=tier.share_decimals,
    )


def _share_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
    *,
    by_seats: bool,
    method: str,
    minor_party_seat: Condition | None,
    bonus: FirstPartyBonus | None,
    decimals: int | None,
) -> Result:
    """Steps 1-4 of the module: weights by district seats (``by_seats``) or by votes."""
    v = np.asarray(votes, dtype=np.int64)
    d = np.asarray(district_seats, dtype=np.int64)
    runs, cols = v.shape
    seats = np.zeros((runs, cols), dtype=np.int64)
    tied = np.zeros(runs, dtype=bool)
    failed = np.zeros(runs, dtype=bool)
    if runs == 0:
        return seats, tied, failed
    total = v.sum(axis=1)
    scale = 10**decimals if decimals is not None else 1
    # Droop's whole-vote quota is not scale-free: on rounded shares it runs the exact way.
    droop_on_shares = decimals is not None and method == "droop"
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
    if minor_party_seat is not None:
        minor = party & ~qualified & _mask(minor_party_seat, v, d, total[:, None])
        seats += minor
        available -= minor.sum(axis=1)
    failed |= available < 0
    sharing = qualified.copy()

    if bonus is not None:
        held = np.where(qualified, d, -1)
        top = held.max(axis=1)
        some = qualified.any(axis=1)
        leaders = (held == top[:, None]) & qualified
        tied |= some & (leaders.sum(axis=1) > 1)
        first = leaders.argmax(axis=1)  # the lower column among tied leaders
        below = bonus.below
        applied = some & (top * below.denominator < below.numerator * rules.district_seats)
        given = _rounded(
            np.maximum(available, 0), bonus.share.numerator, bonus.share.denominator, bonus.rounding
        )
        rows = np.flatnonzero(applied)
        seats[rows, first[rows]] += given[rows]
        available[rows] -= given[rows]
        others = sharing[rows].copy()
        others[np.arange(rows.size), first[rows]] = False
        alone = ~others.any(axis=1)  # the first party alone shares the rest
        others[alone, first[rows][alone]] = True
        sharing[rows] = others
        failed |= available < 0

    if by_seats:
        weights = np.where(sharing, d, 0)
    else:
        weights = np.where(sharing, v, 0)
        if decimals is not None:
            base = weights.sum(axis=1, keepdims=True)
            safe = np.where(base > 0, base, 1)
            weights = np.where(base > 0, (2 * weights * scale + safe) // (2 * safe), weights)
    failed |= (available > 0) & (weights.sum(axis=1) == 0)
    # Rounded shares are used as they stand (art. 189, 1996/2000): a quota of the whole.
    as_they_stand = decimals is not None and method in QUOTA_METHODS

    ok = ~failed
    for left in np.unique(available[ok]):
        rows = np.flatnonzero(ok & (available == left))
        if left == 0:
            continue
        if as_they_stand:
            got, tie = _largest_remainder(weights[rows], sharing[rows], int(left), method, scale)
        else:
            got, tie = allocate_many(weights[rows], int(left), method=method, return_ties=True)
        seats[rows] += got
        tied[rows] |= tie
    seats[failed] = 0
    return seats, tied, failed
