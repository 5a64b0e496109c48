"""korelect: South Korea's National Assembly electoral law 1988–2024 as tested code.

Turn national votes and district seats into an assembly under the law of any
election, exactly, with every step recorded:

>>> import korelect
>>> from fractions import Fraction
>>> result = korelect.allocate([
...     korelect.Entry("Uri", Fraction("38.3"), 129), korelect.Entry("GNP", Fraction("35.8"), 100),
...     korelect.Entry("DLP", Fraction("13.0"), 2), korelect.Entry("MDP", Fraction("7.1"), 5),
...     korelect.Entry("ULD", Fraction("2.8"), 4), korelect.Entry("NI21", 0, 1),
...     korelect.Entry("Ind.", 0, 2, kind="independent"),
...     korelect.Entry("Other", Fraction("3.0"), kind="other")], korelect.rules_for(2004))
>>> result.seats["Uri"], result.list_seats["DLP"]
(152, 8)
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from . import errors
from ._allocate import allocate
from ._apportion import (
    DIVISOR_METHODS,
    METHODS,
    QUOTA_METHODS,
    Apportionment,
    Award,
    Qualification,
    Row,
    apportion,
)
from ._csvfile import read_entries_csv
from ._db import connect, query
from ._entries import Entry, Kind
from ._findings import Finding
from ._parties import Party, PartyRegistry, parties
from ._result import Allocation, Bonus, LinkedRow, LinkedTier, MinorPartySeat, PartyResult
from ._results import DistrictResult, ElectionResult, results
from ._rules import (
    FirstPartyBonus,
    Linked,
    Proportional,
    Rules,
    SeatShare,
    VoteBasis,
    registered_years,
    rules_for,
)
from ._rulesfile import load_rules, rules_to_toml
from ._thresholds import AllOf, AnyOf, Condition, DistrictSeats, VoteShare, parse_threshold
from ._ties import Tie, TieRule

if _TYPE_CHECKING:
    from ._audit import audit
    from ._batch import allocate_many
    from ._compare import compare
    from ._indices import Indices, indices
    from ._simulate import simulate
    from ._swing import swing

__version__ = "0.1.0"

# Imported on first use, so that `import korelect` (and every CLI command) stays fast:
# NumPy for the batch path, and the audit's and indices' modules.
_LAZY = {
    "allocate_many": ("._batch", "allocate_many"),
    "audit": ("._audit", "audit"),
    "indices": ("._indices", "indices"),
    "compare": ("._compare", "compare"),
    "swing": ("._swing", "swing"),
    "simulate": ("._simulate", "simulate"),
    "Indices": ("._indices", "Indices"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib  # noqa: PLC0415  (only on first use of a lazy name)

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module, __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'korelect' has no attribute {name!r}")


__all__ = [
    "DIVISOR_METHODS",
    "METHODS",
    "QUOTA_METHODS",
    "AllOf",
    "Allocation",
    "AnyOf",
    "Apportionment",
    "Award",
    "Bonus",
    "Condition",
    "DistrictResult",
    "DistrictSeats",
    "ElectionResult",
    "Entry",
    "Finding",
    "FirstPartyBonus",
    "Indices",
    "Kind",
    "Linked",
    "LinkedRow",
    "LinkedTier",
    "MinorPartySeat",
    "Party",
    "PartyRegistry",
    "PartyResult",
    "Proportional",
    "Qualification",
    "Row",
    "Rules",
    "SeatShare",
    "Tie",
    "TieRule",
    "VoteBasis",
    "VoteShare",
    "__version__",
    "allocate",
    "allocate_many",
    "apportion",
    "audit",
    "compare",
    "connect",
    "errors",
    "indices",
    "load_rules",
    "parse_threshold",
    "parties",
    "query",
    "read_entries_csv",
    "registered_years",
    "results",
    "rules_for",
    "rules_to_toml",
    "simulate",
    "swing",
]
