"""How long `korelect results YEAR` takes from a cold start, for every election (and the audit).

Each run is a fresh process (python start-up, imports, reading the shipped tables,
counting every district and allocating the list seats), timed from outside.
Run: .venv/bin/python benchmarks/bench_results.py [--runs 5] [--quick]

--quick (used by CI through the tests) runs each year once and only checks that
the command succeeds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from korelect.law.registry import registered_years

YEARS = registered_years()  # every election, 1948-2024


# As an installed korelect runs: with its bytecode cached (pip compiles it at install). An
# environment with PYTHONDONTWRITEBYTECODE set (this sandbox) would otherwise recompile
# every module in every run; the first, warming run of each command writes the cache.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(year: int | str, *extra: str, command: str = "results") -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "korelect", command, str(year), *extra],
        check=True,
        stdout=subprocess.DEVNULL,
        env=ENV,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    run(2024, "--by", "province")  # warm: writes the bytecode cache, as an install would
    baseline = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append(time.perf_counter() - start)
    print(f"python start-up alone: median {statistics.median(baseline) * 1000:.0f} ms")
    print(f"{'year':<6}{'results':>12}{'--by province':>16}")
    worst = 0.0
    for year in YEARS:
        plain = statistics.median(run(year) for _ in range(runs))
        province = statistics.median(run(year, "--by", "province") for _ in range(runs))
        worst = max(worst, plain, province)
        print(f"{year:<6}{plain * 1000:>9.0f} ms{province * 1000:>13.0f} ms")
    print(
        f"slowest: {worst * 1000:.0f} ms (median of {runs} cold runs; "
        f"{worst / statistics.median(baseline):.0f}x python start-up)"
    )
    whole = statistics.median(run("all", command="audit") for _ in range(runs))
    print(f"korelect audit all: {whole * 1000:.0f} ms (median of {runs} cold runs)")


if __name__ == "__main__":
    main()
