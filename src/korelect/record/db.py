"""The shipped tables as an embedded DuckDB database, for analysis in SQL.

:func:`connect` opens a DuckDB connection with one view per shipped table
(documented column by column in ``docs/DATA.md``). The views read the CSV
files inside the package each time they are queried, with explicit column
types, so nothing is loaded or copied up front: counts are ``INTEGER``, dates
``DATE``, flags ``BOOLEAN`` and an empty field is ``NULL``.

>>> con = connect()
>>> con.execute("SELECT count(*) FROM districts WHERE year = 2004").fetchone()
(243,)
>>> con.execute(
...     "SELECT candidate, party_ko, votes, round(pct, 2) FROM candidate_results"
...     " WHERE year = 1988 AND district_id = '1988:seoul:종로구' AND rank = 1"
... ).fetchall()
[('이종찬', '민주정의당', 46534, 37.96)]

:func:`query` and :func:`sql_to_text` run one read-only statement on a shared,
locked-down connection and return a DataFrame or rendered text:

>>> print(sql_to_text("SELECT year, assembly, date FROM elections WHERE year >= 2020"))
year  assembly  date
----  --------  ----------
2020        21  2020-04-15
2024        22  2024-04-10
(2 rows)

The shared connection runs under bounds of DuckDB's own: at most :data:`MEMORY_LIMIT` of
memory (nothing spilled to disk), :data:`THREADS` threads, and :data:`TIMEOUT_S` seconds a
statement, after which DuckDB interrupts it; :func:`sql_to_text` renders at most
:data:`MAX_ROWS` rows and :func:`query` returns at most :data:`MAX_QUERY_ROWS` unless the
caller lifts the bounds. A statement past a bound is one error line, as is an error in the SQL
itself (:class:`~korelect.errors.InputError`):

>>> query("SELECT * FROM foo")
Traceback (most recent call last):
...
korelect.errors.InputError: SQL error: Catalog Error: Table with name foo does not exist!
"""

from __future__ import annotations

import atexit
import csv
import io
import json
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from korelect.errors import DataError, InputError

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

# DuckDB is imported by the functions that run SQL, not here, so that importing korelect
# (or building the command line's help, which lists TABLES) stays fast.

__all__ = [
    "MAX_QUERY_ROWS",
    "MAX_ROWS",
    "MEMORY_LIMIT",
    "TABLES",
    "THREADS",
    "TIMEOUT_S",
    "VIEWS",
    "Table",
    "connect",
    "query",
    "sql_result",
    "sql_to_text",
]

MEMORY_LIMIT: Final = "1GB"
"""The memory DuckDB may use for one statement on the shared connection (no spilling)."""
THREADS: Final = 2
"""The threads DuckDB may use on the shared connection."""
TIMEOUT_S: Final = 30.0
"""Seconds a statement may run on the shared connection before DuckDB interrupts it."""
MAX_ROWS: Final = 100_000
"""The rows :func:`sql_to_text` (``korelect sql``) renders unless given another limit."""
MAX_QUERY_ROWS: Final = 1_000_000
"""The rows :func:`query` returns unless the caller lifts the bound (``max_rows=None``)."""

Format = Literal["table", "csv", "json"]
FORMATS: Final = ("table", "csv", "json")


class Table:
    """One shipped table: its file in ``korelect/data`` and its typed columns."""

    __slots__ = ("columns", "file", "name", "summary")

    def __init__(self, name: str, file: str, summary: str, columns: Mapping[str, str]) -> None:
        self.name = name
        self.file = file
        self.summary = summary
        self.columns: Mapping[str, str] = dict(columns)

    def __repr__(self) -> str:
        return f"Table({self.name!r}, {self.file!r})"


_V = "VARCHAR"
_I = "INTEGER"
_PCT = "DECIMAL(5,2)"  # percentages as published, two decimals, kept exact

