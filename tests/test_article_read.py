"""The article reader: the seed articles read completely, variants, and a fuzz test.

``tests/data/articles`` holds copies of the three seed articles (the project's
own inputs, ``../shared/seeds``) and three hand-made articles in the same
format whose figures are illustrative, not official:

- ``2008_crlf_signed.txt``: CRLF line ends, every change printed with its sign
  (``▲``, ``▼``, ``−``, ``-``, ``+``), parties that "Did not exist", a table
  caption in ``**bold**``, a two-ballot turnout;
- ``2000_bom_tabs.txt``: a byte-order mark, tabs, a duplicated key, a turnout
  change whose sign only the prose gives, ragged rows, a cell that is not a
  number, ``colspan`` markup;
- ``2012_no_infobox.txt``: no infobox, ``'''bold'''`` and ``rowspan`` in cells.
"""

from __future__ import annotations

import json
import re
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from korelect.analysis.article.model import Article, ReadWarning
from korelect.analysis.article.reader import article_to_dict, read_article, read_article_file
from korelect.errors import FileFormatError

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED_1992 = ARTICLES / "001_5ff811948e8edf5d.txt"
SEED_1996 = ARTICLES / "000_7d758794e075301b.txt"
SEED_2004 = ARTICLES / "002_31e29b4b7733203f.txt"
SEEDS = {1992: SEED_1992, 1996: SEED_1996, 2004: SEED_2004}
HAND_MADE = {
    2000: ARTICLES / "2000_bom_tabs.txt",
    2008: ARTICLES / "2008_crlf_signed.txt",
    2012: ARTICLES / "2012_no_infobox.txt",
}
LINE_BREAK = re.compile(r"\r\n|\r|\n")

SEED_WARNINGS = {
    1992: [
        (
            11,
            (
                "Turnout change '3.91pp' printed without a sign; sign unknown (the previous "
                "turnout could be 67.95% or 75.77%, and the prose does not say)"
            ),
        ),
        (
            20,
            (
                "Seat Change1 '70' printed without a sign; read as -70 because Seats1 (149) is "
                "below Last Election1 (219)"
            ),
        ),
        (
            23,
            (
                "Swing1 '34.89pp' printed without a sign; sign unknown (the previous share could "
                "be 3.6% or 73.38%)"
            ),
        ),
        (
            29,
            (
                "Seat Change2 '27' printed without a sign; read as +27 because Seats2 (97) is "
                "above Last Election2 (70)"
            ),
        ),
        (
            32,
            (
                "Swing2 '9.91pp' printed without a sign; sign unknown (the previous share could "
                "be 19.26% or 39.08%)"
            ),
        ),
        (57, 'markup rowspan="3" removed from the row; the value it spanned is not repeated'),
    ],
    1996: [
        (
            11,
            (
                "Turnout change '7.95pp' printed without a sign; sign unknown (the previous "
                "turnout could be 55.96% or 71.86%, and the prose does not say)"
            ),
        ),
        (
            20,
            (
                "Seat Change1 '10' printed without a sign; read as -10 because Seats1 (139) is "
                "below Last Election1 (149)"
            ),
        ),
        (
            23,
            (
                "Swing1 '3.97pp' printed without a sign; sign unknown (the previous share could "
                "be 30.55% or 38.49%)"
            ),
        ),
        (
            38,
            (
                "Seat Change4 '18' printed without a sign; read as +18 because Seats4 (50) is "
                "above Last Election4 (32)"
            ),
        ),
        (
            41,
            (
                "Swing4 '2.99pp' printed without a sign; sign unknown (the previous share could "
                "be 13.18% or 19.16%)"
            ),
        ),
        (
            46,
            (
                "Seat Change5 '82' printed without a sign; read as -82 because Seats5 (15) is "
                "below Last Election5 (97)"
            ),
        ),
        (
            49,
            (
                "Swing5 '17.94pp' printed without a sign; read as -17.94 because a rise would put "
                "the previous share at -6.71%"
            ),
        ),
        (68, 'markup rowspan="2" removed from the row; the value it spanned is not repeated'),
    ],
    2004: [
        (
            16,
            (
                "Turnout change '3.38pp' printed without a sign; sign unknown (the previous "
                "turnout could be 57.25% or 64.01%, and the prose does not say)"
            ),
        ),
        (
            28,
            (
                "Seat Change2 '12' printed without a sign; read as -12 because Seats2 (121) is "
                "below Last Election2 (133)"
            ),
        ),
        (
            34,
            (
                "Seat Change4 '10' printed without a sign; read as +10 because Seats4 (10) is "
                "above Last Election4 (0)"
            ),
        ),
        (
            38,
            (
                "Seat Change5 '106' printed without a sign; read as -106 because Seats5 (9) is "
                "below Last Election5 (115)"
            ),
        ),
        (58, 'markup rowspan="2" removed from the row; the value it spanned is not repeated'),
    ],
}


def seed(year: int) -> Article:
    return read_article_file(SEEDS[year])


def warnings_of(article: Article) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in article.warnings]


def line_count(text: str) -> int:
    return len(LINE_BREAK.split(text.removeprefix("\ufeff")))


def all_lines(article: Article) -> list[int | None]:
    """Every line number the article carries."""
    lines: list[int | None] = [w.line for w in article.warnings]
    lines += [h.line for h in article.headings] + [p.line for p in article.paragraphs]
    for table in article.tables:
        lines += [table.line, *(r.line for r in table.rows)]
    box = article.infobox
    if box is not None:
        lines += [box.line, *(f.line for f in box.fields)]
        for t in box.turnout:
            lines += [t.line, t.change.line if t.change else None]
        for p in box.parties:
            lines += [p.line, *p.lines.values()]
            lines += [c.line for c in (p.seat_change, p.swing) if c is not None]
    return lines


