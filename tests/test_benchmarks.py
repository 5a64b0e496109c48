"""The benchmarks still run (quick mode); their figures are in the README, not asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "benchmarks"


def test_results_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_results.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "slowest:" in out
    assert "korelect audit all:" in out
    assert "2024" in out


def test_allocate_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_allocate.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "same list seats: yes" in out
    assert "korelect.allocate (the 2004 law, recorded)" in out


def test_hemicycle_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_hemicycle.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "ParliamentArch get_svg_from_attribution" in out
    assert "korelect hemicycle_svg, again" in out


def test_simulate_benchmark_runs_quick() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_simulate.py"), "--quick"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "simulate vs exact loop" in out
