"""Textbook apportionments with known answers, and the corner cases of each method.

The expected seats in ``data/textbook_apportionments.csv`` were worked out by
hand (or taken from the worked examples the ``source`` column names and
checked by hand), not copied from korelect's output.
"""

from __future__ import annotations

import csv
import math
from fractions import Fraction
from pathlib import Path

import pytest

import korelect
from korelect import apportion
from korelect.errors import TieError

DATA = Path(__file__).parent / "data" / "textbook_apportionments.csv"


def _pairs(text: str) -> dict[str, int]:
    """Read ``"A:5;B:3"`` as ``{"A": 5, "B": 3}``."""
    result = {}
    for item in text.split(";"):
        name, _, value = item.partition(":")
        result[name.strip()] = int(value)
    return result


def _load() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = _load()
CASES = [
    pytest.param(
        row["method"],
        int(row["seats"]),
        _pairs(row["votes"]),
        _pairs(row["expected"]),
        id=f"{row['case']}-{row['method']}",
    )
    for row in ROWS
]


@pytest.mark.parametrize(("method", "seats", "votes", "expected"), CASES)
def test_textbook_apportionment(
    method: str, seats: int, votes: dict[str, int], expected: dict[str, int]
):
    # ties="raise" (the default): a textbook case has one answer, and no tie settles it
    result = apportion(votes, seats, method)
    assert dict(result.seats) == expected
    assert result.method == method
    assert not result.ties


def test_the_data_file_is_consistent():
    assert [r["case"] for r in ROWS], "no cases"
    ids = [(r["case"], r["method"]) for r in ROWS]
    assert len(ids) == len(set(ids)), "a case is listed twice for one method"
    for row in ROWS:
        votes, expected = _pairs(row["votes"]), _pairs(row["expected"])
        assert list(expected) == list(votes), row["case"]
        assert sum(expected.values()) == int(row["seats"]), row["case"]
        assert row["source"].strip(), row["case"]


@pytest.mark.parametrize("method", korelect.METHODS)
def test_every_method_has_textbook_cases(method: str):
    assert sum(1 for r in ROWS if r["method"] == method) >= 4


# -- quotas -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "quota"),
    [
        ("hare", Fraction(28750)),
        ("droop", Fraction(25556)),
        ("hagenbach-bischoff", Fraction(230000, 9)),
        ("imperiali", Fraction(23000)),
    ],
)
def test_quotas(method: str, quota: Fraction):
    votes = {"A": 100000, "B": 80000, "C": 30000, "D": 20000}
    result = apportion(votes, 8, method)
    assert result.quota == quota
    for row in result.rows:
        assert row.quotient == Fraction(votes[row.name]) / quota
        assert row.whole == math.floor(row.quotient)
        assert row.remainder == row.quotient - row.whole


def test_hare_remainder_seats_are_recorded():
    # Wikipedia's largest-remainder example: quota 10 000, remainders .70, .61, .60 win.
    votes = {"A": 47000, "B": 16000, "C": 15800, "D": 12000, "E": 6100, "F": 3100}
    result = apportion(votes, 10, "hare")
    assert result.quota == 10000
    assert {r.name for r in result.rows if r.remainder_seat} == {"A", "B", "E"}
    assert [r.whole for r in result.rows] == [4, 1, 1, 1, 0, 0]


def test_alabama_paradox_under_hare():
    votes = {"A": 6, "B": 6, "C": 2}
    assert apportion(votes, 10, "hare").seats["C"] == 2
    assert apportion(votes, 11, "hare").seats["C"] == 1


# -- Imperiali over-allocation ------------------------------------------------------------


def test_imperiali_over_allocation_takes_the_smallest_remainder():
    # quota 100 / 5 = 20: quotients 2.25, 1.70, 1.05 give 4 integer seats for 3
    result = apportion({"A": 45, "B": 34, "C": 21}, 3, "imperiali")
    assert result.quota == 20
    assert sum(r.whole for r in result.rows) == 4
    assert result.removed == ("C",)
    assert dict(result.seats) == {"A": 2, "B": 1, "C": 0}
    assert "too many" in result.explain()


def test_imperiali_over_allocation_by_two():
    # quota 100 / 4 = 25: quotients 2 and 2 give 4 integer seats for 2
    result = apportion({"A": 50, "B": 50}, 2, "imperiali")
    assert sorted(result.removed) == ["A", "B"]
    assert dict(result.seats) == {"A": 1, "B": 1}


def test_imperiali_over_allocation_tie_raises():
    # quota 100 / 5 = 20: quotients 3, 1, 1 give 5 integer seats for 3, all remainders 0
    with pytest.raises(TieError) as info:
        apportion({"A": 60, "B": 20, "C": 20}, 3, "imperiali")
    assert info.value.tied == ("A", "B", "C")
    assert info.value.seats == 2
    assert "over-allocation" in info.value.stage


