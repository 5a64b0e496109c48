"""The hemicycle: one circle per seat on concentric half rings, parties as wedges.

**Layout** (:func:`layout`). The rings lie between an inner radius of
:data:`INNER` and 1 (the outer edge). With ``r`` rings the gap between ring
centres is ``g = (1 - INNER) / r`` and a ring of radius ``ρ`` holds at most
``floor(π ρ / s) + 1`` seats spaced at least ``s = min(g, MAX_RADIUS / 0.4)``
apart along the arc (no wider than the largest circle needs). The
number of rings is the smallest whose rings hold every seat; the seats are then
shared among the rings in proportion to what each holds (largest remainders),
so every ring is about equally full and the arc is filled evenly. A ring's
seats are spread from the left end of the arc to the right one (a lone seat
sits at the top). Each circle's radius is 0.4 of the smallest distance between
neighbouring seat centres (at most :data:`MAX_RADIUS`), so circles never touch.

**Colouring.** Seats are sorted by angle, left to right (outer ring first
within an angle), and handed out in that order to the parties in their
left-to-right order (see :mod:`korelect.charts._model`), so each party is a
wedge. Within a party's wedge its district seats come first, drawn solid, and
its list seats after them, drawn as a lighter disc with a ring of the party's
colour. The seats of an appointed tier (1973, 1978: 유신정우회, filled by appointment,
not by votes) are drawn apart: hollow rings with a dashed edge, named "appointed" in the
legend. A dashed line at the top of the arc marks the middle: a majority is
more than half the seats (``seats // 2 + 1``).

>>> seats = layout(300)
>>> len(seats), max(s.ring for s in seats) + 1
(300, 10)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from korelect.charts._model import Bloc, blocs, is_simulation, law_of, under
from korelect.charts._svg import MUTED, RULE, document, esc, fit, num, text, tint, title_text
from korelect.engine.allocation import Allocation
from korelect.errors import InputError
from korelect.record.election import ElectionResult

if TYPE_CHECKING:
    from korelect.analysis.simulate import Simulation

__all__ = ["INNER", "MAX_RADIUS", "Seat", "hemicycle_svg", "layout", "rings_for"]

INNER = 0.35
"""Radius of the innermost ring's inner edge, as a share of the outer radius."""
MAX_RADIUS = 0.09
"""The largest seat circle (for small assemblies), as a share of the outer radius."""


@dataclass(frozen=True, slots=True)
class Seat:
    """One seat's centre on the unit half disc (x right, y up), ring and circle radius."""

    x: float
    y: float
    ring: int
    """0 is the outermost ring."""
    angle: float
    radius: float


def _radii(rings: int) -> list[float]:
    gap = (1 - INNER) / rings
    return [1 - gap / 2 - i * gap for i in range(rings)]


SIZE = 0.4
"""A seat circle's radius as a share of the distance between neighbouring seat centres."""
LOOSEST = MAX_RADIUS / SIZE
"""The widest spacing worth keeping: past it circles stop growing (MAX_RADIUS)."""


def _capacity(radius: float, gap: float) -> int:
    # Seats need no more room along a ring than the largest circle uses: a small assembly
    # fills one or two rings instead of leaving a lone seat on a ring of its own.
    return math.floor(math.pi * radius / min(gap, LOOSEST) + 1e-9) + 1


def rings_for(seats: int) -> int:
    """The fewest rings that hold ``seats`` seats."""
    rings = 1
    while True:
        gap = (1 - INNER) / rings
        if sum(_capacity(r, gap) for r in _radii(rings)) >= seats:
            return rings
        rings += 1


def layout(seats: int) -> list[Seat]:
    """Seat centres for an assembly of ``seats``, sorted left to right (see the module)."""
    if seats < 0:
        raise InputError(f"a hemicycle needs a number of seats >= 0 (got {seats})")
    return list(_layout(seats))


@lru_cache(maxsize=64)
def _layout(seats: int) -> tuple[Seat, ...]:
    """:func:`layout`, kept: an assembly's seats are laid out once per size."""
    size, points = _points(seats)
    return tuple(Seat(x, y, ring, angle, size) for x, y, ring, angle in points)


