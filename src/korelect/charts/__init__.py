"""Charts of results, allocations and simulations as standalone SVG (and PNG).

* :func:`hemicycle_svg` — the assembly as a hemicycle, parties left to right;
* :func:`map_svg` — the 17 provinces by winning party, or by one party's share;
* :func:`bars_svg` — vote share against seat share per party;
* :func:`histogram_svg` — a simulation's seat distributions, one panel per party;
* :func:`svg_to_png` — any of them as PNG (resvg, with the system's fonts).

Every SVG is one valid XML document with ``width``, ``height`` and ``viewBox``,
no scripts, no ``style`` attributes and no reference to anything outside it;
every name and title in it is escaped. Text asks for NanumGothic or Noto Sans
CJK KR, then the generic sans-serif.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

if _TYPE_CHECKING:
    from korelect.charts.bars import bars_svg
    from korelect.charts.hemicycle import hemicycle_svg
    from korelect.charts.histogram import histogram_svg
    from korelect.charts.map import map_svg
    from korelect.charts.png import svg_to_png

# Imported on first use, so that the command line (which imports .cli) stays fast.
_LAZY = {
    "bars_svg": ".bars",
    "hemicycle_svg": ".hemicycle",
    "histogram_svg": ".histogram",
    "map_svg": ".map",
    "svg_to_png": ".png",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib  # noqa: PLC0415  (only on first use)

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'korelect.charts' has no attribute {name!r}")


__all__ = ["bars_svg", "hemicycle_svg", "histogram_svg", "map_svg", "svg_to_png"]
