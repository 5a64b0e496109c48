"""Many apportionments at once: one vote vector per row of a numpy array.

:func:`allocate_many` is the vectorised twin of :func:`korelect.apportion`
for simulations (polls, bootstraps, what-if sweeps): every row of ``votes``
is one election, every column one entry. It gives the same seats as
``apportion(entries, seats, method, threshold=..., ties="list-order")`` row
by row; the property tests in ``tests/test_allocate_many.py`` check this.

How it stays exact:

* Thresholds are compiled into numpy boolean masks. A vote share
  ``num/den`` is met when ``votes * den >= num * total`` ("at least", as in
  :class:`~korelect.VoteShare`), that is when ``votes`` reaches the whole
  number ``ceil(num * total / den)``, computed once per row.
* Quota methods (Hare ``D = S``, Hagenbach-Bischoff ``S + 1``, Imperiali
  ``S + 2``, over the qualified votes ``V``; Droop: ``v`` over the whole-vote
  quota ``q``) give ``floor(v * D / V)`` seats, then one more to the largest
  remainders ``(v * D) mod V``.
* Divisor methods jump and step in float64 (:func:`_jump_and_step`): every party
  gets the seats its votes reach at one common divisor, a few seats are then moved one
  at a time by the highest next (lowest last) quotient, and the result is trusted only
  when the lowest quotient given a seat exceeds the highest left out by more than one
  part in 10^9 (far above float rounding): the method's own condition, checked on the
  result. Runs closer than that, ties included, are recomputed by the exact path in
  :mod:`korelect.engine.apportion`. The work per run grows with the parties, not the
  seats.

The quota fast path (float64). When every integer a quota method forms is at
most 2**53 (``(largest possible row total + 1) * (S + 3)``, and the same with
the shares' numerators and denominators, within 2**53: about 3e13 votes a row
for 300 seats), the quota methods run in float64, which is exact for them:

* Integers up to 2**53 are exact in float64, and so are their sums (row
  totals, in any order), products and differences while the results stay
  there. So ``v * D``, the row totals and ``num * total`` are exact.
* ``floor(fl(a / b)) == floor(a / b)`` for whole ``a``, ``b`` with
  ``a + b <= 2**53`` (``fl``: IEEE division, correctly rounded). Proof: with
  ``k = floor(a / b)``, ``fl`` is monotone and ``k`` is a float, so
  ``fl(a / b) >= k``; and ``a / b <= k + 1 - 1 / b`` while rounding moves a
  value by at most ``2**-53`` of itself, less than ``1 / b`` when
  ``b * (k + 1) <= a + b <= 2**53``, so ``fl(a / b) < k + 1``. The same
  argument gives ``ceil`` for the threshold and the Droop quota.
* So ``whole = floor(fl(v * D / V))`` is exact and ``frac = fl(v * D / V) -
  whole`` (an exact subtraction) is the remainder ``rem / V`` to within
  ``(S + 2) * 2**-53``. The remainders are ranked on ``frac`` rounded to
  float32 (monotone, and within ``2**-25`` below 1), so a ranking is exact
  wherever two ranked keys differ by more than ``eps = 2**-23 + (S + 3) *
  2**-51``, over twice both errors together: then the exact remainders are
  in the same order, and strictly so.
* A row is settled in float only when the last remainder that gets a seat
  (or, when the whole seats over-allocate, the last that gives one back) is
  more than ``eps`` from the first one passed over, and, when seats are
  added, from zero; every other row (a tie, a near-tie, or an unusual case:
  more seats left than entries, fewer holders than seats to give back) is
  redone by the integer path below, which settles ties by column and flags
  them. So the float path never settles a tie, and ``return_ties`` is the
  integer path's answer wherever there is one. Random data almost never has
  such rows.

The float path works on chunks of rows, transposed to ``(entries, runs)`` so
that per-run values broadcast along contiguous memory, and sorts each run's
remainders by a sorting network (one ``minimum``/``maximum`` over all runs
per comparator) for up to 16 entries. Everything else runs in int64 (or
Python integers, see below), as the exact path does.

Ties: the batch path settles every tie by column order: the lower column
index wins (the exact path's ``ties="list-order"``). This is not the law's
rule (a lot since 2004), so ``return_ties=True`` also returns a boolean
mask of the rows whose result depended on a tie; recompute those rows with
:func:`korelect.apportion` and the law's tie rule.

A row whose qualifying parties have no votes (or where no party qualifies)
cannot be apportioned: like the exact path, this raises
:class:`~korelect.errors.AllocationError`, naming the first such row.

>>> import numpy as np
>>> allocate_many(np.array([[5, 3, 2], [1, 1, 8]]), 4, method="hare")
array([[2, 1, 1],
       [1, 0, 3]])
>>> seats, tied = allocate_many(np.array([[1, 1, 1]]), 2, return_ties=True)
>>> seats, tied
(array([[1, 1, 0]]), array([ True]))
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from typing import Any, Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from korelect.engine.apportion import run_method
from korelect.engine.ties import TieBreaker
from korelect.errors import AllocationError, InputError
from korelect.law.methods import DIVISOR_METHODS, method_name
from korelect.law.thresholds import (
    AllOf,
    AnyOf,
    Condition,
    DistrictSeats,
    VoteShare,
    parse_threshold,
)

__all__ = ["allocate_many"]

_INT64_LIMIT = 2**63
_GUARD = 1e-9
"""Relative gap between the S-th and (S+1)-th quotient below which a row goes the exact way."""

Bools = NDArray[np.bool_]
Ints = NDArray[Any]  # int64, or object (Python ints) past the int64 limit


def _int_array(value: ArrayLike, what: str, shape: tuple[int, ...]) -> NDArray[Any]:
    """An integer array of one of the allowed shapes, checked >= 0, broadcast to ``shape``."""
    arr = np.asarray(value)
    if arr.dtype == object:
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in arr.flat):
            raise InputError(f"{what!r} must hold integers (got dtype object with non-integers)")
    elif arr.dtype.kind not in "iu":
        raise InputError(f"{what!r} must be an integer array (got dtype {arr.dtype})")
    if arr.size and (arr < 0).any():
        where = tuple(int(i) for i in np.argwhere(arr < 0)[0])
        raise InputError(f"{what!r} must be >= 0 (got {arr[where]} at index {where})")
    try:
        return np.broadcast_to(arr, shape)
    except ValueError:
        raise InputError(
            f"{what!r} must have shape {shape} or broadcast to it (got {arr.shape})"
        ) from None


def _exact_ints(arr: NDArray[Any], big: bool) -> Ints:
    """int64, or Python ints when products could pass 2**63."""
    if big:
        return np.array(arr.tolist(), dtype=object).reshape(arr.shape)
    return arr.astype(np.int64)


def _shares(condition: Condition | None) -> list[Fraction]:
    if isinstance(condition, VoteShare):
        return [condition.share]
    if isinstance(condition, AnyOf | AllOf):
        return [s for c in condition.conditions for s in _shares(c)]
    return []


def _least_votes(share: Fraction, total: Ints) -> Ints:
    """Per row, the fewest whole votes that reach ``share`` of ``total`` (1 if ``total`` is 0).

    ``votes >= ceil(num * total / den)`` is ``votes * den >= num * total`` for whole
    ``votes``, with one product per row instead of one per cell. For integer ``total``
    the ceiling is taken in integers; for float64 ``total`` (the float path, where
    ``num * total`` stays at most 2**53) in float64, exact as ``floor`` is there (module
    docstring: a quotient of such integers never rounds across an integer).
    """
    num, den = share.numerator, share.denominator
    if total.dtype.kind == "f":
        least = total * float(num)
        least /= den
        np.ceil(least, out=least)
    else:
        least = -((-num * total) // den)
    least[total == 0] = 1  # no votes in the row: nothing qualifies
    return least


def _mask(condition: Condition, votes: Ints, seats: Ints, total: Ints) -> Bools:
    """Which cells meet ``condition``: the condition tree as numpy boolean masks.

    ``total`` (the share's denominator per run) is shaped to broadcast against ``votes``:
    ``(runs, 1)`` for a ``(runs, entries)`` array, ``(runs,)`` for the float path's
    transposed ``(entries, runs)``; ``seats`` has the shape of ``votes``.
    """
    if isinstance(condition, VoteShare):
        return np.asarray(votes >= _least_votes(condition.share, total), dtype=bool)
    if isinstance(condition, DistrictSeats):
        return np.asarray(seats >= condition.at_least, dtype=bool)
    if isinstance(condition, AnyOf):
        parts = [_mask(c, votes, seats, total) for c in condition.conditions]
        return np.asarray(np.logical_or.reduce(parts), dtype=bool)
    if isinstance(condition, AllOf):
        parts = [_mask(c, votes, seats, total) for c in condition.conditions]
        return np.asarray(np.logical_and.reduce(parts), dtype=bool)
    raise InputError(f"'threshold' of type {type(condition).__name__} cannot be vectorised")


def _rank(key: Ints) -> NDArray[np.intp]:
    """Each cell's place when its row is sorted by ``key`` ascending, lower column first."""
    order = np.argsort(key, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(key.shape[1])[None, :], axis=1)
    return rank


def _sorted_at(key: Ints, index: NDArray[np.intp]) -> Ints:
    """The ``index``-th smallest key of each row (index clipped into range)."""
    ordered = np.sort(key, axis=1)
    at = np.clip(index, 0, key.shape[1] - 1).astype(np.intp)
    return np.take_along_axis(ordered, at[:, None], axis=1)[:, 0]


def _largest_remainder(
    weights: Ints, qualified: Bools, seats: int, method: str, base: int | None = None
) -> tuple[NDArray[np.int64], Bools]:
    """Integer path of the quota methods; ties go to the lower column and are flagged.

    ``base``: the whole the quota is taken of in every row, in place of the row's
    qualified sum (the exact path's ``run_method(..., base=...)``, 1996/2000 shares
    used as they stand); not for Droop's whole-vote quota.
    """
    runs = weights.shape[0]
    w = np.where(qualified, weights, 0)
    total = w.sum(axis=1) if base is None else np.full(runs, base, dtype=w.dtype)
    if method == "droop":
        num, den = w, total // (seats + 1) + 1
    else:
        factor = {"hare": seats, "hagenbach-bischoff": seats + 1, "imperiali": seats + 2}[method]
        num, den = w * factor, total
    whole = num // den[:, None]
    rem = num % den[:, None]
    left = seats - whole.sum(axis=1)
    tied = np.zeros(runs, dtype=bool)
    result = whole.copy()

    # Too few: every voted entry gets left // P, the best left % P remainders one more.
    voted = w > 0
    pool = voted.sum(axis=1)
    under = left > 0
    if under.any():
        p = np.maximum(pool, 1)
        rounds, part = np.where(under, left // p, 0), np.where(under, left % p, 0)
        key = np.where(voted, -rem, 1)  # ascending key = descending remainder
        rank = _rank(key)
        extra = rounds[:, None] * voted + (voted & (rank < part[:, None]))
        result = result + extra
        edge = part > 0
        a, b = _sorted_at(key, part - 1), _sorted_at(key, part)
        tied |= edge & (a == b)

    # Too many: take one seat a round from the smallest remainders among holders.
    count = np.where(left < 0, -left, 0)
    removed = np.zeros_like(result)
    while (count > 0).any():
        open_ = (whole - removed) > 0
        size = np.minimum(count, open_.sum(axis=1))
        if not size.any():  # cannot happen: more whole seats than seats means holders
            raise AllocationError("over-allocation with no seat to take back")
        key = np.where(open_, rem, den[:, None])  # den is above every remainder
        rank = _rank(key)
        removed = removed + (open_ & (rank < size[:, None]))
        edge = (size > 0) & (size < open_.sum(axis=1))
        tied |= edge & (_sorted_at(key, size - 1) == _sorted_at(key, size))
        count = count - size
    result = result - removed
    return np.asarray(result, dtype=np.int64), tied


_FLOAT_EXACT = 2**53
"""Integers up to this are exact in float64, and so are their sums, differences and products."""
_FLOAT_CHUNK = 65_536
"""Cells the float path works on at once: a few arrays of this many float64 fit in L2 cache."""
_NETWORK_MAX = 16
"""Most entries for which the float path sorts by a sorting network rather than numpy.sort."""


@cache
def _network(size: int) -> tuple[tuple[int, int], ...]:
    """Batcher's odd-even merge sorting network for ``size`` keys: compare-exchange pairs.

    Built for the next power of two and cut to ``size``: the keys past ``size`` act as
    +inf padding, which every pair that touches them leaves in place.
    """
    width = 1 << max(0, size - 1).bit_length()
    pairs: list[tuple[int, int]] = []
    p = 1
    while p < width:
        k = p
        while k >= 1:
            for j in range(k % p, width - k, 2 * k):
                pairs.extend(
                    (i + j, i + j + k)
                    for i in range(min(k, width - j - k))
                    if (i + j) // (2 * p) == (i + j + k) // (2 * p) and i + j + k < size
                )
            k //= 2
        p *= 2
    return tuple(pairs)


def _sort_columns(keys: NDArray[np.float32]) -> NDArray[np.float32]:
    """``numpy.sort(keys, axis=0)``; for few rows by a sorting network on whole rows."""
    rows = keys.shape[0]
    if rows > _NETWORK_MAX:
        return np.sort(keys, axis=0)
    lines = list(keys.copy())
    spare = np.empty_like(lines[0])
    for i, j in _network(rows):  # each step: one min and one max over all runs at once
        np.minimum(lines[i], lines[j], out=spare)
        np.maximum(lines[i], lines[j], out=lines[j])
        lines[i], spare = spare, lines[i]
    return np.stack(lines)


def _largest_remainder_float(
    weights: NDArray[np.float64],
    total: NDArray[np.float64],
    seats: int,
    method: str,
    out: NDArray[np.int64],
) -> Bools:
    """The quota methods in float64 on integer values: seats into ``out``; the unsure runs.

    ``weights`` (transposed: one row per entry, one column per run) holds the qualified
    votes, 0 elsewhere; this function overwrites it. ``total`` holds their sums per run;
    all are integers with ``total * (seats + 3) <= 2**53`` (the caller checks). Then
    ``whole = floor(num / den)`` is exact and ``frac = num / den - whole`` is the exact
    remainder ``rem / den`` give or take ``(seats + 2) * 2**-53`` (see the module
    docstring). With ``left = seats - sum(whole)``, the top ``left`` remainders get one
    seat more; when ``left < 0`` (Hagenbach-Bischoff, Imperiali) the ``-left`` smallest
    remainders among the entries holding a seat give one back. A run is *unsure*, and the
    caller redoes it in integers, when ``|left|`` is not below the entry count, when
    fewer entries hold seats than must give one back, or when the last remainder chosen
    is within ``eps`` of the first one passed over, or (when adding) of zero: a tie, a
    near-tie the floats cannot order, or a seat that the voted/unvoted rule would place.
    The runs are sorted on ``frac`` rounded to float32 (half the memory to move; rounding
    is monotone and moves a value below 1 by at most ``2**-25``), so ``eps`` is over twice
    both errors together. In every other run the chosen remainders are strictly on one
    side of all the rest, in exact arithmetic too, so the sort finds them and no tie rule
    is needed. ``out`` has the ``(runs, entries)`` shape.
    """
    cols, runs = weights.shape
    num = weights
    if method == "droop":
        den = np.floor(total / (seats + 1))
        den += 1
    else:
        factor = {"hare": seats, "hagenbach-bischoff": seats + 1, "imperiali": seats + 2}[method]
        num *= factor
        den = total
    frac = np.divide(num, den, out=num)  # the quotient, correctly rounded
    whole = np.floor(frac)
    frac -= whole  # exact: the quotient's fraction bits
    left = seats - np.add.reduce(whole, axis=0)
    over = left < 0  # more whole seats than seats: the smallest remainders give one back
    any_over = bool(over.any())
    keys = np.where(over & (whole == 0), 2.0, frac) if any_over else frac  # 2: holds none
    ranked = keys.astype(np.float32)  # monotone rounding, off by at most 2**-25 below 1
    flat = _sort_columns(ranked).reshape(-1)
    base = np.arange(runs)
    eps = 2.0**-23 + (seats + 3) * 2.0**-51  # over twice a ranked key's error
    at = np.clip(cols - left, 1, max(cols - 1, 1)).astype(np.intp)  # the left-th largest
    at *= runs
    at += base
    cut = np.take(flat, at, mode="clip")
    at -= runs  # the (left + 1)-th largest
    after = np.take(flat, at, mode="clip").astype(np.float64)
    give = left > 0
    gap = cut - after  # in float64: exact
    unsure: Bools = (left >= cols) | (give & ((cut <= eps) | (gap <= eps)))
    cut[~give] = np.inf
    whole += ranked >= cut
    if any_over:
        at = np.clip(-left - 1, 0, max(cols - 2, 0)).astype(np.intp)  # the -left-th smallest
        at *= runs
        at += base
        low = np.take(flat, at, mode="clip")
        at += runs  # the next one up
        gap = np.take(flat, at, mode="clip").astype(np.float64) - low
        unsure |= over & ((-left >= cols) | (low > 1) | (gap <= eps))
        low[~over] = -np.inf
        whole -= ranked <= low
    np.copyto(out.T, whole, casting="unsafe")  # whole numbers: the cast is exact
    return unsure


def _divisor(method: str, k: NDArray[np.float64]) -> NDArray[np.float64]:
    """d(k), the divisor of a party's (k+1)-th seat (k whole, as floats); d(-1) is never used."""
    if method == "dhondt":
        return k + 1
    if method == "sainte-lague":
        return 2 * k + 1
    if method == "modified-sainte-lague":
        return np.where(k == 0, 1.4, 2 * k + 1)
    if method == "adams":
        return k
    if method == "huntington-hill":
        return np.sqrt(k * (k + 1))
    return 2 * k * (k + 1) / (2 * k + 1)  # dean


def _count(method: str, x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Seats whose quotient reaches the divisor ``v / x``: #{k >= 0 : d(k) <= x}, for x >= 0.

    In closed form, as whole floats (a rounding at a boundary is caught by the check after).
    """
    if method == "dhondt":
        return np.floor(x)
    if method == "sainte-lague":
        return np.floor((x + 1) / 2)
    if method == "modified-sainte-lague":
        return np.where(x < 1.4, 0, np.where(x < 3, 1, np.floor((x + 1) / 2)))
    if method == "adams":
        return np.floor(x) + 1
    if method == "huntington-hill":
        return np.floor((np.sqrt(1 + 4 * x * x) - 1) / 2) + 1
    return np.floor((2 * x - 2 + np.sqrt((2 - 2 * x) ** 2 + 8 * x)) / 4) + 1  # dean


_SEATS_AT_FIRST = {"dhondt": (1.0, 0.5), "sainte-lague": (2.0, 0.0), "adams": (1.0, -0.5)}
"""(a, b): the first divisor is ``V / (a S + b P)`` (P parties with votes), which gives about
S seats: each party's count rounds down by about b (D'Hondt 1/2, Adams -1/2), and Sainte-Laguë's
divisors (2k + 1) are twice the seats. Other methods start as Sainte-Laguë or at ``V / S``."""
_STEP_LIMIT = 64
"""Seats moved one at a time after the first divisor before a row goes the exact way."""


def _highest_averages(
    weights: Ints, qualified: Bools, seats: int, method: str
) -> tuple[NDArray[np.int64], Bools]:
    """Divisor-method seats of every row, and the rows to recompute exactly (int or big votes).

    The votes of qualified parties go to :func:`_jump_and_step` in float64, a chunk of runs at
    a time: its check on the result makes any float error a reason to recompute, never a
    wrong seat.
    """
    runs, cols = weights.shape
    held = np.zeros((runs, cols), dtype=np.int64)
    unsure = np.zeros(runs, dtype=bool)
    step = max(1, _FLOAT_CHUNK // cols)
    for start in range(0, runs, step):
        part = slice(start, start + step)
        votes = np.where(qualified[part], weights[part], 0).T.astype(np.float64, order="C")
        chunk, unsure[part] = _jump_and_step(votes, seats, method)
        np.copyto(held[part].T, chunk, casting="unsafe")  # whole floats: exact
    return held, unsure


def _jump_and_step(
    votes: NDArray[np.float64], seats: int, method: str
) -> tuple[NDArray[Any], Bools]:
    """A divisor method on ``votes`` (parties x runs, 0 where a party may not have seats).

    Jump and step (Pukelsheim, *Proportional Representation*, 2017, ch. 6): every party
    gets the seats its votes reach at one common divisor (:data:`_SEATS_AT_FIRST`), which
    misses the house size by a seat or two; then, in every run still short, the party with
    the highest next quotient ``v / d(s)`` gets one more (in every run over, the party with
    the lowest last quotient ``v / d(s - 1)`` gives one back), until every run has its
    seats. A run is trusted only when the lowest quotient given a seat exceeds the highest
    left out by more than one part in 10^9 (:data:`_GUARD`): the divisor method's own
    condition, checked on the result, so a tie, a near-tie or a rounding at a boundary sends
    the run to the exact path (a run where two parties would step at once stops stepping).
    Returns the seats (whole floats, parties x runs) and the unsure runs.
    """
    a, b = _SEATS_AT_FIRST.get(method, (2.0 if "sainte" in method else 1.0, 0.0))
    live = votes > 0
    wanted = a * seats + b * np.count_nonzero(live, axis=0)
    np.maximum(wanted, 0.5, out=wanted)
    x = votes * (wanted / np.add.reduce(votes, axis=0))
    held = _count(method, x)
    if method in ("adams", "huntington-hill", "dean"):  # d(0) = 0: a first seat for any votes
        held *= live
    short = seats - np.add.reduce(held, axis=0)
    unsure = np.zeros(votes.shape[1], dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for _ in range(_STEP_LIMIT):
            up, down = np.flatnonzero(short > 0), np.flatnonzero(short < 0)
            if not (up.size or down.size):
                break
            for runs, sign in ((up, 1.0), (down, -1.0)):
                if runs.size:
                    part = held[:, runs]
                    tied = _step(votes[:, runs], part, sign, method)
                    held[:, runs] = part
                    short[runs] -= sign
                    unsure[runs[tied]] = True
                    short[runs[tied]] = 0  # stepped no further: recomputed exactly
        unsure |= short != 0
        np.divide(votes, _last_divisor(method, held), out=x)  # no seat: +inf, or 0 / 0
        won = np.fmin.reduce(x, axis=0)  # fmin and fmax skip not-a-number (0 / 0)
        np.divide(votes, _divisor(method, held), out=x)
        left = np.fmax.reduce(x, axis=0)
        safe = (np.isinf(won) & ~np.isinf(left)) | (np.isfinite(won) & (left < won * (1 - _GUARD)))
    return held, unsure | ~safe


def _last_divisor(method: str, held: NDArray[np.float64]) -> NDArray[np.float64]:
    """``d(s - 1)``, the divisor of each party's last seat.

    It is +0 where a party has no seat, so that ``v / d`` is +inf there: no seat to give back.
    """
    if method == "dhondt":
        return held  # d(s - 1) = s
    divisor = _divisor(method, held - 1)
    np.maximum(divisor, 0.0, out=divisor)
    divisor += 0.0  # a -0.0 (Huntington-Hill's and Dean's d(-1)) made +0.0
    return divisor


def _step(votes: NDArray[np.float64], held: NDArray[np.float64], sign: float, method: str) -> Bools:
    """One step of :func:`_jump_and_step` in every run (column) of ``held``, in place.

    One seat more (``sign`` 1) to the highest next quotient, or one back (-1) from the lowest
    last one; returns the runs where quotients tie, which do not step.
    """
    if sign > 0:
        quotient = votes / _divisor(method, held)
        pick = quotient == np.fmax.reduce(quotient, axis=0)
    else:
        quotient = votes / _last_divisor(method, held)
        worst = np.fmin.reduce(quotient, axis=0)
        pick = (quotient == worst) & np.isfinite(worst)
    tied: Bools = np.add.reduce(pick, axis=0, dtype=np.int32) != 1
    if tied.any():
        pick[:, tied] = False
    if sign > 0:
        held += pick
    else:
        held -= pick
    return tied


def _exact_row(
    weights: Ints, qualified: Bools, seats: int, method: str
) -> tuple[NDArray[np.int64], bool]:
    """One row by the exact path, ties by list (column) order."""
    names = [str(i) for i in range(len(weights))]
    chosen = {names[i]: int(weights[i]) for i in range(len(weights)) if qualified[i]}
    breaker = TieBreaker("list-order", order=names, votes=chosen)
    result = run_method(chosen, seats, method, breaker, stage="seats", all_names=names)
    seats_row = np.array([result.seats[n] for n in names], dtype=np.int64)
    return seats_row, bool(result.ties)


@overload
def allocate_many(
    votes: ArrayLike,
    seats: int,
    *,
    method: str = ...,
    threshold: Condition | str | None = ...,
    district_seats: ArrayLike | None = ...,
    parties: ArrayLike | None = ...,
    total: ArrayLike | None = ...,
    ties: str = ...,
    return_ties: Literal[False] = ...,
) -> NDArray[np.int64]: ...


@overload
def allocate_many(
    votes: ArrayLike,
    seats: int,
    *,
    method: str = ...,
    threshold: Condition | str | None = ...,
    district_seats: ArrayLike | None = ...,
    parties: ArrayLike | None = ...,
    total: ArrayLike | None = ...,
    ties: str = ...,
    return_ties: Literal[True],
) -> tuple[NDArray[np.int64], Bools]: ...


def allocate_many(
    votes: ArrayLike,
    seats: int,
    *,
    method: str = "hare",
    threshold: Condition | str | None = None,
    district_seats: ArrayLike | None = None,
    parties: ArrayLike | None = None,
    total: ArrayLike | None = None,
    ties: str = "order",
    return_ties: bool = False,
) -> NDArray[np.int64] | tuple[NDArray[np.int64], Bools]:
    """Apportion ``seats`` in every row of ``votes`` (shape ``(runs, entries)``).

    ``threshold`` is a :class:`~korelect.Condition` or a string such as
    ``"3% OR 5 seats"``, tested against ``total`` (per run; default: the
    row's sum, every column included) and ``district_seats`` (shape
    ``(entries,)`` or ``(runs, entries)``; default 0). ``parties`` is a
    boolean mask of the columns that are parties: the others (independents,
    ``other`` buckets) count in the threshold's denominator but never get
    seats; default all. ``ties="order"`` (the only rule) gives a tie to the
    lower column. Returns int64 seats of the shape of ``votes``, each row
    summing to ``seats``, and with ``return_ties=True`` also a boolean mask
    of the rows whose result depended on a tie.

    >>> import numpy as np
    >>> allocate_many(np.array([[50, 29, 21], [60, 25, 15]]), 5, method="dhondt",
    ...               threshold="25%", parties=[True, True, False])
    array([[3, 2, 0],
           [4, 1, 0]])
    """
    if ties != "order":
        raise InputError(f"'ties' must be 'order' (lower column wins) (got {ties!r})")
    method = method_name(method)
    if isinstance(seats, bool) or not isinstance(seats, int | np.integer) or seats < 0:
        raise InputError(f"'seats' must be an integer >= 0 (got {seats!r})")
    house = int(seats)
    raw = np.asarray(votes)
    if raw.ndim != 2:
        raise InputError(
            f"'votes' must be a 2-d array of shape (runs, entries) (got shape {raw.shape})"
        )
    if raw.shape[1] == 0:
        raise InputError("'votes' must have at least one column (entry)")
    if raw.dtype.kind not in "iu" or (raw.size and raw.min() < 0):
        raw = _int_array(raw, "votes", raw.shape)  # object arrays checked; bad input raises
    runs, cols = raw.shape
    is_party = np.ones(cols, dtype=bool)
    if parties is not None:
        mask = np.asarray(parties)
        if mask.dtype != bool or mask.shape != (cols,):
            raise InputError(
                f"'parties' must be a boolean array of shape ({cols},) "
                f"(got dtype {mask.dtype}, shape {mask.shape})"
            )
        is_party = mask
    districts = (
        np.zeros((runs, cols), dtype=np.int64)
        if district_seats is None
        else _int_array(district_seats, "district_seats", (runs, cols))
    )
    condition = parse_threshold(threshold) if isinstance(threshold, str) else threshold
    if condition is not None and not isinstance(condition, Condition):
        raise InputError(f"'threshold' must be a Condition or a string (got {threshold!r})")
    empty = np.zeros((runs, cols), dtype=np.int64)
    if runs == 0:
        return (empty, np.zeros(0, dtype=bool)) if return_ties else empty

    # Pick float64, int64 or Python ints from the largest product the steps form.
    peak = int(raw.max())
    row_sum_bound = peak * cols
    given = None if total is None else _int_array(total, "total", (runs,))
    total_bound = max(row_sum_bound, 0 if given is None else int(given.max()))
    factor = max([house + 2] + [max(s.numerator, s.denominator) for s in _shares(condition)])
    if house > 0 and (total_bound + 1) * (factor + 1) <= _FLOAT_EXACT:
        return _allocate_float(
            raw, house, method, condition, districts, is_party, given, return_ties
        )
    big = (total_bound + 1) * factor >= _INT64_LIMIT
    weights = _exact_ints(raw, big)
    sums = weights.sum(axis=1)
    if given is None:
        denominators = sums
    else:
        denominators = _exact_ints(given, big)
        _check_total(denominators, sums)

    qualified = np.broadcast_to(is_party, (runs, cols)).copy()
    if condition is not None:
        qualified &= _mask(condition, weights, districts, denominators[:, None])
    if house == 0:
        return (empty, np.zeros(runs, dtype=bool)) if return_ties else empty
    _check_lacking(np.where(qualified, weights, 0).sum(axis=1) == 0, house)

    if method in DIVISOR_METHODS:
        result, unsure = _highest_averages(weights, qualified, house, method)
        tied = np.zeros(runs, dtype=bool)
        for row in np.flatnonzero(unsure):
            result[row], tied[row] = _exact_row(weights[row], qualified[row], house, method)
    else:
        result, tied = _largest_remainder(weights, qualified, house, method)
    return (result, tied) if return_ties else result


def _check_total(denominators: NDArray[Any], sums: NDArray[Any]) -> None:
    short = denominators < sums
    if short.any():
        i = int(np.argmax(short))
        raise InputError(
            f"'total' must be at least the sum of the row's votes "
            f"({int(sums[i])} in run {i}) (got {int(denominators[i])})"
        )


def _check_lacking(lacking: Bools, house: int) -> None:
    if lacking.any():
        i = int(np.argmax(lacking))
        n = int(lacking.sum())
        raise AllocationError(
            f"run {i}: {house} seats to allocate but no qualifying entry has votes "
            f"({n} such run{'s' if n != 1 else ''})"
        )


def _qualify_float(
    raw: NDArray[Any],
    condition: Condition | None,
    districts: NDArray[Any],
    is_party: Bools,
    given: NDArray[Any] | None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Float64 votes, transposed to ``(entries, runs)``, the non-qualifying cells zeroed.

    Returns those votes, their sums per run, all votes' sums per run (non-parties and
    cells below the threshold included), and the threshold's denominators (``given``, or
    the latter). Sums of integers up to 2**53 are exact in float64, in any order.
    """
    values = raw.T.astype(np.float64, order="C")
    sums = np.add.reduce(values, axis=0)
    denominators = sums if given is None else given.astype(np.float64)
    masked = condition is not None or not is_party.all()
    if condition is not None:
        values *= _mask(condition, values, districts.T, denominators)
    if not is_party.all():
        values[~is_party] = 0.0
    return values, np.add.reduce(values, axis=0) if masked else sums, sums, denominators


def _allocate_float(
    raw: NDArray[Any],
    house: int,
    method: str,
    condition: Condition | None,
    districts: NDArray[Any],
    is_party: Bools,
    given: NDArray[Any] | None,
    return_ties: bool,
) -> NDArray[np.int64] | tuple[NDArray[np.int64], Bools]:
    """:func:`allocate_many` in float64 when every integer it forms is at most 2**53.

    The same steps and errors as the integer path (exact there, see the module docstring),
    in chunks of rows small enough to stay in the CPU cache between steps, transposed to
    ``(entries, runs)``: the threshold tested exactly, then :func:`_largest_remainder_float`
    for a quota method or :func:`_jump_and_step` for a divisor method. The few rows they
    leave unsure (ties, near-ties, over-allocation) are redone in integers:
    :func:`_largest_remainder` all at once, or the exact path row by row.
    """
    runs, cols = raw.shape
    result = np.empty((runs, cols), dtype=np.int64)
    unsure = np.empty(runs, dtype=bool)
    divisor = method in DIVISOR_METHODS
    step = max(1, _FLOAT_CHUNK // cols)
    for start in range(0, runs, step):
        part = slice(start, start + step)
        values, qualified_total, sums, denominators = _qualify_float(
            raw[part], condition, districts[part], is_party, None if given is None else given[part]
        )
        if (qualified_total == 0).any() or (given is not None and (denominators < sums).any()):
            # An error: raise the one the integer path would, naming the first such row.
            values, qualified_total, sums, denominators = _qualify_float(
                raw, condition, districts, is_party, given
            )
            _check_total(denominators, sums)
            _check_lacking(qualified_total == 0, house)
        if divisor:
            held, unsure[part] = _jump_and_step(values, house, method)
            np.copyto(result[part].T, held, casting="unsafe")  # whole floats: exact
        else:
            unsure[part] = _largest_remainder_float(
                values, qualified_total, house, method, result[part]
            )
    tied = np.zeros(runs, dtype=bool)
    if unsure.any():
        rows = np.flatnonzero(unsure)
        weights = raw[rows].astype(np.int64)
        qualified = np.broadcast_to(is_party, weights.shape).copy()
        if condition is not None:
            row_total = weights.sum(axis=1) if given is None else given[rows].astype(np.int64)
            qualified &= _mask(condition, weights, districts[rows], row_total[:, None])
        if divisor:
            for i, row in enumerate(rows):
                result[row], tied[row] = _exact_row(weights[i], qualified[i], house, method)
        else:
            result[rows], tied[rows] = _largest_remainder(weights, qualified, house, method)
    return (result, tied) if return_ties else result
