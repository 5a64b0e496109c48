"""The law of the twelve elections 1948–1985: rules, the record reproduced, the new families.

``../shared/docs/LAW-1948-1985.md`` gives the seats and the rules as far as they are known;
the record is polis-korea's NEC counts (``../shared/data/polis-korea/data/results``): the
district winners (``won``) and candidates' votes, and for 1963–1985 the ``nation`` race's
national-tier seats (``proportional_seats``). The entries are built from the record the
way the law reads it: each party's district seats and its candidates' votes summed over
the districts, independents apart; every vote counts in the valid vote.

The record tests skip when ``../shared`` is not beside the checkout.
"""

from __future__ import annotations

import json
from collections import Counter
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korelect
from batch_cases import NAMES, PARTIES, draw_runs, exact
from korelect import Entry, Kind, Rules, allocate, rules_for
from korelect.engine.batch.first_party import (
    first_party_bounds_many,
    first_party_fixed_share_many,
)
from korelect.engine.batch.unelected import exact_only_many, no_list_many
from korelect.engine.formulas.first_party import (
    allocate_first_party_bounds,
    allocate_first_party_fixed_share,
)
from korelect.engine.formulas.registry import FAMILIES, family_of
from korelect.engine.formulas.unelected import allocate_appointed, allocate_no_list
from korelect.errors import AllocationError, InputError, RulesError
from korelect.law.rules import Appointed, FirstPartyBounds, FirstPartyFixedShare, NoListTier
from strategies import (
    allocation_entries,
    canonical_thresholds,
    first_party_bounds_tiers,
    first_party_fixed_share_tiers,
    rule_names,
    seeds,
)

POLIS = Path(__file__).resolve().parents[2] / "shared" / "data" / "polis-korea" / "data" / "results"
needs_record = pytest.mark.skipif(
    not POLIS.is_dir(), reason="../shared/data/polis-korea is not beside the checkout"
)

INDEPENDENT = "무소속"
FILES = {
    1948: "1st",
    1950: "2nd",
    1954: "3rd",
    1958: "4th",
    1960: "5th",
    1963: "6th",
    1967: "7th",
    1971: "8th",
    1973: "9th",
    1978: "10th",
    1981: "11th",
    1985: "12th",
}

# LAW-1948-1985.md, Summary: seats, district members, tier seats, formula, magnitude.
SEATS = {
    1948: (200, 200, 0, "none", 1),
    1950: (210, 210, 0, "none", 1),
    1954: (203, 203, 0, "none", 1),
    1958: (233, 233, 0, "none", 1),
    1960: (233, 233, 0, "none", 1),
    1963: (175, 131, 44, "first-party-bounds", 1),
    1967: (175, 131, 44, "first-party-bounds", 1),
    1971: (204, 153, 51, "first-party-bounds", 1),
    1973: (219, 146, 73, "appointed", 2),
    1978: (231, 154, 77, "appointed", 2),
    1981: (276, 184, 92, "first-party-fixed-share", 2),
    1985: (276, 184, 92, "first-party-fixed-share", 2),
}


# -- the rules -------------------------------------------------------------------------------


def test_every_early_election_is_registered_oldest_first() -> None:
    years = korelect.registered_years()
    assert years[: len(SEATS)] == tuple(SEATS)
    assert list(years) == sorted(years)


@pytest.mark.parametrize("year", SEATS)
def test_seats_and_family(year: int) -> None:
    r = rules_for(year)
    assert (r.total_seats, r.district_seats, r.list_seats, r.formula, r.district_magnitude) == (
        SEATS[year]
    )
    assert r.year == year
    assert r.assembly == list(SEATS).index(year) + 1
    assert r.vote_basis is korelect.VoteBasis.CONSTITUENCY
    assert r.law, "every rule cites its law"
    assert r.sources, "every rule cites its sources"
    assert any("not verified" in p for p in r.open_points), "the tie rule is stated"
    assert r.ties is korelect.TieRule.RAISE  # list ties before 1994: reported, not guessed
    assert isinstance(r.list_tier, family_of(year).tier)


@pytest.mark.parametrize(
    ("year", "threshold"),
    [(1963, "3 seats AND 5%"), (1971, "3 seats AND 5%"), (1981, "5 seats"), (1985, "5 seats")],
)
def test_thresholds(year: int, threshold: str) -> None:
    assert str(rules_for(year).threshold) == threshold


