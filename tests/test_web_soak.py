"""The web server under load and under attack: a real `korelect serve` in a subprocess.

- A short soak (benchmarks/soak_web.py, 15 s, 4 connections, 4 elections): no 5xx, no broken
  connection, every response within 10 s, memory growth after warm-up under 100 MB. Never how
  fast: speed is the benchmark's to report.
- Slow and oversized clients on raw sockets: a request line sent a byte at a time, headers sent
  for ever (slowly and fast), an idle connection, a client that never reads, a 1 MB request
  line, 10,000 headers, a body on a GET, a POST with a huge Content-Length. Each is answered
  with a 4xx or its connection closed within a bound, and a normal request succeeds meanwhile.
  The server for these runs with its time bounds shortened (head 2 s, unread response 3 s,
  linger 1 s) so the tests take seconds; the mechanism is the one `korelect serve` runs, and
  the real values are checked in the configuration.
- Requests HTTP/1.1 cannot read (no Host header, a NUL in the request line, a header without a
  colon, a malformed chunk, a TLS ClientHello, ...): a 400 with the security headers and one
  line of text, and the connection closed.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from korelect.web import server as web_server
from korelect.web.app import MAX_HEADER_BYTES, MAX_HEADERS, SECURITY_HEADERS, create_app

BENCH = Path(__file__).parents[1] / "benchmarks"
HEAD_S, SEND_S, LINGER_S = 2.0, 3.0, 1.0
SLACK_S = 3.0  # the watchdog ticks once a second; a loaded machine answers late

pytestmark = pytest.mark.skipif(
    not Path("/proc/net/tcp").exists(), reason="reads the server's sockets from Linux's /proc"
)

SERVE = f"""
import sys
from korelect import cli
from korelect.web import server
server.HEAD_TIMEOUT_S, server.SEND_TIMEOUT_S, server.LINGER_S = {HEAD_S}, {SEND_S}, {LINGER_S}
sys.exit(cli.main(["serve", "--port", sys.argv[1]]))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"korelect serve exited with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    _stop(proc)
    pytest.fail("korelect serve did not start within 60 s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    number = _free_port()
    proc = _start(number)
    try:
        _get(number, "/elections/2004")  # warm: the page the attacks ask for
        yield number
    finally:
        _stop(proc)


def _get(port: int, path: str = "/api/elections") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _server_holds(port: int, client: socket.socket) -> bool:
    """Whether the server still has an open (ESTABLISHED) connection to ``client``."""
    mine = client.getsockname()[1]
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, state = fields[1], fields[2], fields[3]
            if (
                int(local.rsplit(":", 1)[1], 16) == port
                and int(remote.rsplit(":", 1)[1], 16) == mine
                and state == "01"
            ):
                return True
    return False


def _read_until_closed(sock: socket.socket, seconds: float) -> tuple[bytes, str]:
    """What the server sends until it closes (or resets) the connection, within ``seconds``."""
    sock.settimeout(0.2)
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            return data, "reset"
        if not chunk:
            return data, "closed"
        data += chunk
    return data, "open"


def _send_quietly(sock: socket.socket, data: bytes) -> bool:
    """Send; False when the server has already closed or reset the connection."""
    try:
        sock.sendall(data)
    except OSError:
        return False
    return True


def _status(data: bytes) -> int | None:
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data[9:12])


def _answer(data: bytes) -> tuple[int | None, dict[str, str], bytes, bytes]:
    """One answer's status, headers (names in lower case), body, and the bytes after it."""
    head, _, rest = data.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    size = int(headers.get("content-length", len(rest)))
    return _status(data), headers, rest[:size], rest[size:]


def _has_security_headers(headers: dict[str, str]) -> bool:
    return all(headers.get(k.decode()) == v.decode() for k, v in SECURITY_HEADERS)


