"""korelect: South Korea's National Assembly electoral law 1948–2024 as tested code.

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

import sys as _sys
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from korelect import errors
from korelect.base.version import __version__
from korelect.engine.allocate import allocate
from korelect.engine.allocation import (
    Allocation,
    Appointment,
    Bonus,
    FirstPartyStep,
    LinkedRow,
    LinkedTier,
    MinorPartySeat,
    PartyResult,
)
from korelect.engine.apportion import Apportionment, Award, Qualification, Row, apportion
from korelect.engine.entries import Entry, Kind
from korelect.engine.ties import Tie
from korelect.law.methods import DIVISOR_METHODS, METHODS, QUOTA_METHODS
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import (
    Appointed,
    FirstPartyBonus,
    FirstPartyBounds,
    FirstPartyFixedShare,
    Linked,
    NoListTier,
    Proportional,
    Rules,
    SeatShare,
    VoteBasis,
)
from korelect.law.rulesfile import load_rules, rules_to_toml
from korelect.law.thresholds import (
    AllOf,
    AnyOf,
    Condition,
    DistrictSeats,
    VoteShare,
    parse_threshold,
)
from korelect.law.ties import TieRule
from korelect.record.counts import Counts, counts_of, read_counts, write_counts
from korelect.record.db import connect, query
from korelect.record.election import DistrictResult, ElectionResult, results
from korelect.record.entries_csv import read_entries_csv
from korelect.record.findings import Finding
from korelect.record.parties import Party, PartyRegistry, parties

if _TYPE_CHECKING:
    from korelect.analysis.audit import audit
    from korelect.analysis.compare import Comparison, compare
    from korelect.analysis.indices import Indices, indices
    from korelect.analysis.simulate import Simulation, simulate
    from korelect.analysis.swing import SwingResult, swing
    from korelect.engine.batch.apportion import allocate_many


# Imported on first use, so that `import korelect` (and every CLI command) stays fast:
# NumPy for the batch path, and the audit's and indices' modules.
_LAZY = {
    "allocate_many": ("korelect.engine.batch.apportion", "allocate_many"),
    "audit": ("korelect.analysis.audit", "audit"),
    "indices": ("korelect.analysis.indices", "indices"),
    "compare": ("korelect.analysis.compare", "compare"),
    "swing": ("korelect.analysis.swing", "swing"),
    "simulate": ("korelect.analysis.simulate", "simulate"),
    "Indices": ("korelect.analysis.indices", "Indices"),
    "Comparison": ("korelect.analysis.compare", "Comparison"),
    "Simulation": ("korelect.analysis.simulate", "Simulation"),
    "SwingResult": ("korelect.analysis.swing", "SwingResult"),
}


def _notebook_html(obj: object) -> str:
    from korelect.charts.notebook import result_html  # noqa: PLC0415  (charts load on first display)

    return result_html(obj)  # type: ignore[arg-type]


def load_ipython_extension(shell: _Any) -> None:
    """Give results, allocations and simulations their notebook display (hemicycle and table).

    IPython calls this on ``%load_ext korelect``; ``import korelect`` inside a running
    IPython or Jupyter kernel calls it too. The records themselves know nothing of charts:
    the display is registered by type name, so nothing is imported until shown.
    """
    html = shell.display_formatter.formatters["text/html"]
    for module, name in _DISPLAYED:
        html.for_type_by_name(module, name, _notebook_html)


_DISPLAYED = (
    ("korelect.record.election", "ElectionResult"),
    ("korelect.engine.allocation", "Allocation"),
    ("korelect.analysis.simulate", "Simulation"),
)


def _register_in_running_ipython() -> None:
    ipython = _sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        load_ipython_extension(shell)


_register_in_running_ipython()


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
    "Appointed",
    "Appointment",
    "Apportionment",
    "Award",
    "Bonus",
    "Comparison",
    "Condition",
    "Counts",
    "DistrictResult",
    "DistrictSeats",
    "ElectionResult",
    "Entry",
    "Finding",
    "FirstPartyBonus",
    "FirstPartyBounds",
    "FirstPartyFixedShare",
    "FirstPartyStep",
    "Indices",
    "Kind",
    "Linked",
    "LinkedRow",
    "LinkedTier",
    "MinorPartySeat",
    "NoListTier",
    "Party",
    "PartyRegistry",
    "PartyResult",
    "Proportional",
    "Qualification",
    "Row",
    "Rules",
    "SeatShare",
    "Simulation",
    "SwingResult",
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
    "counts_of",
    "errors",
    "indices",
    "load_ipython_extension",
    "load_rules",
    "parse_threshold",
    "parties",
    "query",
    "read_counts",
    "read_entries_csv",
    "registered_years",
    "results",
    "rules_for",
    "rules_to_toml",
    "simulate",
    "swing",
    "write_counts",
]