def test_the_1960_upper_house_is_named_as_not_covered() -> None:
    r = rules_for(1960)
    assert "민의원" in r.name
    assert any("참의원" in p and "not covered" in p for p in r.open_points)


def test_1963_open_points_say_no_vote_reading_reproduces_the_record() -> None:
    points = " ".join(rules_for(1963).open_points)
    assert "11/7/4" in points
    assert "14/5/3" in points


@pytest.mark.parametrize("year", [1973, 1978, 1981, 1985])
def test_two_member_districts_are_described(year: int) -> None:
    text = rules_for(year).describe()
    assert f"in {SEATS[year][1] // 2} two-member districts" in text


def test_describe_the_tiers_no_vote_fills() -> None:
    assert "no list tier" in rules_for(1954).describe()
    assert "Votes used" not in rules_for(1954).describe()
    text = rules_for(1978).describe()
    assert "77 appointed (유신정우회)" in text
    assert "통일주체국민회의" in text


def test_no_list_tier_has_no_seats() -> None:
    with pytest.raises(RulesError, match="'none' has no seats"):
        rules_for(1950, total_seats=220)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"majority_of": "all"}, "'majority_of' must be one of"),
        ({"rest": "again"}, "'rest' must be one of"),
        ({"rest_basis": "seats"}, "'rest_basis' must be one of"),
        ({"ceiling": "3/2"}, "'ceiling' must be at most 1"),
        ({"guaranteed": 0.5}, "must be exact"),
        ({"rounding": "nearest"}, "'rounding' must be one of"),
    ],
)
def test_bad_bounds_options(changes: dict[str, object], message: str) -> None:
    with pytest.raises(RulesError, match=message):
        rules_for(1967, **changes)


def test_bad_fixed_share_and_appointed_options() -> None:
    with pytest.raises(RulesError, match="'share' must be at most 1"):
        rules_for(1981, share="4/3")
    with pytest.raises(RulesError, match="'basis' must be one of"):
        rules_for(1981, basis="members")
    with pytest.raises(RulesError, match="'bloc' must be a non-empty string"):
        rules_for(1973, bloc=" ")
    with pytest.raises(RulesError, match="unknown rules field 'method'"):
        rules_for(1973, method="dhondt")
    with pytest.raises(RulesError, match="'district_magnitude' must be >= 1"):
        rules_for(1973, district_magnitude=0)


# -- the record ------------------------------------------------------------------------------


@cache
def _record(year: int) -> dict[str, Any]:
    path = POLIS / f"{FILES[year]}-general-{year}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def record_entries(year: int) -> list[Entry]:
    """Each party's district seats (winners) and votes (its candidates'), independents apart."""
    seats: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for race in _record(year)["races"]:
        if race["scope"] != "district":
            continue
        for c in race["candidates"]:
            seats[c["party"]] += bool(c.get("won"))
            votes[c["party"]] += c.get("votes") or 0
    return [
        Entry(p, votes[p], seats[p], Kind.INDEPENDENT if p == INDEPENDENT else Kind.PARTY)
        for p in votes
    ]


def record_tier_seats(year: int) -> dict[str, int]:
    """The nation race's seats per party: the 전국구 tier, or 1973/1978 유신정우회."""
    (nation,) = [r for r in _record(year)["races"] if r["scope"] == "nation"]
    return {c["party"]: c["proportional_seats"] for c in nation["candidates"]}


def _seated(seats: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in seats.items() if n}


@needs_record
@pytest.mark.parametrize("year", [1963, 1967, 1971, 1981, 1985])
def test_the_law_reproduces_the_national_tier(year: int) -> None:
    entries = record_entries(year)
    assert sum(e.district_seats for e in entries) == rules_for(year).district_seats
    result = allocate(entries, rules_for(year))
    assert _seated(result.list_seats) == record_tier_seats(year)
    assert result.total_seats == rules_for(year).total_seats
    assert not result.ties


