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

from korelect.base.version import __version__
from korelect.cli import chart as _chartcli
from korelect.cli import serve as _webcli
from korelect.cli import sql as _sqlcli
from korelect.cli.common import Parser, election_year, rules_arg, write_whole
from korelect.engine.allocate import allocate
from korelect.engine.apportion import apportion
from korelect.errors import FileFormatError, InputError, KorelectError
from korelect.law.methods import METHODS
from korelect.law.registry import registered_years, rules_for
from korelect.law.rulesfile import rules_to_toml
from korelect.law.ties import TieRule
from korelect.record.entries_csv import read_entries_csv


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
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

    res = sub.add_parser(
        "results",
        help="compute a whole election from the shipped counts",
        description="Compute the National Assembly of YEAR from the district counts and the "
        "list votes: district seats by plurality (art. 188), list seats under the year's law.",
    )
    res.add_argument("year", metavar="YEAR", help="1988, 1992, ... 2024")
    res.add_argument("--by", choices=["province"], help="the seed articles' province tables")
    res.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="the same votes under other rules (default: the year's law)",
    )
    res.add_argument("--json", action="store_true", help="print one JSON object")

    dist = sub.add_parser(
        "district",
        help="one district's candidates and votes",
        description="Show one district: candidates, parties, votes, the winner and turnout.",
    )
    dist.add_argument("year", metavar="YEAR")
    dist.add_argument("name", metavar="NAME", help="e.g. 종로구, '서울 종로구' or a district id")
    dist.add_argument("--json", action="store_true", help="print one JSON object")

    aud = sub.add_parser(
        "audit",
        help="every contradiction found between and within the sources",
        description="Check the sources against each other and the computation: declared "
        "winners vs counts, candidate votes vs valid votes, sums of rows vs totals, polling "
        "stations vs district totals, computed vs official national tables, and the seed "
        "articles vs the counts. Each finding names the place, both figures and the sources.",
    )
    aud.add_argument("year", metavar="YEAR|all", help="an election year, or all")
    aud.add_argument("--json", action="store_true", help="print one JSON object")

    cmp_ = sub.add_parser(
        "compare",
        help="the same votes under two systems, side by side",
        description="Compute YEAR from the counts under its own law and under other rules "
        "(applied to YEAR's districts and votes): seats per party and the index changes.",
    )
    cmp_.add_argument("year", metavar="YEAR")
    cmp_.add_argument("--rules", required=True, metavar="YEAR|RULES.toml")
    cmp_.add_argument(
        "--merge-satellites",
        action="store_true",
        help="count the 2020 and 2024 satellites with their parents in the indices",
    )
    cmp_.add_argument("--json", action="store_true", help="print one JSON object")

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

    sim = sub.add_parser(
        "simulate",
        help="Monte Carlo seat projection around an election's counts",
        description="N elections with correlated national, provincial and district noise on "
        "YEAR's district and list votes, each counted district by district and allocated under "
        "the rules. The same seed gives byte-identical output.",
    )
    sim.add_argument("year", metavar="YEAR")
    sim.add_argument("-n", type=int, default=1000, help="simulated elections (default 1000)")
    sim.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    for name, default in (
        ("national", 0.02),
        ("regional", 0.02),
        ("district", 0.03),
        ("list", 0.02),
    ):
        sim.add_argument(
            f"--{name}-sd",
            type=float,
            default=default,
            help=f"sd of the log-normal {name} noise (default {default})",
        )
    sim.add_argument("--rules", metavar="YEAR|RULES.toml", help="allocate under other rules")
    where = sim.add_mutually_exclusive_group()
    where.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS (tcp://host:8786)"
    )
    where.add_argument(
        "--workers", type=int, metavar="N", help="run on a local Dask cluster of N processes"
    )
    sim.add_argument("--json", action="store_true", help="print one JSON object")

    ind = sub.add_parser(
        "indices",
        help="disproportionality and party-system indices of an election",
        description="Gallagher, Loosemore-Hanby, Sainte-Lague index, largest advantage ratio, "
        "effective number of parties (Laakso-Taagepera, Golosov) by votes and seats, and votes "
        "wasted on losing district candidates, for the district and list tiers and the assembly.",
    )
    ind.add_argument("year", metavar="YEAR")
    ind.add_argument(
        "--merge-satellites",
        action="store_true",
        help="count the 2020 and 2024 satellite parties with their parents",
    )
    ind.add_argument("--json", action="store_true", help="print one JSON object")

    art = sub.add_parser(
        "article",
        help="read, check or write election articles",
        description="Election articles in the seed articles' format: read one into its typed "
        "structure, check it against itself and the record, or write one from korelect's "
        "computation (also under other rules).",
    )
    art_sub = art.add_subparsers(dest="action", required=True, metavar="ACTION")
    art_read = art_sub.add_parser("read", help="parse an article; print its structure")
    art_read.add_argument("file", metavar="FILE")
    art_read.add_argument("--json", action="store_true", help="print one JSON object")
    art_check = art_sub.add_parser(
        "check",
        help="report contradictions inside an article and with the record",
        description="Exit status: 0 no findings, 1 findings reported, 2 the file cannot be read.",
    )
    art_check.add_argument("file", metavar="FILE")
    art_check.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="check a counterfactual against the rules it was written under",
    )
    art_check.add_argument("--json", action="store_true", help="print one JSON object")
    art_write = art_sub.add_parser("write", help="write an article from korelect's computation")
    art_write.add_argument("year", metavar="YEAR")
    art_write.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="write the counterfactual: the same votes under other rules",
    )
    art_write.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (whole or not at all) instead of printing",
    )

    _sqlcli.add_parser(sub)
    _chartcli.add_parser(sub)
    _webcli.add_parser(sub)

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


