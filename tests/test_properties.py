"""Property tests: what must hold for any votes, seats, method, threshold and law.

The properties are checked against figures computed here, not against
korelect's own records: quotas from the votes, threshold verdicts from the
condition's parts.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import korelect
from korelect import (
    AllOf,
    AnyOf,
    Condition,
    DistrictSeats,
    Entry,
    Kind,
    Rules,
    TieRule,
    VoteShare,
    allocate,
    apportion,
)
from korelect.errors import AllocationError, InputError, TieError
from strategies import (
    allocation_entries,
    canonical_thresholds,
    divisor_methods,
    entry_lists,
    methods,
    rule_names,
    rules_changes,
    seat_counts,
    seeds,
    thresholds,
    vote_dicts,
)

ZERO_DIVISOR = ("adams", "huntington-hill", "dean")
"""Divisor methods whose first divisor is 0: every entry with votes has an infinite quotient."""

SOME = settings(max_examples=150, deadline=None)
FEW = settings(max_examples=40, deadline=None)


def holds(condition: Condition | None, entry: Entry, total: Fraction) -> bool:
    """Whether a party meets a threshold, worked out here from the condition's parts."""
    if condition is None:
        return True
    if isinstance(condition, VoteShare):
        return total > 0 and Fraction(entry.votes) >= condition.share * total
    if isinstance(condition, DistrictSeats):
        return entry.district_seats >= condition.at_least
    if isinstance(condition, AnyOf):
        return any(holds(c, entry, total) for c in condition.conditions)
    if isinstance(condition, AllOf):
        return all(holds(c, entry, total) for c in condition.conditions)
    raise TypeError(condition)


def standard_quota(votes: dict[str, int], seats: int, name: str) -> Fraction:
    """An entry's exact share of the house: v x S / V."""
    return Fraction(votes[name] * seats, sum(votes.values()))


# -- seats add up ---------------------------------------------------------------------------


@SOME
@given(votes=vote_dicts(), seats=seat_counts, method=methods, seed=seeds)
def test_seats_add_up_to_the_house(votes: dict[str, int], seats: int, method: str, seed: int):
    if sum(votes.values()) == 0:
        with pytest.raises(AllocationError, match="no votes"):
            apportion(votes, seats, method, ties="lot", seed=seed)
        return
    result = apportion(votes, seats, method, ties="lot", seed=seed)
    assert sum(result.seats.values()) == seats == result.house
    assert list(result.seats) == list(votes)
    assert all(n >= 0 for n in result.seats.values())
    assert all(result.seats[name] == 0 for name, v in votes.items() if v == 0)


@SOME
@given(votes=vote_dicts(), method=methods, seed=seeds)
def test_no_seats_to_allocate_gives_zeros(votes: dict[str, int], method: str, seed: int):
    result = apportion(votes, 0, method, ties="lot", seed=seed)
    assert dict(result.seats) == dict.fromkeys(votes, 0)


@SOME
@given(
    entries=entry_lists(),
    seats=st.integers(0, 30),
    method=methods,
    threshold=st.one_of(st.none(), thresholds),
    seed=seeds,
)
def test_seats_add_up_with_thresholds_and_kinds(
    entries: list[Entry], seats: int, method: str, threshold: Condition | None, seed: int
):
    total = sum((Fraction(e.votes) for e in entries), Fraction(0))
    qualified = {e.name: e.votes for e in entries if e.is_party and holds(threshold, e, total)}
    if seats and not any(qualified.values()):
        with pytest.raises(AllocationError):
            apportion(entries, seats, method, threshold=threshold, ties="lot", seed=seed)
        return
    result = apportion(entries, seats, method, threshold=threshold, ties="lot", seed=seed)
    assert sum(result.seats.values()) == seats
    assert [q.name for q in result.qualification] == [e.name for e in entries]
    assert {q.name for q in result.qualification if q.qualified} == set(qualified)
    assert {r.name for r in result.rows} == set(qualified)
    for e in entries:
        if e.name not in qualified:
            assert result.seats[e.name] == 0, e


# -- order and seeds --------------------------------------------------------------------------


def _ties(result: korelect.Apportionment) -> list[tuple[object, ...]]:
    return [(t.stage, t.seats, t.tied, t.winners) for t in result.ties]