# The readings the sources leave open, and what each gives: only the defaults reproduce
# the record (1963's remainder has no reading by votes that does).
READINGS = [
    pytest.param(1963, {}, {"민정당": 14, "민주당(1955)": 5, "자유민주당": 3}, True, id="1963"),
    pytest.param(
        1963,
        {"rest_basis": "votes"},
        {"민정당": 11, "민주당(1955)": 7, "자유민주당": 4},
        False,
        id="1963-repeat-by-votes",
    ),
    pytest.param(
        1963,
        {"rest_basis": "votes", "rest": "proportional"},
        {"민정당": 11, "민주당(1955)": 7, "자유민주당": 4},
        False,
        id="1963-votes",
    ),
    pytest.param(
        1963,
        {"rest": "proportional"},
        {"민정당": 15, "민주당(1955)": 4, "자유민주당": 3},
        False,
        id="1963-district-seats-largest-remainder",
    ),
    pytest.param(1971, {"majority_of": "valid"}, {"신민당": 25}, False, id="1971-of-all-valid"),
    pytest.param(
        1971,
        {"majority_of": "valid", "rounding": "down"},
        {"신민당": 26},
        False,
        id="1971-of-all-valid-down",
    ),
    pytest.param(1967, {"basis": "district seats"}, {"신민당": 15}, False, id="1967-by-seats"),
    pytest.param(1981, {"basis": "votes"}, {"민주한국당": 19, "한국국민당": 12}, False, id="1981"),
    pytest.param(
        1985,
        {"basis": "votes"},
        {"신한민주당": 16, "민주한국당": 10, "한국국민당": 5},
        False,
        id="1985-by-votes",
    ),
    pytest.param(1981, {"rounding": "half-up"}, {"민주정의당": 61}, True, id="1981-half-up"),
    pytest.param(1981, {"rounding": "up"}, {"민주정의당": 62}, False, id="1981-up"),
]


@needs_record
@pytest.mark.parametrize(("year", "changes", "gives", "is_record"), READINGS)
def test_what_each_reading_gives(
    year: int, changes: dict[str, object], gives: dict[str, int], is_record: bool
) -> None:
    got = allocate(record_entries(year), rules_for(year, **changes)).list_seats
    assert {name: got[name] for name in gives} == gives
    assert (_seated(got) == record_tier_seats(year)) is is_record


@needs_record
@pytest.mark.parametrize("year", [1973, 1978])
def test_the_appointed_seats_are_the_nation_races(year: int) -> None:
    result = allocate(record_entries(year), rules_for(year))
    assert record_tier_seats(year) == {"유신정우회": rules_for(year).list_seats}
    bloc = result.party("유신정우회")
    assert (bloc.kind, bloc.list_seats, bloc.votes, bloc.district_seats) == (
        Kind.APPOINTED,
        record_tier_seats(year)["유신정우회"],
        0,
        0,
    )
    assert _seated(result.list_seats) == record_tier_seats(year)
    assert result.total_seats == rules_for(year).total_seats
    assert result.appointed is not None
    assert "filled by appointment" in result.explain()


@needs_record
@pytest.mark.parametrize("year", [1954, 1958, 1960])
def test_districts_only_where_the_record_counts_every_district(year: int) -> None:
    entries = record_entries(year)
    result = allocate(entries, rules_for(year))
    assert result.total_seats == rules_for(year).total_seats
    assert not any(result.list_seats.values())
    assert "No list tier" in result.explain()


@needs_record
@pytest.mark.parametrize(("year", "counted"), [(1948, 197), (1950, 206)])
def test_the_record_lacks_districts_the_law_has(year: int, counted: int) -> None:
    """polis-korea counts fewer districts than the law has: the record layer names them."""
    assert sum(e.district_seats for e in record_entries(year)) == counted
    with pytest.raises(InputError, match=f"add up to {counted}"):
        allocate(record_entries(year), rules_for(year))


@needs_record
@pytest.mark.parametrize("year", [1963, 1967, 1971, 1981, 1985])
def test_the_batch_twin_gives_the_record(year: int) -> None:
    entries = record_entries(year)
    rules = rules_for(year)
    votes = np.array([[int(e.votes) for e in entries]])
    seats = np.array([[e.district_seats for e in entries]])
    parties = np.array([e.is_party for e in entries])
    got, tied, failed = family_of(rules).batch(rules, votes, seats, parties)
    assert not tied.any()
    assert not failed.any()
    seated = {e.name: int(n) for e, n in zip(entries, got[0], strict=True) if n}
    assert seated == record_tier_seats(year)


# -- the families ----------------------------------------------------------------------------

NEW = {
    "none": (NoListTier, allocate_no_list, no_list_many, "none", True),
    "first-party-bounds": (
        FirstPartyBounds,
        allocate_first_party_bounds,
        first_party_bounds_many,
        "votes",
        True,
    ),
    "appointed": (Appointed, allocate_appointed, exact_only_many, "none", False),
    "first-party-fixed-share": (
        FirstPartyFixedShare,
        allocate_first_party_fixed_share,
        first_party_fixed_share_many,
        "district seats",
        True,
    ),
}


