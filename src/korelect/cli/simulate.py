"""The ``korelect simulate`` command: a Monte Carlo seat projection around an election.

``simulate YEAR|--counts DIR [-n N] [--seed S] [--*-sd SD] [--rules ...]
[--dask ADDRESS|--workers N]`` runs :func:`korelect.analysis.simulate.simulate`, with a
progress bar on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys

from korelect.cli.common import Output, Subparsers, add_source, json_text, rules_arg, source_arg

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``simulate`` to the command line's subparsers."""
    sim = sub.add_parser(
        "simulate",
        help="Monte Carlo seat projection around an election's counts",
        description="N elections with correlated national, provincial and district noise on "
        "the district and list votes of YEAR (or of the counts in DIR), each counted district "
        "by district (the top M in a district of M members) and allocated under the rules. "
        "The same seed gives byte-identical output.",
    )
    add_source(sim)
    sim.add_argument("-n", type=int, default=1000, help="simulated elections (default 1000)")
    sim.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    for name, default in (
        ("national", 0.02),
        ("regional", 0.02),
        ("district", 0.03),
        ("list", 0.02),
    ):
        sim.add_argument(
            f"--{name}-sd",
            type=float,
            default=default,
            help=f"sd of the log-normal {name} noise (default {default})",
        )
    sim.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="allocate under other rules (adapted to the counts' districts and votes)",
    )
    where = sim.add_mutually_exclusive_group()
    where.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS (tcp://host:8786)"
    )
    where.add_argument(
        "--workers", type=int, metavar="N", help="run on a local Dask cluster of N processes"
    )
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect simulate``: the seat distributions, as a table or JSON."""
    from korelect.analysis.simulate import simulate  # noqa: PLC0415
    from korelect.base.memory import keep_freed_memory  # noqa: PLC0415

    source = source_arg(args, "simulate")
    keep_freed_memory()  # the chunks' temporaries reused, not mapped afresh by the kernel
    rules = None if args.rules is None else rules_arg(args.rules)
    bar = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if bar:
            filled = 30 * done // max(total, 1)
            print(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    result = simulate(
        source,
        args.n,
        seed=args.seed,
        national_sd=args.national_sd,
        regional_sd=args.regional_sd,
        district_sd=args.district_sd,
        list_sd=args.list_sd,
        rules=rules,
        dask=args.workers if args.dask is None else args.dask,
        progress=progress,
    )
    if bar:
        print(file=sys.stderr)
    return Output(json_text(result.to_dict()) if args.json else result.table())
