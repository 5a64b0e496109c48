"""The web load test still runs (quick mode): server up, every URL answered 200, figures printed.

Only that it runs: never how fast (timings on a shared machine would make the test flaky).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "benchmarks"


def test_web_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_web.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "40 requests per URL, 4 connections" in out
    for label in ("election page", "API /api/elections/2004", "API what-if 2020"):
        line = next(row for row in out.splitlines() if row.startswith(label))
        assert line.split()[-5] == "40"  # every request answered (status 200 checked inside)
    assert "p99 ms" in out