# ----------------------------------------------------------------------------- the seeds


def test_seed_copies_are_the_shared_seeds() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    for path in SEEDS.values():
        assert path.read_bytes() == (shared / path.name).read_bytes()


@pytest.mark.parametrize("year", sorted(SEEDS))
def test_seed_reads_completely(year: int) -> None:
    article = seed(year)
    assert article.title == f"{year} South Korean legislative election"
    assert article.year == year
    assert article.source == str(SEEDS[year])
    assert article.infobox is not None
    assert warnings_of(article) == SEED_WARNINGS[year]
    text = SEEDS[year].read_text(encoding="utf-8")
    fields = [line for line in text.splitlines() if line.startswith("- ")]
    assert [f"- {f.key}: {f.value}" for f in article.infobox.fields] == fields
    assert [h.title for h in article.headings] == [
        "Electoral system",
        "Political parties",
        "Results",
        "By city/province" if year != 1996 else "By city or province",
    ]
    assert [h.level for h in article.headings] == [2, 2, 2, 3]
    for table in article.tables:
        assert table.rows
        assert all(len(row.cells) == len(table.columns) for row in table.rows)
        assert all(c and "rowspan" not in c for c in table.columns)
    json.dumps(article_to_dict(article))


def test_1992_infobox() -> None:
    box = seed(1992).infobox
    assert box is not None
    assert box.line == 3
    assert box.get("Country") is not None
    assert box.election_date == date(1992, 3, 24)
    assert (box.previous_year, box.next_year) == (1988, 1996)
    assert box.previous_election == "1988 South Korean legislative election"
    assert (box.total_seats, box.majority_seats) == (299, 150)
    (turnout,) = box.turnout
    assert (turnout.label, turnout.pct, turnout.line) == ("", Fraction("71.86"), 11)
    assert turnout.change is not None
    assert turnout.change.raw == "3.91pp"
    assert turnout.change.value == Fraction("3.91")
    assert turnout.change.sign_unknown
    assert not turnout.change.sign_implied
    assert [p.number for p in box.parties] == [1, 2, 3]

    dlp = box.parties[0]
    assert (dlp.name, dlp.line, dlp.leader) == (
        "Democratic Liberal Party (South Korea)",
        17,
        "Roh Tae-woo",
    )
    assert (dlp.last_election, dlp.last_election_raw, dlp.seats) == (219, "219 seats", 149)
    assert dlp.seat_change is not None
    assert dlp.seat_change.raw == "70"
    assert dlp.seat_change.value == -70
    assert dlp.seat_change.unit == "seats"
    assert dlp.seat_change.sign_implied
    assert not dlp.seat_change.sign_unknown
    assert dlp.seat_change.line == 20
    assert (dlp.popular_vote, dlp.percentage) == (7_923_718, Fraction("38.49"))
    assert dlp.swing is not None
    assert (dlp.swing.value, dlp.swing.unit, dlp.swing.sign_unknown) == (
        Fraction("34.89"),
        "pp",
        True,
    )
    assert dlp.lines == {
        "Image": 15,
        "Leader": 16,
        "Party": 17,
        "Last Election": 18,
        "Seats": 19,
        "Seat Change": 20,
        "Popular Vote": 21,
        "Percentage": 22,
        "Swing": 23,
    }

    dp = box.parties[1]
    assert dp.seat_change is not None
    assert (dp.seat_change.value, dp.seat_change.sign_implied) == (27, True)

    unp = box.parties[2]
    assert (unp.last_election, unp.last_election_raw) == (None, "Did not exist")
    assert unp.seat_change is not None
    assert unp.swing is not None
    assert (unp.seat_change.new, unp.seat_change.value) == (True, None)
    assert (unp.swing.new, unp.swing.value, unp.swing.line) == (True, None, 41)


def test_1996_infobox_numbers_skip_and_signs() -> None:
    box = seed(1996).infobox
    assert box is not None
    assert [p.number for p in box.parties] == [1, 2, 4, 5]
    udp = box.parties[3]
    assert (udp.name, udp.line, udp.leader) == ("United Democratic", 43, "Park Il, Chang Eul-byung")
    assert "Image" not in udp.lines
    assert (udp.last_election, udp.seats) == (97, 15)
    assert udp.seat_change is not None
    assert (udp.seat_change.value, udp.seat_change.sign_implied, udp.seat_change.line) == (
        -82,
        True,
        46,
    )
    # a rise of 17.94pp to 11.23% is impossible, so the swing is a fall
    assert udp.swing is not None
    assert (udp.swing.value, udp.swing.sign_implied) == (Fraction("-17.94"), True)
    uld = box.parties[2]
    assert uld.seat_change is not None
    assert (uld.seat_change.value, uld.seat_change.sign_implied) == (18, True)
    image = box.get("Image4")
    assert image is not None
    assert (image.value, image.line) == ("File:Kim Jong-pil.png", 33)
    assert box.turnout[0].pct == Fraction("63.91")


