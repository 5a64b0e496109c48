"""The national (전국구) tiers with a first-party rule: 1963–1971, and 1981 and 1985.

1963–1971 (국회의원선거법 1963, 전국구 의석 배분 [H1][H2]): parties with fewer than 3
district seats or less than 5% of the valid votes are excluded (the rules' threshold).
If the first party (most votes) has at least half of the votes, the seats go by vote
share, the first party receiving at most two thirds of them; if it has less, it
receives half of them and the others share the rest
(:class:`~korelect.law.rules.FirstPartyBounds`). The statute text was not available;
its open points are named options, and the defaults reproduce the record:

- 1967: the DRP has 53.64% of the valid vote, 60.78% of the qualifying parties': 44 x
  0.6078 = 26.74 and 17.26 give 27/17 (the two thirds, 29, do not bind);
- 1971: the DRP has 49.69% of all valid votes but 52.42% of the qualifying parties'
  (``majority_of = "qualifying"``): by share 26.73 and 24.27 give 27/24 (half of the
  seats, 25.5, would give 25 or 26);
- 1963: the DRP (44.70% of the qualifying parties' votes) receives half, 22; only a
  district-seat reading shares the other 22 as the record does (14/5/3): repeating the
  rule for the others on district seats, 민정당 holds 27 of their 41, 65.85%, so they go
  by district seats (15/4/3) with 민정당 held to two thirds, 14, and the other 8 by
  district seats 8:6 give 5 and 3. By votes every reading gives 11/7/4.

1981, 1985 (국회의원선거법 1981 [H4][H5][H6]): parties with at least 5 district seats
qualify; the party with the most district seats receives two thirds of the 92 seats,
61 (61.33 rounded down), and the other qualifying parties share the other 31 by
district seats (:class:`~korelect.law.rules.FirstPartyFixedShare`): 57:18 gives 24/7 in
1981, 50:26:15 gives 17/9/5 in 1985, the record (by votes: 19/12 and 16/10/5).

Shares and bounds are exact fractions; a party with no weight (no votes, or no district
seats, as the step counts) takes no part in a step; seats that no other party can share
stay with the first party (``kept`` in its step). A tie for first place is settled by
the rules' tie rule (not verified before 1994: ``raise``).

>>> from korelect import Entry, allocate, rules_for
>>> allocate([Entry("DRP", 5_460_580, 86), Entry("NDP", 4_955_821, 65),
...           Entry("NP", 439_836, 1), Entry("MP", 69_608, 1),
...           Entry("Other", 63_831, kind="other")], rules_for(1971)).list_seats
{'DRP': 27, 'NDP': 24, 'NP': 0, 'MP': 0}
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from korelect.base.numbers import Number, round_half_up
from korelect.engine.allocation import FirstPartyStep
from korelect.engine.apportion import Apportionment, run_method
from korelect.engine.entries import Entry
from korelect.engine.formulas import TierContext, TierOutcome
from korelect.errors import AllocationError
from korelect.law.rules import FirstPartyBounds, FirstPartyFixedShare


def _round(value: Fraction, how: str) -> int:
    if how == "up":
        return math.ceil(value)
    if how == "down":
        return math.floor(value)
    return int(round_half_up(value))


def _weight(e: Entry, basis: str) -> Number:
    return e.votes if basis == "votes" else e.district_seats


def _first(ctx: TierContext, weights: dict[str, Number], basis: str, stage: str) -> str:
    """The entry with the most weight; a tie for first place goes by the rules' tie rule."""
    top = max(Fraction(w) for w in weights.values())
    leaders = [n for n, w in weights.items() if Fraction(w) == top]
    if len(leaders) > 1:
        leaders = list(ctx.tiebreaker.settle(stage, leaders, 1, f"{top} {basis}"))
    return leaders[0]


