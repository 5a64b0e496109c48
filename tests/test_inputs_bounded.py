"""Nothing a user types can crash, hang or exhaust korelect: bounded reads, safe writes.

Each case runs the installed command line in a subprocess with a wall-clock timeout and
an address-space limit (``RLIMIT_AS``, 1 GiB), and asserts one error line on standard
error, exit status 2 and nothing on standard output: files that are not regular files
(a FIFO, ``/dev/zero``, ``/dev/urandom``, a directory, a socket), files over the limit
of their kind (sparse, so the test writes nothing), standard input over its limit or
not text, TOML and thresholds nested thousands deep, outputs that are links, devices or
a full disk, standard output closed or full, and control characters from input files.
"""

from __future__ import annotations

import io
import os
import resource
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import korelect.cli.rules as rules_command
from korelect.base.files import (
    MAX_ARTICLE_BYTES,
    MAX_COUNTS_BYTES,
    MAX_CSV_BYTES,
    MAX_ENTRIES_BYTES,
    MAX_STATEMENT_BYTES,
    MAX_TOML_BYTES,
    read_bytes,
    toml_depth,
    write_bytes,
)
from korelect.cli import main
from korelect.cli.common import Output, terminal_safe
from korelect.errors import FileFormatError, InputError
from korelect.law.thresholds import parse_threshold

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = ROOT / "examples" / "2004.csv"
ARTICLE = ROOT / "tests" / "data" / "articles" / "2012_no_infobox.txt"
MEMORY = 1 << 30
"""The address space each command may use (1 GiB): reading a device whole would need more."""
TIMEOUT = 60
"""Seconds a command may take: every case here ends in well under one."""


class Ran:
    """A finished command: exit status, standard output and error (bytes)."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        self.status = done.returncode
        self.out = done.stdout
        self.err = done.stderr

    @property
    def error(self) -> str:
        """The one error line, checked to be one line, printable, with no traceback."""
        text = self.err.decode("utf-8")
        assert text.endswith("\n"), text
        assert text.count("\n") == 1, text
        assert text.startswith("korelect: error: "), text
        assert "Traceback" not in text
        assert all(c.isprintable() for c in text[:-1]), text
        return text.rstrip("\n")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def korelect(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: int | bytes | None = None,
    stdout: int = subprocess.PIPE,
    limits: Sequence[tuple[int, int]] = (),
) -> Ran:
    """Run ``python -m korelect ARGS`` bounded in time and memory; return what it did."""

    def preexec() -> None:
        _limited()
        for which, value in limits:
            resource.setrlimit(which, (value, value))

    done = subprocess.run(
        [sys.executable, "-m", "korelect", *map(str, args)],
        cwd=cwd,
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=None if isinstance(stdin, bytes) else stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
        preexec_fn=preexec,
        check=False,
    )
    return Ran(done)


def failed(ran: Ran) -> str:
    """The error line of a command that failed as a user's mistake should: status 2."""
    assert ran.status == 2, (ran.status, ran.err)
    assert ran.out == b"", ran.out
    return ran.error


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk."""
    path.touch()
    os.truncate(path, size)
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A FIFO nobody writes to: opening it to read would wait for ever."""
    path = tmp_path / "fifo.csv"
    os.mkfifo(path)
    return path


@pytest.fixture
def sock(tmp_path: Path) -> Iterator[Path]:
    """A Unix socket's file."""
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:  # a path too long for a socket's address
        server.close()
        pytest.skip("cannot bind a Unix socket here")
    yield path
    server.close()


# -- reading: only regular files, each under its limit -----------------------------------

READERS = {
    "allocate": lambda f: ("allocate", f, "--rules", "2004"),
    "apportion": lambda f: ("apportion", f, "--seats", "10"),
    "rules": lambda f: ("rules", f),
    "--rules": lambda f: ("allocate", ENTRIES, "--rules", f),
    "article read": lambda f: ("article", "read", f),
    "article check": lambda f: ("article", "check", f),
}


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom", "directory"])
def test_a_file_that_is_not_regular_is_refused(
    command: str, kind: str, fifo: Path, tmp_path: Path
) -> None:
    path = {"fifo": fifo, "directory": tmp_path}.get(kind, Path(kind))
    if command in ("rules", "--rules") and kind == "fifo":
        path = path.rename(tmp_path / "fifo.toml")  # a .toml name: read as a rules file
    ran = korelect(*READERS[command](path))
    line = failed(ran)
    what = "a directory" if kind == "directory" else "a FIFO" if kind == "fifo" else "a character"
    assert f"{path}: is {what}" in line, line


