"""The bad-input campaign (issue 12): a catalogue of what a user may send, each refused cleanly.

The catalogue has three parts, each case a bad input and what refusing it must say:

- ``CASES``: command lines, with the files they name written first (CSV, TOML, articles,
  arguments of every command);
- ``COUNTS_CASES``: counts folders (docs/COUNTS.md), each a copy of ``korelect export 2016``
  with one thing broken (a file missing, empty or not UTF-8, a NUL byte, a BOM or a quoted
  newline, a column unknown or missing, a count negative, not a number or past a bound, a
  reference to nothing, a duplicate, a bad ``election.toml`` or rules file, members that do not
  add up), given to ``results`` and to the other commands that read counts;
- ``REQUESTS``: HTTP requests to a real ``korelect serve`` (unknown years, districts and
  routes, parameters out of bounds, bad encodings, wrong methods, bodies, oversized or malformed
  request lines and headers).

Every command line and counts folder must end with exit status 2, exactly one line on standard
error that starts ``korelect: error:`` and says what the case's ``says`` names (the file, line
and field where the mistake is in a file), nothing on standard output, and no file written.
They run in-process (``korelect.cli.main``), one test each, and then all of them again in one
child process under a memory limit (``RLIMIT_AS`` of :data:`CHILD_MEMORY`), each under a time
bound (:data:`CASE_SECONDS`, by a timer in the child), the child reporting each case's status,
seconds and its largest resident memory so far, which must stay under :data:`CHILD_RSS`.

Every request must be answered within :data:`HTTP_SECONDS` with its 4xx status and one clear
message: ``{"detail", "status"}`` under ``/api``, an HTML page with one error message elsewhere,
uvicorn's one line for a request HTTP cannot parse; the server runs under a memory limit
(:data:`SERVER_MEMORY`), and after the catalogue it must still answer, its peak resident
memory under :data:`SERVER_RSS`.

The cases that need a device or a special file (FIFOs, /dev/full, closed pipes, huge files,
deep nesting) are in ``tests/test_inputs_bounded.py``, and the web server's slow and endless
clients in ``tests/test_web_soak.py``.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TextIO

import pytest

import korelect
from korelect.cli import main

CASE_SECONDS = 20.0
"""Seconds each command line or counts folder may take in the bounded child."""
CHILD_MEMORY = 2 << 30
"""The address space (RLIMIT_AS) of the child that runs the whole catalogue: 2 GiB."""
CHILD_RSS = 1536 << 20
"""The most resident memory the child may reach, over the whole catalogue: 1.5 GiB."""
HTTP_SECONDS = 10.0
"""Seconds each request may wait for its answer."""
SERVER_MEMORY = 3 << 30
"""The address space (RLIMIT_AS) of ``korelect serve``: 3 GiB."""
SERVER_RSS = 1 << 30
"""The most resident memory the server may have reached after the catalogue: 1 GiB."""

# -- part 1: command lines ---------------------------------------------------------------------

HEADER = "party,votes,district_seats,kind\n"
GOOD_CSV = HEADER + "A,600,150,party\nB,400,93,party\n"
PROPORTIONAL = '[list_tier]\nformula = "proportional"\n'


@dataclass(frozen=True)
class Case:
    """One bad command line: the arguments, the files they need, and a word the error must say."""

    name: str
    argv: tuple[str, ...]
    says: str
    files: dict[str, str | bytes] = field(default_factory=dict)

    @property
    def words(self) -> tuple[str, ...]:
        return (self.says,)

    def prepare(self, where: Path, exported: Path) -> tuple[str, ...]:
        """Write the files the arguments name into ``where``; return the arguments."""
        del exported  # the counts cases' folder
        for name, data in self.files.items():
            path = where / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data.encode() if isinstance(data, str) else data)
        return self.argv


def csv_case(name: str, text: str | bytes, says: str, *extra: str) -> Case:
    return Case(name, ("allocate", "in.csv", "--rules", "2004", *extra), says, {"in.csv": text})


def rules_case(name: str, text: str, says: str) -> Case:
    return Case(
        name,
        ("allocate", "in.csv", "--rules", "r.toml"),
        says,
        {"in.csv": GOOD_CSV, "r.toml": text},
    )


YEARLESS = ("results", "district", "audit", "compare", "swing", "simulate", "indices", "export")
REST = {
    "district": ("종로구",),
    "compare": ("--rules", "2016"),
    "swing": ("Saenuri=+1",),
    "simulate": ("-n", "10"),
    "export": ("-o", "out"),
}
"""What each command needs besides the year, so that the year is what is wrong."""


def year_case(cmd: str, year: str, says: str) -> Case:
    return Case(
        f"{cmd}: {says or 'a negative year'} as the year", (cmd, year, *REST.get(cmd, ())), says
    )


def counts_case(
    cmd: str, folder: str, says: str, files: dict[str, str | bytes] | None = None
) -> Case:
    name = f"{cmd}: {'a file' if files else 'a missing folder'} as --counts"
    return Case(name, (cmd, *REST.get(cmd, ()), "--counts", folder), says, files or {})


CASES: list[Case] = [
    # -- years and sources, every command that takes one
    *(year_case(cmd, "1999", "1999") for cmd in YEARLESS),
    *(year_case(cmd, "twenty", "twenty") for cmd in YEARLESS),
    *(year_case(cmd, "-2004", "") for cmd in YEARLESS),
    *(
        counts_case(cmd, "nowhere", "nowhere")
        for cmd in ("results", "audit", "compare", "swing", "simulate", "indices")
    ),
    *(
        counts_case(cmd, "f.txt", "f.txt", {"f.txt": "x"})
        for cmd in ("results", "audit", "indices")
    ),
    Case("results: year and counts", ("results", "2004", "--counts", "x"), ""),
    Case("results: unknown rules year", ("results", "2004", "--rules", "1999"), "1999"),
    Case("results: missing rules file", ("results", "2004", "--rules", "no.toml"), "no.toml"),
    Case("results: bad --by", ("results", "2004", "--by", "county"), "county"),
    Case("district: unknown name", ("district", "2004", "아무데도"), "아무데도"),
    Case("district: ambiguous name", ("district", "2004", "중구"), "province"),
    Case("district: empty name", ("district", "2004", ""), ""),
    Case("compare: no rules", ("compare", "2004"), "rules"),
    Case("compare: bad rules", ("compare", "2004", "--rules", "12345"), "12345"),
    # -- swing
    Case("swing: no change", ("swing", "2016"), ""),
    Case("swing: not PARTY=POINTS", ("swing", "2016", "Saenuri"), "PARTY=POINTS"),
    Case("swing: empty party", ("swing", "2016", "=+2"), "PARTY=POINTS"),
    Case("swing: not a number", ("swing", "2016", "Saenuri=lots"), "percentage points"),
    Case("swing: unknown party", ("swing", "2016", "Nobody=+2"), "Nobody"),
    Case("swing: party of other years", ("swing", "2016", "GNP=+2"), "GNP"),
    Case("swing: independents", ("swing", "2016", "무소속=+2"), "independents"),
    Case("swing: below zero", ("swing", "2016", "Justice=-50"), "below 0"),
    Case("swing: over 100 points", ("swing", "2016", "Saenuri=+200"), "-100 to +100"),
    Case("swing: past 100%", ("swing", "2016", "Saenuri=+70"), "above 100%"),
    Case("swing: huge exponent", ("swing", "2016", "Saenuri=+1e300"), "-100 to +100"),
    Case("swing: 5,000 digits", ("swing", "2016", "Saenuri=+" + "9" * 5000), "percentage"),
    Case("swing: twice", ("swing", "2016", "Saenuri=+1", "Saenuri=+2"), "twice"),
    Case("swing: same party twice", ("swing", "2016", "Saenuri=+1", "새누리당=+1"), "already"),
    Case("swing: bad kind", ("swing", "2016", "Saenuri=+1", "--kind", "cubic"), "cubic"),
    Case("swing: declared-only year", ("swing", "1999", "A=+1"), "1999"),
    # -- simulate
    Case("simulate: n zero", ("simulate", "2016", "-n", "0"), "'n'"),
    Case("simulate: n huge", ("simulate", "2016", "-n", str(10**12)), "1,000,000"),
    Case("simulate: n not a number", ("simulate", "2016", "-n", "many"), "many"),
    Case("simulate: negative sd", ("simulate", "2016", "--national-sd", "-1"), "national_sd"),
    Case("simulate: huge sd", ("simulate", "2016", "--district-sd", "1e308"), "district_sd"),
    Case("simulate: nan sd", ("simulate", "2016", "--list-sd", "nan"), "list_sd"),
    Case("simulate: inf sd", ("simulate", "2016", "--regional-sd", "inf"), "regional_sd"),
    Case("simulate: negative seed", ("simulate", "2016", "--seed", "-1"), "seed"),
    Case("simulate: bad workers", ("simulate", "2016", "--workers", "0"), "workers"),
    # -- allocate: the CSV
    Case("csv: missing file", ("allocate", "missing.csv", "--rules", "2004"), "missing.csv"),
    csv_case("csv: empty", "", "in.csv"),
    csv_case("csv: header only", HEADER, "in.csv"),
    csv_case("csv: no header", "A,600,150,party\n", "in.csv"),
    csv_case("csv: unknown column", "party,votes,district_seats,colour\nA,1,243,red\n", "colour"),
    csv_case("csv: negative votes", HEADER + "A,-3,243,party\n", "votes"),
    csv_case("csv: votes not a number", HEADER + "A,many,243,party\n", "votes"),
    csv_case("csv: 31-digit votes", HEADER + "A," + "9" * 31 + ",243,party\n", "votes"),
    csv_case("csv: negative seats", HEADER + "A,5,-1,party\nB,5,244,party\n", "district_seats"),
    csv_case("csv: fractional seats", HEADER + "A,5,1.5,party\n", "district_seats"),
    csv_case("csv: unknown kind", HEADER + "A,5,243,robot\n", "kind"),
    csv_case("csv: empty party", HEADER + ",5,243,party\n", "party"),
    csv_case("csv: party twice", HEADER + "A,5,200,party\nA,5,43,party\n", "A"),
    csv_case("csv: too many fields", HEADER + "A,5,243,party,x\n", "in.csv"),
    csv_case("csv: too few fields", HEADER + "A,5\n", "in.csv"),
    csv_case("csv: seats do not add up", HEADER + "A,5,100,party\n", "243"),
    csv_case("csv: control character", HEADER + "A\x1b[31m,5,243,party\n", "in.csv"),
    csv_case("csv: NUL byte", HEADER + "A\x00,5,243,party\n", "in.csv"),
    csv_case("csv: not UTF-8", HEADER.encode() + b"\xff\xfe,5,243,party\n", "in.csv"),
    csv_case("csv: unterminated quote", HEADER + '"A,5,243,party\n', "in.csv"),
    csv_case("csv: bad --ties", GOOD_CSV, "ties", "--ties", "coin"),
    csv_case("csv: bad --seed", GOOD_CSV, "seed", "--seed", "five"),
    Case("allocate: no rules", ("allocate", "in.csv"), "rules", {"in.csv": GOOD_CSV}),
    Case("allocate: folder as CSV", ("allocate", "d", "--rules", "2004"), "d", {"d/x": ""}),
    # -- rules files
    rules_case("toml: not TOML", "this is not toml", "r.toml"),
    rules_case("toml: empty", "", "r.toml"),
    rules_case("toml: unknown key", 'name = "x"\ncolour = "red"\n', "colour"),
    rules_case("toml: seats not a number", 'name = "x"\ntotal_seats = "many"\n', "r.toml"),
    rules_case(
        "toml: negative seats",
        'name = "x"\ntotal_seats = -1\ndistrict_seats = 243\n' + PROPORTIONAL,
        "r.toml",
    ),
    rules_case(
        "toml: more districts than seats",
        'name = "x"\ntotal_seats = 100\ndistrict_seats = 243\n' + PROPORTIONAL,
        "r.toml",
    ),
    rules_case(
        "toml: unknown formula",
        'name = "x"\ntotal_seats = 299\ndistrict_seats = 243\n[list_tier]\nformula = "magic"\n',
        "magic",
    ),
    rules_case(
        "toml: unknown method",
        'name = "x"\ntotal_seats = 299\ndistrict_seats = 243\n'
        '[list_tier]\nformula = "proportional"\nmethod = "coinflip"\n',
        "coinflip",
    ),
    rules_case(
        "toml: bad threshold",
        'name = "x"\ntotal_seats = 299\ndistrict_seats = 243\nthreshold = "3 apples"\n'
        '[list_tier]\nformula = "proportional"\n',
        "apples",
    ),
    rules_case(
        "toml: threshold nested 40 deep",
        'name = "x"\ntotal_seats = 299\ndistrict_seats = 243\nthreshold = "'
        + "(" * 40
        + "3%"
        + ")" * 40
        + '"\n[list_tier]\nformula = "proportional"\n',
        "",
    ),
    rules_case("toml: nested 40 deep", "x = " + "[" * 40 + "]" * 40 + "\n", "deep"),
    rules_case("toml: unterminated string", 'name = "x\n', "r.toml"),
    rules_case("toml: duplicate key", 'name = "x"\nname = "y"\n', "r.toml"),
    # -- apportion
    Case(
        "apportion: no seats",
        ("apportion", "in.csv"),
        "seats",
        {"in.csv": GOOD_CSV},
    ),
    Case(
        "apportion: negative seats",
        ("apportion", "in.csv", "--seats", "-3"),
        "seats",
        {"in.csv": GOOD_CSV},
    ),
    Case(
        "apportion: a million seats one by one",
        ("apportion", "in.csv", "--seats", "1000000", "--method", "dhondt"),
        "100,000",
        {"in.csv": GOOD_CSV},
    ),
    Case(
        "apportion: unknown method",
        ("apportion", "in.csv", "--seats", "10", "--method", "coinflip"),
        "coinflip",
        {"in.csv": GOOD_CSV},
    ),
    Case(
        "apportion: bad threshold",
        ("apportion", "in.csv", "--seats", "10", "--threshold", "5 bananas"),
        "bananas",
        {"in.csv": GOOD_CSV},
    ),
    # -- articles
    Case("article read: missing", ("article", "read", "none.txt"), "none.txt"),
    Case("article check: missing", ("article", "check", "none.txt"), "none.txt"),
    Case("article read: a folder", ("article", "read", "d"), "d", {"d/x": ""}),
    Case(
        "article check: bad rules",
        ("article", "check", "a.txt", "--rules", "1999"),
        "1999",
        {"a.txt": "= 2004 South Korean legislative election =\n"},
    ),
    Case("article write: unknown year", ("article", "write", "1999"), "1999"),
    Case("article write: empty -o", ("article", "write", "2004", "-o", ""), "-o"),
    Case("article write: -o a folder", ("article", "write", "2004", "-o", "d"), "d", {"d/x": ""}),
    Case("article: no action", ("article",), ""),
    # -- charts
    Case("chart: unknown kind", ("chart", "pie", "2004", "-o", "x.svg"), "pie"),
    Case("chart: no -o", ("chart", "hemicycle", "2004"), "-o"),
    Case("chart: bad suffix", ("chart", "hemicycle", "2004", "-o", "x.gif"), ".gif"),
    Case("chart: no suffix", ("chart", "bars", "2004", "-o", "x"), "suffix"),
    Case("chart: missing folder", ("chart", "bars", "2004", "-o", "no/where/x.svg"), "folder"),
    Case("chart: -o a folder", ("chart", "bars", "2004", "-o", "d.svg"), "d.svg", {"d.svg/x": ""}),
    Case(
        "chart: unknown map party",
        ("chart", "map", "2016", "--party", "Nobody", "-o", "m.svg"),
        "Nobody",
    ),
    Case(
        "chart: histogram n huge",
        ("chart", "histogram", "2016", "-n", "1000000000", "-o", "h.svg"),
        "1,000,000",
    ),
    Case("chart: unknown year", ("chart", "bars", "1999", "-o", "x.svg"), "1999"),
    # -- sql
    Case("sql: empty", ("sql", ""), "empty"),
    Case("sql: two statements", ("sql", "SELECT 1; SELECT 2"), "one statement"),
    Case("sql: a write", ("sql", "CREATE TABLE t (a INT)"), "only read"),
    Case("sql: COPY", ("sql", "COPY districts TO 'x.csv'"), "only read"),
    Case("sql: ATTACH", ("sql", "ATTACH 'x.db'"), "only read"),
    Case("sql: SET", ("sql", "SET threads = 64"), "only read"),
    Case("sql: INSTALL", ("sql", "INSTALL httpfs"), "only read"),
    Case("sql: read a file", ("sql", "SELECT * FROM read_csv('/etc/passwd')"), "SQL error"),
    Case("sql: unknown table", ("sql", "SELECT * FROM nothing"), "nothing"),
    Case("sql: syntax", ("sql", "SELEC 1"), "SQL error"),
    Case("sql: negative limit", ("sql", "SELECT 1", "--limit", "-1"), "limit"),
    Case("sql: huge limit", ("sql", "SELECT 1", "--limit", "10000000000"), "at most"),
    Case("sql: bad format", ("sql", "SELECT 1", "--format", "xml"), "xml"),
    Case(
        "sql: past the memory limit",
        ("sql", "SELECT length(string_agg(repeat('x', 1000), '')) FROM range(30000000)"),
        "memory",
    ),
    # -- rules and export
    Case("rules: unknown year", ("rules", "1999"), "1999"),
    Case("rules: missing file", ("rules", "none.toml"), "none.toml"),
    Case("export: no -o", ("export", "2016"), "-o"),
    Case("export: into a file", ("export", "2016", "-o", "f.txt"), "f.txt", {"f.txt": "x"}),
    Case("export: into a full folder", ("export", "2016", "-o", "d"), "d", {"d/x": "x"}),
    # -- serve's arguments (checked before serving)
    Case("serve: bad port", ("serve", "--port", "70000"), "port"),
    Case("serve: negative port", ("serve", "--port", "-1"), "port"),
    # -- the command itself
    Case("no command", (), ""),
    Case("unknown command", ("frobnicate",), "frobnicate"),
    Case("unknown option", ("results", "2004", "--colour"), "--colour"),
]


# -- part 2: counts folders --------------------------------------------------------------------

FOLDER = "c"
"""Where each case's counts folder is, relative to the directory the command runs in."""

