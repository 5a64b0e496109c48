"""The one table model: header and rows of text, rendered for a terminal.

Hangul and other wide characters take two columns, so Korean names line up.
"""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns a string takes in a terminal: Hangul and other wide characters take two.

    >>> width("민주당"), width("DP")
    (6, 2)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, size: int, *, left: bool) -> str:
    """``text`` padded to ``size`` terminal columns, on the right (``left``) or the left."""
    fill = " " * max(0, size - width(text))
    return text + fill if left else fill + text


def grid(
    header: list[str],
    rows: list[list[str]],
    *,
    rule_before: tuple[int, ...] = (),
    left: tuple[int, ...] = (0,),
) -> str:
    """A text table: header, a rule, rows (a rule before the rows in ``rule_before``).

    Columns in ``left`` are left-aligned, the rest right-aligned.

    >>> print(grid(["party", "seats"], [["민주당", "180"], ["PPP", "103"]]))
    party   seats
    ------  -----
    민주당    180
    PPP       103
    """
    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(pad(c, widths[i], left=i in left) for i, c in enumerate(cells)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    for i, r in enumerate(rows):
        if i in rule_before:
            out.append("  ".join("-" * w for w in widths))
        out.append(line(r))
    return "\n".join(out)