def _client_hello() -> bytes:
    """The first bytes a TLS client sends: what an ``https://`` address sends to this port."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ssl.create_default_context().wrap_bio(incoming, outgoing, server_hostname="localhost")
    with contextlib.suppress(ssl.SSLWantReadError):
        tls.do_handshake()
    return outgoing.read()


class _Meanwhile:
    """Normal requests from another thread while an attack runs: every one must be a 200."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.statuses: list[int] = []
        self.stop = threading.Event()
        self.answered = threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                status = _get(self.port)
            except (OSError, http.client.HTTPException):
                status = 0
            self.statuses.append(status)
            self.answered.set()
            self.stop.wait(0.2)

    def wait(self, count: int, seconds: float = 30) -> None:
        """Until ``count`` requests have been answered (or ``seconds`` have passed)."""
        deadline = time.monotonic() + seconds
        while len(self.statuses) < count and time.monotonic() < deadline:
            time.sleep(0.05)

    def __enter__(self) -> _Meanwhile:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.answered.wait(30)  # at least one request answered during the attack
        self.stop.set()
        self.thread.join(35)
        assert self.statuses
        assert set(self.statuses) == {200}, self.statuses


# -- the soak -------------------------------------------------------------------------------


def test_a_short_soak_has_no_5xx_no_slow_answer_and_bounded_memory() -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(BENCH / "soak_web.py"),
            "--duration",
            "15",
            "-c",
            "4",
            "--years",
            "1973,2004,2016,2020",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(row for row in out.stdout.splitlines() if row.startswith("json: "))
    report = json.loads(line.removeprefix("json: "))
    total = report["kinds"]["all"]
    assert total["5xx"] == 0, report["failures"]
    assert total["broken"] == 0, report["failures"]
    assert total["max_ms"] < 10_000  # every response within 10 s
    for kind in ("page", "api", "whatif", "simulate", "bad"):
        assert report["kinds"][kind]["requests"] > 0, kind
    assert report["kinds"]["bad"]["4xx"] == report["kinds"]["bad"]["requests"]
    assert report["growth_mb"] < 100, report["rss_quarters_mb"]
    assert "server RSS:" in out.stdout


# -- slow clients ---------------------------------------------------------------------------