Edit = Callable[[Path], None]
"""One change to a counts folder."""


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def cell(name: str, line: int, column: str, value: str) -> Edit:
    """Set one cell (``line`` as in the error messages: 1 is the header), quoted as CSV does."""

    def edit(folder: Path) -> None:
        rows = _rows(folder / name)
        rows[line - 1][rows[0].index(column)] = value
        _write_rows(folder / name, rows)

    return edit


def drop_column(name: str, column: str) -> Edit:
    def edit(folder: Path) -> None:
        rows = _rows(folder / name)
        at = rows[0].index(column)
        _write_rows(folder / name, [row[:at] + row[at + 1 :] for row in rows])

    return edit


def line_twice(name: str, line: int) -> Edit:
    def edit(folder: Path) -> None:
        lines = (folder / name).read_bytes().split(b"\n")
        lines.insert(line, lines[line - 1])
        (folder / name).write_bytes(b"\n".join(lines))

    return edit


def drop_line(name: str, line: int) -> Edit:
    def edit(folder: Path) -> None:
        lines = (folder / name).read_bytes().split(b"\n")
        del lines[line - 1]
        (folder / name).write_bytes(b"\n".join(lines))

    return edit


def header_only(name: str) -> Edit:
    def edit(folder: Path) -> None:
        text = (folder / name).read_bytes()
        (folder / name).write_bytes(text[: text.index(b"\n") + 1])

    return edit