@SOME
@given(data=st.data(), tie_heavy=st.booleans(), method=methods, seats=seat_counts, seed=seeds)
def test_order_of_entries_never_matters(
    data: st.DataObject, tie_heavy: bool, method: str, seats: int, seed: int
):
    votes = data.draw(vote_dicts(tie_heavy=tie_heavy, positive=True), label="votes")
    shuffled = data.draw(st.permutations(list(votes.items())), label="order")
    first = apportion(votes, seats, method, ties="lot", seed=seed)
    second = apportion(dict(shuffled), seats, method, ties="lot", seed=seed)
    assert dict(first.seats) == dict(second.seats)
    assert _ties(first) == _ties(second)
    assert first.quota == second.quota
    assert sorted(first.removed) == sorted(second.removed)
    by_name = {r.name: r for r in second.rows}
    assert all(r == by_name[r.name] for r in first.rows)


@SOME
@given(votes=vote_dicts(tie_heavy=True), method=methods, seats=seat_counts, seed=seeds)
def test_same_seed_same_result(votes: dict[str, int], method: str, seats: int, seed: int):
    assume(any(votes.values()))
    first = apportion(votes, seats, method, ties="lot", seed=seed)
    second = apportion(dict(votes), seats, method, ties="lot", seed=seed)
    assert first.to_dict() == second.to_dict()
    assert first.explain() == second.explain()


def test_different_seeds_draw_different_lots():
    winners = {
        next(n for n, s in apportion({"A": 1, "B": 1}, 1, ties="lot", seed=seed).seats.items() if s)
        for seed in range(40)
    }
    assert winners == {"A", "B"}


@SOME
@given(
    votes=vote_dicts(positive=True),
    method=methods,
    seats=seat_counts,
    factor=st.integers(2, 1000),
    seed=seeds,
)
def test_scaling_every_vote_changes_nothing(
    votes: dict[str, int], method: str, seats: int, factor: int, seed: int
):
    # Droop's quota is rounded to a whole vote, so it is not scale-free.
    assume(method != "droop")
    scaled = {n: v * factor for n, v in votes.items()}
    first = apportion(votes, seats, method, ties="lot", seed=seed)
    second = apportion(scaled, seats, method, ties="lot", seed=seed)
    assert dict(first.seats) == dict(second.seats)
    assert [t.tied for t in first.ties] == [t.tied for t in second.ties]


# -- quota ----------------------------------------------------------------------------------


@SOME
@given(votes=vote_dicts(), seats=seat_counts, seed=seeds)
def test_hare_stays_within_quota(votes: dict[str, int], seats: int, seed: int):
    assume(any(votes.values()))
    result = apportion(votes, seats, "hare", ties="lot", seed=seed)
    for name in votes:
        quota = standard_quota(votes, seats, name)
        assert math.floor(quota) <= result.seats[name] <= math.ceil(quota), name


@SOME
@given(votes=vote_dicts(), seats=seat_counts, seed=seeds)
def test_dhondt_satisfies_lower_quota(votes: dict[str, int], seats: int, seed: int):
    assume(any(votes.values()))
    result = apportion(votes, seats, "dhondt", ties="lot", seed=seed)
    for name in votes:
        assert result.seats[name] >= math.floor(standard_quota(votes, seats, name)), name


@SOME
@given(votes=vote_dicts(), seats=seat_counts, seed=seeds)
def test_adams_satisfies_upper_quota(votes: dict[str, int], seats: int, seed: int):
    assume(any(votes.values()))
    result = apportion(votes, seats, "adams", ties="lot", seed=seed)
    for name in votes:
        assert result.seats[name] <= math.ceil(standard_quota(votes, seats, name)), name


# -- monotonicity -----------------------------------------------------------------------------


@SOME
@given(tie_heavy=st.booleans(), data=st.data(), method=methods, seats=seat_counts, seed=seeds)
def test_more_votes_never_fewer_seats(
    tie_heavy: bool, data: st.DataObject, method: str, seats: int, seed: int
):
    votes = data.draw(vote_dicts(tie_heavy=tie_heavy, min_size=2))
    assume(any(votes.values()))
    result = apportion(votes, seats, method, ties="lot", seed=seed)
    # With fewer seats than entries with votes, Adams, Huntington–Hill and Dean give
    # the first seats by lot among equal (infinite) quotients, whatever the votes.
    if method in ZERO_DIVISOR:
        assume(not any(t.value == "quotient infinite" for t in result.ties))
    for a, va in votes.items():
        for b, vb in votes.items():
            if va > vb:
                assert result.seats[a] >= result.seats[b], (a, b)


