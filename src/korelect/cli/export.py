"""The ``korelect export`` command: a shipped election's counts as a counts folder.

``export YEAR -o DIR`` writes the folder that ``korelect results --counts DIR`` reads
(``docs/COUNTS.md``); computing it gives exactly ``korelect results YEAR``.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, election_year

__all__ = ["add_parser", "run_export"]


def add_parser(sub: Subparsers) -> None:
    """Add ``export`` to the command line's subparsers."""
    exp = sub.add_parser(
        "export",
        help="write an election's counts as a folder to edit and recompute",
        description="Write YEAR's counts (districts, candidates, declared winners, list votes, "
        "turnout, election.toml) in korelect's counts format (docs/COUNTS.md) to a new folder. "
        "Edit it, then: korelect results --counts DIR.",
    )
    exp.add_argument("year", metavar="YEAR", help="1988, 1992, ... 2024")
    exp.add_argument("-o", "--output", required=True, metavar="DIR", help="a new (or empty) folder")
    exp.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> Output:
    """``korelect export``: write the folder whole or not at all; say what was written."""
    from korelect.record.counts import counts_of, write_counts  # noqa: PLC0415  (loads data)

    year = election_year(args.year, "export")
    files = write_counts(counts_of(year), args.output)
    return Output(f"wrote {args.output}: {', '.join(files)}")
