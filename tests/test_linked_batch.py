"""The vectorised linked formula equals the exact one, row by row, on every rule variant."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korelect import Entry, Kind, Linked, allocate, read_entries_csv, rules_for
from korelect._formulas.linked_batch import linked_many
from korelect._rules import Rules
from korelect.errors import InputError

GOLDEN = Path(__file__).parent / "golden"
PARTY_COLS = 5  # then one independent column and one "other" column


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Rules, np.ndarray, np.ndarray]:
    """Linked rules of any size and option, and a batch of runs with ties and near-ties."""
    districts = draw(st.integers(5, 60))
    lists = draw(st.integers(2, 30))
    cap = draw(st.one_of(st.none(), st.integers(1, lists)))
    tier = Linked(
        compensation=draw(st.sampled_from(["1/2", "1", "1/3"])),
        cap=cap,
        method=draw(st.sampled_from(["hare", "hare", "dhondt", "sainte-lague", "droop"])),
        zero_before_rounding=draw(st.booleans()),
        parties_without_list_in_r=draw(st.booleans()),
        share_base=draw(st.sampled_from(["qualifying", "valid"])),
    )
    rules = Rules(
        "scenario",
        districts + lists,
        districts,
        tier,
        threshold=draw(st.sampled_from(["3% OR 5 seats", "5%", None, "3% AND 1 seat"])),
    )
    runs = draw(st.integers(1, 5))
    votes, seats = [], []
    for _ in range(runs):
        if draw(st.booleans()):  # small numbers: many exact ties
            row = draw(st.lists(st.integers(0, 8), min_size=PARTY_COLS, max_size=PARTY_COLS))
        else:
            row = draw(st.lists(st.integers(0, 10**7), min_size=PARTY_COLS, max_size=PARTY_COLS))
        row += [0, draw(st.integers(0, 10**6))]
        if sum(row[:PARTY_COLS]) == 0:
            row[0] = 1
        cuts = sorted(draw(st.lists(st.integers(0, districts), min_size=5, max_size=5)))
        split = [b - a for a, b in zip([0, *cuts], [*cuts, districts], strict=True)]
        votes.append(row)
        seats.append([*split, 0])
    return rules, np.array(votes, dtype=np.int64), np.array(seats, dtype=np.int64)


PARTIES = np.array([True] * PARTY_COLS + [False, False])
KINDS = [Kind.PARTY] * PARTY_COLS + [Kind.INDEPENDENT, Kind.OTHER]
NAMES = [f"P{i}" for i in range(PARTY_COLS)] + ["Ind", "Other"]


def exact(rules: Rules, votes: np.ndarray, seats: np.ndarray) -> list[int] | None:
    entries = [
        Entry(n, int(v), int(d), k) for n, v, d, k in zip(NAMES, votes, seats, KINDS, strict=True)
    ]
    try:
        got = allocate(entries, rules, ties="list-order").list_seats
    except Exception:  # noqa: BLE001  (the batch path must flag what the exact path refuses)
        return None
    return [got.get(n, 0) for n in NAMES]


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_equals_exact_allocate(case: tuple[Rules, np.ndarray, np.ndarray]) -> None:
    rules, votes, seats = case
    got, _, failed = linked_many(rules, votes, seats, PARTIES)
    for r in range(len(votes)):
        want = exact(rules, votes[r], seats[r])
        if want is None:
            assert failed[r]
        else:
            # Ties go to the lower column: the exact path's list-order.
            assert not failed[r]
            assert got[r].tolist() == want
            assert got[r].sum() == rules.list_seats


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_permuted_columns_are_a_lot(
    case: tuple[Rules, np.ndarray, np.ndarray], rnd: random.Random
) -> None:
    """Columns in another order give the seats of the exact path with that list order."""
    rules, votes, seats = case
    perm = np.array([rnd.sample(range(len(NAMES)), len(NAMES)) for _ in votes])
    pv = np.take_along_axis(votes, perm, axis=1)
    ps = np.take_along_axis(seats, perm, axis=1)
    got, _, failed = linked_many(rules, pv, ps, PARTIES[perm])
    for r in range(len(votes)):
        order = perm[r]
        entries = [Entry(NAMES[j], int(votes[r, j]), int(seats[r, j]), KINDS[j]) for j in order]
        try:
            want = allocate(entries, rules, ties="list-order").list_seats
        except Exception:  # noqa: BLE001
            assert failed[r]
            continue
        assert dict(zip([NAMES[j] for j in order], got[r].tolist(), strict=True)) == {
            n: want.get(n, 0) for n in (NAMES[j] for j in order)
        }


def test_flags_remainder_ties() -> None:
    # Two equal parties and one residual seat between them: a tie the law settles by lot.
    rules = Rules("tie", 13, 10, Linked(), threshold=None)
    votes = np.array([[50, 50, 0, 0, 0, 0, 0]])
    seats = np.array([[0, 0, 0, 0, 0, 10, 0]])
    got, tied, failed = linked_many(rules, votes, seats, PARTIES)
    assert tied.tolist() == [True]
    assert not failed.any()
    assert got[0, :2].tolist() == [2, 1]  # the lower column wins the tie


@pytest.mark.parametrize("year", [2020, 2024])
def test_official_results(year: int) -> None:
    """The golden inputs (published shares, official district seats) give the official seats."""
    entries = read_entries_csv(GOLDEN / f"{year}.csv")
    votes = np.array([[int(e.votes) for e in entries]])
    seats = np.array([[e.district_seats for e in entries]])
    parties = np.array([e.is_party for e in entries])
    got, tied, failed = linked_many(rules_for(year), votes, seats, parties)
    want = allocate(entries, rules_for(year)).list_seats
    assert not tied[0]
    assert not failed[0]
    names = [e.name for e in entries]
    assert {n: s for n, s in zip(names, got[0].tolist(), strict=True) if n in want} == want
    assert sum(got[0]) == rules_for(year).list_seats


def test_needs_a_linked_tier() -> None:
    with pytest.raises(InputError, match="linked list tier"):
        linked_many(rules_for(2016), np.zeros((1, 7), dtype=np.int64), np.zeros((1, 7)), PARTIES)
