"""The shipped tables in DuckDB: every view, its rows and types, read-only SQL, text output.

``parties.csv`` is curated by hand; where it is absent, only the checks that read it are
skipped (its view still exists, with its columns, and fails with a DataError when read).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import korelect
from korelect.cli import sql as _sqlcli
from korelect.errors import DataError, InputError
from korelect.record import db as _db
from korelect.record.db import TABLES, VIEWS, Table, connect, query, sql_to_text

ROOT = Path(__file__).parents[1]
DATA = Path(korelect.__file__).parent / "data"
DATA_MD = ROOT / "docs" / "DATA.md"

needs_parties = pytest.mark.skipif(
    not (DATA / "parties.csv").exists(), reason="parties.csv is not there yet"
)


def table_params() -> list[object]:
    return [
        pytest.param(t, id=t.name, marks=[needs_parties] if t.name == "parties" else [])
        for t in TABLES
    ]


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return connect()


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def read_csv(path: Path) -> tuple[list[str], int]:
    """The header and the number of data rows of a shipped file, read with the csv module."""
    text = (
        gzip.decompress(path.read_bytes()).decode("utf-8")
        if path.suffix == ".gz"
        else path.read_text(encoding="utf-8")
    )
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return header, sum(1 for _ in reader)


# -- the views -------------------------------------------------------------------------------


def test_every_table_and_view_exists(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    assert {r[0] for r in rows} == {t.name for t in TABLES} | set(VIEWS)
    assert {t.file for t in TABLES} >= {p.name for p in DATA.iterdir() if p.is_file()}


@pytest.mark.parametrize("table", table_params())
def test_view_has_the_rows_and_columns_of_its_file(
    con: duckdb.DuckDBPyConnection, table: Table
) -> None:
    header, rows = read_csv(DATA / table.file)
    assert header == list(table.columns)
    assert scalar(con, f'SELECT count(*) FROM "{table.name}"') == rows  # noqa: S608  (our names)


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_view_has_the_declared_types(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    described = con.execute(f'DESCRIBE "{table.name}"').fetchall()
    assert [(r[0], r[1]) for r in described] == list(table.columns.items())


@pytest.mark.parametrize(
    ("view", "column", "expected"),
    [
        ("districts", "electorate", "INTEGER"),
        ("districts", "uncontested", "BOOLEAN"),
        ("winners", "birth_date", "DATE"),
        ("winners", "name_ko", "VARCHAR"),
        ("elections", "date", "DATE"),
        ("candidates", "votes", "INTEGER"),
        ("polling_2020", "count", "INTEGER"),
        ("polling_2012", "count", "INTEGER"),
        ("polling_2016", "count", "INTEGER"),
        ("official_seats", "list_vote_pct", "DECIMAL(5,2)"),
        ("candidate_results", "pct", "DOUBLE"),
        ("candidate_results", "rank", "BIGINT"),
        ("party_names", "year", "INTEGER"),
    ],
)
def test_column_type(con: duckdb.DuckDBPyConnection, view: str, column: str, expected: str) -> None:
    rows = con.execute(f'DESCRIBE "{view}"').fetchall()
    assert {r[0]: r[1] for r in rows}[column] == expected


def test_values_arrive_as_python_types(con: duckdb.DuckDBPyConnection) -> None:
    row = con.execute(
        "SELECT w.birth_date, d.uncontested, d.electorate, o.list_vote_pct "
        "FROM winners AS w JOIN districts AS d USING (year, district_id) "
        "JOIN official_seats AS o ON o.year = w.year AND o.party_ko = '열린우리당' "
        "WHERE w.district_id = '2004:seoul:종로구' AND w.source LIKE 'krvote/%'"
    ).fetchall()
    assert row == [(date(1956, 9, 16), False, 137653, Decimal("38.27"))]


def test_empty_fields_are_null(con: duckdb.DuckDBPyConnection) -> None:
    # the uncontested districts (2016, and 25 of 1948-1981) and the 1948-1958 districts
    # without a count have no figures (docs/DATA.md)
    assert con.execute(
        "SELECT count(*) FROM districts WHERE electorate IS NULL AND valid_votes IS NULL"
    ).fetchone() == (32,)
    assert con.execute(
        "SELECT count(*), count(area) FROM list_votes WHERE level = 'province'"
    ).fetchone() == (2402, 0)
    assert scalar(con, "SELECT count(*) FROM list_votes WHERE area = ''") == 0
    assert con.execute(
        "SELECT count(*), count(party_ko), count(name_ko) FROM polling_2020 "
        "WHERE category = '선거인수'"
    ).fetchone() == (19460, 0, 0)
    assert scalar(con, "SELECT count(*) FROM winners WHERE year = 2024 AND votes IS NULL") == 254


# -- joins and what the data say ---------------------------------------------------------------

#: The plurality winner of each 2004 district, counted per party: the declared result
#: (Uri 129, GNP 100, MDP 5, ULD 4, DLP 2, independents 2, NI21 1). The count spells ULD 자민련.
PLURALITY_2004 = {
    "열린우리당": 129,
    "한나라당": 100,
    "새천년민주당": 5,
    "자민련": 4,
    "민주노동당": 2,
    "무소속": 2,
    "국민통합21": 1,
}


def test_2004_plurality_winners_per_party(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT party_ko, count(*) FROM candidate_results "
        "WHERE year = 2004 AND rank = 1 GROUP BY party_ko"
    ).fetchall()
    assert dict(rows) == PLURALITY_2004
    official = con.execute(
        "SELECT district_seats FROM official_seats WHERE year = 2004 ORDER BY district_seats DESC"
    ).fetchall()
    assert [r[0] for r in official] == sorted(PLURALITY_2004.values(), reverse=True)


def test_candidate_results(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT candidate, party_ko, votes, round(pct, 2), rank FROM candidate_results "
        "WHERE district_id = '2020:seoul:종로구' AND rank <= 2 ORDER BY rank"
    ).fetchall()
    assert rows == [
        ("이낙연", "더불어민주당", 54902, 58.38, 1),
        ("황교안", "미래통합당", 37594, 39.98, 2),
    ]
    # no district has a tie for first place, and each district with candidates has a rank 1
    # (both candidates of the three uncontested two-member districts, 1973 and 1981, without votes)
    assert con.execute(
        "SELECT count(*), count(DISTINCT (year, district_id)) FROM candidate_results WHERE rank = 1"
    ).fetchone() == (4259, 4256)


@needs_parties
def test_party_names_name_one_party_per_year_and_cover_every_table(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert (
        scalar(
            con,
            "SELECT count(*) FROM (SELECT year, name FROM party_names "
            "GROUP BY ALL HAVING count(DISTINCT party_id) > 1)",
        )
        == 0
    )
    for table in ("candidates", "winners", "list_votes", "list_shares", "official_seats"):
        missing = con.execute(
            f"SELECT DISTINCT t.year, t.party_ko FROM {table} AS t "  # noqa: S608  (our own table names)
            "ANTI JOIN party_names AS n ON n.year = t.year AND n.name = t.party_ko"
        ).fetchall()
        assert missing == [], table


@needs_parties
def test_plurality_gives_the_official_district_seats_but_in_1996(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Counted winners per party equal the official table in every year both exist, but 1996.

    In 1996 nec-history credits 대구 달서구갑's winner 박종근 (ULD) with 0 votes and his
    vote to 김은집 (무당파국민연합); see docs/DATA.md, Known quirks.
    """
    rows = con.execute(
        """
        WITH plurality AS (
            SELECT c.year, n.party_id, any_value(c.party_ko) AS party_ko, count(*) AS seats
            FROM candidate_results AS c
            JOIN party_names AS n ON n.year = c.year AND n.name = c.party_ko
            WHERE c.rank = 1 GROUP BY ALL),
        official AS (
            SELECT o.year, n.party_id, o.party_ko, o.district_seats AS seats
            FROM official_seats AS o
            JOIN party_names AS n ON n.year = o.year AND n.name = o.party_ko
            WHERE o.year IN (SELECT year FROM candidates))
        SELECT year, coalesce(o.party_ko, p.party_ko), coalesce(p.seats, 0), coalesce(o.seats, 0)
        FROM plurality AS p FULL JOIN official AS o USING (year, party_id)
        WHERE year IN (SELECT year FROM official)
          AND coalesce(p.seats, 0) <> coalesce(o.seats, 0)
        ORDER BY ALL
        """
    ).fetchall()
    assert rows == [(1996, "무당파국민연합", 1, 0), (1996, "자유민주연합", 40, 41)]


