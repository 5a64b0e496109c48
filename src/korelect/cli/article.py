"""The ``korelect article`` command: read, check or write election articles.

``article read FILE`` prints an article's typed structure; ``article check FILE``
reports contradictions inside it and with the record (exit status 1 when there
are findings); ``article write YEAR|--counts DIR [--rules ...] [-o FILE]`` writes
one from korelect's computation.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from korelect.base.files import check_target
from korelect.cli.common import (
    Output,
    Subparsers,
    add_source,
    json_text,
    rules_arg,
    source_arg,
    write_whole,
)
from korelect.errors import InputError

__all__ = ["add_parser", "run_check", "run_read", "run_write"]


def add_parser(sub: Subparsers) -> None:
    """Add ``article`` and its actions ``read``, ``check`` and ``write`` to the subparsers."""
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
    art_read.set_defaults(run=run_read)

    art_check = art_sub.add_parser(
        "check",
        help="report contradictions inside an article and with the record",
        description="The findings, then the reader's warnings (what it could not take at face "
        "value; they are not findings). Exit status: 0 no findings, 1 findings reported, 2 the "
        "file cannot be read.",
    )
    art_check.add_argument("file", metavar="FILE")
    art_check.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="check a counterfactual against the rules it was written under",
    )
    art_check.add_argument("--json", action="store_true", help="print one JSON object")
    art_check.set_defaults(run=run_check)

    art_write = art_sub.add_parser(
        "write",
        help="write an article from korelect's computation",
        description="Write the article of YEAR's election (or of the counts in DIR) as korelect "
        "computes it, in the seed articles' format.",
    )
    add_source(art_write)
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
    art_write.set_defaults(run=run_write)


def run_read(args: argparse.Namespace) -> Output:
    """``korelect article read``: the article's structure, summarised or as JSON."""
    from korelect.analysis.article.reader import article_to_dict, read_article_file  # noqa: PLC0415

    parsed = read_article_file(args.file)
    if args.json:
        return Output(json_text(article_to_dict(parsed)))
    from korelect.views.article_summary import article_summary  # noqa: PLC0415

    return Output(article_summary(parsed))


def run_check(args: argparse.Namespace) -> Output:
    """``korelect article check``: the findings; exit status 1 when there are any."""
    from korelect.analysis.article.checker import (  # noqa: PLC0415
        check_article,
        check_text,
        check_to_dict,
    )
    from korelect.analysis.article.reader import read_article_file  # noqa: PLC0415

    given = None if args.rules is None else rules_arg(args.rules)  # checked, year or not
    parsed = read_article_file(args.file)
    if given is not None and parsed.year is not None:
        from korelect.record.election import adapt_rules  # noqa: PLC0415

        rules = adapt_rules(parsed.year, given)[0]
        findings = check_article(parsed, rules=rules)
    else:
        findings = check_article(parsed)
    warnings = parsed.warnings
    out = (
        json_text(check_to_dict(findings, warnings))
        if args.json
        else check_text(findings, warnings)
    )
    return Output(out, 1 if findings else 0)


def run_write(args: argparse.Namespace) -> Output:
    """``korelect article write``: the article, or the line saying where it was written."""
    from korelect.views.article_writer import write_article  # noqa: PLC0415  (loads the data)

    source = source_arg(args, "article write")
    if args.output == "":
        raise InputError("article write: -o needs a file name (got an empty one)")
    if args.output:
        check_target(args.output)  # a link, a device or a FIFO refused before writing
    rules = None if args.rules is None else rules_arg(args.rules)
    article = write_article(source, rules=rules)
    if args.output:
        write_whole(Path(args.output), article)
        return Output(f"wrote {args.output}")
    return Output(article.rstrip("\n"))
