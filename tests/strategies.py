"""Hypothesis strategies shared by the property tests.

They lean towards the inputs that break allocation code: zero votes, equal
votes (ties on quotients and remainders), a single party, more parties than
seats, entries that are not parties, thresholds met exactly.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import strategies as st

import korelect
from korelect import AllOf, AnyOf, Condition, DistrictSeats, Entry, Kind, Rules, VoteShare
from korelect.law.rules import Appointed, FirstPartyBounds, FirstPartyFixedShare

NAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij가나다라마"

names = st.text(alphabet=NAME_ALPHABET, min_size=1, max_size=3)
"""Entry names: short, so that Hypothesis finds clashes in sort order quickly."""

methods = st.sampled_from(korelect.METHODS)
quota_methods = st.sampled_from(korelect.QUOTA_METHODS)
divisor_methods = st.sampled_from(korelect.DIVISOR_METHODS)
tie_rules = st.sampled_from([rule.value for rule in korelect.TieRule])
seat_counts = st.integers(min_value=1, max_value=30)
seeds = st.integers(min_value=0, max_value=2**32)


def name_lists(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[list[str]]:
    """Unique entry names."""
    return st.lists(names, min_size=min_size, max_size=max_size, unique=True)


def vote_counts(*, max_votes: int = 10**6, positive: bool = False) -> st.SearchStrategy[int]:
    """Votes: often small (so that equal values and zeros are common), sometimes large."""
    low = 1 if positive else 0
    return st.one_of(
        st.integers(min_value=low, max_value=12),
        st.integers(min_value=low, max_value=max_votes),
    )


@st.composite
def vote_dicts(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 8,
    max_votes: int = 10**6,
    tie_heavy: bool = False,
    positive: bool = False,
) -> dict[str, int]:
    """Name to votes. ``tie_heavy`` draws every count from a pool of at most 3 small values."""
    keys = draw(name_lists(min_size, max_size))
    if tie_heavy:
        low = 1 if positive else 0
        pool = draw(st.lists(st.integers(min_value=low, max_value=6), min_size=1, max_size=3))
        values = [draw(st.sampled_from(pool)) for _ in keys]
    else:
        values = [draw(vote_counts(max_votes=max_votes, positive=positive)) for _ in keys]
    return dict(zip(keys, values, strict=True))


# -- thresholds ----------------------------------------------------------------------------

vote_shares = st.one_of(
    st.sampled_from(["0%", "2.5%", "3%", "5%", "1/3", "100%"]).map(VoteShare),
    st.fractions(min_value=0, max_value=1, max_denominator=400).map(VoteShare),
)
district_seat_conditions = st.integers(min_value=0, max_value=8).map(DistrictSeats)
threshold_atoms: st.SearchStrategy[Condition] = st.one_of(vote_shares, district_seat_conditions)


def _combine(parts: tuple[Condition, Condition, bool]) -> Condition:
    left, right, either = parts
    return left | right if either else left & right


thresholds: st.SearchStrategy[Condition] = st.recursive(
    threshold_atoms,
    lambda children: st.tuples(children, children, st.booleans()).map(_combine),
    max_leaves=5,
)
"""Any condition built with ``|`` and ``&``, nested as the operators nest them."""


@st.composite
def canonical_thresholds(draw: st.DrawFn) -> Condition:
    """A condition in the shape the parser gives: an OR of ANDs of atoms, no nesting.

    Its ``str`` reads back to an equal condition.
    """

    def conjunction() -> Condition:
        parts = draw(st.lists(threshold_atoms, min_size=1, max_size=3))
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    terms = [conjunction() for _ in range(draw(st.integers(min_value=1, max_value=3)))]
    return terms[0] if len(terms) == 1 else AnyOf(tuple(terms))


# -- entries --------------------------------------------------------------------------------

kinds = st.sampled_from([Kind.PARTY, Kind.PARTY, Kind.PARTY, Kind.INDEPENDENT, Kind.OTHER])
"""Mostly parties; independents and ``other`` buckets a fifth of the time each."""


@st.composite
def entry_lists(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 8,
    max_votes: int = 10**6,
    max_district_seats: int = 12,
) -> list[Entry]:
    """Entries of every kind; ``other`` buckets never hold district seats."""
    result = []
    for name in draw(name_lists(min_size, max_size)):
        kind = draw(kinds)
        votes = draw(vote_counts(max_votes=max_votes))
        district = 0 if kind is Kind.OTHER else draw(st.integers(0, max_district_seats))
        result.append(Entry(name, votes, district, kind=kind))
    return result


@st.composite
def partitions(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``parts`` non-negative integers that add up to ``total``."""
    if parts == 0:
        return []
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    bounds = [0, *cuts, total]
    return [b - a for a, b in itertools.pairwise(bounds)]


@st.composite
def allocation_entries(
    draw: st.DrawFn,
    district_seats: int,
    *,
    max_parties: int = 7,
    max_independents: int = 2,
) -> list[Entry]:
    """Parties, independents and perhaps an ``other`` bucket for a whole assembly.

    District seats add up to ``district_seats``; some parties have no votes (a
    party that ran no list) and some have votes but no districts (a satellite).
    """
    n_parties = draw(st.integers(1, max_parties))
    n_independents = draw(st.integers(0, max_independents))
    bucket = draw(st.booleans())
    size = n_parties + n_independents + bucket
    keys = draw(name_lists(size, size))
    seats = draw(partitions(district_seats, n_parties + n_independents))
    votes = st.one_of(st.just(0), vote_counts(max_votes=10**7, positive=True))
    result = [Entry(keys[i], draw(votes), seats[i]) for i in range(n_parties)]
    result += [
        Entry(keys[n_parties + j], draw(votes), seats[n_parties + j], kind=Kind.INDEPENDENT)
        for j in range(n_independents)
    ]
    if bucket:
        result.append(Entry(keys[-1], draw(votes), kind=Kind.OTHER))
    return draw(st.permutations(result))


