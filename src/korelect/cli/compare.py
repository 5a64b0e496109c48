"""The ``korelect compare`` command: the same votes under two systems, side by side.

``compare YEAR|--counts DIR --rules YEAR|RULES.toml [--merge-satellites]`` runs
:func:`korelect.analysis.compare.compare`.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, add_source, json_text, rules_arg, source_arg

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``compare`` to the command line's subparsers."""
    cmp_ = sub.add_parser(
        "compare",
        help="the same votes under two systems, side by side",
        description="Compute YEAR (or the counts in DIR) under its own law and under other "
        "rules (applied to its districts and votes): seats per party and the index changes.",
    )
    add_source(cmp_)
    cmp_.add_argument("--rules", required=True, metavar="YEAR|RULES.toml")
    cmp_.add_argument(
        "--merge-satellites",
        action="store_true",
        help="count the 2020 and 2024 satellites with their parents in the indices",
    )
    cmp_.add_argument("--json", action="store_true", help="print one JSON object")
    cmp_.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect compare``: seats per party and the index changes, as a table or JSON."""
    from korelect.analysis.compare import compare  # noqa: PLC0415

    source = source_arg(args, "compare")
    comparison = compare(source, rules_arg(args.rules), merge_satellites=args.merge_satellites)
    return Output(json_text(comparison.to_dict()) if args.json else comparison.table())
