"""The semi-compensatory (준연동형) formula: 2020 with a 30-seat cap, 2024 without.

공직선거법 art. 189(2) as amended 2020-01-14 (Act No. 16864); for 2020 also
Supplementary Provisions art. 4. N is the assembly size, R the district seats
won by independents and parties that did not qualify, p_i a qualifying party's
share of the qualifying parties' list votes (art. 189(3)), r_i its district
seats.

1. Linked seats (연동배분의석수): s_i = [(N - R) x p_i - r_i] / 2, rounded half
   up at the first decimal; a value below 1 is 0 (art. 189(2)1).
2. If the sum is below the linked seats C (the cap, 30 in 2020; all 46 list
   seats in 2024), each party gets s_i plus its share p_i of the C - sum
   residual seats (잔여배분의석수) by integer part and largest remainder
   (art. 189(2)2). If the sum is above C, each party gets C x s_i / sum
   (조정의석수) by integer part and largest remainder (art. 189(2)3).
3. In 2020 the 17 other list seats were a parallel tier: 17 x p_i by integer
   part and largest remainder (Suppl. Prov. art. 4).
4. Remainder ties are decided by lot (art. 189(2)2 후단).

Open points, as named options of :class:`korelect.Linked`:
``zero_before_rounding`` (zero raw values below 1 before rounding; differs only
for raw values in [0.5, 1)), ``parties_without_list_in_r`` (count the seats of a
qualifying party with no list in R; the NEC did not, and only the default
reproduces 2020), ``share_base`` (p_i over the qualifying parties, art. 189(3),
or over the whole valid vote).
"""

from __future__ import annotations

from fractions import Fraction
from types import MappingProxyType

from korelect.base.numbers import Number, round_half_up
from korelect.engine.allocation import LinkedRow, LinkedTier
from korelect.engine.apportion import Qualification, run_method
from korelect.engine.formulas import TierContext, TierOutcome
from korelect.errors import AllocationError
from korelect.law.rules import Linked


def allocate_linked(ctx: TierContext) -> TierOutcome:
    """List seats by the linked formula, its cap and its parallel tier."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, Linked)  # noqa: S101  (narrows the type; the registry dispatches)
    names = [e.name for e in ctx.entries]
    if tier.parties_without_list_in_r:
        ctx.qualification = tuple(_drop_listless(q) for q in ctx.qualification)
    sharing = ctx.qualified()
    qualified_names = {e.name for e in sharing}
    outside = sum(e.district_seats for e in ctx.entries if e.name not in qualified_names)
    house = ctx.rules.total_seats
    qualifying_votes = sum((Fraction(e.votes) for e in sharing), Fraction(0))
    if not sharing or qualifying_votes == 0:
        raise AllocationError(
            "the linked formula needs at least one qualifying party with list votes"
        )
    base = qualifying_votes if tier.share_base == "qualifying" else ctx.total
    rows = []
    for e in sharing:
        share = Fraction(e.votes) / base
        raw = ((house - outside) * share - e.district_seats) * tier.compensation
        rounded = int(round_half_up(raw))
        if tier.zero_before_rounding:
            value = 0 if raw < 1 else rounded
        else:
            value = 0 if rounded < 1 else rounded
        rows.append(LinkedRow(e.name, e.votes, share, e.district_seats, raw, rounded, value))
    cap = ctx.rules.list_seats if tier.cap is None else tier.cap
    total = sum(r.seats for r in rows)
    votes: dict[str, Number] = {e.name: e.votes for e in sharing}
    linked = dict.fromkeys(names, 0)
    second = None
    if total < cap:
        mode = "residual"
        second = run_method(
            votes,
            cap - total,
            tier.method,
            ctx.tiebreaker,
            stage=f"residual seats ({cap} - {total})",
            all_names=names,
        )
        for r in rows:
            linked[r.name] = r.seats + second.seats[r.name]
    elif total > cap:
        mode = "adjusted"
        weights = {r.name: r.seats for r in rows}
        second = run_method(
            weights,
            cap,
            tier.method,
            ctx.tiebreaker,
            stage=f"adjusted seats ({cap} x s_i / {total})",
            all_names=names,
        )
        linked.update(second.seats)
    else:
        mode = "exact"
        for r in rows:
            linked[r.name] = r.seats
    parallel_seats = ctx.rules.list_seats - cap
    parallel = None
    seats = dict(linked)
    if parallel_seats:
        parallel = run_method(
            votes,
            parallel_seats,
            tier.method,
            ctx.tiebreaker,
            stage=f"parallel seats ({parallel_seats})",
            all_names=names,
        )
        for name, n in parallel.seats.items():
            seats[name] += n
    record = LinkedTier(
        house=house,
        outside=outside,
        compensation=tier.compensation,
        rows=tuple(rows),
        cap=cap,
        mode=mode,
        second_step=second,
        linked_seats=MappingProxyType(linked),
        parallel_seats=parallel_seats,
        parallel=parallel,
    )
    steps = [a for a in (second, parallel) if a is not None]
    return TierOutcome(seats, apportionments=steps, linked=record)


def _drop_listless(q: Qualification) -> Qualification:
    if not q.qualified or q.votes:
        return q
    return Qualification(
        q.name,
        q.votes,
        q.district_seats,
        q.is_party,
        qualified=False,
        because=((), ("no list votes: its district seats count in R (parties_without_list_in_r)",)),
        total=q.total,
    )
