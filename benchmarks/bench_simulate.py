"""Simulated elections per second, and how the time grows with N.

For each year, `korelect.simulate(year, n)` (vectorised noise and district counts; list seats by
`allocate_many` for 2004-2016, the exact allocation per run otherwise) is timed for growing N,
against the exact single-election path in a loop (`korelect.results` of one election per run,
which is what a user without the batch path would call). Run:
.venv/bin/python benchmarks/bench_simulate.py [--quick]
"""

from __future__ import annotations

import argparse
import time

from korelect._results import results
from korelect._simulate import simulate


def per_second(year: int, n: int) -> float:
    start = time.perf_counter()
    simulate(year, n, seed=1)
    return n / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = (50, 100) if args.quick else (1_000, 5_000, 20_000)
    years = (2016,) if args.quick else (2004, 2016, 2020)
    results(2016)  # warm the data cache for both paths
    loops = 3 if args.quick else 20
    start = time.perf_counter()
    for _ in range(loops):
        results(2016)
    exact = loops / (time.perf_counter() - start)
    print(f"exact path (results() per election, 2016): {exact:,.0f} elections/s")
    print(f"{'year':<6}" + "".join(f"{f'N={n:,}':>14}" for n in sizes))
    for year in years:
        rates = [per_second(year, n) for n in sizes]
        print(f"{year:<6}" + "".join(f"{r:>12,.0f}/s" for r in rates))
    best = per_second(2016, sizes[-1])
    print(f"2016 simulate vs exact loop: {best / exact:,.0f}x")


if __name__ == "__main__":
    main()
