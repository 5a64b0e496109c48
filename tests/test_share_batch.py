"""The vectorised seat-share and vote-share formulas equal the exact ones, row by row."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korelect import (
    Entry,
    FirstPartyBonus,
    Kind,
    Proportional,
    SeatShare,
    allocate,
    read_entries_csv,
    rules_for,
)
from korelect._formulas.share_batch import share_many
from korelect._rules import Rules
from korelect.errors import InputError

GOLDEN = Path(__file__).parent / "golden"
PARTY_COLS = 5  # then one independent column and one "other" column
PARTIES = np.array([True] * PARTY_COLS + [False, False])
KINDS = [Kind.PARTY] * PARTY_COLS + [Kind.INDEPENDENT, Kind.OTHER]
NAMES = [f"P{i}" for i in range(PARTY_COLS)] + ["Ind", "Other"]


@st.composite
def tiers(draw: st.DrawFn) -> SeatShare | Proportional:
    method = draw(st.sampled_from(["hare", "hare", "droop", "dhondt", "sainte-lague"]))
    minor = draw(st.sampled_from([None, "3%", "1%"]))
    if draw(st.booleans()):
        bonus = draw(
            st.one_of(
                st.none(),
                st.builds(
                    FirstPartyBonus,
                    share=st.sampled_from(["1/2", "1/3", "2/5"]),
                    rounding=st.sampled_from(["up", "down", "half-up"]),
                    below=st.sampled_from(["1/2", "2/3", "1"]),
                ),
            )
        )
        return SeatShare(method=method, bonus=bonus, minor_party_seat=minor)
    decimals = draw(st.sampled_from([None, None, 4, 2]))
    return Proportional(method=method, minor_party_seat=minor, share_decimals=decimals)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Rules, np.ndarray, np.ndarray]:
    """Rules of any size and option, and a batch of runs with ties and near-ties."""
    districts = draw(st.integers(5, 60))
    lists = draw(st.integers(1, 30))
    rules = Rules(
        "scenario",
        districts + lists,
        districts,
        draw(tiers()),
        threshold=draw(st.sampled_from(["5 seats", "5% OR 5 seats", "3%", None, "2 seats"])),
    )
    runs = draw(st.integers(1, 5))
    votes, seats = [], []
    for _ in range(runs):
        if draw(st.booleans()):  # small numbers: many exact ties
            row = draw(st.lists(st.integers(0, 8), min_size=PARTY_COLS, max_size=PARTY_COLS))
        else:
            row = draw(st.lists(st.integers(0, 10**7), min_size=PARTY_COLS, max_size=PARTY_COLS))
        row += [draw(st.integers(0, 10**5)), draw(st.integers(0, 10**6))]
        cuts = sorted(draw(st.lists(st.integers(0, districts), min_size=5, max_size=5)))
        split = [b - a for a, b in zip([0, *cuts], [*cuts, districts], strict=True)]
        votes.append(row)
        seats.append([*split, 0])
    return rules, np.array(votes, dtype=np.int64), np.array(seats, dtype=np.int64)


def exact(rules: Rules, names: list[int], votes: np.ndarray, seats: np.ndarray) -> list[int] | None:
    """The exact list seats, entries in the order ``names`` gives (list-order ties)."""
    entries = [Entry(NAMES[j], int(votes[j]), int(seats[j]), KINDS[j]) for j in names]
    try:
        got = allocate(entries, rules, ties="list-order").list_seats
    except Exception:  # noqa: BLE001  (the batch path must flag what the exact path refuses)
        return None
    return [got.get(NAMES[j], 0) for j in names]


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_equals_exact_allocate(case: tuple[Rules, np.ndarray, np.ndarray]) -> None:
    rules, votes, seats = case
    got, _, failed = share_many(rules, votes, seats, PARTIES)
    for r in range(len(votes)):
        want = exact(rules, list(range(len(NAMES))), votes[r], seats[r])
        if want is None:
            assert failed[r]
        elif failed[r]:
            # The one case computed only the exact way: Droop's quota on rounded shares.
            tier = rules.list_tier
            assert isinstance(tier, Proportional)
            assert (tier.method, tier.share_decimals is not None) == ("droop", True)
        else:
            # Ties go to the lower column: the exact path's list-order.
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
    got, _, failed = share_many(rules, pv, ps, PARTIES[perm])
    for r in range(len(votes)):
        want = exact(rules, perm[r].tolist(), votes[r], seats[r])
        if want is None:
            assert failed[r]
        elif not failed[r]:
            assert got[r].tolist() == want


def test_flags_ties() -> None:
    # Two first parties with the same district seats (1988 bonus), and a remainder tie.
    rules = rules_for(1988)
    votes = np.array([[10, 10, 5, 0, 0, 0, 0]])
    seats = np.array([[80, 80, 64, 0, 0, 0, 0]])
    got, tied, failed = share_many(rules, votes, seats, PARTIES)
    assert tied.tolist() == [True]
    assert not failed.any()
    assert got[0, 0] == 38  # the lower column takes the bonus


@pytest.mark.parametrize("year", [1988, 1992, 1996, 2000, 2004, 2016])
def test_official_results(year: int) -> None:
    """The golden inputs (official counts and district seats) give the official seats."""
    entries = read_entries_csv(GOLDEN / f"{year}.csv")
    votes = np.array([[int(e.votes) for e in entries]])
    seats = np.array([[e.district_seats for e in entries]])
    parties = np.array([e.is_party for e in entries])
    got, tied, failed = share_many(rules_for(year), votes, seats, parties)
    want = allocate(entries, rules_for(year)).list_seats
    assert not tied[0]
    assert not failed[0]
    names = [e.name for e in entries]
    assert {n: s for n, s in zip(names, got[0].tolist(), strict=True) if n in want} == want


def test_needs_a_share_tier() -> None:
    with pytest.raises(InputError, match="seat-share or vote-share"):
        share_many(rules_for(2020), np.zeros((1, 7), dtype=np.int64), np.zeros((1, 7)), PARTIES)