def replace(name: str, old: str | bytes, new: str | bytes) -> Edit:
    """Replace the first ``old`` in the file's bytes (text is written as UTF-8)."""
    before = old.encode() if isinstance(old, str) else old
    after = new.encode() if isinstance(new, str) else new

    def edit(folder: Path) -> None:
        data = (folder / name).read_bytes()
        assert before in data, (name, before)
        (folder / name).write_bytes(data.replace(before, after, 1))

    return edit


def put(name: str, data: str | bytes) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)

    return edit


def drop(name: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).unlink()

    return edit


def a_folder(name: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()

    return edit


def link(name: str, target: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).symlink_to(target)

    return edit


def toml(key: str, value: str) -> Edit:
    """Set ``key = value`` in election.toml (added when it is not there)."""

    def edit(folder: Path) -> None:
        path = folder / "election.toml"
        text = path.read_text(encoding="utf-8")
        line = f"{key} = {value}"
        pattern = re.compile(rf"^{key} = .*$", re.MULTILINE)
        text = pattern.sub(line, text) if pattern.search(text) else text + line + "\n"
        path.write_text(text, encoding="utf-8")

    return edit


def both(*edits: Edit) -> Edit:
    def edit(folder: Path) -> None:
        for one in edits:
            one(folder)

    return edit


RESULTS: tuple[tuple[str, ...], tuple[str, ...]] = (("results",), ())
DISTRICT = (("district", "종로구"), ())
AUDIT = (("audit",), ())
SIMULATE = (("simulate",), ("-n", "5"))
SWING = (("swing", "Saenuri=+1"), ())
INDICES = (("indices",), ())
COMPARE = (("compare", "--rules", "2004"), ())
ARTICLE = (("article", "write"), ("-o", "article.txt"))
CHART = (("chart", "hemicycle"), ("-o", "chart.svg"))


@dataclass(frozen=True)
class CountsCase:
    """A counts folder with one thing broken, the command given it, and what the error says."""

    name: str
    edit: Edit
    says: tuple[str, ...]
    command: tuple[tuple[str, ...], tuple[str, ...]] = RESULTS

    @property
    def words(self) -> tuple[str, ...]:
        return self.says

    @property
    def argv(self) -> tuple[str, ...]:
        before, after = self.command
        return (*before, "--counts", FOLDER, *after)

    def prepare(self, where: Path, exported: Path) -> tuple[str, ...]:
        """Copy the exported folder into ``where``, break it, and return the arguments."""
        shutil.copytree(exported, where / FOLDER, symlinks=True)
        self.edit(where / FOLDER)
        return self.argv


def bad(
    name: str,
    edit: Edit,
    at: str,
    *words: str,
    command: tuple[tuple[str, ...], tuple[str, ...]] = RESULTS,
) -> CountsCase:
    """A case whose error names ``at`` (``file`` or ``file:line``) in the folder and ``words``."""
    label = " ".join(command[0])
    says = (f"{FOLDER}/{at}", *words) if at else words
    return CountsCase(f"counts, {label}: {name}", edit, says, command)


E, D, C, W = "election.toml", "districts.csv", "candidates.csv", "winners.csv"
L, T, P, S = "list_votes.csv", "list_turnout.csv", "provinces.csv", "list_shares.csv"
RULES_FILE = 'rules = "rules.toml"'
BIG = str(10**30)
JONGNO = "2016:seoul:종로구"
LAW_100 = (
    'name = "x"\ntotal_seats = 300\ndistrict_seats = 100\n[list_tier]\nformula = "proportional"\n'
)

COUNTS_CASES: list[CountsCase] = [
    # -- election.toml
    bad("election.toml missing", drop(E), E, "missing"),
    bad("election.toml not TOML", put(E, "format = \n"), E, "not valid TOML"),
    bad("election.toml empty", put(E, ""), E, "field 'format'"),
    bad("election.toml of another format", toml("format", '"csv"'), E, "field 'format'", "'csv'"),
    bad("version 2", toml("version", "2"), E, "field 'version'", "got 2", command=DISTRICT),
    bad("year as text", toml("year", '"soon"'), E, "field 'year'", "'soon'"),
    bad("year 1800", toml("year", "1800"), E, "field 'year'", "1800", command=SIMULATE),
    bad("year 10**30", toml("year", BIG), E, "field 'year'", command=SWING),
    bad("unknown key", toml("colour", '"red"'), E, "field 'colour'", "unknown key"),
    bad("a key twice", put(E, "year = 2016\nyear = 2016\n"), E, "not valid TOML"),
    bad("rules a missing file", toml("rules", '"none.toml"'), E, "field 'rules'", "none.toml"),
    bad("rules of no law", toml("rules", "2005"), E, "field 'rules'", "2005", command=AUDIT),
    bad("rules outside the folder", toml("rules", '"../r.toml"'), E, "field 'rules'", "../r.toml"),
    bad("rules true", toml("rules", "true"), E, "field 'rules'", "True"),
    bad("rules empty", toml("rules", '""'), E, "field 'rules'"),
    bad(
        "a year without a law and no rules",
        put(E, 'format = "korelect-counts"\nversion = 1\nyear = 2028\n'),
        E,
        "field 'rules'",
        "2028",
    ),
    bad("name empty", toml("name", '""'), E, "field 'name'"),
    bad("gaps a number", toml("gaps", "5"), E, "field 'gaps'"),
    bad("election.toml not UTF-8", put(E, b'format = "\xff"\n'), E, "not UTF-8"),
    bad("election.toml with a NUL byte", replace(E, "version", "\0version"), f"{E}:3", "NUL"),
    bad("a BOM in election.toml", replace(E, "version", "\ufeffversion"), E, "not valid TOML"),
    bad("election.toml 40 deep", toml("x", "[" * 40 + "]" * 40), E, "40 deep"),
    bad("election.toml a folder", a_folder(E), E, "directory"),
    bad(
        "rules.toml not TOML",
        both(toml("rules", '"rules.toml"'), put("rules.toml", "garbage")),
        "rules.toml",
        "not valid TOML",
    ),
    bad(
        "rules.toml with an unknown key",
        both(toml("rules", '"rules.toml"'), put("rules.toml", 'name = "x"\ncolour = 1\n')),
        "rules.toml",
        "field 'colour'",
    ),
    bad(
        "rules.toml empty",
        both(toml("rules", '"rules.toml"'), put("rules.toml", "")),
        "rules.toml",
        "field 'name'",
        command=COMPARE,
    ),
    bad("rules naming a CSV file", toml("rules", f'"{D}"'), D, "not valid TOML"),
    bad(
        "rules.toml of 100 district seats",
        both(toml("rules", '"rules.toml"'), put("rules.toml", LAW_100)),
        D,
        "field 'magnitude'",
        "100 district seats",
    ),
    bad("rules of 243 district seats", toml("rules", "2004"), D, "243 district seats"),
    # -- districts.csv
    bad("districts.csv missing", drop(D), D, "no such file"),
    bad("districts.csv empty", put(D, ""), f"{D}:1", "empty file"),
    bad("districts.csv header only", header_only(D), f"{D}:2", "no districts"),
    bad("districts.csv a folder", a_folder(D), D, "directory"),
    bad("districts.csv a link to /dev/zero", link(D, "/dev/zero"), D, "character device"),
    bad("unknown district column", cell(D, 1, "source", "colour"), f"{D}:1", "field 'colour'"),
    bad("no name_ko column", drop_column(D, "name_ko"), f"{D}:1", "field 'name_ko'", "missing"),
    bad("a district column twice", cell(D, 1, "source", "name_ko"), f"{D}:1", "twice"),
    bad(
        "a district twice",
        line_twice(D, 2),
        f"{D}:3",
        "field 'district_id'",
        "twice",
        command=INDICES,
    ),
    bad("an empty district_id", cell(D, 2, "district_id", ""), f"{D}:2", "must not be empty"),
    bad("unknown province", cell(D, 2, "province", "mars"), f"{D}:2", "field 'province'", "mars"),
    bad("province national", cell(D, 2, "province", "national"), f"{D}:2", "'national'"),
    bad("magnitude 0", cell(D, 2, "magnitude", "0"), f"{D}:2", "field 'magnitude'", "at least 1"),
    bad("magnitude -1", cell(D, 2, "magnitude", "-1"), f"{D}:2", "field 'magnitude'", "-1"),
    bad(
        "magnitude text",
        cell(D, 2, "magnitude", "two"),
        f"{D}:2",
        "field 'magnitude'",
        "'two'",
        command=COMPARE,
    ),
    bad("magnitude 1.0", cell(D, 2, "magnitude", "1.0"), f"{D}:2", "field 'magnitude'", "'1.0'"),
    bad("members one too many", cell(D, 2, "magnitude", "2"), D, "254 members", "253 district"),
    bad(
        "magnitude 10**30",
        cell(D, 2, "magnitude", BIG),
        f"{D}:2",
        "field 'magnitude'",
        "at most 30 digits",
        command=SIMULATE,
    ),
    bad("magnitude 1_0", cell(D, 2, "magnitude", "1_0"), f"{D}:2", "expected an integer"),
    bad("magnitude in Arabic digits", cell(D, 2, "magnitude", "١"), f"{D}:2", "an integer"),
    bad(
        "an electorate of 4,300 digits",
        cell(D, 2, "electorate", "9" * 4300),
        f"{D}:2",
        "field 'electorate'",
        "at most 30 digits (got 4,300)",
        command=(("results", "--by", "province"), ()),
    ),
    bad("valid votes of 31 digits", cell(D, 2, "valid_votes", BIG), f"{D}:2", "30 digits"),
    bad("blank first line", replace(D, "district_id,", "\ndistrict_id,"), f"{D}:1", "blank"),
    bad("electorate -5", cell(D, 2, "electorate", "-5"), f"{D}:2", "field 'electorate'"),
    bad("electorate text", cell(D, 2, "electorate", "many"), f"{D}:2", "field 'electorate'"),
    bad("uncontested maybe", cell(D, 2, "uncontested", "maybe"), f"{D}:2", "'uncontested'"),
    bad("a district row too long", replace(D, ",false,", ",false,x,"), f"{D}:2", "got 12"),
    bad("a district row too short", replace(D, ",false,", ","), f"{D}:2", "got 10"),
    bad(
        "a quoted newline in a district name",
        cell(D, 2, "name_ko", "종로\n구"),
        f"{D}:2",
        "quoted cell is not closed on its line",
        command=DISTRICT,
    ),
    bad("an unterminated quote", replace(D, ",종로구,", ',"종로구,'), f"{D}:2", "not closed"),
    bad("a quote inside a cell", replace(D, ",종로구,", ',"종로"구,'), f"{D}:2", "malformed CSV"),
    bad("districts.csv with a NUL byte", replace(D, "종로구", "종로\0구"), f"{D}:2", "NUL"),
    bad("districts.csv not UTF-8", replace(D, "종로구", b"\xff\xfe"), D, "not UTF-8"),
    bad(
        "a BOM in the districts header",
        replace(D, ",province", ",\ufeffprovince"),
        f"{D}:1",
        "field 'province'",
        "missing column",
    ),
    bad(
        "a district deleted",
        drop_line(D, 2),
        f"{C}:2",
        "field 'district_id'",
        "no district",
        command=AUDIT,
    ),
    # -- candidates.csv
    bad("candidates.csv missing", drop(C), C, "missing", command=SWING),
    bad("candidates.csv empty", put(C, ""), f"{C}:1", "empty file"),
    bad("unknown candidate column", cell(C, 1, "birth_date", "colour"), f"{C}:1", "'colour'"),
    bad("no votes column", drop_column(C, "votes"), f"{C}:1", "field 'votes'", "missing column"),
    bad("votes not a number", cell(C, 2, "votes", "many"), f"{C}:2", "field 'votes'", "'many'"),
    bad("votes -1", cell(C, 2, "votes", "-1"), f"{C}:2", "field 'votes'", "at least 0"),
    bad("votes -1", cell(C, 2, "votes", "-1"), f"{C}:2", "field 'votes'", command=AUDIT),
    bad("votes -1", cell(C, 2, "votes", "-1"), f"{C}:2", "field 'votes'", command=ARTICLE),
    bad("votes -1", cell(C, 2, "votes", "-1"), f"{C}:2", "field 'votes'", command=CHART),
    bad("votes '1,204'", cell(C, 2, "votes", "1,204"), f"{C}:2", "'1,204'", command=DISTRICT),
    bad("votes 1.5", cell(C, 2, "votes", "1.5"), f"{C}:2", "field 'votes'", "'1.5'"),
    bad("votes 1e3", cell(C, 2, "votes", "1e3"), f"{C}:2", "field 'votes'", "'1e3'"),
    bad("votes of 5,000 digits", cell(C, 2, "votes", "9" * 5000), f"{C}:2", "an integer"),
    bad("votes 10**30", cell(C, 2, "votes", BIG), f"{C}:2", "at most 30 digits (got 31)"),
    bad(
        "votes 10**16",
        cell(C, 2, "votes", str(10**16)),
        "",
        "a simulation counts at most 1,000,000,000,000,000 votes",
        command=SIMULATE,
    ),
    bad(
        "votes of 4,300 digits",
        cell(C, 2, "votes", "9" * 4300),
        f"{C}:2",
        "30 digits",
        command=AUDIT,
    ),
    bad("votes 1_000", cell(C, 2, "votes", "1_000"), f"{C}:2", "expected an integer"),
    bad("votes in Arabic digits", cell(C, 2, "votes", "٢٣"), f"{C}:2", "expected an integer"),
    bad(
        "one candidate's votes left out",
        cell(C, 2, "votes", ""),
        f"{C}:2",
        "no votes for 오세훈, while other candidates of 2016:seoul:종로구 have votes",
    ),
    bad(
        "votes left out for all candidates but one",
        both(*(cell(C, n, "votes", "") for n in range(3, 9))),
        f"{C}:3",
        "no votes for",
        command=DISTRICT,
    ),
    bad("ballot order 0", cell(C, 2, "ballot_order", "0"), f"{C}:2", "at least 1 (got 0)"),
    bad("ballot order -3", cell(C, 3, "ballot_order", "-3"), f"{C}:3", "at least 1 (got -3)"),
    bad("birth date without dashes", cell(C, 3, "birth_date", "19500926"), f"{C}:3", "YYYY"),
    bad("an unknown district", cell(C, 2, "district_id", "x"), f"{C}:2", "no district 'x'"),
    bad(
        "a ballot order twice",
        line_twice(C, 2),
        f"{C}:3",
        "field 'ballot_order'",
        "twice",
        command=SWING,
    ),
    bad("ballot order text", cell(C, 2, "ballot_order", "first"), f"{C}:2", "'ballot_order'"),
    bad(
        "a 13th month",
        cell(C, 3, "birth_date", "1950-13-26"),
        f"{C}:3",
        "field 'birth_date'",
        command=ARTICLE,
    ),
    bad("February 30", cell(C, 3, "birth_date", "1950-02-30"), f"{C}:3", "field 'birth_date'"),
    bad("birth date text", cell(C, 3, "birth_date", "yesterday"), f"{C}:3", "'yesterday'"),
    bad("an empty name", cell(C, 2, "name_ko", ""), f"{C}:2", "field 'name_ko'"),
    bad("a quoted newline in a name", cell(C, 2, "name_ko", "오세\n훈"), f"{C}:2", "not closed"),
    bad("candidates.csv with a NUL byte", replace(C, "오세훈", "오세\0훈"), f"{C}:2", "NUL"),
    bad("candidates.csv not UTF-8", replace(C, "오세훈", b"\xc3\x28"), C, "not UTF-8"),
    bad("an encoded surrogate", replace(C, "오세훈", b"\xed\xa0\x80"), C, "not UTF-8"),
    bad(
        "a BOM in the candidates header",
        replace(C, ",votes", ",\ufeffvotes"),
        f"{C}:1",
        "field 'votes'",
        command=INDICES,
    ),
    # -- winners.csv
    bad("a winner of no district", cell(W, 2, "district_id", "x"), f"{W}:2", "no district 'x'"),
    bad("no party column", drop_column(W, "party_ko"), f"{W}:1", "field 'party_ko'"),
    bad("winner's votes -1", cell(W, 2, "votes", "-1"), f"{W}:2", "field 'votes'"),
    bad("vote_pct text", cell(W, 2, "vote_pct", "abc"), f"{W}:2", "field 'vote_pct'"),
    bad("vote_pct nan", cell(W, 2, "vote_pct", "nan"), f"{W}:2", "field 'vote_pct'"),
    bad(
        "winner's birth date",
        cell(W, 2, "birth_date", "1950-09-31"),
        f"{W}:2",
        "field 'birth_date'",
        command=ARTICLE,
    ),
    bad("a winner without a name", cell(W, 2, "name_ko", ""), f"{W}:2", "field 'name_ko'"),
    bad(
        "two winners of a single-member district",
        both(line_twice(W, 2), cell(W, 3, "name_ko", "홍길동")),
        f"{W}:3",
        "one declared winner too many",
        "elects 1 member",
        command=AUDIT,
    ),
    bad("vote_pct 150", cell(W, 2, "vote_pct", "150"), f"{W}:2", "from 0 to 100"),
    bad("vote_pct 1e999999", cell(W, 2, "vote_pct", "1e999999"), f"{W}:2", "decimal number"),
    bad(
        "no candidates and no winners",
        both(header_only(C), drop(W)),
        C,
        "no candidates for 2016:seoul:종로구",
        "and 250 more",
        command=DISTRICT,
    ),
    bad("winners.csv empty", put(W, ""), f"{W}:1", "empty file", command=DISTRICT),
    # -- list_votes.csv
    bad(
        "list votes of an unknown province",
        cell(L, 2, "province", "mars"),
        f"{L}:2",
        "field 'province'",
        "'mars'",
        command=SIMULATE,
    ),
    bad("a party twice in a province", line_twice(L, 2), f"{L}:3", "field 'party_ko'", "twice"),
    bad("list votes empty", cell(L, 2, "votes", ""), f"{L}:2", "field 'votes'", command=INDICES),
    bad("list votes -1", cell(L, 2, "votes", "-1"), f"{L}:2", "field 'votes'", command=SWING),
    bad(
        "a level column",
        replace(L, "party_ko,votes\n", "party_ko,votes,level\n"),
        f"{L}:1",
        "field 'level'",
    ),
    bad("a list party without a name", cell(L, 2, "party_ko", ""), f"{L}:2", "'party_ko'"),
    bad("list votes missing", drop(L), L, "no list votes", "47 seats"),
    bad("list votes header only", header_only(L), L, "no list votes", command=SWING),
    bad("list votes of 4,300 digits", cell(L, 2, "votes", "9" * 4300), f"{L}:2", "30 digits"),
    bad("a province's list turnout twice", line_twice(T, 2), f"{T}:3", "seoul appears twice"),
    # -- list_turnout.csv
    bad("turnout for national", cell(T, 2, "province", "national"), f"{T}:2", "'national'"),
    bad("turnout -1", cell(T, 2, "electorate", "-1"), f"{T}:2", "field 'electorate'"),
    bad("turnout text", cell(T, 2, "valid_votes", "lots"), f"{T}:2", "field 'valid_votes'"),
    bad("no abstentions column", drop_column(T, "abstentions"), f"{T}:1", "'abstentions'"),
    # -- provinces.csv and list_shares.csv, added
    bad("seoul again", put(P, "code,name_ko,name_en\nseoul,서울,Seoul\n"), f"{P}:2", "already"),
    bad("no name_en column", put(P, "code,name_ko\nmars,화성\n"), f"{P}:1", "field 'name_en'"),
    bad("an empty name_en", put(P, "code,name_ko,name_en\nmars,화성,\n"), f"{P}:2", "'name_en'"),
    bad(
        "a new province twice",
        put(P, "code,name_ko,name_en\nmars,화성,Mars\nmars,화성,Mars\n"),
        f"{P}:3",
        "field 'code'",
    ),
    bad(
        "a share of 120%",
        put(S, "party_ko,pct\n새누리당,120\n"),
        f"{S}:2",
        "0 to 100",
        command=CHART,
    ),
    bad("a share of nan", put(S, "party_ko,pct\n새누리당,nan\n"), f"{S}:2", "field 'pct'"),
    bad("a share of -1", put(S, "party_ko,pct\n새누리당,-1\n"), f"{S}:2", "field 'pct'"),
    bad("a share without a party", put(S, "party_ko,pct\n,5\n"), f"{S}:2", "'party_ko'"),
]


# -- part 3: HTTP requests ---------------------------------------------------------------------


@dataclass(frozen=True)
class Req:
    """A bad request, the status it must get and what its one message must say.

    ``kind`` is what the answer's body must be: ``json`` (``{"detail", "status"}``, the API's),
    ``html`` (a page with one error message), ``text`` (uvicorn's one line for a request HTTP
    cannot parse) or ``none`` (the answer to HEAD); by default, ``json`` under ``/api`` and
    ``html`` elsewhere. ``raw`` is sent as it is, in place of the request built from the rest.
    """

    name: str
    target: str
    status: int
    says: str = ""
    method: str = "GET"
    headers: tuple[str, ...] = ()
    body: bytes = b""
    raw: bytes | None = None
    kind: str = ""
    also: tuple[int, ...] = ()
    """uvicorn's statuses allowed instead (its one line, not ``says``), where which of it and the
    application answers depends on how the bytes arrive."""

    @property
    def body_kind(self) -> str:
        if self.kind:
            return self.kind
        if self.method == "HEAD":
            return "none"
        return "json" if self.target.startswith(("/api", "/openapi.json")) else "html"

    def data(self) -> bytes:
        if self.raw is not None:
            return self.raw
        head = [
            f"{self.method} {self.target} HTTP/1.1",
            "Host: 127.0.0.1",
            "Connection: close",
            *self.headers,
        ]
        return ("\r\n".join(head) + "\r\n\r\n").encode() + self.body


def unparsable(name: str, raw: bytes) -> Req:
    """A request HTTP/1.1 cannot parse: uvicorn answers 400 itself and closes."""
    return Req(name, "", 400, "Invalid HTTP request", raw=raw, kind="text")


YEARS = "known years"
WHATIF = "/api/elections/2004/whatif?"
SIM = "/api/elections/2020/simulate?"
MANY = "&".join(f"p{i}=1" for i in range(65))
LINE = b"GET /api/elections/2004 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"

REQUESTS: list[Req] = [
    # -- years
    Req("api: year 1999", "/api/elections/1999", 404, YEARS),
    Req("api: year as text", "/api/elections/twenty", 404, YEARS),
    Req("api: year with a leading zero", "/api/elections/02004", 404, YEARS),
    Req("api: year 2004.0", "/api/elections/2004.0", 404, YEARS),
    Req("api: year -2004", "/api/elections/-2004/indices", 404, YEARS),
    Req("api: year of 300 digits", "/api/elections/" + "9" * 300, 404, YEARS),
    Req("api: year not UTF-8", "/api/elections/%ff", 404, YEARS),
    Req("api: what-if of 1999", "/api/elections/1999/whatif", 404, YEARS),
    Req("api: audit of 1999", "/api/elections/1999/audit", 404, YEARS),
    Req("api: allocation of abcd", "/api/elections/abcd/allocation", 404, YEARS),
    Req("api: simulation of 1999", "/api/elections/1999/simulate?n=10", 404, YEARS),
    Req("page: year 1999", "/elections/1999", 404, YEARS),
    Req("page: simulation of 9999", "/elections/9999/simulate", 404, YEARS),
    Req("page: what-if of twenty", "/elections/twenty/whatif", 404, YEARS),
    # -- districts and names
    Req("api: unknown district", "/api/elections/2004/districts/nowhere", 404, "no district"),
    Req("page: unknown district", "/elections/2016/districts/nowhere", 404, "no district"),
    Req("api: district not UTF-8", "/api/elections/2004/districts/%ff%fe", 404, "no district"),
    Req("api: district NUL", "/api/elections/2004/districts/%00", 404, "no district"),
    Req("api: district ..", "/api/elections/2004/districts/%2e%2e", 404, "no district '..'"),
    Req(
        "api: district of 150 characters",
        "/api/elections/2004/districts/" + "%EA%B0%80" * 150,
        400,
        "at most 100 characters",
    ),
    Req("api: search of 150", "/api/elections/2004/districts?q=" + "a" * 150, 422, "at most 100"),
    Req("page: search of 101", "/elections/2004?q=" + "a" * 101, 422, "at most 100"),
    Req("page: unknown map party", "/elections/2004?party=nobody", 404, "no party 'nobody'"),
    Req("page: map party not UTF-8", "/elections/2004?party=%ff", 404, "no party"),
    Req("page: map party NUL", "/elections/2004?party=%00", 404, "no party"),
    # -- the request line's bounds
    Req("api: query of 5,000 bytes", "/api/elections/2004?q=" + "a" * 5000, 414, "query string"),
    Req("api: path of 2,000 bytes", "/api/" + "a" * 2000, 414, "path is longer"),
    Req("page: 65 parameters", "/elections/2004?" + MANY, 400, "more than 64 query parameters"),
    Req("api: 65 parameters", WHATIF + MANY, 400, "more than 64 query parameters"),
    Req("api: by county", "/api/elections/2004?by=county", 422, "'^province$'"),
    Req(
        "api: merge_satellites maybe",
        "/api/elections/2004/indices?merge_satellites=maybe",
        422,
        "merge_satellites: Input should be a valid boolean",
    ),
    Req("api: appointed 2", "/api/elections/2004/indices?appointed=2", 422, "appointed"),
    # -- what-if parameters
    Req("what-if: votes -5", WHATIF + "v.uri=-5", 400, "votes for 'uri'"),
    Req("what-if: votes 10**30", WHATIF + f"v.uri={10**30}", 400, "votes for 'uri'"),
    Req("what-if: votes text", WHATIF + "v.uri=abc", 400, "votes for 'uri'"),
    Req("what-if: votes nan", WHATIF + "v.uri=nan", 400, "votes for 'uri'"),
    Req("what-if: votes empty", WHATIF + "v.uri=", 400, "votes for 'uri'"),
    Req("what-if: votes past a billion", WHATIF + "v.uri=99999999999", 400, "at most"),
    Req("what-if: unknown party", WHATIF + "v.nobody=5", 404, "no party 'nobody'"),
    Req("what-if: party not UTF-8", WHATIF + "v.%ff=5", 404, "no party"),
    Req("what-if: party empty", WHATIF + "v.=5", 404, "no party ''"),
    Req("what-if: rules 1999", WHATIF + "rules=1999", 400, YEARS),
    Req("what-if: rules not UTF-8", WHATIF + "rules=%ff", 400, YEARS),
    Req("what-if: rules of 5 characters", WHATIF + "rules=20240", 422, "at most 4 characters"),
    Req("what-if: list seats 601", WHATIF + "list_seats=601", 400, "from 0 to 600"),
    Req("what-if: list seats -5", WHATIF + "list_seats=-5", 400, "list_seats"),
    Req("what-if: list seats of 11 digits", WHATIF + "list_seats=12345678901", 422, "at most 10"),
    Req("what-if: unknown method", WHATIF + "method=magic", 400, "(got 'magic')"),
    Req("what-if: method NUL", WHATIF + "method=%00", 400, "method: expected one of"),
    Req("what-if: unknown tie rule", WHATIF + "ties=coin", 400, "ties: expected one of"),
    Req("what-if: cap -1", WHATIF + "cap=-1", 400, "cap: expected a whole number"),
    Req("what-if: cap without a cap", WHATIF + "cap=10", 400, "only the linked formula"),
    Req("what-if: threshold in parsecs", WHATIF + "threshold=3%20parsecs", 400, "threshold"),
    Req("what-if: threshold NUL", WHATIF + "threshold=%00", 400, "cannot read '\\x00'"),
    Req("what-if: threshold of 61", WHATIF + "threshold=" + "3" * 61, 422, "at most 60"),
    Req("what-if: unknown parameter", WHATIF + "colour=red", 400, "unknown parameter 'colour'"),
    Req(
        "what-if: list seats where the law has none",
        "/api/elections/1948/whatif?list_seats=600",
        400,
        "has no seats",
    ),
    Req(
        "what-if: a method where no list is",
        "/api/elections/1948/whatif?method=hare",
        400,
        "unknown rules field 'method'",
    ),
    Req(
        "what-if: votes for the appointed bloc",
        "/api/elections/1973/whatif?v.yujeonghoe=1000",
        400,
        "appointed bloc",
    ),
    Req("what-if page: votes -5", "/elections/2004/whatif?v.uri=-5", 400, "votes for 'uri'"),
    Req("what-if page: list seats 601", "/elections/2004/whatif?list_seats=601", 400, "600"),
    Req("what-if page: cap without a cap", "/elections/2004/whatif?cap=10", 400, "linked"),
    # -- simulation parameters
    Req("simulate: n 2001", SIM + "n=2001", 422, "less than or equal to 2000"),
    Req("simulate: n 0", SIM + "n=0", 422, "greater than or equal to 1"),
    Req("simulate: n 1e3", SIM + "n=1e3", 422, "valid integer"),
    Req("simulate: n empty", SIM + "n=", 422, "valid integer"),
    Req("simulate: n NUL", SIM + "n=%00", 422, "valid integer"),
    Req("simulate: sd -1", SIM + "national_sd=-1", 422, "national_sd"),
    Req("simulate: sd 1e308", SIM + "national_sd=1e308", 422, "less than or equal to 0.5"),
    Req("simulate: sd NaN", SIM + "district_sd=NaN", 422, "district_sd"),
    Req("simulate: sd inf", SIM + "list_sd=inf", 422, "list_sd"),
    Req("simulate: sd -inf", SIM + "regional_sd=-inf", 422, "regional_sd"),
    Req("simulate: sd in hexadecimal", SIM + "district_sd=0x1p-2", 422, "valid number"),
    Req("simulate: seed text", SIM + "seed=abc", 422, "seed: Input should be a valid integer"),
    Req("simulate: seed 2**32", SIM + "seed=4294967296", 422, "less than or equal to 4294967295"),
    Req(
        "simulate: seed -1",
        SIM + "seed=-1",
        422,
        "seed: Input should be greater than or equal to 0",
    ),
    Req("simulate: rules abc", SIM + "n=10&rules=abc", 404, YEARS),
    Req("simulate: rules 2005", SIM + "n=10&rules=2005", 404, YEARS),
    Req("simulate: rules with no list", SIM + "n=1&rules=1963", 400, "no qualifying party"),
    Req("simulate page: n 0", "/elections/2020/simulate?n=0", 422, "greater than or equal"),
    Req("simulate page: sd nan", "/elections/2020/simulate?list_sd=nan", 422, "list_sd"),
    Req("simulate page: rules 1999", "/elections/2020/simulate?rules=1999", 404, YEARS),
    # -- routes and static files
    Req("api: unknown route", "/api/nothing", 404, "no page at '/api/nothing'"),
    Req("page: unknown route", "/nothing", 404, "no page"),
    Req("api: /api itself", "/api", 404, "no page"),
    Req("page: under an election", "/elections/2004/nothing", 404, "no page"),
    Req("api: under a district", "/api/elections/2004/districts/x/y", 404, "no page"),
    Req("api: under openapi.json", "/openapi.json/x", 404, "no page"),
    Req("static: the folder", "/static/", 404, "no page"),
    Req("static: encoded traversal", "/static/..%2F..%2Fetc%2Fpasswd", 404, "no page at"),
    Req("static: traversal", "/static/../../etc/passwd", 404, "no page at"),
    Req("static: the app's source", "/static/app.py", 404, "no such static file"),
    Req("static: encoded dots", "/static/%2e%2e%2fapp.py", 404, "no page at"),
    Req("page: a double slash", "//etc/passwd", 404, "no page"),
    # -- methods
    Req("method: POST", "/api/elections/2004", 405, "Method Not Allowed", method="POST"),
    Req("method: PUT", "/api/elections/2004", 405, "Method Not Allowed", method="PUT"),
    Req("method: DELETE", "/api/elections/2004", 405, "Method Not Allowed", method="DELETE"),
    Req("method: PATCH", "/elections/2004", 405, "Method Not Allowed", method="PATCH"),
    Req("method: OPTIONS", "/api/elections", 405, "Method Not Allowed", method="OPTIONS"),
    Req("method: TRACE", "/", 405, "Method Not Allowed", method="TRACE"),
    Req("method: HEAD of a page of 1999", "/elections/1999", 404, method="HEAD"),
    Req("method: HEAD of the API of 1999", "/api/elections/1999", 404, method="HEAD"),
    # -- bodies and headers
    Req(
        "a body on a GET",
        "/api/elections/2004",
        413,
        "request body",
        headers=("Content-Length: 5",),
        body=b"hello",
    ),
    Req(
        "a POST of a gigabyte announced",
        "/api/elections/2004",
        413,
        "request body",
        method="POST",
        headers=("Content-Length: 1000000000",),
    ),
    Req(
        "a Content-Length of 20 digits",
        "/api/elections/2004",
        413,
        "request body",
        headers=("Content-Length: 99999999999999999999",),
    ),
    Req(
        "a chunked body",
        "/elections/2004",
        413,
        "request body",
        headers=("Transfer-Encoding: chunked",),
        body=b"5\r\nhello\r\n0\r\n\r\n",
    ),
    Req(
        "Expect: 100-continue",
        "/api/elections/2004",
        413,
        "request body",
        headers=("Expect: 100-continue", "Content-Length: 10"),
    ),
    Req(
        "120 headers",
        "/api/elections/2004",
        431,
        "more than 100 request headers",
        headers=tuple(f"X-{i}: v" for i in range(120)),
    ),
    Req(
        "headers of 17 kB",
        "/api/elections/2004",
        431,
        "longer than 16384 bytes",
        headers=("X-Long: " + "a" * 15000, "X-Longer: " + "a" * 2000),
        also=(400,),
    ),
    unparsable("a negative Content-Length", LINE + b"Content-Length: -1\r\n\r\n"),
    unparsable("two Content-Lengths", LINE + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\n"),
    unparsable("a NUL in a header", LINE + b"X-Bad: a\0b\r\n\r\n"),
    unparsable("a space in a header name", LINE + b"Bad Header: x\r\n\r\n"),
    unparsable("two Host headers", LINE + b"Host: other\r\n\r\n"),
    unparsable("no Host header", b"GET /api/elections/2004 HTTP/1.1\r\n\r\n"),
    unparsable(
        "a NUL in the query",
        b"GET /api/elections/2004/districts?q=a\0b HTTP/1.1\r\nHost: x\r\n\r\n",
    ),
    unparsable(
        "a path not UTF-8", b"GET /api/elections/2004/districts/\xff HTTP/1.1\r\nHost: x\r\n\r\n"
    ),
    unparsable(
        "a path in Arabic digits", "GET /api/elections/٢٠٠٤ HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    ),
    unparsable("a method with @", b"G@T /api/elections/2004 HTTP/1.1\r\nHost: x\r\n\r\n"),
    unparsable("HTTP/0.9", b"GET /api/elections/2004\r\n\r\n"),
    unparsable("a TLS handshake", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + b"\0" * 40),
    Req(
        "HTTP/1.0 for 1999",
        "/api/elections/1999",
        404,
        YEARS,
        raw=b"GET /api/elections/1999 HTTP/1.0\r\n\r\n",
    ),
]


# -- running a command line or a counts folder -------------------------------------------------

CommandCase = Case | CountsCase
COMMAND_CASES: list[CommandCase] = [*CASES, *COUNTS_CASES]
"""Parts 1 and 2: everything run as a command line."""


def export_2016(where: Path) -> Path:
    """2016's counts as ``korelect export 2016`` writes them: what every counts case breaks."""
    folder = where / "2016"
    korelect.write_counts(korelect.counts_of(2016), folder)
    return folder


def run_main(argv: Sequence[str]) -> tuple[int, str, str]:
    """Run the command line in this process: exit status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exit_:  # argparse's own refusals
            status = exit_.code if isinstance(exit_.code, int) else 1
    return status, out.getvalue(), err.getvalue()


def refusal(status: int, out: str, err: str) -> str:
    """The error line of a refused command line, checked: status 2, one line, no output."""
    assert status == 2, (status, out[:2000], err[:2000])
    assert out == ""
    lines = err.strip("\n").splitlines()
    usage = lines[:-1] and lines[0].startswith("usage:")  # argparse prints its usage first
    last = lines[-1] if lines else ""
    assert len(lines) == 1 or usage, err
    assert last.startswith("korelect: error:"), err
    return last


def _listing(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_2016(tmp_path_factory.mktemp("export"))


def test_the_catalogue_is_large_and_its_names_unique() -> None:
    assert len(CASES) >= 150
    assert len(COUNTS_CASES) >= 40
    assert len(REQUESTS) >= 50
    names = [c.name for c in COMMAND_CASES] + [r.name for r in REQUESTS]
    assert len(names) >= 240
    assert len(set(names)) == len(names), [n for n in names if names.count(n) > 1]


@pytest.mark.parametrize("case", COMMAND_CASES, ids=[c.name for c in COMMAND_CASES])
def test_every_bad_input_is_one_error_line_and_status_2(
    case: CommandCase, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = case.prepare(tmp_path, exported)
    monkeypatch.chdir(tmp_path)
    before = _listing(tmp_path)
    last = refusal(*run_main(argv))
    for word in case.words:
        assert word in last, (word, last)
    assert _listing(tmp_path) == before  # nothing written, nothing half-written


# -- the same catalogue in one child process, bounded in time and memory -----------------------


class Overrun(BaseException):
    """A case past :data:`CASE_SECONDS` (raised by the child's timer, caught by nothing else)."""


def _overrun(signum: int, frame: FrameType | None) -> None:
    raise Overrun


def _memory(pid: int | str, field: str) -> int:
    """A figure of Linux's /proc/PID/status (``VmRSS``, ``VmHWM``: the peak), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def _peak_rss() -> int:
    """This process's largest resident memory so far, in bytes.

    Linux's ``VmHWM`` where there is a /proc: ``getrusage``'s ``ru_maxrss`` keeps, across
    ``exec``, the peak of the process that started this one (pytest's, here).
    """
    if Path("/proc/self/status").exists():
        return _memory("self", "VmHWM")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def run_catalogue(work: Path, report: TextIO) -> None:
    """Run every command case in this process, each under a timer; report each as a JSON line.

    The line has the case's name, exit status (-1: past its time, -2: an exception escaped),
    standard output and error, seconds, and this process's largest resident memory so far.
    """
    exported = export_2016(work)
    home = Path.cwd()
    signal.signal(signal.SIGALRM, _overrun)
    for number, case in enumerate(COMMAND_CASES):
        where = work / str(number)
        where.mkdir()
        argv = case.prepare(where, exported)
        os.chdir(where)
        start = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
        try:
            status, out, err = run_main(argv)
        except Overrun:
            status, out, err = -1, "", f"past {CASE_SECONDS:g} s"
        except Exception as exc:  # noqa: BLE001  (a crash is reported, and the next case runs)
            status, out, err = -2, "", f"{type(exc).__name__}: {exc}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            os.chdir(home)
        seconds = time.monotonic() - start
        max_rss = _peak_rss()
        row = {"name": case.name, "status": status, "out": out, "err": err}
        report.write(json.dumps({**row, "seconds": seconds, "max_rss": max_rss}) + "\n")
        report.flush()
        shutil.rmtree(where, ignore_errors=True)


CHILD = """
import importlib.util, resource, sys
from pathlib import Path
limit = int(sys.argv[4])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
spec = importlib.util.spec_from_file_location("campaign", sys.argv[1])
campaign = importlib.util.module_from_spec(spec)
sys.modules["campaign"] = campaign
spec.loader.exec_module(campaign)
with open(sys.argv[3], "w", encoding="utf-8") as report:
    campaign.run_catalogue(Path(sys.argv[2]), report)
"""


def test_the_whole_catalogue_runs_bounded_in_one_child(tmp_path: Path) -> None:
    work, report = tmp_path / "work", tmp_path / "report.jsonl"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, __file__, str(work), str(report), str(CHILD_MEMORY)],
        cwd=tmp_path,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [row["name"] for row in rows] == [case.name for case in COMMAND_CASES]
    failures = []
    for row, case in zip(rows, COMMAND_CASES, strict=True):
        try:
            assert row["seconds"] < CASE_SECONDS, f"took {row['seconds']:.1f} s"
            assert row["max_rss"] < CHILD_RSS, f"resident memory reached {row['max_rss']:,} bytes"
            last = refusal(row["status"], row["out"], row["err"])
            assert all(word in last for word in case.words), (case.words, last)
        except AssertionError as exc:
            failures.append(f"{case.name}: {exc}")
    assert not failures, "\n".join(failures)


# -- HTTP: a real server, each request answered in time -----------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ask(port: int, request: Req) -> Answer:
    """Send the request on a new connection; read the answer until the server closes it."""
    start = time.monotonic()
    deadline = start + HTTP_SECONDS
    data = b""
    with socket.create_connection(("127.0.0.1", port), timeout=HTTP_SECONDS) as sock:
        with contextlib.suppress(OSError):  # the server may answer and close before reading all
            sock.sendall(request.data())
        while (left := deadline - time.monotonic()) > 0:
            sock.settimeout(left)
            try:
                chunk = sock.recv(65536)
            except OSError:  # a reset after the answer, or no answer in time
                break
            if not chunk:
                break
            data += chunk
    seconds = time.monotonic() - start
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers and request.method != "HEAD":
        body = body[: int(headers["content-length"])]
    return Answer(status, headers, body, seconds)


def message(answer: Answer, kind: str) -> str:
    """The answer's one message, checked to be of its ``kind``."""
    media = answer.headers.get("content-type", "")
    if kind == "none":
        assert answer.body == b""
        return ""
    assert answer.headers.get("x-content-type-options") == "nosniff"
    assert answer.headers.get("content-security-policy", "").startswith("default-src 'none'")
    if kind == "text":
        assert media.startswith("text/plain"), media
        text = answer.body.decode("utf-8")
        assert text.strip(), text
        assert "\n" not in text.strip(), text
        return text
    if kind == "json":
        assert media.startswith("application/json"), media
        record = json.loads(answer.body)
        assert set(record) == {"detail", "status"}, record
        assert record["status"] == answer.status
        detail = record["detail"]
        assert isinstance(detail, str), detail
        assert detail.strip(), record
        assert "\n" not in detail, detail
        return detail
    assert kind == "html", kind
    assert media.startswith("text/html"), media
    page = answer.body.decode("utf-8")
    found = re.findall(r'<p class="error" id="error-message">(.*?)</p>', page, re.DOTALL)
    assert len(found) == 1, page[:2000]
    text = html.unescape(found[0])
    assert text.strip(), page[:2000]
    return text


SERVE = """
import resource, sys
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from korelect import cli
sys.exit(cli.main(["serve", "--port", sys.argv[1]]))
"""
"""``korelect serve`` under its memory limit, set before anything is imported."""


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen[bytes]


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port), str(SERVER_MEMORY)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"korelect serve exited with status {process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("korelect serve did not start within 60 s")
                time.sleep(0.1)
        yield Server(port, process)
    finally:
        _stop(process)


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.name for r in REQUESTS])
def test_every_bad_request_is_one_clear_4xx_in_time(server: Server, request_: Req) -> None:
    answer = ask(server.port, request_)
    assert answer.seconds < HTTP_SECONDS, answer
    assert answer.status in (request_.status, *request_.also), answer
    if answer.status in request_.also:  # uvicorn answered before the application saw it
        message(answer, "text")
        return
    text = message(answer, request_.body_kind)
    assert request_.says in text, (request_.says, text)


def test_the_server_outlives_the_catalogue_in_bounded_memory(server: Server) -> None:
    for request_ in REQUESTS:  # all of them (again, if the test above ran first)
        assert 400 <= ask(server.port, request_).status < 500, request_.name
    assert server.process.poll() is None
    assert ask(server.port, Req("the elections", "/api/elections", 200)).status == 200
    if not Path(f"/proc/{server.process.pid}/status").exists():
        pytest.skip("reads the server's memory from Linux's /proc")
    assert _memory(server.process.pid, "VmRSS") < SERVER_RSS
    assert _memory(server.process.pid, "VmHWM") < SERVER_RSS


# -- more than one line's worth ------------------------------------------------------------------


def test_counts_past_a_simulation_s_arithmetic_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "c"
    assert main(["export", "2016", "-o", str(folder)]) == 0
    capsys.readouterr()
    rows = (folder / "candidates.csv").read_text(encoding="utf-8").splitlines()
    head = rows[0].split(",")
    cells = rows[1].split(",")
    cells[head.index("votes")] = str(10**16)
    rows[1] = ",".join(cells)
    (folder / "candidates.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["simulate", "--counts", str(folder), "-n", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("korelect: error: a simulation counts at most 1,000,000,000,000,000")
    assert len(err.splitlines()) == 1


def test_running_out_of_memory_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import korelect.cli.results as command

    def exhausted(*_: object) -> None:
        raise MemoryError

    monkeypatch.setattr(command, "run_results", exhausted)
    assert main(["results", "2004"]) == 2
    assert capsys.readouterr().err == (
        "korelect: error: out of memory: the input or the result is too large for this machine\n"
    )
