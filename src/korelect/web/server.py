"""How ``korelect serve`` runs the web explorer under uvicorn: every connection bounded.

uvicorn bounds some things itself, configured here by :func:`config`: the head of a request
(request line and headers) at most :data:`MAX_HEAD` bytes while it is incomplete (h11's limit;
more is a 400), an idle keep-alive connection closed after :data:`KEEP_ALIVE_S` seconds, at most
:data:`MAX_CONNECTIONS` connections and running requests (more get a 503), a listen backlog of
:data:`BACKLOG`, and a shutdown that waits at most :data:`GRACEFUL_SHUTDOWN_S` seconds.

It has no bound on how long a client may take to send a request's head, nor on how long a
response may stay unread: a client sending one byte a second, or one that never reads, would
hold its connection (and a place among :data:`MAX_CONNECTIONS`) for ever. :class:`BoundedH11`,
uvicorn's HTTP/1.1 protocol with a watchdog ticking once a second on each connection, adds them:

- a request's head must arrive within :data:`HEAD_TIMEOUT_S` of the connection opening or of
  the previous response; a partial head is then answered 408 and the connection closed;
- a response the client leaves unread (the send buffer over its high-water mark) for
  :data:`SEND_TIMEOUT_S` seconds is dropped with the connection;
- a connection asked to close that still holds unsent data after :data:`LINGER_S` seconds is
  dropped (asyncio would otherwise wait for ever for the client to read).

What uvicorn refuses itself, a request HTTP/1.1 cannot read (no Host header, a NUL or a byte
not ASCII in the request line, a malformed header or chunk, TLS sent to this plain-HTTP port,
a head over :data:`MAX_HEAD`), :class:`BoundedH11` answers like the 408: a 400 with the security
headers every response carries (``korelect.web.app.SECURITY_HEADERS``), ``connection: close``
and one line of text, and the connection is closed.

The request itself is bounded by the application (``korelect.web.app`` and ``_model``: the URL,
headers, no body, simulations stopped after 20 s), and the process's C heaps by
:func:`limit_malloc_arenas`. ``tests/test_web_soak.py`` attacks a real server with each slow or
oversized client; ``benchmarks/soak_web.py`` measures it under a mixed load.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import struct
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from korelect.base.memory import mallopt
from korelect.web.app import SECURITY_HEADERS

__all__ = [
    "BACKLOG",
    "GRACEFUL_SHUTDOWN_S",
    "HEAD_TIMEOUT_S",
    "KEEP_ALIVE_S",
    "LINGER_S",
    "MALLOC_ARENAS",
    "MAX_CONNECTIONS",
    "MAX_HEAD",
    "SEND_TIMEOUT_S",
    "BoundedH11",
    "config",
    "limit_malloc_arenas",
]

HEAD_TIMEOUT_S = 10.0
"""Seconds a client has to send a whole request line and headers."""
SEND_TIMEOUT_S = 30.0
"""Seconds a response may stay unread (its send buffer over the high-water mark)."""
LINGER_S = 5.0
"""Seconds a closing connection may keep unsent data before it is dropped."""
KEEP_ALIVE_S = 5
"""Seconds an idle keep-alive connection is kept between requests (uvicorn's own timer)."""
MAX_CONNECTIONS = 200
"""Most open connections or running requests; a request past it gets 503 (uvicorn's limit)."""
MAX_HEAD = 16 * 1024
"""Most bytes of an incomplete request head (h11's limit in uvicorn); past it, a 400."""
BACKLOG = 256
"""Connections the kernel queues before the server accepts them."""
GRACEFUL_SHUTDOWN_S = 5
"""Seconds a stopping server waits for running requests before cancelling them."""

MALLOC_ARENAS = 2
"""C heaps (glibc malloc arenas) the server's threads share; see :func:`limit_malloc_arenas`."""

TICK_S = 1.0
_M_ARENA_MAX = -8  # glibc's malloc.h


def _plain(status: bytes, text: str) -> bytes:
    """A whole answer that closes its connection: ``status``, the security headers, one line."""
    body = (" ".join(text.split()) + "\n").encode()
    return b"".join(
        [
            b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\n",
            *(name + b": " + value + b"\r\n" for name, value in SECURITY_HEADERS),
            b"connection: close\r\ncontent-length: %d\r\n\r\n" % len(body),
            body,
        ]
    )


def _timeout_408() -> bytes:
    return _plain(
        b"408 Request Timeout",
        f"the request line and headers took longer than {HEAD_TIMEOUT_S:g} s",
    )


def _invalid_400(msg: str) -> bytes:
    said = " ".join(msg.split()).rstrip(".") or "Invalid HTTP request received"
    return _plain(
        b"400 Bad Request",
        f"{said}: the request line, a header or the body's framing is not valid HTTP/1.1",
    )


class BoundedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with bounds on a slow head, an unread response and a close."""

    _watchdog: asyncio.TimerHandle | None
    _idle_since: float
    _bytes_while_idle: bool
    _paused_since: float | None
    _closing_since: float | None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Start the connection's watchdog."""
        super().connection_made(transport)  # type: ignore[arg-type]
        self._idle_since = self.loop.time()
        self._bytes_while_idle = False
        self._paused_since = None
        self._closing_since = None
        self._watchdog = self.loop.call_later(TICK_S, self._tick)

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop the watchdog."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """Note that a head has begun, then let h11 read it."""
        if not self._in_flight():
            self._bytes_while_idle = True
        super().data_received(data)

    def on_response_complete(self) -> None:
        """The head of the next request is awaited from now."""
        self._idle_since = self.loop.time()
        self._bytes_while_idle = False
        super().on_response_complete()

    def pause_writing(self) -> None:
        """The client reads slower than we write: note since when."""
        if self._paused_since is None:
            self._paused_since = self.loop.time()
        super().pause_writing()

    def resume_writing(self) -> None:
        """The client caught up."""
        self._paused_since = None
        super().resume_writing()

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 cannot read: 400, the security headers and one line; close.

        uvicorn's own answer has none of the security headers. Where the unreadable part
        comes while the application answers the request before it (a malformed body), that
        answer is dropped: sent after this one, it would fail. Where an answer has already
        begun on the connection, no 400 can follow it: the connection is only closed.
        """
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True  # whatever the application still sends goes nowhere
            cycle.message_event.set()
        if getattr(self.conn, "our_state", None) in {h11.IDLE, h11.SEND_RESPONSE}:
            self.transport.write(_invalid_400(msg))
        self.transport.close()

    def _in_flight(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _drop(self) -> None:
        """Close at once, unsent data discarded: a reset, so the kernel keeps nothing either."""
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):  # already gone
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()

    def _tick(self) -> None:
        self._watchdog = None
        transport = self.transport
        now = self.loop.time()
        if transport.is_closing():
            if self._closing_since is None:
                self._closing_since = now
            elif now - self._closing_since >= LINGER_S:
                self._drop()
                return
        elif self._paused_since is not None and now - self._paused_since >= SEND_TIMEOUT_S:
            self._drop()
            return
        elif not self._in_flight() and now - self._idle_since >= HEAD_TIMEOUT_S:
            if self._bytes_while_idle:
                transport.write(_timeout_408())
            transport.close()
            self._closing_since = now
        self._watchdog = self.loop.call_later(TICK_S, self._tick)


def config(app: Any, host: str, port: int, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration ``korelect serve`` runs ``app`` under, with every limit."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=BoundedH11,
        ws="none",  # no route speaks WebSocket: an upgrade is an ordinary request
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEAD,
        backlog=BACKLOG,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
        **options,
    )


def limit_malloc_arenas(count: int = MALLOC_ARENAS) -> bool:
    """Let the process's threads share ``count`` C heaps; True where the C library allows it.

    glibc gives each thread that allocates its own heap (arena), up to 8 per CPU, and a heap
    keeps the memory it once held: under load, the request threads (up to 40) made the
    server's memory grow by some 200 MB, a 60 s soak on 2 CPUs, against some 50 MB with two
    heaps (and no slower). Called before any thread starts; left alone where the environment
    sets ``MALLOC_ARENA_MAX`` itself, and a no-op where the C library is not glibc.
    """
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    return mallopt(_M_ARENA_MAX, count)