def test_2004_infobox_two_ballots() -> None:
    box = seed(2004).infobox
    assert box is not None
    assert box.election_date == date(2004, 4, 15)
    const, pr = box.turnout
    assert (const.label, const.pct, const.line) == ("Const. votes", Fraction("60.63"), 16)
    assert const.change is not None
    assert (const.change.raw, const.change.value) == ("3.38pp", Fraction("3.38"))
    assert const.change.sign_unknown
    assert pr.label == "PR votes"
    assert pr.change is not None
    assert (pr.change.new, pr.change.value, pr.change.sign_unknown) == (True, None, False)
    assert [p.number for p in box.parties] == [1, 2, 4, 5]
    uri, gnp, dlp, mdp = box.parties
    assert (uri.name, uri.seats, uri.last_election_raw) == ("Uri Party", 152, "Did not exist")
    assert uri.seat_change is not None
    assert uri.seat_change.new
    assert (uri.popular_vote, uri.percentage, uri.swing) == (None, None, None)
    assert gnp.seat_change is not None
    assert (gnp.seat_change.value, gnp.seat_change.line) == (-12, 28)
    assert (dlp.last_election, dlp.last_election_raw) == (0, "0 seats")
    assert dlp.seat_change is not None
    assert (dlp.seat_change.value, dlp.seat_change.sign_implied) == (10, True)
    assert (mdp.leader, mdp.line) == (None, 35)
    assert mdp.seat_change is not None
    assert mdp.seat_change.value == -106
    outgoing = box.get("Outgoing Members")
    assert outgoing is not None
    assert outgoing.value.endswith("2000–2004")


def test_1992_seat_table_merged_header() -> None:
    article = seed(1992)
    table = article.table(section="city")
    assert table is not None
    assert (table.line, table.section, table.caption) == (73, "By city/province", None)
    assert table.header_rows == (
        ("Region", "Total seats", "Seats won", "", "", "", ""),
        ("DLP", "DP", "UNP", "NPRP", "Ind.", "", ""),
    )
    assert table.columns == ("Total seats", "DLP", "DP", "UNP", "NPRP", "Ind.")
    assert table.cell("PR list", "DLP") == "33"
    assert table.cell("Seoul", "Total seats") == "44"
    assert table.cell("Total", "Ind.") == "21"
    assert table.cell("Seoul", "Seats won") is None
    assert table.cell("Atlantis", "DLP") is None
    row = table.row("Constituency total")
    assert row is not None
    assert (row.cells, row.line) == (("237", "116", "75", "24", "1", "21"), 90)
    assert len(table.rows) == 18


def test_2004_two_level_header_and_list_table() -> None:
    article = seed(2004)
    const = article.table(caption="Constituency")
    assert const is not None
    assert (const.line, const.caption) == (75, "Constituency results by city/provinces")
    assert const.columns == (
        "Uri Seats", "Uri %", "GNP Seats", "GNP %", "DLP Seats", "DLP %", "MDP Seats",
        "MDP %", "ULD Seats", "ULD %", "NI21 Seats", "Ind. Seats", "Total seats",
    )  # fmt: skip
    assert const.cell("Seoul", "Uri Seats") == "32"
    assert const.cell("Seoul", "Uri %") == "42.9"
    assert const.cell("Ulsan", "NI21 Seats") == "1"
    assert const.cell("Total", "Total seats") == "243"
    assert const.cell("Total", "Ind. Seats") == "2"
    row = const.row("Total")
    assert row is not None
    assert row.line == 93

    party_list = article.table(caption="Party list")
    assert party_list is not None
    assert (party_list.line, party_list.section) == (97, "By city/province")
    assert party_list.caption == "Party list vote results by city/provinces"
    assert party_list.columns == ("Uri", "GNP", "DLP", "MDP", "ULD", "Other")
    assert len(party_list.header_rows) == 1
    assert party_list.cell("Seat allocation", "Uri") == "23"
    allocation = party_list.row("Seat allocation")
    assert allocation is not None
    assert (allocation.cells, allocation.line) == (("23", "21", "8", "4", "0", "0"), 115)
    assert party_list.cell("Overall total", "Other") == "3.0"


@pytest.mark.parametrize("year", sorted(SEEDS))
def test_political_parties_table(year: int) -> None:
    article = seed(year)
    table = article.table(section="Political parties")
    assert table is not None
    assert table.columns == ("Leader", "Ideology", "Last election", "Before election", "Status")
    assert table.header_rows[1][:2] == ("Last election", "Before election")
    for row in table.rows:
        assert row.label
        assert all("rowspan" not in c for c in row.cells)


def test_political_parties_rows() -> None:
    table = seed(1992).table(section="Political parties")
    assert table is not None
    assert [r.label for r in table.rows] == [
        "Democratic Liberal Party",
        "Democratic Party",
        "Hankyoreh Democratic Party",
        "Unification National Party",
        "New Political Reform Party",
    ]
    dlp = table.row("Democratic Liberal Party")
    assert dlp is not None
    assert (dlp.cells, dlp.line) == (("Roh Tae-woo", "Conservatism", "", "", ""), 57)
    assert table.cell("Unification National Party", "Last election") == "Did not exist"
    assert table.cell("Hankyoreh Democratic Party", "Before election") == "Dissolved"
    table_2004 = seed(2004).table(section="Political parties")
    assert table_2004 is not None
    assert table_2004.cell("Millennium Democratic Party", "Leader") == ""
    assert table_2004.cell("Democratic People's Party", "Ideology") == "Conservatism"


def test_prose_paragraphs() -> None:
    article = seed(1992)
    assert [(p.line, p.section) for p in article.paragraphs] == [
        (48, ""),
        (51, "Electoral system"),
        (62, "Political parties"),
        (64, "Political parties"),
        (66, "Political parties"),
        (68, "Political parties"),
    ]
    assert article.paragraphs[0].text.startswith("Legislative elections were held")
    assert article.paragraphs[0].text.endswith("Voter turnout was 72%.")
    assert "seven or more seats" in article.paragraphs[1].text
    assert [(p.line, p.section) for p in seed(2004).paragraphs][:2] == [
        (45, ""),
        (49, "Electoral system"),
    ]


