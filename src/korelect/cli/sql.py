"""The ``korelect sql`` command: one read-only SQL statement over the shipped tables.

``korelect sql "SELECT ..." [--format table|csv|json] [--limit N]`` runs the
statement in DuckDB through :func:`korelect.record.db.sql_to_text` and returns its
result as text. Only reading statements are accepted, and the connection can
read the package's own data files and nothing else (see
:func:`korelect.record.db._check_read_only`). ``-`` in place of the statement reads
it from standard input, for queries kept in a file: at most 1 MiB
(:data:`~korelect.base.files.MAX_STATEMENT_BYTES`) of UTF-8 text without NUL bytes,
read in bounded chunks; anything else is one error line.

DuckDB is imported when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys

from korelect.base.files import MAX_STATEMENT_BYTES, read_stream, size_text
from korelect.cli.common import Output, Subparsers
from korelect.errors import FileFormatError, InputError
from korelect.record.db import FORMATS, MAX_QUERY_ROWS, MAX_ROWS, TABLES, VIEWS, sql_result

__all__ = ["add_parser", "run"]

_EXAMPLES = """\
examples:
  korelect sql "DESCRIBE districts"
  korelect sql "SELECT party_ko, count(*) AS seats FROM candidate_results
                WHERE year = 2004 AND rank = 1 GROUP BY party_ko ORDER BY seats DESC"
  korelect sql "FROM list_votes WHERE year = 2016 AND level = 'province'" --format csv
  korelect sql - --format json < query.sql

Every column is described in docs/DATA.md."""


def _epilog() -> str:
    width = max(len(name) for name in [*(t.name for t in TABLES), *VIEWS]) + 2
    lines = ["tables:"]
    lines += [f"  {t.name:<{width}}{t.summary}" for t in TABLES]
    lines.append("views:")
    lines += [f"  {name:<{width}}{summary}" for name, (summary, _) in VIEWS.items()]
    return "\n".join([*lines, "", _EXAMPLES])


def add_parser(sub: Subparsers) -> None:
    """Add ``sql`` to the command line's subparsers."""
    parser = sub.add_parser(
        "sql",
        help="query the shipped tables with read-only SQL (DuckDB)",
        description="Run one read-only SQL statement over the shipped tables, in DuckDB's\n"
        "dialect: SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN or PRAGMA\n"
        "table_info. Statements that write, attach databases, load extensions or change\n"
        "settings are refused, and no file but the shipped tables can be read.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "query", metavar="SQL", help="one statement; '-' reads it from standard input"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="an aligned table (default), CSV with a header line, or a JSON list of objects",
    )
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help=f"print at most N rows (default {MAX_ROWS:,}; at most {MAX_QUERY_ROWS:,})",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> Output:
    """``korelect sql``: run the statement; return what it prints.

    Raises :class:`~korelect.errors.InputError` (one line) for SQL that does
    not parse or bind, for statements that do not only read, and for a bad
    ``--limit``.
    """
    if args.limit is not None and args.limit < 0:
        raise InputError(f"--limit must be >= 0 (got {args.limit})")
    if args.limit is not None and args.limit > MAX_QUERY_ROWS:
        raise InputError(f"--limit must be at most {MAX_QUERY_ROWS:,} (got {args.limit:,})")
    sql = _statement_from_stdin() if args.query == "-" else args.query
    text, more = sql_result(sql, fmt=args.format, limit=args.limit)
    if more and args.format != "table":  # the table says it in its footer; CSV and JSON cannot
        shown = MAX_ROWS if args.limit is None else args.limit
        how = "--limit N to change it" if args.limit is None else f"--limit {args.limit}"
        print(
            f"korelect: note: the first {shown:,} rows only; more not shown ({how})",
            file=sys.stderr,
        )
    return Output(text)


def _statement_from_stdin() -> str:
    """The statement on standard input: bounded, UTF-8, without NUL bytes."""
    name, what = "standard input", "an SQL statement"
    stream = sys.stdin
    if stream is None:
        raise FileFormatError("is closed; give the statement or redirect a file", path=name)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        raw = read_stream(buffer, limit=MAX_STATEMENT_BYTES, what=what, name=name)
    else:  # a text stream with no bytes beneath (a test, an embedding program)
        raw = stream.read(MAX_STATEMENT_BYTES + 1).encode("utf-8", "surrogateescape")
        if len(raw) > MAX_STATEMENT_BYTES:
            raise FileFormatError(
                f"is over the limit of {size_text(MAX_STATEMENT_BYTES)} for {what}", path=name
            )
    try:
        sql = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"is not UTF-8 text (at byte {exc.start:,})", path=name) from None
    if "\0" in sql:
        raise FileFormatError(
            f"holds a NUL byte (at character {sql.index(chr(0)):,}); {what} is text", path=name
        )
    return sql