#: The shipped tables, in the order ``korelect sql --help`` lists them.
TABLES: Final[tuple[Table, ...]] = (
    Table(
        "elections",
        "elections.csv",
        "one row per general election: year, assembly number, polling day",
        {"year": _I, "assembly": _I, "date": "DATE"},
    ),
    Table(
        "provinces",
        "provinces.csv",
        "the 17 province-level units (시도) and the names the sources use for them",
        {
            "code": _V,
            "name_ko": _V,
            "short_ko": _V,
            "name_en": _V,
            "aliases": _V,
            "since": _I,
            "order": _I,
        },
    ),
    Table(
        "parties",
        "parties.csv",
        "parties: names, abbreviations, colours, years contested, lineage",
        {
            "id": _V,
            "name_ko": _V,
            "name_en": _V,
            "abbr": _V,
            "aliases": _V,
            "colour": _V,
            "years": _V,
            "satellite_of": _V,
            "predecessors": _V,
            "successors": _V,
            "note": _V,
        },
    ),
    Table(
        "districts",
        "districts.csv",
        "districts (members elected, electorate and turnout where known), 1948-2024",
        {
            "year": _I,
            "district_id": _V,
            "province": _V,
            "name_ko": _V,
            "magnitude": _I,
            "electorate": _I,
            "ballots_cast": _I,
            "valid_votes": _I,
            "invalid_votes": _I,
            "abstentions": _I,
            "uncontested": "BOOLEAN",
            "source": _V,
        },
    ),
    Table(
        "candidates",
        "candidates.csv",
        "district candidates and their votes, 1948-2024",
        {
            "year": _I,
            "district_id": _V,
            "ballot_order": _I,
            "name_ko": _V,
            "party_ko": _V,
            "votes": _I,
        },
    ),
    Table(
        "winners",
        "winners.csv",
        "declared district winners, 1948-2024 (hanja names and birth dates from 1988)",
        {
            "year": _I,
            "district_id": _V,
            "province": _V,
            "district_ko": _V,
            "name_ko": _V,
            "name_hanja": _V,
            "party_ko": _V,
            "birth_date": "DATE",
            "votes": _I,
            "source": _V,
            "vote_pct": "DECIMAL(5,2)",
        },
    ),
    Table(
        "list_votes",
        "list_votes.csv",
        "party-list votes by province total and by sigungu, 2004-2016",
        {
            "year": _I,
            "province": _V,
            "level": _V,
            "area": _V,
            "party_ko": _V,
            "votes": _I,
        },
    ),
    Table(
        "list_turnout",
        "list_turnout.csv",
        "party-list ballot turnout by province total and by sigungu, 2004-2016",
        {
            "year": _I,
            "province": _V,
            "level": _V,
            "area": _V,
            "electorate": _I,
            "ballots_cast": _I,
            "valid_votes": _I,
            "invalid_votes": _I,
            "abstentions": _I,
        },
    ),
    Table(
        "list_shares",
        "list_shares.csv",
        "official national party-list vote shares (%), 2020 and 2024",
        {"year": _I, "party_ko": _V, "party_en": _V, "pct": _PCT, "source": _V},
    ),
    Table(
        "official_seats",
        "official_seats.csv",
        "official seat totals per party and vote shares (%), as declared",
        {
            "year": _I,
            "party_ko": _V,
            "party_en": _V,
            "district_seats": _I,
            "list_seats": _I,
            "total_seats": _I,
            "list_vote_pct": _PCT,
            "constituency_vote_pct": _PCT,
            "source": _V,
        },
    ),
    Table(
        "national_seats",
        "national_seats.csv",
        "declared national-tier seats per party, 1963-1985 (유신정우회 1973, 1978)",
        {"year": _I, "party_ko": _V, "seats": _I, "source": _V},
    ),
    Table(
        "seed_tables",
        "seed_tables.csv",
        "the numbers of the three seed articles (1992, 1996, 2004), one per row",
        {
            "seed_file": _V,
            "year": _I,
            "table": _V,
            "row": _V,
            "column": _V,
            "value": _V,
            "line": _I,
        },
    ),
    *(
        Table(
            f"polling_{year}",
            f"polling_{year}.csv.gz",
            f"{year} district counts by polling station (투표구), as published",
            {
                "province": _V,
                "district": _V,
                "sigungu": _V,
                "emd": _V,
                "station": _V,
                "category": _V,
                "party_ko": _V,
                "name_ko": _V,
                "count": _I,
            },
        )
        for year in (2012, 2016, 2020)
    ),
    Table(
        "crawl_districts",
        "crawl_districts.csv",
        "the other crawl's districts, 1948-2020 (nec-history to 1985, then polis-korea)",
        {
            "year": _I,
            "district_id": _V,
            "province": _V,
            "name_ko": _V,
            "electorate": _I,
            "ballots_cast": _I,
            "valid_votes": _I,
            "invalid_votes": _I,
            "source": _V,
        },
    ),
    Table(
        "crawl_candidates",
        "crawl_candidates.csv.gz",
        "the other crawl's candidates and their votes, 1948-2020",
        {
            "year": _I,
            "district_id": _V,
            "province": _V,
            "district_ko": _V,
            "ballot_order": _I,
            "name_ko": _V,
            "party_ko": _V,
            "votes": _I,
            "source": _V,
        },
    ),
)

