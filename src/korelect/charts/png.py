"""PNG rendering of the charts' SVG, by resvg (the ``resvg-py`` wheel).

resvg draws text with the system's fonts: the charts ask for NanumGothic or
Noto Sans CJK KR first (Debian ``fonts-nanum``, which ``make sysdeps``
installs), then the generic sans-serif. Without a Korean font Korean labels
come out as empty boxes or blanks; everything else is drawn the same.
"""

from __future__ import annotations

import math

import resvg_py

from korelect.errors import InputError

__all__ = ["svg_to_png"]


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    r"""Render an SVG document to PNG bytes, ``scale`` pixels per SVG unit, on white.

    >>> from korelect.charts.png import svg_to_png
    >>> png = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"/>')
    >>> png[:8], int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    (b'\x89PNG\r\n\x1a\n', 20, 10)
    """
    if not isinstance(svg, str):
        raise InputError(f"svg must be a string (got {type(svg).__name__})")
    if (
        isinstance(scale, bool)
        or not isinstance(scale, int | float)
        or not math.isfinite(scale)
        or not 0 < scale <= 16
    ):
        raise InputError(f"scale must be a number above 0 and at most 16 (got {scale!r})")
    try:
        png = resvg_py.svg_to_bytes(svg_string=svg, zoom=float(scale), background="#ffffff")
    except (ValueError, RuntimeError, OSError) as exc:
        raise InputError(f"cannot render the SVG: {exc}") from None
    return bytes(png)
