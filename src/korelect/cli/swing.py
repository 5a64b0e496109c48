"""The ``korelect swing`` command: district winners and list seats after a national swing.

``swing YEAR|--counts DIR PARTY=POINTS ... [--kind uniform|proportional] [--rules ...]``
runs :func:`korelect.analysis.swing.swing`.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, add_source, json_text, rules_arg, source_arg
from korelect.errors import InputError

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``swing`` to the command line's subparsers."""
    sw = sub.add_parser(
        "swing",
        help="district winners and list seats after a national vote swing",
        description="Change parties' national vote shares (in points) in every district and in "
        "the list vote of YEAR (or of the counts in DIR), uniformly or proportionally, recount "
        "every district and reallocate the list seats. Example: korelect swing 2016 "
        "Saenuri=+3 --kind uniform; korelect swing --counts my2016 Saenuri=+3",
    )
    add_source(sw)
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
        if party.strip() in changes:
            raise InputError(f"swing: {party.strip()!r} is given twice; give each party once")
        changes[party.strip()] = points.strip()
    return changes


def run(args: argparse.Namespace) -> Output:
    """``korelect swing``: the swung assembly and the districts that changed hands."""
    from korelect.analysis.swing import swing  # noqa: PLC0415

    items = list(args.changes)
    if args.counts is not None and args.year is not None and "=" in args.year:
        # ``swing A=+1 B=-1 --counts DIR``: the first change was read as the YEAR.
        items.insert(0, args.year)
        args = argparse.Namespace(**{**vars(args), "year": None})
    elif args.year is None and args.counts is None and "=" not in items[0]:
        # ``swing 2016``: the YEAR was read as the one change.
        raise InputError("swing: give PARTY=POINTS after the YEAR, e.g. swing 2016 Saenuri=+3")
    source = source_arg(args, "swing")
    changes = changes_arg(items)
    rules = None if args.rules is None else rules_arg(args.rules)
    swung = swing(source, changes, kind=args.kind, rules=rules)
    return Output(json_text(swung.to_dict()) if args.json else swung.table())
