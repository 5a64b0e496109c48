r"""The ``korelect`` command line.

Every user mistake ends in one line on standard error, ``korelect: error: ...``,
naming the file, line and field where it can, and exit status 2. Nothing is
written to standard output before the whole result is computed.

Text from a user's files is never sent to a terminal raw: the error line escapes
control characters (``\x1b``, ``\x00``, ``\n``; see
:func:`~korelect.cli.common.terminal_safe`), and so does the output when standard
output is a terminal (line breaks and tabs kept). Standard output that cannot take
the output (a closed pipe, as in ``korelect results 2024 | head -c1``, or a full
disk) ends with one error line and exit status 2, like any other failure, with no
traceback; Ctrl-C ends with ``korelect: interrupted`` and status 130, and running out of
memory with one error line and status 2.

Each command group is a module of :mod:`korelect.cli` with one protocol (see
:mod:`korelect.cli.common`): ``add_parser(sub)`` adds its subcommands, each with
a ``run`` default that returns an :class:`~korelect.cli.common.Output`.
:data:`COMMANDS` lists them in the order of ``korelect --help``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
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
from korelect.cli.common import Output, Parser, Run, terminal_safe
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

_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Lone surrogates (bytes of a file name that are not UTF-8) cannot be printed as they are."""


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


def _error(message: str) -> None:
    """Print ``korelect: error: MESSAGE`` on one line of standard error, escaped."""
    with contextlib.suppress(OSError, ValueError):
        print(f"korelect: error: {terminal_safe(message)}", file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """Point standard output at the null device, so that exiting flushes nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _stdout_failure(exc: BaseException) -> str:
    if isinstance(exc, BrokenPipeError):
        return "cannot write to standard output: the pipe was closed before the end"
    if isinstance(exc, UnicodeEncodeError):
        return (
            f"cannot write to standard output: its encoding ({exc.encoding}) cannot show the "
            "output; set PYTHONIOENCODING=utf-8"
        )
    if isinstance(exc, OSError):
        return f"cannot write to standard output: {exc.strerror or exc}"
    if sys.stdout is None:
        return "cannot write to standard output: it is closed"
    return f"cannot write to standard output: {exc}"


def _flush_stdout() -> str | None:
    """Flush standard output; return what went wrong, if anything."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError) as exc:
        _silence_stdout()
        return _stdout_failure(exc)
    return None


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``; a short write is retried, a failure raised.

    (A buffered stream may report a write cut short by a closed pipe as done.)
    """
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view[: 1 << 20]) :]


def _write(out: Output) -> int:
    """Print ``out`` and flush it; a failure is one error line and status 2."""
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", f"{out}\n")
    stream = sys.stdout
    try:
        if stream.isatty():
            text = terminal_safe(text, keep="\n\t")
        try:
            fd = stream.fileno()
        except (OSError, ValueError):  # a stream without a file beneath (a test's capture)
            stream.write(text)
            stream.flush()
        else:
            data = text.encode(stream.encoding or "utf-8", stream.errors or "strict")
            stream.flush()
            _write_all(fd, data)
    except (OSError, ValueError, AttributeError) as exc:  # UnicodeEncodeError: a ValueError
        _silence_stdout()
        _error(_stdout_failure(exc))
        return 2
    return out.status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Usage errors (and ``--help``, ``--version``) raise :class:`SystemExit` as
    :mod:`argparse` does; every other outcome is returned.
    """
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        if exc.code == 0 and (failure := _flush_stdout()) is not None:
            _error(failure)
            raise SystemExit(2) from None
        raise
    except (OSError, UnicodeEncodeError) as exc:  # --help or --version could not be written
        _silence_stdout()
        _error(_stdout_failure(exc))
        raise SystemExit(2) from None
    run: Run = args.run
    try:
        out = run(args)
    except KorelectError as exc:
        _error(str(exc))
        return 2
    except MemoryError:  # an input past what this machine can hold (the limits leave some)
        _error("out of memory: the input or the result is too large for this machine")
        return 2
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, ValueError):
            print("korelect: interrupted", file=sys.stderr, flush=True)
        return 130
    return _write(out)


if __name__ == "__main__":
    raise SystemExit(main())
