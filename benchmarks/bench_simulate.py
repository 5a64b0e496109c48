"""Simulated elections per second: 2024's law on the counts, against the exact path in a loop.

The issue's target: a full 2024-rule simulation (districts counted by plurality, the linked
list tier without a cap) at least 100x faster per simulated election than the exact
single-election path in a loop, and 100,000 simulated elections in under 10 seconds on one
core. 2024 itself has no district counts (only declared winners), so the base is the 2020
counts (253 districts, 1,101 candidates, 2020's list votes) under 2024's rules, adapted to
2020's assembly: 253 district + 47 list seats, linked formula, no cap.

- exact path: `korelect.results(2020, rules=2024)` per election (count every district, allocate
  with the exact Fraction formula, build the result), timed in a loop;
- batch path: `korelect.simulate(2020, n, rules=2024)` (noise, plurality in log space,
  `linked_many`), for growing n; also 1988, 1996, 2004, 2016 and 2020 under their own law;
- growth with the number of parties: the same simulation with extra list parties (each with
  1% of the list vote and no candidates), so every per-party array and the list allocation grow.

Before timing, the batch path is checked against the exact allocation run for run (ties settled
by list order on both sides). Everything runs on one core: the NumPy work here (random draws,
elementwise arithmetic, argmax, bincount, sorting) is single threaded, with no BLAS calls. Run:
.venv/bin/python benchmarks/bench_simulate.py [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import subprocess
import sys
import time

import numpy as np

from korelect import rules_for
from korelect.analysis.simulate import _Base, _base, run_base, simulate
from korelect.engine.entries import Kind
from korelect.record.election import PartyInfo, adapt_rules, results


def rate(year: int, n: int, **kwargs: object) -> float:
    start = time.perf_counter()
    simulate(year, n, seed=1, **kwargs)  # type: ignore[arg-type]
    return n / (time.perf_counter() - start)


def with_parties(extra: int) -> _Base:
    """The 2020 base under 2024's law with ``extra`` more list parties of 1% each."""
    rules = adapt_rules(2020, rules_for(2024))[0]
    base = _base(2020, rules)
    if base.list_votes is None:
        raise SystemExit("2020 must have list votes")
    one = int(base.list_votes.sum() + base.other) // 100
    fake = tuple(
        PartyInfo(f"가상{i}", f"Party {i}", f"P{i}", "#999999", f"p{i}") for i in range(extra)
    )
    return dataclasses.replace(
        base,
        parties=base.parties + fake,
        kinds=base.kinds + (Kind.PARTY,) * extra,
        fixed=np.concatenate([base.fixed, np.zeros(extra, dtype=np.int64)]),
        list_votes=np.concatenate([base.list_votes, np.full(extra, one, dtype=np.int64)]),
    )


def check_agreement(n: int) -> None:
    """The batch path equals the exact allocation run for run (list-order ties both sides)."""
    for year, law in ((2020, 2024), (2020, 2020), (2016, 2016), (1988, 1988), (1996, 1996)):
        rules = adapt_rules(year, rules_for(law).replace(ties="list-order"))[0]
        fast = simulate(year, n, seed=3, rules=rules)
        slow = simulate(year, n, seed=3, rules=rules, exact=True)
        if not np.array_equal(fast.seats, slow.seats):
            raise SystemExit(f"batch and exact paths differ: {year} counts under {law}'s law")
    print(f"batch path equals the exact allocation on {n} runs each of 5 laws: ok")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    quick = args.quick
    check_agreement(20 if quick else 200)

    law = adapt_rules(2020, rules_for(2024))[0]
    results(2020, rules=law)  # warm the data cache for both paths
    loops = 2 if quick else 20
    start = time.perf_counter()
    for _ in range(loops):
        results(2020, rules=law)
    exact = loops / (time.perf_counter() - start)
    print(f"exact path (results(2020, rules=2024) per election): {exact:,.1f} elections/s")

    sizes = (50, 300) if quick else (1_000, 10_000, 100_000)
    cases = [("2020 counts, 2024 law", 2020, law)]
    if not quick:
        cases += [(str(y), y, None) for y in (1988, 1996, 2004, 2016, 2020)]
    print(f"{'simulated elections/s':<24}" + "".join(f"{f'N={n:,}':>14}" for n in sizes))
    best = 0.0
    for label, year, rules in cases:
        rates = [rate(year, n, rules=rules) for n in sizes]
        if rules is law:
            best = rates[-1]
        print(f"{label:<24}" + "".join(f"{r:>12,.0f}/s" for r in rates))
    big = sizes[-1]
    print(
        f"{big:,} elections under 2024's law: {big / best:.2f} s (target: under 10 s for 100,000)"
    )
    print(f"simulate vs exact loop (2024 law): {best / exact:,.0f}x (target: at least 100x)")

    print("growth with the number of parties (2024 law, extra 1% list parties):")
    n = sizes[-2]
    sds = {"national_sd": 0.02, "regional_sd": 0.02, "district_sd": 0.03, "list_sd": 0.02}
    for extra in (0, 10, 30) if not quick else (0, 5):
        base = with_parties(extra)
        start = time.perf_counter()
        run_base(base, 2020, n, 1, sds)
        r = n / (time.perf_counter() - start)
        print(f"  {len(base.parties):>3} parties: {r:>10,.0f}/s at N={n:,}")
    kernel_share(10_000 if quick else 100_000)


KEEP = "MALLOC_MMAP_THRESHOLD_"


def kernel_share(n: int) -> None:
    """`korelect simulate 2020 --rules 2024 -n N` as a process: wall, user and kernel time.

    With the C heap keeping freed memory (what the command does) and without (glibc's
    defaults, by setting glibc's own variable, which keep_freed_memory leaves alone).
    """
    print(f"korelect simulate 2020 --rules 2024 -n {n:,} (a process; issue 13: kernel < 10%):")
    for label, env in (
        ("freed memory kept", {k: v for k, v in os.environ.items() if k != KEEP}),
        ("glibc defaults", {**os.environ, KEEP: "131072"}),
    ):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "korelect", "simulate", "2020", "--rules", "2024", "-n", str(n)],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        user, kernel = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
        print(
            f"  {label:<18} {wall:6.2f} s wall, {user:6.2f} s user, {kernel:5.2f} s kernel "
            f"({kernel / wall:4.0%})"
        )


if __name__ == "__main__":
    main()
