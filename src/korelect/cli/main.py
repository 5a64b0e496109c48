"""The ``korelect`` command line.

Every user mistake ends in one line on standard error, ``korelect: error: ...``,
naming the file, line and field where it can, and exit status 2. Nothing is
written to standard output before the whole result is computed.

Each command group is a module of :mod:`korelect.cli` with one protocol (see
:mod:`korelect.cli.common`): ``add_parser(sub)`` adds its subcommands, each with
a ``run`` default that returns an :class:`~korelect.cli.common.Output`.
:data:`COMMANDS` lists them in the order of ``korelect --help``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from korelect.base.version import __version__
from korelect.cli import (
    allocate,
    article,
    audit,
    chart,
    compare,
    export,
    indices,
    results,
    rules,
    serve,
    simulate,
    sql,
    swing,
)
from korelect.cli.common import Parser, Run
from korelect.errors import KorelectError

__all__ = ["COMMANDS", "main", "parser"]

COMMANDS: tuple[ModuleType, ...] = (
    allocate,  # allocate, apportion
    results,  # results, district
    export,
    audit,
    compare,
    swing,
    simulate,
    indices,
    article,  # article read|check|write
    sql,
    chart,
    serve,
    rules,
)
"""The command modules, in the order ``korelect --help`` lists their subcommands."""


def parser() -> argparse.ArgumentParser:
    """The ``korelect`` argument parser, with every command module's subcommands."""
    top = Parser(
        prog="korelect",
        description="South Korea's National Assembly electoral law 1948–2024, as code.",
    )
    top.add_argument("--version", action="version", version=f"korelect {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    run: Run = args.run
    try:
        out = run(args)
    except KorelectError as exc:
        print(f"korelect: error: {exc}", file=sys.stderr)
        return 2
    try:
        print(out)
    except BrokenPipeError:
        return out.status
    return out.status


if __name__ == "__main__":
    raise SystemExit(main())