def test_documented_quirks_hold(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT district_id, electorate, source FROM districts WHERE uncontested AND year >= 1988"
    ).fetchall() == [("2016:gyeongnam:통영시고성군", None, "krvote/chongun_winner.converted.csv")]
    assert con.execute(
        "SELECT count(*), count(electorate), min(source) FROM districts WHERE year = 2024"
    ).fetchone() == (254, 254, "polis-korea/data/results/22nd-general-2024.json")
    assert scalar(con, "SELECT count(*) FROM candidates WHERE year = 2024") == 693
    assert con.execute(
        "SELECT province, count(*) FROM districts WHERE year = 1988 AND name_ko LIKE '대전%' "
        "GROUP BY province"
    ).fetchall() == [("chungnam", 4)]
    assert con.execute(
        "SELECT count(*) FILTER (WHERE category = '무표투표수'), "
        "count(*) FILTER (WHERE category = '무효투표수') FROM polling_2020"
    ).fetchone() == (19460, 0)
    assert con.execute(
        "SELECT candidate, votes FROM candidate_results WHERE district_id = "
        "'1996:daegu:달서구갑' AND candidate IN ('박종근', '김은집') ORDER BY votes"
    ).fetchall() == [("박종근", 0), ("김은집", 32057)]
    # province rows of list_votes are the sums of their sigungu rows
    assert (
        scalar(
            con,
            "SELECT count(*) FROM list_votes AS p JOIN (SELECT year, province, party_ko, "
            "sum(votes) AS votes FROM list_votes WHERE level = 'sigungu' GROUP BY ALL) AS s "
            "USING (year, province, party_ko) WHERE p.level = 'province' AND p.votes <> s.votes",
        )
        == 0
    )
    assert con.execute(
        "SELECT count(*) FILTER (WHERE source LIKE 'krvote/%'), "
        "count(*) FILTER (WHERE source LIKE 'nec-history/%') FROM winners WHERE year = 2004"
    ).fetchone() == (243, 243)