def test_a_request_line_sent_a_byte_at_a_time_gets_408_and_is_closed(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock, _Meanwhile(port):
        start = time.monotonic()
        request = b"GET /api/elections HTTP/1.1\r\nHost: x\r\n\r\n"
        data, state = b"", "open"
        for byte in request:  # one byte every 0.5 s: 20 s in all, were it let
            if not _send_quietly(sock, bytes([byte])):
                break
            data, state = _read_until_closed(sock, 0.5)
            if state != "open":
                break
        elapsed = time.monotonic() - start
        assert state in {"closed", "reset"}
        assert elapsed < HEAD_S + SLACK_S
        status, headers, body, after = _answer(data)
        assert status == 408
        assert body == b"the request line and headers took longer than 2 s\n"
        assert _has_security_headers(headers)
        assert headers["connection"] == "close"
        assert after == b""
        assert not _server_holds(port, sock)


def test_headers_sent_for_ever_slowly_get_408(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock, _Meanwhile(port):
        start = time.monotonic()
        _send_quietly(sock, b"GET / HTTP/1.1\r\nHost: x\r\n")
        state, data, i = "open", b"", 0
        while state == "open" and time.monotonic() - start < HEAD_S + SLACK_S + 2:
            if not _send_quietly(sock, b"X-%d: v\r\n" % i):
                break
            i += 1
            data, state = _read_until_closed(sock, 0.2)
        assert time.monotonic() - start < HEAD_S + SLACK_S
        assert _status(data) in {408, None}  # a 408, or a reset that swallowed it
        assert not _server_holds(port, sock)


def test_headers_sent_for_ever_fast_get_a_4xx(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock, _Meanwhile(port):
        start = time.monotonic()
        _send_quietly(sock, b"GET / HTTP/1.1\r\nHost: x\r\n")
        line = b"X-Padding: " + b"v" * 100 + b"\r\n"
        sent = 0
        while sent < 50_000_000 and _send_quietly(sock, line * 100):
            sent += len(line) * 100
        data, state = _read_until_closed(sock, 5)
        assert sent < 10_000_000  # refused long before
        assert state in {"closed", "reset"}
        assert _status(data) in {400, 431, None}
        assert time.monotonic() - start < 10
        assert not _server_holds(port, sock)


def test_an_idle_connection_is_closed_without_an_answer(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        start = time.monotonic()
        data, state = _read_until_closed(sock, HEAD_S + SLACK_S + 5)
        assert state == "closed"
        assert data == b""
        assert time.monotonic() - start < HEAD_S + SLACK_S


def test_a_keep_alive_connection_serves_requests_for_longer_than_the_head_bound(
    port: int,
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        start = time.monotonic()
        while time.monotonic() - start < HEAD_S * 2:
            conn.request("GET", "/api/elections")
            response = conn.getresponse()
            response.read()
            assert response.status == 200
            time.sleep(0.4)
    finally:
        conn.close()


def test_a_client_that_never_reads_is_dropped(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock, _Meanwhile(port):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        # 40 pipelined requests for a 200 kB page: 8 MB the client will never read
        _send_quietly(sock, b"GET /elections/2004 HTTP/1.1\r\nHost: x\r\n\r\n" * 40)
        start = time.monotonic()
        while _server_holds(port, sock) and time.monotonic() - start < 60:
            time.sleep(0.2)
        assert not _server_holds(port, sock)
        assert time.monotonic() - start < SEND_S + LINGER_S + 2 * SLACK_S


# -- oversized requests ---------------------------------------------------------------------


def _one_shot(port: int, request: bytes, seconds: float = 10) -> tuple[int | None, str]:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        _send_quietly(sock, request)
        data, state = _read_until_closed(sock, seconds)
        assert not _server_holds(port, sock) or state == "open"
        return _status(data), state


def test_a_request_line_of_1_mb_gets_400_or_is_closed(port: int) -> None:
    with _Meanwhile(port):
        status, state = _one_shot(
            port, b"GET /" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        )
    assert status in {400, 414, None}
    assert state in {"closed", "reset"}


def test_a_long_url_under_the_head_limit_gets_414(port: int) -> None:
    status, _ = _one_shot(
        port, b"GET /" + b"a" * 8000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert status == 414


def test_ten_thousand_headers_get_431_or_400(port: int) -> None:
    headers = b"".join(b"X-%d: v\r\n" % i for i in range(10_000))
    with _Meanwhile(port):
        status, state = _one_shot(port, b"GET / HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    assert status in {400, 431, None}
    assert state in {"closed", "reset"}


def test_a_body_on_a_get_gets_413_and_the_connection_closed(port: int) -> None:
    request = b"GET /api/elections HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
    status, state = _one_shot(port, request)
    assert status == 413
    assert state == "closed"


def test_a_post_with_a_huge_content_length_gets_413_at_once(port: int) -> None:
    with _Meanwhile(port):
        start = time.monotonic()
        request = b"POST /api/elections HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n"
        status, state = _one_shot(port, request + b"x" * 1000)
    assert status in {413, None}
    assert state in {"closed", "reset"}
    assert time.monotonic() - start < 5


def test_a_chunked_body_gets_413(port: int) -> None:
    request = b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
    status, state = _one_shot(port, request)
    assert status == 413
    assert state in {"closed", "reset"}


# -- requests HTTP/1.1 cannot read: uvicorn's 400, with the security headers ---------------

UNREADABLE = {
    "no Host header": b"GET /api/elections HTTP/1.1\r\n\r\n",
    "a NUL in the request line": b"GET /api/elec\0tions HTTP/1.1\r\nHost: x\r\n\r\n",
    "a header without a colon": b"GET /api/elections HTTP/1.1\r\nHost: x\r\nNo-Colon\r\n\r\n",
    "a space in a header name": b"GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
    "a path not UTF-8": b"GET /elections/\xff HTTP/1.1\r\nHost: x\r\n\r\n",
    "HTTP/0.9": b"GET /api/elections\r\n\r\n",
    "a malformed chunk": (
        b"GET /api/elections HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n"
    ),
    "a TLS ClientHello": _client_hello(),
}


def _check_400(data: bytes) -> bytes:
    """Check one 400 for a request HTTP cannot read; what the server sent after it."""
    status, headers, body, after = _answer(data)
    assert status == 400, data[:500]
    assert _has_security_headers(headers), headers
    assert headers["connection"] == "close"
    assert headers["content-type"] == "text/plain; charset=utf-8"
    text = body.decode()
    assert text.endswith("\n")
    assert text.count("\n") == 1, text  # one line
    assert text.startswith("Invalid HTTP request"), text
    return after


@pytest.mark.parametrize("request_", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_request_http_cannot_read_gets_a_400_with_the_security_headers(
    port: int, request_: bytes
) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        _send_quietly(sock, request_)
        data, state = _read_until_closed(sock, 10)
        assert state == "closed"
        assert _check_400(data) == b""
        assert not _server_holds(port, sock)
    assert _get(port) == 200


def test_a_request_then_one_http_cannot_read_get_a_200_then_the_400(port: int) -> None:
    good = b"GET /api/elections HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port)) as sock:
        _send_quietly(sock, good + b"GET /api/elections HTTP/1.1\r\n\r\n")
        data, state = _read_until_closed(sock, 10)
        assert state == "closed"
        status, headers, _, after = _answer(data)
        assert status == 200
        assert _has_security_headers(headers)
        assert _check_400(after) == b""


def test_many_slow_clients_at_once_do_not_stop_the_others(port: int) -> None:
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(30)]
    try:
        for sock in socks:
            _send_quietly(sock, b"GET / HT")
        with _Meanwhile(port) as meanwhile:
            meanwhile.wait(3)
        assert len(meanwhile.statuses) >= 3
        time.sleep(HEAD_S + SLACK_S)
        assert not any(_server_holds(port, sock) for sock in socks)
    finally:
        for sock in socks:
            sock.close()


def test_shutdown_does_not_wait_for_slow_clients() -> None:
    number = _free_port()
    proc = _start(number)
    try:
        with socket.create_connection(("127.0.0.1", number)) as slow:
            slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            _send_quietly(slow, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 10)
            time.sleep(1)
            start = time.monotonic()
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(web_server.GRACEFUL_SHUTDOWN_S + 10)
            assert time.monotonic() - start < web_server.GRACEFUL_SHUTDOWN_S + 5
    finally:
        _stop(proc)


# -- the configuration and the application's own bounds -------------------------------------


def test_serve_runs_under_every_limit() -> None:
    config = web_server.config(create_app(), "127.0.0.1", 0)
    assert config.http is web_server.BoundedH11
    assert config.ws == "none"
    assert config.timeout_keep_alive == web_server.KEEP_ALIVE_S == 5
    assert config.limit_concurrency == web_server.MAX_CONNECTIONS == 200
    assert config.h11_max_incomplete_event_size == web_server.MAX_HEAD == 16 * 1024
    assert config.backlog == web_server.BACKLOG
    assert config.timeout_graceful_shutdown == web_server.GRACEFUL_SHUTDOWN_S
    assert (web_server.HEAD_TIMEOUT_S, web_server.SEND_TIMEOUT_S) == (10.0, 30.0)
    assert isinstance(config, uvicorn.Config)


def test_the_application_refuses_headers_and_bodies_out_of_bounds() -> None:
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        many = {f"x-{i}": "v" for i in range(MAX_HEADERS + 1)}
        response = client.get("/api/elections", headers=many)
        assert response.status_code == 431
        assert "request headers" in response.json()["detail"]
        assert response.headers["connection"] == "close"
        big = {"x-big": "v" * (MAX_HEADER_BYTES + 1)}
        assert client.get("/elections/2004", headers=big).status_code == 431
        body = client.request("GET", "/api/elections", content=b"hello")
        assert body.status_code == 413
        assert body.json()["detail"] == "a request body is not accepted here"
        assert body.headers["content-security-policy"].startswith("default-src 'none'")
        assert client.post("/api/elections", content=b"x" * 100).status_code == 413
        assert client.get("/api/elections", headers={"content-length": "0"}).status_code == 200
