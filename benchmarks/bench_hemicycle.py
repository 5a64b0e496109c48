"""A 300-seat hemicycle SVG, korelect against ParliamentArch, side by side.

The assembly is 2024's (300 seats, 46 of them list seats drawn apart). korelect's
`hemicycle_svg(results(2024))` writes the whole chart: title, seats by party (district and
list seats told apart), the majority line and a legend. ParliamentArch's
`get_svg_from_attribution` draws the same party seat counts and colours. Two korelect figures:
the first chart of an assembly size (the seat layout computed) and the next ones (the layout
and the seats' coordinates kept per size, as the web explorer draws the same sizes again and
again). The target (issue 13): at or below ParliamentArch's time. Best of several rounds,
the two in turns.

Run: .venv/bin/python benchmarks/bench_hemicycle.py [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from _figures import record
from parliamentarch import SeatData, get_svg_from_attribution

import korelect
from korelect.charts import hemicycle


def per_call(func: Callable[[], object], calls: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            func()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def first_chart(result: korelect.ElectionResult) -> str:
    hemicycle._layout.cache_clear()  # the first chart of its size
    hemicycle._centres.cache_clear()
    return hemicycle.hemicycle_svg(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    calls, rounds = (3, 1) if args.quick else (200, 7)
    result = korelect.results(2024)
    attribution = {
        SeatData(p.info.name_en, p.info.colour): p.total_seats
        for p in result.parties
        if p.total_seats
    }
    svg = hemicycle.hemicycle_svg(result)
    assert svg.count('class="seat"') == sum(attribution.values()) == 300  # noqa: S101
    peer = per_call(lambda: get_svg_from_attribution(attribution), calls, rounds)
    again = per_call(lambda: hemicycle.hemicycle_svg(result), calls, rounds)
    first = per_call(lambda: first_chart(result), calls, rounds)
    print("300 seats (2024), an SVG document")
    print(f"ParliamentArch get_svg_from_attribution {peer * 1e3:8.3f} ms   1.00x")
    print(f"korelect hemicycle_svg, first of a size  {first * 1e3:8.3f} ms {first / peer:6.2f}x")
    print(f"korelect hemicycle_svg, again            {again * 1e3:8.3f} ms {again / peer:6.2f}x")
    if args.quick:
        print("target (at or below ParliamentArch): not judged in --quick mode")
    else:
        met = "met" if again <= peer else "NOT met"
        print(f"target (at or below ParliamentArch): {met} ({again / peer:.2f}x again)")
        theirs = f"ParliamentArch {peer * 1e3:.2f} ms"
        for label, mine in (("again (size drawn before)", again), ("first of its size", first)):
            record(
                f"300-seat hemicycle SVG, {label}",
                f"{mine * 1e3:.2f} ms",
                peer=theirs,
                ratio=mine / peer,
                target="≤ 1× ParliamentArch",
                met=mine <= peer,
            )


if __name__ == "__main__":
    main()