@pytest.mark.parametrize("formula", NEW)
def test_each_new_family_is_registered(formula: str) -> None:
    tier, exact_formula, batch, weights, has_batch = NEW[formula]
    family = FAMILIES[formula]
    assert (family.tier, family.allocate, family.batch) == (tier, exact_formula, batch)
    assert (family.weights, family.has_batch, family.compensatory) == (weights, has_batch, False)
    assert family.law
    assert "cap" not in family.options  # "cap" is the linked family's option


def test_the_old_families_keep_their_batch_twins() -> None:
    assert all(FAMILIES[f].has_batch for f in ("seat-share", "proportional", "linked"))


def test_a_family_without_a_twin_flags_every_run_for_the_exact_formula() -> None:
    rules = rules_for(1973)
    votes = np.array([[5, 3, 1], [0, 0, 0]])
    got, tied, failed = family_of(rules).batch(rules, votes, votes, np.array([True] * 3))
    assert failed.tolist() == [True, True]
    assert not tied.any()
    assert not got.any()


def test_simulate_gives_the_appointed_tier_to_its_bloc_in_every_run() -> None:
    """The appointed tier needs no count: every run gives its seats to the bloc, as
    allocate() does (exact=True sends every run there, with the same seats)."""
    sim = korelect.simulate(2004, 6, seed=3, rules=rules_for(1973))
    assert sim.exact_runs == 0
    bloc = [p.party_id for p in sim.parties].index("yujeonghoe")
    assert (sim.seats[:, bloc] == 56).all()
    assert (sim.seats.sum(axis=1) == 299).all()
    exact = korelect.simulate(2004, 6, seed=3, rules=rules_for(1973), exact=True)
    assert exact.exact_runs == 6
    assert (exact.seats == sim.seats).all()
    own = korelect.simulate(1978, 6, seed=3)
    assert own.exact_runs == 0
    assert (own.seats[:, [p.party_id for p in own.parties].index("yujeonghoe")] == 77).all()
    with_twin = korelect.simulate(2004, 6, seed=3, rules=rules_for(1963))
    assert with_twin.exact_runs < 6


def test_appointed_entries() -> None:
    with pytest.raises(InputError, match="appointed bloc, which no vote elects"):
        Entry("유신정우회", 5, kind="appointed")
    with pytest.raises(InputError, match="appointed bloc, which no vote elects"):
        Entry("유신정우회", 0, 2, kind="appointed")
    given = allocate([Entry("A", 5, 100), Entry("B", 3, 46), Entry("Yu", kind="appointed")], 1973)
    assert given.list_seats == {"A": 0, "B": 0, "Yu": 73}
    with pytest.raises(InputError, match="one appointed bloc at most"):
        allocate([Entry("A", 5, 146), Entry("X", kind="appointed"), Entry("Y", kind="appointed")],
                 1973)  # fmt: skip
    with pytest.raises(InputError, match="give it kind='appointed'"):
        allocate([Entry("A", 5, 146), Entry("유신정우회")], 1973)
    # Under rules without an appointed tier, an appointed entry gets nothing.
    under_1963 = allocate([Entry("A", 5, 131), Entry("Yu", kind="appointed")], 1963)
    assert under_1963.list_seats == {"A": 44, "Yu": 0}


def test_first_party_steps_are_recorded() -> None:
    entries = [Entry("A", 44, 60), Entry("B", 30, 50), Entry("C", 26, 21)]
    result = allocate(entries, 1963)
    first, second = result.first_party
    assert (first.name, first.rule, first.given, first.share) == (
        "A",
        "guaranteed",
        22,
        Fraction(44, 100),
    )
    assert (second.level, second.name, second.basis, second.rule) == (
        1,
        "B",
        "district seats",
        "ceiling",
    )
    assert second.share == Fraction(50, 71)
    steps = result.to_dict()["steps"]
    assert isinstance(steps, dict)
    assert [s["rule"] for s in steps["first_party"]] == ["guaranteed", "ceiling"]
    text = result.explain()
    assert "First party: A has the most votes" in text
    assert "Party 2 (the rule repeated): B has the most district seats" in text


def test_seats_no_other_party_can_share_stay_with_the_first() -> None:
    rules = rules_for(1981, threshold="91 seats")
    result = allocate([Entry("A", 5, 90), Entry("B", 5, 94)], rules)
    assert result.list_seats == {"A": 0, "B": 92}
    assert result.first_party[0].kept == 31
    assert "No other party can share the 31 seats left" in result.explain()


