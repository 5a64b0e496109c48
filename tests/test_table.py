"""The table model (korelect.base.table) and its four renderings: text, HTML, wiki and JSON.

The national and "By city/province" tables are built once (korelect.views.report)
and rendered by the text report, the web explorer and the seed-format article;
the same model must show the same cells in every format.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from korelect.analysis.article.reader import read_article
from korelect.base.table import Cell, Column, Table, escape_html, grid, width, wiki_row
from korelect.errors import InputError
from korelect.record.election import results
from korelect.views.article_writer import write_article
from korelect.views.report import (
    ARTICLE,
    TEXT,
    WEB,
    national_table,
    national_table_model,
    province_table_models,
    province_tables,
)
from korelect.web.app import create_app

SMALL = Table.of(
    "Seats",
    ["Party", "Seats", "%"],
    [
        ["더불어민주당", Cell("180", 180), Cell("60.0", Fraction(60))],
        ["PPP", Cell("103", 103), Cell("34.3", Fraction(103 * 100, 300))],
        ["Total", Cell("300", 300), Cell("100.0", 100)],
    ],
    rule_before=[2],
    colours=["#152484", "#e61e2b"],
)


# -- text ---------------------------------------------------------------------------------


def test_text_is_the_title_then_the_grid() -> None:
    rows = SMALL.texts()
    assert SMALL.text() == "Seats\n" + grid(SMALL.header, rows, rule_before=(2,))
    assert Table.of("", ["a"], [["b"]]).text() == "a\n-\nb"


def test_text_lines_up_wide_hangul() -> None:
    lines = SMALL.text().splitlines()[1:]
    assert lines[2].startswith("더불어민주당  ")
    assert width("더불어민주당") == 12
    # every line reaches the same terminal column: the last column is right-aligned
    assert len({width(line) for line in lines}) == 1
    assert lines[1] == lines[4]  # the rule under the header and the one before the total


def test_text_aligns_left_columns_left() -> None:
    t = Table.of("", ["a", "b"], [["x", "y"], ["long", "longer"]], left=[0, 1])
    assert t.text().splitlines()[2] == "x     y"


def test_text_writes_a_group_above_its_columns() -> None:
    t = Table(
        "",
        (
            Column("Region", "left"),
            Column("Seats", group="열린우리당"),
            Column("%", group="열린우리당"),
        ),
        ((Cell("Seoul"), Cell("32"), Cell("42.9")),),
    )
    group, header, rule, row = t.text().splitlines()
    assert group.strip() == "열린우리당"
    assert group.index("열린우리당") == header.index("Seats")
    assert width(rule) >= width(group)
    assert row.split() == ["Seoul", "32", "42.9"]


# -- HTML ---------------------------------------------------------------------------------


class _Cells(HTMLParser):
    """The text of every row of an HTML table (header rows included), and the caption."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.caption = ""
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data


def html_cells(markup: str) -> tuple[str, list[list[str]]]:
    parser = _Cells()
    parser.feed(markup)
    return parser.caption, parser.rows


def test_html_escapes_every_text_as_jinja_does() -> None:
    nasty = "<script>alert('x')</script> & \"q\""
    t = Table.of(nasty, [nasty, "b"], [[nasty, nasty]], colours=['"><b>'])
    markup = t.html(cls='x" onclick="y')
    assert "<script>" not in markup
    assert "<b>" not in markup
    assert 'onclick="y' not in markup
    assert markup.count(str(escape(nasty))) == 4
    assert escape_html(nasty) == str(escape(nasty))
    caption, rows = html_cells(markup)
    assert caption == nasty
    assert rows == [[nasty, "b"], [nasty, nasty]]


def test_html_puts_the_rows_after_the_first_rule_in_the_foot() -> None:
    markup = SMALL.html("national")
    body, foot = markup.split("<tfoot>")
    assert markup.startswith('<table class="national">\n<caption>Seats</caption>')
    assert markup.endswith("</table>\n")
    assert "PPP" in body
    assert "Total" not in body
    assert "Total" in foot
    assert body.count('class="swatch"') == 2  # the colours of the first two rows
    assert 'fill="#152484"' in body
    assert '<th scope="row">Total</th><td>300</td><td>100.0</td>' in foot


def test_html_without_a_rule_or_title_has_no_foot_or_caption() -> None:
    markup = Table.of("", ["a"], [["b"]]).html()
    assert "<tfoot>" not in markup
    assert "<caption>" not in markup
    assert markup.startswith('<table class="">\n  <thead><tr><th scope="col">a</th></tr></thead>')


def test_html_two_level_header_spans_the_groups() -> None:
    t = ARTICLE_2004_TABLES()[0]
    head = t.html().split("</thead>")[0]
    assert '<th scope="col" rowspan="2">Region</th>' in head
    assert '<th scope="colgroup" colspan="2">Uri</th>' in head
    assert '<th scope="colgroup" colspan="1">Ind.</th>' in head


# -- wiki (the seed articles' pipe tables) ------------------------------------------------


def test_wiki_writes_caption_header_and_rows() -> None:
    assert SMALL.wiki().splitlines() == [
        "  - **Seats**",
        "",
        "| Party | Seats | % |",
        "| 더불어민주당 | 180 | 60.0 |",
        "| PPP | 103 | 34.3 |",
        "| Total | 300 | 100.0 |",
    ]


