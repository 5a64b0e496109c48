"""The ``korelect allocate`` and ``korelect apportion`` commands: seats from a CSV of votes.

``allocate FILE.csv --rules YEAR|RULES.toml`` computes a whole assembly under an
election's law or a rules file; ``apportion FILE.csv --seats N --method M``
apportions seats by one method, with no district tier.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, json_text, rules_arg
from korelect.errors import FileFormatError
from korelect.law.methods import METHODS
from korelect.law.ties import TieRule

__all__ = ["add_parser", "run_allocate", "run_apportion"]


def add_parser(sub: Subparsers) -> None:
    """Add ``allocate`` and ``apportion`` to the command line's subparsers."""
    alloc = sub.add_parser(
        "allocate",
        help="compute the assembly from national votes and district seats",
        description="Compute the assembly from a CSV of party,votes,district_seats[,kind] "
        "under an election's law or a rules file.",
    )
    alloc.add_argument("file", metavar="FILE.csv", help="party,votes,district_seats[,kind]")
    alloc.add_argument(
        "--rules",
        required=True,
        metavar="YEAR|RULES.toml",
        help="an election year (1948-2024) or a rules file",
    )
    alloc.add_argument("--json", action="store_true", help="print one JSON object")
    alloc.add_argument("--explain", action="store_true", help="print the audit trail")
    alloc.add_argument(
        "--ties", choices=[r.value for r in TieRule], help="override the law's tie rule"
    )
    alloc.add_argument("--seed", type=int, default=0, help="seed for lots (default 0)")
    alloc.set_defaults(run=run_allocate)

    app = sub.add_parser(
        "apportion",
        help="apportion seats by one method (no district tier)",
        description="Apportion SEATS among the rows of a CSV by one method.",
    )
    app.add_argument("file", metavar="FILE.csv", help="party,votes[,district_seats][,kind]")
    app.add_argument("--seats", type=int, required=True, help="seats to apportion")
    app.add_argument("--method", default="hare", help=f"one of {', '.join(METHODS)}")
    app.add_argument("--threshold", default=None, help="e.g. '3%% OR 5 seats'")
    app.add_argument(
        "--ties",
        choices=[r.value for r in TieRule],
        default=TieRule.RAISE.value,
        help="tie rule (default: raise)",
    )
    app.add_argument("--seed", type=int, default=0, help="seed for lots (default 0)")
    app.add_argument("--json", action="store_true", help="print one JSON object")
    app.set_defaults(run=run_apportion)


def run_allocate(args: argparse.Namespace) -> Output:
    """``korelect allocate``: the assembly, its JSON or its audit trail."""
    from korelect.engine.allocate import allocate  # noqa: PLC0415
    from korelect.record.entries_csv import read_entries_csv  # noqa: PLC0415

    rules = rules_arg(args.rules)
    entries = read_entries_csv(args.file)
    district = sum(e.district_seats for e in entries)
    if district != rules.district_seats:
        raise FileFormatError(
            f"district seats add up to {district}, but {rules.name} has "
            f"{rules.district_seats} district seats",
            path=args.file,
            field="district_seats",
        )
    result = allocate(entries, rules, ties=args.ties, seed=args.seed)
    if args.json:
        data = result.to_dict()
        if args.explain:
            data["explanation"] = result.explain()
        return Output(json_text(data))
    if args.explain:
        return Output(result.explain())
    return Output(f"{rules.name}\n\n{result.table()}")


def run_apportion(args: argparse.Namespace) -> Output:
    """``korelect apportion``: the seats by one method, with the threshold's verdicts."""
    from korelect.engine.apportion import apportion  # noqa: PLC0415
    from korelect.record.entries_csv import read_entries_csv  # noqa: PLC0415

    entries = read_entries_csv(args.file, district_seats_required=False)
    result = apportion(
        entries, args.seats, args.method, threshold=args.threshold, ties=args.ties, seed=args.seed
    )
    if args.json:
        return Output(json_text(result.to_dict()))
    lines = [q.describe() for q in result.qualification] if args.threshold else []
    return Output("\n".join([*lines, result.explain()]))
