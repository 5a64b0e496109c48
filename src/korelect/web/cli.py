"""The ``korelect serve`` command: the web explorer on a local port.

``korelect serve [--host 127.0.0.1] [--port 8000]`` runs the application of
:func:`korelect.web.app.create_app` under uvicorn until interrupted. The
default host is the loopback address: the explorer is for one machine unless
asked otherwise.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import InputError

__all__ = ["add_parser", "run"]


def add_parser(
    subparsers: argparse._SubParsersAction[Any],
) -> argparse.ArgumentParser:
    """Add the ``serve`` subcommand to the command line's subparsers; return its parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="browse every election in a web browser (and a JSON API)",
        description="Start the web explorer: every election with its assembly, province tables "
        "and map, districts, the audit trail of the list seats, a what-if page, bounded "
        "simulations, and a JSON API under /api (described at /docs and /openapi.json).",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    return parser


def run(args: argparse.Namespace) -> str:
    """Serve until interrupted; return the line printed when the server stops."""
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port must be from 0 to 65535 (got {args.port})")
    import uvicorn  # noqa: PLC0415  (only this command needs the server)

    from .app import create_app  # noqa: PLC0415

    uvicorn.run(
        create_app(),
        host=args.host,
        port=args.port,
        log_level="info",
        timeout_keep_alive=5,
        limit_concurrency=200,
        h11_max_incomplete_event_size=16 * 1024,
    )
    return "korelect serve: stopped"
