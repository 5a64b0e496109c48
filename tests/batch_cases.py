"""What the property tests of the vectorised list-tier formulas share.

Seven columns: five parties, independents and an ``other`` bucket; runs drawn
with small numbers (many exact ties) or large ones; the exact allocation in any
column order, as the reference the batch paths must equal.
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import strategies as st

from korelect import Entry, Kind, allocate
from korelect.law.rules import Rules

PARTY_COLS = 5  # then one independent column and one "other" column
PARTIES = np.array([True] * PARTY_COLS + [False, False])
KINDS = [Kind.PARTY] * PARTY_COLS + [Kind.INDEPENDENT, Kind.OTHER]
NAMES = [f"P{i}" for i in range(PARTY_COLS)] + ["Ind", "Other"]


def draw_runs(
    draw: st.DrawFn, districts: int, *, independent_votes: bool, some_party_votes: bool
) -> tuple[np.ndarray, np.ndarray]:
    """1 to 5 runs: votes (ties and near-ties) and district seats adding up to ``districts``."""
    votes, seats = [], []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):  # small numbers: many exact ties
            row = draw(st.lists(st.integers(0, 8), min_size=PARTY_COLS, max_size=PARTY_COLS))
        else:
            row = draw(st.lists(st.integers(0, 10**7), min_size=PARTY_COLS, max_size=PARTY_COLS))
        row += [draw(st.integers(0, 10**5)) if independent_votes else 0]
        row += [draw(st.integers(0, 10**6))]
        if some_party_votes and sum(row[:PARTY_COLS]) == 0:
            row[0] = 1
        cuts = sorted(draw(st.lists(st.integers(0, districts), min_size=5, max_size=5)))
        split = [b - a for a, b in zip([0, *cuts], [*cuts, districts], strict=True)]
        votes.append(row)
        seats.append([*split, 0])
    return np.array(votes, dtype=np.int64), np.array(seats, dtype=np.int64)


def exact(rules: Rules, order: list[int], votes: np.ndarray, seats: np.ndarray) -> list[int] | None:
    """The exact list seats, entries in column ``order`` (list-order ties); None if it refuses."""
    entries = [Entry(NAMES[j], int(votes[j]), int(seats[j]), KINDS[j]) for j in order]
    try:
        got = allocate(entries, rules, ties="list-order").list_seats
    except Exception:  # noqa: BLE001  (the batch path must flag what the exact path refuses)
        return None
    return [got.get(NAMES[j], 0) for j in order]


def permuted(
    votes: np.ndarray, seats: np.ndarray, rnd: random.Random
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A random column order per run, and the votes, seats and party mask in that order."""
    perm = np.array([rnd.sample(range(len(NAMES)), len(NAMES)) for _ in votes])
    return (
        perm,
        np.take_along_axis(votes, perm, axis=1),
        np.take_along_axis(seats, perm, axis=1),
        PARTIES[perm],
    )
