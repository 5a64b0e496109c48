"""The ``korelect`` command line: output of each command, and one clear error line for bad input.

Most tests call :func:`korelect.cli.main` in-process; a few run the installed
command in a subprocess to check what a user really sees (exit status, no
traceback, byte-identical output across interpreter runs).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import korelect
from korelect.cli import main

ROOT = Path(__file__).parents[1]
GOLDEN = ROOT / "tests" / "golden"
YEARS = (1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024)


def _expected() -> dict[int, list[dict[str, str]]]:
    rows: dict[int, list[dict[str, str]]] = defaultdict(list)
    with (GOLDEN / "expected.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[int(row["year"])].append(row)
    return dict(rows)


EXPECTED = _expected()


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run ``korelect ARGV`` in-process; return (status, stdout, stderr)."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    """Run a command that must succeed; return its stdout."""
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    return out


def error_line(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    """Run a command that must fail as a user error; return its one stderr line."""
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    assert err.startswith("korelect: error: ")
    assert "Traceback" not in err
    return err.rstrip("\n")


def cli(*argv: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m korelect ARGV`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "korelect", *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def table_row(table: str, label: str) -> list[str]:
    """The District, List and Total cells of the table row labelled ``label``."""
    rows = [line for line in table.splitlines() if re.match(rf"{re.escape(label)}\s{{2,}}", line)]
    assert len(rows) == 1, (label, table)
    return rows[0].split()[-3:]


# -- allocate: the table -----------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_table_has_the_official_seats(capsys: pytest.CaptureFixture[str], year: int) -> None:
    out = ok(capsys, "allocate", GOLDEN / f"{year}.csv", "--rules", str(year))
    rules = korelect.rules_for(year)
    assert out.startswith(rules.name + "\n")
    for row in EXPECTED[year]:
        cells = [row["district_seats"], row["list_seats"], row["total_seats"]]
        assert table_row(out, row["party"]) == cells
    total = [str(rules.district_seats), str(rules.list_seats), str(rules.total_seats)]
    assert table_row(out, "Total") == total
    for header in ("Party", "Votes", "%", "District", "List", "Total"):
        assert header in out.splitlines()[2]


def test_table_shows_other_parties_without_seats(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "2004")
    (line,) = [x for x in out.splitlines() if x.startswith("(other parties)")]
    assert line.split()[-2:] == ["522,053", "2.45%"]
    assert "8,145,824" in out
    assert "38.27%" in out


def test_rules_year_may_have_spaces(capsys: pytest.CaptureFixture[str]) -> None:
    assert ok(capsys, "allocate", GOLDEN / "2004.csv", "--rules", " 2004 ") == ok(
        capsys, "allocate", GOLDEN / "2004.csv", "--rules", "2004"
    )


def test_quoted_thousands_bom_and_blank_lines_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "in.csv",
        '\ufeffparty,votes,district_seats,kind\n"A","8,145,824",240,\n\nB,100,3,PARTY\n\n',
    )
    data = json.loads(ok(capsys, "allocate", path, "--rules", "2004", "--json"))
    a, b = data["parties"]
    assert (a["party"], a["votes"], a["kind"]) == ("A", 8145824, "party")
    assert (b["party"], b["votes"], b["kind"]) == ("B", 100, "party")


# -- allocate --json -----------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_json_matches_the_official_seats(capsys: pytest.CaptureFixture[str], year: int) -> None:
    data = json.loads(
        ok(capsys, "allocate", GOLDEN / f"{year}.csv", "--rules", str(year), "--json")
    )
    rules = korelect.rules_for(year)
    assert data["rules"] == rules.name
    assert data["total_seats"] == rules.total_seats
    with (GOLDEN / f"{year}.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] != "other"]
    assert [p["party"] for p in data["parties"]] == [r["party"] for r in rows]
    seats = {
        p["party"]: [str(p["district_seats"]), str(p["list_seats"]), str(p["total_seats"])]
        for p in data["parties"]
    }
    for row in EXPECTED[year]:
        assert seats[row["party"]] == [row["district_seats"], row["list_seats"], row["total_seats"]]
    assert sum(p["total_seats"] for p in data["parties"]) == rules.total_seats
    assert sum(p["list_seats"] for p in data["parties"]) == rules.list_seats
    for party, row in zip(data["parties"], rows, strict=True):
        assert party["kind"] == row["kind"]
        assert party["votes"] == int(row["votes"])
        assert party["total_seats"] == party["district_seats"] + party["list_seats"]
    assert "explanation" not in data


def test_json_2004(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "2004", "--json"))
    assert data["rules"] == "17th National Assembly election (2004)"
    assert data["total_seats"] == 299
    uri = data["parties"][0]
    assert uri == uri | {
        "party": "Uri Party",
        "kind": "party",
        "votes": 8145824,
        "district_seats": 129,
        "list_seats": 23,
        "total_seats": 152,
    }
    independents = data["parties"][-1]
    assert independents == independents | {
        "party": "Independents",
        "kind": "independent",
        "votes": 0,
        "district_seats": 2,
        "list_seats": 0,
        "total_seats": 2,
    }
    assert "Other parties" not in [p["party"] for p in data["parties"]]


def test_json_2024(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok(capsys, "allocate", GOLDEN / "2024.csv", "--rules", "2024", "--json"))
    parties = {p["party"]: p for p in data["parties"]}
    da = parties["Democratic Alliance of Korea (DP satellite)"]
    assert (da["district_seats"], da["list_seats"], da["total_seats"]) == (0, 14, 14)
    assert parties["Democratic Party of Korea"]["list_seats"] == 0
    assert parties["New Reform Party"]["total_seats"] == 3
    assert data["total_seats"] == 300


def test_json_is_utf8_not_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "ko.csv", "party,votes,district_seats\n열린우리당,10,243\n")
    out = ok(capsys, "allocate", path, "--rules", "2004", "--json")
    assert "열린우리당" in out
    assert json.loads(out)["parties"][0]["party"] == "열린우리당"


# -- allocate --explain --------------------------------------------------------------------


def test_explain_2004(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "2004", "--explain")
    assert "Step 1" in out
    assert "3% OR 5 seats" in out
    assert "United Liberal Democrats: does not qualify" in out
    assert "2.82%" in out
    # the audit trail ends with the result table
    assert table_row(out, "Uri Party") == ["129", "23", "152"]


def test_explain_2020_linked_steps(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "allocate", GOLDEN / "2020.csv", "--rules", "2020", "--explain")
    assert "연동배분의석수" in out
    assert "N - R = 295" in out
    assert "30 x s / 147" in out
    assert "17 parallel seats" in out or "Parallel tier" in out


def test_explain_1988_bonus(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "allocate", GOLDEN / "1988.csv", "--rules", "1988", "--explain")
    assert "rounded up to 38" in out
    assert "87 of 224" in out


def test_json_explain_adds_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("allocate", GOLDEN / "2020.csv", "--rules", "2020")
    explained = json.loads(ok(capsys, *argv, "--json", "--explain"))
    plain = json.loads(ok(capsys, *argv, "--json"))
    assert explained.pop("explanation") == ok(capsys, *argv, "--explain").rstrip("\n")
    assert explained == plain


# -- ties and seeds ----------------------------------------------------------------------

# 56 list seats for votes 10 : 10 : 5 give quotients 22.4, 22.4 and 11.2: the last seat
# is an exact tie on remainders between A and B.
TIE_CSV = "party,votes,district_seats\nA,10,100\nB,10,100\nC,5,43\n"


def test_ties_raise_names_both_parties(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "tie.csv", TIE_CSV)
    line = error_line(capsys, "allocate", path, "--rules", "2004", "--ties", "raise")
    assert "tie" in line
    assert "A and B" in line


def test_ties_lot_is_settled_and_reproducible(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "tie.csv", TIE_CSV)
    argv = ("allocate", path, "--rules", "2004", "--ties", "lot", "--json")
    for seed in ("0", "1", "7"):
        first = ok(capsys, *argv, "--seed", seed)
        assert ok(capsys, *argv, "--seed", seed) == first
        seats = [p["list_seats"] for p in json.loads(first)["parties"]]
        assert sorted(seats[:2]) == [22, 23]
        assert seats[2] == 11


def test_ties_lot_is_byte_identical_across_processes(tmp_path: Path) -> None:
    path = write(tmp_path, "tie.csv", TIE_CSV)
    argv = ("allocate", path, "--rules", "2004", "--ties", "lot", "--seed", "7", "--explain")
    runs = [cli(*argv, env={**os.environ, "PYTHONHASHSEED": h}) for h in ("1", "2")]
    for r in runs:
        assert (r.returncode, r.stderr) == (0, "")
    assert runs[0].stdout == runs[1].stdout
    assert "lot" in runs[0].stdout


# -- bad input: exit 2, nothing on stdout, one line on stderr ------------------------------

BAD_CSV = [
    pytest.param(
        "party,votes\nA,10\n",
        ("nocol.csv:1:", "missing column 'district_seats'"),
        id="missing-column",
    ),
    pytest.param(
        "party,votes,district_seats\nA,-5,243\n",
        ("neg.csv:2:", "field 'votes'", ">= 0", "-5"),
        id="negative-votes",
    ),
    pytest.param(
        "party,votes,district_seats\nA,1.5,243\n",
        ("float.csv:2:", "field 'votes'", "1.5"),
        id="decimal-votes",
    ),
    pytest.param(
        "party,votes,district_seats\nA,ten,243\n",
        ("word.csv:2:", "field 'votes'", "'ten'"),
        id="word-votes",
    ),
    pytest.param(
        "party,votes,district_seats\nA,,243\n", ("empty.csv:2:", "field 'votes'"), id="empty-votes"
    ),
    pytest.param(
        "party,votes,district_seats\nA,1e5,243\n",
        ("exp.csv:2:", "field 'votes'", "1e5"),
        id="exponent-votes",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,-3\nB,5,246\n",
        ("negseat.csv:2:", "field 'district_seats'", "-3"),
        id="negative-district-seats",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,2.5\nB,5,240\n",
        ("fracseat.csv:2:", "field 'district_seats'", "2.5"),
        id="decimal-district-seats",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,200\nB,1,0\nA,5,43\n",
        ("dup.csv:4:", "field 'party'", "'A'", "line 2"),
        id="duplicate-party",
    ),
    pytest.param(
        "party,votes,district_seats\n,10,243\n",
        ("noname.csv:2:", "field 'party'"),
        id="empty-party",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,200\nB,5,40\n",
        ("sum.csv", "field 'district_seats'", "240", "243"),
        id="district-seats-do-not-add-up",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,200,x\nB,5,43\n",
        ("ragged.csv:2:", "expected 3 fields", "got 4"),
        id="ragged-long-row",
    ),
    pytest.param(
        "party,votes,district_seats\nA,10,243\nB,5\n",
        ("short.csv:3:", "expected 3 fields", "got 2"),
        id="ragged-short-row",
    ),
    pytest.param("", ("blank.csv", "empty file"), id="empty-file"),
    pytest.param("party,votes,district_seats\n", ("header.csv", "no data rows"), id="header-only"),
    pytest.param(
        "party,votes,district_seats,kind\nA,10,200,party\nB,5,43,martian\n",
        ("kind.csv:3:", "field 'kind'", "'martian'", "independent"),
        id="unknown-kind",
    ),
    pytest.param(
        "party,votes,district_seats,kind\nA,10,200,party\nO,5,43,other\n",
        ("other.csv:3:", "district seats must be 0"),
        id="other-with-district-seats",
    ),
    pytest.param(
        "party,votes,district_seats,notes\nA,10,243,x\n",
        ("notes.csv:1:", "unknown column 'notes'"),
        id="unknown-column",
    ),
    pytest.param(
        "party,votes,votes,district_seats\nA,1,2,243\n",
        ("twice.csv:1:", "'votes'", "twice"),
        id="duplicate-column",
    ),
    pytest.param(
        b"party,votes,district_seats\n\xff\xfeA,10,243\n",
        ("latin.csv:2:", "UTF-8"),
        id="not-utf8",
    ),
    pytest.param("party,votes,district_seats\nA,10,243\x00\n", ("nul.csv:2:",), id="nul-byte"),
    pytest.param('party,votes,district_seats\n"A,10,243\n', ("quote.csv:2:",), id="unclosed-quote"),
]


@pytest.mark.parametrize(("text", "fragments"), BAD_CSV)
def test_bad_csv(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    text: str | bytes,
    fragments: tuple[str, ...],
) -> None:
    name = fragments[0].split(":")[0]
    write(tmp_path, name, text)
    monkeypatch.chdir(tmp_path)
    line = error_line(capsys, "allocate", name, "--rules", "2004")
    assert line.startswith(f"korelect: error: {fragments[0]}")
    for fragment in fragments[1:]:
        assert fragment in line


@pytest.mark.parametrize("options", [("--json",), ("--explain",), ("--json", "--explain")])
def test_bad_csv_prints_nothing_on_stdout_in_any_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: tuple[str, ...]
) -> None:
    path = write(tmp_path, "neg.csv", "party,votes,district_seats\nA,-5,243\n")
    line = error_line(capsys, "allocate", path, "--rules", "2004", *options)
    assert f"{path}:2: field 'votes'" in line


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "nope.csv"
    assert error_line(capsys, "allocate", path, "--rules", "2004") == (
        f"korelect: error: {path}: no such file"
    )


def test_directory_instead_of_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = error_line(capsys, "allocate", tmp_path, "--rules", "2004")
    assert str(tmp_path) in line
    assert "directory" in line


def test_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    line = error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "1999")
    assert "1999" in line
    assert "2024" in line  # the known years are listed


def test_rules_neither_year_nor_file(capsys: pytest.CaptureFixture[str]) -> None:
    line = error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "abc")
    assert "--rules" in line
    assert "'abc'" in line


def test_rules_unicode_digit_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "²")


def test_rules_year_does_not_match_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    line = error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "2024")
    assert str(GOLDEN / "2004.csv") in line
    assert "field 'district_seats'" in line
    assert "243" in line
    assert "254" in line


BAD_TOML = [
    pytest.param("base = 2004\nfoo = 1\n", ("field 'foo'", "unknown field"), id="unknown-field"),
    pytest.param(
        'base = 2004\ntreshold = "5%"\n', ("field 'treshold'", "'threshold'"), id="misspelt-field"
    ),
    pytest.param(
        "base = 2004\n[list_tier]\nmethd = 'dhondt'\n",
        ("list_tier.methd",),
        id="unknown-tier-field",
    ),
    pytest.param("base = 2004\nthreshold = 0.05\n", ("field 'threshold'", "0.05"), id="float"),
    pytest.param('base = 2004\nname = "x\n', ("not valid TOML", "line 2"), id="syntax"),
    pytest.param(b"base = 2004\nname = '\xff'\n", ("UTF-8",), id="not-utf8"),
    pytest.param("base = 2004\ntotal_seats = 'x'\n", ("total_seats", "'x'"), id="wrong-type"),
]


@pytest.mark.parametrize(("text", "fragments"), BAD_TOML)
def test_bad_rules_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    text: str | bytes,
    fragments: tuple[str, ...],
) -> None:
    write(tmp_path, "bad.toml", text)
    monkeypatch.chdir(tmp_path)
    line = error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", "bad.toml")
    assert line.startswith("korelect: error: bad.toml: ")
    for fragment in fragments:
        assert fragment in line


def test_missing_rules_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert error_line(capsys, "allocate", GOLDEN / "2004.csv", "--rules", path) == (
        f"korelect: error: {path}: no such file"
    )


def test_usage_errors_exit_2_with_nothing_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["allocate", str(GOLDEN / "2004.csv")],  # --rules is required
        ["allocate", str(GOLDEN / "2004.csv"), "--rules", "2004", "--ties", "coin"],
        ["apportion", str(GOLDEN / "2004.csv"), "--seats", "ten"],
        ["frobnicate"],
    ):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.splitlines()) == 1, err
        assert err.startswith("korelect: error: ")


def test_bad_input_in_a_real_process(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "party,votes,district_seats\nA,10,240\nB,5,3\nC,-3,0\n")
    r = cli("allocate", path, "--rules", "2004")
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == f"korelect: error: {path}:4: field 'votes': must be >= 0 (got '-3')\n"


# -- korelect rules ------------------------------------------------------------------------


def test_rules_lists_every_year(capsys: pytest.CaptureFixture[str]) -> None:
    lines = ok(capsys, "rules").splitlines()
    assert lines[0].split()[:4] == ["year", "seats", "district", "list"]
    assert [int(line.split()[0]) for line in lines[1:]] == list(korelect.registered_years())
    assert set(YEARS) < set(korelect.registered_years())
    by_year = {int(line.split()[0]): line.split() for line in lines[1:]}
    assert by_year[2020][1:5] == ["300", "253", "47", "linked"]
    assert by_year[2000][1:5] == ["273", "227", "46", "proportional"]
    assert by_year[1988][1:5] == ["299", "224", "75", "seat-share"]
    assert by_year[1973][1:5] == ["219", "146", "73", "appointed"]


def test_rules_describes_one_year(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "rules", "2020")
    assert out.startswith("21st National Assembly election (2020)\n")
    assert "253 in single-member districts" in out
    assert "17 parallel seats" in out


def test_rules_describes_a_rules_file(capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, "rules", ROOT / "examples" / "mmp-200-100.toml")
    assert "200 in single-member districts" in out
    assert "100 on national lists" in out
    assert "compensation 1)" in out


def test_rules_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert "1999" in error_line(capsys, "rules", "1999")


@pytest.mark.parametrize("year", YEARS)
def test_rules_toml_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, year: int
) -> None:
    saved = write(tmp_path, "saved.toml", ok(capsys, "rules", str(year), "--toml"))
    assert korelect.load_rules(saved) == korelect.rules_for(year)


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_saved_rules_give_the_same_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, year: int
) -> None:
    saved = write(tmp_path, "saved.toml", ok(capsys, "rules", str(year), "--toml"))
    for options in ((), ("--json",), ("--explain",)):
        by_year = ok(capsys, "allocate", GOLDEN / f"{year}.csv", "--rules", str(year), *options)
        by_file = ok(capsys, "allocate", GOLDEN / f"{year}.csv", "--rules", saved, *options)
        assert by_file == by_year


def test_saved_rules_2020_can_be_edited(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = ok(capsys, "rules", "2020", "--toml")
    assert "cap = 30\n" in text
    edited = write(tmp_path, "edited.toml", text.replace("cap = 30\n", 'cap = "none"\n'))
    data = json.loads(ok(capsys, "allocate", GOLDEN / "2020.csv", "--rules", edited, "--json"))
    seats = {p["party"]: p["list_seats"] for p in data["parties"]}
    assert seats["Platform Party (DP satellite)"] == 18
    assert seats["Future Korea Party (UFP satellite)"] == 18


# -- korelect apportion --------------------------------------------------------------------

# 10 seats for 47000 : 16000 : 15800 : 12000 : 6100 : 3100 (a textbook example)
APPORTION_CSV = "party,votes\nA,47000\nB,16000\nC,15800\nD,12000\nE,6100\nF,3100\n"


@pytest.mark.parametrize(
    ("method", "seats"),
    [
        # quota 10000: 4.7, 1.6, 1.58, 1.2, 0.61, 0.31; 3 left to A (.7), E (.61), B (.6)
        ("hare", [5, 2, 1, 1, 1, 0]),
        # divisors 1, 2, 3...: the 10th largest quotient is C's 15800 / 2 = 7900
        ("dhondt", [5, 2, 2, 1, 0, 0]),
        # divisors 1, 3, 5...: A 47000, 15667, 9400, 6714; B 16000; C 15800; D 12000; E 6100;
        # then B 5333 and C 5267 beat A's 47000 / 9 = 5222
        ("sainte-lague", [4, 2, 2, 1, 1, 0]),
    ],
)
def test_apportion_methods(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, method: str, seats: list[int]
) -> None:
    path = write(tmp_path, "votes.csv", APPORTION_CSV)
    data = json.loads(ok(capsys, "apportion", path, "--seats", "10", "--method", method, "--json"))
    assert data["house"] == 10
    assert [data["seats"][p] for p in "ABCDEF"] == seats


def test_apportion_text_and_threshold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "votes.csv", APPORTION_CSV)
    out = ok(capsys, "apportion", path, "--seats", "10", "--threshold", "5%")
    assert "F: does not qualify (3.10% of the vote < 5%)" in out
    assert "E: qualifies (6.10% of the vote >= 5%)" in out
    # without F, quota 9690: A 4.85, B 1.65, C 1.63, D 1.24, E 0.63; 3 left to A, B, C
    # (C's .6305 just beats E's .6295)
    argv = ("apportion", path, "--seats", "10", "--threshold", "5%", "--json")
    seats = json.loads(ok(capsys, *argv))["seats"]
    assert [seats.get(p, 0) for p in "ABCDEF"] == [5, 2, 2, 1, 0, 0]


def test_apportion_ties(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "tie.csv", "party,votes\nA,1\nB,1\n")
    line = error_line(capsys, "apportion", path, "--seats", "1")
    assert "A and B" in line
    first = ok(capsys, "apportion", path, "--seats", "1", "--ties", "lot", "--seed", "3")
    assert ok(capsys, "apportion", path, "--seats", "1", "--ties", "lot", "--seed", "3") == first
    assert "lot" in first


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (("--seats", "10", "--method", "bogus"), "'bogus'"),
        (("--seats", "-1"), "-1"),
        (("--seats", "10", "--threshold", "nonsense"), "'nonsense'"),
        (("--seats", "3", "--threshold", "60%"), "qualifies"),
    ],
)
def test_apportion_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: tuple[str, ...], fragment: str
) -> None:
    path = write(tmp_path, "votes.csv", APPORTION_CSV)
    assert fragment in error_line(capsys, "apportion", path, *options)


# -- the installed command -----------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"korelect {korelect.__version__}\n"


def test_installed_command() -> None:
    script = Path(sys.executable).with_name("korelect")
    if not script.exists():
        pytest.skip("the korelect script is not installed next to this interpreter")
    r = subprocess.run(
        [script, "allocate", "examples/2004.csv", "--rules", "2004"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert (r.returncode, r.stderr) == (0, "")
    assert table_row(r.stdout, "Uri Party") == ["129", "23", "152"]
    assert table_row(r.stdout, "Total") == ["243", "56", "299"]


def test_python_dash_m() -> None:
    r = cli("--version")
    assert (r.returncode, r.stdout, r.stderr) == (0, f"korelect {korelect.__version__}\n", "")
