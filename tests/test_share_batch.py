"""The vectorised seat-share and vote-share formulas equal the exact ones, row by row.

Each family's batch formula is taken from the registry (``family_of(rules).batch``):
:func:`seat_share_many` for seat-share tiers, :func:`vote_share_many` for proportional ones.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from batch_cases import NAMES, PARTIES, draw_runs, exact, permuted
from korelect import (
    Entry,
    FirstPartyBonus,
    Proportional,
    SeatShare,
    allocate,
    read_entries_csv,
    rules_for,
)
from korelect.engine.batch.share import seat_share_many, vote_share_many
from korelect.engine.formulas.registry import family_of
from korelect.errors import InputError
from korelect.law.rules import Rules

GOLDEN = Path(__file__).parent / "golden"


@st.composite
def tiers(draw: st.DrawFn) -> SeatShare | Proportional:
    method = draw(
        st.sampled_from(
            ["hare", "hare", "droop", "hagenbach-bischoff", "imperiali", "dhondt", "sainte-lague"]
        )
    )
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
    # Few decimals leave rounded shares far from adding up to 1: every seat left over, or
    # taken back, by the literal reading (each rounded share x seats as it stands).
    decimals = draw(st.sampled_from([None, None, 4, 2, 1, 0]))
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
    votes, seats = draw_runs(draw, districts, independent_votes=True, some_party_votes=False)
    return rules, votes, seats


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_equals_exact_allocate(case: tuple[Rules, np.ndarray, np.ndarray]) -> None:
    rules, votes, seats = case
    got, _, failed = family_of(rules).batch(rules, votes, seats, PARTIES)
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
    perm, pv, ps, parties = permuted(votes, seats, rnd)
    got, _, failed = family_of(rules).batch(rules, pv, ps, parties)
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
    got, tied, failed = family_of(rules).batch(rules, votes, seats, PARTIES)
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
    got, tied, failed = family_of(year).batch(rules_for(year), votes, seats, parties)
    want = allocate(entries, rules_for(year)).list_seats
    assert not tied[0]
    assert not failed[0]
    names = [e.name for e in entries]
    assert {n: s for n, s in zip(names, got[0].tolist(), strict=True) if n in want} == want


def test_1996_rounded_shares_times_seats_as_they_stand() -> None:
    """1994 law, art. 189: each rounded share x seats, never rescaled by the shares' sum.

    7, 19 and 191 votes: the shares 0.0323 + 0.0876 + 0.8802 = 1.0001 give 1.4858, 4.0296
    and 40.4892 of 46 seats, so 1/4/41; rescaled by 1.0001 they gave 2/4/40.
    """
    rules = rules_for(1996, district_seats=30, total_seats=76)
    votes = np.array([[7, 19, 191], [191, 19, 7]])
    seats = np.array([[10, 10, 10], [10, 10, 10]])
    got, tied, failed = vote_share_many(rules, votes, seats, np.array([True] * 3))
    assert got.tolist() == [[1, 4, 41], [41, 4, 1]]
    assert not tied.any()
    assert not failed.any()
    assert got.tolist()[0] == [
        allocate(
            [Entry(n, int(v), 10) for n, v in zip("ABC", votes[0], strict=True)], rules
        ).list_seats[n]
        for n in "ABC"
    ]


def test_rounded_shares_over_one_take_seats_back() -> None:
    """Shares rounded to 0 decimals: 1/2 and 1/2 both round to 1, 2 x 5 seats for 5.

    The surplus is taken back a seat a round from the smallest remainders (all 0 here):
    the last one by the tie rule, as the exact path does with ``ties="list-order"``.
    """
    rules = rules_for(1996, district_seats=30, total_seats=35, share_decimals=0, threshold=None)
    votes = np.array([[5, 5, 0], [6, 4, 0]])
    seats = np.array([[10, 10, 10], [10, 10, 10]])
    got, tied, failed = vote_share_many(rules, votes, seats, np.array([True] * 3))
    assert got.tolist() == [[2, 3, 0], [5, 0, 0]]
    assert tied.tolist() == [True, False]
    assert not failed.any()
    for r in range(2):
        entries = [Entry(n, int(v), 10) for n, v in zip("ABC", votes[r], strict=True)]
        want = allocate(entries, rules, ties="list-order").list_seats
        assert got[r].tolist() == [want[n] for n in "ABC"]


def test_each_family_batch_needs_its_tier() -> None:
    zeros = np.zeros((1, 7), dtype=np.int64)
    with pytest.raises(InputError, match="seat-share tier"):
        seat_share_many(rules_for(1996), zeros, zeros, PARTIES)
    with pytest.raises(InputError, match="proportional tier"):
        vote_share_many(rules_for(1988), zeros, zeros, PARTIES)
    with pytest.raises(InputError, match="proportional tier"):
        vote_share_many(rules_for(2020), zeros, zeros, PARTIES)