def test_article_to_dict() -> None:
    data = article_to_dict(seed(1992))
    assert json.loads(json.dumps(data)) == data
    assert data["title"] == "1992 South Korean legislative election"
    box = data["infobox"]
    assert isinstance(box, dict)
    assert box["election_date"] == {"value": "1992-03-24", "line": 14}
    assert box["total_seats"] == {"value": 299, "line": 12}
    assert box["turnout"] == [
        {
            "label": "",
            "pct": "71.86",
            "change": {
                "raw": "3.91pp",
                "value": "3.91",
                "unit": "pp",
                "new": False,
                "sign_implied": False,
                "sign_unknown": True,
                "line": 11,
            },
            "line": 11,
        }
    ]
    parties = box["parties"]
    assert isinstance(parties, list)
    dlp = parties[0]
    assert isinstance(dlp, dict)
    assert dlp["name"] == {"value": "Democratic Liberal Party (South Korea)", "line": 17}
    assert dlp["percentage"] == {"value": "38.49", "line": 22}
    assert dlp["popular_vote"] == {"value": 7923718, "line": 21}
    assert dlp["last_election"] == {"value": 219, "raw": "219 seats", "line": 18}
    seat_change = dlp["seat_change"]
    assert isinstance(seat_change, dict)
    assert (seat_change["value"], seat_change["sign_implied"]) == ("-70", True)
    warnings = data["warnings"]
    assert isinstance(warnings, list)
    assert warnings[0] == {"line": 11, "message": SEED_WARNINGS[1992][0][1]}
    tables = data["tables"]
    assert isinstance(tables, list)
    assert tables[1]["columns"][1] == "DLP"  # type: ignore[index,call-overload]


def test_fraction_strings_are_exact() -> None:
    article = read_article("= 1992 X =\nInfobox\n- Party1: A\n- Percentage1: 33.3%\n")
    data = article_to_dict(article)
    box = data["infobox"]
    assert isinstance(box, dict)
    assert box["parties"][0]["percentage"]["value"] == "33.3"  # type: ignore[index,call-overload]
    from korelect.analysis.article.reader import _fraction_text

    assert _fraction_text(Fraction(1, 3)) == "1/3"
    assert _fraction_text(Fraction(-7, 4)) == "-1.75"
    assert _fraction_text(Fraction(-1, 20)) == "-0.05"
    assert _fraction_text(Fraction(12)) == "12"


# ----------------------------------------------------------------------------- hand-made articles


def test_2008_crlf_explicit_signs() -> None:
    path = HAND_MADE[2008]
    assert b"\r\n" in path.read_bytes()
    article = read_article_file(path)
    assert article.warnings == ()
    box = article.infobox
    assert box is not None
    assert box.election_date == date(2008, 4, 9)
    const, pr = box.turnout
    assert const.change is not None
    assert pr.change is not None
    assert (const.label, const.change.value) == ("Const. votes", Fraction("-14.53"))
    assert (pr.label, pr.pct) == ("PR votes", Fraction("46.01"))
    assert pr.change.value == Fraction("-14.62")
    for change in (const.change, pr.change):
        assert not change.sign_implied
        assert not change.sign_unknown
    gnp, udp, lfp, dlp = box.parties
    assert gnp.seat_change is not None
    assert gnp.swing is not None
    assert (gnp.seat_change.raw, gnp.seat_change.value) == ("▲32", 32)
    assert (gnp.swing.raw, gnp.swing.value) == ("+1.71pp", Fraction("1.71"))
    assert not gnp.seat_change.sign_implied
    for party in (udp, lfp):
        assert party.last_election_raw == "Did not exist"
        assert party.last_election is None
        assert party.seat_change is not None
        assert party.seat_change.new
    assert dlp.number == 5
    assert dlp.seat_change is not None
    assert dlp.swing is not None
    assert (dlp.seat_change.value, dlp.swing.value) == (-5, Fraction("-7.35"))
    assert [p.line for p in article.paragraphs] == [48, 51]
    table = article.table(caption="seats won")
    assert table is not None
    assert table.caption == "Seats won by city/province"
    assert table.columns == ("Total seats", "GNP", "UDP", "LFP", "PPA", "DLP", "CKP", "Ind.")
    assert table.cell("PR list", "PPA") == "8"
    assert table.rows[-1].line == 64