# -- query() and the read-only guard ------------------------------------------------------------


def test_query_returns_a_dataframe() -> None:
    df = query(
        "SELECT year, count(*) AS n FROM districts WHERE year >= ? GROUP BY year ORDER BY year",
        2016,
    )
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["year", "n"]
    assert df["year"].tolist() == [2016, 2020, 2024]
    assert df["n"].tolist() == [253, 253, 254]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELEC 1", 'SQL error: Parser Error: syntax error at or near "SELEC"'),
        ("SELECT * FROM foo", "SQL error: Catalog Error: Table with name foo does not exist!"),
        (
            "SELECT nope FROM districts",
            'SQL error: Binder Error: Referenced column "nope" not found in FROM clause!',
        ),
        ("SELECT 'x'::INTEGER", "SQL error: Conversion Error: Could not convert string 'x'"),
        ("   ", "SQL error: empty statement"),
        ("SELECT 1; SELECT 2", "SQL error: give one statement at a time (got 2)"),
    ],
)
def test_bad_sql_is_one_line_input_error(sql: str, message: str) -> None:
    for run in (query, sql_to_text):
        with pytest.raises(InputError) as info:
            run(sql)
        assert str(info.value).startswith(message)
        assert "\n" not in str(info.value)
        assert info.value.__cause__ is None  # raised "from None": no DuckDB traceback behind it


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT 1) TO '{tmp}/out.csv'",
        "COPY districts TO '{tmp}/out.parquet' (FORMAT parquet)",
        "EXPORT DATABASE '{tmp}/export'",
        "ATTACH '{tmp}/other.duckdb' AS other",
        "DETACH other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "CREATE TABLE t AS SELECT 1",
        "CREATE OR REPLACE TEMP VIEW districts AS SELECT 1",
        "INSERT INTO districts (year) VALUES (1)",
        "DELETE FROM districts",
        "DROP VIEW districts",
        "SET enable_external_access = true",
        "RESET threads",
        "USE memory",
        "CALL pragma_table_info('districts')",
        "PRAGMA enable_profiling",
        "CHECKPOINT",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{tmp}/out.csv'",
        "WITH x AS (SELECT 1 AS a) INSERT INTO districts (year) SELECT a FROM x",
    ],
)
def test_statements_that_do_not_only_read_are_refused(sql: str, tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        sql_to_text(sql.format(tmp=tmp_path.as_posix()))
    message = str(info.value)
    assert message.startswith("SQL error: only read queries are allowed")
    assert "\n" not in message
    assert list(tmp_path.iterdir()) == []
    # and the shared connection is unharmed
    assert query("SELECT count(*) AS n FROM districts")["n"].tolist() == [4256]


@pytest.mark.parametrize(
    "sql",
    [
        "DESCRIBE districts",
        "SHOW TABLES",
        "SUMMARIZE elections",
        "FROM elections",
        "WITH x AS (SELECT 1 AS a) SELECT * FROM x",
        "VALUES (1, 'a')",
        "PRAGMA table_info('districts')",
        "EXPLAIN SELECT * FROM districts",
        "EXPLAIN ANALYZE SELECT count(*) FROM districts",
        "(SELECT 1)",
    ],
)
def test_read_statements_are_allowed(sql: str) -> None:
    assert len(query(sql)) >= 1


def test_no_file_but_the_shipped_ones_can_be_read(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("a\n1\n", encoding="utf-8")
    name = mine.as_posix()
    for sql in (f"SELECT * FROM read_csv('{name}')", f"FROM '{name}'"):  # noqa: S608  (a test file)
        with pytest.raises(InputError, match=r"^SQL error: Permission Error: "):
            query(sql)


def test_a_missing_data_file_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = {**_db._paths(), "elections": None}
    monkeypatch.setattr(_db, "_paths", lambda: paths)
    _db._shared.cache_clear()
    try:
        con = connect()
        assert [r[0] for r in con.execute("DESCRIBE elections").fetchall()] == [
            "year",
            "assembly",
            "date",
        ]
        with pytest.raises(duckdb.Error, match=r"elections\.csv is missing"):
            con.execute("SELECT count(*) FROM elections").fetchall()
        with pytest.raises(DataError, match=r"^shipped data: .*elections\.csv is missing"):
            query("SELECT count(*) FROM elections")
        assert query("SELECT count(*) AS n FROM provinces")["n"].tolist() == [17]
    finally:
        _db._shared.cache_clear()


def test_connect_to_a_read_only_database_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.duckdb"
    with duckdb.connect(str(path)) as mine:
        mine.execute("CREATE TABLE mine AS SELECT 2004 AS year")
    con = connect(str(path), read_only=True)
    assert scalar(con, "SELECT count(*) FROM mine JOIN districts USING (year)") == 243
    con.close()
    with duckdb.connect(str(path), read_only=True) as mine:  # the views were not saved in it
        assert (
            mine.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall() == []
        )


def test_connect_in_memory_read_only_is_an_input_error() -> None:
    with pytest.raises(InputError, match="read-only"):
        connect(read_only=True)


def test_works_from_a_zipped_package(tmp_path: Path) -> None:
    """importlib.resources.as_file extracts the data files when korelect is imported from a zip."""
    package = Path(korelect.__file__).parent
    archive = tmp_path / "korelect.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, path.relative_to(package.parent).as_posix())
    code = (
        "import sys, korelect, korelect.record.db as db\n"
        "assert korelect.__file__.startswith(sys.argv[1]), korelect.__file__\n"
        "print(db.connect().execute('SELECT count(*) FROM polling_2020').fetchone()[0])\n"
        "print(db.sql_to_text('SELECT count(*) AS n FROM districts', fmt='csv'))\n"
    )
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    env = {**os.environ, "PYTHONPATH": str(archive), "TMPDIR": str(extracted)}
    result = subprocess.run(
        [sys.executable, "-c", code, str(archive)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "181430\nn\n4256\n"
    assert list(extracted.iterdir()) == []  # extracted files are removed at exit


# -- text output ---------------------------------------------------------------------------------


def test_table_format_aligns_numbers_right_and_wide_characters() -> None:
    text = sql_to_text(
        "SELECT code, name_ko, since, NULL AS note FROM provinces "
        "WHERE code IN ('seoul', 'sejong') ORDER BY \"order\""
    )
    assert text == (
        "code    name_ko         since  note\n"
        "------  --------------  -----  ----\n"
        "seoul   서울특별시       1948  NULL\n"
        "sejong  세종특별자치시   2012  NULL\n"
        "(2 rows)"
    )


def test_table_format_limit() -> None:
    sql = "SELECT year, assembly FROM elections ORDER BY year"
    assert sql_to_text(sql, limit=2) == (
        "year  assembly\n----  --------\n1948         1\n1950         2\n(2 rows; more not shown)"
    )
    assert sql_to_text(sql, limit=0) == "year  assembly\n----  --------\n(0 rows; more not shown)"
    assert sql_to_text(sql, limit=22).endswith("\n(22 rows)")


def test_csv_format() -> None:
    text = sql_to_text(
        "SELECT year, date, NULL AS nothing, true AS flag, 'a,b' AS name FROM elections "
        "ORDER BY year",
        fmt="csv",
        limit=2,
    )
    assert text == (
        'year,date,nothing,flag,name\n1948,1948-05-10,,true,"a,b"\n1950,1950-05-30,,true,"a,b"'
    )
    rows = list(csv.DictReader(io.StringIO(sql_to_text("FROM winners", fmt="csv"))))
    assert len(rows) == 5367
    assert rows[0]["birth_date"] == "1936-04-29"


def test_json_format() -> None:
    text = sql_to_text(
        "SELECT year, party_ko, pct, NULL AS nothing, DATE '2020-04-15' AS day, [1, 2] AS xs "
        "FROM list_shares WHERE year = 2020 ORDER BY pct DESC",
        fmt="json",
        limit=1,
    )
    assert json.loads(text) == [
        {
            "year": 2020,
            "party_ko": "미래한국당",
            "pct": 33.84,
            "nothing": None,
            "day": "2020-04-15",
            "xs": [1, 2],
        }
    ]
    assert "미래한국당" in text  # not escaped
    assert sql_to_text("SELECT 1 AS a WHERE false", fmt="json") == "[]"
    assert json.loads(sql_to_text("SELECT 1 / 0 AS x", fmt="json")) == [{"x": None}]


def test_bad_format_or_limit() -> None:
    with pytest.raises(InputError, match="'fmt' must be one of table, csv, json"):
        sql_to_text("SELECT 1", fmt="xml")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"'limit' must be >= 0 \(got -1\)"):
        sql_to_text("SELECT 1", limit=-1)


def test_multiline_cells_stay_in_their_column() -> None:
    text = sql_to_text("SELECT 1 AS n, 'a' || chr(10) || 'bb' AS s, 'x' AS t")
    assert text == "n  s   t\n-  --  -\n1  a   x\n   bb\n(1 row)"


# -- the `sql` subcommand --------------------------------------------------------------------------


def sql_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="korelect")
    sub = parser.add_subparsers(dest="command", required=True)
    _sqlcli.add_parser(sub)
    return parser


def test_sql_command_formats() -> None:
    sql = "SELECT year, assembly FROM elections ORDER BY year"
    args = sql_parser().parse_args(["sql", sql, "--limit", "1"])
    assert (
        _sqlcli.run(args)
        == "year  assembly\n----  --------\n1948         1\n(1 row; more not shown)"
    )
    args = sql_parser().parse_args(["sql", sql, "--format", "csv", "--limit", "1"])
    assert _sqlcli.run(args) == "year,assembly\n1948,1"
    args = sql_parser().parse_args(["sql", sql, "--format", "json"])
    assert len(json.loads(_sqlcli.run(args))) == 22


def test_sql_command_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("SELECT count(*) AS n\nFROM districts\n"))
    args = sql_parser().parse_args(["sql", "-", "--format", "csv"])
    assert _sqlcli.run(args) == "n\n4256"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sql", "SELECT * FROM nowhere"], "SQL error: Catalog Error: Table with name nowhere"),
        (["sql", "DROP VIEW districts"], "SQL error: only read queries are allowed"),
        (["sql", "SELECT 1", "--limit", "-1"], "--limit must be >= 0 (got -1)"),
    ],
)
def test_sql_command_errors(argv: list[str], message: str) -> None:
    with pytest.raises(InputError) as info:
        _sqlcli.run(sql_parser().parse_args(argv))
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_sql_command_help_lists_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        sql_parser().parse_args(["sql", "--help"])
    out = capsys.readouterr().out
    for name in [*(t.name for t in TABLES), *VIEWS]:
        assert re.search(rf"^  {name}\s", out, re.MULTILINE), name