def test_no_qualifying_party() -> None:
    with pytest.raises(AllocationError, match="no qualifying party has votes"):
        allocate([Entry("A", 0, 131)], 1963, ties="lot")
    with pytest.raises(AllocationError, match="no party qualifies"):
        allocate([Entry("A", 5, 4), Entry("B", 5, 180, kind="independent")], 1981)


def test_a_tie_for_first_place_is_reported() -> None:
    with pytest.raises(korelect.errors.TieError):
        allocate([Entry("A", 10, 92), Entry("B", 10, 92)], 1981)
    drawn = allocate([Entry("A", 10, 92), Entry("B", 10, 92)], 1981, ties="lot", seed=1)
    assert sorted(drawn.list_seats.values()) == [31, 61]
    assert len(drawn.ties) == 1


# -- properties ------------------------------------------------------------------------------

FEW = settings(max_examples=60, deadline=None)


@st.composite
def small_rules(draw: st.DrawFn, tier: object, *, magnitude: int = 1) -> Rules:
    district = draw(st.integers(1, 40))
    return Rules(
        "scenario",
        district + draw(st.integers(0, 25)),
        district,
        tier,  # type: ignore[arg-type]
        threshold=draw(st.one_of(st.none(), canonical_thresholds().map(str))),
        district_magnitude=magnitude,
    )


def _weight(e: Entry, basis: str) -> Fraction:
    return Fraction(e.votes) if basis == "votes" else Fraction(e.district_seats)


def _allocated(rules: Rules, entries: list[Entry], seed: int) -> korelect.Allocation | None:
    try:
        return allocate(entries, rules, ties="lot", seed=seed)
    except AllocationError:
        return None


def _check_common(rules: Rules, entries: list[Entry], seed: int) -> korelect.Allocation | None:
    """Seats add up to the tier, only parties get them, and entry order never matters."""
    result = _allocated(rules, entries, seed)
    again = _allocated(rules, list(reversed(entries)), seed)
    if result is None:
        assert again is None
        return None
    assert again is not None
    assert sum(result.list_seats.values()) == rules.list_seats
    assert result.total_seats == rules.total_seats
    assert all(not p.list_seats for p in result.parties if p.kind in (Kind.INDEPENDENT, Kind.OTHER))
    assert again.list_seats == result.list_seats
    return result


@FEW
@given(data=st.data(), seed=seeds)
def test_first_party_bounds_properties(data: st.DataObject, seed: int) -> None:
    rules = data.draw(small_rules(data.draw(first_party_bounds_tiers())), label="rules")
    entries = data.draw(allocation_entries(rules.district_seats), label="entries")
    result = _check_common(rules, entries, seed)
    tier = rules.list_tier
    assert isinstance(tier, FirstPartyBounds)
    if result is None or not result.first_party:
        return
    first = result.first_party[0]
    house = rules.list_seats
    got = result.list_seats[first.name]
    ok = {q.name for q in result.qualification if q.qualified}
    qualified = [e for e in entries if e.name in ok]
    top = max(_weight(e, tier.basis) for e in qualified)
    assert _weight(next(e for e in entries if e.name == first.name), tier.basis) == top
    if first.rule == "ceiling":
        others = [e for e in qualified if e.name != first.name and _weight(e, tier.basis)]
        if others:
            assert got <= tier.ceiling * house
        assert first.share >= tier.majority
    else:
        assert first.share < tier.majority
        assert got >= first.given
        later = [e for e in qualified if e.name != first.name and _weight(e, tier.rest_basis)]
        if later:
            assert got == first.given