def allocate_first_party_bounds(ctx: TierContext) -> TierOutcome:
    """List seats by the first-party rule of 1963–1971 (see the module)."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, FirstPartyBounds)  # noqa: S101  (narrows the type; the registry dispatches)
    names = [e.name for e in ctx.entries]
    outcome = TierOutcome(dict.fromkeys(names, 0))
    seats = outcome.list_seats
    run = _runner(ctx, tier.method, names)
    sharing = ctx.qualified()
    left = ctx.rules.list_seats
    basis = tier.basis
    level = 0
    while left:
        weights = {e.name: _weight(e, basis) for e in sharing if _weight(e, basis)}
        if not weights:
            if level == 0:
                raise AllocationError(
                    f"{left} list seats to allocate but no qualifying party has {basis}"
                )
            _keep(outcome, left)
            return outcome
        first = _first(ctx, weights, basis, "first party" if level == 0 else "next party")
        base = sum((Fraction(w) for w in weights.values()), Fraction(0))
        base_of = f"the {'other' if level else 'qualifying'} parties' {basis}"
        if level == 0 and tier.majority_of == "valid":
            base = ctx.total if basis == "votes" else Fraction(ctx.rules.district_seats)
            base_of = "all valid votes" if basis == "votes" else "all district seats"
        step = FirstPartyStep(
            level=level,
            name=first,
            basis=basis,
            weight=weights[first],
            base=base,
            base_of=base_of,
            seats=left,
            rule="guaranteed",
            majority=tier.majority,
            exact=tier.guaranteed * left,
            rounding=tier.rounding,
            given=0,
        )
        if Fraction(weights[first]) >= tier.majority * base:
            # By share, the first party held to the ceiling (rounded down).
            limit = math.floor(tier.ceiling * left)
            apps = [run(weights, left, f"the {left} seats by {basis}")]
            others = {n: w for n, w in weights.items() if n != first}
            capped = apps[0].seats[first] > limit and bool(others)
            if capped:
                apps.append(run(others, left - limit, f"the other {left - limit} seats by {basis}"))
                seats[first] += limit
            for n, k in apps[-1].seats.items():
                seats[n] += k
            given = limit if capped else apps[0].seats[first]
            outcome.first_party.append(
                replace(
                    step,
                    rule="ceiling",
                    exact=tier.ceiling * left,
                    rounding="down",
                    given=given,
                    capped=capped,
                    apportionments=tuple(apps),
                )
            )
            outcome.apportionments.extend(apps)
            return outcome
        # Below the majority: a guaranteed share, and the others share the rest.
        given = _round(step.exact, tier.rounding)
        seats[first] += given
        left -= given
        outcome.first_party.append(replace(step, given=given))
        sharing = [e for e in sharing if e.name != first]
        basis = tier.rest_basis
        if tier.rest == "proportional":
            _share_rest(outcome, sharing, left, basis, run)
            return outcome
        level += 1
    return outcome


def allocate_first_party_fixed_share(ctx: TierContext) -> TierOutcome:
    """List seats by the first-party rule of 1981 and 1985 (see the module)."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, FirstPartyFixedShare)  # noqa: S101  (narrows the type; the registry dispatches)
    names = [e.name for e in ctx.entries]
    outcome = TierOutcome(dict.fromkeys(names, 0))
    sharing = ctx.qualified()
    house = ctx.rules.list_seats
    if not house:
        return outcome
    if not sharing:
        raise AllocationError(f"{house} list seats to allocate but no party qualifies")
    held: dict[str, Number] = {e.name: e.district_seats for e in sharing}
    first = _first(ctx, held, "district seats", "first party")
    exact = tier.share * house
    given = _round(exact, tier.rounding)
    outcome.list_seats[first] += given
    outcome.first_party.append(
        FirstPartyStep(
            level=0,
            name=first,
            basis="district seats",
            weight=held[first],
            base=Fraction(ctx.rules.district_seats),
            base_of="all district seats",
            seats=house,
            rule="fixed",
            majority=None,
            exact=exact,
            rounding=tier.rounding,
            given=given,
        )
    )
    others = [e for e in sharing if e.name != first]
    _share_rest(outcome, others, house - given, tier.basis, _runner(ctx, tier.method, names))
    return outcome


Runner = Callable[[dict[str, Number], int, str], Apportionment]


def _runner(ctx: TierContext, method: str, names: list[str]) -> Runner:
    def run(weights: dict[str, Number], house: int, stage: str) -> Apportionment:
        return run_method(weights, house, method, ctx.tiebreaker, stage=stage, all_names=names)

    return run


def _share_rest(
    outcome: TierOutcome,
    others: list[Entry],
    left: int,
    basis: str,
    run: Runner,
) -> None:
    """The seats left after the first party's, to the others in proportion to ``basis``."""
    weights = {e.name: _weight(e, basis) for e in others if _weight(e, basis)}
    if not left:
        return
    if not weights:
        _keep(outcome, left)
        return
    app = run(weights, left, f"the other {left} seats by {basis}")
    step = outcome.first_party[-1]
    outcome.first_party[-1] = replace(step, apportionments=(*step.apportionments, app))
    outcome.apportionments.append(app)
    for n, k in app.seats.items():
        outcome.list_seats[n] += k


def _keep(outcome: TierOutcome, left: int) -> None:
    """Seats no other party can share stay with the last first party."""
    step = outcome.first_party[-1]
    outcome.list_seats[step.name] += left
    outcome.first_party[-1] = replace(step, kept=step.kept + left)
