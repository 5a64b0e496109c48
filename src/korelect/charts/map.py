"""The 17 provinces (시도) by the party with most district seats, or by one party's share.

**Outlines.** ``korelect/charts/provinces_map.json``, built by
``scripts/build_map.py`` from the 2018 boundaries of Statistics Korea (SGIS;
공공누리 제1유형) as published by southkorea/southkorea-maps: one SVG path per
province in korelect's province codes.

**Older years: the provinces of the time.** The map has 2018's 17 outlines; a
province that did not exist yet is drawn as part of the one it belonged to, with
that province's figures (:data:`PARENT`): Sejong in South Chungcheong before
2012, Ulsan in South Gyeongsang before 2000, Daejeon in South Chungcheong in
1988, Gwangju in South Jeolla before 1988, Daegu in North Gyeongsang and Incheon
in Gyeonggi before 1981 (1985's counts already have them apart), Busan in South
Gyeongsang before 1963. A province drawn with its parent's figures says so in
its tooltip (``<title>``); one no count covers (Jeju in 1948 and 1950) is drawn
light grey, "no data".

**Winner.** A province takes the colour of the party with most district seats
there; a tie in seats goes to the party with more constituency votes in the
province, and where there are none (2024) the province is drawn as a tie
(light grey, listed in the legend).

**A party's share** (``party=``). Its share of the list votes in each province
(2004–2016), of the constituency votes (1988–2000 and 2020; in 2020 a
satellite list party ran no district candidates), or, where the data have
neither (2024), of the district seats; the legend says which. Shares are
coloured in five classes from white to the party's colour, the top class
ending at the highest share.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from korelect.charts._model import INDEPENDENT_COLOUR
from korelect.charts._svg import MUTED, document, esc, fit, num, text, tint, title_text
from korelect.errors import InputError
from korelect.record.counts import Counts
from korelect.record.data import dataset
from korelect.record.election import ElectionResult, PartyInfo, ProvinceLine, party_info, results

__all__ = ["PARENT", "ProvinceMap", "map_svg", "province_map", "province_winners"]

PARENT: dict[str, str] = {
    "sejong": "chungnam",
    "ulsan": "gyeongnam",
    "daejeon": "chungnam",
    "gwangju": "jeonnam",
    "daegu": "gyeongbuk",
    "incheon": "gyeonggi",
    "busan": "gyeongnam",
}
"""Where a province's seats were counted before it existed (``provinces.since``)."""


@cache
def _province_names() -> dict[str, str]:
    return {p.code: p.name_en for p in dataset().provinces()}


TIE = "tie"
TIE_FILL = "#d9d9d9"
"""The fill of a province whose seats are tied (no counts to break the tie)."""


@dataclass(frozen=True)
class ProvinceMap:
    """The shipped outlines: map units, and one SVG path per province code."""

    width: int
    height: int
    paths: dict[str, str]


@cache
def province_map() -> ProvinceMap:
    """The outlines of the 17 provinces (read once).

    >>> m = province_map()
    >>> len(m.paths), m.width
    (17, 800)
    """
    raw: dict[str, Any] = json.loads(
        resources.files("korelect.charts")
        .joinpath("provinces_map.json")
        .read_text(encoding="utf-8")
    )
    return ProvinceMap(
        int(raw["width"]), int(raw["height"]), {p["code"]: p["path"] for p in raw["provinces"]}
    )


def _source(code: str, present: dict[str, ProvinceLine]) -> str | None:
    while code not in present:
        if code not in PARENT:
            return None
        code = PARENT[code]
    return code


def province_winners(result: ElectionResult) -> dict[str, str]:
    """Province code -> the party id that won most district seats (``tie`` where undecided).

    >>> province_winners(results(2016))["gwangju"]
    'pp-2016'
    """
    out: dict[str, str] = {}
    for p in result.provinces:
        if not p.seats:
            continue
        top = max(p.seats.values())
        leaders = sorted(pid for pid, s in p.seats.items() if s == top)
        if len(leaders) > 1:
            best = max(p.votes.get(pid, 0) for pid in leaders)
            leaders = [pid for pid in leaders if p.votes.get(pid, 0) == best]
        out[p.code] = leaders[0] if len(leaders) == 1 else TIE
    return out


def _info(result: ElectionResult, pid: str) -> PartyInfo:
    for line in result.parties:
        if line.info.party_id == pid:
            return line.info
    return party_info(pid, result.year)


def _colour(info: PartyInfo) -> str:
    return INDEPENDENT_COLOUR if info.party_id == "independent" else info.colour


def _classes(peak: float) -> list[float]:
    """Five class limits from 0 to a round number at or above ``peak``."""
    for step in (0.01, 0.02, 0.05, 0.1, 0.15, 0.2):
        if peak <= 5 * step:
            return [step * (k + 1) for k in range(5)]
    return [0.2, 0.4, 0.6, 0.8, 1.0]


