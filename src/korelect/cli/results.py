"""The ``korelect results`` and ``korelect district`` commands: an election from the counts.

``results YEAR|--counts DIR [--by province] [--rules YEAR|RULES.toml]`` computes the
whole assembly from the shipped counts or your own (also under other rules);
``district YEAR|--counts DIR NAME`` shows one district's candidates and votes.
"""

from __future__ import annotations

import argparse

from korelect.cli.common import Output, Subparsers, add_source, json_text, rules_arg, source_arg

__all__ = ["add_parser", "run_district", "run_results"]


def add_parser(sub: Subparsers) -> None:
    """Add ``results`` and ``district`` to the command line's subparsers."""
    res = sub.add_parser(
        "results",
        help="compute a whole election from the shipped counts or your own",
        description="Compute the National Assembly of YEAR (or of the counts in DIR) from the "
        "district counts and the list votes: district seats by plurality (art. 188), list seats "
        "under the election's law.",
    )
    add_source(res)
    res.add_argument("--by", choices=["province"], help="the seed articles' province tables")
    res.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="the same votes under other rules (default: the election's own law)",
    )
    res.add_argument("--json", action="store_true", help="print one JSON object")
    res.set_defaults(run=run_results)

    dist = sub.add_parser(
        "district",
        help="one district's candidates and votes",
        description="Show one district of YEAR (or of the counts in DIR): candidates, parties, "
        "votes, the winner and turnout.",
    )
    add_source(dist)
    dist.add_argument("name", metavar="NAME", help="e.g. 종로구, '서울 종로구' or a district id")
    dist.add_argument("--json", action="store_true", help="print one JSON object")
    dist.set_defaults(run=run_district)


def run_results(args: argparse.Namespace) -> Output:
    """``korelect results``: the national table, the province tables or the JSON."""
    from korelect.record.election import result_to_dict, results  # noqa: PLC0415  (loads data)

    source = source_arg(args, "results")
    rules = None if args.rules is None else rules_arg(args.rules)
    result = results(source, rules=rules)
    if args.json:
        return Output(json_text(result_to_dict(result, provinces=args.by == "province")))
    from korelect.views.report import national_table, province_tables  # noqa: PLC0415

    if args.by == "province":
        return Output("\n".join([*result.notes, province_tables(result)]))
    return Output("\n".join([*result.notes, national_table(result)]))


def run_district(args: argparse.Namespace) -> Output:
    """``korelect district``: one district's candidates, votes, winner and turnout."""
    from korelect.record.election import district_record, results  # noqa: PLC0415
    from korelect.views.report import district_text  # noqa: PLC0415

    result = results(source_arg(args, "district"))
    found = result.district(args.name)
    if args.json:
        return Output(json_text(district_record(result.year, found)))
    return Output(district_text(result, found))