#: Views derived from the tables: name -> (summary, SQL).
VIEWS: Final[Mapping[str, tuple[str, str]]] = {
    "candidate_results": (
        "candidates with their district: vote share (% of valid votes) and rank",
        """
        SELECT c.year, c.district_id, d.province, d.name_ko AS district, c.ballot_order,
               c.name_ko AS candidate, c.party_ko, c.votes,
               100.0 * c.votes / d.valid_votes AS pct,
               rank() OVER (PARTITION BY c.year, c.district_id
                            ORDER BY c.votes DESC NULLS LAST) AS rank,
               d.uncontested
        FROM candidates AS c JOIN districts AS d USING (year, district_id)
        """,
    ),
    "party_names": (
        "every spelling of a party (name and aliases) in each year it ran -> parties.id",
        """
        SELECT DISTINCT year, trim(unnest(names)) AS name, party_id
        FROM (SELECT id AS party_id,
                     CAST(trim(unnest(string_split(years, ';'))) AS INTEGER) AS year,
                     list_concat([name_ko], coalesce(string_split(aliases, ';'), [])) AS names
              FROM parties)
        """,
    ),
}

_MISSING = "korelect data file {file} is missing; reinstall korelect"
_MISSING_MARK = "korelect data file "


def _literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


_keep_files = ExitStack()  # files extracted from a zipped package, removed at exit
atexit.register(_keep_files.close)


@cache
def _paths() -> Mapping[str, Path | None]:
    """The path of each shipped file on disk (extracted once if korelect is zipped)."""
    folder = resources.files("korelect") / "data"
    found: dict[str, Path | None] = {}
    for table in TABLES:
        ref = folder / table.file
        found[table.name] = (
            _keep_files.enter_context(resources.as_file(ref)) if ref.is_file() else None
        )
    return found