def test_2000_bom_tabs_duplicates_ragged() -> None:
    path = HAND_MADE[2000]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    article = read_article_file(path)
    assert article.title == "2000 South Korean legislative election"
    box = article.infobox
    assert box is not None
    assert box.majority_seats == 137  # the first of the duplicated keys
    assert [f.value for f in box.fields if f.key == "Majority Seats"] == ["137", "138"]
    assert box.total_seats == 273
    (turnout,) = box.turnout
    assert turnout.change is not None
    assert (turnout.change.value, turnout.change.sign_implied) == (Fraction("-6.7"), True)
    gnp, mdp, uld, dpp = box.parties
    assert gnp.seats == 133  # read through a tab
    assert gnp.seat_change is not None
    assert (gnp.seat_change.raw, gnp.seat_change.value) == ("−6", -6)
    assert mdp.swing is not None
    assert mdp.swing.value == Fraction("10.57")
    assert uld.seat_change is not None
    assert uld.swing is not None
    assert (uld.seat_change.value, uld.swing.value) == (-33, Fraction("-6.33"))
    assert dpp.swing is not None
    assert (dpp.swing.value, dpp.swing.sign_implied) == (Fraction("3.68"), True)
    assert warnings_of(article) == [
        (9, "duplicate infobox key 'Majority Seats' (first on line 8); the first is used"),
        (
            11,
            (
                "Turnout change '6.70pp' printed without a sign; read as -6.7 because the prose on "
                "line 44 says turnout fell"
            ),
        ),
        (15, "tab characters read as spaces (2 line(s), first here)"),
        (
            42,
            (
                "Swing4 '3.68pp' printed without a sign; read as +3.68 because the party did not "
                "exist at the last election"
            ),
        ),
        (50, "row 'Busan' has 6 cells, the table 7; padded with empty cells"),
        (51, "row 'Daegu' has 8 cells, the table 7; the extra cells are dropped: '0'"),
        (
            52,
            (
                "cell 'l' (row 'Gwangju', column 'Ind.') is not a number, unlike the rest of its "
                "column"
            ),
        ),
        (53, 'markup colspan="2" removed from the row; the value it spanned is not repeated'),
    ]
    table = article.tables[0]
    assert table.cell("Seoul", "MDP") == "28"
    assert table.cell("Busan", "Ind.") == ""
    assert table.cell("Daegu", "Ind.") == "0"
    assert table.cell("Total", "Total seats") == "273"


def test_2012_missing_infobox() -> None:
    article = read_article_file(HAND_MADE[2012])
    assert article.infobox is None
    assert article.year == 2012
    assert warnings_of(article) == [
        (None, "no infobox ('Infobox' followed by '- Key: Value' lines)"),
        (17, 'markup rowspan="2" removed from the row; the value it spanned is not repeated'),
    ]
    table = article.table(caption="**")
    assert table is None  # captions are cleaned of their bold marks
    table = article.table(section="city", caption="seats won")
    assert table is not None
    assert table.cell("Total", "Saenuri") == "152"  # '''Total''' is cleaned
    assert table.cell("PR list", "Ind.") == "0"
    assert [(p.line, p.section) for p in article.paragraphs] == [
        (3, ""),
        (6, "Electoral system"),
        (20, "By city/province"),
    ]
    assert article_to_dict(article)["infobox"] is None


# ----------------------------------------------------------------------------- variants


def test_empty_and_blank_text() -> None:
    for text in ("", "\n\n  \n", "\ufeff"):
        article = read_article(text)
        assert (article.title, article.year, article.infobox) == ("", None, None)
        assert (article.headings, article.paragraphs, article.tables) == ((), (), ())
        assert sorted(m for _, m in warnings_of(article)) == [
            "no infobox ('Infobox' followed by '- Key: Value' lines)",
            "no title line ('= YEAR South Korean legislative election =')",
        ]


def test_title_variants() -> None:
    assert read_article("= Some election =\n").year is None
    assert warnings_of(read_article("= Some election =\n"))[-1] == (
        1,
        "the title 'Some election' names no year",
    )
    late = read_article("Infobox\n- Seats1: 3\n\n= 1988 Korean election =\n")
    assert (late.year, late.title) == (1988, "1988 Korean election")
    assert (4, "the title line is not the article's first line") in warnings_of(late)
    twice = read_article("= 1988 X =\n= 1988 X =\n")
    assert twice.headings[0].level == 1
    assert (2, "a second title line '= 1988 X =', read as a level-1 heading") in warnings_of(twice)


def test_headings() -> None:
    article = read_article("= 1988 X =\n==A==\n=== B ===\n== C =\n====\ntext\n")
    assert [(h.title, h.level, h.line) for h in article.headings] == [
        ("A", 2, 2),
        ("B", 3, 3),
        ("C", 2, 4),
        ("", 4, 5),
    ]
    assert article.paragraphs[0].section == ""
    assert (4, "heading '== C =' has unbalanced '=' marks; level 2 assumed") in warnings_of(article)


def test_paragraph_lines_joined() -> None:
    article = read_article("= 1988 X =\nfirst line\nsecond line\n\nthird\n")
    assert [(p.text, p.line) for p in article.paragraphs] == [
        ("first line second line", 2),
        ("third", 5),
    ]


def test_infobox_without_marker_and_without_blank_line() -> None:
    text = "= 1988 X =\n- Party1: A\n- Seats1: 5\nProse right after.\n\nMore prose.\n"
    article = read_article(text)
    assert article.infobox is not None
    assert article.infobox.line == 2
    assert article.infobox.parties[0].seats == 5
    assert [p.line for p in article.paragraphs] == [4, 6]
    assert warnings_of(article) == [
        (2, "infobox fields without an 'Infobox' line before them"),
        (4, "the infobox ends without a blank line; what follows is read as prose"),
    ]


def test_infobox_odd_lines() -> None:
    text = (
        "= 1988 X =\nInfobox\n\n- Party1: A\nnonsense line\n- Seats1: 5\n- : empty key\n"
        "- Party2:\n\nInfobox\n- Party3: C\n\n- Seats1: 9\n"
    )
    article = read_article(text)
    box = article.infobox
    assert box is not None
    assert [f.key for f in box.fields] == ["Party1", "Seats1", "Party2"]
    assert [p.name for p in box.parties] == ["A", ""]
    assert warnings_of(article) == [
        (5, "not a '- Key: Value' line in the infobox, skipped: 'nonsense line'"),
        (7, "not a '- Key: Value' line in the infobox, skipped: '- : empty key'"),
        (8, "Party2 is empty"),
        (10, "a second infobox (the first is on line 2); its fields are ignored"),
        (13, "a '- Key: Value' infobox line outside the infobox, read as prose"),
    ]
    assert article.paragraphs[-1].text == "- Seats1: 9"


