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
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from korelect.errors import FileFormatError, InputError, UnknownElectionError
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import Rules
from korelect.law.rulesfile import load_rules

if TYPE_CHECKING:
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

    def error(self, message: str) -> NoReturn:
        """Print one error line and exit with status 2."""
        self.exit(2, f"korelect: error: {message} (see '{self.prog} --help')\n")


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
    """Write a file whole or not at all: a temporary file renamed into place.

    Text is written as UTF-8.
    """
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise FileFormatError("no such folder", path=str(path))
    tmp = folder / f".{path.name}.korelect-tmp"
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileFormatError(f"cannot write: {exc.strerror}", path=str(path)) from None