# -- rules -----------------------------------------------------------------------------------

rule_names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)
"""Names TOML can hold in a basic string (no control characters)."""


@st.composite
def rules_changes(draw: st.DrawFn, rules: Rules) -> dict[str, object]:
    """Changes for ``rules.replace(...)``: threshold, ties, name, method and tier options."""
    changes: dict[str, object] = {}
    if draw(st.booleans()):
        changes["threshold"] = draw(
            st.one_of(st.none(), st.just("none"), canonical_thresholds().map(str))
        )
    if draw(st.booleans()):
        changes["ties"] = draw(tie_rules)
    if draw(st.booleans()):
        changes["name"] = draw(rule_names)
    tier = rules.list_tier
    if draw(st.booleans()) and hasattr(tier, "method"):
        changes["method"] = draw(methods)
    if not isinstance(tier, korelect.Linked | korelect.SeatShare | korelect.Proportional):
        changes.update(draw(early_tier_changes(tier)))
    elif isinstance(tier, korelect.Linked):
        if draw(st.booleans()):
            changes["cap"] = draw(st.one_of(st.none(), st.integers(0, rules.list_seats)))
        if draw(st.booleans()):
            changes["compensation"] = draw(
                st.sampled_from(["1/2", "1", "1/3", Fraction(2, 3), "0.75", "50%"])
            )
        if draw(st.booleans()):
            changes["share_base"] = draw(st.sampled_from(["qualifying", "valid"]))
        if draw(st.booleans()):
            changes["zero_before_rounding"] = draw(st.booleans())
        if draw(st.booleans()):
            changes["parties_without_list_in_r"] = draw(st.booleans())
    else:
        if draw(st.booleans()):
            changes["minor_party_seat"] = draw(st.one_of(st.none(), canonical_thresholds()))
        if isinstance(tier, korelect.Proportional) and draw(st.booleans()):
            changes["share_decimals"] = draw(st.one_of(st.none(), st.integers(0, 6)))
        if isinstance(tier, korelect.SeatShare) and draw(st.booleans()):
            changes["bonus"] = draw(
                st.one_of(
                    st.none(),
                    st.builds(
                        korelect.FirstPartyBonus,
                        share=st.fractions(0, 1, max_denominator=10),
                        rounding=st.sampled_from(["up", "down", "half-up"]),
                        below=st.fractions(0, 1, max_denominator=10),
                    ),
                )
            )
    return changes


shares_at_most_1 = st.one_of(
    st.sampled_from(["1/2", "2/3", "1/3", "50%", "0", "1", Fraction(3, 5)]),
    st.fractions(0, 1, max_denominator=12),
)
roundings = st.sampled_from(["up", "down", "half-up"])
bases = st.sampled_from(["votes", "district seats"])


@st.composite
def early_tier_changes(draw: st.DrawFn, tier: object) -> dict[str, object]:
    """Changes to the options of the list tiers of 1948–1985 (``Rules.replace`` keywords)."""
    changes: dict[str, object] = {}
    if isinstance(tier, FirstPartyBounds):
        for name in ("majority", "ceiling", "guaranteed"):
            if draw(st.booleans()):
                changes[name] = draw(shares_at_most_1)
        if draw(st.booleans()):
            changes["majority_of"] = draw(st.sampled_from(["qualifying", "valid"]))
        if draw(st.booleans()):
            changes["rest"] = draw(st.sampled_from(["repeat", "proportional"]))
        if draw(st.booleans()):
            changes["basis"] = draw(bases)
        if draw(st.booleans()):
            changes["rest_basis"] = draw(bases)
        if draw(st.booleans()):
            changes["rounding"] = draw(roundings)
    elif isinstance(tier, FirstPartyFixedShare):
        if draw(st.booleans()):
            changes["share"] = draw(shares_at_most_1)
        if draw(st.booleans()):
            changes["rounding"] = draw(roundings)
        if draw(st.booleans()):
            changes["basis"] = draw(bases)
    elif isinstance(tier, Appointed):
        if draw(st.booleans()):
            changes["bloc"] = draw(rule_names.filter(str.strip))
        if draw(st.booleans()):
            changes["by"] = draw(st.sampled_from(["", "the 통일주체국민회의", 'a "council"']))
    return changes


@st.composite
def first_party_bounds_tiers(draw: st.DrawFn) -> FirstPartyBounds:
    """The 1963–1971 tier with any of its options."""
    return FirstPartyBounds(**draw(early_tier_changes(FirstPartyBounds())), method=draw(methods))


@st.composite
def first_party_fixed_share_tiers(draw: st.DrawFn) -> FirstPartyFixedShare:
    """The 1981/1985 tier with any of its options."""
    changes = draw(early_tier_changes(FirstPartyFixedShare()))
    return FirstPartyFixedShare(**changes, method=draw(methods))