def _view_sql(table: Table, path: Path | None) -> str:
    """The SELECT behind a table's view.

    Built from the package's own table names, types and file paths, with every
    string quoted by :func:`_literal`: nothing a user typed goes into it.
    """
    if path is None:
        # A view with the right columns that fails, with a clear message, when read.
        items = ", ".join(f"NULL::{t} AS {_ident(c)}" for c, t in table.columns.items())
        message = _literal(_MISSING.format(file=table.file))
        return f"SELECT {items} FROM range(1) WHERE error({message}) IS NULL"  # noqa: S608
    columns = ", ".join(f"{_literal(c)}: {_literal(t)}" for c, t in table.columns.items())
    compression = "gzip" if table.file.endswith(".gz") else "none"
    return (
        f"SELECT * FROM read_csv({_literal(path.as_posix())}, header = true, "  # noqa: S608
        "auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
        f"compression = {_literal(compression)}, columns = {{{columns}}})"
    )


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect(database: str = ":memory:", *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per shipped table and the derived views.

    ``database`` and ``read_only`` are passed to :func:`duckdb.connect`, so the
    views can sit beside your own tables in a database file. The views are
    temporary (they live in the connection's ``temp`` catalog), so they are
    never written into that file, and they work on a read-only database too.
    The connection is yours: nothing is locked down (compare :func:`query`).

    >>> connect().execute("SELECT typeof(electorate), typeof(uncontested) FROM districts"
    ...                   " LIMIT 1").fetchall()
    [('INTEGER', 'BOOLEAN')]
    """
    import duckdb  # noqa: PLC0415  (imported on first use: see the top of the module)

    try:
        con = duckdb.connect(database, read_only=read_only)
    except duckdb.Error as exc:
        raise InputError(f"cannot open DuckDB database {database!r}: {_first_line(exc)}") from None
    paths = _paths()
    statements = [
        f"CREATE OR REPLACE TEMP VIEW {_ident(t.name)} AS {_view_sql(t, paths[t.name])}"
        for t in TABLES
    ]
    statements += [
        f"CREATE OR REPLACE TEMP VIEW {_ident(name)} AS {sql}" for name, (_, sql) in VIEWS.items()
    ]
    con.execute(";\n".join(statements))
    return con


# -- the shared, read-only connection -------------------------------------------------------

_PRAGMAS = re.compile(r"\s*PRAGMA\s+(?:table_info|show_tables)\b", re.IGNORECASE)
_EXPLAIN = re.compile(r"\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?(?:\([^)]*\)\s*)?", re.IGNORECASE)
_ALLOWED = "SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PRAGMA table_info"

_lock = threading.Lock()


@cache
def _shared() -> duckdb.DuckDBPyConnection:
    """One connection that may read the shipped files and nothing else."""
    con = connect()
    allowed = [p.as_posix() for p in _paths().values() if p is not None]
    con.execute(
        f"SET memory_limit = {_literal(MEMORY_LIMIT)};"
        f"SET threads = {THREADS};"
        "SET temp_directory = '';"  # nothing spilled to disk: the memory limit is the limit
        "SET enable_progress_bar = false;"
        f"SET allowed_paths = [{', '.join(_literal(p) for p in allowed)}];"
        "SET autoinstall_known_extensions = false;"
        "SET autoload_known_extensions = false;"
        "SET enable_external_access = false;"
        "SET lock_configuration = true;"
    )
    return con


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Reject anything but one statement that only reads.

    The SQL given to :func:`query`, :func:`sql_to_text` and ``korelect sql``
    comes from a user, often through a shell or a web form, so it may only
    read: no COPY or EXPORT (which write files), no ATTACH, INSTALL or LOAD
    (which open other databases or download and run extensions), no SET
    (which could lift these limits), no CREATE, INSERT, UPDATE or DELETE.
    ``EXPLAIN ANALYZE`` runs its statement, so that statement is checked too.
    The shared connection also has external access switched off (only the
    shipped files can be read) and its configuration locked, so a statement
    that slipped past this check could still not touch the file system.
    """
    import duckdb  # noqa: PLC0415  (imported on first use: see the top of the module)

    if not sql.strip():
        raise InputError("SQL error: empty statement")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise InputError(f"SQL error: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise InputError(f"SQL error: give one statement at a time (got {len(statements)})")
    statement = statements[0]
    text = statement.query
    kind = statement.type
    if kind == duckdb.StatementType.EXPLAIN:
        head = _EXPLAIN.match(text)
        if head is not None and text[head.end() :].strip():
            _check_read_only(con, text[head.end() :])
            return
    elif kind == duckdb.StatementType.SELECT or (
        kind == duckdb.StatementType.PRAGMA and _PRAGMAS.match(text)
    ):
        return
    words = text.split()
    word = words[0].upper() if words else kind.name
    raise InputError(f"SQL error: only read queries are allowed ({_ALLOWED}); got {word}")


def _error(exc: duckdb.Error, timeout: float | None = TIMEOUT_S) -> Exception:
    """The korelect error for a DuckDB error: the data's fault, the query's, or a bound's."""
    import duckdb  # noqa: PLC0415  (imported on first use: see the top of the module)

    if isinstance(exc, duckdb.InterruptException):
        return InputError(f"SQL error: the statement ran past the limit of {timeout:g} s")
    if isinstance(exc, duckdb.OutOfMemoryException):
        return InputError(
            f"SQL error: the statement needs more than the memory limit ({MEMORY_LIMIT})"
        )
    text = str(exc)
    if _MISSING_MARK in text or any(
        p is not None and p.as_posix() in text for p in _paths().values()
    ):
        return DataError(f"shipped data: {_first_line(exc)}")
    return InputError(f"SQL error: {_first_line(exc)}")


@contextmanager
def _cursor(
    sql: str, params: Sequence[object], timeout: float | None = TIMEOUT_S
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run one checked statement on the shared connection; yield it to fetch from.

    A timer interrupts the statement (in DuckDB) once ``timeout`` seconds have passed,
    fetching included; ``None`` lifts the bound.
    """
    import duckdb  # noqa: PLC0415  (imported on first use: see the top of the module)

    if timeout is not None and not (isinstance(timeout, int | float) and 0 < timeout < 1e6):
        raise InputError(f"'timeout' must be a number of seconds > 0 (got {timeout!r})")
    with _lock:
        con = _shared()
        _check_read_only(con, sql)
        timer = None if timeout is None else threading.Timer(timeout, con.interrupt)
        if timer is not None:
            timer.daemon = True
            timer.start()
        try:
            try:
                result = con.execute(sql, list(params) if params else None)
            except duckdb.Error as exc:
                raise _error(exc, timeout) from None
            try:
                yield result
            except duckdb.Error as exc:
                raise _error(exc, timeout) from None
        finally:
            if timer is not None:
                timer.cancel()


def query(
    sql: str,
    *params: object,
    max_rows: int | None = MAX_QUERY_ROWS,
    timeout: float | None = TIMEOUT_S,
) -> pd.DataFrame:
    """Run one read-only statement on a shared connection; the result as a DataFrame.

    ``params`` fill ``?`` or ``$1`` placeholders. Raises
    :class:`~korelect.errors.InputError` (one line) for SQL that does not
    parse or bind, for statements that are not read-only (see
    :func:`_check_read_only`), for a result of more than ``max_rows`` rows and for a
    statement that runs past ``timeout`` seconds or the memory limit; ``None`` lifts
    either bound.

    >>> query("SELECT province, count(*) AS n FROM districts WHERE year = ? GROUP BY province"
    ...       " ORDER BY n DESC LIMIT 2", 2020)
       province   n
    0  gyeonggi  59
    1     seoul  49
    """
    import pandas as pd  # noqa: PLC0415  (imported on first use: see the top of the module)

    if max_rows is not None and (isinstance(max_rows, bool) or not isinstance(max_rows, int)):
        raise InputError(f"'max_rows' must be an integer or None (got {max_rows!r})")
    with _cursor(sql, params, timeout) as cur:
        if max_rows is None:
            return cur.df()
        chunks = []
        rows = 0
        while rows <= max_rows:
            chunk = cur.fetch_df_chunk(16)
            if chunk.empty:
                break
            chunks.append(chunk)
            rows += len(chunk)
        if rows > max_rows:
            raise InputError(
                f"SQL error: the result has more than {max_rows:,} rows (max_rows; pass "
                "max_rows=None to lift the bound, or add a LIMIT)"
            )
        if not chunks:
            return cur.df()  # no rows: the columns, typed
        return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


# -- text output -----------------------------------------------------------------------------

_NUMERIC = frozenset(
    {
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "UHUGEINT",
        "FLOAT",
        "DOUBLE",
        "DECIMAL",
    }
)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _text(value: object, null: str) -> str:
    """A value as text: ISO dates, SQL booleans, shortest exact floats, lists as JSON."""
    if value is None:
        return null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, list | dict | tuple):
        return json.dumps(_jsonable(value), ensure_ascii=False)
    return str(value)


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two, combining marks none.

    Each distinct character is looked up once, so a cell of 100 MB is measured in a second.

    >>> _width("ab"), _width("한국 1"), _width("e\u0301")
    (2, 6, 1)
    """
    if text.isascii():
        return len(text)
    width = 0
    for ch, times in Counter(text).items():
        if unicodedata.combining(ch):
            continue
        width += times * (2 if unicodedata.east_asian_width(ch) in "WF" else 1)
    return width


def _table(names: Sequence[str], types: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> str:
    # A cell may hold several lines (EXPLAIN does): its row is then as tall as its longest cell.
    cells = [[_text(v, "NULL").rstrip("\n").split("\n") for v in row] for row in rows]
    widths = [_width(n) for n in names]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(_width(part) for part in cell))
    numeric = [t.split("(")[0] in _NUMERIC for t in types]

    def line(items: Sequence[str], right: Sequence[bool]) -> str:
        parts = []
        for item, width, flush in zip(items, widths, right, strict=True):
            pad = " " * (width - _width(item))
            parts.append(pad + item if flush else item + pad)
        return "  ".join(parts).rstrip()

    out = [line(names, numeric), line(["-" * w for w in widths], [False] * len(widths))]
    for row, values in zip(cells, rows, strict=True):
        right = [_is_number(v) for v in values]
        height = max((len(cell) for cell in row), default=1)
        out.extend(
            line([cell[k] if k < len(cell) else "" for cell in row], right) for k in range(height)
        )
    return "\n".join(out)


def _csv(names: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([_text(v, "") for v in row] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _jsonable(value: object) -> object:
    """A value json can write: ISO dates, exact decimals as numbers, no NaN."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, timedelta | bytes) or not isinstance(
        value, str | int | dict | list | tuple | type(None)
    ):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _json(names: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> str:
    objects = [
        json.dumps({n: _jsonable(v) for n, v in zip(names, row, strict=True)}, ensure_ascii=False)
        for row in rows
    ]
    return "[]" if not objects else "[\n" + ",\n".join(objects) + "\n]"


def sql_to_text(
    sql: str,
    *,
    fmt: Format = "table",
    limit: int | None = None,
    params: Sequence[object] = (),
    timeout: float | None = TIMEOUT_S,
) -> str:
    """Run one read-only statement (as :func:`query`) and render its result.

    ``fmt`` is ``"table"`` (aligned plain text, numbers flush right, NULL
    spelled out, a row count below), ``"csv"`` (a header line, NULL as an
    empty field) or ``"json"`` (a list of objects, one per line; dates as ISO
    strings, non-finite floats as null). ``limit`` caps the rows shown (by default
    :data:`MAX_ROWS`; the table's footer says when rows were left out, and
    :func:`sql_result` says it for every format).

    >>> print(sql_to_text("SELECT code, name_ko FROM provinces", fmt="csv", limit=2))
    code,name_ko
    seoul,서울특별시
    busan,부산광역시
    >>> print(sql_to_text("SELECT year, date FROM elections ORDER BY year LIMIT 1", fmt="json"))
    [
    {"year": 1948, "date": "1948-05-10"}
    ]
    """
    return sql_result(sql, fmt=fmt, limit=limit, params=params, timeout=timeout)[0]


def sql_result(
    sql: str,
    *,
    fmt: Format = "table",
    limit: int | None = None,
    params: Sequence[object] = (),
    timeout: float | None = TIMEOUT_S,
) -> tuple[str, bool]:
    """:func:`sql_to_text`'s text, and whether rows were left out past the limit.

    >>> text, more = sql_result("SELECT * FROM range(10)", fmt="csv", limit=3)
    >>> text.splitlines(), more
    (['range', '0', '1', '2'], True)
    """
    if fmt not in FORMATS:
        raise InputError(f"'fmt' must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise InputError(f"'limit' must be an integer (got {limit!r})")
    if limit is not None and limit < 0:
        raise InputError(f"'limit' must be >= 0 (got {limit})")
    if limit is not None and limit > MAX_QUERY_ROWS:
        raise InputError(f"'limit' must be at most {MAX_QUERY_ROWS:,} (got {limit:,})")
    bound = MAX_ROWS if limit is None else limit
    with _cursor(sql, params, timeout) as cur:
        description = cur.description or []
        names = [d[0] for d in description]
        types = [str(d[1]) for d in description]
        rows = cur.fetchmany(bound + 1)
        more = len(rows) > bound
        rows = rows[:bound]
    if fmt == "csv":
        return _csv(names, rows), more
    if fmt == "json":
        return _json(names, rows), more
    plural = "row" if len(rows) == 1 else "rows"
    shown = f"{len(rows):,} {plural}"
    if more and limit is None:
        footer = f"({shown}; more not shown: the limit is {MAX_ROWS:,}, --limit N to change it)"
    elif more:
        footer = f"({shown}; more not shown)"
    else:
        footer = f"({shown})"
    return _table(names, types, rows) + "\n" + footer, more
