"""HTML from the package's Jinja2 templates, every value escaped.

Autoescaping is on for every template; the only markup that is not escaped is
the SVG the chart functions return (:func:`svg`) and the tables
(:func:`table_html`, :meth:`korelect.base.table.Table.html`), which korelect
builds itself from escaped text.

>>> "&lt;script&gt;" in render("error.html", title="x", status=400, message="<script>")
True
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from korelect.base.numbers import Number
from korelect.base.table import Table

__all__ = ["fmt_number", "fmt_pct", "path_part", "render", "svg", "table_html"]


def fmt_number(value: Number | float | None) -> str:
    """Votes with thousands separators; published shares (percent) with two decimals.

    >>> fmt_number(1234567), fmt_number(Fraction("33.35")), fmt_number(None)
    ('1,234,567', '33.35', '-')
    """
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{float(value):,.2f}"


def fmt_pct(value: Fraction | float | None, places: int = 2) -> str:
    """A share as a percentage.

    >>> fmt_pct(Fraction(1, 3)), fmt_pct(None)
    ('33.33', '-')
    """
    if value is None:
        return "-"
    return f"{float(value) * 100:.{places}f}"


def path_part(text: str) -> str:
    """Text quoted for one segment of a URL path.

    >>> path_part("2020:seoul:종로구")
    '2020%3Aseoul%3A%EC%A2%85%EB%A1%9C%EA%B5%AC'
    """
    return quote(text, safe="")


def svg(markup: str) -> Markup:
    """An SVG chart from korelect's chart functions, to be inlined as is."""
    return Markup(markup)  # noqa: S704  (korelect's own chart output, text escaped there)


def table_html(table: Table, cls: str = "") -> Markup:
    """A table as HTML (its text escaped by :meth:`Table.html`), the ``table`` filter.

    >>> str(table_html(Table.of("", ["a"], [["<b>"]]))).count("&lt;b&gt;")
    1
    """
    return Markup(table.html(cls))  # noqa: S704  (every text escaped by Table.html)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("korelect.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = fmt_number
    env.filters["pct"] = fmt_pct
    env.filters["pathpart"] = path_part
    env.filters["table"] = table_html
    return env


def render(template: str, **context: object) -> str:
    """Render one of the package's templates."""
    return _env().get_template(template).render(**context)
