"""How `korelect article read` and `article check` grow with the article: linearly.

Generated articles in the seed format: the three seed articles of tests/data/articles
(1992, 1996, 2004: title, infobox, prose, tables) repeated in turn to 1, 5, 10 and 50 MB.
Each size is read (`read_article`, the reader) and checked (`check_article`, the checker)
in a fresh process, so that its time and its peak memory (max RSS) are its own; the
table prints the time per MB and its growth against the smallest size (1.0x: linear).
Times are the process's CPU seconds: on a shared machine wall time grows with the load.
A second table grows two other shapes fourfold: one long paragraph of words and claims
(the prose and party-name code) and one table of region rows (the comparisons).

Then the two inputs a fuzzing campaign found quadratic (issue 12), run as
`korelect article check FILE` in a fresh process: a 14.6 KB paragraph of words and
claims, and the 1992 seed repeated 64 times. BEFORE holds their times measured on the
development machine before the fix (commit 65738b8), for comparison; the fuzzer saw 22 s
and 62 s on its machine.

The files are built in memory (the command line refuses article files over its size
limit), so reading the file from disk is not timed; `korelect article read` adds only the
decoding and its printing to what is timed here.

Run: .venv/bin/python benchmarks/bench_article.py [--sizes 1,5,10,50] [--check-up-to 50]
     [--gc-off] [--quick]

--quick (used by the tests) uses small sizes and only checks that it runs; its timings
mean nothing. --check-up-to MB skips checking larger sizes (reading them still runs).
--gc-off times with Python's cyclic garbage collector off: most of what the time per MB
still rises from 1 to 50 MB (about 1.5x with it on, 1.1x off) is the collector's passes
over a heap of gigabytes, which the CPU's caches no longer hold.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _figures import record

ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "articles"
SEEDS = ("001_5ff811948e8edf5d.txt", "000_7d758794e075301b.txt", "002_31e29b4b7733203f.txt")
SEED_1992 = ARTICLES / SEEDS[0]
BEFORE = {"14.6 KB paragraph": (22.5, 16.5), "seed x64": (32.2, 31.1)}
"""Seconds (wall, CPU) of `korelect article check` before the fix (commit 65738b8), measured."""
MB = 1_000_000
COLLECT = True
"""Whether the measuring processes keep Python's cyclic garbage collector on (--gc-off)."""


def seed_articles(size: int) -> str:
    """The three seeds in turn, repeated to ``size`` bytes (rounded up to a whole seed)."""
    seeds = [(ARTICLES / name).read_text(encoding="utf-8") for name in SEEDS]
    parts: list[str] = []
    total = 0
    while total < size:
        seed = seeds[len(parts) % len(seeds)]
        parts.append(seed)
        total += len(seed.encode())
    return "".join(parts)


def _head() -> str:
    """The 1992 seed's title, infobox and first paragraph."""
    return SEED_1992.read_text(encoding="utf-8").split("\n\n== Electoral")[0] + "\n\n"


def long_paragraph(size: int, seed: int = 3) -> str:
    """One paragraph of ``size`` bytes: the 1992 seed's words, with a claim in one of ten."""
    text = SEED_1992.read_text(encoding="utf-8")
    words = sorted(
        {w.strip(".,()") for line in text.splitlines() if line[:1].isalpha() for w in line.split()}
        - {""}
    )
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(words) if rng.random() < 0.9 else f"won {rng.randrange(300)} seats"
        out.append(word)
        total += len(word) + 1
    return _head() + " ".join(out) + "\n"


def region_table(size: int, seed: int = 5) -> str:
    """One table of ``size`` bytes: rows of the 1992 regions, DLP and DP seats, DLP %."""
    regions = ("Seoul", "Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Gyeonggi")
    rng = random.Random(seed)
    rows = [_head(), "== Results ==\n| Region | DLP | DP | DLP % |\n"]
    total = sum(len(r) for r in rows)
    while total < size:
        region = regions[len(rows) % len(regions)]
        row = f"| {region} | {rng.randrange(50)} | {rng.randrange(50)} | {rng.randrange(99)}.5% |\n"
        rows.append(row)
        total += len(row)
    return "".join(rows)


SHAPES = {"seed": seed_articles, "paragraph": long_paragraph, "table": region_table}


def measure(shape: str, size: int, check: bool, collect: bool = True) -> dict[str, float | int]:
    """Read (and check) one generated article in this process: its times and peak memory.

    ``collect=False`` turns Python's cyclic garbage collector off: its passes over a heap
    of gigabytes grow slower per object as the heap outgrows the CPU's caches.
    """
    from korelect.analysis.article.checker import check_article  # noqa: PLC0415
    from korelect.analysis.article.reader import read_article  # noqa: PLC0415
    from korelect.record.data import dataset  # noqa: PLC0415

    text = SHAPES[shape](size)
    dataset().years()  # the shipped tables, loaded before the clock starts
    if not collect:
        gc.disable()
    start = time.process_time()
    article = read_article(text, source=f"{shape}.txt")
    read = time.process_time() - start
    checked = float("nan")
    findings = -1
    if check:
        start = time.process_time()
        findings = len(check_article(article))
        checked = time.process_time() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "bytes": len(text.encode()),
        "read": read,
        "check": checked,
        "findings": findings,
        "warnings": len(article.warnings),
        "rss_mb": rss,
    }


