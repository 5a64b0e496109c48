"""The bad-input campaign (issue 12): a catalogue of what a user may type, each refused cleanly.

Every case is a command line, with the files it names written first. Each must end with
exit status 2, exactly one line on standard error that starts ``korelect: error:`` (and
says what the case's ``says`` names), nothing on standard output, and no file written.

The catalogue runs in-process (``korelect.cli.main``), so it stays fast; the cases that
need a real process, a resource limit or a device (FIFOs, /dev/zero, /dev/full, closed
pipes, huge files, deep nesting) are in ``tests/test_inputs_bounded.py``, each in a
subprocess under a time and memory bound, and the web server's in
``tests/test_web_soak.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from korelect.cli import main

HEADER = "party,votes,district_seats,kind\n"
GOOD_CSV = HEADER + "A,600,150,party\nB,400,93,party\n"
PROPORTIONAL = '[list_tier]\nformula = "proportional"\n'


@dataclass(frozen=True)
class Case:
    """One bad input: the arguments, the files they need, and a word the error must say."""

    name: str
    argv: tuple[str, ...]
    says: str
    files: dict[str, str] = field(default_factory=dict)


def csv_case(name: str, text: str, says: str, *extra: str) -> Case:
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


def counts_case(cmd: str, folder: str, says: str, files: dict[str, str] | None = None) -> Case:
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
    csv_case("csv: not UTF-8", "", "in.csv"),
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


def _write(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == "in.csv" and text == "":
            path.write_bytes(b"")
        else:
            path.write_text(text, encoding="utf-8")


def test_the_catalogue_is_large_and_its_names_unique() -> None:
    assert len(CASES) >= 150
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_bad_input_is_one_error_line_and_status_2(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _write(tmp_path, case.files)
    if case.name == "csv: not UTF-8":
        (tmp_path / "in.csv").write_bytes(HEADER.encode() + b"\xff\xfe,5,243,party\n")
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    try:
        status = main(list(case.argv))
    except SystemExit as exit_:  # argparse's own refusals
        status = exit_.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert status == 2, (status, out, err)
    assert out == ""
    lines = err.strip("\n").splitlines()
    usage = lines[:-1] and lines[0].startswith("usage:")  # argparse prints its usage first
    last = lines[-1] if lines else ""
    assert len(lines) == 1 or usage, err
    assert last.startswith("korelect: error:"), err
    assert case.says in last, (case.says, last)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert after == before  # nothing written, nothing half-written


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
