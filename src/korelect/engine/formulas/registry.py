"""One registry of the list-tier formula families: each family's exact and batch formulas.

A :class:`~korelect.Rules` names its list-tier family by ``rules.formula``. Code that
does something different by family looks the family up here, ``family_of(rules)``, and
uses what its :class:`FormulaFamily` holds, rather than testing the tier's class:

- ``seat-share`` (:class:`~korelect.SeatShare`): list seats in proportion to district
  seats, 1988 and 1992; 국회의원선거법 (1988, 1991 amendment), 전국구 의석 배분;
- ``proportional`` (:class:`~korelect.Proportional`): in proportion to the votes of the
  qualifying parties, 1996–2016; 공직선거및선거부정방지법 (1994) art. 189 (1996, 2000),
  공직선거법 art. 189(1)–(3) (2004–2016);
- ``linked`` (:class:`~korelect.Linked`): by votes, less the district seats won, 2020
  and 2024; 공직선거법 art. 189(2) (as amended 2020-01-14, Act No. 16864), with the
  30-seat cap of Suppl. Prov. art. 4 in 2020.

>>> from korelect import rules_for
>>> family = family_of(rules_for(2020))
>>> family.formula, family.weights, family.compensatory, "cap" in family.options
('linked', 'votes', True, True)
>>> family_of(1992).allocate.__name__, family_of("proportional").batch.__name__
('allocate_seat_share', 'vote_share_many')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from korelect.engine.formulas import TierContext, TierOutcome
from korelect.engine.formulas.linked import allocate_linked
from korelect.engine.formulas.seat_share import allocate_seat_share
from korelect.engine.formulas.vote_share import allocate_vote_share
from korelect.errors import RulesError
from korelect.law.registry import rules_for
from korelect.law.rules import Linked, ListTier, Proportional, Rules, SeatShare

__all__ = ["FAMILIES", "ExactFormula", "FormulaFamily", "family_of"]

ExactFormula = Callable[[TierContext], TierOutcome]
"""The exact list-tier formula: the tier's context in, its list seats and steps out."""

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    BatchFormula = Callable[
        [Rules, NDArray[Any], NDArray[Any], NDArray[np.bool_]],
        tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]],
    ]
"""The vectorised formula: ``(rules, votes, district_seats, parties) -> (seats, tied, failed)``.

Every row of ``votes`` (runs x entries) is one election; ties go to the lower column and
their rows are flagged ``tied``; rows it cannot compute are flagged ``failed`` (0 seats),
for the exact formula.
"""


@dataclass(frozen=True, slots=True)
class FormulaFamily:
    """One list-tier family: the law's tier class and the engine's formulas for it."""

    formula: str
    """Its name, the ``formula`` of its tier and of rules files: ``seat-share``, ..."""
    tier: type[SeatShare] | type[Proportional] | type[Linked]
    """The law's frozen dataclass whose fields are the family's options."""
    allocate: ExactFormula
    """The exact formula :func:`korelect.allocate` runs."""
    batch_name: str
    """Its vectorised twin, ``module:function`` in :mod:`korelect.engine.batch` (NumPy is
    imported only when a batch formula is first used, so the exact path stays light)."""
    weights: Literal["district seats", "votes"]
    """What the list seats are shared in proportion to."""
    compensatory: bool
    """Whether district seats won reduce a party's list seats (the linked formula)."""
    law: str
    """The articles it encodes."""

    @property
    def batch(self) -> BatchFormula:
        """Its vectorised twin, for many runs at once (:func:`korelect.simulate`)."""
        module, _, name = self.batch_name.partition(":")
        formula: BatchFormula = getattr(import_module(module), name)
        return formula

    @property
    def options(self) -> tuple[str, ...]:
        """The tier's fields: the options ``Rules.replace`` and rules files accept for it."""
        return tuple(f.name for f in fields(self.tier))


FAMILIES: Mapping[str, FormulaFamily] = MappingProxyType(
    {
        f.formula: f
        for f in (
            FormulaFamily(
                formula="seat-share",
                tier=SeatShare,
                allocate=allocate_seat_share,
                batch_name="korelect.engine.batch.share:seat_share_many",
                weights="district seats",
                compensatory=False,
                law="국회의원선거법 (1988, 1991 amendment), 전국구 의석 배분",
            ),
            FormulaFamily(
                formula="proportional",
                tier=Proportional,
                allocate=allocate_vote_share,
                batch_name="korelect.engine.batch.share:vote_share_many",
                weights="votes",
                compensatory=False,
                law="공직선거및선거부정방지법 (1994) art. 189; 공직선거법 art. 189(1)-(3)",
            ),
            FormulaFamily(
                formula="linked",
                tier=Linked,
                allocate=allocate_linked,
                batch_name="korelect.engine.batch.linked:linked_many",
                weights="votes",
                compensatory=True,
                law="공직선거법 art. 189(2) (2020 amendment); 2020 Suppl. Prov. art. 4",
            ),
        )
    }
)
"""Every list-tier family by its ``formula`` name."""


def family_of(what: Rules | ListTier | int | str) -> FormulaFamily:
    """The family of ``what``: rules, a list tier, an election year (int) or a ``formula`` name.

    >>> family_of("linked").weights
    'votes'
    >>> family_of("borda")
    Traceback (most recent call last):
    ...
    korelect.errors.RulesError: unknown list-tier formula 'borda'; known: seat-share, ...
    """
    if isinstance(what, bool):
        raise RulesError(f"expected rules, a list tier, a year or a formula name (got {what!r})")
    if isinstance(what, int):
        what = rules_for(what)
    name = what if isinstance(what, str) else what.formula
    try:
        return FAMILIES[name]
    except KeyError:
        raise RulesError(
            f"unknown list-tier formula {name!r}; known: {', '.join(FAMILIES)}"
        ) from None
