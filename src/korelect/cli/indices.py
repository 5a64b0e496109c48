"""The ``korelect indices`` command: disproportionality and party-system indices.

``indices YEAR|--counts DIR [--merge-satellites] [--elected-only] [--json]`` prints
:func:`korelect.analysis.indices.indices_text` or its JSON.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, add_source, json_text, source_arg

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``indices`` to the command line's subparsers."""
    ind = sub.add_parser(
        "indices",
        help="disproportionality and party-system indices of an election",
        description="Gallagher, Loosemore-Hanby, Sainte-Lague index, largest advantage ratio, "
        "effective number of parties (Laakso-Taagepera, Golosov) by votes and seats, and votes "
        "wasted on losing district candidates, for the district and list tiers and the assembly "
        "of YEAR or of the counts in DIR.",
    )
    add_source(ind)
    ind.add_argument(
        "--merge-satellites",
        action="store_true",
        help="count the 2020 and 2024 satellite parties with their parents",
    )
    ind.add_argument(
        "--elected-only",
        action="store_true",
        help="leave the appointed tier of 1973 and 1978 (유신정우회) out of the assembly",
    )
    ind.add_argument("--json", action="store_true", help="print one JSON object")
    ind.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect indices``: the indices of every tier, as text or JSON."""
    from korelect.analysis.indices import indices_text, indices_to_dict  # noqa: PLC0415

    source = source_arg(args, "indices")
    how = {"merge_satellites": args.merge_satellites, "appointed": not args.elected_only}
    if args.json:
        return Output(json_text(indices_to_dict(source, **how)))
    return Output(indices_text(source, **how))