def test_infobox_unreadable_values() -> None:
    text = (
        "= 1988 X =\nInfobox\n- Election Date: 31 February 1988\n- Majority Seats: half\n"
        "- Seats For Election: all of them\n- Turnout: about seventy percent\n"
        "- Party1: A\n- Seats1: l49\n- Last Election1: many\n- Seat Change1: ??\n"
        "- Popular Vote1: 7.923.718\n- Percentage1: 104%\n- Swing1: up\n- Seats7: 3\n"
        "- Previous Year: 19B8\n"
    )
    article = read_article(text)
    box = article.infobox
    assert box is not None
    assert (box.election_date, box.majority_seats, box.total_seats, box.turnout) == (
        None,
        None,
        None,
        (),
    )
    party = box.parties[0]
    assert (party.seats, party.last_election, party.last_election_raw) == (None, None, "many")
    assert party.seat_change is not None
    assert party.seat_change.value is None
    assert party.percentage == 104
    assert [p.name for p in box.parties] == ["A", ""]
    assert box.parties[1].seats == 3
    assert warnings_of(article) == [
        (3, "Election Date '31 February 1988' is not a date like '24 March 1992'"),
        (4, "Majority Seats 'half' is not a number"),
        (5, "Seats For Election 'all of them' is not a number"),
        (6, "Turnout 'about seventy percent' is not a percentage like '71.86% (3.91pp)'"),
        (8, "Seats1 'l49' is not a number"),
        (9, "Last Election1 'many' is neither a number of seats nor 'Did not exist'"),
        (10, "Seat Change1 '??' is not a change like '70', '-12' or 'New'"),
        (11, "Popular Vote1 '7.923.718' is not a number"),
        (12, "Percentage1 '104%' is over 100%"),
        (13, "Swing1 'up' is not a change like '3.97pp', '-2pp' or 'New'"),
        (14, "infobox fields numbered 7 but no Party7"),
        (15, "Previous Year '19B8' is not a number"),
    ]


@pytest.mark.parametrize(
    ("fields", "value", "implied", "unknown", "message"),
    [
        ("- Seats1: 5\n- Seat Change1: 5", 5, False, True, "Seats1 or Last Election1 is missing"),
        ("- Last Election1: 5 seats\n- Seats1: 5\n- Seat Change1: 2", 2, False, True, "equals"),
        ("- Last Election1: Did not exist\n- Seats1: 4\n- Seat Change1: 4", 4, True, False, ""),
        ("- Last Election1: 9 seats\n- Seats1: 4\n- Seat Change1: 6", -6, True, False, "by 5"),
        ("- Last Election1: 9 seats\n- Seats1: 4\n- Seat Change1: +5", 5, False, False, None),
        ("- Last Election1: 9 seats\n- Seats1: 9\n- Seat Change1: 0", 0, False, False, None),
    ],
)
def test_seat_change_signs(
    fields: str, value: int, implied: bool, unknown: bool, message: str | None
) -> None:
    article = read_article(f"= 1988 X =\nInfobox\n- Party1: A\n{fields}\n")
    assert article.infobox is not None
    change = article.infobox.parties[0].seat_change
    assert change is not None
    assert (change.value, change.sign_implied, change.sign_unknown) == (value, implied, unknown)
    if message is None:
        assert article.warnings == ()
    else:
        assert message in article.warnings[-1].message


@pytest.mark.parametrize(
    ("fields", "value", "implied", "unknown"),
    [
        ("- Percentage1: 90%\n- Swing1: 15pp", Fraction(15), True, False),  # a fall over 100%
        ("- Percentage1: 5%\n- Swing1: 6pp", Fraction(-6), True, False),  # a rise below 0%
        ("- Percentage1: 50%\n- Swing1: 6pp", Fraction(6), False, True),
        ("- Swing1: 6pp", Fraction(6), False, True),
        ("- Percentage1: 50%\n- Swing1: −6 pp", Fraction(-6), False, False),
        ("- Percentage1: 50%\n- Swing1: 0.00pp", Fraction(0), False, False),
    ],
)
def test_swing_signs(fields: str, value: Fraction, implied: bool, unknown: bool) -> None:
    article = read_article(f"= 1988 X =\nInfobox\n- Party1: A\n{fields}\n")
    assert article.infobox is not None
    swing = article.infobox.parties[0].swing
    assert swing is not None
    assert (swing.value, swing.sign_implied, swing.sign_unknown) == (value, implied, unknown)


@pytest.mark.parametrize(
    ("turnout", "prose", "value", "implied"),
    [
        ("60% (5pp)", "Turnout rose sharply.", Fraction(5), True),
        ("60% (5pp)", "The turnout was down on 1996.", Fraction(-5), True),
        ("60% (5pp)", "Turnout rose in Seoul but fell elsewhere.", Fraction(5), False),
        ("60% (5pp)", "Seats fell.", Fraction(5), False),
        ("98% (5pp)", "", Fraction(5), True),
        ("60% (+5pp)", "Turnout fell.", Fraction(5), False),
        ("60% (New)", "", None, False),
    ],
)
def test_turnout_signs(turnout: str, prose: str, value: Fraction | None, implied: bool) -> None:
    article = read_article(f"= 1988 X =\nInfobox\n- Turnout: {turnout}\n\n{prose}\n")
    assert article.infobox is not None
    (result,) = article.infobox.turnout
    assert result.change is not None
    assert (result.change.value, result.change.sign_implied) == (value, implied)
    explicit = "+" in turnout or value is None
    assert result.change.sign_unknown == (not implied and not explicit)