@SOME
@given(
    votes=vote_dicts(min_size=2, max_votes=10**5, positive=True),
    method=divisor_methods,
    seats=seat_counts,
    data=st.data(),
)
def test_divisor_methods_are_vote_monotone(
    votes: dict[str, int], method: str, seats: int, data: st.DataObject
):
    name = data.draw(st.sampled_from(sorted(votes)), label="party")
    extra = data.draw(st.integers(1, 10**5), label="extra votes")
    more = {**votes, name: votes[name] + extra}
    try:
        before = apportion(votes, seats, method)
        after = apportion(more, seats, method)
    except TieError:
        assume(False)
        raise  # pragma: no cover  (assume(False) never returns)
    assert after.seats[name] >= before.seats[name]
    # and every other party keeps at most what it had
    assert all(after.seats[n] <= before.seats[n] for n in votes if n != name)


@SOME
@given(votes=vote_dicts(positive=True), method=divisor_methods, seats=seat_counts)
def test_divisor_methods_are_house_monotone(votes: dict[str, int], method: str, seats: int):
    try:
        smaller = apportion(votes, seats, method)
        larger = apportion(votes, seats + 1, method)
    except TieError:
        assume(False)
        raise  # pragma: no cover
    assert all(larger.seats[n] >= smaller.seats[n] for n in votes)


# -- thresholds ----------------------------------------------------------------------------


def _qualified(
    entries: list[Entry], threshold: Condition | str, total: int | None = None
) -> set[str]:
    result = apportion(entries, 0, threshold=threshold, total=total)
    return {q.name for q in result.qualification if q.qualified}


@pytest.mark.parametrize(
    ("votes", "total", "qualifies"),
    [
        (3, 100, True),
        (2, 100, False),
        (300, 10_000, True),
        (299, 10_000, False),
        (3_000_000, 100_000_000, True),
        (2_999_999, 100_000_000, False),
    ],
)
def test_vote_share_at_least_means_at_least(votes: int, total: int, qualifies: bool):
    entries = [Entry("A", votes), Entry("B", total - votes)]
    assert ("A" in _qualified(entries, VoteShare("3%"))) is qualifies
    assert ("A" in _qualified(entries, "3%")) is qualifies


@pytest.mark.parametrize(
    ("threshold", "votes", "district_seats", "qualifies"),
    [
        ("3% OR 5 seats", 3, 0, True),
        ("3% OR 5 seats", 1, 5, True),
        ("3% OR 5 seats", 1, 4, False),
        ("3% OR 5 seats", 2, 4, False),
        ("3% AND 1 seat", 3, 1, True),
        ("3% AND 1 seat", 3, 0, False),
        ("3% AND 1 seat", 2, 9, False),
        ("(3% OR 5 seats) AND 1 seat", 1, 5, True),
        ("(3% OR 5 seats) AND 1 seat", 3, 0, False),
        ("3% OR 5 seats AND 1 seat", 3, 0, True),
        ("3% OR 5 seats AND 1 seat", 1, 5, True),
        ("3% OR 5 seats AND 1 seat", 1, 4, False),
    ],
)
def test_or_and_semantics(threshold: str, votes: int, district_seats: int, qualifies: bool):
    entries = [Entry("A", votes, district_seats), Entry("B", 100 - votes)]
    assert ("A" in _qualified(entries, threshold)) is qualifies


def test_operators_build_the_same_conditions_as_the_parser():
    assert VoteShare("3%") | DistrictSeats(5) == korelect.parse_threshold("3% OR 5 seats")
    assert VoteShare("3%") & DistrictSeats(1) == korelect.parse_threshold("3% AND 1 seat")


def test_non_parties_count_in_the_denominator():
    # 3 of 100 with the independent's votes counted: exactly 3%.
    with_independent = [
        Entry("A", 3),
        Entry("B", 90),
        Entry("Ind", 7, 2, kind="independent"),
    ]
    assert _qualified(with_independent, "3%") == {"A", "B"}
    # 3 of 101 once a bucket of small parties is counted: below 3%.
    with_bucket = [Entry("A", 3), Entry("B", 90), Entry("Other", 8, kind="other")]
    assert _qualified(with_bucket, "3%") == {"B"}
    # the same 3 of 101 through an explicit total
    assert _qualified([Entry("A", 3), Entry("B", 90)], "3%", total=101) == {"B"}
    assert _qualified([Entry("A", 3), Entry("B", 90)], "3%", total=100) == {"A", "B"}


