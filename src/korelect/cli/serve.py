"""The ``korelect serve`` command: the web explorer on a local port.

``korelect serve [--host 127.0.0.1] [--port 8000]`` runs the application of
:func:`korelect.web.app.create_app` under uvicorn until interrupted. The
default host is the loopback address: the explorer is for one machine unless
asked otherwise. The server's limits (slow clients, unread responses, connections,
request heads) are :func:`korelect.web.server.config`'s.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from korelect.cli.common import Output, Subparsers
from korelect.errors import InputError

if TYPE_CHECKING:
    import socket

__all__ = ["add_parser", "listen", "run"]


def add_parser(sub: Subparsers) -> None:
    """Add ``serve`` to the command line's subparsers."""
    parser = sub.add_parser(
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
    parser.set_defaults(run=run)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or one clear :class:`InputError` line saying why not."""
    import socket  # noqa: PLC0415  (here: no other command needs it at start-up)

    if not 0 <= port <= 65535:
        raise InputError(f"--port must be from 0 to 65535 (got {port})")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise InputError(f"--host {host!r}: {reason}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    return sock


def run(args: argparse.Namespace) -> Output:
    """``korelect serve``: serve until interrupted; return the line printed when it stops."""
    sock = listen(args.host, args.port)
    import uvicorn  # noqa: PLC0415  (only this command needs the server)

    from korelect.web.app import create_app  # noqa: PLC0415
    from korelect.web.server import config as server_config  # noqa: PLC0415
    from korelect.web.server import limit_malloc_arenas  # noqa: PLC0415

    limit_malloc_arenas()
    config = server_config(create_app(), args.host, sock.getsockname()[1], log_level="info")
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"korelect serve: http://{shown}:{port}/ (Ctrl+C to stop)", file=sys.stderr, flush=True)
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
    return Output("korelect serve: stopped")
