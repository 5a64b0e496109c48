"""Load test of the web explorer on loopback: requests per second and latency percentiles.

Starts `korelect serve` (uvicorn, one process, a real socket on a free loopback port), warms
its caches with one request per URL, then fires N requests per URL from C client threads,
each thread holding one keep-alive HTTP/1.1 connection (the standard library's http.client),
and reports requests per second and p50/p99 latency for:

- an election page (`/elections/2004`: hemicycle, bars, map, national, province and index
  tables, 243 districts, the audit trail; about 190 kB of HTML);
- the JSON API (`/api/elections/2004`, the record of `korelect results 2004 --json`);
- a what-if (`/api/elections/2020/whatif?threshold=5%25&cap=none`, reallocated per request).

Bounded: at most N requests per URL and a wall-clock limit per URL (a URL still running at
the limit stops and reports what it did). Every response must be 200. Run:
.venv/bin/python benchmarks/bench_web.py [--quick] [-n N] [-c C]
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

URLS = (
    ("election page", "/elections/2004"),
    ("API /api/elections/2004", "/api/elections/2004"),
    ("API what-if 2020", "/api/elections/2020/whatif?threshold=5%25&cap=none"),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int) -> subprocess.Popen[bytes]:
    korelect = Path(sys.executable).with_name("korelect")
    program = [str(korelect)] if korelect.exists() else [sys.executable, "-m", "korelect"]
    command = [*program, "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"korelect serve exited with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    stop_server(proc)
    raise SystemExit("korelect serve did not start within 30 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, int]:
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, len(body)


def load(port: int, path: str, n: int, c: int, limit_s: float) -> dict[str, float]:
    """N requests to path from c threads (or fewer, if the time limit comes first)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(n))
    deadline = time.monotonic() + limit_s
    size = 0

    def worker() -> None:
        nonlocal size
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with lock:
                    if next(counter, None) is None:
                        return
                t0 = time.perf_counter()
                status, length = get(conn, path)
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    size = length
                    if status != 200:
                        errors.append(f"{path}: status {status}")
        finally:
            conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(c)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, first: {errors[0]}")
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return {
        "requests": len(latencies),
        "seconds": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": p99 * 1000,
        "bytes": size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few requests: does it still run")
    parser.add_argument("-n", type=int, default=2000, help="requests per URL (default 2000)")
    parser.add_argument("-c", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument(
        "--limit", type=float, default=60.0, help="seconds at most per URL (default 60)"
    )
    args = parser.parse_args()
    n, c = (40, 4) if args.quick else (args.n, args.c)
    if not (1 <= n <= 100_000 and 1 <= c <= 256):
        raise SystemExit("-n must be 1..100000 and -c 1..256")
    port = free_port()
    proc = start_server(port)
    try:
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _, path in URLS:
            status, _ = get(warm, path)
            if status != 200:
                raise SystemExit(f"{path}: status {status}")
        warm.close()
        print(f"korelect serve on 127.0.0.1:{port}: {n} requests per URL, {c} connections")
        print(f"{'URL':<28} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'kB':>7}")
        for label, path in URLS:
            r = load(port, path, n, c, args.limit)
            print(
                f"{label:<28} {int(r['requests']):>8} {r['rps']:>8.0f} {r['p50_ms']:>8.1f} "
                f"{r['p99_ms']:>8.1f} {r['bytes'] / 1000:>7.1f}"
            )
    finally:
        stop_server(proc)


if __name__ == "__main__":
    main()
