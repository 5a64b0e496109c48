"""Where each benchmark leaves its headline figures for the README's performance table.

`make bench` sets ``KORELECT_BENCH_FIGURES`` to a JSON-lines file; every benchmark
calls :func:`record` for the figures the README quotes (korelect's and the peer's,
measured side by side in the same run), and ``benchmarks/report.py`` turns the
file into the table between the README's ``make bench`` markers. Without the
variable (a benchmark run by hand, or in quick mode by the tests) nothing is
written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

VARIABLE = "KORELECT_BENCH_FIGURES"


def record(
    figure: str,
    korelect: str,
    *,
    peer: str = "",
    ratio: float | None = None,
    target: str = "",
    met: bool | None = None,
) -> None:
    """Append one row of the performance table, if `make bench` asked for it.

    ``korelect`` and ``peer`` are the figures as printed (with their units and,
    for the peer, its name); ``ratio`` is korelect's time over the peer's (below 1:
    korelect is faster), from the same run; ``target`` is the goal in words and
    ``met`` whether this run reached it.
    """
    path = os.environ.get(VARIABLE)
    if not path:
        return
    row = {
        "figure": figure,
        "korelect": korelect,
        "peer": peer,
        "ratio": ratio,
        "target": target,
        "met": met,
    }
    with Path(path).open("a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
