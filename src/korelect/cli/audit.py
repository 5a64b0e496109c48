"""The ``korelect audit`` command: every contradiction found between and within the sources.

``audit YEAR|all [--json]`` runs :func:`korelect.analysis.audit.audit` on one
election or on all of them; ``audit --counts DIR`` checks a counts folder against itself
(:func:`korelect.analysis.audit.counts.audit_counts`).
"""

from __future__ import annotations

import argparse

from korelect.cli.common import (
    COUNTS_HELP,
    Output,
    Subparsers,
    election_year,
    json_text,
    source_arg,
)

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``audit`` to the command line's subparsers."""
    aud = sub.add_parser(
        "audit",
        help="every contradiction found between and within the sources",
        description="Check the sources against each other and the computation: declared "
        "winners vs counts, candidate votes vs valid votes, sums of rows vs totals, polling "
        "stations vs district totals, the two crawls of the commission's counts (nec-history "
        "and polis-korea, 1948-2020) district by district and figure by figure, computed vs "
        "official national tables, and the seed articles vs the counts. Each finding names "
        "the place, both figures and the sources.",
    )
    aud.add_argument(
        "year", metavar="YEAR|all", nargs="?", help="an election year, or all; or give --counts"
    )
    aud.add_argument("--counts", metavar="DIR", help=COUNTS_HELP)
    aud.add_argument("--json", action="store_true", help="print one JSON object")
    aud.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect audit``: the findings, as text or JSON."""
    from korelect.analysis.audit import audit, audit_text, audit_to_dict  # noqa: PLC0415  (loads every table)

    if args.counts is not None or args.year is None:
        from korelect.analysis.audit.counts import audit_counts  # noqa: PLC0415

        findings = audit_counts(source_arg(args, "audit"))
    else:
        year: int | None = None
        if args.year.strip().lower() != "all":
            year = election_year(args.year, "audit", also=" or all")
        findings = audit(year)
    if args.json:
        return Output(json_text(audit_to_dict(findings)))
    return Output(audit_text(findings))
