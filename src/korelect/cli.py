"""The ``korelect`` command line.

Every user mistake ends in one line on standard error, ``korelect: error: ...``,
naming the file, line and field where it can, and exit status 2. Nothing is
written to standard output before the whole result is computed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from ._allocate import allocate
from ._apportion import METHODS, apportion
from ._csvfile import read_entries_csv
from ._rules import Rules, registered_years, rules_for
from ._rulesfile import load_rules, rules_to_toml
from ._ties import TieRule
from .errors import FileFormatError, InputError, KorelectError


def _rules_arg(value: str) -> Rules:
    text = value.strip()
    if text.isascii() and text.isdigit():
        return rules_for(int(text))
    if text.lower().endswith(".toml") or Path(text).exists():
        return load_rules(text)
    years = ", ".join(str(y) for y in registered_years())
    raise InputError(
        f"--rules: expected an election year ({years}) or a .toml file (got {value!r})"
    )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"korelect: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="korelect",
        description="South Korea's National Assembly electoral law 1988–2024, as code.",
    )
    parser.add_argument("--version", action="version", version=f"korelect {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

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
        help="an election year (1988-2024) or a rules file",
    )
    alloc.add_argument("--json", action="store_true", help="print one JSON object")
    alloc.add_argument("--explain", action="store_true", help="print the audit trail")
    alloc.add_argument(
        "--ties", choices=[r.value for r in TieRule], help="override the law's tie rule"
    )
    alloc.add_argument("--seed", type=int, default=0, help="seed for lots (default 0)")

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

    rules = sub.add_parser(
        "rules",
        help="list the elections, or show one election's rules",
        description="Without an argument, list the elections whose law is registered.",
    )
    rules.add_argument("which", nargs="?", metavar="YEAR|RULES.toml")
    rules.add_argument(
        "--toml", action="store_true", help="print the rules as a rules file to edit"
    )
    return parser


def _allocate(args: argparse.Namespace) -> str:
    rules = _rules_arg(args.rules)
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
        return json.dumps(data, ensure_ascii=False, indent=2)
    if args.explain:
        return result.explain()
    return f"{rules.name}\n\n{result.table()}"


def _apportion(args: argparse.Namespace) -> str:
    entries = read_entries_csv(args.file, district_seats_required=False)
    result = apportion(
        entries, args.seats, args.method, threshold=args.threshold, ties=args.ties, seed=args.seed
    )
    if args.json:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    lines = [q.describe() for q in result.qualification] if args.threshold else []
    return "\n".join([*lines, result.explain()])


def _rules(args: argparse.Namespace) -> str:
    if args.which is None:
        lines = [f"{'year':<6}{'seats':>6}{'district':>10}{'list':>6}  formula       threshold"]
        for year in registered_years():
            r = rules_for(year)
            lines.append(
                f"{year:<6}{r.total_seats:>6}{r.district_seats:>10}{r.list_seats:>6}  "
                f"{r.formula:<12}  {r.threshold}"
            )
        return "\n".join(lines)
    rules = _rules_arg(args.which)
    return rules_to_toml(rules).rstrip("\n") if args.toml else rules.describe()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "allocate":
            out = _allocate(args)
        elif args.command == "apportion":
            out = _apportion(args)
        else:
            out = _rules(args)
    except KorelectError as exc:
        print(f"korelect: error: {exc}", file=sys.stderr)
        return 2
    try:
        print(out)
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
