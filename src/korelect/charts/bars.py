"""Votes against seats: for each party a bar of its vote share and one of its seat share.

Parties are those with a seat or at least 1% of the vote, in the charts'
left-to-right order (:mod:`korelect.charts._model`). The vote share is the
share of the votes the list tier used (constituency votes before 2004, list
votes from 2004; the published shares for 2020 and 2024), as in
``korelect results``.
"""

from __future__ import annotations

from fractions import Fraction

from korelect.charts._model import blocs, chart_input, law_of
from korelect.charts._svg import MUTED, RULE, document, esc, fit, num, text, tint, title_text
from korelect.engine.allocation import Allocation
from korelect.errors import InputError
from korelect.record.election import ElectionResult

__all__ = ["bars_svg"]

MIN_SHARE = Fraction(1, 100)


def bars_svg(obj: ElectionResult | Allocation, *, width: int = 720) -> str:
    """Vote share against seat share per party: an SVG document (a string).

    >>> from korelect import results
    >>> svg = bars_svg(results(2016))
    >>> svg.count('class="bar votes"') == svg.count('class="bar seats"') >= 4
    True
    """
    if isinstance(width, bool) or not isinstance(width, int) or not 300 <= width <= 4000:
        raise InputError(f"width must be a whole number of pixels, 300-4000 (got {width!r})")
    chart_input(obj)
    if not isinstance(obj, ElectionResult | Allocation):
        raise InputError("bars_svg needs an ElectionResult or an Allocation (not a Simulation)")
    parties = [
        b
        for b in blocs(obj)
        if b.seats > 0 or (b.vote_share is not None and b.vote_share >= MIN_SHARE)
    ]
    total = sum(b.seats for b in blocs(obj))
    if isinstance(obj, ElectionResult):
        heading = f"{obj.year}{law_of(obj)}: vote share and seat share"
    else:
        heading = f"{obj.rules.name}: vote share and seat share"

    pad = 16.0
    label_w = min(220.0, width * 0.32)
    plot_x = pad + label_w + 8
    plot_w = width - plot_x - pad - 44
    top = 64.0
    row_h = 34.0
    shares = [(b, float(b.vote_share or 0), b.seats / total if total else 0.0) for b in parties]
    peak = max([0.1, *(max(v, s) for _, v, s in shares)])
    scale_max = min(1.0, (int(peak * 10) + 1) / 10)

    body = [
        title_text(heading, width, pad),
        f'<rect x="{num(plot_x)}" y="38" width="12" height="10" fill="{tint(MUTED, 0.6)}"/>',
        text(plot_x + 16, 47, "votes", size=11, fill=MUTED),
        f'<rect x="{num(plot_x + 70)}" y="38" width="12" height="10" fill="{MUTED}"/>',
        text(plot_x + 86, 47, "seats", size=11, fill=MUTED),
    ]
    bottom = top + row_h * len(shares)
    for k in range(round(scale_max * 10) + 1):
        x = plot_x + plot_w * (k / 10) / scale_max
        body.append(
            f'<line x1="{num(x)}" y1="{num(top - 4)}" x2="{num(x)}" y2="{num(bottom)}" '
            f'stroke="{RULE}" stroke-width="{"1" if k == 0 else "0.5"}"/>'
        )
        body.append(text(x, bottom + 14, f"{k * 10}%", size=10, anchor="middle", fill=MUTED))
    for i, (b, vote, seat) in enumerate(shares):
        y = top + i * row_h
        body.append(f'<g class="party" data-party="{esc(b.key)}">')
        label = f"{b.label} (appointed)" if b.appointed else b.label
        body.append(text(plot_x - 8, y + 19, fit(label, 12, label_w), size=12, anchor="end"))
        for j, (cls, value, fill) in enumerate(
            (("votes", vote, tint(b.colour, 0.55)), ("seats", seat, b.colour))
        ):
            by = y + 4 + j * 13
            if b.appointed and cls == "votes":
                # the bloc stood for no vote (1973, 1978): no bar, and no 0.0% to misread
                body.append(text(plot_x + 4, by + 10, "no vote: appointed", size=10, fill=MUTED))
                continue
            bw = plot_w * value / scale_max
            body.append(
                f'<rect class="bar {cls}" x="{num(plot_x)}" y="{num(by)}" width="{num(bw)}" '
                f'height="12" fill="{fill}"><title>{esc(b.label)}: {cls} '
                f"{value * 100:.1f}%</title></rect>"
            )
            body.append(text(plot_x + bw + 4, by + 10, f"{value * 100:.1f}%", size=10, fill=MUTED))
        body.append("</g>")
    height = bottom + 30
    return document(width, height, heading, body)
