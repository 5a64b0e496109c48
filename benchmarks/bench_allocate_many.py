"""How fast `allocate_many` apportions many vote vectors, against the peer and a plain argsort.

Largest remainder (Hare) with a 3% threshold, 47 seats, over N vote vectors of 8 parties
(seeded numpy Generator). The peer, `apportionment.methods.compute("largest_remainder", ...)`
(its "quota" is Balinski-Young's quota method, not Hare), runs in a loop over the first
5,000 rows; both results are checked equal there. One `numpy.argsort(votes, axis=1)` over the
same array is the floor: no allocation can be much faster than sorting each row once.

The targets (issue 5): (a) at least 30x faster per allocation than the peer; (b) at most 3x
the time of the one argsort. Then two tables show how both times grow with the number of runs
(10k, 100k, 1M; 8 parties) and of parties (4, 8, 16, 32; 100k runs), and one the other quota
methods. allocate_many and argsort are timed in turns (best of several), so a busy machine
slows both alike.

Run: .venv/bin/python benchmarks/bench_allocate_many.py [--n 100000] [--quick]

--quick (used by CI through the tests) uses small sizes and only checks that it runs and
agrees; its timings mean nothing.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial

import numpy as np
from apportionment.methods import compute

from korelect.engine.batch.apportion import allocate_many

SEATS = 47
PARTIES = 8
THRESHOLD = "3%"
TARGET_PEER = 30.0  # at least this many times faster than the peer
TARGET_SORT = 3.0  # at most this many times one argsort


def make_votes(runs: int, parties: int, seed: int = 20240410) -> np.ndarray:
    """``runs`` vote vectors of ``parties`` parties, about 20 million votes each."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(parties, 0.8), size=runs)
    return np.floor(weights * 20_000_000).astype(np.int64)


def hare(votes: np.ndarray, method: str = "hare") -> np.ndarray:
    return allocate_many(votes, SEATS, method=method, threshold=THRESHOLD)


