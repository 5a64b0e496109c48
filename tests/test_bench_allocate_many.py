"""The allocate_many benchmark still runs and agrees with the peer (quick mode)."""

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
