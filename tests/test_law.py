"""The law registry: every election's rules, their sources, and their named options."""

from __future__ import annotations

from fractions import Fraction

import pytest

import korelect
from korelect import Entry
from korelect.engine.apportion import run_method
from korelect.engine.ties import TieBreaker
from korelect.errors import InputError, RulesError, UnknownElectionError

# LAW.md §2, the table of seat totals.
SEATS = {
    # LAW-1948-1985.md's table: districts elect one member until 1971, two from 1973
    1948: (200, 200, 0, "none", "constituency"),
    1950: (210, 210, 0, "none", "constituency"),
    1954: (203, 203, 0, "none", "constituency"),
    1958: (233, 233, 0, "none", "constituency"),
    1960: (233, 233, 0, "none", "constituency"),
    1963: (175, 131, 44, "first-party-bounds", "constituency"),
    1967: (175, 131, 44, "first-party-bounds", "constituency"),
    1971: (204, 153, 51, "first-party-bounds", "constituency"),
    1973: (219, 146, 73, "appointed", "constituency"),
    1978: (231, 154, 77, "appointed", "constituency"),
    1981: (276, 184, 92, "first-party-fixed-share", "constituency"),
    1985: (276, 184, 92, "first-party-fixed-share", "constituency"),
    1988: (299, 224, 75, "seat-share", "constituency"),
    1992: (299, 237, 62, "seat-share", "constituency"),
    1996: (299, 253, 46, "proportional", "constituency"),
    2000: (273, 227, 46, "proportional", "constituency"),
    2004: (299, 243, 56, "proportional", "list"),
    2008: (299, 245, 54, "proportional", "list"),
    2012: (300, 246, 54, "proportional", "list"),
    2016: (300, 253, 47, "proportional", "list"),
    2020: (300, 253, 47, "linked", "list"),
    2024: (300, 254, 46, "linked", "list"),
}


def test_registered_years() -> None:
    assert korelect.registered_years() == tuple(SEATS)


@pytest.mark.parametrize("year", SEATS)
def test_seat_totals_and_formula(year: int) -> None:
    r = korelect.rules_for(year)
    assert (r.total_seats, r.district_seats, r.list_seats, r.formula, r.vote_basis.value) == (
        SEATS[year]
    )
    assert r.year == year
    assert r.law, "every rule cites its law"
    assert r.sources, "every rule cites its sources"


@pytest.mark.parametrize(
    ("year", "threshold"),
    [
        (1988, "5 seats"),
        (1992, "5 seats"),
        (1996, "5 seats OR 5%"),
        (2000, "5 seats OR 5%"),
        (2004, "3% OR 5 seats"),
        (2016, "3% OR 5 seats"),
        (2020, "3% OR 5 seats"),
        (2024, "3% OR 5 seats"),
    ],
)
def test_thresholds(year: int, threshold: str) -> None:
    assert str(korelect.rules_for(year).threshold) == threshold


def test_tie_defaults_follow_law_md() -> None:
    ties = {y: korelect.rules_for(y).ties.value for y in SEATS}
    assert ties[1988] == ties[1992] == "raise"  # not verified: report, do not guess
    assert ties[1996] == ties[2000] == "votes-then-lot"  # 1994 law [S7]
    assert {ties[y] for y in (2004, 2008, 2012, 2016, 2020, 2024)} == {"lot"}


def test_cap_and_parallel_tier() -> None:
    t2020 = korelect.rules_for(2020).list_tier
    t2024 = korelect.rules_for(2024).list_tier
    assert isinstance(t2020, korelect.Linked)
    assert isinstance(t2024, korelect.Linked)
    assert t2020.cap == 30
    assert t2024.cap is None
    assert t2020.compensation == Fraction(1, 2)


def test_open_points_are_stated() -> None:
    for year in (1988, 1992, 1996, 2000, 2004, 2020, 2024):
        assert korelect.rules_for(year).open_points, year


def test_year_as_string_and_unknown_year() -> None:
    assert korelect.rules_for("2004") is korelect.rules_for(2004)
    with pytest.raises(UnknownElectionError, match="no rules for 1999"):
        korelect.rules_for(1999)
    with pytest.raises(LookupError):
        korelect.rules_for("next")