# -- docs/DATA.md ----------------------------------------------------------------------------------

EXAMPLES = re.findall(
    r"```sql\n(.*?)```\n\n```text\n(.*?)```", DATA_MD.read_text(encoding="utf-8"), re.DOTALL
)


def test_data_md_documents_every_column() -> None:
    text = DATA_MD.read_text(encoding="utf-8")
    assert len(EXAMPLES) >= 2
    for table in TABLES:
        section = text.split(f"### `{table.name}`", 1)[1].split("\n### ", 1)[0]
        for column in table.columns:
            assert f"`{column}`" in section, (table.name, column)


@pytest.mark.parametrize(("sql", "expected"), EXAMPLES, ids=range(len(EXAMPLES)))
def test_data_md_examples_print_what_it_shows(sql: str, expected: str) -> None:
    assert sql_to_text(sql) + "\n" == expected


# -- bounds: DuckDB's memory, threads and a statement timeout; rows ------------------------------


def test_the_shared_connection_runs_under_duckdb_limits() -> None:
    settings = dict(
        query(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('memory_limit', 'threads', 'temp_directory', 'lock_configuration')"
        ).itertuples(index=False)
    )
    assert settings["threads"] == str(_db.THREADS)
    assert settings["temp_directory"] == ""
    assert settings["lock_configuration"] == "true"
    assert settings["memory_limit"].endswith("iB")  # DuckDB's rendering of 1GB
    with pytest.raises(InputError, match="only read queries"):
        query("SET memory_limit = '100GB'")


