"""The ``korelect rules`` command: the registered elections, or one election's rules.

``rules`` lists the elections whose law is registered; ``rules YEAR|RULES.toml``
describes one (``--toml``: as a rules file to edit). It loads no election data.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, rules_arg
from korelect.law.registry import registered_years, rules_for
from korelect.law.rulesfile import rules_to_toml

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``rules`` to the command line's subparsers."""
    rules = sub.add_parser(
        "rules",
        help="list the elections, or show one election's rules",
        description="Without an argument, list the elections whose law is registered.",
    )
    rules.add_argument("which", nargs="?", metavar="YEAR|RULES.toml")
    rules.add_argument(
        "--toml", action="store_true", help="print the rules as a rules file to edit"
    )
    rules.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect rules``: the table of elections, or one set of rules described."""
    if args.which is None:
        lines = [f"{'year':<6}{'seats':>6}{'district':>10}{'list':>6}  formula       threshold"]
        for year in registered_years():
            r = rules_for(year)
            lines.append(
                f"{year:<6}{r.total_seats:>6}{r.district_seats:>10}{r.list_seats:>6}  "
                f"{r.formula:<12}  {r.threshold}"
            )
        return Output("\n".join(lines))
    rules = rules_arg(args.which)
    return Output(rules_to_toml(rules).rstrip("\n") if args.toml else rules.describe())