def test_replace_routes_tier_fields_and_rejects_unknown() -> None:
    r = korelect.rules_for(2024, threshold="5%", cap=30, name="x")
    assert str(r.threshold) == "5%"
    assert r.list_tier.cap == 30  # type: ignore[union-attr]
    with pytest.raises(RulesError, match="unknown rules field 'capp'"):
        korelect.rules_for(2024, capp=30)
    with pytest.raises(RulesError, match="must not exceed the list seats"):
        korelect.rules_for(2024, cap=47)
    with pytest.raises(RulesError, match="must not exceed 'total_seats'"):
        korelect.rules_for(2024, district_seats=301)
    with pytest.raises(RulesError, match="'method' must be one of"):
        korelect.rules_for(2004, method="borda")


def test_rules_are_frozen() -> None:
    r = korelect.rules_for(2004)
    with pytest.raises(AttributeError):
        r.total_seats = 10  # type: ignore[misc]


def test_1992_seven_seat_reading_changes_nothing_in_1992() -> None:
    """LAW.md: the 5-vs-7-seat question makes no difference in 1992."""
    entries = [
        Entry("DLP", 7_923_718, 116),
        Entry("DP", 6_004_578, 75),
        Entry("UNP", 3_574_419, 24),
        Entry("NPRP", 369_044, 1),
        Entry("Ind.", 2_372_005, 21, kind="independent"),
    ]
    five = korelect.allocate(entries, 1992)
    seven = korelect.allocate(entries, korelect.rules_for(1992, threshold="7 seats"))
    assert five.list_seats == seven.list_seats


def test_1992_minor_party_seat() -> None:
    """A party with < 5 district seats but >= 3% first gets one seat (1992)."""
    entries = [
        Entry("A", 500, 150),
        Entry("B", 400, 80),
        Entry("C", 30, 2),  # exactly 3% of 1000
        Entry("D", 29, 2),
        Entry("Ind.", 41, 3, kind="independent"),
    ]
    result = korelect.allocate(entries, 1992)
    assert [m.name for m in result.minor_party_seats] == ["C"]
    assert result.list_seats["C"] == 1
    assert result.list_seats["D"] == 0
    assert result.list_seats["A"] + result.list_seats["B"] == 61


def test_2000_minor_party_seat_and_rounded_shares() -> None:
    entries = [
        Entry("GNP", 7_365_359, 112),
        Entry("MDP", 6_780_625, 96),
        Entry("ULD", 1_859_331, 12),
        Entry("DPP", 694_240, 1),
        Entry("Ind.", 2_202_937, 6, kind="independent"),
    ]
    result = korelect.allocate(entries, 2000)
    assert [m.name for m in result.minor_party_seats] == ["DPP"]
    app = result.apportionments[0]
    assert app.house == 45
    # shares rounded half up to 4 decimals (소수점 이하 다섯째자리 반올림)
    weights = {r.name: r.weight for r in app.rows}
    assert weights["GNP"] == Fraction("0.4602")  # 7,365,359 / 16,005,315 = 0.460185...
    assert result.list_seats == {"GNP": 21, "MDP": 19, "ULD": 5, "DPP": 1, "Ind.": 0}


def test_1996_rounded_shares_times_seats_as_they_stand() -> None:
    """1994 law, art. 189: list seats are each rounded share x seats, not rescaled.

    7, 19 and 191 votes: the shares 0.0323 + 0.0876 + 0.8802 add up to 1.0001. As the
    statute reads, 1.4858, 4.0296 and 40.4892 of 46 seats give 1/4/41; rescaled by the sum
    (the quota of 1.0001 / 46), the remainders .4857 and .4852 gave 2/4/40.
    """
    rules = korelect.rules_for(1996, district_seats=30, total_seats=76)
    entries = [Entry("A", 7, 10), Entry("B", 19, 10), Entry("C", 191, 10)]
    result = korelect.allocate(entries, rules)
    assert result.list_seats == {"A": 1, "B": 4, "C": 41}
    assert result.seats == {"A": 11, "B": 14, "C": 51}
    shares = result.rounded_shares
    assert shares is not None
    assert [r.rounded for r in shares.rows] == [
        Fraction("0.0323"),
        Fraction("0.0876"),
        Fraction("0.8802"),
    ]
    assert shares.total == Fraction("1.0001")
    app = result.apportionments[0]
    assert app.base == 1
    assert app.quota == Fraction(1, 46)
    assert [r.quotient for r in app.rows] == [
        Fraction("1.4858"),
        Fraction("4.0296"),
        Fraction("40.4892"),
    ]
    text = result.explain()
    assert "rounded half up at the 5th decimal place (소수점 이하 다섯째자리 반올림)" in text
    assert "add up to 1.0001" in text
    assert "as it stands, not rescaled by that sum" in text
    assert "C          0.8802   88.0200%" in text
    steps = result.to_dict()["steps"]
    assert isinstance(steps, dict)
    assert steps["rounded_shares"]["total"] == "10001/10000"
    assert steps["apportionments"][0]["base"] == "1"
    # the rescaled reading, for the record: the same rounded shares with a quota of their sum
    tb = TieBreaker("raise", order=list("ABC"), votes={})
    weights = {r.name: r.rounded for r in shares.rows}
    rescaled = run_method(weights, 46, "hare", tb, stage="list seats")
    assert dict(rescaled.seats) == {"A": 2, "B": 4, "C": 40}