def test_a_statement_past_its_time_is_interrupted_by_duckdb() -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=r"ran past the limit of 0.5 s"):
        sql_to_text("SELECT sum(a.range * b.range) FROM range(10000000) a, range(1000000) b",
                    timeout=0.5)  # fmt: skip
    assert time.monotonic() - start < 20  # a bound, not a speed target: it stopped
    # the connection is usable afterwards
    assert sql_to_text("SELECT 1 AS a", fmt="csv") == "a\n1"


def test_a_statement_past_the_memory_limit_is_one_error() -> None:
    with pytest.raises(InputError, match=r"more than the memory limit \(1GB\)"):
        sql_to_text("SELECT length(string_agg(repeat('x', 1000), '')) FROM range(30000000)")


def test_rows_are_bounded_and_said_so() -> None:
    text, more = _db.sql_result("SELECT * FROM range(10000000)")
    assert more
    assert text.endswith(
        "(100,000 rows; more not shown: the limit is 100,000, --limit N to change it)"
    )
    body, more = _db.sql_result("SELECT * FROM range(10000000)", fmt="json")
    assert more
    assert len(json.loads(body)) == _db.MAX_ROWS
    assert _db.sql_result("SELECT * FROM range(5)", fmt="csv", limit=10) == (
        "range\n0\n1\n2\n3\n4",
        False,
    )
    with pytest.raises(InputError, match="more than 1,000,000 rows"):
        query("SELECT * FROM range(2000000)")
    assert len(query("SELECT * FROM range(1500000)", max_rows=None)) == 1_500_000
    assert len(query("SELECT * FROM range(5000)", max_rows=5000)) == 5000
    assert list(query("SELECT 1 AS a WHERE false").columns) == ["a"]


def test_the_sql_command_says_when_csv_or_json_rows_were_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from korelect.cli import main

    assert main(["sql", "SELECT * FROM range(200000)", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 100_001  # the header and 100,000 rows
    assert err == (
        "korelect: note: the first 100,000 rows only; more not shown (--limit N to change it)\n"
    )
    assert main(["sql", "SELECT * FROM range(10)", "--format", "json", "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 3
    assert err == "korelect: note: the first 3 rows only; more not shown (--limit 3)\n"
    assert main(["sql", "SELECT * FROM range(3)", "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