def test_a_socket_is_refused(sock: Path) -> None:
    line = failed(korelect("allocate", sock, "--rules", "2004"))
    assert line.endswith(
        f"{sock}: is a socket, not a CSV file of entries (korelect reads regular files only)"
    )


@pytest.mark.parametrize(
    ("name", "argv", "limit", "what"),
    [
        (
            "big.csv",
            ("allocate", "{}", "--rules", "2004"),
            MAX_ENTRIES_BYTES,
            "a CSV file of entries",
        ),
        (
            "big.csv",
            ("apportion", "{}", "--seats", "5"),
            MAX_ENTRIES_BYTES,
            "a CSV file of entries",
        ),
        ("big.toml", ("rules", "{}"), MAX_TOML_BYTES, "a rules file"),
        ("big.toml", ("results", "2004", "--rules", "{}"), MAX_TOML_BYTES, "a rules file"),
        ("big.txt", ("article", "read", "{}"), MAX_ARTICLE_BYTES, "an article file"),
        ("big.txt", ("article", "check", "{}"), MAX_ARTICLE_BYTES, "an article file"),
    ],
)
def test_a_file_over_its_limit_is_refused_unread(
    tmp_path: Path, name: str, argv: tuple[str, ...], limit: int, what: str
) -> None:
    big = sparse(tmp_path / name, 4 << 30)  # 4 GiB: reading it would break the memory limit
    ran = korelect(*(big if a == "{}" else a for a in argv))
    line = failed(ran)
    assert f"{big}: is 4096 MiB, over the limit of {limit // (1 << 20)} MiB for {what}" in line


def test_a_file_just_over_its_limit_is_refused(tmp_path: Path) -> None:
    text = b"party,votes,district_seats\n" + b"A,1,0\n"
    path = tmp_path / "entries.csv"
    path.write_bytes(text + b"\n" * (MAX_ENTRIES_BYTES + 1 - len(text)))
    assert "over the limit of 1 MiB" in failed(korelect("apportion", path, "--seats", "1"))
    path.write_bytes(text + b"\n" * (MAX_ENTRIES_BYTES - len(text)))  # at the limit: read
    ran = korelect("apportion", path, "--seats", "1")
    assert ran.status == 0, ran.err


@pytest.fixture(scope="module")
def counts_2004(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("counts") / "2004"
    assert main(["export", "2004", "-o", str(folder)]) == 0
    return folder


def _copy(folder: Path, to: Path) -> Path:
    to.mkdir()
    for file in folder.iterdir():
        (to / file.name).write_bytes(file.read_bytes())
    return to


def test_a_counts_file_over_its_limit_is_refused(counts_2004: Path, tmp_path: Path) -> None:
    folder = _copy(counts_2004, tmp_path / "mine")
    sparse(folder / "candidates.csv", MAX_CSV_BYTES + 1)
    line = failed(korelect("results", "--counts", folder))
    assert line.endswith(
        f"{folder}/candidates.csv: is 16,777,217 bytes, over the limit of 16 MiB for a CSV file"
    )


def test_a_counts_folder_over_its_limit_is_refused(counts_2004: Path, tmp_path: Path) -> None:
    folder = _copy(counts_2004, tmp_path / "mine")
    for name in (
        "candidates.csv",
        "winners.csv",
        "list_votes.csv",
        "list_turnout.csv",
        "districts.csv",
    ):
        sparse(folder / name, MAX_CSV_BYTES - 1)  # each under its own limit
    line = failed(korelect("results", "--counts", folder))
    assert f"{folder}: its files are " in line
    assert f"over the limit of {MAX_COUNTS_BYTES >> 20} MiB for a counts folder" in line


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "directory"])
def test_a_counts_file_that_is_not_regular_is_refused(
    counts_2004: Path, tmp_path: Path, kind: str
) -> None:
    folder = _copy(counts_2004, tmp_path / "mine")
    winners = folder / "winners.csv"
    winners.unlink()
    if kind == "fifo":
        os.mkfifo(winners)
    elif kind == "directory":
        winners.mkdir()
    else:
        winners.symlink_to(kind)
    line = failed(korelect("results", "--counts", folder))
    assert f"{winners}: is a" in line
    assert "not a CSV file" in line