def test_unrounded_vote_shares_are_rescaled_by_nothing() -> None:
    """2004 on: the exact shares of the qualifying votes, no rounding step, quota of their sum."""
    rules = korelect.rules_for(2004, district_seats=30, total_seats=76)
    result = korelect.allocate([Entry("A", 7, 10), Entry("B", 19, 10), Entry("C", 191, 10)], rules)
    assert result.rounded_shares is None
    assert result.apportionments[0].base is None
    assert result.apportionments[0].quota == Fraction(217, 46)
    assert "rounded half up" not in result.explain()


def test_1988_no_bonus_when_first_party_has_half() -> None:
    entries = [Entry("A", 50, 112), Entry("B", 30, 80), Entry("C", 20, 32)]
    result = korelect.allocate(entries, 1988)
    assert result.bonus is not None
    assert not result.bonus.applied
    # 75 seats by district seats 112/80/32 = 224: 37.5 / 26.79 / 10.71
    assert result.list_seats == {"A": 37, "B": 27, "C": 11}


def test_zero_before_rounding_option() -> None:
    """art. 189(2)1: the readings differ only for a raw value in [0.5, 1)."""
    # N = 300, R = 0; party C: p = 1/300 * 2 -> (300 * 2/300 - 0) / 2 = 1 ... build raw 0.75:
    # raw = (300 * p - r) / 2 = 0.75 -> 300 p = 1.5 -> p = 1/200.
    entries = [
        Entry("A", 100, 150),
        Entry("B", 99, 104),
        Entry("C", 1, 0),
        Entry("D", 0, 0),
    ]
    # C has 1/200 of the qualifying vote; give it a threshold it passes.
    default = korelect.rules_for(2024, threshold="none", district_seats=254)
    result = korelect.allocate(entries, default)
    assert result.linked is not None
    row = next(r for r in result.linked.rows if r.name == "C")
    assert row.raw == Fraction(3, 4)
    assert row.rounded == 1
    assert row.seats == 1
    other = korelect.allocate(entries, default.replace(zero_before_rounding=True))
    assert other.linked is not None
    assert next(r for r in other.linked.rows if r.name == "C").seats == 0


def test_full_compensation_scenario() -> None:
    """compensation = 1 with no cap: list seats top parties up to their share of N - R."""
    rules = korelect.Rules(
        name="MMP 200 + 100",
        total_seats=300,
        district_seats=200,
        list_tier=korelect.Linked(compensation=Fraction(1), cap=None),
        threshold=korelect.VoteShare("3%"),
    )
    entries = [Entry("A", 40, 150), Entry("B", 35, 50), Entry("C", 25, 0)]
    result = korelect.allocate(entries, rules)
    # s: A 120 - 150 -> 0; B 105 - 50 = 55; C 75; sum 130 > 100 -> 100 x 55/130, 100 x 75/130
    assert result.list_seats == {"A": 0, "B": 42, "C": 58}
    assert result.total_seats == 300


def test_district_seats_must_add_up() -> None:
    with pytest.raises(InputError, match="district seats add up to 3, but"):
        korelect.allocate([Entry("A", 1, 3)], 2004)


def test_rules_describe_mentions_the_law() -> None:
    text = korelect.rules_for(2020).describe()
    assert "30 seats" in text
    assert "17 parallel seats" in text
    assert "Suppl. Prov. art. 4" in text
