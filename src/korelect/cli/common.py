"""What every command shares: the protocol, one-line errors, YEAR or ``--counts``, ``--rules``.

Every command module of :mod:`korelect.cli` follows one protocol:
``add_parser(sub)`` adds its subcommands to the command line's subparsers, each
with ``set_defaults(run=...)``, and each ``run`` takes the parsed arguments and
returns an :class:`Output`, the text to print and the exit status. Modules import
what their commands compute with inside the run functions, so that building the
parser (``korelect --help``) stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from korelect.base.files import write_bytes
from korelect.errors import InputError, UnknownElectionError
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import Rules
from korelect.law.rulesfile import load_rules

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from korelect.record.counts import Counts

__all__ = [
    "Output",
    "Parser",
    "Run",
    "Subparsers",
    "add_source",
    "election_year",
    "json_text",
    "rules_arg",
    "source_arg",
    "terminal_safe",
    "write_whole",
]

Subparsers: TypeAlias = "argparse._SubParsersAction[Any]"
"""The command line's subparsers, as each command module's ``add_parser`` receives them."""


class Output(str):
    """What a command prints, with the exit status it ends with (0 unless given).

    A ``str``, so it prints and compares as its text: ``Output("x") == "x"``.
    """

    status: int

    def __new__(cls, text: str, status: int = 0) -> Output:
        """The text ``text`` ending with exit status ``status``."""
        self = super().__new__(cls, text)
        self.status = status
        return self

    def __repr__(self) -> str:
        """``Output('text', status=1)``."""
        return f"Output({str(self)!r}, status={self.status})"


Run: TypeAlias = Callable[[argparse.Namespace], Output]
"""A command: the parsed arguments in, what to print and the exit status out."""


def rules_arg(value: str) -> Rules:
    """``--rules YEAR|RULES.toml``: an election's law or a rules file."""
    text = value.strip()
    if text.isascii() and text.isdigit():
        return rules_for(int(text))
    if text.lower().endswith(".toml") or Path(text).exists():
        return load_rules(text)
    years = ", ".join(str(y) for y in registered_years())
    raise InputError(
        f"--rules: expected an election year ({years}) or a .toml file (got {value!r})"
    )


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Write help or usage text; unlike argparse, let a failed write to stdout show.

        ``korelect --help > /dev/full`` then ends with one error line and status 2
        (see :func:`korelect.cli.main.main`); a failed write to standard error is
        ignored, as argparse does.
        """
        if not message:
            return
        target = file if file is not None else sys.stderr
        if target is sys.stdout:
            target.write(message)
            return
        with contextlib.suppress(AttributeError, OSError):
            target.write(message)

    def error(self, message: str) -> NoReturn:
        """Print one error line (control characters escaped) and exit with status 2."""
        self.exit(2, f"korelect: error: {terminal_safe(message)} (see '{self.prog} --help')\n")


def election_year(text: str, command: str, *, also: str = "") -> int:
    """A year korelect has data for, or one clear error naming the command and the known years.

    Every command that takes a YEAR parses it here before it calls the library.
    """
    from korelect.record.data import dataset  # noqa: PLC0415  (only commands that load data ask)
    from korelect.record.election import parse_year  # noqa: PLC0415  (the one year parser)

    try:
        return parse_year(text)
    except UnknownElectionError:
        known = ", ".join(str(y) for y in dataset().years())
        raise InputError(
            f"{command}: expected an election year ({known}){also} (got {text!r})"
        ) from None


COUNTS_HELP = "your own counts instead of a shipped year (docs/COUNTS.md; korelect export)"


def add_source(parser: argparse.ArgumentParser, years: str = "1988, 1992, ... 2024") -> None:
    """Add the election a command computes: a ``YEAR``, or ``--counts DIR`` (one of them)."""
    parser.add_argument("year", metavar="YEAR", nargs="?", help=f"{years}; or give --counts")
    parser.add_argument("--counts", metavar="DIR", help=COUNTS_HELP)


def source_arg(args: argparse.Namespace, command: str) -> int | Counts:
    """The counts a command computes: its YEAR's, or the folder ``--counts DIR`` names.

    Exactly one of them: neither or both is one clear error naming the command.
    """
    if (args.year is None) == (args.counts is None):
        raise InputError(f"{command}: give a YEAR or --counts DIR (one of them)")
    if args.counts is None:
        return election_year(args.year, command)
    from korelect.record.counts import read_counts  # noqa: PLC0415  (only commands that load data)

    return read_counts(args.counts)


def json_text(data: object) -> str:
    """``data`` as the JSON every ``--json`` prints: UTF-8 as is, indented by two."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def write_whole(path: Path, content: str | bytes) -> None:
    """Write a file whole or not at all (:func:`korelect.base.files.write_bytes`).

    Text is written as UTF-8. The file is written under a unique temporary name beside
    the target, synced, then renamed into place; a target that is a symbolic link, a
    device (``/dev/full``), a FIFO or a folder is refused, and a failed write (a full
    disk) leaves nothing behind. Every failure is one
    :class:`~korelect.errors.FileFormatError` naming the file.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_bytes(path, data)


_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def terminal_safe(text: str, *, keep: str = "") -> str:
    r"""``text`` with the characters that could act on a terminal written as escapes.

    Control characters (NUL, ESC, line breaks, C1 controls), bidirectional and
    zero-width format characters and lone surrogates become ``\x1b``, ``\n``,
    ``\u202e``...; the characters in ``keep`` (``"\n\t"`` for a table) stay as they are.

    >>> print(terminal_safe("a.csv:2: got '\x1b[31mA\x00\n'"))
    a.csv:2: got '\x1b[31mA\x00\n'
    >>> terminal_safe("one\ntwo\tthree", keep="\n\t") == "one\ntwo\tthree"
    True
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        names = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
        if char in names:
            return names[char]
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)