def map_svg(
    source: int | str | os.PathLike[str] | Counts,
    *,
    party: str | None = None,
    width: int = 480,
) -> str:
    """The provinces coloured by winner, or by ``party``'s share: an SVG document (a string).

    ``source`` is what :func:`korelect.results` takes: a year, a counts folder or counts.

    >>> svg = map_svg(2016)
    >>> svg.count('class="province"')
    17
    """
    if isinstance(width, bool) or not isinstance(width, int) or not 200 <= width <= 4000:
        raise InputError(f"width must be a whole number of pixels, 200-4000 (got {width!r})")
    result = results(source)
    shape = province_map()
    present = {p.code: p for p in result.provinces}
    pad = 12.0
    k = (width - 2 * pad) / shape.width
    map_top = 40.0
    body: list[str] = []
    legend: list[tuple[str, str]] = []
    fills: dict[str, tuple[str, str, str]] = {}  # code -> fill, party id or share, tooltip

    def name_of(code: str) -> str:
        line = present.get(code)
        if line is not None:
            return line.name_en
        return _province_names().get(code, code)

    if party is None:
        heading = f"{result.year}: most district seats by province"
        winners = province_winners(result)
        counts: dict[str, int] = {}
        for code in shape.paths:
            src = _source(code, present)
            note = "" if src == code or src is None else f" (counted in {name_of(src)})"
            if src is None:
                fills[code] = ("#eeeeee", "", f"{name_of(code)}: no data")
                continue
            line = present[src]
            pid = winners.get(src, TIE)
            if pid == TIE:
                fills[code] = (
                    TIE_FILL,
                    TIE,
                    f"{name_of(code)}{note}: tie, {_seat_text(result, line)}",
                )
            else:
                info = _info(result, pid)
                fills[code] = (
                    _colour(info),
                    pid,
                    f"{name_of(code)}{note}: {_seat_text(result, line)}",
                )
            if src == code:  # a province of the time, counted once
                counts[pid] = counts.get(pid, 0) + 1
        for pid in sorted(counts, key=lambda p: (-counts[p], p)):
            if pid == TIE:
                legend.append((TIE_FILL, f"tie in seats: {counts[pid]}"))
            else:
                info = _info(result, pid)
                legend.append((_colour(info), f"{info.name_en}: {counts[pid]}"))
    else:
        line_p = result.party(party)
        pid = line_p.info.party_id
        if any(p.list_votes for p in result.provinces):
            basis = "list votes"
        elif any(p.votes for p in result.provinces):
            basis = "constituency votes"
        else:
            basis = "district seats"
        shares: dict[str, float] = {}
        for p in result.provinces:
            table = {"list votes": p.list_votes, "constituency votes": p.votes}.get(basis, p.seats)
            whole = sum(table.values())
            shares[p.code] = table.get(pid, 0) / whole if whole else 0.0
        heading = f"{result.year}: {line_p.info.name_en}, share of the {basis}"
        limits = _classes(max(shares.values(), default=0.0))
        colour = _colour(line_p.info)
        palette = [tint(colour, 0.85 - 0.85 * i / 4) for i in range(5)]
        for code in shape.paths:
            src = _source(code, present)
            if src is None:
                fills[code] = ("#eeeeee", "", f"{name_of(code)}: no data")
                continue
            note = "" if src == code else f" (counted in {name_of(src)})"
            share = shares[src]
            cls = next((i for i, lim in enumerate(limits) if share <= lim + 1e-12), 4)
            fills[code] = (palette[cls], f"{share:.4f}", f"{name_of(code)}{note}: {share:.1%}")
        lower = 0.0
        for lim, fill in zip(limits, palette, strict=True):
            legend.append((fill, f"{_pct(lower)}–{_pct(lim)}"))
            lower = lim

    body.append(title_text(heading, width, pad, y=24, size=15))
    body.append(f'<g class="map" transform="translate({num(pad)} {num(map_top)}) scale({k:.5f})">')
    stroke = num(0.8 / k)
    for code, path in shape.paths.items():
        fill, tag, tip = fills[code]
        border = "#ffffff"
        attr = "data-party" if party is None else "data-share"
        body.append(
            f'<path class="province" data-province="{code}" {attr}="{esc(tag)}" d="{path}" '
            f'fill="{fill}" stroke="{border}" stroke-width="{stroke}" stroke-linejoin="round">'
            f"<title>{esc(tip)}</title></path>"
        )
    body.append("</g>")
    y = map_top + shape.height * k + 12
    body.append('<g class="legend">')
    for i, (fill, label) in enumerate(legend):
        ly = y + i * 18
        body.append(
            f'<rect x="{num(pad)}" y="{num(ly - 10)}" width="12" height="12" fill="{fill}" '
            f'stroke="#999999" stroke-width="0.5"/>'
        )
        body.append(text(pad + 18, ly, fit(label, 12, width - 2 * pad - 18), size=12))
    body.append("</g>")
    y += len(legend) * 18
    body.append(
        text(
            pad,
            y + 4,
            fit(
                "Provinces as in 2018 (Statistics Korea SGIS); one not yet created is drawn "
                "with the one it was part of",
                10,
                width - 2 * pad,
            ),
            size=10,
            fill=MUTED,
        )
    )
    return document(width, y + 14, heading, body)


def _pct(value: float) -> str:
    return (
        f"{value * 100:.0f}%" if math.isclose(value * 100, round(value * 100)) else f"{value:.1%}"
    )


def _seat_text(result: ElectionResult, line: ProvinceLine) -> str:
    parts = sorted(line.seats.items(), key=lambda kv: (-kv[1], kv[0]))
    named = ", ".join(
        f"{_info(result, pid).abbr or _info(result, pid).name_en} {s}" for pid, s in parts
    )
    return f"{named} (of {line.total_seats} seats)"