def test_turnout_labels_and_junk() -> None:
    article = read_article(
        "= 1988 X =\nInfobox\n- Turnout: 75.8% (PR votes), and 76%, junk 77% (▲1.5pp; Const.)\n"
    )
    assert article.infobox is not None
    labels = [(t.label, t.pct) for t in article.infobox.turnout]
    assert labels == [("PR votes", Fraction("75.8")), ("", 76), ("Const.", 77)]
    assert [m for _, m in warnings_of(article)] == ["unread text in Turnout: ', and ', ', junk '"]


def test_dates() -> None:
    for printed in ("24 March 1992", "March 24, 1992", "1992-03-24", "24 Mar. 1992"):
        article = read_article(f"= 1992 X =\nInfobox\n- Election Date: {printed}\n")
        assert article.infobox is not None
        assert article.infobox.election_date == date(1992, 3, 24), printed


def test_tables_robustness() -> None:
    text = (
        "= 1988 X =\n== R ==\n| Region | A | B |\n| North | 1 | 2 |\n\n| South | 3 | 4 |\n"
        "| Cut | 5\n\n  - **Only a header**\n\n| a | b |\n\n| Region | A |\n| East | x1 |\n"
        "| West | 2 |\n| Mid | 3 |\n| Far | 4 |\n"
    )
    article = read_article(text)
    first, header_only, last = article.tables
    assert first.columns == ("A", "B")
    assert [r.label for r in first.rows] == ["North", "South", "Cut"]
    assert first.cell("Cut", "B") == ""
    assert header_only.caption == "Only a header"
    assert header_only.rows == ()
    assert last.cell("East", "A") == "x1"
    assert warnings_of(article) == [
        (None, "no infobox ('Infobox' followed by '- Key: Value' lines)"),
        (
            5,
            (
                "blank line(s) inside a table; the rows after them are read as part of the "
                "table on line 3"
            ),
        ),
        (7, "table row does not end with '|' (cut short?)"),
        (7, "row 'Cut' has 2 cells, the table 3; padded with empty cells"),
        (11, "the table has no body rows"),
        (14, "cell 'x1' (row 'East', column 'A') is not a number, unlike the rest of its column"),
    ]


def test_table_header_fallbacks() -> None:
    # the second header row was lost: the columns are the first row's labels
    text = "| Region | Total seats | Seats won | | |\n| Seoul | 44 | 16 | 25 | 2 |\n"
    article = read_article(text)
    table = article.tables[0]
    assert table.columns == ("Total seats", "Seats won", "", "")
    assert (1, "the header names 2 columns, the rows have 4") in warnings_of(article)
    # a second header row with more labels than columns
    text = "| R | T | S | | |\n| a | b | c | d | e |\n| x | 1 | 2 | 3 | 4 |\n"
    article = read_article(text)
    assert article.tables[0].columns == ("T", "S", "", "")
    assert (2, "the two header rows do not fit 4 columns; the columns are named by the first") in (
        warnings_of(article)
    )
    # a first row of numbers, duplicate column names
    article = read_article("| R | 1 | 1 |\n| x | 2 | 3 |\n")
    assert article.tables[0].columns == ("1", "1")
    assert [m for _, m in warnings_of(article)][-2:] == [
        "the table's first row has numbers; read as its header anyway",
        "duplicate column name(s) '1'; cell() finds the first",
    ]


def test_field_lines_and_caption_with_colon() -> None:
    article = read_article("= 1988 X =\n\n  - Table: seats\n| R | A |\n| x | 1 |\n")
    assert article.tables[0].caption == "Table: seats"
    assert article.paragraphs == ()


# ----------------------------------------------------------------------------- files


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file") as missing:
        read_article_file(tmp_path / "missing.txt")
    assert missing.value.path == str(tmp_path / "missing.txt")
    with pytest.raises(FileFormatError, match="is a directory") as directory:
        read_article_file(tmp_path)
    assert directory.value.path == str(tmp_path)


def test_file_cp949(tmp_path: Path) -> None:
    text = "= 1992 한국 총선 =\n\nInfobox\n- Party1: 민주자유당\n- Seats1: 149\n"
    path = tmp_path / "cp949.txt"
    path.write_bytes(text.encode("cp949"))
    article = read_article_file(path)
    assert article.infobox is not None
    assert article.infobox.parties[0].name == "민주자유당"
    assert warnings_of(article) == [
        (1, "the file is not UTF-8 (first on this line); read as CP949 (EUC-KR)")
    ]


def test_file_mixed_encodings(tmp_path: Path) -> None:
    lines = ["= 1992 X =", "", "Infobox", "- Party1: 민주자유당", "- Party2: 민주당"]
    lines.append("- Seats2: 97")
    raw = b"\r\n".join(
        line.encode("cp949" if n == 4 else "utf-8") for n, line in enumerate(lines, 1)
    )
    raw += b"\n\n| R | A |\n| x \xff\xfe | 1 |\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    article = read_article_file(path)
    assert article.title == "1992 X"
    assert article.infobox is not None
    assert [p.name for p in article.infobox.parties] == ["민주자유당", "민주당"]
    assert article.tables[0].rows[0].label == "x \ufffd\ufffd"
    assert warnings_of(article) == [
        (
            4,
            (
                "mixed encodings: this line is not UTF-8 and was read as CP949 (EUC-KR) "
                "(1 line(s) in all)"
            ),
        ),
        (
            9,
            (
                "mixed encodings: this line is neither UTF-8 nor CP949; its undecodable bytes "
                "were replaced with U+FFFD (1 line(s) in all)"
            ),
        ),
    ]


