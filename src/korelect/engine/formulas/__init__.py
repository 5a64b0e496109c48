"""The list-tier formulas of Korean law, one module per family.

- :mod:`.unelected`: no list tier (1948–1960), and a tier filled by appointment (1973, 1978);
- :mod:`.first_party`: the national tiers with a first-party rule, by votes with the first
  party's seats bounded (1963–1971), and a fixed share to the first party (1981, 1985);
- :mod:`.seat_share`: list seats by district seats (1988 with a first-party bonus, 1992);
- :mod:`.vote_share`: list seats by votes among qualifying parties (1996–2016);
- :mod:`.linked`: the semi-compensatory formula of art. 189(2) (2020, 2024).

Each takes a :class:`TierContext` and returns a :class:`TierOutcome`. The families,
with these formulas and their batch twins, are registered in :mod:`.registry`:
``family_of(rules).allocate`` is the one to run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from korelect.engine.allocation import (
    Appointment,
    Bonus,
    FirstPartyStep,
    LinkedTier,
    MinorPartySeat,
    ShareRounding,
)
from korelect.engine.apportion import Apportionment, Qualification
from korelect.engine.entries import Entry
from korelect.engine.ties import TieBreaker
from korelect.errors import AllocationError
from korelect.law.rules import Rules
from korelect.law.thresholds import Condition


@dataclass
class TierContext:
    """What a list-tier formula is given."""

    rules: Rules
    entries: tuple[Entry, ...]
    total: Fraction
    """The valid vote (every entry's votes)."""
    qualification: tuple[Qualification, ...]
    tiebreaker: TieBreaker

    def qualified(self) -> list[Entry]:
        """The entries that qualified, in input order."""
        ok = {q.name for q in self.qualification if q.qualified}
        return [e for e in self.entries if e.name in ok]


@dataclass
class TierOutcome:
    """What a list-tier formula returns."""

    list_seats: dict[str, int]
    apportionments: list[Apportionment] = field(default_factory=list)
    minor_party_seats: list[MinorPartySeat] = field(default_factory=list)
    bonus: Bonus | None = None
    linked: LinkedTier | None = None
    rounded_shares: ShareRounding | None = None
    first_party: list[FirstPartyStep] = field(default_factory=list)
    appointed: Appointment | None = None


def minor_party_seats(ctx: TierContext, condition: Condition | None) -> list[MinorPartySeat]:
    """One seat first for each party that did not qualify but meets ``condition``.

    1992: a party with fewer than 5 district seats but at least 3% of the
    valid vote; 1996 and 2000: a party with 3% to under 5% that did not
    qualify (공직선거및선거부정방지법 1994, art. 189(1) 단서).
    """
    if condition is None:
        return []
    awards = []
    by_name = {q.name: q for q in ctx.qualification}
    for e in ctx.entries:
        if not e.is_party or by_name[e.name].qualified:
            continue
        verdict = condition.test(votes=e.votes, district_seats=e.district_seats, total=ctx.total)
        if verdict.passed:
            awards.append(MinorPartySeat(e.name, "; ".join(verdict.met)))
    return awards


def seats_after_minor_parties(
    ctx: TierContext, condition: Condition | None
) -> tuple[list[MinorPartySeat], dict[str, int], int]:
    """The minor-party seats, every entry's seats so far, and the list seats left to share.

    Raises :class:`~korelect.errors.AllocationError` when the minor-party seats alone
    exceed the list seats.
    """
    minor = minor_party_seats(ctx, condition)
    seats = dict.fromkeys((e.name for e in ctx.entries), 0)
    for m in minor:
        seats[m.name] += 1
    available = ctx.rules.list_seats - len(minor)
    if available < 0:
        raise AllocationError(
            f"{len(minor)} minor-party seats exceed the {ctx.rules.list_seats} list seats"
        )
    return minor, seats, available
