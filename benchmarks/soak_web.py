"""Soak test of the web explorer on loopback: a mixed load for a bounded time, then the figures.

Starts `korelect serve` (as benchmarks/bench_web.py does: one uvicorn process on a free
loopback port), warms its caches (every chosen year's page, record, audit, districts), then
drives it for --duration seconds (at most 600; 60 by default) from C client threads, each
holding one keep-alive HTTP/1.1 connection (the standard library's http.client), with a
seeded mix of requests:

- pages (30%): the index, election pages (with searches and map parties), district pages,
  /docs, the stylesheet;
- API (30%): records, province tables, allocations, indices, audits, district searches;
- what-if (25%, API and page): another year's rules, thresholds, list seats, methods, caps,
  tie rules and changed list votes, drawn at random;
- simulation (10%, API and page): 20 to 300 runs, seeds, sds and other years' law;
- bad requests (5%): unknown years, methods and parties, out-of-range runs (each a 4xx).

It reports requests/s, p50/p99/max latency per kind, the count of 4xx and 5xx, and the server's
memory (VmRSS from /proc/PID/status) at start, after warm-up, the highest in each quarter of
the soak, and at the end. It fails (exit 1) on any 5xx, any broken connection, or memory
growing by more than --max-growth MB (100) after warm-up. Speed is reported, never asserted.
Run: .venv/bin/python benchmarks/soak_web.py [--duration S] [-c C] [--years 2004,2020] [--json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from bench_web import free_port, start_server, stop_server

from korelect.law.methods import METHODS
from korelect.law.ties import TieRule

KINDS = ("page", "api", "whatif", "simulate", "bad")
WEIGHTS = (30, 30, 25, 10, 5)
THRESHOLDS = ("", "none", "3%", "5%", "2.5%", "3% OR 5 seats", "5 seats", "1%")
SEARCHES = ("", "서울", "Seoul", "부산", "갑", "구", "종로", "Gyeonggi", "x", "1")
BAD = (
    "/elections/1999",
    "/api/elections/1999",
    "/api/elections/2004/whatif?method=magic",
    "/api/elections/2004/whatif?v.nobody=5",
    "/api/elections/2020/simulate?n=100000",
    "/elections/2004/districts/nowhere",
    "/nothing",
)


def rss_kb(pid: int) -> int:
    """The resident set size of process ``pid`` in kB (Linux's /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit(f"no VmRSS for process {pid}")


@dataclass
class Year:
    """What the load needs to know of one election: parties (votes) and districts."""

    year: int
    parties: list[tuple[str, int | None]]  # id, votes (None: published shares, in percent)
    districts: list[str]
    largest: str


@dataclass
class Outcome:
    """Every request's kind, start, latency and status (0: the connection broke)."""

    rows: list[tuple[str, float, float, int, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, start: float, latency: float, status: int, path: str) -> None:
        with self.lock:
            self.rows.append((kind, start, latency, status, path))


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def warm(port: int, years: list[int]) -> dict[int, Year]:
    """One request for each year's page, record, audit and districts: the caches filled."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    out: dict[int, Year] = {}
    try:
        for path in ("/", "/api/elections", "/docs", "/openapi.json"):
            status, _ = get(conn, path)
            if status != 200:
                raise SystemExit(f"warm-up: {path}: status {status}")
        for y in years:
            for path in (f"/elections/{y}", f"/api/elections/{y}/audit"):
                status, _ = get(conn, path)
                if status != 200:
                    raise SystemExit(f"warm-up: {path}: status {status}")
            record = json.loads(get(conn, f"/api/elections/{y}")[1])
            found = json.loads(get(conn, f"/api/elections/{y}/districts")[1])["districts"]
            parties = [
                (p["id"], p["votes"] if isinstance(p["votes"], int) else None)
                for p in record["parties"]
                if p["kind"] != "independent"
            ]
            out[y] = Year(y, parties, [d["district_id"] for d in found], record["parties"][0]["id"])
    finally:
        conn.close()
    return out


def whatif_query(rng: random.Random, data: Year, years: list[int]) -> str:
    params: dict[str, str] = {}
    if rng.random() < 0.4:
        params["rules"] = str(rng.choice(years))
    if rng.random() < 0.5:
        params["threshold"] = rng.choice(THRESHOLDS)
    if rng.random() < 0.3:
        params["list_seats"] = str(rng.randint(0, 120))
    if rng.random() < 0.3:
        params["method"] = rng.choice(METHODS)
    if rng.random() < 0.3:
        params["ties"] = rng.choice([t.value for t in TieRule])
    if data.year >= 2020 and rng.random() < 0.3:
        params["cap"] = rng.choice(("none", "30", "20"))
    for party, votes in rng.sample(data.parties, min(len(data.parties), rng.randint(0, 2))):
        if votes is None:
            params[f"v.{party}"] = str(rng.randint(0, 60))
        else:
            params[f"v.{party}"] = str(int(max(votes, 1000) * rng.uniform(0.3, 1.7)))
    return urlencode(params)


def pick(rng: random.Random, kind: str, data: dict[int, Year], years: list[int]) -> str:
    """A request of ``kind`` drawn at random."""
    y = rng.choice(years)
    d = data[y]
    if kind == "page":
        return rng.choice(
            [
                "/",
                f"/elections/{y}",
                f"/elections/{y}?q={quote(rng.choice(SEARCHES))}",
                f"/elections/{y}?party={d.largest}",
                f"/elections/{y}/districts/{quote(rng.choice(d.districts), safe='')}",
                "/docs",
                "/static/style.css",
            ]
        )
    if kind == "api":
        return rng.choice(
            [
                "/api/elections",
                f"/api/elections/{y}",
                f"/api/elections/{y}?by=province",
                f"/api/elections/{y}/allocation",
                f"/api/elections/{y}/indices?merge_satellites={rng.choice(('true', 'false'))}",
                f"/api/elections/{y}/audit",
                f"/api/elections/{y}/districts?q={quote(rng.choice(SEARCHES))}",
                f"/api/elections/{y}/districts/{quote(rng.choice(d.districts), safe='')}",
                "/openapi.json",
            ]
        )
    if kind == "whatif":
        where = rng.choice(("/api/elections", "/elections"))
        return f"{where}/{y}/whatif?{whatif_query(rng, d, years)}"
    if kind == "simulate":
        where = rng.choice(("/api/elections", "/elections"))
        params = {"n": str(rng.choice((20, 50, 100, 200, 300))), "seed": str(rng.randint(0, 40))}
        if rng.random() < 0.3:
            params["rules"] = str(rng.choice(years))
        if rng.random() < 0.3:
            params["national_sd"] = f"{rng.uniform(0, 0.1):.3f}"
        return f"{where}/{y}/simulate?{urlencode(params)}"
    return rng.choice(BAD)


def drive(
    port: int, data: dict[int, Year], seconds: float, clients: int, seed: int
) -> tuple[Outcome, float]:
    """``clients`` threads, one keep-alive connection each, for ``seconds``; the wall time."""
    outcome = Outcome()
    years = sorted(data)
    start = time.perf_counter()
    deadline = start + seconds

    def worker(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while (t0 := time.perf_counter()) < deadline:
                kind = rng.choices(KINDS, WEIGHTS)[0]
                path = pick(rng, kind, data, years)
                try:
                    status, _ = get(conn, path)
                except (OSError, http.client.HTTPException):
                    status = 0
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                outcome.add(kind, t0 - start, time.perf_counter() - t0, status, path)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcome, time.perf_counter() - start


def sample_memory(pid: int, stop: threading.Event, samples: list[tuple[float, int]]) -> None:
    start = time.perf_counter()
    while not stop.is_set():
        samples.append((time.perf_counter() - start, rss_kb(pid)))
        stop.wait(0.25)


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Report:
    """The soak's figures (memory in MB, latency in ms)."""

    port: int
    duration_s: float
    clients: int
    years: list[int]
    warm_s: float
    cpus: int
    load_start: float
    load_end: float
    kinds: dict[str, dict[str, float]]
    rss_start_mb: float
    rss_warm_mb: float
    rss_quarters_mb: list[float]
    rss_end_mb: float
    failures: list[str]

    @property
    def growth_mb(self) -> float:
        """Memory grown from the end of warm-up to the end of the soak."""
        return self.rss_end_mb - self.rss_warm_mb

    @property
    def trend_mb(self) -> float:
        """Memory grown from the second quarter of the soak to the last (highest in each)."""
        return self.rss_quarters_mb[3] - self.rss_quarters_mb[1]

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "growth_mb": self.growth_mb, "trend_mb": self.trend_mb}


def figures(outcome: Outcome, wall: float) -> dict[str, dict[str, float]]:
    """Per kind of request (and for all): count, rate, latency, 4xx, 5xx, broken connections."""
    kinds: dict[str, dict[str, float]] = {}
    for kind in (*KINDS, "all"):
        rows = [r for r in outcome.rows if kind in ("all", r[0])]
        ordered = sorted(r[2] for r in rows) or [0.0]
        kinds[kind] = {
            "requests": len(rows),
            "rps": len(rows) / wall,
            "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": percentile(ordered, 0.99) * 1000,
            "max_ms": ordered[-1] * 1000,
            "4xx": sum(400 <= r[3] < 500 for r in rows),
            "5xx": sum(r[3] >= 500 for r in rows),
            "broken": sum(r[3] == 0 for r in rows),
        }
    return kinds


def soak(duration: float, clients: int, years: list[int], seed: int) -> Report:
    """Start the server, warm it, soak it, stop it: the figures."""
    port = free_port()
    proc = start_server(port)
    try:
        rss_start = rss_kb(proc.pid)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        everything = [e["year"] for e in json.loads(get(conn, "/api/elections")[1])]
        conn.close()
        unknown = sorted(set(years) - set(everything))
        if unknown:
            raise SystemExit(f"--years: no election in {unknown}")
        years = years or everything
        t0 = time.perf_counter()
        data = warm(port, years)
        warm_s = time.perf_counter() - t0
        rss_warm = rss_kb(proc.pid)
        load_start = os.getloadavg()[0]
        samples: list[tuple[float, int]] = []
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(proc.pid, stop, samples))
        sampler.start()
        try:
            outcome, wall = drive(port, data, duration, clients, seed)
        finally:
            stop.set()
            sampler.join()
        load_end = os.getloadavg()[0]
        rss_end = rss_kb(proc.pid)
    finally:
        stop_server(proc)
    quarters = [
        max((kb for t, kb in samples if q * wall / 4 <= t < (q + 1) * wall / 4), default=0)
        for q in range(4)
    ]
    failures = [f"{r[3]} {r[4]}" for r in outcome.rows if r[3] >= 500 or r[3] == 0]
    return Report(
        port=port,
        duration_s=wall,
        clients=clients,
        years=years,
        warm_s=warm_s,
        cpus=os.cpu_count() or 1,
        load_start=load_start,
        load_end=load_end,
        kinds=figures(outcome, wall),
        rss_start_mb=rss_start / 1024,
        rss_warm_mb=rss_warm / 1024,
        rss_quarters_mb=[kb / 1024 for kb in quarters],
        rss_end_mb=rss_end / 1024,
        failures=failures[:10],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("-c", type=int, default=8, help="client connections (default 8)")
    parser.add_argument("--years", default="", help="elections to use, e.g. 2004,2020 (all)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the request mix (0)")
    parser.add_argument(
        "--max-growth", type=float, default=100.0, help="MB of growth after warm-up (100)"
    )
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    if not (1 <= args.duration <= 600 and 1 <= args.c <= 64):
        raise SystemExit("--duration must be 1..600 and -c 1..64")
    years = [int(y) for y in args.years.split(",")] if args.years else []
    r = soak(args.duration, args.c, years, args.seed)
    print(
        f"korelect serve on 127.0.0.1:{r.port}: soak of {r.duration_s:.0f} s, {r.clients} client "
        f"connections, {len(r.years)} elections (warm-up {r.warm_s:.1f} s); load average "
        f"{r.load_start:.1f} before, {r.load_end:.1f} after, {r.cpus} CPUs"
    )
    print(
        f"{'kind':<10} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'4xx':>5} {'5xx':>4} {'broken':>6}"
    )
    for kind, k in r.kinds.items():
        print(
            f"{kind:<10} {int(k['requests']):>8} {k['rps']:>7.1f} {k['p50_ms']:>8.1f} "
            f"{k['p99_ms']:>8.1f} {k['max_ms']:>8.1f} {int(k['4xx']):>5} {int(k['5xx']):>4} "
            f"{int(k['broken']):>6}"
        )
    quarters = " / ".join(f"{mb:.1f}" for mb in r.rss_quarters_mb)
    print(
        f"server RSS: {r.rss_start_mb:.1f} MB at start, {r.rss_warm_mb:.1f} MB after warm-up, "
        f"highest per quarter {quarters} MB, {r.rss_end_mb:.1f} MB at the end: "
        f"{r.growth_mb:+.1f} MB after warm-up, {r.trend_mb:+.1f} MB from the second quarter "
        "to the last"
    )
    if args.json:
        print("json:", json.dumps(r.to_dict()))
    total = r.kinds["all"]
    problems = []
    if total["5xx"] or total["broken"]:
        problems.append(f"{total['5xx']:.0f} 5xx, {total['broken']:.0f} broken: {r.failures}")
    if r.growth_mb > args.max_growth:
        problems.append(f"memory grew {r.growth_mb:.1f} MB (over {args.max_growth:g})")
    if problems:
        print("FAIL:", "; ".join(problems), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