@SOME
@given(
    entries=entry_lists(),
    threshold=thresholds,
    seats=st.integers(0, 30),
    method=methods,
    seed=seeds,
)
def test_qualification_follows_the_condition(
    entries: list[Entry], threshold: Condition, seats: int, method: str, seed: int
):
    total = sum((Fraction(e.votes) for e in entries), Fraction(0))
    try:
        result = apportion(entries, seats, method, threshold=threshold, ties="lot", seed=seed)
    except AllocationError:
        assume(False)
        raise  # pragma: no cover
    for q, e in zip(result.qualification, entries, strict=True):
        assert q.is_party is e.is_party
        assert q.qualified is (e.is_party and holds(threshold, e, total)), (e, str(threshold))
        assert q.share == (Fraction(e.votes) / total if total else 0)


@SOME
@given(entries=entry_lists(min_size=2), seats=seat_counts, method=methods, seed=seeds)
def test_independents_and_buckets_never_win_seats(
    entries: list[Entry], seats: int, method: str, seed: int
):
    # Give every non-party the most votes, so that any seat it could win it would.
    top = max(e.votes for e in entries) + 1
    entries = [e if e.is_party else Entry(e.name, top, e.district_seats, e.kind) for e in entries]
    parties = {e.name: e.votes for e in entries if e.is_party}
    assume(any(parties.values()))
    result = apportion(entries, seats, method, ties="lot", seed=seed)
    assert sum(result.seats.values()) == seats
    for e in entries:
        if not e.is_party:
            assert result.seats[e.name] == 0
            assert not next(q for q in result.qualification if q.name == e.name).qualified


# -- ties -------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", korelect.METHODS)
def test_a_tie_raises_and_names_the_tied(method: str):
    with pytest.raises(TieError) as info:
        apportion({"A": 1, "B": 1}, 1, method, ties="raise")
    assert info.value.tied == ("A", "B")
    assert info.value.seats == 1
    assert isinstance(info.value, korelect.errors.AllocationError)


@pytest.mark.parametrize("method", korelect.METHODS)
def test_a_tie_raises_by_default(method: str):
    with pytest.raises(TieError):
        apportion({"B": 2, "C": 2, "A": 2}, 2, method)


@SOME
@given(votes=vote_dicts(tie_heavy=True, positive=True), method=methods, seats=seat_counts)
def test_the_raised_tie_is_the_first_tie_a_lot_settles(
    votes: dict[str, int], method: str, seats: int
):
    drawn = apportion(votes, seats, method, ties="lot")
    raised: TieError | None = None
    try:
        apportion(votes, seats, method, ties="raise")
    except TieError as exc:
        raised = exc
    if raised is None:
        assert not drawn.ties
    else:
        assert drawn.ties, "a lot result records the tie that 'raise' reported"
        first = drawn.ties[0]
        assert raised.tied == first.tied == tuple(sorted(raised.tied))
        assert len(raised.tied) > raised.seats == first.seats >= 1
        assert set(raised.tied) <= set(votes)
    for tie in drawn.ties:
        assert set(tie.winners) <= set(tie.tied)
        assert len(tie.winners) == tie.seats
        assert tie.rule is TieRule.LOT


# -- whole assemblies -----------------------------------------------------------------------


def _has_qualifier(rules: Rules, entries: list[Entry]) -> bool:
    """Whether allocate() can fill the list tier, or raises AllocationError."""
    if not rules.list_seats or rules.formula in ("none", "appointed"):
        return True  # nothing shared out by votes
    total = sum((Fraction(e.votes) for e in entries), Fraction(0))
    qualified = [e for e in entries if e.is_party and holds(rules.threshold, e, total)]
    if rules.formula == "first-party-fixed-share":
        return bool(qualified)  # the first by district seats, even with none
    basis = getattr(rules.list_tier, "basis", "votes")
    if isinstance(rules.list_tier, korelect.SeatShare):
        basis = "district seats"
    return any((e.district_seats if basis == "district seats" else e.votes) > 0 for e in qualified)


