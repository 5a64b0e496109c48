"""Seat distributions of a simulation: one small panel per main party.

The main parties are the ``parties`` with most mean seats
(:meth:`korelect.Simulation.projections`). Each panel is a histogram of the
party's total seats over the runs, on a seat axis shared by all panels (from
the lowest to the highest seat count any shown party reached, widened to take
in the majority where it is near), with the mean marked and a dashed line at
the majority (more than half the seats); where the majority lies beyond the
axis, an arrow at the edge says so.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from korelect.charts._model import INDEPENDENT_COLOUR, is_simulation, under
from korelect.charts._svg import MUTED, RULE, document, esc, fit, num, text, title_text
from korelect.errors import InputError

if TYPE_CHECKING:
    from korelect.analysis.simulate import Simulation

__all__ = ["histogram_svg"]


def _ticks(lo: int, hi: int) -> list[int]:
    span = max(hi - lo, 1)
    step = 1
    for s in (1, 2, 5, 10, 20, 25, 50, 100):
        step = s
        if span / s <= 8:
            break
    start = math.ceil(lo / step) * step
    return list(range(start, hi + 1, step))


def histogram_svg(sim: Simulation, *, parties: int = 4, width: int = 720) -> str:
    """Histograms of the seats of a simulation's main parties: an SVG document (a string).

    >>> import korelect
    >>> svg = histogram_svg(korelect.simulate(2016, 50, seed=1), parties=3)
    >>> svg.count('class="panel"'), svg.count('class="majority"')
    (3, 3)
    """
    import numpy as np  # noqa: PLC0415  (NumPy only when asked)

    if not is_simulation(sim):
        raise InputError(f"histogram_svg needs a Simulation (got {type(sim).__name__})")
    if isinstance(parties, bool) or not isinstance(parties, int) or not 1 <= parties <= 12:
        raise InputError(f"parties must be a whole number 1-12 (got {parties!r})")
    if isinstance(width, bool) or not isinstance(width, int) or not 300 <= width <= 4000:
        raise InputError(f"width must be a whole number of pixels, 300-4000 (got {width!r})")
    shown = list(sim.projections()[:parties])
    heading = f"{sim.year}{under(sim)}: seats in {sim.n:,} simulated elections (seed {sim.seed})"
    majority = sim.total_seats // 2 + 1
    columns = [sim.parties.index(p.info) for p in shown]
    data = [sim.seats[:, j].astype(np.int64) for j in columns]
    lo = min([int(d.min()) for d in data], default=0)
    hi = max([int(d.max()) for d in data], default=1)
    span = max(hi - lo, 1)
    if lo <= majority <= hi + span // 2 or lo - span // 2 <= majority <= hi:
        lo, hi = min(lo, majority), max(hi, majority)
    lo = max(0, lo - 1)
    hi = min(sim.total_seats, hi + 1)
    if hi <= lo:
        hi = lo + 1

    pad = 16.0
    label_w = min(200.0, width * 0.28)
    plot_x = pad + label_w + 8
    plot_w = width - plot_x - pad - 8
    panel_h = 70.0
    top = 48.0

    def sx(seats: float) -> float:
        return plot_x + plot_w * (seats - lo + 0.5) / (hi - lo + 1)

    body = [title_text(heading, width, pad, size=16)]
    bar_w = max(plot_w / (hi - lo + 1) - 0.6, 0.6)
    for i, (p, seats) in enumerate(zip(shown, data, strict=True)):
        y0 = top + i * (panel_h + 10)
        base = y0 + panel_h
        colour = INDEPENDENT_COLOUR if p.info.party_id == "independent" else p.info.colour
        counts = np.bincount(seats - lo, minlength=hi - lo + 1) if len(seats) else np.zeros(1)
        peak = max(int(counts.max()), 1)
        body.append(f'<g class="panel" data-party="{esc(p.info.party_id)}">')
        body.append(
            text(plot_x - 8, y0 + 28, fit(p.info.name_en, 12, label_w), size=12, anchor="end")
        )
        body.append(
            text(
                plot_x - 8,
                y0 + 44,
                f"mean {p.mean:.1f}, 90% {p.low:.0f}–{p.high:.0f}",
                size=10,
                anchor="end",
                fill=MUTED,
            )
        )
        body.append(
            f'<line x1="{num(plot_x)}" y1="{num(base)}" x2="{num(plot_x + plot_w)}" '
            f'y2="{num(base)}" stroke="{RULE}"/>'
        )
        for k, c in enumerate(counts.tolist()):
            if not c:
                continue
            h = (panel_h - 8) * c / peak
            body.append(
                f'<rect class="bin" x="{num(sx(lo + k) - bar_w / 2)}" y="{num(base - h)}" '
                f'width="{num(bar_w)}" height="{num(h)}" fill="{colour}">'
                f"<title>{lo + k} seats: {c} runs</title></rect>"
            )
        mean_x = sx(p.mean)
        body.append(
            f'<line class="mean" x1="{num(mean_x)}" y1="{num(y0 + 2)}" x2="{num(mean_x)}" '
            f'y2="{num(base)}" stroke="#000000" stroke-width="1"/>'
        )
        if lo <= majority <= hi:
            mx = sx(majority - 0.5)
            body.append(
                f'<line class="majority" x1="{num(mx)}" y1="{num(y0)}" x2="{num(mx)}" '
                f'y2="{num(base)}" stroke="{MUTED}" stroke-width="1.2" stroke-dasharray="4 3"/>'
            )
        elif majority > hi:
            body.append(
                text(
                    plot_x + plot_w,
                    y0 + 12,
                    f"majority {majority} →",
                    size=10,
                    anchor="end",
                    fill=MUTED,
                    cls="majority",
                )
            )
        else:
            body.append(
                text(plot_x, y0 + 12, f"← majority {majority}", size=10, fill=MUTED, cls="majority")
            )
        body.append("</g>")
    axis_y = top + len(shown) * (panel_h + 10)
    body.extend(
        text(sx(t), axis_y + 4, str(t), size=10, anchor="middle", fill=MUTED)
        for t in _ticks(lo, hi)
    )
    body.append(
        text(
            plot_x,
            axis_y + 20,
            f"seats (of {sim.total_seats}); dashed: majority {majority}; black: mean",
            size=10,
            fill=MUTED,
        )
    )
    return document(width, axis_y + 32, heading, body)
