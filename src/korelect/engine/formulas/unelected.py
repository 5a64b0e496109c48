"""Seats no vote shares out: no list tier (1948–1960) and a tier filled by appointment.

1948–1960 (국회의원선거법, from the 1948 election law of the US Army Military Government's
ordinance No. 175 [jizihe]; the 민의원 in 1960): every seat is a district seat, so the
list tier allocates nothing (:class:`~korelect.law.rules.NoListTier`).

1973 and 1978 (the 1972 Constitution, 유신헌법 [H3]): one third of the Assembly, the 73
and 77 members of 유신정우회, were chosen by the 통일주체국민회의 on the President's
nomination. No vote elects them; they count in the Assembly's size and in any
majority. :class:`~korelect.law.rules.Appointed` gives every seat of the tier to the
entry of kind ``appointed``; :func:`with_appointed_bloc` adds one, named as the tier
says, when the entries have none (``korelect.allocate`` calls it through the family's
``prepare``). The bloc needs no votes, and its kind lets tables, charts and indices
show it apart or leave it out.

>>> from korelect import Entry, allocate, rules_for
>>> result = allocate([Entry("DRP", 4_251_754, 73), Entry("NDP", 3_577_300, 52),
...                    Entry("DUP", 1_114_204, 2),
...                    Entry("Ind.", 2_048_178, 19, kind="independent")], rules_for(1973))
>>> result.list_seats
{'DRP': 0, 'NDP': 0, 'DUP': 0, 'Ind.': 0, '유신정우회': 73}
>>> result.party("유신정우회").kind.value, result.total_seats
('appointed', 219)
"""

from __future__ import annotations

from korelect.engine.allocation import Appointment
from korelect.engine.entries import Entry, Kind
from korelect.engine.formulas import TierContext, TierOutcome
from korelect.errors import InputError
from korelect.law.rules import Appointed, Rules


def allocate_no_list(ctx: TierContext) -> TierOutcome:
    """No list tier: no entry receives a list seat (1948–1960)."""
    return TierOutcome(dict.fromkeys((e.name for e in ctx.entries), 0))


def with_appointed_bloc(rules: Rules, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """``entries``, with the appointed bloc the tier fills added last where there is none.

    At most one entry may be of kind ``appointed``; an entry that bears the bloc's name
    must be of that kind.

    >>> from korelect import rules_for
    >>> [e.name for e in with_appointed_bloc(rules_for(1978), (Entry("DRP", 10, 154),))]
    ['DRP', '유신정우회']
    >>> with_appointed_bloc(rules_for(1978), (Entry("유신정우회", 0, 0),))
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: '유신정우회' is the bloc the 10th National Assembly election
    (1978) fills by appointment: give it kind='appointed' (got kind 'party')
    """
    tier = rules.list_tier
    assert isinstance(tier, Appointed)  # noqa: S101  (narrows the type; the registry dispatches)
    blocs = [e for e in entries if e.kind is Kind.APPOINTED]
    if len(blocs) > 1:
        names = ", ".join(repr(e.name) for e in blocs)
        raise InputError(f"one appointed bloc at most: {names} are all of kind 'appointed'")
    if blocs:
        return entries
    for e in entries:
        if e.name == tier.bloc:
            raise InputError(
                f"{e.name!r} is the bloc the {rules.name} fills by appointment: give it "
                f"kind='appointed' (got kind {e.kind.value!r})"
            )
    return (*entries, Entry(tier.bloc, 0, 0, Kind.APPOINTED))


def allocate_appointed(ctx: TierContext) -> TierOutcome:
    """Every seat of the tier to the appointed bloc (1973, 1978: 유신정우회)."""
    tier = ctx.rules.list_tier
    assert isinstance(tier, Appointed)  # noqa: S101  (narrows the type; the registry dispatches)
    seats = dict.fromkeys((e.name for e in ctx.entries), 0)
    bloc = next((e.name for e in ctx.entries if e.kind is Kind.APPOINTED), None)
    if bloc is None:  # allocate() adds one; a caller of the formula itself may not have
        raise InputError(f"the {ctx.rules.name} needs an entry of kind 'appointed'")
    seats[bloc] = ctx.rules.list_seats
    return TierOutcome(seats, appointed=Appointment(bloc, ctx.rules.list_seats, tier.by))