@lru_cache(maxsize=64)
def _points(seats: int) -> tuple[float, tuple[tuple[float, float, int, float], ...]]:
    """The seat circles' radius and each seat's ``(x, y, ring, angle)``, left to right.

    What :func:`layout` returns, without a :class:`Seat` object per seat: a chart
    needs only the coordinates (and the first chart of a size is drawn from them).
    """
    if seats == 0:
        return 0.0, ()
    rings = rings_for(seats)
    gap = (1 - INNER) / rings
    radii = _radii(rings)
    caps = [_capacity(r, gap) for r in radii]
    whole = sum(caps)
    shares = [seats * c / whole for c in caps]
    counts = [math.floor(s) for s in shares]
    order = sorted(range(rings), key=lambda i: (-(shares[i] - counts[i]), i))
    for i in order[: seats - sum(counts)]:
        counts[i] += 1
    keyed: list[tuple[float, int, float, float, float]] = []
    spacing = gap  # the distance between ring centres; seats along a ring may be closer
    cos, sin, pi = math.cos, math.sin, math.pi
    for ring, (radius, count) in enumerate(zip(radii, counts, strict=True)):
        if count == 1:
            keyed.append((-round(pi / 2, 9), ring, 0.0, radius, pi / 2))
            continue
        step = pi / max(count - 1, 1)
        spacing = min(spacing, 2 * radius * sin(step / 2))  # the chord between neighbours
        for k in range(count):
            angle = pi - k * step
            keyed.append((-round(angle, 9), ring, radius * cos(angle), radius * sin(angle), angle))
    size = min(SIZE * spacing, MAX_RADIUS)
    keyed.sort(key=lambda p: (p[0], p[1]))
    return size, tuple((x, y, ring, angle) for _, ring, x, y, angle in keyed)


@lru_cache(maxsize=64)
def _centres(seats: int, cx: float, cy: float, radius: float) -> tuple[str, ...]:
    """Each seat's ``cx="..." cy="..."`` for a drawing of this size, written once."""
    return tuple(
        f'cx="{num(cx + x * radius)}" cy="{num(cy - y * radius)}"'
        for x, y, _, _ in _points(seats)[1]
    )


def _kinds_note(parties: list[Bloc]) -> str:
    """What the seat styles mean, for the kinds of seats drawn."""
    said = ["district seats solid"]
    if any(b.list and not b.appointed for b in parties):
        said.append("list seats light")
    if any(b.appointed and b.seats for b in parties):
        said.append("appointed seats hollow")
    return ", ".join(said)


def _source(obj: object, parties: list[Bloc]) -> tuple[str, str]:
    """A default title and a note on what the seats are."""
    if isinstance(obj, ElectionResult):
        return f"National Assembly election {obj.year}{law_of(obj)}", _kinds_note(parties)
    if isinstance(obj, Allocation):
        name = obj.rules.name
        return name, _kinds_note(parties)
    if is_simulation(obj):
        return (
            f"{obj.year}{under(obj)}: mean seats over {obj.n:,} simulated elections",
            "mean seats per party, rounded by largest remainders",
        )
    return "", ""