def test_wiki_empty_cells_and_pipes() -> None:
    t = Table.of("", ["a|b", "c"], [["x\ny", ""]])
    assert t.wiki() == "| a/b | c |\n| x y | |"
    assert wiki_row(["", "a"]) == "| | a |"


def test_wiki_two_level_header_is_flattened_as_the_seeds_are() -> None:
    t = Table(
        "",
        (
            Column("Region", "left"),
            Column("Seats", group="Uri"),
            Column("%", group="Uri"),
            Column("Seats", group="Ind."),
            Column("Total seats"),
        ),
        ((Cell("Seoul"), Cell("32"), Cell("42.9"), Cell("0"), Cell("48")),),
    )
    assert t.wiki().splitlines() == [
        "| Region | Uri | Ind. | Total seats | |",
        "| Seats | % | Seats | | |",
        "| Seoul | 32 | 42.9 | 0 | 48 |",
    ]
    read = read_article("===By city/province===\n" + t.wiki()).tables[0]
    assert read.columns == ("Uri Seats", "Uri %", "Ind. Seats", "Total seats")


# -- JSON ---------------------------------------------------------------------------------


def test_to_dict_is_json_with_exact_values_as_numbers() -> None:
    data = json.loads(json.dumps(SMALL.to_dict()))
    assert data["title"] == "Seats"
    assert [c["header"] for c in data["columns"]] == ["Party", "Seats", "%"]
    assert [c["align"] for c in data["columns"]] == ["left", "right", "right"]
    assert data["rows"][0] == [
        {"text": "더불어민주당", "value": None},
        {"text": "180", "value": 180},
        {"text": "60.0", "value": 60},
    ]
    assert data["rows"][1][2]["value"] == pytest.approx(34.333333)
    assert data["rule_before"] == [2]
    assert data["colours"] == ["#152484", "#e61e2b"]


def test_a_row_must_fill_the_columns() -> None:
    with pytest.raises(InputError, match="2 cells under 3 columns"):
        Table.of("t", ["a", "b", "c"], [["x", "y"]])
    with pytest.raises(InputError, match="no row 5"):
        Table.of("t", ["a"], [["x"]], rule_before=[5])


# -- one model, three renderings ----------------------------------------------------------


def ARTICLE_2004_TABLES() -> list[Table]:  # noqa: N802  (a constant, computed once)
    return province_table_models(results(2004), ARTICLE)


def text_cells(table: Table) -> list[list[str]]:
    """The cells read back from the text: columns are at least two spaces apart."""
    lines = table.text().splitlines()[1:]  # after the title
    return [re.split(r" {2,}", line.strip()) for line in lines if not set(line) <= {"-", " "}]


def wiki_cells(table: Table) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip("|").split(" |")]
        for line in table.wiki().splitlines()
        if line.startswith("|")
    ]


@pytest.mark.parametrize("year", [1996, 2004])
def test_the_province_tables_show_the_same_cells_in_every_format(year: int) -> None:
    tables = province_table_models(results(year))
    assert tables[0].title == "Seats won"
    assert tables[-1].title == "Turnout"
    for table in tables:
        cells = [table.header, *table.texts()]
        assert text_cells(table) == cells
        caption, rows = html_cells(table.html())
        assert caption == table.title
        assert rows == cells
        assert wiki_cells(table) == cells
        data = json.loads(json.dumps(table.to_dict()))
        assert [[c["text"] for c in r] for r in data["rows"]] == cells[1:]


def test_the_text_report_web_and_article_render_the_same_model() -> None:
    result = results(2004)
    text = province_tables(result)
    for table in province_table_models(result, TEXT):
        assert table.text() in text
    web = province_table_models(result, WEB)
    assert [t.texts() for t in web] == [t.texts() for t in province_table_models(result, TEXT)]
    assert national_table_model(result, TEXT).text() in national_table(result)
    article = write_article(2004)
    assert national_table_model(result, ARTICLE).wiki() in article
    for table in province_table_models(result, ARTICLE):
        assert table.wiki() in article


def test_the_article_seat_table_is_the_reports_seats_won() -> None:
    result = results(1996)
    (article,) = province_table_models(result, ARTICLE)
    seats = province_table_models(result, TEXT)[0]
    assert article.texts() == seats.texts()
    assert [c.header for c in article.columns] == seats.header
    assert {c.group for c in article.columns[2:]} == {"Seats won"}
    assert article.title == ""
    assert seats.title == "Seats won"


def test_the_list_vote_cells_agree_between_report_and_article() -> None:
    result = results(2004)
    report = next(t for t in province_table_models(result) if t.title == "List vote (%)")
    article = ARTICLE_2004_TABLES()[1]
    shared = [h for h in article.header if h in report.header and h != "Other"]
    assert shared[:3] == ["Region", "Uri", "GNP"]
    for row_r, row_a in zip(report.texts(), article.texts(), strict=True):
        for h in shared:
            assert row_r[report.header.index(h)] == row_a[article.header.index(h)]


def test_the_web_page_shows_the_models_html() -> None:
    result = results(2004)
    with TestClient(create_app()) as client:
        page = client.get("/elections/2004").text
    assert national_table_model(result, WEB).html("national") in page
    for table in province_table_models(result, WEB):
        assert table.html("province") in page
