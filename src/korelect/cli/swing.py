"""The ``korelect swing`` command: district winners and list seats after a national swing.

``swing YEAR PARTY=POINTS ... [--kind uniform|proportional] [--rules ...]`` runs
:func:`korelect.analysis.swing.swing`.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, election_year, json_text, rules_arg
from korelect.errors import InputError

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``swing`` to the command line's subparsers."""
    sw = sub.add_parser(
        "swing",
        help="district winners and list seats after a national vote swing",
        description="Change parties' national vote shares (in points) in every district and in "
        "the list vote, uniformly or proportionally, recount every district and reallocate the "
        "list seats. Example: korelect swing 2016 Saenuri=+3 --kind uniform",
    )
    sw.add_argument("year", metavar="YEAR")
    sw.add_argument(
        "changes",
        nargs="+",
        metavar="PARTY=POINTS",
        help="e.g. GNP=+2 Uri=-2 (points of the national vote share)",
    )
    sw.add_argument("--kind", choices=["uniform", "proportional"], default="uniform")
    sw.add_argument("--rules", metavar="YEAR|RULES.toml", help="allocate under other rules")
    sw.add_argument("--json", action="store_true", help="print one JSON object")
    sw.set_defaults(run=run)


def changes_arg(items: list[str]) -> dict[str, str]:
    """``PARTY=POINTS ...`` as party → points, or one clear :class:`InputError` line."""
    changes: dict[str, str] = {}
    for item in items:
        party, sep, points = item.rpartition("=")
        if not sep or not party.strip():
            raise InputError(f"swing: expected PARTY=POINTS such as GNP=+2 (got {item!r})")
        changes[party.strip()] = points.strip()
    return changes


def run(args: argparse.Namespace) -> Output:
    """``korelect swing``: the swung assembly and the districts that changed hands."""
    from korelect.analysis.swing import swing  # noqa: PLC0415

    year = election_year(args.year, "swing")
    changes = changes_arg(args.changes)
    rules = None if args.rules is None else rules_arg(args.rules)
    swung = swing(year, changes, kind=args.kind, rules=rules)
    return Output(json_text(swung.to_dict()) if args.json else swung.table())