@pytest.mark.parametrize("year", korelect.registered_years())
@FEW
@given(data=st.data(), seed=seeds)
def test_allocate_fills_the_assembly(year: int, data: st.DataObject, seed: int):
    rules = korelect.rules_for(year)
    entries = data.draw(allocation_entries(rules.district_seats), label="entries")
    ties = "lot" if rules.ties is TieRule.RAISE else None
    if not _has_qualifier(rules, entries):
        with pytest.raises(AllocationError):
            allocate(entries, rules, ties=ties, seed=seed)
        return
    result = allocate(entries, rules, ties=ties, seed=seed)
    assert result.total_seats == rules.total_seats
    assert sum(result.list_seats.values()) == rules.list_seats
    assert [p.name for p in result.parties if p.kind is not Kind.APPOINTED] == [
        e.name for e in entries if e.kind is not Kind.OTHER
    ]
    for e in entries:
        if e.kind is Kind.OTHER:
            continue
        party = result.party(e.name)
        assert party.district_seats == e.district_seats
        assert party.list_seats >= 0
        if e.kind is not Kind.PARTY:
            assert party.list_seats == 0
            assert party.total_seats == e.district_seats
    # the same seed gives the same assembly, and the order of entries does not matter
    again = allocate(list(reversed(entries)), rules, ties=ties, seed=seed)
    assert again.list_seats == result.list_seats
    assert allocate(entries, rules, ties=ties, seed=seed).to_dict() == result.to_dict()


@pytest.mark.parametrize("year", korelect.registered_years())
@FEW
@given(data=st.data(), seed=seeds)
def test_allocate_fills_the_assembly_under_changed_rules(year: int, data: st.DataObject, seed: int):
    base = korelect.rules_for(year)
    changes = data.draw(rules_changes(base), label="changes")
    # Shares rounded to 0 decimals can all round to 0.
    assume(changes.get("share_decimals") != 0)
    rules = base.replace(**changes)
    entries = data.draw(allocation_entries(rules.district_seats), label="entries")
    if isinstance(rules.list_tier, korelect.SeatShare):
        # A threshold that lets parties without district seats qualify leaves them
        # nothing to share by (with the first-party bonus, an AllocationError).
        total = sum((Fraction(e.votes) for e in entries), Fraction(0))
        assume(
            all(
                e.district_seats > 0
                for e in entries
                if e.is_party and holds(rules.threshold, e, total)
            )
        )
    bloc = getattr(rules.list_tier, "bloc", None)
    if any(e.name == bloc and e.kind is not korelect.Kind.APPOINTED for e in entries):
        # a party drawn under the appointed bloc's name: one clear refusal, not a seat count
        with pytest.raises(InputError, match="fills by appointment"):
            allocate(entries, rules, ties="lot", seed=seed)
        return
    if not _has_qualifier(rules, entries):
        with pytest.raises(AllocationError):
            allocate(entries, rules, ties="lot", seed=seed)
        return
    result = allocate(entries, rules, ties="lot", seed=seed)
    assert result.total_seats == rules.total_seats
    assert all(p.list_seats >= 0 for p in result.parties)
    unlisted = (Kind.INDEPENDENT, Kind.OTHER)
    assert all(p.list_seats == 0 for p in result.parties if p.kind in unlisted)


@pytest.mark.parametrize("year", [1988, 1992])
def test_allocate_before_1996_raises_on_ties_by_default(year: int):
    rules = korelect.rules_for(year)
    assert rules.ties is TieRule.RAISE
    # Three parties with the same district seats: the first party (1988) or the
    # remainders (1992) tie.
    third, rest = divmod(rules.district_seats, 3)
    entries = [
        Entry("C", 100, third),
        Entry("A", 100, third),
        Entry("B", 100, third),
        Entry("Ind", 0, rest, kind="independent"),
    ]
    with pytest.raises(TieError) as info:
        allocate(entries, rules)
    assert info.value.tied == ("A", "B", "C")
    drawn = allocate(entries, rules, ties="lot")
    assert drawn.total_seats == rules.total_seats


# -- rules files ----------------------------------------------------------------------------


@pytest.mark.parametrize("year", korelect.registered_years())
def test_rules_files_round_trip_for_every_election(year: int):
    rules = korelect.rules_for(year)
    assert korelect.load_rules("x.toml", text=korelect.rules_to_toml(rules)) == rules


@pytest.mark.parametrize("year", korelect.registered_years())
@FEW
@given(data=st.data())
def test_rules_files_round_trip_for_changed_rules(year: int, data: st.DataObject):
    base = korelect.rules_for(year)
    changes = data.draw(rules_changes(base), label="changes")
    rules = base.replace(**changes)
    text = korelect.rules_to_toml(rules)
    back = korelect.load_rules("x.toml", text=text)
    assert back == rules
    assert korelect.rules_to_toml(back) == text