def best_of_each(repeats: int, *funcs: Callable[[], object]) -> list[float]:
    """The best time of each function, calling them in turns ``repeats`` times."""
    best = [float("inf")] * len(funcs)
    for _ in range(repeats):
        for i, func in enumerate(funcs):
            start = time.perf_counter()
            func()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def scaling_row(label: str, votes: np.ndarray, repeats: int, method: str = "hare") -> str:
    seats = hare(votes, method)
    if not (seats.sum(axis=1) == SEATS).all():
        raise SystemExit(f"{label}: a row does not sum to {SEATS}")
    t_ours, t_sort = best_of_each(
        repeats, lambda: hare(votes, method), lambda: np.argsort(votes, axis=1)
    )
    per = t_ours / len(votes) * 1e6
    return (
        f"{label:>18} {t_ours * 1000:10.2f} ms {per:8.3f} us "
        f"{t_sort * 1000:10.2f} ms {t_ours / t_sort:7.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--peer-rows", type=int, default=5_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 500 if args.quick else args.n
    peer_rows = min(n, 200 if args.quick else args.peer_rows)
    repeats = 1 if args.quick else 9

    votes = make_votes(n, PARTIES)
    ours = hare(votes)
    t_ours, t_sort = best_of_each(repeats, lambda: hare(votes), lambda: np.argsort(votes, axis=1))

    subset = votes[:peer_rows]
    rows = [row.tolist() for row in subset]
    peer = [compute("largest_remainder", r, SEATS, threshold=0.03) for r in rows]
    mismatched = [i for i in range(peer_rows) if peer[i] != ours[i].tolist()]
    if mismatched:
        raise SystemExit(f"peer and korelect differ on rows {mismatched[:10]}")
    (t_peer,) = best_of_each(
        1 if args.quick else 3,
        lambda: [compute("largest_remainder", r, SEATS, threshold=0.03) for r in rows],
    )

    per_ours = t_ours / n * 1e6
    per_peer = t_peer / peer_rows * 1e6
    per_sort = t_sort / n * 1e6
    vs_peer = per_peer / per_ours
    vs_sort = per_ours / per_sort
    print(f"{n:,} vote vectors x {PARTIES} parties, {SEATS} seats, Hare with a 3% threshold")
    print(f"korelect allocate_many: {per_ours:8.3f} us per allocation ({t_ours * 1000:.1f} ms)")
    print(f"apportionment (loop):   {per_peer:8.3f} us per allocation ({peer_rows:,} rows)")
    print(f"numpy.argsort (floor):  {per_sort:8.3f} us per row ({t_sort * 1000:.1f} ms)")
    print(f"agree on {peer_rows:,} rows: yes")
    print(f"speed-up vs peer: {vs_peer:.0f}x; vs argsort: {vs_sort:.1f}x slower")
    quick = "not judged in --quick mode (sizes too small for the timings to mean anything)"
    print(
        f"target (a), at least {TARGET_PEER:.0f}x faster than the peer: "
        + (quick if args.quick else f"{verdict(vs_peer >= TARGET_PEER)} ({vs_peer:.0f}x)")
    )
    print(
        f"target (b), at most {TARGET_SORT:.0f}x one numpy.argsort: "
        + (quick if args.quick else f"{verdict(vs_sort <= TARGET_SORT)} ({vs_sort:.2f}x)")
    )

    header = f"{'':>18} {'allocate_many':>13} {'per run':>11} {'argsort':>13} {'ratio':>8}"
    sizes = [100, 1_000] if args.quick else [10_000, 100_000, 1_000_000]
    print(f"\nScaling with the number of runs ({PARTIES} parties):")
    print(header.replace(" " * 18, f"{'runs':>18}", 1))
    for runs in sizes:
        print(scaling_row(f"{runs:,}", make_votes(runs, PARTIES), 3 if runs >= 1e6 else repeats))
    width = [4, 8] if args.quick else [4, 8, 16, 32]
    runs = 300 if args.quick else 100_000
    print(f"\nScaling with the number of parties ({runs:,} runs):")
    print(header.replace(" " * 18, f"{'parties':>18}", 1))
    for parties in width:
        print(scaling_row(f"{parties}", make_votes(runs, parties), repeats))
    print(f"\nThe other quota methods ({n:,} runs x {PARTIES} parties, 3% threshold):")
    print(header.replace(" " * 18, f"{'method':>18}", 1))
    for method in ("hare", "droop", "hagenbach-bischoff", "imperiali"):
        print(scaling_row(method, votes, repeats, method))
    divisor_tables(args.quick, repeats)


def divisor_tables(quick: bool, repeats: int) -> None:
    """The divisor methods (issue 13): per allocation, against argsort and the peer."""
    for method, peer_name in (("dhondt", "dhondt"), ("sainte-lague", "saintelague")):
        divisor_table(method, peer_name, quick, repeats)


def divisor_table(method: str, peer_name: str, quick: bool, repeats: int) -> None:
    runs = 300 if quick else 50_000
    peer_rows = 50 if quick else 1_000
    widths = [4, 8] if quick else [4, 8, 16, 32, 64]
    houses = [10, 56] if quick else [10, 56, 150, 300]
    print(
        f"\n{method}, 3% threshold, {runs:,} runs: time per allocation as a multiple of one "
        f"numpy.argsort per row (target: 3x)"
    )
    print(f"{'parties':>8} {'argsort':>10} " + " ".join(f"{f'{s} seats':>10}" for s in houses))
    for parties in widths:
        votes = make_votes(runs, parties)
        sort = partial(np.argsort, votes, axis=1)
        cells = []
        for house in houses:
            ours = partial(allocate_many, votes, house, method=method, threshold=THRESHOLD)
            t_ours, t_sort = best_of_each(repeats, ours, sort)
            cells.append(f"{t_ours / t_sort:9.1f}x")
        print(f"{parties:>8} {t_sort / runs * 1e9:7.0f} ns " + " ".join(cells))
    votes = make_votes(peer_rows, PARTIES)
    rows = [row.tolist() for row in votes]
    ours_seats = allocate_many(votes, SEATS, method=method, threshold=THRESHOLD)
    peer = [compute(peer_name, r, SEATS, threshold=0.03) for r in rows]
    if any(peer[i] != ours_seats[i].tolist() for i in range(peer_rows)):
        raise SystemExit(f"{method}: the peer and korelect differ")
    t_batch, t_peer = best_of_each(
        1 if quick else 3,
        partial(allocate_many, votes, SEATS, method=method, threshold=THRESHOLD),
        lambda: [compute(peer_name, r, SEATS, threshold=0.03) for r in rows],
    )
    print(
        f"{PARTIES} parties, {SEATS} seats: korelect {t_batch / peer_rows * 1e6:.2f} us, "
        f"apportionment {t_peer / peer_rows * 1e6:.1f} us per allocation "
        f"({t_peer / t_batch:.0f}x), same seats on {peer_rows:,} rows"
    )


if __name__ == "__main__":
    main()
