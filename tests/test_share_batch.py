"""The vectorised seat-share and vote-share formulas equal the exact ones, row by row."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from batch_cases import NAMES, PARTIES, draw_runs, exact, permuted
from korelect import FirstPartyBonus, Proportional, SeatShare, allocate, read_entries_csv, rules_for
from korelect.engine.batch.share import share_many
from korelect.errors import InputError
from korelect.law.rules import Rules

GOLDEN = Path(__file__).parent / "golden"


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
    votes, seats = draw_runs(draw, districts, independent_votes=True, some_party_votes=False)
    return rules, votes, seats


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
    perm, pv, ps, parties = permuted(votes, seats, rnd)
    got, _, failed = share_many(rules, pv, ps, parties)
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
