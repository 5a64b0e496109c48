"""Rich display in notebooks: ``_repr_html_`` of results, allocations and simulations.

Each gives one ``<div>`` with the hemicycle (inline SVG) and an HTML table of
the parties; every name is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from korelect.charts._model import blocs, chart_input, under
from korelect.charts._svg import esc
from korelect.charts.hemicycle import hemicycle_svg
from korelect.engine.allocation import Allocation
from korelect.record.election import ElectionResult

if TYPE_CHECKING:
    from korelect.analysis.simulate import Simulation

__all__ = ["result_html"]


def _table(head: list[str], rows: list[list[str]]) -> str:
    out = ["<table>", "<thead><tr>"]
    out += [f"<th>{esc(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = "".join(f"<td>{esc(c)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def result_html(obj: ElectionResult | Allocation | Simulation) -> str:
    """An HTML fragment: the hemicycle and the party table of ``obj``.

    >>> from korelect import results
    >>> html = result_html(results(1988))
    >>> html.startswith("<div") and "<svg" in html and "<table>" in html
    True
    """
    chart_input(obj)
    if isinstance(obj, ElectionResult | Allocation):
        if isinstance(obj, ElectionResult):
            caption = f"National Assembly election {obj.year}: {obj.total_seats} seats"
        else:
            caption = f"{obj.rules.name}: {obj.total_seats} seats"
        head = ["Party", "Votes %", "District", "List", "Total"]
        rows = [
            [
                b.label,
                "" if b.vote_share is None else f"{float(b.vote_share) * 100:.2f}",
                str(b.district),
                str(b.list),
                str(b.seats),
            ]
            for b in sorted(blocs(obj), key=lambda b: (b.independent, -b.seats))
            if b.seats or (b.vote_share or 0) >= 0.01
        ]
    else:
        caption = f"{obj.year}{under(obj)}: {obj.n:,} simulated elections, seed {obj.seed}"
        head = ["Party", "Mean", "Median", "5–95%", "Majority", "Largest"]
        rows = [
            [
                p.info.name_en,
                f"{p.mean:.1f}",
                f"{p.median:g}",
                f"{p.low:g}–{p.high:g}",
                f"{p.p_majority:.1%}",
                f"{p.p_largest:.1%}",
            ]
            for p in obj.projections()
        ]
    return (
        f'<div class="korelect">{hemicycle_svg(obj, title=caption, width=560)}'
        f"{_table(head, rows)}</div>"
    )
