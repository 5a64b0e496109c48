"""Allocate a whole assembly: district seats as given, list seats by the year's law."""

from __future__ import annotations

from korelect.engine.allocation import Allocation, PartyResult
from korelect.engine.apportion import qualify
from korelect.engine.entries import EntriesLike, Kind, as_entries, total_votes
from korelect.engine.formulas import TierContext
from korelect.engine.formulas.registry import family_of
from korelect.engine.ties import TieBreaker
from korelect.errors import InputError, RulesError
from korelect.law.registry import rules_for
from korelect.law.rules import Rules
from korelect.law.ties import TieRule


def allocate(
    entries: EntriesLike,
    rules: Rules | int | str,
    *,
    ties: str | TieRule | None = None,
    seed: int = 0,
) -> Allocation:
    """Compute the assembly from national votes and district seats under ``rules``.

    ``entries`` are :class:`~korelect.Entry` objects: each party's votes (the
    votes the law uses for the list tier: constituency votes before 2004, list
    votes from 2004) and district seats, plus independents and ``other``
    buckets. District seats must add up to the rules' district seats.
    ``rules`` is a :class:`~korelect.Rules` or an election year. ``ties``
    overrides the rules' tie rule; lots are drawn from ``seed``.

    The 1992 assembly from the seed article's numbers (list seats by district seats):

    >>> from korelect import Entry
    >>> result = allocate([
    ...     Entry("DLP", 7_923_718, 116), Entry("DP", 6_004_578, 75),
    ...     Entry("UNP", 3_574_419, 24), Entry("NPRP", 365_000, 1),
    ...     Entry("Independents", 2_372_005, 21, kind="independent")], 1992)
    >>> result.list_seats
    {'DLP': 33, 'DP': 22, 'UNP': 7, 'NPRP': 0, 'Independents': 0}
    >>> result.seats["DLP"], result.total_seats
    (149, 299)
    """
    if not isinstance(rules, Rules):
        if isinstance(rules, bool) or not isinstance(rules, int | str):
            raise RulesError(f"'rules' must be Rules or an election year (got {rules!r})")
        rules = rules_for(rules)
    family = family_of(rules)
    items = as_entries(entries)
    if family.prepare is not None:
        items = family.prepare(rules, items)
    district = sum(e.district_seats for e in items)
    if district != rules.district_seats:
        raise InputError(
            f"district seats add up to {district}, but {rules.name} has "
            f"{rules.district_seats} district seats"
        )
    total = total_votes(items)
    verdicts = qualify(items, rules.threshold, total)
    tiebreaker = TieBreaker(
        rules.ties if ties is None else ties,
        seed=seed,
        order=[e.name for e in items],
        votes={e.name: e.votes for e in items},
    )
    ctx = TierContext(rules, items, total, verdicts, tiebreaker)
    outcome = family.allocate(ctx)
    qualified = {q.name: q for q in ctx.qualification}
    parties = tuple(
        PartyResult(
            name=e.name,
            kind=e.kind,
            votes=e.votes,
            district_seats=e.district_seats,
            list_seats=outcome.list_seats[e.name],
            qualified=qualified[e.name].qualified,
            reasons=qualified[e.name],
        )
        for e in items
        if e.kind is not Kind.OTHER
    )
    return Allocation(
        rules=rules,
        parties=parties,
        total_votes=total,
        qualification=ctx.qualification,
        minor_party_seats=tuple(outcome.minor_party_seats),
        bonus=outcome.bonus,
        apportionments=tuple(outcome.apportionments),
        linked=outcome.linked,
        ties=tuple(tiebreaker.records),
        seed=seed,
        rounded_shares=outcome.rounded_shares,
        first_party=tuple(outcome.first_party),
        appointed=outcome.appointed,
    )
