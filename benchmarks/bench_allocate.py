"""One exact allocation, as a user calls it, against the peer doing the same arithmetic.

The input is `examples/2004.csv` (2004's list votes and district seats). korelect's
`allocate(entries, rules_for(2004))` gives the whole assembly under the 2004 law: threshold
(3% OR 5 seats), Hare quota with largest remainders over 56 list seats, every step recorded
(the audit trail's text is written only when asked for: `.explain()`, timed apart). The peer,
`apportionment.methods.compute("largest_remainder", votes, 56, threshold=0.03)`, does the
list tier's arithmetic alone (no district seats, no "5 seats" rule, no record); both give the
same list seats here, checked first. `korelect.apportion(..., "hare", threshold="3%")` is the
like-for-like call: one apportionment, as the peer's.

The target (issue 13): one exact allocation no slower than the peer. Timings are the best of
several rounds of many calls each, korelect and the peer in turns.

Run: .venv/bin/python benchmarks/bench_allocate.py [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from apportionment.methods import compute

import korelect

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2004.csv"


def per_call(func: Callable[[], object], calls: int, rounds: int) -> float:
    """Best seconds per call over ``rounds`` rounds of ``calls`` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            func()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    calls, rounds = (20, 1) if args.quick else (2_000, 7)

    entries = korelect.read_entries_csv(EXAMPLE)
    rules = korelect.rules_for(2004)
    parties = [e for e in entries if e.kind is korelect.Kind.PARTY]
    votes = [int(e.votes) for e in parties]
    list_seats = rules.total_seats - rules.district_seats
    ours = korelect.allocate(entries, rules)
    peer = compute("largest_remainder", votes, list_seats, threshold=0.03, verbose=False)
    if [ours.list_seats[e.name] for e in parties] != peer:
        raise SystemExit(f"korelect and the peer differ: {dict(ours.list_seats)} vs {peer}")
    mapping = {e.name: int(e.votes) for e in parties}

    timed = {
        "apportionment.compute (list tier only)": lambda: compute(
            "largest_remainder", votes, list_seats, threshold=0.03, verbose=False
        ),
        "korelect.apportion (one apportionment)": lambda: korelect.apportion(
            mapping, list_seats, "hare", threshold="3%"
        ),
        "korelect.allocate (the 2004 law, recorded)": lambda: korelect.allocate(entries, rules),
        "  ... and .explain() (the audit trail's text)": lambda: korelect.allocate(
            entries, rules
        ).explain(),
    }
    times = {name: per_call(func, calls, rounds) for name, func in timed.items()}
    peer_time = times["apportionment.compute (list tier only)"]
    print(f"{len(parties)} parties, {list_seats} list seats, 2004's votes; same list seats: yes")
    for name, seconds in times.items():
        print(f"{name:48} {seconds * 1e6:9.1f} us  {seconds / peer_time:5.1f}x the peer")
    ratio = times["korelect.allocate (the 2004 law, recorded)"] / peer_time
    if args.quick:
        print("target (no slower than the peer): not judged in --quick mode")
    else:
        print(
            f"target (no slower than the peer): {'met' if ratio <= 1 else 'NOT met'} ({ratio:.1f}x)"
        )


if __name__ == "__main__":
    main()
