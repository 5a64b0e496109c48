"""The allocate_many benchmark still runs and agrees with the peer (quick mode).

Only that it runs, agrees and prints its tables: never how fast (timings on a shared CI
machine would make the test flaky, and quick mode's sizes are too small to mean anything).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "benchmarks"


def test_allocate_many_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_allocate_many.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "agree on 200 rows: yes" in out
    assert "speed-up vs peer:" in out
    assert "target (a), at least 30x faster than the peer: not judged" in out
    assert "target (b), at most 3x one numpy.argsort: not judged" in out
    for table in ("number of runs", "number of parties", "other quota methods"):
        assert f"Scaling with the {table}" in out or f"The {table}" in out
    for row in ("1,000", "hagenbach-bischoff", "imperiali"):
        assert row in out
