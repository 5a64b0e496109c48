"""One registry of the list-tier formula families: each family's exact and batch formulas.

A :class:`~korelect.Rules` names its list-tier family by ``rules.formula``. Code that
does something different by family looks the family up here, ``family_of(rules)``, and
uses what its :class:`FormulaFamily` holds, rather than testing the tier's class:

- ``none`` (:class:`~korelect.law.rules.NoListTier`): no list tier, 1948–1960; every seat
  a district seat (국회의원선거법 1948–1958; the 민의원 of 1960);
- ``first-party-bounds`` (:class:`~korelect.law.rules.FirstPartyBounds`): by votes, the
  first party's seats bounded (half without a majority, at most two thirds with one),
  1963–1971; 국회의원선거법 (1963), 전국구 의석 배분 [H1][H2];
- ``appointed`` (:class:`~korelect.law.rules.Appointed`): a tier no vote fills, 1973
  and 1978 (유신정우회; the 1972 Constitution [H3]); no batch twin: every simulated run
  goes through the exact formula (``has_batch`` is false, and ``batch`` flags every run
  for it);
- ``first-party-fixed-share`` (:class:`~korelect.law.rules.FirstPartyFixedShare`): two
  thirds to the party with the most district seats, the rest by district seats, 1981
  and 1985; 국회의원선거법 (1981), 전국구 의석 배분 [H4][H5][H6];
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
>>> family_of(1973).has_batch, family_of(1973).batch.__name__
(False, 'exact_only_many')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from korelect.engine.entries import Entry
from korelect.engine.formulas import TierContext, TierOutcome
from korelect.engine.formulas.first_party import (
    allocate_first_party_bounds,
    allocate_first_party_fixed_share,
)
from korelect.engine.formulas.linked import allocate_linked
from korelect.engine.formulas.seat_share import allocate_seat_share
from korelect.engine.formulas.unelected import (
    allocate_appointed,
    allocate_no_list,
    with_appointed_bloc,
)
from korelect.engine.formulas.vote_share import allocate_vote_share
from korelect.errors import RulesError
from korelect.law.registry import rules_for
from korelect.law.rules import (
    Appointed,
    FirstPartyBounds,
    FirstPartyFixedShare,
    Linked,
    ListTier,
    NoListTier,
    Proportional,
    Rules,
    SeatShare,
)

__all__ = ["EXACT_ONLY", "FAMILIES", "ExactFormula", "FormulaFamily", "Prepare", "family_of"]

ExactFormula = Callable[[TierContext], TierOutcome]
"""The exact list-tier formula: the tier's context in, its list seats and steps out."""
Prepare = Callable[[Rules, tuple[Entry, ...]], tuple[Entry, ...]]
"""What a family does to the entries before they are counted (the appointed bloc added)."""
EXACT_ONLY = "korelect.engine.batch.unelected:exact_only_many"
"""The batch formula of a family without a twin: it flags every run for the exact formula."""

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
    tier: type[ListTier]
    """The law's frozen dataclass whose fields are the family's options."""
    allocate: ExactFormula
    """The exact formula :func:`korelect.allocate` runs."""
    batch_name: str | None
    """Its vectorised twin, ``module:function`` in :mod:`korelect.engine.batch` (NumPy is
    imported only when a batch formula is first used, so the exact path stays light);
    ``None`` where it has none: :attr:`batch` is then :data:`EXACT_ONLY`."""
    weights: Literal["district seats", "votes", "none"]
    """What the list seats are shared in proportion to (``none``: no vote shares them)."""
    compensatory: bool
    """Whether district seats won reduce a party's list seats (the linked formula)."""
    law: str
    """The articles it encodes."""
    prepare: Prepare | None = None
    """Run on the entries before they are counted (the appointed bloc added), if any."""

    @property
    def has_batch(self) -> bool:
        """Whether it has a vectorised twin; without one, every run takes the exact path."""
        return self.batch_name is not None

    @property
    def batch(self) -> BatchFormula:
        """Its vectorised twin, for many runs at once (:func:`korelect.simulate`).

        A family without a twin gets :func:`~korelect.engine.batch.unelected.exact_only_many`,
        which computes nothing and flags every run ``failed``: the caller's fallback to
        the exact formula (:func:`korelect.allocate`) then takes every run.
        """
        module, _, name = (self.batch_name or EXACT_ONLY).partition(":")
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
                formula="none",
                tier=NoListTier,
                allocate=allocate_no_list,
                batch_name="korelect.engine.batch.unelected:no_list_many",
                weights="none",
                compensatory=False,
                law="국회의원선거법 (1948–1958), the 민의원 of 1960: district seats only",
            ),
            FormulaFamily(
                formula="first-party-bounds",
                tier=FirstPartyBounds,
                allocate=allocate_first_party_bounds,
                batch_name="korelect.engine.batch.first_party:first_party_bounds_many",
                weights="votes",
                compensatory=False,
                law="국회의원선거법 (1963), 전국구 의석 배분 (1963, 1967, 1971)",
            ),
            FormulaFamily(
                formula="appointed",
                tier=Appointed,
                allocate=allocate_appointed,
                batch_name=None,
                weights="none",
                compensatory=False,
                law="헌법 (1972): one third of the Assembly chosen by the 통일주체국민회의",
                prepare=with_appointed_bloc,
            ),
            FormulaFamily(
                formula="first-party-fixed-share",
                tier=FirstPartyFixedShare,
                allocate=allocate_first_party_fixed_share,
                batch_name="korelect.engine.batch.first_party:first_party_fixed_share_many",
                weights="district seats",
                compensatory=False,
                law="국회의원선거법 (1981), 전국구 의석 배분 (1981, 1985)",
            ),
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
    korelect.errors.RulesError: unknown list-tier formula 'borda'; known: none, ...
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
