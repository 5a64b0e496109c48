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

from .bars import bars_svg
from .hemicycle import hemicycle_svg
from .histogram import histogram_svg
from .map import map_svg
from .png import svg_to_png

__all__ = ["bars_svg", "hemicycle_svg", "histogram_svg", "map_svg", "svg_to_png"]