def test_reading_stops_one_byte_past_the_limit() -> None:
    """A file whose size says 0 (as /proc's do) is still read no further than the limit."""
    with pytest.raises(FileFormatError, match="is over the limit of 16 bytes for a map"):
        read_bytes("/proc/self/maps", limit=16, what="a map")


# -- standard input ------------------------------------------------------------------------


def test_sql_from_stdin_over_its_limit(tmp_path: Path) -> None:
    ran = korelect("sql", "-", stdin=os.urandom(10_000_000))
    assert failed(ran) == (
        "korelect: error: standard input: is over the limit of 1 MiB for an SQL statement"
    )


def test_sql_from_an_endless_stdin() -> None:
    with open("/dev/zero", "rb") as zero:
        ran = korelect("sql", "-", stdin=zero.fileno())
    assert "over the limit of 1 MiB" in failed(ran)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"SELECT '\xff'", "standard input: is not UTF-8 text (at byte 8)"),
        (b"SELECT 1\x00; DROP", "standard input: holds a NUL byte (at character 8)"),
        (b"x" * (MAX_STATEMENT_BYTES + 1), "over the limit of 1 MiB"),
    ],
)
def test_sql_from_stdin_must_be_text(data: bytes, message: str) -> None:
    assert message in failed(korelect("sql", "-", stdin=data))


def test_sql_from_stdin_still_runs() -> None:
    ran = korelect("sql", "-", stdin=b"\xef\xbb\xbfSELECT 41 + 1 AS answer\n")
    assert ran.status == 0, ran.err
    assert b"42" in ran.out