def test_crlf_and_cr_line_ends_number_the_same() -> None:
    text = SEED_2004.read_text(encoding="utf-8")
    expected = article_to_dict(read_article(text))
    for newline in ("\r\n", "\r"):
        assert article_to_dict(read_article(text.replace("\n", newline))) == expected


# ----------------------------------------------------------------------------- fuzz

TEXTS = [path.read_text(encoding="utf-8-sig") for path in sorted(ARTICLES.glob("*.txt"))]
LETTERS = str.maketrans("0123456789", "olzEhSGTBg")
KOREAN = "민주자유당 통일국민당 무소속 한나라당 열린우리당 선거구 비례대표"


@st.composite
def mutated_lines(draw: st.DrawFn) -> list[str]:
    """A seed or hand-made article with a few random mutations."""
    lines = LINE_BREAK.split(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            lines = [draw(st.text(max_size=30))]
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        op = draw(st.integers(0, 10))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, line)
        elif op == 2:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], line
        elif op == 3:
            lines = [*lines[:i], line[: draw(st.integers(0, len(line)))]]
        elif op == 4:
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.text(max_size=12)) + line[at:]
        elif op == 5:
            lines[i] = line.translate(LETTERS)
        elif op == 6:
            lines[i] = line.replace("|", "")
        elif op == 7:
            lines[i] = draw(st.text(max_size=40))
        elif op == 8:
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(KOREAN.split())) + line[at:]
        elif op == 9:
            lines[i] = line.replace(draw(st.sampled_from(["-", "=", ":", " ", "%"])), "\t")
        else:  # a number too long for int()
            lines[i] = re.sub(r"\d+", "9" * draw(st.integers(1, 5000)), line, count=1)
    return lines


def check_lines(article: Article, count: int) -> None:
    for line in all_lines(article):
        assert line is None or 1 <= line <= count, (line, count)
    assert all(isinstance(w, ReadWarning) for w in article.warnings)
    for table in article.tables:
        assert all(len(row.cells) == len(table.columns) for row in table.rows)
    json.dumps(article_to_dict(article))


@settings(max_examples=250, deadline=None)
@given(lines=mutated_lines(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_fuzz_read_article(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    article = read_article(text)
    check_lines(article, line_count(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=mutated_lines(), data=st.data())
def test_fuzz_read_article_file(
    lines: list[str], data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    chunks = []
    for line in lines:
        encoding = data.draw(st.sampled_from(["utf-8", "utf-8", "cp949"]))
        chunks.append(line.encode(encoding, errors="replace"))
    newline = data.draw(st.sampled_from([b"\n", b"\r\n"]))
    raw = data.draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + newline.join(chunks)
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + data.draw(st.binary(max_size=16)) + raw[at:]
    path = tmp_path_factory.getbasetemp() / "fuzz.txt"
    path.write_bytes(raw)
    article = read_article_file(path)
    assert article.source == str(path)
    check_lines(article, len(re.split(rb"\r\n|\r|\n", raw)))


@pytest.mark.parametrize(
    "second",
    ["| A | B | A | B | | |", "| | A | B | A | B | |"],
    ids=["packed", "aligned"],
)
def test_header_with_explicit_spans(second: str) -> None:
    # empty header cells between labels continue the label to their left
    text = (
        f"| Region | Seats won | | Votes | | Total |\n{second}\n| North | 1 | 2 | 10 | 20 | 3 |\n"
    )
    article = read_article(text)
    table = article.tables[0]
    assert table.columns == ("Seats won A", "Seats won B", "Votes A", "Votes B", "Total")
    assert table.cell("North", "Votes B") == "20"
    assert [r.label for r in table.rows] == ["North"]


def test_explicit_spans_with_swatch_column() -> None:
    text = (
        "| Parties | | Leader | Seats | | Status |\n"
        "| | | | Last election | Before election | |\n"
        "| | Party A | Kim | 10 | 12 | Ruling |\n"
        "| | Party B | Lee | 5 | 3 | |\n"
    )
    table = read_article(text).tables[0]
    assert table.columns == ("Leader", "Last election", "Before election", "Status")
    assert table.cell("Party A", "Before election") == "12"
    assert table.cell("Party B", "Leader") == "Lee"


def test_huge_numbers_and_long_lines() -> None:
    digits = "7" * 5000  # over Python's limit for converting a string to int
    text = (
        f"= 1992 X =\nInfobox\n- Turnout: {digits}% ({digits}pp)\n- Party{digits}: A\n"
        f"- Party1: B\n- Seats1: {digits}\n- Popular Vote1: {digits}\n- Seat Change1: {digits}\n"
        f"- Seats For Election: All {digits} seats\n-{' ' * 5000}x\n\n={'a=' * 3000}b\n"
        f"| R | A |\n| x | {digits} |\n"
    )
    article = read_article(text)
    box = article.infobox
    assert box is not None
    assert [p.name for p in box.parties] == ["B"]
    assert (box.parties[0].seats, box.parties[0].popular_vote, box.total_seats) == (None,) * 3
    assert [t.pct for t in box.turnout] == [None]
    assert (3, f"Turnout {'7' * 37}...% is not a number") in warnings_of(article)
    assert article.tables[0].rows[0].cells == (digits,)
