"""The vectorised linked formula equals the exact one, row by row, on every rule variant."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from batch_cases import NAMES, PARTIES, draw_runs, exact, permuted
from korelect import Linked, allocate, read_entries_csv, rules_for
from korelect.engine.batch.linked import linked_many
from korelect.errors import InputError
from korelect.law.rules import Rules

GOLDEN = Path(__file__).parent / "golden"


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
    votes, seats = draw_runs(draw, districts, independent_votes=False, some_party_votes=True)
    return rules, votes, seats


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_equals_exact_allocate(case: tuple[Rules, np.ndarray, np.ndarray]) -> None:
    rules, votes, seats = case
    got, _, failed = linked_many(rules, votes, seats, PARTIES)
    for r in range(len(votes)):
        want = exact(rules, list(range(len(NAMES))), votes[r], seats[r])
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
    perm, pv, ps, parties = permuted(votes, seats, rnd)
    got, _, failed = linked_many(rules, pv, ps, parties)
    for r in range(len(votes)):
        order = perm[r].tolist()
        want = exact(rules, order, votes[r], seats[r])
        if want is None:
            assert failed[r]
            continue
        assert dict(zip([NAMES[j] for j in order], got[r].tolist(), strict=True)) == {
            NAMES[j]: n for j, n in zip(order, want, strict=True)
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
