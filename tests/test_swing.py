"""Vote swing: zero swing is the election, a hand-checked count, monotonicity, errors."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counts_cases import declared_only
from korelect.analysis.swing import SwungCandidate, parse_change, plurality, swing, swing_votes
from korelect.errors import DataError, InputError, UnknownNameError
from korelect.record.election import results


@pytest.mark.parametrize(("year", "party"), [(2004, "GNP"), (2016, "Saenuri"), (2020, "DPK")])
def test_zero_swing_reproduces_results(year: int, party: str) -> None:
    base = results(year)
    r = swing(year, {party: 0})
    assert r.flips == ()
    assert {p.name: p.total_seats for p in r.swung.parties} == {
        p.info.party_id: p.total_seats for p in base.parties
    }
    for line in r.parties:
        assert line.change == 0
        assert line.base_district == base.party(line.info.party_id).district_seats


def test_uniform_hand_checked() -> None:
    # 1,000 votes: A 500, B 300, C 200. A loses 20 points: 300; B and C share the 200 taken
    # in proportion 3:2 -> 420 and 280, and B now wins.
    lines = [("A", 500), ("B", 300), ("C", 200)]
    new = swing_votes(lines, {"A": Fraction(-20)})
    assert new == (300, 420, 280)
    assert sum(new) == 1000


def test_uniform_floor_and_cap() -> None:
    lines = [("A", 50), ("B", 30), ("C", 20)]
    assert swing_votes(lines, {"A": Fraction(-80)}) == (0, 60, 40)
    assert swing_votes(lines, {"A": Fraction(80)}) == (100, 0, 0)


def test_two_swung_parties_and_fractional_votes() -> None:
    # A +1 point, B -2 points on 3 votes: A 1 -> 1.03, B 1 -> 0.94, C takes the rest, 1.03.
    new = swing_votes([("A", 1), ("B", 1), ("C", 1)], {"A": Fraction(1), "B": Fraction(-2)})
    assert new == (Fraction(103, 100), Fraction(94, 100), Fraction(103, 100))


def test_proportional_differs_from_uniform() -> None:
    lines = [("A", 200), ("B", 800)]
    uniform = swing_votes(lines, {"A": Fraction(10)})
    proportional = swing_votes(
        lines, {"A": Fraction(10)}, kind="proportional", national={"A": Fraction(2, 5)}
    )
    assert uniform == (300, 700)
    assert proportional == (250, 750)  # 20% x 50/40
    real_u = swing(2004, {"GNP": "+2", "Uri": "-2"})
    real_p = swing(2004, {"GNP": "+2", "Uri": "-2"}, kind="proportional")
    assert {f.district_id for f in real_u.flips} != {f.district_id for f in real_p.flips}


def test_tie_after_swing() -> None:
    a = SwungCandidate("A", "P", "p", Fraction(5), date(1950, 1, 1))
    b = SwungCandidate("B", "Q", "q", Fraction(5), date(1940, 1, 1))
    assert plurality([a, b], "X") == (b, "eldest")
    c = SwungCandidate("C", "Q", "q", Fraction(5), None)
    with pytest.raises(DataError, match="birth date of C"):
        plurality([a, c], "X")


def test_example_2016() -> None:
    r = swing(2016, {"Saenuri": "+3"})
    saenuri = r.line("Saenuri")
    assert saenuri.swung_district > saenuri.base_district
    assert len(r.flips) == saenuri.swung_district - saenuri.base_district + sum(
        1 for f in r.flips if f.before.party_id == saenuri.info.party_id
    )
    assert "Districts that changed hands" in r.table()
    d = r.to_dict()
    assert d["year"] == 2016
    flips = d["flips"]
    assert isinstance(flips, list)
    assert len(flips) == len(r.flips)


@settings(max_examples=4, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=15), min_size=2, max_size=2))
def test_more_swing_never_fewer_districts(sizes: list[int]) -> None:
    small, large = sorted(sizes)
    a = swing(2012, {"Saenuri": small}).line("Saenuri")
    b = swing(2012, {"Saenuri": large}).line("Saenuri")
    assert a.base_district <= a.swung_district <= b.swung_district


def test_errors() -> None:
    with pytest.raises(InputError, match="no district counts"):
        swing(declared_only(2024), {"DPK": 1})
    with pytest.raises(UnknownNameError):
        swing(2016, {"Nonexistent Party": 1})
    with pytest.raises(UnknownNameError):
        swing(2016, {"GNP": 1})
    with pytest.raises(InputError, match="below 0"):
        swing(2016, {"Justice": -50})
    # as far up as down: +200 is refused, not clamped
    with pytest.raises(InputError, match="from -100 to \\+100 percentage points"):
        swing(2016, {"Saenuri": 200})
    with pytest.raises(InputError, match="above 100% of the constituency vote"):
        swing(2016, {"Saenuri": 70})
    with pytest.raises(InputError, match="from -100 to"):
        swing(2016, {"Saenuri": "+1e300"})
    with pytest.raises(InputError, match=r"…\)$"):  # a 5,000-digit change, shown cut short
        swing(2016, {"Saenuri": "9" * 5000})
    with pytest.raises(InputError, match="'kind'"):
        swing(2016, {"Saenuri": 1}, kind="cubic")
    with pytest.raises(InputError, match="already"):
        swing(2016, {"Saenuri": 1, "새누리당": 1})
    with pytest.raises(InputError, match="independents"):
        swing(2016, {"무소속": 1})
    with pytest.raises(InputError, match="percentage points"):
        parse_change(0.5, "A")
    assert parse_change("-1.5", "A") == Fraction(-3, 2)


def test_cli_swing(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    assert main(["swing", "2016", "Saenuri=+3"]) == 0
    out = capsys.readouterr().out
    assert "Districts that changed hands: 31" in out
    assert main(["swing", "2004", "GNP=+2", "Uri=-2", "--kind", "proportional", "--json"]) == 0
    assert '"kind": "proportional"' in capsys.readouterr().out
    assert main(["swing", "2016", "nonsense"]) == 2
    assert "PARTY=POINTS" in capsys.readouterr().err
    assert main(["swing", "2024", "PPP=+1"]) == 0  # 2024 has polis-korea's counts