# -- parsers that recurse ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "name = " + "[" * 5000 + "]" * 5000,
        "name = " + "{a = " * 5000 + "1" + "}" * 5000,
        "base = 2004\nsources = " + "[" * 5000,  # not even closed
    ],
)
def test_rules_nested_thousands_deep(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    line = failed(korelect("rules", path))
    assert line.endswith(f"{path}: nests arrays or tables 5000 deep; the limit is 32"), line


def test_counts_election_toml_nested_deep(counts_2004: Path, tmp_path: Path) -> None:
    folder = _copy(counts_2004, tmp_path / "mine")
    toml = folder / "election.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "gaps = " + "[" * 5000, encoding="utf-8")
    line = failed(korelect("results", "--counts", folder))
    assert line.endswith(f"{toml}: nests arrays or tables 5000 deep; the limit is 32")


def test_toml_depth_skips_strings_and_comments() -> None:
    assert toml_depth('a = "[[[[" # [[[[\nb = \'{{{{\'\nc = """\n[[[\\"""\n"""') == 0
    assert toml_depth("c = '''[[[[[['''\nd = [[1]]") == 2
    assert toml_depth("[[tables]]\nx = {y = [1]}") == 2


def test_a_threshold_nested_2000_deep(tmp_path: Path) -> None:
    deep = "(" * 2000 + "3%" + ")" * 2000
    line = failed(korelect("apportion", ENTRIES, "--seats", "10", "--threshold", deep))
    assert "threshold: parentheses nest deeper than 32 in '((((" in line
    assert "(4,002 characters)" in line
    rules = tmp_path / "deep.toml"
    rules.write_text(f'base = 2004\nthreshold = "{deep}"\n', encoding="utf-8")
    assert "parentheses nest deeper than 32" in failed(korelect("rules", rules))


def test_thresholds_nested_within_the_limit_still_read() -> None:
    assert str(parse_threshold("(" * 32 + "3% OR 5 seats" + ")" * 32)) == "3% OR 5 seats"
    with pytest.raises(InputError, match="deeper than 32"):
        parse_threshold("(" * 33 + "3%" + ")" * 33)


# -- writing: whole or not at all, never through a link --------------------------------------


def _leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_output_that_is_a_link_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.svg"
    link.symlink_to(victim)
    for argv in (("chart", "bars", "1996", "-o", link), ("article", "write", "2004", "-o", link)):
        line = failed(korelect(*argv))
        assert line.endswith(
            f"{link}: is a symbolic link; korelect does not write through links "
            "(remove it or choose another name)"
        )
        assert link.is_symlink()
        assert victim.read_text(encoding="utf-8") == "keep me"
    assert _leftovers(tmp_path) == ["out.svg", "victim.txt"]


def test_a_link_planted_at_a_temporary_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    planted = [".y.svg.korelect-tmp", ".y.svg.tmp", "y.svg.tmp", ".y.svg.swp", "y.svg~"]
    for name in planted:
        (tmp_path / name).symlink_to(victim)
    ran = korelect("chart", "bars", "1996", "-o", "y.svg", cwd=tmp_path)
    assert ran.status == 0, ran.err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "y.svg").read_bytes().startswith(b"<svg")
    assert not (tmp_path / "y.svg").is_symlink()
    assert _leftovers(tmp_path, *planted) == ["victim.txt", "y.svg"]


def test_output_to_a_device_or_fifo_is_refused(tmp_path: Path) -> None:
    line = failed(korelect("article", "write", "2004", "-o", "/dev/full"))
    assert line == (
        "korelect: error: /dev/full: is a character device; korelect writes regular files "
        "only (choose a file name)"
    )
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    line = failed(korelect("chart", "bars", "1996", "-o", fifo))
    assert line.endswith(
        f"{fifo}: is a FIFO (named pipe); korelect writes regular files only (choose a file name)"
    )
    assert _leftovers(tmp_path) == ["out.svg"]


@pytest.mark.parametrize(
    "argv",
    [("chart", "bars", "1996", "-o", "out.svg"), ("article", "write", "2004", "-o", "out.txt")],
)
def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, argv: tuple[str, ...]) -> None:
    """``RLIMIT_FSIZE`` makes every write past 1,000 bytes fail (EFBIG) like a full disk."""
    ran = korelect(*argv, cwd=tmp_path, limits=[(resource.RLIMIT_FSIZE, 1000)])
    line = failed(ran)
    assert line == f"korelect: error: {argv[-1]}: cannot write: File too large"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    old = tmp_path / "out.svg"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o640)
    ran = korelect("chart", "bars", "1996", "-o", old, limits=[(resource.RLIMIT_FSIZE, 1000)])
    assert "cannot write: File too large" in failed(ran)
    assert old.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == ["out.svg"]
    ran = korelect("chart", "bars", "1996", "-o", old)
    assert ran.status == 0, ran.err
    assert stat.S_IMODE(old.stat().st_mode) == 0o640  # replaced, permissions kept
    assert _leftovers(tmp_path) == ["out.svg"]


def test_export_is_whole_or_nothing(tmp_path: Path) -> None:
    ran = korelect(
        "export", "2004", "-o", "mine", cwd=tmp_path, limits=[(resource.RLIMIT_FSIZE, 20_000)]
    )
    assert failed(ran) == "korelect: error: mine: cannot write: File too large"
    assert _leftovers(tmp_path) == []
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "empty")
    line = failed(korelect("export", "2004", "-o", "link", cwd=tmp_path))
    assert "link: is a symbolic link" in line
    assert _leftovers(tmp_path) == ["empty", "link"]
    assert "/dev/full: exists and is not an empty folder" in failed(
        korelect("export", "2004", "-o", "/dev/full")
    )
    ran = korelect("export", "2004", "-o", "empty", cwd=tmp_path)
    assert ran.status == 0, ran.err
    assert (tmp_path / "empty" / "candidates.csv").is_file()
    assert _leftovers(tmp_path) == ["empty", "link"]