def test_hagenbach_bischoff_over_allocation():
    # quota 7 / 4: a single party's quotient is 4 = S + 1, so one seat is taken back
    result = apportion({"A": 7, "B": 0}, 3, "hagenbach-bischoff")
    assert result.removed == ("A",)
    assert dict(result.seats) == {"A": 3, "B": 0}


# -- divisor methods with a zero first divisor ---------------------------------------------


@pytest.mark.parametrize("method", ["adams", "huntington-hill", "dean"])
def test_more_parties_than_seats_is_a_tie_for_zero_first_divisors(method: str):
    with pytest.raises(TieError) as info:
        apportion({"A": 5, "B": 3, "C": 2}, 2, method, ties="raise")
    assert info.value.tied == ("A", "B", "C")
    assert info.value.seats == 2
    drawn = apportion({"A": 5, "B": 3, "C": 2}, 2, method, ties="lot", seed=7)
    assert sorted(drawn.seats.values()) == [0, 1, 1]
    assert drawn.ties[0].value == "quotient infinite"


@pytest.mark.parametrize("method", ["adams", "huntington-hill", "dean"])
def test_every_party_with_votes_gets_a_first_seat(method: str):
    result = apportion({"A": 1000, "B": 1, "C": 1, "D": 0}, 3, method)
    assert dict(result.seats) == {"A": 1, "B": 1, "C": 1, "D": 0}


@pytest.mark.parametrize("method", ["dhondt", "sainte-lague", "modified-sainte-lague"])
def test_nonzero_first_divisors_give_no_free_seat(method: str):
    result = apportion({"A": 1000, "B": 1, "C": 1}, 3, method)
    assert dict(result.seats) == {"A": 3, "B": 0, "C": 0}


# -- exact ties ------------------------------------------------------------------------------


def test_modified_sainte_lague_exact_tie_for_the_last_seat():
    # After 7 seats (A3 B3 C1) A's next quotient is 100000/7 and D's first is
    # 20000/1.4 = 100000/7: an exact tie for the 8th seat.
    votes = {"A": 100000, "B": 80000, "C": 30000, "D": 20000}
    with pytest.raises(TieError) as info:
        apportion(votes, 8, "modified-sainte-lague")
    assert info.value.tied == ("A", "D")
    assert info.value.seats == 1
    drawn = apportion(votes, 8, "modified-sainte-lague", ties="lot", seed=3)
    assert drawn.seats["B"] == 3
    assert drawn.seats["C"] == 1
    assert drawn.seats["A"] + drawn.seats["D"] == 4
    assert {drawn.seats["A"], drawn.seats["D"]} in ({4, 0}, {3, 1})
    assert drawn.ties[0].tied == ("A", "D")


def test_huntington_hill_exact_tie():
    # A with 1 seat: 1/sqrt(2); B with 8 seats: 6/sqrt(72) = 1/sqrt(2) exactly.
    # In floats the two differ in the last bit, so a float implementation gives B the seat.
    assert 1 / math.sqrt(2) != 6 / math.sqrt(72)
    with pytest.raises(TieError) as info:
        apportion({"A": 1, "B": 6}, 10, "huntington-hill")
    assert info.value.tied == ("A", "B")
    assert apportion({"A": 1, "B": 6}, 9, "huntington-hill").seats == {"A": 1, "B": 8}


def test_huntington_hill_is_exact_where_floats_are_not():
    a, b = 10**17, 6 * 10**17 - 1
    # floats round b to 6e17 and give B the 10th seat; exactly, b < 6a gives it to A
    assert float(b) / math.sqrt(72) > float(a) / math.sqrt(2)
    result = apportion({"A": a, "B": b}, 10, "huntington-hill")
    assert dict(result.seats) == {"A": 2, "B": 8}
    last = result.awards[-1]
    assert last.name == "A"
    assert last.quotient == Fraction(a * a, 2)  # squared quotient


def test_dean_divisors_are_harmonic_means():
    # d(1) = 4/3: the 4th seat of {A: 1000, B: 566} goes to B at 566 x 3/4 = 424.5
    result = apportion({"A": 1000, "B": 566}, 4, "dean")
    assert result.awards[-1].name == "B"
    assert result.awards[-1].quotient == Fraction(566 * 3, 4)


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "method"),
    [
        ("jefferson", "dhondt"),
        ("D'Hondt", "dhondt"),
        ("webster", "sainte-lague"),
        ("hamilton", "hare"),
        ("largest-remainder", "hare"),
        ("Hare_Niemeyer", "hare"),
        ("equal proportions", "huntington-hill"),
        ("HB", "hagenbach-bischoff"),
    ],
)
def test_method_aliases(alias: str, method: str):
    votes = {"A": 47000, "B": 16000, "C": 15800, "D": 12000, "E": 6100, "F": 3100}
    result = apportion(votes, 10, alias)
    assert result.method == method
    assert result.seats == apportion(votes, 10, method).seats


def test_unknown_method_is_an_input_error():
    with pytest.raises(korelect.errors.InputError, match="'method' must be one of"):
        apportion({"A": 1}, 1, "borda")