@SOME
@given(condition=canonical_thresholds())
def test_threshold_text_round_trips(condition: Condition):
    assert korelect.parse_threshold(str(condition)) == condition


@SOME
@given(condition=thresholds, entries=entry_lists(min_size=1))
def test_threshold_text_means_the_same(condition: Condition, entries: list[Entry]):
    reparsed = korelect.parse_threshold(str(condition))
    assert reparsed is not None
    total = sum((Fraction(e.votes) for e in entries), Fraction(0))
    for e in entries:
        assert holds(reparsed, e, total) is holds(condition, e, total)


@FEW
@given(name=rule_names)
def test_rules_names_round_trip(name: str):
    rules = korelect.rules_for(2024).replace(name=name, law=name, sources=(name, "S1"))
    assert korelect.load_rules("x.toml", text=korelect.rules_to_toml(rules)) == rules


# -- known bugs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "seats"),
    [({"A": 1}, 3), ({"A": 5, "B": 5}, 8), ({"A": 383, "B": 358, "C": 130, "D": 71}, 560)],
)
def test_droop_with_few_votes_hands_out_rounds(votes: dict[str, int], seats: int):
    result = apportion(votes, seats, "droop")
    assert sum(result.seats.values()) == seats


ELECTIONS_WITH_SMALL_WEIGHTS = {
    # the 2004 list vote as published percentages: V = 100 for 56 list seats
    2004: [
        Entry("Uri", Fraction("38.3"), 129),
        Entry("GNP", Fraction("35.8"), 100),
        Entry("DLP", Fraction("13.0"), 2),
        Entry("MDP", Fraction("7.1"), 5),
        Entry("ULD", Fraction("2.8"), 4),
        Entry("NI21", 0, 1),
        Entry("Ind.", 0, 2, kind="independent"),
        Entry("Other", Fraction("3.0"), kind="other"),
    ],
    # 1992: the weights are district seats, V = 215 for 62 list seats
    1992: [
        Entry("DLP", 7_923_718, 116),
        Entry("DP", 6_004_578, 75),
        Entry("UNP", 3_574_419, 24),
        Entry("NPRP", 369_044, 1),
        Entry("Ind.", 2_712_053, 21, kind="independent"),
    ],
    # 1996: the weights are shares rounded to 4 decimals, V = 1 for 46 list seats
    1996: [
        Entry("NKP", 6_783_730, 121),
        Entry("NCNP", 4_971_961, 66),
        Entry("ULD", 3_178_474, 41),
        Entry("UDP", 2_207_695, 9),
        Entry("Ind.", 2_328_401, 16, kind="independent"),
    ],
}


@pytest.mark.parametrize("year", sorted(ELECTIONS_WITH_SMALL_WEIGHTS))
def test_droop_with_the_laws_small_weights(year: int):
    rules = korelect.rules_for(year, method="droop")
    result = allocate(ELECTIONS_WITH_SMALL_WEIGHTS[year], rules)
    assert result.total_seats == rules.total_seats


def test_droop_never_gives_a_seat_to_no_votes():
    result = apportion({"A": 5, "B": 0}, 4, "droop")
    assert result.seats["B"] == 0


@pytest.mark.parametrize("votes", [{"A": 10}, {"A": 10, "B": 0}])
def test_imperiali_with_one_entry_takes_two_seats_back(votes: dict[str, int]):
    # quota 10 / 7: A's quotient is 7 = S + 2, so both surplus seats come from A
    result = apportion(votes, 5, "imperiali")
    assert dict(result.seats) == {**dict.fromkeys(votes, 0), "A": 5}
    assert result.removed == ("A", "A")


def test_rules_name_with_a_newline_round_trips():
    rules = korelect.rules_for(2024).replace(name="2024\nscenario")
    assert korelect.load_rules("x.toml", text=korelect.rules_to_toml(rules)) == rules


def test_chained_threshold_operators_round_trip():
    threshold = VoteShare("3%") | DistrictSeats(5) | DistrictSeats(1)
    rules = korelect.rules_for(2024).replace(threshold=threshold)
    assert korelect.load_rules("x.toml", text=korelect.rules_to_toml(rules)) == rules
