"""The batch formulas of the tiers no vote shares out, and the exact-path fallback.

``no_list_many`` is the twin of :func:`~korelect.engine.formulas.unelected.allocate_no_list`
(1948–1960): no list seats in any run. ``exact_only_many`` is the batch formula of a
family that has no twin (``FormulaFamily.has_batch`` is false: the appointed tier of
1973 and 1978, whose seats go to an entry the columns do not mark): it computes nothing
and flags every run ``failed``, so that :func:`korelect.simulate` sends every run to the
exact :func:`korelect.allocate`, as it does any run a batch formula cannot compute.

>>> import numpy as np
>>> from korelect import rules_for
>>> votes, seats, parties = np.array([[5, 3]]), np.array([[2, 1]]), np.array([True, True])
>>> [a.tolist() for a in no_list_many(rules_for(1950), votes, seats, parties)]
[[[0, 0]], [False], [False]]
>>> [a.tolist() for a in exact_only_many(rules_for(1973), votes, seats, parties)]
[[[0, 0]], [False], [True]]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.law.rules import Rules

__all__ = ["exact_only_many", "no_list_many"]

Result = tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]]


def _empty(votes: NDArray[Any]) -> Result:
    runs, cols = np.shape(votes)
    return (
        np.zeros((runs, cols), dtype=np.int64),
        np.zeros(runs, dtype=bool),
        np.zeros(runs, dtype=bool),
    )


def no_list_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """No list seats in any run (no list tier): ``(zeros, no tie, none failed)``."""
    return _empty(votes)


def exact_only_many(
    rules: Rules,
    votes: NDArray[Any],
    district_seats: NDArray[Any],
    parties: NDArray[np.bool_],
) -> Result:
    """Every run flagged ``failed``: the family has no batch twin, the exact formula decides."""
    seats, tied, failed = _empty(votes)
    failed[:] = True
    return seats, tied, failed
