"""The one table model, rendered as terminal text, HTML, seed-format wikitext and JSON.

A :class:`Table` is a title, columns (a header, an alignment and, for a two-level
header, a group), rows of :class:`Cell` (the printed text and, for a number, the
exact value printed) and rules before given rows (totals). The views build each
table once; the interfaces only render it:

- :meth:`Table.text` for a terminal, where Hangul and other wide characters take
  two columns, so Korean names line up (:func:`width`, :func:`pad`, :func:`grid`);
- :meth:`Table.html` for the web explorer, every text escaped;
- :meth:`Table.wiki` for the seed articles' pipe tables;
- :meth:`Table.to_dict` for JSON.

>>> t = Table.of("Seats", ["Party", "Seats"], [["민주당", Cell("180", 180)], ["PPP", "103"]])
>>> print(t.text())
Seats
Party   Seats
------  -----
민주당    180
PPP       103
>>> print(t.wiki())
  - **Seats**
<BLANKLINE>
| Party | Seats |
| 민주당 | 180 |
| PPP | 103 |
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from korelect.base.numbers import Number
from korelect.errors import InputError

__all__ = [
    "Align",
    "Cell",
    "Column",
    "Table",
    "escape_html",
    "grid",
    "pad",
    "width",
    "wiki_row",
    "wiki_text",
]

Align = Literal["left", "right"]


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
    widths: Sequence[int] = (),
) -> str:
    """A text table: header, a rule, rows (a rule before the rows in ``rule_before``).

    Columns in ``left`` are left-aligned, the rest right-aligned; ``widths``
    gives columns a least width.

    >>> print(grid(["party", "seats"], [["민주당", "180"], ["PPP", "103"]]))
    party   seats
    ------  -----
    민주당    180
    PPP       103
    """
    sizes = _widths(header, rows, widths)

    def line(cells: list[str]) -> str:
        return "  ".join(pad(c, sizes[i], left=i in left) for i, c in enumerate(cells)).rstrip()

    out = [line(header), "  ".join("-" * w for w in sizes)]
    for i, r in enumerate(rows):
        if i in rule_before:
            out.append("  ".join("-" * w for w in sizes))
        out.append(line(r))
    return "\n".join(out)


def _widths(header: list[str], rows: list[list[str]], least: Sequence[int] = ()) -> list[int]:
    sizes = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [max(s, least[i]) if i < len(least) else s for i, s in enumerate(sizes)]


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def escape_html(text: str) -> str:
    r"""Text for HTML, escaped as Jinja2's autoescaping (MarkupSafe) escapes it.

    >>> escape_html("People's <b>\"A&B\"</b>")
    'People&#39;s &lt;b&gt;&#34;A&amp;B&#34;&lt;/b&gt;'
    """
    return text.translate(_HTML_ESCAPES)


def wiki_text(value: object) -> str:
    r"""One line of text for a pipe table that reads back: no ``|``, no line breaks.

    >>> wiki_text("a|b\nc")
    'a/b c'
    """
    return " ".join(str(value).replace("|", "/").split())


def wiki_row(cells: Sequence[str]) -> str:
    """A pipe-table row; an empty cell is written ``| |`` as in the seeds.

    >>> wiki_row(["Region", "a|b", ""])
    '| Region | a/b | |'
    """
    return "|" + "".join(f" {c} |" if c else " |" for c in (wiki_text(c) for c in cells))


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, its alignment in text and, under a two-level header, its group.

    Adjacent columns with the same ``group`` share one heading above their own.
    """

    header: str
    align: Align = "right"
    group: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell: the text printed and, for a number, the exact value printed (for JSON).

    A percentage's value is the percentage (``42.9`` for ``"42.9"``), unrounded.
    """

    text: str
    value: Number | None = None

    def __str__(self) -> str:
        return self.text


def _cell(value: Cell | str) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


def _json_number(value: Number | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value.denominator == 1 else float(value)


@dataclass(frozen=True, slots=True)
class _Span:
    group: str
    first: int
    count: int


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table of text cells, with rules before some rows (totals).

    The first column names each row (``<th scope="row">`` in HTML). ``colours``
    gives a colour to the first rows (a party's), shown in HTML as a swatch;
    ``notes`` are footnotes, printed after the table.

    In HTML the rows before the first rule are the body and the rest the foot;
    the seed format has no rules.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    rule_before: tuple[int, ...] = ()
    colours: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.columns:
            raise InputError(f"table {self.title!r} has no columns")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise InputError(
                    f"table {self.title!r}: a row of {len(row)} cells under "
                    f"{len(self.columns)} columns: {[c.text for c in row]}"
                )
        bad = [i for i in self.rule_before if not 0 <= i <= len(self.rows)]
        if bad:
            raise InputError(f"table {self.title!r}: no row {bad[0]} to put a rule before")

    @classmethod
    def of(
        cls,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell | str]],
        *,
        rule_before: Sequence[int] = (),
        left: Sequence[int] = (0,),
        colours: Sequence[str] = (),
        notes: Sequence[str] = (),
    ) -> Table:
        """A table from a header and rows of text (or cells); columns in ``left`` align left.

        >>> Table.of("", ["a", "b"], [["x", "1"]]).columns[1]
        Column(header='b', align='right', group='')
        """
        return cls(
            title,
            tuple(Column(h, "left" if i in left else "right") for i, h in enumerate(header)),
            tuple(tuple(_cell(c) for c in row) for row in rows),
            tuple(rule_before),
            tuple(colours),
            tuple(notes),
        )

    # -- reading ---------------------------------------------------------------------

    @property
    def header(self) -> list[str]:
        """The column headers."""
        return [c.header for c in self.columns]

    def texts(self) -> list[list[str]]:
        """The rows as text."""
        return [[c.text for c in row] for row in self.rows]

    def _spans(self) -> list[_Span]:
        """The columns as header spans: one per ungrouped column, one per run of a group."""
        spans: list[_Span] = []
        for i, col in enumerate(self.columns):
            last = spans[-1] if spans else None
            if col.group and last is not None and last.group == col.group:
                spans[-1] = _Span(col.group, last.first, last.count + 1)
            else:
                spans.append(_Span(col.group, i, 1))
        return spans

    @property
    def grouped(self) -> bool:
        """Whether the header has two levels (some column is in a group)."""
        return any(c.group for c in self.columns)

    # -- renderers -------------------------------------------------------------------

    def text(self) -> str:
        """The table for a terminal: the title, the header (groups above), a rule, the rows.

        >>> dp = [Column("Seats", group="민주당"), Column("%", group="민주당")]
        >>> row = (Cell("Seoul"), Cell("41"), Cell("53.5"))
        >>> t = Table("", (Column("Region", "left"), *dp), (row,))
        >>> print(t.text())
                민주당
        Region  Seats     %
        ------  -----  ----
        Seoul      41  53.5
        """
        header, rows = self.header, self.texts()
        left = tuple(i for i, c in enumerate(self.columns) if c.align == "left")
        least = [0] * len(self.columns)
        lines = [self.title] if self.title else []
        if self.grouped:
            sizes = _widths(header, rows)
            spans = self._spans()
            for s in spans:
                if s.group:  # widen the span's last column to fit the group's heading
                    room = sum(sizes[s.first : s.first + s.count]) + 2 * (s.count - 1)
                    sizes[s.first + s.count - 1] += max(0, width(s.group) - room)
            least = sizes
            heads = []
            for s in spans:
                room = sum(sizes[s.first : s.first + s.count]) + 2 * (s.count - 1)
                heads.append(pad(s.group, room, left=True))
            lines.append("  ".join(heads).rstrip())
        lines.append(grid(header, rows, rule_before=self.rule_before, left=left, widths=least))
        lines += self.notes
        return "\n".join(lines)

    def html(self, cls: str = "") -> str:
        """The table as the web explorer writes it, every text escaped.

        >>> t = Table.of("A & B", ["Party"], [["<P>"], ["Total"]], rule_before=[1])
        >>> print(t.html("national"))
        <table class="national">
        <caption>A &amp; B</caption>  <thead><tr><th scope="col">Party</th></tr></thead>
          <tbody>
            <tr><th scope="row">&lt;P&gt;</th></tr>
          </tbody>
          <tfoot>
            <tr><th scope="row">Total</th></tr>
          </tfoot>
        </table>
        <BLANKLINE>
        """
        e = escape_html
        out = [f'<table class="{e(cls)}">\n']
        if self.title:
            out.append(f"<caption>{e(self.title)}</caption>")
        out.append(f"  <thead>{self._html_header()}</thead>\n")
        first_rule = min(self.rule_before, default=len(self.rows))
        out.append("  <tbody>\n")
        for i, row in enumerate(self.rows[:first_rule]):
            colour = self.colours[i] if i < len(self.colours) else ""
            out.append(f"    {self._html_row(row, colour)}\n")
        out.append("  </tbody>\n")
        if first_rule < len(self.rows):
            out.append("  <tfoot>\n")
            out += [f"    {self._html_row(row, '')}\n" for row in self.rows[first_rule:]]
            out.append("  </tfoot>\n")
        out.append("</table>\n")
        out += [f'<p class="table-note">{e(note)}</p>\n' for note in self.notes]
        return "".join(out)

    def _html_header(self) -> str:
        e = escape_html
        if not self.grouped:
            return "<tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in self.header) + "</tr>"
        top, below = [], []
        for s in self._spans():
            if s.group:
                top.append(f'<th scope="colgroup" colspan="{s.count}">{e(s.group)}</th>')
                below += [
                    f'<th scope="col">{e(c.header)}</th>'
                    for c in self.columns[s.first : s.first + s.count]
                ]
            else:
                top.append(f'<th scope="col" rowspan="2">{e(self.columns[s.first].header)}</th>')
        return "<tr>" + "".join(top) + "</tr><tr>" + "".join(below) + "</tr>"

    @staticmethod
    def _html_row(row: tuple[Cell, ...], colour: str) -> str:
        e = escape_html
        swatch = (
            '<svg class="swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">'
            f'<rect width="10" height="10" fill="{e(colour)}"/></svg> '
            if colour
            else ""
        )
        first, *rest = row
        return (
            f'<tr><th scope="row">{swatch}{e(first.text)}</th>'
            + "".join(f"<td>{e(c.text)}</td>" for c in rest)
            + "</tr>"
        )

    def wiki(self) -> str:
        """The table in the seed articles' format: a ``- **caption**`` line, then pipe rows.

        A two-level header is two rows, each listing its own headings from the
        left, padded with empty cells: a group's heading once, an ungrouped
        column's in the first row only.

        >>> won = [Column("DP", group="Seats won"), Column("PPP", group="Seats won")]
        >>> row = tuple(map(Cell, ["Seoul", "41", "8"]))
        >>> t = Table("", (Column("Region", "left"), *won), (row,))
        >>> print(t.wiki())
        | Region | Seats won | |
        | DP | PPP | |
        | Seoul | 41 | 8 |
        """
        n = len(self.columns)
        lines = [f"  - **{wiki_text(self.title)}**", ""] if self.title else []
        if self.grouped:
            spans = self._spans()
            top = [s.group or self.columns[s.first].header for s in spans]
            below = [c.header for c in self.columns if c.group]
            heads = [top, below]
        else:
            heads = [self.header]
        lines += [wiki_row([*h, *[""] * (n - len(h))]) for h in heads]
        lines += [wiki_row(row) for row in self.texts()]
        if self.notes:
            lines += ["", *(wiki_text(note) for note in self.notes)]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """The table for JSON: each cell's text and exact value (a float where not whole).

        >>> from fractions import Fraction
        >>> Table.of("", ["Party", "%"], [["DP", Cell("33.3", Fraction(100, 3))]]).to_dict()["rows"]
        [[{'text': 'DP', 'value': None}, {'text': '33.3', 'value': 33.333333333333336}]]
        """
        return {
            "title": self.title,
            "columns": [
                {"header": c.header, "align": c.align, "group": c.group} for c in self.columns
            ],
            "rows": [
                [{"text": c.text, "value": _json_number(c.value)} for c in row] for row in self.rows
            ],
            "rule_before": list(self.rule_before),
            "colours": list(self.colours),
            "notes": list(self.notes),
        }