def _results(args: argparse.Namespace) -> str:
    from korelect.record.election import (  # noqa: PLC0415
        adapt_rules,
        result_to_dict,
        results,
    )

    notes: list[str] = []
    rules = None
    if args.rules is not None:
        year = election_year(args.year, "results")
        rules, notes = adapt_rules(year, rules_arg(args.rules))
    result = results(args.year, rules=rules)
    if args.json:
        return json.dumps(
            result_to_dict(result, provinces=args.by == "province"), ensure_ascii=False, indent=2
        )
    from korelect.views.report import national_table, province_tables  # noqa: PLC0415

    if args.by == "province":
        return "\n".join([*notes, province_tables(result)])
    return "\n".join([*notes, national_table(result)])


def _district(args: argparse.Namespace) -> str:
    from korelect.record.election import district_record, results  # noqa: PLC0415
    from korelect.views.report import district_text  # noqa: PLC0415  (results load data: keep start-up light)

    result = results(args.year)
    found = result.district(args.name)
    if args.json:
        return json.dumps(district_record(result.year, found), ensure_ascii=False, indent=2)
    return district_text(result, found)


def _audit(args: argparse.Namespace) -> str:
    from korelect.analysis.audit import audit, audit_text, audit_to_dict  # noqa: PLC0415  (loads every table)

    year: int | None = None
    if args.year.strip().lower() != "all":
        year = election_year(args.year, "audit", also=" or all")
    findings = audit(year)
    if args.json:
        return json.dumps(audit_to_dict(findings), ensure_ascii=False, indent=2)
    return audit_text(findings)


