"""Turn the figures `make bench` collected into the README's performance table.

Every benchmark appends its headline figures (korelect's and the peer's, from one
run) to the JSON-lines file named by ``KORELECT_BENCH_FIGURES`` (see ``_figures.py``);
this script prints them as a Markdown table and, with ``--readme``, writes the table
between the README's two markers::

    <!-- make bench: start -->
    ...
    <!-- make bench: end -->

leaving every other line as it was. Run (``make bench`` does it last):
.venv/bin/python benchmarks/report.py .bench/figures.jsonl --readme README.md

A missing or empty figures file, a line that is not a figure, or a README without
exactly one pair of markers ends with one error line and exit status 2, and the
README is not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

START = "<!-- make bench: start -->"
END = "<!-- make bench: end -->"
FIELDS = {"figure": str, "korelect": str, "peer": str, "ratio": (int, float, type(None))}
MET = {True: "yes", False: "**no**", None: ""}


class ReportError(Exception):
    """A figures file or README this script cannot use."""


def read_figures(path: Path) -> list[dict[str, object]]:
    """The figures recorded in ``path``, in the order the benchmarks ran."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ReportError(f"{path}: cannot read the figures ({error.strerror})") from None
    rows: list[dict[str, object]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReportError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise ReportError(f"{path}, line {number}: expected an object with a figure")
        for field, kind in FIELDS.items():
            if not isinstance(row.get(field), kind):
                raise ReportError(f"{path}, line {number}: field {field!r} missing or mistyped")
        if not isinstance(row.get("target", ""), str) or row.get("met") not in MET:
            raise ReportError(
                f"{path}, line {number}: 'target' must be text, 'met' true/false/null"
            )
        rows.append(row)
    if not rows:
        raise ReportError(f"{path}: no figures (run the benchmarks through `make bench`)")
    return rows


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def table(rows: list[dict[str, object]], when: str) -> str:
    """The Markdown table of ``rows``, headed by when and where they were measured."""
    cores = os.cpu_count() or 0
    lines = [
        (
            f"Measured by `make bench` on {when} (Python {platform.python_version()}, "
            f"{cores} cores, a shared machine): each ratio is korelect's time over the peer's, "
            "both measured in the same run (below 1×: korelect is faster)."
        ),
        "",
        "| figure | korelect | peer, same run | ratio | target | met |",
        "|---|---|---|---:|---|---|",
    ]
    for row in rows:
        ratio = row["ratio"]
        shown = f"{ratio:.2f}×" if isinstance(ratio, (int, float)) else ""
        met = row.get("met")
        mark = MET[met] if met is None or isinstance(met, bool) else ""
        cells = (row["figure"], row["korelect"], row["peer"], shown, row.get("target", ""), mark)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def replace_between_markers(text: str, block: str, name: str = "README.md") -> str:
    """``text`` with the lines between the start and end markers replaced by ``block``."""
    if text.count(START) != 1 or text.count(END) != 1:
        raise ReportError(f"{name}: expected one {START!r} and one {END!r} marker")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{block}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", type=Path, help="the JSON-lines file make bench wrote")
    parser.add_argument("--readme", type=Path, help="write the table into this README")
    parser.add_argument("--date", help="the date to print (default: today, UTC)")
    args = parser.parse_args(argv)
    try:
        rows = read_figures(args.figures)
        block = table(rows, args.date or time.strftime("%Y-%m-%d", time.gmtime()))
        print(block, end="")
        if args.readme is not None:
            try:
                old = args.readme.read_text(encoding="utf-8")
            except OSError as error:
                raise ReportError(f"{args.readme}: cannot read ({error.strerror})") from None
            new = replace_between_markers(old, block, str(args.readme))
            if new != old:
                temporary = args.readme.with_name(args.readme.name + ".tmp")
                temporary.write_text(new, encoding="utf-8")
                temporary.replace(args.readme)
                print(f"wrote the table into {args.readme}")
    except ReportError as error:
        print(f"report: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
