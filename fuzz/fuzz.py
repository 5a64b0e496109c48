"""Fuzz every reader korelect has, with Atheris (libFuzzer for Python), coverage-guided.

One target per reader a user can hand bytes to (issue 12):

========== ==================================================================================
target     what a run does with the bytes
========== ==================================================================================
csv        a CSV file of entries: ``read_entries_csv``, then allocated under 2004's and
           2020's law
rules      a rules file (TOML): ``load_rules``, then 2004's votes allocated under it
threshold  a threshold expression: ``parse_threshold``; what it reads must print back to
           an expression that reads the same, and test the same on a party
article    an article file: ``read_article_file``, its JSON and its summary
check      an article file checked: ``check_article`` against itself, the law and the record
counts     a counts folder (the bytes split into its files): ``read_counts``, then
           ``results`` and the folder's own audit
web        the target and query string of a GET to the web explorer, answered by the
           application itself (ASGI, no socket): every answer must be under 500
========== ==================================================================================

The contract of every target: whatever the bytes, korelect either succeeds or raises a
:class:`korelect.errors.KorelectError` (one clear message for the user). Any other
exception, an input that takes longer than ``--timeout`` seconds, or memory past
``--rss-limit-mb`` is a crash: libFuzzer stops, writes the input to the crash folder and
the run fails.

Run it::

    python fuzz/fuzz.py                      # every target, 10 s each (make test runs this)
    python fuzz/fuzz.py --seconds 300        # make fuzz: 5 minutes each, corpus kept in .fuzz/
    python fuzz/fuzz.py article --seconds 60
    python fuzz/fuzz.py --run csv .fuzz/crashes/crash-...   # replay one input

The seed inputs are made when a run starts, from what korelect ships and writes
(``examples/``, the rules of every registered year, every article ``article write`` makes,
an exported counts folder cut down to four districts, the explorer's own links), so no
corpus is committed. The table printed at the end gives, per target: inputs tried, inputs
per second, coverage (libFuzzer's ``cov``, edges of korelect's code reached), corpus size,
peak memory and crashes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("csv", "rules", "threshold", "article", "check", "counts", "web")
MAX_LEN = {"csv": 4096, "rules": 4096, "threshold": 256, "article": 16384, "check": 16384}
MAX_LEN |= {"counts": 8192, "web": 1024}
SEP = b"\n%%% "
"""Between the files of a counts folder in one input: ``SEP + name + newline + text``."""


# -- the targets: each takes the bytes and raises only KorelectError -------------------------


class Target:
    """A reader and what korelect does with what it read, set up once per process."""

    def __init__(self, name: str, scratch: Path) -> None:
        self.name = name
        self.scratch = scratch
        self.one: Callable[[bytes], None] = getattr(self, f"_{name}")
        getattr(self, f"_setup_{name}", lambda: None)()

    def __call__(self, data: bytes) -> None:
        from korelect.errors import KorelectError

        with contextlib.suppress(KorelectError):  # a clear refusal is what bad input should get
            self.one(data)

    def close(self) -> None:
        loop = getattr(self, "loop", None)
        if loop is not None:
            loop.close()

    def _file(self, name: str, data: bytes) -> Path:
        path = self.scratch / name
        path.write_bytes(data)
        return path

    def _setup_csv(self) -> None:
        import korelect

        self.laws = (korelect.rules_for(2004), korelect.rules_for(2020))

    def _csv(self, data: bytes) -> None:
        import korelect

        entries = korelect.read_entries_csv(self._file("in.csv", data))
        for law in self.laws:
            korelect.allocate(entries, law).explain()

    def _setup_rules(self) -> None:
        import korelect

        self.entries = korelect.read_entries_csv(ROOT / "examples" / "2004.csv")

    def _rules(self, data: bytes) -> None:
        import korelect

        rules = korelect.load_rules(self._file("rules.toml", data))
        korelect.allocate(self.entries, rules).explain()
        korelect.load_rules("again.toml", text=korelect.rules_to_toml(rules))

    def _threshold(self, data: bytes) -> None:
        from korelect.law.thresholds import parse_threshold

        condition = parse_threshold(data.decode("utf-8", "replace"))
        if condition is None:
            return
        again = parse_threshold(str(condition))
        assert again is not None, (condition, str(condition))
        for votes, seats in ((0, 0), (30, 0), (49, 5), (500, 1), (1000, 250)):
            a = condition.test(votes=votes, district_seats=seats, total=1000)
            b = again.test(votes=votes, district_seats=seats, total=1000)
            assert a.met == b.met, (str(condition), votes, seats)

    def _setup_check(self) -> None:  # the record, loaded once
        from korelect.record.data import dataset

        self.data = dataset()

    def _article(self, data: bytes) -> None:
        from korelect.analysis.article.reader import article_to_dict, read_article_file
        from korelect.views.article_summary import article_summary

        article = read_article_file(self._file("article.txt", data))
        json.dumps(article_to_dict(article))
        article_summary(article)

    def _check(self, data: bytes) -> None:
        from korelect.analysis.article.checker import check_article, check_text, check_to_dict
        from korelect.analysis.article.reader import read_article_file

        article = read_article_file(self._file("article.txt", data))
        findings = check_article(article, data=self.data)
        json.dumps(check_to_dict(findings, article.warnings))
        check_text(findings, article.warnings)

    def _counts(self, data: bytes) -> None:
        import korelect
        from korelect.analysis.audit.counts import audit_counts

        folder = self.scratch / "counts"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for name, text in split_folder(data):
            (folder / name).write_bytes(text)
        counts = korelect.read_counts(folder)
        result = korelect.results(counts)
        result.to_dict()
        audit_counts(counts)

    def _setup_web(self) -> None:
        from korelect.web.app import create_app

        self.app = create_app()
        self.loop = asyncio.new_event_loop()

    def _web(self, data: bytes) -> None:
        status = self.loop.run_until_complete(get(self.app, data))
        assert status < 500 or status == 503, (status, data)


def split_folder(data: bytes) -> Iterator[tuple[str, bytes]]:
    """The files of a counts folder packed by :func:`pack_folder` (names made safe)."""
    for part in (SEP + data).split(SEP)[1:]:
        name, _, text = part.partition(b"\n")
        safe = re.sub(rb"[^a-z_.]", b"", name)[:40].decode("ascii")
        if safe and safe not in (".", ".."):
            yield safe, text


def pack_folder(folder: Path) -> bytes:
    return b"".join(
        SEP + p.name.encode() + b"\n" + p.read_bytes() for p in sorted(folder.iterdir())
    )


async def get(app: object, data: bytes) -> int:
    """The status of ``GET <data>`` answered by the ASGI application, as uvicorn would pass it.

    Bytes an HTTP request line cannot carry are percent-encoded (a server never sees them raw).
    """
    target = quote(data.split(b"\n", 1)[0], safe="/?&=%+.,;:-_~!$'()*@[]")
    raw_path, _, query = target.encode("ascii").partition(b"?")
    from urllib.parse import unquote

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path.decode("ascii")) or "/",
        "raw_path": raw_path or b"/",
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    status = 0
    sent = False

    async def receive() -> dict[str, object]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)  # the client never disconnects while it waits
        return {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]

    await app(scope, receive, send)  # type: ignore[operator]
    return status


# -- the seed inputs, made from what korelect ships and writes -------------------------------


def seeds(target: str, into: Path) -> int:
    """Write the seed inputs of ``target`` into ``into``; return how many."""
    into.mkdir(parents=True, exist_ok=True)
    made = list(_seeds(target))
    for i, data in enumerate(made):
        (into / f"seed-{i:04d}").write_bytes(data)
    return len(made)


def _seeds(target: str) -> Iterator[bytes]:
    import korelect

    if target == "csv":
        yield (ROOT / "examples" / "2004.csv").read_bytes()
        yield from (p.read_bytes() for p in sorted((ROOT / "tests" / "golden").glob("*.csv")))
    elif target == "rules":
        yield from (p.read_bytes() for p in sorted((ROOT / "examples").glob("*.toml")))
        for year in korelect.registered_years():
            yield korelect.rules_to_toml(korelect.rules_for(year)).encode()
    elif target == "threshold":
        texts = {"3% OR 5 seats", "(3% OR 5 seats) AND 1 seat", "1/3", "0.03", "none", "2.5%"}
        texts |= {str(korelect.rules_for(y).threshold) for y in korelect.registered_years()}
        yield from (t.encode() for t in sorted(texts))
    elif target in ("article", "check"):
        from korelect.views.article_writer import write_article

        yield from (
            p.read_bytes() for p in sorted((ROOT.parent / "shared" / "seeds").glob("0*.txt"))
        )
        for year in (1948, 1973, 1988, 1996, 2004, 2020, 2024):
            yield write_article(year).encode()
        yield write_article(2020, rules=korelect.rules_for(2016)).encode()
    elif target == "counts":
        with tempfile.TemporaryDirectory() as tmp:
            yield pack_folder(small_folder(Path(tmp)))
    elif target == "web":
        yield from (u.encode() for u in web_links())


def web_links() -> list[str]:
    """Links of the explorer for a few years: pages, API, what-if and simulation with values."""
    from korelect.web._model import election

    links = ["/", "/docs", "/api/elections", "/openapi.json", "/static/style.css"]
    for year in (1948, 1973, 1996, 2016, 2020):
        parties = [p.info.party_id for p in election(year).parties][:2]
        district = election(year).districts[0].district.district_id
        votes = "&".join(f"v.{p}=12345" for p in parties)
        for root in (f"/elections/{year}", f"/api/elections/{year}"):
            links += [
                root,
                f"{root}/districts/{quote(district, safe='')}",
                f"{root}/whatif?rules=2016&threshold=5%25+OR+3+seats&list_seats=60&{votes}",
                f"{root}/whatif?method=dhondt&ties=lot&cap=30",
                f"{root}/simulate?n=20&seed=3&national_sd=0.02&district_sd=0.05&rules=2024",
            ]
        links += [
            f"/elections/{year}?party={parties[0]}&q=%EC%A2%85#districts",
            f"/api/elections/{year}/districts?q=%EC%A4%91&limit=5",
            f"/api/elections/{year}/allocation",
            f"/api/elections/{year}/indices?merge_satellites=true&appointed=false",
        ]
    return links


def small_folder(out: Path) -> Path:
    """2016's counts cut down to four districts (two in Seoul, two in Busan), rules to fit."""
    import korelect

    korelect.write_counts(korelect.counts_of(2016), out)
    districts = (out / "districts.csv").read_text(encoding="utf-8").splitlines()
    keep = [districts[0], *[r for r in districts[1:] if ",seoul," in r][:2]]
    keep += [r for r in districts[1:] if ",busan," in r][:2]
    ids = {r.split(",", 1)[0] for r in keep[1:]}
    (out / "districts.csv").write_text("\n".join(keep) + "\n", encoding="utf-8")
    for name in ("candidates.csv", "winners.csv"):
        rows = (out / name).read_text(encoding="utf-8").splitlines()
        kept = [rows[0], *[r for r in rows[1:] if r.split(",", 1)[0] in ids]]
        (out / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    for name in ("list_votes.csv", "list_turnout.csv"):
        rows = (out / name).read_text(encoding="utf-8").splitlines()
        kept = [rows[0], *[r for r in rows[1:] if r.startswith(("seoul,", "busan,"))]]
        (out / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    rules = korelect.rules_to_toml(korelect.rules_for(2016))
    rules = rules.replace("total_seats = 300", "total_seats = 6").replace(
        "district_seats = 253", "district_seats = 4"
    )
    (out / "rules.toml").write_text(rules, encoding="utf-8")
    election = (out / "election.toml").read_text(encoding="utf-8")
    election = re.sub(r"^rules = .*$", 'rules = "rules.toml"', election, flags=re.MULTILINE)
    if 'rules = "rules.toml"' not in election:
        election += 'rules = "rules.toml"\n'
    (out / "election.toml").write_text(election, encoding="utf-8")
    korelect.results(korelect.read_counts(out))  # the seed itself must be good
    return out


# -- running libFuzzer ----------------------------------------------------------------------


def run_one(target: str, libfuzzer_args: list[str]) -> None:
    """In this process: instrument korelect, set the target up and hand it to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["korelect"]):
        import pkgutil

        import korelect

        for module in pkgutil.walk_packages(korelect.__path__, "korelect."):
            if not module.name.startswith(("korelect.cli", "korelect.__main__")):
                __import__(module.name)
    scratch = Path(tempfile.mkdtemp(prefix=f"korelect-fuzz-{target}-"))
    one = Target(target, scratch)
    atheris.Setup([sys.argv[0], *libfuzzer_args], one)
    atheris.Fuzz()


STAT = re.compile(r"^stat::(\w+):\s*(\d+)", re.MULTILINE)
DONE = re.compile(r"#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)/")


def campaign(
    targets: list[str],
    seconds: int,
    corpus_root: Path | None,
    crashes: Path,
    *,
    timeout: int = 20,
    rss_limit_mb: int = 2048,
    seed: int | None = None,
    jobs: int = 1,
) -> list[dict[str, object]]:
    """Fuzz each target for ``seconds`` in its own process, ``jobs`` at once; figures per target."""
    crashes.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="korelect-fuzz-") as tmp:
        seeded = {target: seeds(target, Path(tmp) / f"seeds-{target}") for target in targets}

        def fuzz_one(target: str) -> dict[str, object]:
            corpus = (corpus_root or Path(tmp) / "corpus") / target
            corpus.mkdir(parents=True, exist_ok=True)
            args = [
                str(corpus),
                str(Path(tmp) / f"seeds-{target}"),
                f"-max_total_time={seconds}",
                f"-timeout={timeout}",
                f"-rss_limit_mb={rss_limit_mb}",
                f"-artifact_prefix={crashes}/{target}-",
                "-print_final_stats=1",
                "-close_fd_mask=1",
            ]
            if target in MAX_LEN:
                args.append(f"-max_len={MAX_LEN[target]}")
            if seed is not None:
                args.append(f"-seed={seed}")
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, __file__, "--run", target, *args],
                capture_output=True,
                text=True,
                errors="replace",
                check=False,
            )
            return _figures(target, done, seeded[target], crashes, time.monotonic() - started)

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            return list(pool.map(fuzz_one, targets))


def _figures(
    target: str,
    done: subprocess.CompletedProcess[str],
    n_seeds: int,
    crashes: Path,
    seconds: float,
) -> dict[str, object]:
    """One target's row, read from libFuzzer's final statistics and its crash folder."""
    log = done.stderr
    stats = {k: int(v) for k, v in STAT.findall(log)}
    final = DONE.findall(log)
    found = sorted(str(p) for p in crashes.glob(f"{target}-*"))
    row: dict[str, object] = {
        "target": target,
        "seconds": round(seconds, 1),
        "seeds": n_seeds,
        "inputs": stats.get("number_of_executed_units", 0),
        "per_second": stats.get("average_exec_per_sec", 0),
        "coverage": int(final[-1][1]) if final else 0,
        "corpus": int(final[-1][3]) if final else 0,
        "peak_rss_mb": stats.get("peak_rss_mb", 0),
        "slowest_s": stats.get("slowest_unit_time_sec", 0),
        "status": done.returncode,
        "crashes": found,
    }
    if done.returncode != 0 or found:
        row["log"] = log[-4000:]
    return row


def table(rows: list[dict[str, object]]) -> str:
    head = ("target", "inputs", "per s", "coverage", "corpus", "peak MB", "slowest s", "crashes")
    lines = ["  ".join(f"{h:>9}" for h in head)]
    for r in rows:
        cells = (r["target"], r["inputs"], r["per_second"], r["coverage"], r["corpus"])
        cells += (r["peak_rss_mb"], r["slowest_s"], len(r["crashes"]))  # type: ignore[arg-type]
        lines.append("  ".join(f"{c:>9}" for c in cells))
    total = sum(int(r["inputs"]) for r in rows)  # type: ignore[call-overload]
    lines.append(f"{total:,} inputs in all, {sum(len(r['crashes']) for r in rows)} crashes")  # type: ignore[arg-type]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run"]:
        run_one(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=10, help="per target (default 10)")
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (default: discarded)")
    parser.add_argument("--crashes", type=Path, default=Path(".fuzz/crashes"))
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take")
    parser.add_argument("--rss-limit-mb", type=int, default=2048)
    parser.add_argument("--seed", type=int, help="libFuzzer's random seed")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="targets at once (default: CPUs)"
    )
    args = parser.parse_args(argv)
    for name in args.targets:
        if name not in TARGETS:
            parser.error(f"unknown target {name!r} (one of {', '.join(TARGETS)})")
    rows = campaign(
        list(args.targets) or list(TARGETS),
        args.seconds,
        args.corpus,
        args.crashes,
        timeout=args.timeout,
        rss_limit_mb=args.rss_limit_mb,
        seed=args.seed,
        jobs=args.jobs,
    )
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    for r in rows:
        if r["status"] != 0 or r["crashes"]:
            print(
                f"\n{r['target']}: exit {r['status']}, crashes {r['crashes']}\n{r.get('log', '')}"
            )
    return 1 if any(r["status"] != 0 or r["crashes"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