@FEW
@given(data=st.data(), seed=seeds)
def test_first_party_fixed_share_properties(data: st.DataObject, seed: int) -> None:
    tier = data.draw(first_party_fixed_share_tiers())
    rules = data.draw(small_rules(tier, magnitude=2), label="rules")
    entries = data.draw(allocation_entries(rules.district_seats), label="entries")
    result = _check_common(rules, entries, seed)
    if result is None or not rules.list_seats:
        return
    (first,) = result.first_party
    ok = {q.name for q in result.qualification if q.qualified}
    qualified = [e for e in entries if e.name in ok]
    assert first.weight == max(e.district_seats for e in qualified)
    others = [e for e in qualified if e.name != first.name and _weight(e, tier.basis)]
    want = first.given if others else rules.list_seats
    assert result.list_seats[first.name] == want
    assert first.given in (
        int(tier.share * rules.list_seats),
        -int(-tier.share * rules.list_seats // 1),
    )


@FEW
@given(data=st.data(), seed=seeds, bloc=rule_names.filter(str.strip))
def test_appointed_properties(data: st.DataObject, seed: int, bloc: str) -> None:
    rules = data.draw(small_rules(Appointed(bloc=bloc), magnitude=2), label="rules")
    entries = [e for e in data.draw(allocation_entries(rules.district_seats)) if e.name != bloc]
    if sum(e.district_seats for e in entries) != rules.district_seats:
        return
    result = _check_common(rules, entries, seed)
    assert result is not None  # no vote needed
    others = dict.fromkeys((e.name for e in entries if e.kind is not Kind.OTHER), 0)
    assert result.list_seats == {**others, bloc: rules.list_seats}


@FEW
@given(data=st.data(), seed=seeds)
def test_no_list_tier_properties(data: st.DataObject, seed: int) -> None:
    district = data.draw(st.integers(1, 40))
    rules = Rules("districts only", district, district, NoListTier())
    entries = data.draw(allocation_entries(district))
    result = _check_common(rules, entries, seed)
    assert result is not None  # never refuses: nothing to share
    assert not any(result.list_seats.values())


# -- the batch twins equal the exact formulas --------------------------------------------------


@st.composite
def batch_scenarios(draw: st.DrawFn) -> tuple[Rules, np.ndarray, np.ndarray]:
    tier = draw(st.one_of(first_party_bounds_tiers(), first_party_fixed_share_tiers()))
    districts = draw(st.integers(5, 60))
    rules = Rules(
        "scenario",
        districts + draw(st.integers(0, 30)),
        districts,
        tier,
        threshold=draw(st.sampled_from([None, "3 seats AND 5%", "5 seats", "3%", "2 seats"])),
    )
    votes, seats = draw_runs(draw, districts, independent_votes=True, some_party_votes=False)
    return rules, votes, seats


@settings(max_examples=300, deadline=None)
@given(batch_scenarios())
def test_batch_equals_exact(case: tuple[Rules, np.ndarray, np.ndarray]) -> None:
    rules, votes, seats = case
    got, _, failed = family_of(rules).batch(rules, votes, seats, PARTIES)
    for r in range(len(votes)):
        want = exact(rules, list(range(len(NAMES))), votes[r], seats[r])
        if want is None:
            assert failed[r]
        else:
            assert not failed[r]
            assert got[r].tolist() == want  # ties go to the lower column: list order
            assert got[r].sum() == rules.list_seats


@settings(max_examples=100, deadline=None)
@given(batch_scenarios(), st.randoms(use_true_random=False))
def test_batch_in_any_column_order(case: tuple[Rules, np.ndarray, np.ndarray], rnd: Any) -> None:
    rules, votes, seats = case
    perm = np.array([rnd.sample(range(len(NAMES)), len(NAMES)) for _ in votes])
    pv = np.take_along_axis(votes, perm, axis=1)
    ps = np.take_along_axis(seats, perm, axis=1)
    got, _, failed = family_of(rules).batch(rules, pv, ps, PARTIES[perm])
    for r in range(len(votes)):
        want = exact(rules, perm[r].tolist(), votes[r], seats[r])
        assert (want is None) is bool(failed[r])
        if want is not None:
            assert got[r].tolist() == want


def test_batch_flags_ties_and_refuses_other_tiers() -> None:
    rules = rules_for(1981)
    votes = np.array([[10, 10, 5, 0, 0, 0, 0]])
    seats = np.array([[80, 80, 24, 0, 0, 0, 0]])
    got, tied, failed = family_of(rules).batch(rules, votes, seats, PARTIES)
    assert (tied.tolist(), failed.tolist()) == ([True], [False])
    assert got[0, 0] == 61  # the lower column is first
    with pytest.raises(InputError, match="needs a first-party-bounds tier"):
        first_party_bounds_many(rules, votes, seats, PARTIES)
    with pytest.raises(InputError, match="needs a first-party-fixed-share tier"):
        first_party_fixed_share_many(rules_for(1963), votes, seats, PARTIES)


def test_batch_refuses_what_int64_cannot_hold() -> None:
    rules = rules_for(1963)
    votes = np.array([[2**61, 1, 0, 0, 0, 0, 0]], dtype=np.int64)
    seats = np.array([[100, 31, 0, 0, 0, 0, 0]])
    _, _, failed = first_party_bounds_many(rules, votes, seats, PARTIES)
    assert failed.tolist() == [True]
