"""The ``korelect chart`` command: a chart of one election written to an SVG or PNG file.

``korelect chart hemicycle|map|bars|histogram YEAR|--counts DIR -o FILE`` draws
the chart with :mod:`korelect.charts` and writes it whole or not at all (a temporary
file in the same folder, renamed into place). The format is the file's suffix,
``.svg`` or ``.png``. Every user mistake is one ``korelect: error: ...`` line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from korelect.base.files import check_target
from korelect.cli.common import (
    Output,
    Subparsers,
    add_source,
    rules_arg,
    source_arg,
    write_whole,
)
from korelect.errors import FileFormatError, InputError

__all__ = ["CHARTS", "add_parser", "run"]

CHARTS = ("hemicycle", "map", "bars", "histogram")
FORMATS = (".svg", ".png")

_EXAMPLES = """\
examples:
  korelect chart hemicycle 2024 -o hemicycle-2024.svg
  korelect chart hemicycle 2020 --rules 2016 -o 2020-under-2016.png
  korelect chart map 2016 -o map-2016.svg
  korelect chart map 2016 --party "People's Party" -o pp-2016.png
  korelect chart bars 2020 -o bars-2020.svg
  korelect chart histogram 2016 -n 2000 --seed 7 -o sim-2016.png
  korelect chart hemicycle --counts my2016 -o mine.svg   (your own counts: docs/COUNTS.md)

PNG text uses the system's fonts: install a Korean font (Debian: fonts-nanum) for Korean labels."""


def add_parser(sub: Subparsers) -> None:
    """Add ``chart`` to the command line's subparsers."""
    parser = sub.add_parser(
        "chart",
        help="draw a chart of an election as SVG or PNG",
        description="Draw a hemicycle of the assembly, a map of the provinces, vote share\n"
        "against seat share, or the seat distributions of a simulation, of YEAR or of\n"
        "the counts in DIR, and write it whole to an .svg or .png file (the format is\n"
        "the file's suffix).",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("chart", choices=CHARTS, metavar="|".join(CHARTS))
    add_source(parser)
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="FILE.svg or FILE.png"
    )
    parser.add_argument(
        "--rules",
        metavar="YEAR|RULES.toml",
        help="the same votes under other rules (hemicycle, bars, histogram)",
    )
    parser.add_argument("--party", metavar="NAME", help="map: colour by this party's share")
    parser.add_argument("--width", type=int, metavar="N", help="width in pixels")
    parser.add_argument(
        "-n", type=int, default=1000, help="histogram: simulated elections (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=0, help="histogram: random seed (default 0)")
    parser.set_defaults(run=run)


def _check_output(text: str) -> Path:
    path = Path(text)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = repr(path.suffix) if path.suffix else "no suffix"
        raise InputError(
            f"chart: -o {text}: the format comes from the suffix, .svg or .png (got {shown})"
        )
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise FileFormatError("no such folder", path=str(path))
    if path.is_dir():
        raise FileFormatError("is a folder", path=str(path))
    check_target(path)  # a link, a device or a FIFO refused before anything is drawn
    return path


def run(args: argparse.Namespace) -> Output:
    """``korelect chart``: draw the chart, write it, and say what was written."""
    path = _check_output(args.output)
    source = source_arg(args, f"chart {args.chart}")
    if args.party is not None and args.chart != "map":
        raise InputError(f"chart {args.chart}: --party is for the map only")
    if args.rules is not None and args.chart == "map":
        raise InputError("chart map: --rules does not apply (the map shows district seats)")
    rules = None if args.rules is None else rules_arg(args.rules)
    width: dict[str, int] = {} if args.width is None else {"width": args.width}
    if args.chart == "map":
        from korelect.charts.map import map_svg  # noqa: PLC0415

        svg = map_svg(source, party=args.party, **width)
    elif args.chart == "histogram":
        from korelect.analysis.simulate import simulate  # noqa: PLC0415
        from korelect.base.memory import keep_freed_memory  # noqa: PLC0415
        from korelect.charts.histogram import histogram_svg  # noqa: PLC0415

        keep_freed_memory()
        svg = histogram_svg(simulate(source, args.n, seed=args.seed, rules=rules), **width)
    else:
        from korelect.charts.bars import bars_svg  # noqa: PLC0415
        from korelect.charts.hemicycle import hemicycle_svg  # noqa: PLC0415
        from korelect.record.election import results  # noqa: PLC0415

        result = results(source, rules=rules)
        draw = hemicycle_svg if args.chart == "hemicycle" else bars_svg
        svg = draw(result, **width)
    if path.suffix.lower() == ".png":
        from korelect.charts.png import svg_to_png  # noqa: PLC0415

        data = svg_to_png(svg)
    else:
        data = svg.encode("utf-8")
    write_whole(path, data)
    return Output(f"wrote {path} ({len(data):,} bytes)")