def test_write_bytes_gives_new_files_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_bytes(tmp_path / "a.txt", b"x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640


# -- standard output -----------------------------------------------------------------------


def test_a_closed_pipe_is_exit_2_without_a_traceback() -> None:
    """``korelect results 2024 | head -c1``, with the reader gone before korelect writes."""
    read, write = os.pipe()
    os.close(read)
    try:
        ran = korelect("results", "2024", stdout=write)
    finally:
        os.close(write)
    assert ran.status == 2
    assert ran.error == (
        "korelect: error: cannot write to standard output: the pipe was closed before the end"
    )


def test_a_pipe_closed_midway() -> None:
    """``| head -c1``: the reader takes one byte and leaves; the output is larger than a pipe."""
    argv = [
        sys.executable,
        "-m",
        "korelect",
        "sql",
        "FROM candidates LIMIT 5000",
        "--limit",
        "5000",
    ]
    with subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limited,  # noqa: PLW1509  (one thread here; the limit is the child's)
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert os.read(process.stdout.fileno(), 1)
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=TIMEOUT) == 2
    assert err == (
        b"korelect: error: cannot write to standard output: the pipe was closed before the end\n"
    )


@pytest.mark.parametrize("argv", [("results", "2024"), ("--help",), ("--version",)])
def test_a_full_stdout_is_exit_2(argv: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        ran = korelect(*argv, stdout=full.fileno())
    assert ran.status == 2
    assert ran.error == "korelect: error: cannot write to standard output: No space left on device"


def test_ctrl_c_is_one_line_and_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_args: object) -> Output:
        raise KeyboardInterrupt

    monkeypatch.setattr(rules_command, "run", interrupted)
    assert main(["rules"]) == 130
    assert capsys.readouterr().err == "korelect: interrupted\n"


# -- what reaches the terminal -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["\x1b[31mRED\x1b[0m", "A\x00B", '"A\nB"', "\x9b2J", "a\x07\x08"],
)
def test_control_characters_in_a_csv_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / "votes.csv"
    quoted = name if name.startswith('"') else f'"{name}"'
    path.write_bytes(f"party,votes,district_seats\n{quoted},10,0\nB,5,0\n".encode())
    line = failed(korelect("apportion", path, "--seats", "2"))
    assert "field 'party': must not hold control characters" in line
    assert "\\x" in line or "\\n" in line


def test_control_characters_in_arguments_are_escaped(tmp_path: Path) -> None:
    line = failed(korelect("allocate", "\x1b]0;owned\x07.csv", "--rules", "2004"))
    assert line == "korelect: error: \\x1b]0;owned\\x07.csv: no such file"
    line = failed(korelect("rules", "2004", "\x1b[2J"))
    assert line.startswith("korelect: error: unrecognized arguments: \\x1b[2J")
    folder = tmp_path / "bad\u202ename"
    line = failed(korelect("results", "--counts", folder))
    assert "bad\\u202ename" in line


def test_names_that_are_not_utf8_are_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\xfe.csv")
    line = failed(korelect("allocate", name, "--rules", "2004", cwd=tmp_path))
    assert line == "korelect: error: \\udcff\\udcfe.csv: no such file"


def test_output_to_a_terminal_is_escaped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def shows(_args: object) -> Output:
        return Output("party\tseats\n\x1b[31mRED\x1b[0m\t1\x00")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(rules_command, "run", shows)
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["rules"]) == 0
    assert terminal.getvalue() == "party\tseats\n\\x1b[31mRED\\x1b[0m\t1\\x00\n"
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # a file or a pipe: the bytes as they are
    assert main(["rules"]) == 0
    assert sys.stdout.getvalue() == "party\tseats\n\x1b[31mRED\x1b[0m\t1\x00\n"


def test_terminal_safe() -> None:
    assert terminal_safe("a\x00b\x1bc\nd\u2028e\ud800") == "a\\x00b\\x1bc\\nd\\u2028e\\ud800"
    assert terminal_safe("한국\t1", keep="\t") == "한국\t1"
