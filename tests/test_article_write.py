"""The article writer: every election written from the counts, read back, and compared.

Each article is read back with :func:`korelect.analysis.article.reader.read_article`;
its infobox, national table and province tables must equal
:func:`korelect.record.election.results` cell for cell (half up, at the decimals
printed). The 1992, 1996 and 2004 "By city/province" tables are compared with
the seed articles' tables, copied below from ``../shared/seeds``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest

import korelect
from counts_cases import shares_only
from korelect.analysis.article.model import Article, Table
from korelect.analysis.article.reader import read_article
from korelect.analysis.audit import CONTINUES, audit
from korelect.base.numbers import fmt_decimal, round_half_up
from korelect.engine.entries import Kind
from korelect.law.registry import registered_years, rules_for
from korelect.record.data import dataset
from korelect.record.election import ElectionResult, PartyLine, party_info, results
from korelect.views.article_writer import _row, electoral_system_paragraph, write_article

YEARS = dataset().years()
NO_NATIONAL_TIER = (1948, 1950, 1954, 1958, 1960)  # every seat a constituency seat
APPOINTED = (1973, 1978)  # the national tier appointed (유신정우회), not elected
GAPS = (1948, 1950)  # a few of the law's seats in no count: the counts' rules are reduced
ONE_BALLOT = (*NO_NATIONAL_TIER, 1963, 1967, 1971, *APPOINTED, 1981, 1985, 1988, 1992, 1996, 2000)
LIST_TABLE = (2004, 2008, 2012, 2016, 2020, 2024)  # list votes counted by province
TURNOUT = tuple(y for y in YEARS if y >= 1971)  # every district that voted has its figures
PARTIAL_TURNOUT = (1963, 1967)  # figures for 87 of the 131 districts


@cache
def written(year: int) -> tuple[str, Article]:
    text = write_article(year)
    return text, read_article(text, source=f"written {year}")


def pct(part: int | Fraction, whole: int | Fraction, places: int) -> Fraction:
    return round_half_up(Fraction(part) / Fraction(whole) * 100, places)


def number(cell: str) -> Fraction:
    return Fraction(cell.replace(",", ""))


def label(p: PartyLine) -> str:
    return "Ind." if p.kind is Kind.INDEPENDENT else (p.info.abbr or p.info.name_en)


def seated(result: ElectionResult) -> list[PartyLine]:
    return [p for p in result.parties if p.kind is Kind.PARTY and p.total_seats]


def neighbours(year: int) -> tuple[int | None, int | None]:
    years = sorted(set(registered_years()) & set(dataset().years()))
    i = years.index(year)
    return (years[i - 1] if i else None), (years[i + 1] if i + 1 < len(years) else None)


def election_date(year: int) -> date:
    _, text = dataset()._open("elections.csv")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["year"] == str(year))
    return date.fromisoformat(row["date"])


def tables(article: Article) -> tuple[Table, Table | None, Table | None]:
    """The national table, the province (seat or constituency) table, the list-vote table."""
    national = article.table(section="Results")
    province = article.table(section="By city/province")
    listed = article.table(section="By city/province", caption="Party list vote")
    assert national is not None
    return national, province, listed


# -- layout -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_article_has_the_seed_layout_and_reads_back_cleanly(year: int) -> None:
    text, article = written(year)
    lines = text.splitlines()
    assert lines[:3] == [f"= {year} South Korean legislative election =", "", "Infobox"]
    for heading in ("== Electoral system ==", "==Results==", "===By city/province==="):
        assert heading in lines
    assert article.year == year
    assert article.infobox is not None
    assert article.warnings == (), [w.message for w in article.warnings]
    captions = [t.caption for t in article.tables]
    if year in ONE_BALLOT:
        assert captions == [None, None]
        assert article.tables[1].header_rows[0][:3] == ("Region", "Total seats", "Seats won")
    else:
        expected = [None, "Constituency results by city/provinces"]
        if year in LIST_TABLE:
            expected.append("Party list vote results by city/provinces")
        assert captions == expected
    for line in lines:
        if line.startswith("|"):
            assert line.endswith(" |"), line
    # no row of a national tier the law did not have, and an appointed one named so
    assert ("| PR list |" in text) == (
        year in ONE_BALLOT and year not in (*NO_NATIONAL_TIER, *APPOINTED)
    )
    assert ("| Constituency total |" in text) == (
        year in ONE_BALLOT and year not in NO_NATIONAL_TIER
    )
    assert ("| Appointed |" in text) == (year in APPOINTED)
    paragraph = next(p for p in article.paragraphs if p.section == "Electoral system")
    result = results(year)
    assert result.counts is not None
    assert bool(result.counts.gaps) == (year in GAPS)
    if year in GAPS:  # the law reduced to the seats counted, and the paragraph says so
        assert result.rules.total_seats < rules_for(year).total_seats
        assert paragraph.text == electoral_system_paragraph(result.rules, gaps=result.counts.gaps)
        assert f"All {result.total_seats} seats were elected" in paragraph.text
        assert f"of the law's {rules_for(year).total_seats} district seats" in paragraph.text
        assert paragraph.text.endswith(f"Legal source: {rules_for(year).law}.")
        assert "scenario" not in paragraph.text
        lead = article.paragraphs[0].text
        assert f"to elect the {rules_for(year).total_seats} members" in lead
        assert f"cover {result.total_seats} of the seats" in lead
    else:
        assert result.rules == rules_for(year)
        assert paragraph.text == electoral_system_paragraph(rules_for(year))


def test_row_writes_no_stray_pipes_or_line_breaks() -> None:
    assert _row(["Region", "a|b", "c\nd", ""]) == "| Region | a/b | c d | |"


# -- the infobox --------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_infobox_equals_results(year: int) -> None:
    result = results(year)
    _, article = written(year)
    box = article.infobox
    assert box is not None
    assert box.total_seats == result.total_seats
    assert box.majority_seats == result.total_seats // 2 + 1
    assert box.election_date == election_date(year)
    before, after = neighbours(year)
    assert box.previous_year == before
    assert box.next_year == after
    parties = seated(result)
    assert [p.name for p in box.parties] == [p.info.name_en for p in parties]
    assert [p.number for p in box.parties] == list(range(1, len(parties) + 1))
    for printed, line in zip(box.parties, parties, strict=True):
        assert printed.seats == line.total_seats
        if not line.votes:
            assert printed.percentage is None
            assert printed.popular_vote is None
            continue
        assert printed.percentage == pct(line.vote_share, 1, 2)
        assert printed.popular_vote == line.votes


def covered(year: int) -> tuple[int, int, int, int]:
    """(districts that voted with turnout figures, districts that voted, their electorate,
    their ballots cast), from the shipped districts."""
    voted = [d.district for d in results(year).districts if d.how != "unopposed"]
    rows = [d for d in voted if d.electorate and d.ballots_cast is not None]
    return (
        len(rows),
        len(voted),
        sum(d.electorate or 0 for d in rows),
        sum(d.ballots_cast or 0 for d in rows),
    )


def test_turnout_years() -> None:
    """A national turnout where every district that voted has figures: from 1971."""
    for year in YEARS:
        n, voted, _, _ = covered(year)
        assert (n == voted) == (year in TURNOUT), year
        assert (2 * n > voted and n < voted) == (year in PARTIAL_TURNOUT), year


@pytest.mark.parametrize("year", YEARS)
def test_turnout_and_its_change(year: int) -> None:
    result = results(year)
    _, article = written(year)
    assert article.infobox is not None
    printed = article.infobox.turnout
    lead = article.paragraphs[0].text
    if year not in TURNOUT:  # too few figures for the country's turnout (1948–1967)
        assert printed == ()
        assert "Voter turnout was" not in lead
        n, voted, electorate, ballots = covered(year)
        if year in PARTIAL_TURNOUT:
            assert (
                f"Turnout in the {n} of the {voted} contested constituencies that korelect has "
                f"turnout figures for was {fmt_decimal(Fraction(ballots, electorate) * 100, 2)}%; "
                f"it has none for the "
                f"other {voted - n}."
            ) in lead
        elif n:
            assert (
                f"korelect has turnout figures for only {n} of the {voted} contested "
                f"constituencies of {year}, too few for a national turnout."
            ) in lead
        else:
            assert f"korelect has no turnout counts for {year}." in lead
        return
    rate = result.turnout.rate
    assert rate is not None
    before, _ = neighbours(year)
    prev = None if before is None or before not in TURNOUT else results(before)
    ballots = [(result.turnout.rate, None if prev is None else prev.turnout.rate)]
    if result.list_turnout is not None:
        ballots.append(
            (
                result.list_turnout.rate,
                None if prev is None or prev.list_turnout is None else prev.list_turnout.rate,
            )
        )
    assert len(printed) == len(ballots)
    for i, (turnout, (now, then)) in enumerate(zip(printed, ballots, strict=True)):
        assert now is not None
        assert turnout.pct == pct(now, 1, 2)
        if prev is None:  # no election before, or one without a national turnout (1967)
            assert turnout.change is None
        elif then is None:
            assert i == 1  # the list ballot, new in 2004
            assert turnout.change is not None
            assert turnout.change.new
        else:
            assert turnout.change is not None
            assert not turnout.change.sign_implied
            assert not turnout.change.sign_unknown
            assert turnout.change.value == pct(now, 1, 2) - pct(then, 1, 2)
    if year == 2004:
        assert (
            "- Turnout: 60.63% (+3.42pp; Const. votes), 60.63% (New; PR votes)"
            in written(year)[0].splitlines()
        )
    if year == min(TURNOUT):  # the election before had no national turnout: no change
        assert f"- Turnout: {fmt_decimal(rate * 100, 2)}%" in written(year)[0].splitlines()


@pytest.mark.parametrize("year", YEARS[1:])
def test_seat_change_and_swing_add_up(year: int) -> None:
    _, article = written(year)
    assert article.infobox is not None
    for party in article.infobox.parties:
        assert party.seat_change is not None
        assert party.seats is not None
        if party.last_election is None:
            assert party.last_election_raw == "Did not exist"
            assert party.seat_change.new
            assert party.swing is None or party.swing.new
            continue
        assert not party.seat_change.sign_implied
        assert not party.seat_change.sign_unknown
        assert party.seat_change.value == party.seats - party.last_election
        if party.swing is not None:
            assert not party.swing.new
            assert party.swing.value is not None
            assert not party.swing.sign_unknown


@pytest.mark.parametrize("year", sorted(CONTINUES))
def test_last_election_follows_the_audits_continuity(year: int) -> None:
    """1992–2004: renamed and merged parties as the audit (and the seeds) read them."""
    before, _ = neighbours(year)
    assert before is not None
    prev = results(before)
    prev_lines = {p.info.party_id: p for p in prev.parties if p.kind is Kind.PARTY}
    continues = {
        party_info(name, year).party_id: {party_info(n, before).party_id for n in names}
        for name, names in CONTINUES[year].items()
    }
    _, article = written(year)
    assert article.infobox is not None
    lines = {p.info.name_en: p for p in results(year).parties}
    for party in article.infobox.parties:
        pid = lines[party.name].info.party_id
        if pid in prev_lines:
            expected: int | None = prev_lines[pid].total_seats
        elif pid in continues:
            expected = sum(prev_lines[i].total_seats for i in continues[pid] if i in prev_lines)
        else:
            expected = None
        assert party.last_election == expected, party.name


@pytest.mark.parametrize(
    ("year", "party", "last", "swing"),
    [
        (1992, "Democratic Liberal Party", 219, Fraction("-34.89")),  # DJP + RDP + NDRP
        (1996, "United Liberal Democrats", None, None),  # split from the DLP in 1995
        (2000, "Grand National Party", 154, Fraction("-6.79")),  # NKP + UDP (1995)
        (2008, "United Democratic Party", 161, Fraction("-20.18")),  # Uri + MDP
        (2012, "Saenuri Party", 153, Fraction("5.32")),  # the GNP renamed
        (2020, "United Future Party", 122, None),  # Saenuri, through the LKP; no list
        (2024, "People Future Party", 19, Fraction("2.83")),  # satellite after the FKP
        (2024, "Democratic Alliance of Korea", 17, Fraction("-6.66")),  # after the Platform
        (2024, "Progressive Party", 0, None),  # stood in 2020 without a seat
    ],
)
def test_last_election_examples(
    year: int, party: str, last: int | None, swing: Fraction | None
) -> None:
    _, article = written(year)
    assert article.infobox is not None
    printed = next(p for p in article.infobox.parties if p.name == party)
    assert printed.last_election == last
    if swing is None:
        assert printed.swing is None or printed.swing.new
    else:
        assert printed.swing is not None
        assert printed.swing.value == swing


# -- the tables ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_national_table_equals_results(year: int) -> None:
    result = results(year)
    _, article = written(year)
    national, _, _ = tables(article)
    shares = any(isinstance(p.votes, Fraction) for p in result.parties)
    assert national.columns[-3:] == ("Constituency seats", "List seats", "Total seats")
    assert national.columns[0] == ("List %" if shares else "Votes")
    total = result.allocation.total_votes
    for p in result.parties:
        if p.kind is not Kind.PARTY or not (p.total_seats or p.vote_share >= Fraction(1, 100)):
            continue
        row = national.row(p.info.name_en)
        assert row is not None, p.info.name_en
        assert int(row.cells[-3]) == p.district_seats
        assert int(row.cells[-2]) == p.list_seats
        assert int(row.cells[-1]) == p.total_seats
        if not p.votes:
            assert row.cells[0] == ""
        elif shares:
            assert number(row.cells[0]) == round_half_up(Fraction(p.votes), 2)
        else:
            assert number(row.cells[0]) == p.votes
            assert number(row.cells[1]) == pct(p.votes, total, 2)
    row = national.row("Total")
    assert row is not None
    assert [int(c) for c in row.cells[-3:]] == [
        sum(p.district_seats for p in result.parties),
        sum(p.list_seats for p in result.parties),
        result.total_seats,
    ]
    body = [r for r in national.rows if r.label != "Total"]
    for k in (-3, -2, -1):
        assert sum(int(r.cells[k]) for r in body) == int(row.cells[k])


@pytest.mark.parametrize("year", YEARS)
def test_province_seat_table_equals_results(year: int) -> None:
    result = results(year)
    _, article = written(year)
    _, table, _ = tables(article)
    assert table is not None
    two_level = any(c.endswith(" %") for c in table.columns)

    def column(p: PartyLine) -> str:
        return f"{label(p)} Seats" if two_level else label(p)

    shown = [p for p in result.parties if p.kind is not Kind.OTHER]
    totals: tuple[str, ...]
    if year in NO_NATIONAL_TIER:  # every seat a constituency seat: one Total row
        shown = [p for p in shown if p.total_seats]
        totals = ("Total",)
    elif year in ONE_BALLOT:
        shown = [p for p in shown if p.total_seats]
        totals = ("Constituency total", "Appointed" if year in APPOINTED else "PR list", "Total")
    else:
        shown = [p for p in shown if p.district_seats]
        totals = ("Total",)
    assert any(p.kind is Kind.APPOINTED for p in shown) == (year in APPOINTED)
    assert [r.label for r in table.rows] == [
        *[pl.name_en for pl in result.provinces],
        *totals,
    ]
    for pl in result.provinces:
        assert table.cell(pl.name_en, "Total seats") == str(pl.total_seats)
        for p in shown:
            assert table.cell(pl.name_en, column(p)) == str(pl.seats.get(p.info.party_id, 0))
    for p in shown:
        assert table.cell(totals[0], column(p)) == str(p.district_seats)
        assert table.cell("Total", column(p)) == str(
            p.total_seats if year in ONE_BALLOT else p.district_seats
        )
        if len(totals) == 3:
            assert table.cell(totals[1], column(p)) == str(p.list_seats)
    if two_level:  # the constituency vote % by province
        for p in shown:
            if f"{label(p)} %" not in table.columns:
                continue
            for pl in result.provinces:
                whole = sum(pl.votes.values())
                got = table.cell(pl.name_en, f"{label(p)} %")
                assert got is not None
                assert number(got) == pct(pl.votes.get(p.info.party_id, 0), whole, 1)


@pytest.mark.parametrize("year", LIST_TABLE)
def test_list_vote_table_equals_results(year: int) -> None:
    result = results(year)
    _, article = written(year)
    _, _, table = tables(article)
    assert table is not None
    assert table.columns[-1] == "Other"
    by_label = {label(p): p for p in result.parties}
    named = [by_label[c] for c in table.columns[:-1]]
    for pl in result.provinces:
        whole = sum(pl.list_votes.values())
        shown = 0
        for p in named:
            part = pl.list_votes.get(p.info.party_id, 0)
            shown += part
            assert number(table.cell(pl.name_en, label(p)) or "") == pct(part, whole, 1)
        assert number(table.cell(pl.name_en, "Other") or "") == pct(whole - shown, whole, 1)
    assert table.cell("Seat allocation", "Other") == str(
        sum(p.list_seats for p in result.parties if p not in named)
    )
    for p in named:
        assert table.cell("Seat allocation", label(p)) == str(p.list_seats)


@pytest.mark.parametrize("year", YEARS)
def test_votes_no_candidate_holds_count_in_the_total(year: int) -> None:
    """Where the districts' valid votes exceed their candidates' votes (1948, 1950), the
    gap has its row: the rows add up to the valid vote, of which every share is taken."""
    result = results(year)
    if any(isinstance(p.votes, Fraction) for p in result.parties):
        pytest.skip("published shares: no vote counts")
    _, article = written(year)
    national, _, _ = tables(article)
    total = result.allocation.total_votes
    gap = total - sum(Fraction(p.votes) for p in result.parties)
    assert result.counts is not None
    if year in ONE_BALLOT:  # the constituency vote: the districts' valid votes
        assert total == sum(d.valid_votes or 0 for d in result.counts.districts)
    row = national.row("Votes missing from the candidates' counts")
    assert (row is not None) == (gap > 0)
    if year in GAPS:
        assert gap > 0
    if row is not None:
        assert number(row.cells[0]) == gap
        assert number(row.cells[1]) == pct(gap, total, 2)
    total_row = national.row("Total")
    assert total_row is not None
    assert number(total_row.cells[0]) == total
    body = [r for r in national.rows if r.label != "Total" and r.cells[0]]
    assert sum(number(r.cells[0]) for r in body) == total
    assert article.infobox is not None
    for printed in article.infobox.parties:  # the infobox's shares are the table's
        row = national.row(printed.name)
        assert row is not None
        if printed.percentage is not None:
            assert number(row.cells[1]) == printed.percentage


def test_1948_shares_are_of_the_districts_valid_votes() -> None:
    """8.57%, not 8.58%: 578,313 of the 6,744,822 valid votes (6,743,029 the candidates')."""
    result = results(1948)
    line = result.party("대동청년단")
    assert result.counts is not None
    valid = sum(d.valid_votes or 0 for d in result.counts.districts)
    assert line.vote_share == Fraction(line.votes, valid)
    text, article = written(1948)
    assert article.infobox is not None
    printed = next(p for p in article.infobox.parties if p.name == line.info.name_en)
    assert printed.percentage == pct(line.votes, valid, 2) == Fraction("8.57")
    assert f"| {line.info.name_en} | 578,313 | 8.57 |" in text


@pytest.mark.parametrize("year", YEARS)
def test_the_years_own_law_is_not_a_counterfactual(year: int) -> None:
    """``--rules YEAR`` on the year's own counts writes the year's article (1948 and 1950
    too, whose counts' rules are the law reduced to the seats counted)."""
    assert write_article(year, rules=rules_for(year)) == written(year)[0]


@pytest.mark.parametrize("year", APPOINTED)
def test_the_appointed_bloc_has_a_row_of_its_own(year: int) -> None:
    result = results(year)
    (bloc,) = [p for p in result.parties if p.kind is Kind.APPOINTED]
    assert bloc.info.party_id == "yujeonghoe"
    assert (bloc.district_seats, bloc.list_seats) == (0, result.rules.list_seats)
    text, article = written(year)
    national, province, _ = tables(article)
    row = national.row(f"{bloc.info.name_en} (appointed)")
    assert row is not None
    assert row.cells[:2] == ("", "")  # no votes: appointed, not elected
    assert [int(c) for c in row.cells[-3:]] == [0, bloc.list_seats, bloc.total_seats]
    assert national.row("Other parties") is None
    assert province is not None
    assert province.cell("Appointed", label(bloc)) == str(bloc.list_seats)
    assert province.cell("Constituency total", label(bloc)) == "0"
    assert article.infobox is not None
    assert bloc.info.name_en not in [p.name for p in article.infobox.parties]
    assert (
        f"The other {bloc.total_seats} seats went to the {bloc.info.name_en} "
        f"({bloc.info.name_ko}), appointed, not elected."
    ) in article.paragraphs[0].text
    assert f"the remaining {bloc.list_seats} appointed, not elected" in text


@pytest.mark.parametrize(("year", "law", "appointed"), [(2004, 1973, 56), (2020, 1978, 47)])
def test_an_appointed_tier_in_a_counterfactual(year: int, law: int, appointed: int) -> None:
    """The bloc of 1973's or 1978's law on another year's votes: its own row, not "Other"."""
    text = write_article(year, rules=rules_for(law))
    article = read_article(text, source=f"{year} under {law}")
    assert article.warnings == ()
    expected = results(year, rules=rules_for(law))
    (bloc,) = [p for p in expected.parties if p.kind is Kind.APPOINTED]
    assert bloc.list_seats == bloc.total_seats == appointed
    national = article.table(section="Results")
    assert national is not None
    row = national.row(f"{bloc.info.name_en} (appointed)")
    assert row is not None
    assert [int(c) for c in row.cells[-3:]] == [0, appointed, appointed]
    other = national.row("Other parties")
    assert other is not None
    assert [int(c) for c in other.cells[-3:]] == [0, 0, 0]
    listed = article.table(caption="Party list vote")
    assert listed is not None
    assert listed.row("Seat allocation") is None  # no seat was allocated by the list vote
    assert f"the remaining {appointed} appointed, not elected" in text
    assert f"{bloc.info.name_en} ({bloc.info.name_ko}) held {appointed} seats" in text
    assert infobox_seats(article) == {p.info.name_en: p.total_seats for p in seated(expected)}


def test_a_counterfactual_without_a_national_tier() -> None:
    """2004 under 1958's law: the 243 constituency seats alone."""
    text = write_article(2004, rules=rules_for(1958))
    article = read_article(text)
    assert article.warnings == ()
    assert article.infobox is not None
    assert article.infobox.total_seats == 243
    assert "All 243 seats were elected in single-member constituencies" in text
    national = article.table(section="Results")
    assert national is not None
    total = national.row("Total")
    assert total is not None
    assert [int(c) for c in total.cells[-3:]] == [243, 0, 243]
    listed = article.table(caption="Party list vote")
    assert listed is not None
    assert listed.row("Seat allocation") is None


def test_a_national_tier_added_to_the_1948_assembly() -> None:
    """1948 under 2004's law: its 56 list seats added to the 197 constituencies counted."""
    text = write_article(1948, rules=rules_for(2004))
    article = read_article(text)
    assert article.warnings == ()
    expected = results(1948, rules=rules_for(2004))
    assert expected.total_seats == 197 + 56
    _, province, _ = tables(article)
    assert province is not None
    assert [r.label for r in province.rows][-3:] == ["Constituency total", "PR list", "Total"]
    assert province.cell("PR list", "Total seats") == "56"
    assert province.cell("Total", "Total seats") == str(expected.total_seats)
    assert "its law had no national tier" in text


# -- the seed articles' tables ------------------------------------------------------------

SEED_1992 = """\
| Region | Total seats | Seats won | | | | |
| DLP | DP | UNP | NPRP | Ind. | | |
| Seoul | 44 | 16 | 25 | 2 | 1 | 0 |
| Busan | 16 | 15 | 0 | 0 | 0 | 1 |
| Daegu | 11 | 8 | 0 | 2 | 0 | 1 |
| Incheon | 7 | 5 | 1 | 0 | 0 | 1 |
| Gwangju | 6 | 0 | 6 | 0 | 0 | 0 |
| Daejeon | 5 | 1 | 2 | 0 | 0 | 2 |
| Gyeonggi | 31 | 18 | 8 | 5 | 0 | 0 |
| Gangwon | 14 | 8 | 0 | 4 | 0 | 2 |
| North Chungcheong | 9 | 6 | 1 | 2 | 0 | 0 |
| South Chungcheong | 14 | 7 | 1 | 4 | 0 | 2 |
| North Jeolla | 14 | 2 | 12 | 0 | 0 | 0 |
| South Jeolla | 19 | 0 | 19 | 0 | 0 | 0 |
| North Gyeongsang | 21 | 14 | 0 | 2 | 0 | 5 |
| South Gyeongsang | 23 | 16 | 0 | 3 | 0 | 4 |
| Jeju | 3 | 0 | 0 | 0 | 0 | 3 |
| Constituency total | 237 | 116 | 75 | 24 | 1 | 21 |
| PR list | 62 | 33 | 22 | 7 | 0 | 0 |
| Total | 299 | 149 | 97 | 31 | 1 | 21 |
"""

SEED_1996 = """\
| Region | Total seats | Seats won | | | | |
| NKP | NCNP | ULD | UDP | Ind. | | |
| Seoul | 47 | 27 | 18 | 0 | 1 | 1 |
| Busan | 21 | 21 | 0 | 0 | 0 | 0 |
| Daegu | 13 | 2 | 0 | 8 | 0 | 3 |
| Incheon | 11 | 9 | 2 | 0 | 0 | 0 |
| Gwangju | 6 | 0 | 6 | 0 | 0 | 0 |
| Daejeon | 7 | 0 | 0 | 7 | 0 | 0 |
| Gyeonggi | 38 | 18 | 10 | 5 | 3 | 2 |
| Gangwon | 13 | 9 | 0 | 2 | 2 | 0 |
| North Chungcheong | 8 | 2 | 0 | 5 | 0 | 1 |
| South Chungcheong | 13 | 1 | 0 | 12 | 0 | 0 |
| North Jeolla | 14 | 1 | 13 | 0 | 0 | 0 |
| South Jeolla | 17 | 0 | 17 | 0 | 0 | 0 |
| North Gyeongsang | 19 | 11 | 0 | 2 | 1 | 5 |
| South Gyeongsang | 23 | 17 | 0 | 0 | 2 | 4 |
| Jeju | 3 | 3 | 0 | 0 | 0 | 0 |
| Constituency total | 253 | 121 | 66 | 41 | 9 | 16 |
| PR list | 46 | 18 | 13 | 9 | 6 | 0 |
| Total | 299 | 139 | 79 | 50 | 15 | 16 |
"""

SEED_2004_CONSTITUENCY = """\
  - Constituency results by city/provinces**

| Region | Uri | GNP | DLP | MDP | ULD | NI21 | Ind. | Total seats | | | | | |
| Seats | % | Seats | % | Seats | % | Seats | % | Seats | % | Seats | Seats | | |
| Seoul | 32 | 42.9 | 16 | 41.3 | 0 | 3.5 | 0 | 9.8 | 0 | 0.8 | 0 | 0 | 48 |
| Busan | 1 | 38.9 | 17 | 52.6 | 0 | 2.9 | 0 | 0.7 | 0 | 0.3 | 0 | 0 | 18 |
| Daegu | 0 | 26.8 | 12 | 62.4 | 0 | 2.6 | 0 | 1.8 | 0 | 0.5 | 0 | 0 | 12 |
| Incheon | 9 | 44.6 | 3 | 38.9 | 0 | 7.4 | 0 | 5.2 | 0 | 0.7 | 0 | 0 | 12 |
| Gwangju | 7 | 54.1 | 0 | 0.1 | 0 | 6.2 | 0 | 36.5 | 0 | 0.3 | 0 | 0 | 7 |
| Daejeon | 6 | 45.7 | 0 | 22.4 | 0 | 1.5 | 0 | 3.2 | 0 | 22.1 | 0 | 0 | 6 |
| Ulsan | 1 | 28.1 | 3 | 36.3 | 1 | 18.0 | 0 | 0.6 | 0 | 0.8 | 1 | 0 | 6 |
| Gyeonggi | 35 | 45.7 | 14 | 40.6 | 0 | 4.1 | 0 | 6.6 | 0 | 0.7 | 0 | 0 | 49 |
| Gangwon | 2 | 38.8 | 6 | 43.4 | 0 | 4.1 | 0 | 6.3 | 0 | 0.2 | 0 | 0 | 8 |
| North Chungcheong | 8 | 50.4 | 0 | 32.6 | 0 | 3.3 | 0 | 1.0 | 0 | 9.2 | 0 | 0 | 8 |
| South Chungcheong | 5 | 38.9 | 1 | 15.8 | 0 | 2.2 | 0 | 3.5 | 4 | 33.8 | 0 | 0 | 10 |
| North Jeolla | 11 | 64.5 | 0 | 0.1 | 0 | 4.5 | 0 | 18.6 | 0 | 0.1 | 0 | 0 | 11 |
| South Jeolla | 7 | 49.1 | 0 | 0.3 | 0 | 2.7 | 5 | 36.6 | 0 | 0.1 | 0 | 1 | 13 |
| North Gyeongsang | 0 | 25.8 | 14 | 54.6 | 0 | 3.4 | 0 | 0.4 | 0 | 0.6 | 0 | 1 | 15 |
| South Gyeongsang | 2 | 34.6 | 14 | 48.0 | 1 | 8.5 | 0 | 0.5 | 0 | 0.5 | 0 | 0 | 17 |
| Jeju | 3 | 49.4 | 0 | 40.2 | 0 | 3.4 | 0 | 3.8 | 0 | 0.6 | 0 | 0 | 3 |
| Total | 129 | 42.0 | 100 | 37.9 | 2 | 4.3 | 5 | 8.0 | 4 | 2.7 | 1 | 2 | 243 |
"""

SEED_2004_LIST = """\
  - Party list vote results by city/provinces**

| Region | Uri | GNP | DLP | MDP | ULD | Other |
| Seoul | 37.7 | 36.7 | 12.6 | 8.4 | 2.1 | 2.5 |
| Busan | 33.7 | 49.4 | 12.0 | 1.9 | 0.7 | 2.3 |
| Daegu | 22.3 | 62.1 | 11.6 | 1.1 | 0.8 | 2.2 |
| Incheon | 39.5 | 34.6 | 15.3 | 5.4 | 2.1 | 3.0 |
| Gwangju | 51.6 | 1.8 | 13.1 | 31.1 | 0.3 | 2.0 |
| Daejeon | 43.8 | 24.3 | 11.8 | 3.1 | 14.5 | 2.4 |
| Ulsan | 31.2 | 36.4 | 21.9 | 1.5 | 0.8 | 8.2 |
| Gyeonggi | 40.2 | 35.4 | 13.5 | 6.1 | 2.0 | 2.8 |
| Gangwon | 38.1 | 40.6 | 12.8 | 3.5 | 1.3 | 3.6 |
| North Chungcheong | 44.7 | 30.3 | 13.1 | 2.2 | 6.3 | 3.5 |
| South Chungcheong | 38.0 | 21.2 | 10.5 | 2.8 | 23.8 | 3.7 |
| North Jeolla | 67.3 | 3.4 | 11.1 | 13.6 | 1.0 | 3.6 |
| South Jeolla | 46.7 | 2.9 | 11.2 | 33.8 | 1.0 | 4.4 |
| North Gyeongsang | 23.0 | 58.3 | 12.0 | 1.4 | 1.2 | 4.1 |
| South Gyeongsang | 31.7 | 47.3 | 15.8 | 1.4 | 0.8 | 3.0 |
| Jeju | 46.0 | 30.8 | 14.1 | 5.1 | 1.1 | 2.9 |
| Overall total | 38.3 | 35.8 | 13.0 | 7.1 | 2.8 | 3.0 |
| Seat allocation | 23 | 21 | 8 | 4 | 0 | 0 |
"""


@pytest.mark.parametrize(("year", "seed"), [(1992, SEED_1992), (1996, SEED_1996)])
def test_seat_table_is_the_seeds_line_for_line(year: int, seed: str) -> None:
    text, _ = written(year)
    assert "===By city/province===\n" + seed in text


def rows_of(block: str) -> str:
    """A seed table without its caption line (the seed's ``  - Caption**`` has a stray
    ``**``; korelect writes the well-formed ``  - **Caption**``, which reads the same)."""
    return "\n".join(line for line in block.splitlines() if line.startswith("|")) + "\n"


def test_2004_list_vote_table_is_the_seeds_line_for_line() -> None:
    text, article = written(2004)
    assert "\n\n" + rows_of(SEED_2004_LIST) in text
    seed = read_article("===By city/province===\n" + SEED_2004_LIST).tables[0]
    assert seed.caption == "Party list vote results by city/provinces"
    _, _, ours = tables(article)
    assert ours is not None
    assert ours.caption == seed.caption


def test_2004_constituency_table_is_the_seeds_but_where_the_audit_says() -> None:
    """Every seat cell and the header as the seed; a % cell differs only where the audit
    finds the seed contradicting the counts."""
    text, article = written(2004)
    seed = read_article("===By city/province===\n" + SEED_2004_CONSTITUENCY).tables[0]
    _, ours, _ = tables(article)
    assert ours is not None
    assert ours.caption == seed.caption == "Constituency results by city/provinces"
    assert ours.header_rows == seed.header_rows
    assert ours.columns == seed.columns
    assert [r.label for r in ours.rows] == [r.label for r in seed.rows]
    differing = set()
    for row in seed.rows:
        for column, cell in zip(seed.columns, row.cells, strict=True):
            if ours.cell(row.label, column) == cell:
                continue
            assert column.endswith(" %"), (row.label, column)
            differing.add((row.label, column.removesuffix(" %")))
    reported = {
        (f.where.split(", ")[1], f.where.split(", ")[2])
        for f in audit(2004)
        if f.check == "seed: vote %" and f.where.startswith("constituency_pct")
    }
    assert differing == reported
    assert ("South Jeolla", "Uri") in differing  # the seed's 49.1 against 46.9 counted
    for line in rows_of(SEED_2004_CONSTITUENCY).splitlines()[:2]:
        assert line in text.splitlines()


# -- the electoral system -----------------------------------------------------------------

EXPECTED_SYSTEM = {
    1988: ["first-party bonus", "half of the 75 list seats (rounded up)", '("5 seats")'],
    1992: [
        "in proportion to the constituency seats they had won",
        "at least 3% of the valid constituency vote received one list seat",
        '("5 seats")',
    ],
    1996: [
        "single vote",
        '("5 seats or 5%")',
        "from 3% to under 5% of the valid constituency vote",
        "rounded half up to 4 decimal places",
        "more votes, then by lot",
    ],
    2000: ['("5 seats or 5%")', "from 3% to under 5%", "national totals of constituency votes"],
    2004: ["two votes", "parallel voting", '("3% or 5 seats")', "by lot"],
    2008: ["two votes", "parallel voting", '("3% or 5 seats")'],
    2012: ["two votes", "parallel voting", '("3% or 5 seats")'],
    2016: ["two votes", "parallel voting", '("3% or 5 seats")'],
    2020: [
        "compensation ratio of 50%",
        "capped at 30 of the 47 list seats",
        "The other 17 list seats were a parallel tier",
        '("3% or 5 seats")',
    ],
    2024: [
        "compensation ratio of 50%",
        "All 46 list seats were allocated by this formula, with no cap and no parallel tier",
        '("3% or 5 seats")',
    ],
}


@pytest.mark.parametrize("year", registered_years())
def test_electoral_system_paragraph_of_every_election(year: int) -> None:
    rules = rules_for(year)
    text = electoral_system_paragraph(rules)
    assert "\n" not in text
    assert "|" not in text
    assert text.endswith(f"Legal source: {rules.law}.")
    assert "scenario" not in text
    if year not in EXPECTED_SYSTEM:  # 1948–1985: the seats of each tier, in words
        members = rules.district_seats // rules.district_magnitude
        assert str(rules.total_seats) in text
        assert str(members) in text
        if rules.list_seats:
            assert f"remaining {rules.list_seats}" in text
        if rules.district_magnitude == 2:
            assert "constituencies of 2 members each" in text
        if rules.formula == "appointed":
            assert "appointed, not elected" in text
            assert "유신정우회" in text
        return
    assert text.startswith(
        f"Of the {rules.total_seats} seats, {rules.district_seats} were elected in "
        "single-member constituencies by first-past-the-post (plurality) voting and the "
        f"remaining {rules.list_seats} from national party lists."
    )
    for phrase in EXPECTED_SYSTEM[year]:
        assert phrase in text, phrase
    assert "scenario" not in text


def test_electoral_system_paragraph_of_a_scenario() -> None:
    rules = korelect.load_rules("x.toml", text='base = 2024\nthreshold = "5%"')
    text = electoral_system_paragraph(rules)
    assert 'at least 5% of the valid list vote ("5%")' in text
    assert "3% or 5 seats" not in text
    assert "All 46 list seats" in text
    assert "a scenario computed by korelect, not the law of any election" in text
    whole = korelect.load_rules(
        "y.toml",
        text=(
            'name = "200 + 100 compensatory"\ntotal_seats = 300\ndistrict_seats = 200\n'
            'threshold = "3%"\nvote_basis = "list"\nties = "lot"\n'
            '[list_tier]\nformula = "linked"\ncompensation = "1"\n'
        ),
    )
    text = electoral_system_paragraph(whole)
    assert text.startswith("Of the 300 seats, 200 were elected")
    assert "remaining 100 from national party lists" in text
    assert "fully compensatory linked formula" in text
    assert "compensation ratio of 100%" in text
    assert "(200 + 100 compensatory)" in text
    changed = electoral_system_paragraph(rules_for(2004).replace(method="dhondt", threshold=None))
    assert "by the D'Hondt method" in changed
    assert "there was no threshold" in changed
    assert "These are the 2004 rules with changes" in changed


# -- counterfactuals ----------------------------------------------------------------------


def infobox_seats(article: Article) -> dict[str, int]:
    assert article.infobox is not None
    return {p.name: p.seats or 0 for p in article.infobox.parties}


def test_2020_under_2016_rules() -> None:
    text = write_article(2020, rules=rules_for(2016))
    article = read_article(text)
    assert article.warnings == ()
    assert text.splitlines()[0] == "= 2020 South Korean legislative election (under: 2016 rules) ="
    assert article.year == 2020
    assert "counterfactual computed by korelect" in text
    assert electoral_system_paragraph(rules_for(2016)) in text
    real = infobox_seats(written(2020)[1])
    here = infobox_seats(article)
    assert here != real
    expected = results(2020, rules=rules_for(2016))
    assert here == {p.info.name_en: p.total_seats for p in seated(expected)}
    assert "the Future Korea Party 18 (actual 19)" in text


def test_2004_under_2024_rules_keeps_the_2004_assembly() -> None:
    text = write_article(2004, rules=rules_for(2024))
    article = read_article(text)
    assert article.warnings == ()
    assert text.splitlines()[0] == "= 2004 South Korean legislative election (under: 2024 rules) ="
    assert "counterfactual computed by korelect" in text
    assert "applied to the 2004 assembly of 299 seats (243 constituency, 56 list)" in text
    used = rules_for(2024).replace(total_seats=299, district_seats=243)
    expected = results(2004, rules=used)
    here = infobox_seats(article)
    assert here == {p.info.name_en: p.total_seats for p in seated(expected)}
    assert here != infobox_seats(written(2004)[1])
    assert "linked formula" in text
    assert "the Uri Party 138 (actual 152)" in text


def test_a_scenario_file_and_the_years_own_rules() -> None:
    scenario = korelect.load_rules("x.toml", text='base = 2024\nthreshold = "5%"')
    text = write_article(2024, rules=scenario)
    assert text.splitlines()[0] == (
        "= 2024 South Korean legislative election "
        "(under: 22nd National Assembly election (2024), modified) ="
    )
    assert 'the scenario rules "22nd National Assembly election (2024), modified"' in text
    assert read_article(text).warnings == ()
    assert write_article(2004, rules=rules_for(2004)) == written(2004)[0]


@pytest.mark.parametrize(
    ("seed_file", "block"),
    [
        ("001_5ff811948e8edf5d.txt", SEED_1992),
        ("000_7d758794e075301b.txt", SEED_1996),
        ("002_31e29b4b7733203f.txt", SEED_2004_CONSTITUENCY),
        ("002_31e29b4b7733203f.txt", SEED_2004_LIST),
    ],
)
def test_the_copied_seed_tables_are_the_seeds(seed_file: str, block: str) -> None:
    path = Path(__file__).parent / "data" / "articles" / seed_file
    if not path.exists():
        pytest.skip(f"{path} is not shipped")
    assert block in path.read_text(encoding="utf-8")


def test_an_article_of_declared_winners_and_published_shares() -> None:
    """Counts without candidates' votes and with published shares: shares but no popular vote."""
    counts = dataclasses.replace(shares_only(2024), candidates=())
    article = read_article(write_article(counts), source="declared")
    assert article.infobox is not None
    assert article.infobox.parties
    assert all(p.popular_vote is None for p in article.infobox.parties)
    assert any(p.percentage is not None for p in article.infobox.parties)
    assert article.warnings == ()