def _article(args: argparse.Namespace) -> tuple[str, int]:
    if args.action == "write":
        from korelect.views.article_writer import write_article  # noqa: PLC0415  (loads the data)

        year = election_year(args.year, "article write")
        rules = None if args.rules is None else rules_arg(args.rules)
        article = write_article(year, rules=rules)
        if args.output:
            write_whole(Path(args.output), article)
            return f"wrote {args.output}", 0
        return article.rstrip("\n"), 0
    from korelect.analysis.article.reader import article_to_dict, read_article_file  # noqa: PLC0415

    parsed = read_article_file(args.file)
    if args.action == "read":
        if args.json:
            return json.dumps(article_to_dict(parsed), ensure_ascii=False, indent=2), 0
        from korelect.views.article_summary import article_summary  # noqa: PLC0415

        return article_summary(parsed), 0
    from korelect.analysis.article.checker import check_article, check_text, check_to_dict  # noqa: PLC0415

    if args.rules is not None and parsed.year is not None:
        from korelect.record.election import adapt_rules  # noqa: PLC0415

        rules = adapt_rules(parsed.year, rules_arg(args.rules))[0]
        findings = check_article(parsed, rules=rules)
    else:
        findings = check_article(parsed)
    out = (
        json.dumps(check_to_dict(findings), ensure_ascii=False, indent=2)
        if args.json
        else check_text(findings)
    )
    return out, 1 if findings else 0


def _simulate(args: argparse.Namespace) -> str:
    from korelect.analysis.simulate import simulate  # noqa: PLC0415
    from korelect.record.election import adapt_rules  # noqa: PLC0415  (loads the data)

    rules = None
    if args.rules is not None:
        rules = adapt_rules(election_year(args.year, "simulate"), rules_arg(args.rules))[0]
    bar = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if bar:
            filled = 30 * done // max(total, 1)
            print(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    result = simulate(
        args.year,
        args.n,
        seed=args.seed,
        national_sd=args.national_sd,
        regional_sd=args.regional_sd,
        district_sd=args.district_sd,
        list_sd=args.list_sd,
        rules=rules,
        dask=args.workers if args.dask is None else args.dask,
        progress=progress,
    )
    if bar:
        print(file=sys.stderr)
    if args.json:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    return result.table()


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
    rules = rules_arg(args.which)
    return rules_to_toml(rules).rstrip("\n") if args.toml else rules.describe()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    status = 0
    try:
        if args.command == "allocate":
            out = _allocate(args)
        elif args.command == "apportion":
            out = _apportion(args)
        elif args.command == "results":
            out = _results(args)
        elif args.command == "district":
            out = _district(args)
        elif args.command == "audit":
            out = _audit(args)
        elif args.command == "compare":
            from korelect.analysis.compare import compare  # noqa: PLC0415

            comparison = compare(
                args.year, rules_arg(args.rules), merge_satellites=args.merge_satellites
            )
            out = (
                json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2)
                if args.json
                else comparison.table()
            )
        elif args.command == "swing":
            from korelect.analysis.swing import swing  # noqa: PLC0415

            changes: dict[str, str] = {}
            for item in args.changes:
                party, sep, points = item.rpartition("=")
                if not sep or not party.strip():
                    raise InputError(f"swing: expected PARTY=POINTS such as GNP=+2 (got {item!r})")
                changes[party.strip()] = points.strip()
            rules = None if args.rules is None else rules_arg(args.rules)
            swung = swing(args.year, changes, kind=args.kind, rules=rules)
            out = (
                json.dumps(swung.to_dict(), ensure_ascii=False, indent=2)
                if args.json
                else swung.table()
            )
        elif args.command == "simulate":
            out = _simulate(args)
        elif args.command == "indices":
            from korelect.analysis.indices import indices_text, indices_to_dict  # noqa: PLC0415

            if args.json:
                out = json.dumps(
                    indices_to_dict(args.year, merge_satellites=args.merge_satellites),
                    ensure_ascii=False,
                    indent=2,
                )
            else:
                out = indices_text(args.year, merge_satellites=args.merge_satellites)
        elif args.command == "article":
            out, status = _article(args)
        elif args.command == "chart":
            out = _chartcli.run(args)
        elif args.command == "serve":
            out = _webcli.run(args)
        elif args.command == "sql":
            out = _sqlcli.run(args)
        else:
            out = _rules(args)
    except KorelectError as exc:
        print(f"korelect: error: {exc}", file=sys.stderr)
        return 2
    try:
        print(out)
    except BrokenPipeError:
        return status
    return status


if __name__ == "__main__":
    raise SystemExit(main())