def in_process(shape: str, size: int, check: bool) -> dict[str, float | int]:
    """:func:`measure` in a fresh Python process."""
    command = [sys.executable, __file__, "--one", shape, str(size)]
    if not check:
        command.append("--read-only")
    if not COLLECT:
        command.append("--gc-off")
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    data: dict[str, float | int] = json.loads(out)
    return data


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cli_check(text: str) -> tuple[float, float]:
    """Seconds of ``korelect article check FILE`` in a fresh process: wall and CPU."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "korelect", "article", "check", str(path)],
            check=False,  # exit 1 means findings
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        elapsed = time.perf_counter() - start
        cpu = _children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"korelect article check failed ({done.returncode}): {done.stderr}")
    return elapsed, cpu


def sizes_table(sizes: list[float], check_up_to: float) -> None:
    base = float(in_process("seed", 1, True)["rss_mb"])
    print("korelect article read / check on generated articles (the three seeds repeated)")
    print("(CPU seconds of the process: a busy machine inflates them less than wall time)")
    print(
        f"{'size':>8} {'read':>9} {'per MB':>9} {'check':>9} {'per MB':>9} "
        f"{'findings':>9} {'max RSS':>9} {'more/MB':>8}"
    )
    first: tuple[float, float] | None = None
    growth = ""
    last = ""
    for mb in sizes:
        check = mb <= check_up_to
        r = in_process("seed", int(mb * MB), check)
        size = float(r["bytes"]) / MB
        read_mb = float(r["read"]) / size
        check_mb = float(r["check"]) / size if check else float("nan")
        if first is None:
            first = (read_mb, check_mb)
        check_text = (
            f"{float(r['check']):8.2f}s {check_mb:8.2f}s"
            if check
            else (f"{'(skipped)':>9} {'':>9}")
        )
        more = (float(r["rss_mb"]) - base) / size
        print(
            f"{size:6.2f}MB {float(r['read']):8.2f}s {read_mb:8.3f}s {check_text} "
            f"{int(r['findings']) if check else '-':>9} {float(r['rss_mb']):7.0f}MB "
            f"{more:6.1f}MB"
        )
        growth = f"read {read_mb / first[0]:.2f}x" + (
            f", check {check_mb / first[1]:.2f}x" if check else ", check not run"
        )
        last = f"{size:.0f} MB: read {read_mb:.2f} s/MB" + (
            f", check {check_mb:.2f} s/MB" if check else ""
        )
    print(f"time per MB at the largest size against the smallest: {growth} (1.0x: linear)")
    record(
        "article read / check, CPU per MB of article",
        f"{last}; per MB against {sizes[0]:g} MB: {growth}",
        target="linear in size",
    )
    print(
        f"max RSS: of the whole process; more/MB: above the {base:.0f} MB of one seed checked, "
        "per MB of article"
    )


def shapes_table(base: int) -> None:
    print()
    print(f"other shapes, {base / MB:g} MB and four times that (check, CPU; growth of time/MB)")
    print(f"{'shape':<10} {'size':>8} {'check':>9} {'size x4':>9} {'check':>9} {'growth':>7}")
    for shape in ("paragraph", "table"):
        a = in_process(shape, base, True)
        b = in_process(shape, 4 * base, True)
        per_a = float(a["check"]) / float(a["bytes"])
        per_b = float(b["check"]) / float(b["bytes"])
        print(
            f"{shape:<10} {float(a['bytes']) / MB:6.2f}MB {float(a['check']):8.2f}s "
            f"{float(b['bytes']) / MB:7.2f}MB {float(b['check']):8.2f}s {per_b / per_a:6.2f}x"
        )


def found_table() -> None:
    print()
    print("the inputs the fuzzer found quadratic: korelect article check FILE (fresh process)")
    print(
        f"{'case':<20} {'size':>9} {'before: wall':>13} {'CPU':>7} {'now: wall':>10} "
        f"{'CPU':>7} {'faster':>7}"
    )
    cases = {
        "14.6 KB paragraph": long_paragraph(14_600),
        "seed x64": SEED_1992.read_text(encoding="utf-8") * 64,
    }
    for name, text in cases.items():
        wall, cpu = min(cli_check(text) for _ in range(3))
        before_wall, before_cpu = BEFORE[name]
        print(
            f"{name:<20} {len(text.encode()) / 1000:7.1f}KB {before_wall:12.1f}s "
            f"{before_cpu:6.1f}s {wall:9.2f}s {cpu:6.2f}s {before_cpu / cpu:6.0f}x"
        )
    print(
        "(before: measured before the fix, commit 65738b8, on the development machine; "
        "now: best of 3, start-up included; faster: in CPU time)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,10,50", help="sizes in MB, comma-separated")
    parser.add_argument("--check-up-to", type=float, default=50.0, metavar="MB")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    parser.add_argument("--read-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--gc-off", action="store_true", help="time with the cyclic garbage collector off"
    )
    args = parser.parse_args()
    if args.one:
        result = measure(args.one[0], int(args.one[1]), not args.read_only, not args.gc_off)
        print(json.dumps(result))
        return
    global COLLECT  # noqa: PLW0603  (one switch for every measuring process)
    COLLECT = not args.gc_off
    if args.quick:
        sizes_table([0.02, 0.08], check_up_to=1.0)
        shapes_table(10_000)
        return
    sizes_table([float(s) for s in args.sizes.split(",")], args.check_up_to)
    shapes_table(MB // 4)
    found_table()


if __name__ == "__main__":
    main()