def hemicycle_svg(
    obj: ElectionResult | Allocation | Simulation,
    *,
    width: int = 720,
    title: str | None = None,
) -> str:
    """The assembly as a hemicycle: an SVG document (a string).

    ``obj`` is an :class:`~korelect.ElectionResult`, an :class:`~korelect.Allocation`
    or a :class:`~korelect.Simulation`. For a simulation each party gets its
    **mean** seats over the runs, rounded by largest remainders so that they add
    up to the assembly (district and list seats are not told apart there).
    Parties are ordered left to right as :mod:`korelect.charts._model` says;
    the legend gives each party's seats (district + list); the dashed line at
    the top marks the majority (more than half the seats).

    >>> from korelect import results
    >>> svg = hemicycle_svg(results(2024))
    >>> svg.count('class="seat"'), svg.count('data-kind="list"')
    (300, 46)
    >>> svg = hemicycle_svg(results(1973))
    >>> svg.count('class="seat"'), svg.count('data-kind="appointed"')
    (219, 73)
    >>> "Yujeonghoe: 73 appointed" in svg
    True
    """
    if isinstance(width, bool) or not isinstance(width, int) or not 200 <= width <= 4000:
        raise InputError(f"width must be a whole number of pixels, 200-4000 (got {width!r})")
    parties = [b for b in blocs(obj) if b.seats > 0]
    default_title, note = _source(obj, parties)
    heading = default_title if title is None else title
    total = sum(b.seats for b in parties)
    size = _points(total)[0]
    lists = any(b.list and not b.appointed for b in parties)

    pad = 16.0
    top = 40.0 if heading else 16.0
    radius = (width - 2 * pad) / 2
    cx = width / 2
    cy = top + radius
    body: list[str] = []
    if heading:
        body.append(title_text(heading, width, pad))

    # the seats, party by party: every circle has the same radius (see layout)
    centres = iter(_centres(total, cx, cy, radius))
    r = size * radius
    hollow, rim = max(r * 0.22, 0.6), max(r * 0.28, 0.6)
    body.append('<g class="seats">')
    for b in parties:
        body.append(f'<g class="party" data-party="{esc(b.key)}">')
        body.append(f"<title>{esc(_legend_line(b, lists))}</title>")
        kind = "district" if b.split else "seat"
        plain = f'r="{num(r)}" fill="{b.colour}"/>'
        appointed = (
            f'r="{num(r - hollow / 2)}" fill="none" stroke="{b.colour}" '
            f'stroke-width="{num(hollow)}" stroke-dasharray="{num(r * 0.5)} {num(r * 0.25)}"/>'
        )
        listed = (
            f'r="{num(r - rim / 2)}" fill="{tint(b.colour, 0.6)}" '
            f'stroke="{b.colour}" stroke-width="{num(rim)}"/>'
        )
        for i in range(b.seats):
            at = next(centres)
            if b.appointed and i >= b.district:
                body.append(f'<circle class="seat" data-kind="appointed" {at} {appointed}')
            elif i < b.district or not b.split:
                body.append(f'<circle class="seat" data-kind="{kind}" {at} {plain}')
            else:
                body.append(f'<circle class="seat" data-kind="list" {at} {listed}')
        body.append("</g>")
    body.append("</g>")

    # the majority marker: a dashed line through the top of the arc
    if total:
        majority = total // 2 + 1
        body.append(
            f'<line class="majority" x1="{num(cx)}" y1="{num(cy - radius - 4)}" '
            f'x2="{num(cx)}" y2="{num(cy - INNER * radius * 0.6)}" stroke="{MUTED}" '
            f'stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
        body.append(text(cx, cy - 14, f"{total} seats", size=20, anchor="middle", weight="bold"))
        body.append(text(cx, cy + 2, f"majority {majority}", size=12, anchor="middle", fill=MUTED))

    # the legend, in columns under the arc
    y = cy + size * radius + 20
    columns = 2 if width >= 520 and len(parties) > 1 else 1
    col_w = (width - 2 * pad) / columns
    rows = math.ceil(len(parties) / columns)
    body.append('<g class="legend">')
    for i, b in enumerate(parties):
        col, row = divmod(i, rows) if columns > 1 else (0, i)
        lx = pad + col * col_w
        ly = y + row * 20
        body.append(
            f'<rect x="{num(lx)}" y="{num(ly - 10)}" width="12" height="12" rx="2" '
            f'fill="{b.colour}"/>'
        )
        label = fit(_legend_line(b, lists), 12, col_w - 24)
        body.append(text(lx + 18, ly, label, size=12, cls="legend-item"))
    body.append("</g>")
    y += rows * 20
    if note and parties:
        body.append(text(pad, y + 4, note, size=11, fill=MUTED))
        y += 14
    height = y + pad - 4
    if not parties:
        body.append(text(cx, cy - 10, "no seats", size=14, anchor="middle", fill=RULE))
    return document(width, height, heading or "hemicycle", body)


def _legend_line(b: Bloc, lists: bool = True) -> str:
    """``b``'s legend entry; ``lists`` is False where no party has list seats (1948-1960)."""
    if b.appointed:
        return f"{b.label}: {b.seats} appointed"
    if not b.split or not lists:
        return f"{b.label}: {b.seats}"
    return f"{b.label}: {b.seats} ({b.district} district + {b.list} list)"
