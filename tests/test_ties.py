"""Ties: settled by the law's rule, recorded in the result, reproducible from a seed."""

from __future__ import annotations

import pytest

import korelect
from korelect import Entry
from korelect.errors import TieError


def _three_way() -> list[Entry]:
    # 56 list seats over three equal parties: 18 each, 2 left for 3 equal remainders.
    return [Entry("A", 100, 81), Entry("B", 100, 81), Entry("C", 100, 81)]


def test_lot_is_recorded_and_reproducible() -> None:
    first = korelect.allocate(_three_way(), 2004, seed=7)
    again = korelect.allocate(_three_way(), 2004, seed=7)
    assert first.to_dict() == again.to_dict()
    assert len(first.ties) == 1
    tie = first.ties[0]
    assert tie.tied == ("A", "B", "C")
    assert tie.seats == 2
    assert len(tie.winners) == 2
    assert tie.rule is korelect.TieRule.LOT
    assert "drawn by lot (seed 7)" in tie.how
    assert sorted(first.list_seats.values()) == [18, 19, 19]
    assert "Ties:" in first.explain()
    assert "tied on remainder" in first.explain()


def test_lot_does_not_depend_on_input_order() -> None:
    forward = korelect.allocate(_three_way(), 2004, seed=3)
    backward = korelect.allocate(list(reversed(_three_way())), 2004, seed=3)
    assert forward.list_seats == backward.list_seats


def test_different_seeds_can_draw_differently() -> None:
    draws = {
        tuple(korelect.allocate(_three_way(), 2004, seed=s).ties[0].winners) for s in range(20)
    }
    assert len(draws) > 1


def test_raise_names_the_tied_parties_and_seats() -> None:
    with pytest.raises(TieError) as info:
        korelect.allocate(_three_way(), 2004, ties="raise")
    assert info.value.tied == ("A", "B", "C")
    assert info.value.seats == 2
    assert "between A, B and C for 2 seats" in str(info.value)


def test_1988_default_raises_because_the_rule_is_unknown() -> None:
    # A holds exactly half the districts (no bonus); 2 list seats: A 1.0, B 0.5, C 0.5
    rules = korelect.rules_for(1988, total_seats=226)
    entries = [Entry("A", 10, 112), Entry("B", 5, 56), Entry("C", 5, 56)]
    with pytest.raises(TieError) as info:
        korelect.allocate(entries, rules)
    assert info.value.tied == ("B", "C")
    assert info.value.seats == 1
    result = korelect.allocate(entries, rules, ties="lot", seed=0)
    assert result.list_seats["A"] == 1
    assert result.ties[0].tied == ("B", "C")


def test_votes_then_lot() -> None:
    # A 1.5 and B 0.5 of 2 seats: equal remainders, one seat: the one with more votes
    result = korelect.apportion({"A": 3, "B": 1}, 2, ties="votes-then-lot")
    assert dict(result.seats) == {"A": 2, "B": 0}
    assert result.ties[0].how.startswith("more votes: A (3)")
    # equal votes as well: by lot
    result = korelect.apportion({"A": 1, "B": 1}, 1, ties="votes-then-lot", seed=1)
    assert "then lot" in result.ties[0].how


def test_list_order() -> None:
    result = korelect.apportion({"B": 1, "A": 1}, 1, ties="list-order")
    assert dict(result.seats) == {"B": 1, "A": 0}


def test_divisor_method_tie() -> None:
    with pytest.raises(TieError) as info:
        korelect.apportion({"A": 2, "B": 1, "C": 1}, 2, "dhondt")
    # after A's first seat, A (2/2), B (1/1) and C (1/1) tie for the second
    assert info.value.tied == ("A", "B", "C")
    result = korelect.apportion({"A": 2, "B": 1, "C": 1}, 2, "dhondt", ties="lot", seed=0)
    assert result.seats["A"] >= 1
    assert result.ties[0].stage == "seats: quotient"


def test_first_party_tie_uses_tie_rule() -> None:
    # two parties share the most district seats, both below half
    entries = [Entry("A", 1, 80), Entry("B", 1, 80), Entry("C", 1, 64)]
    with pytest.raises(TieError, match="first party"):
        korelect.allocate(entries, 1988)
    result = korelect.allocate(entries, 1988, ties="lot", seed=0)
    assert result.ties[0].stage == "first party"


def test_invalid_tie_rule_and_seed() -> None:
    with pytest.raises(ValueError, match="'ties' must be one of"):
        korelect.apportion({"A": 1}, 1, ties="coin")
    with pytest.raises(ValueError, match="'seed' must be an integer"):
        korelect.apportion({"A": 1}, 1, seed="x")  # type: ignore[arg-type]
