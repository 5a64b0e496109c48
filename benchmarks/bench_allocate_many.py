"""How fast `allocate_many` apportions many vote vectors, against the peer and a plain argsort.

Largest remainder (Hare) with a 3% threshold, 47 seats, over N vote vectors of 8 parties
(seeded numpy Generator). The peer, `apportionment.methods.compute("largest_remainder", ...)`
(its "quota" is Balinski-Young's quota method, not Hare), runs in a loop over the first
5,000 rows; both results are checked equal there. One `numpy.argsort` over the same array
is the floor: no allocation can be much faster than sorting each row once.
Run: .venv/bin/python benchmarks/bench_allocate_many.py [--n 100000] [--quick]

--quick (used by CI through the tests) uses a small N and only checks that it runs and agrees.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from apportionment.methods import compute

from korelect._batch import allocate_many

SEATS = 47
PARTIES = 8


def best_of(repeats: int, func: object) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--peer-rows", type=int, default=5_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 500 if args.quick else args.n
    peer_rows = min(n, 200 if args.quick else args.peer_rows)
    repeats = 1 if args.quick else 5

    rng = np.random.default_rng(20240410)
    weights = rng.dirichlet(np.full(PARTIES, 0.8), size=n)
    votes = np.floor(weights * 20_000_000).astype(np.int64)

    ours = allocate_many(votes, SEATS, method="hare", threshold="3%")
    t_ours = best_of(repeats, lambda: allocate_many(votes, SEATS, method="hare", threshold="3%"))
    t_sort = best_of(repeats, lambda: np.argsort(votes, axis=1))

    subset = votes[:peer_rows]
    rows = [row.tolist() for row in subset]
    peer = [compute("largest_remainder", r, SEATS, threshold=0.03) for r in rows]
    mismatched = [i for i in range(peer_rows) if peer[i] != ours[i].tolist()]
    if mismatched:
        raise SystemExit(f"peer and korelect differ on rows {mismatched[:10]}")
    t_peer = best_of(
        1 if args.quick else 3,
        lambda: [compute("largest_remainder", r, SEATS, threshold=0.03) for r in rows],
    )

    per_ours = t_ours / n * 1e6
    per_peer = t_peer / peer_rows * 1e6
    per_sort = t_sort / n * 1e6
    print(f"{n:,} vote vectors x {PARTIES} parties, {SEATS} seats, Hare with a 3% threshold")
    print(f"korelect allocate_many: {per_ours:8.3f} us per allocation ({t_ours * 1000:.1f} ms)")
    print(f"apportionment (loop):   {per_peer:8.3f} us per allocation ({peer_rows:,} rows)")
    print(f"numpy.argsort (floor):  {per_sort:8.3f} us per row ({t_sort * 1000:.1f} ms)")
    print(f"agree on {peer_rows:,} rows: yes")
    print(
        f"speed-up vs peer: {per_peer / per_ours:.0f}x; "
        f"vs argsort: {per_ours / per_sort:.1f}x slower"
    )


if __name__ == "__main__":
    main()
