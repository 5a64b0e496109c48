r"""Small helpers for writing standalone SVG: escaping, numbers, text widths, the document.

Every chart is one ``<svg>`` element with ``xmlns``, ``width``, ``height`` and
``viewBox``, a ``<title>``, no scripts, no ``style`` attributes and no
references outside the document. Text goes through :func:`esc`:

>>> esc('<b> & "q" \'s\'')
'&lt;b&gt; &amp; &quot;q&quot; &#x27;s&#x27;'
>>> num(1.0), num(2.345), num(-0.001)
('1', '2.35', '0')
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

FONT = "NanumGothic, 'Noto Sans CJK KR', 'Noto Sans KR', 'Malgun Gothic', sans-serif"
"""The font-family list of every chart: a Korean face first, then the generic sans-serif."""

INK = "#222222"
MUTED = "#666666"
RULE = "#bbbbbb"


def esc(text: object) -> str:
    """Escape text for SVG/HTML content and double- or single-quoted attributes."""
    out = str(text)
    out = "".join(ch for ch in out if ch in "\t\n\r" or ord(ch) >= 0x20)
    return (
        out.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}"
    if text[-1] == "0":  # "12.50" -> "12.5", "12.00" -> "12"
        text = text[:-3] if text[-2] == "0" else text[:-1]
    return "0" if text == "-0" else text


def text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` at font size ``size`` (wide glyphs count 1 em)."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif ch in "il.,:;'|!" or ch == " ":
            width += 0.3
        elif ch.isupper() or ch in "mwMW":
            width += 0.68
        else:
            width += 0.55
    return width * size


def fit(text: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width``."""
    if text_width(text, size) <= width:
        return text
    out = text
    while out and text_width(out + "…", size) > width:
        out = out[:-1]
    return out.rstrip() + "…"


def title_text(content: str, width: float, pad: float, *, y: float = 26, size: float = 17) -> str:
    """A chart's bold title, centred, shortened to fit between the side paddings."""
    return text(
        width / 2, y, fit(content, size, width - 2 * pad), size=size, anchor="middle", weight="bold"
    )


def document(width: float, height: float, title: str, body: Iterable[str]) -> str:
    """The whole SVG document: size (whole pixels, rounded up), viewBox, title and the drawing."""
    w, h = str(math.ceil(width)), str(math.ceil(height))
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="{esc(title)}" '
        f'font-family="{esc(FONT)}" fill="{INK}">'
    )
    return "\n".join([head, f"<title>{esc(title)}</title>", *body, "</svg>"]) + "\n"


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 12,
    anchor: str = "start",
    fill: str = INK,
    weight: str | None = None,
    cls: str | None = None,
) -> str:
    """A ``<text>`` element (content escaped)."""
    extra = f' font-weight="{weight}"' if weight else ""
    extra += f' class="{esc(cls)}"' if cls else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" '
        f'text-anchor="{anchor}" fill="{fill}"{extra}>{esc(content)}</text>'
    )


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: 0 keeps it, 1 gives white.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def luminance(colour: str) -> float:
    """Relative luminance of a ``#rrggbb`` colour (0 black, 1 white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else math.pow((s + 0.055) / 1.055, 2.4)

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
