"""The article checker: the seeds' known contradictions, a consistent article, injected errors.

The three seed articles (``tests/data/articles``, the same files as
``../shared/seeds``) are read with the reader and checked; each known
contradiction must be found at its line, with both figures. A consistent
article (the 1992 seed with its known errors corrected by hand) gives no
findings, and each error injected into it gives exactly the expected finding.
"""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest

from korelect.analysis.article.checker import (
    CHECKS,
    DATE,
    INFOBOX_TABLES,
    OWN_VOTES,
    PREVIOUS,
    PROSE,
    REC_DATE,
    REC_PCT,
    REC_SEATS,
    REC_TURNOUT,
    REC_VOTES,
    SEAT_CHANGE,
    SKIPPED,
    SYSTEM,
    TOTALS,
    UNKNOWN,
    check_article,
    check_text,
    check_to_dict,
)
from korelect.analysis.article.model import (
    Article,
    Change,
    Field,
    Infobox,
    InfoboxParty,
    Table,
    TableRow,
)
from korelect.analysis.article.reader import read_article, read_article_file
from korelect.law.registry import rules_for
from korelect.record.data import dataset
from korelect.record.election import adapt_rules
from korelect.record.findings import Finding

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED_1996 = ARTICLES / "000_7d758794e075301b.txt"
SEED_1992 = ARTICLES / "001_5ff811948e8edf5d.txt"
SEED_2004 = ARTICLES / "002_31e29b4b7733203f.txt"

#: The 1992 seed's known errors, each with its correction (the record's figure).
FIXES_1992 = (
    ("( 3.91pp)", "( 5.48pp)"),  # turnout change: 77.34% in 1988 -> 71.86%
    ("on 25 March 1992", "on 24 March 1992"),
    ("shortened from 218 to 149", "shortened from 219 to 149"),
    ("won seven or more seats", "won five or more seats"),
    ("The RNP won 31", "The UNP won 31"),
)


def check_file(path: Path) -> tuple[Finding, ...]:
    return check_article(read_article_file(path))


def check_str(text: str, source: str = "hand-made.txt") -> tuple[Finding, ...]:
    return check_article(read_article(text, source=source))


def at(findings: tuple[Finding, ...], line: int, check: str) -> list[Finding]:
    return [f for f in findings if f.line == line and f.check == check]


def one(findings: tuple[Finding, ...], line: int, check: str, text: str = "") -> Finding:
    found = [f for f in at(findings, line, check) if text in f.where + f.ours + f.theirs]
    assert len(found) == 1, check_text(findings)
    return found[0]


def replaced(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def seed_1992() -> tuple[Finding, ...]:
    return check_file(SEED_1992)


@pytest.fixture(scope="module")
def seed_1996() -> tuple[Finding, ...]:
    return check_file(SEED_1996)


@pytest.fixture(scope="module")
def seed_2004() -> tuple[Finding, ...]:
    return check_file(SEED_2004)


@pytest.fixture(scope="module")
def consistent_1992() -> str:
    return replaced(SEED_1992.read_text(encoding="utf-8"), *FIXES_1992)


# ------------------------------------------------------------------------ the seeds


def test_seed_copies_are_the_shared_seeds() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not here")
    for path in (SEED_1992, SEED_1996, SEED_2004):
        assert path.read_bytes() == (shared / path.name).read_bytes()


def test_1992_date_prose_vs_infobox_and_the_infobox_is_right(
    seed_1992: tuple[Finding, ...],
) -> None:
    f = one(seed_1992, 48, DATE)
    assert f.theirs == "25 March 1992"
    assert f.ours.startswith("24 March 1992 (infobox")
    assert "line 14" in f.ours
    assert "line 14" in f.note
    assert "the record agrees: 24 March 1992" in f.note
    # the infobox's date is the record's: nothing is found at line 14
    assert not [g for g in seed_1992 if g.line == 14]
    assert not [g for g in seed_1992 if g.check == REC_DATE]


def test_1992_threshold_seven_seats_vs_the_law(seed_1992: tuple[Finding, ...]) -> None:
    f = one(seed_1992, 51, SYSTEM)
    assert f.ours == "5 constituency seats"
    assert "seven or more seats" in f.theirs
    assert "korelect.rules_for(1992)" in f.sources
    assert "the 1992 list seats are the same" in f.note


def test_1992_previous_seats_218_vs_last_election_219(seed_1992: tuple[Finding, ...]) -> None:
    f = one(seed_1992, 48, PREVIOUS)
    assert f.theirs == "218"
    assert f.ours.startswith("219 seats (infobox")
    assert "line 18" in f.note
    assert "line 48" in f.note


def test_1992_unknown_party_and_turnout_change(seed_1992: tuple[Finding, ...]) -> None:
    f = one(seed_1992, 66, UNKNOWN)
    assert f.theirs == "RNP"
    assert "UNP" in f.note
    t = one(seed_1992, 11, REC_TURNOUT)
    assert t.ours.startswith("-5.48pp")
    assert t.theirs == "3.91pp"
    assert "printed without a sign" in t.note


def test_1992_all_findings(seed_1992: tuple[Finding, ...]) -> None:
    assert [(f.line, f.check) for f in seed_1992] == [
        (11, REC_TURNOUT),
        (48, DATE),
        (48, PREVIOUS),
        (51, SYSTEM),
        (66, UNKNOWN),
    ]


def test_1996_three_percent_vs_the_law(seed_1996: tuple[Finding, ...]) -> None:
    f = one(seed_1996, 59, SYSTEM)
    assert f.ours == "5% of the valid vote"
    assert "three percent" in f.theirs
    assert "one list seat first" in f.note


def test_1996_uld_popular_vote_vs_the_counts(seed_1996: tuple[Finding, ...]) -> None:
    f = one(seed_1996, 39, REC_VOTES)
    assert f.ours.startswith("3,146,417")
    assert f.theirs == "3,178,474"
    assert "United Liberal Democrats" in f.where
    assert "32,057" in f.note
    assert str(SEED_1996) in f.sources
    assert "korelect.results(1996)" in f.sources
    pct = one(seed_1996, 40, REC_PCT)
    assert pct.ours.startswith("16.01%")
    assert pct.theirs == "16.17%"
    assert "the article's own 3,178,474 (line 39)" in pct.note


def test_1996_all_findings(seed_1996: tuple[Finding, ...]) -> None:
    assert [(f.line, f.check) for f in seed_1996] == [
        (39, REC_VOTES),
        (40, REC_PCT),
        (56, DATE),
        (59, SYSTEM),
    ]
    # the list seats follow from the infobox's own votes: no finding about them
    assert not [f for f in seed_1996 if f.check == OWN_VOTES]


def test_2004_seoul_32_of_49_vs_the_table_48(seed_2004: tuple[Finding, ...]) -> None:
    f = one(seed_2004, 60, PROSE, "Seoul")
    assert f.theirs == "49"
    assert f.ours.startswith("48 (table 'Constituency results by city/provinces', row Seoul")
    assert "line 77" in f.note
    assert "the record agrees: 48" in f.note
    # "32" is right: the Uri Party won 32 of Seoul's 48 seats, in the table and the record
    assert not [g for g in seed_2004 if g.line == 60 and "party's seats" in g.where]


def test_2004_incheon_gyeonggi_44_of_62_vs_61(seed_2004: tuple[Finding, ...]) -> None:
    f = one(seed_2004, 60, PROSE, "Incheon and Gyeonggi")
    assert f.theirs == "62"
    assert f.ours.startswith("61 (12 (line 80) + 49 (line 84) = 61)")
    assert "the record agrees: 61" in f.note


def test_2004_list_allocation_follows_its_own_votes(seed_2004: tuple[Finding, ...]) -> None:
    # 38.3/35.8/13.0/7.1/2.8 + Other 3.0 gives 23/21/8/4 under the 2004 law: as printed
    assert not [f for f in seed_2004 if f.check in (OWN_VOTES, REC_SEATS, INFOBOX_TABLES)]


def test_2004_all_findings(seed_2004: tuple[Finding, ...]) -> None:
    lines = [(f.line, f.check) for f in seed_2004]
    assert lines[:3] == [(16, REC_TURNOUT), (60, PROSE), (60, PROSE)]
    # the constituency-vote table: 29 cells in 11 rows disagree with the counts
    pct = [f for f in seed_2004 if f.check == REC_PCT]
    assert [f.line for f in pct] == [78, 80, 81, 82, 84, 85, 86, 87, 88, 89, 91]
    assert sum(f.ours.count("%:") or 1 for f in pct) == 29
    south_jeolla = one(seed_2004, 89, REC_PCT)
    assert "Uri %: 46.9%" in south_jeolla.ours
    assert "Uri %: 49.1" in south_jeolla.theirs
    assert len(seed_2004) == 14


@pytest.mark.parametrize("path", [SEED_1992, SEED_1996, SEED_2004])
def test_every_finding_names_its_line_and_the_article(path: Path) -> None:
    findings = check_file(path)
    assert findings
    assert [f.line for f in findings] == sorted(f.line or 0 for f in findings)
    for f in findings:
        assert f.line is not None
        assert str(path) in f.sources
        assert f.ours
        assert f.theirs
        assert f.check in CHECKS
        if f.check.endswith("vs record"):
            assert "korelect" in f.sources or "nec-history" in f.sources


# ------------------------------------------------------------- a consistent article


def test_consistent_article_has_no_findings(consistent_1992: str) -> None:
    assert check_str(consistent_1992) == ()


def test_injected_wrong_totals_row(consistent_1992: str) -> None:
    text = replaced(consistent_1992, ("| Total | 299 | 149 |", "| Total | 299 | 150 |"))
    (f,) = check_str(text)
    assert (f.line, f.check) == (92, TOTALS)
    assert f.where == "table 'By city/province', row Total, DLP"
    assert f.theirs == "150"
    assert f.ours.startswith("149 (Constituency total (line 90) + PR list (line 91)")
    assert "line 19" in f.note


def test_injected_wrong_constituency_total(consistent_1992: str) -> None:
    text = replaced(
        consistent_1992,
        ("| Constituency total | 237 | 116 |", "| Constituency total | 237 | 117 |"),
    )
    (f,) = check_str(text)
    assert (f.line, f.check, f.theirs) == (90, TOTALS, "117")
    assert f.ours.startswith("116 (sum of the 15 region rows (lines 75–89)")


def test_injected_wrong_seat_change_without_sign(consistent_1992: str) -> None:
    text = replaced(consistent_1992, ("- Seat Change1: 70", "- Seat Change1: 69"))
    (f,) = check_str(text)
    assert (f.line, f.check, f.theirs) == (20, SEAT_CHANGE, "69")
    assert f.ours.startswith("-70 (Seats (line 19) − Last Election (line 18)")
    assert "printed without a sign" in f.note


@pytest.mark.parametrize(("printed", "found"), [("+70", True), ("-70", False), ("−70", False)])
def test_signed_seat_change_is_compared_with_its_sign(
    consistent_1992: str, printed: str, found: bool
) -> None:
    text = replaced(consistent_1992, ("- Seat Change1: 70", f"- Seat Change1: {printed}"))
    findings = check_str(text)
    assert [(f.line, f.check) for f in findings] == ([(20, SEAT_CHANGE)] if found else [])
    assert all("without a sign" not in f.note for f in findings)


def test_injected_wrong_list_allocation(consistent_1992: str) -> None:
    text = replaced(consistent_1992, ("| PR list | 62 | 33 | 22 |", "| PR list | 62 | 34 | 21 |"))
    (f,) = check_str(text)
    assert (f.line, f.check) == (91, OWN_VOTES)
    assert f.theirs == "DLP: 34; DP: 21"
    assert "DLP: 33 (the allocation of the article's own votes gives 33 list seats)" in f.ours
    assert "rules_for(1992)" in f.note


def test_injected_wrong_list_allocation_2004() -> None:
    seed = SEED_2004.read_text(encoding="utf-8")
    before = set(check_str(seed, source=str(SEED_2004)))
    text = replaced(seed, ("| Seat allocation | 23 | 21 |", "| Seat allocation | 24 | 20 |"))
    after = check_str(text, source=str(SEED_2004))
    (f,) = [g for g in after if g not in before]
    assert (f.line, f.check) == (115, OWN_VOTES)
    assert f.theirs == "Uri: 24; GNP: 20"
    assert "the percentages of line 114" in f.note
    assert len(after) == len(before) + 1


def test_injected_infobox_seats(consistent_1992: str) -> None:
    text = replaced(consistent_1992, ("- Seats1: 149", "- Seats1: 150"))
    (f,) = check_str(text)
    assert (f.line, f.check, f.theirs) == (19, INFOBOX_TABLES, "150")
    assert "line 92" in f.ours


def test_injected_province_cell_vs_the_record(consistent_1992: str) -> None:
    # Seoul DLP 16 -> 17 and DP 25 -> 24: the row still adds up; the record says otherwise
    text = replaced(consistent_1992, ("| Seoul | 44 | 16 | 25 |", "| Seoul | 44 | 17 | 24 |"))
    (f,) = check_str(text)
    assert (f.line, f.check) == (75, REC_SEATS)
    assert f.theirs == "DLP: 17; DP: 24"


def test_injected_prose_claim_and_date(consistent_1992: str) -> None:
    text = replaced(
        consistent_1992,
        ("which won 149 of the 299 seats", "which won 148 of the 299 seats"),
        ("- Election Date: 24 March 1992", "- Election Date: 23 March 1992"),
    )
    findings = check_str(text)
    assert [(f.line, f.check) for f in findings] == [(14, DATE), (48, PROSE)]
    date_finding = findings[0]
    assert date_finding.theirs == "23 March 1992"
    assert "the record agrees with line 48" not in date_finding.note
    assert "the record agrees: 24 March 1992" in date_finding.note


# ---------------------------------------------------------- no year, or no data


def test_article_without_year_is_checked_internally(consistent_1992: str) -> None:
    untitled = replaced(
        consistent_1992,
        ("= 1992 South Korean legislative election =", "= South Korean legislative election ="),
    )
    (skipped,) = check_str(untitled)
    assert (skipped.line, skipped.check) == (1, SKIPPED)
    assert "no year" in skipped.ours
    broken = replaced(untitled, ("| Total | 299 | 149 |", "| Total | 299 | 150 |"))
    assert [(f.line, f.check) for f in check_str(broken)] == [(1, SKIPPED), (92, TOTALS)]


def test_article_for_a_year_without_data(consistent_1992: str) -> None:
    text = replaced(consistent_1992, ("= 1992 South", "= 2028 South"))
    text = replaced(text, ("- Seat Change2: 27", "- Seat Change2: 26"))
    findings = check_str(text)
    assert [(f.line, f.check) for f in findings] == [(1, SKIPPED), (29, SEAT_CHANGE)]
    assert "no data for 2028" in findings[0].ours


def test_hand_built_article_object() -> None:
    """An Article built by hand (no reader): the table agrees; the seat change does not."""
    party = InfoboxParty(
        number=1,
        name="New Korea Party",
        line=10,
        last_election=149,
        seats=139,
        seat_change=Change("12", 13, Fraction(-12), "seats", sign_implied=True),
        lines={"Party": 10, "Last Election": 11, "Seats": 12, "Seat Change": 13},
    )
    box = Infobox(
        fields=(Field("Election Date", "11 April 1996", 5),),
        line=3,
        election_date=date(1996, 4, 11),
        parties=(party,),
    )
    table = Table(
        line=30,
        section="By city or province",
        caption=None,
        header_rows=(("Region", "NKP"),),
        columns=("NKP",),
        rows=(
            TableRow("Constituency total", ("121",), 31),
            TableRow("PR list", ("18",), 32),
            TableRow("Total", ("139",), 33),
        ),
    )
    article = Article(
        title="1996 South Korean legislative election",
        year=1996,
        infobox=box,
        headings=(),
        paragraphs=(),
        tables=(table,),
        source="by-hand",
    )
    (f,) = check_article(article)
    assert (f.line, f.check, f.theirs) == (13, SEAT_CHANGE, "12")
    assert f.ours.startswith("-10 (Seats (line 12) − Last Election (line 11)")
    assert "printed without a sign" in f.note


# ------------------------------------------------------------------------- reports


def test_check_text_and_dict(seed_1992: tuple[Finding, ...]) -> None:
    text = check_text(seed_1992)
    lines = text.splitlines()
    assert len(lines) == len(seed_1992) + 1
    assert lines[1].startswith("48: election date: prose, election date: 24 March 1992")
    assert " vs 25 March 1992 (" in lines[1]
    assert lines[-1].startswith("5 findings (")
    assert check_text(()) == "No findings.\n"
    record = check_to_dict(seed_1992)
    assert record["count"] == 5
    assert json.loads(json.dumps(record))["findings"][1]["line"] == 48
    assert record["warnings"] == []


def test_check_reports_the_reader_s_warnings_apart_from_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from korelect.cli import main

    seed = str(SEED_1992)
    assert main(["article", "check", seed]) == 1
    text = capsys.readouterr().out.splitlines()
    at = text.index("6 reader warnings (not findings):")
    assert text[at - 1].startswith("5 findings (")
    assert text[at + 1].startswith("  line 11: Turnout change '3.91pp' printed without a sign")
    assert text[at + 6].startswith('  line 57: markup rowspan="3" removed from the row')
    assert main(["article", "check", seed, "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["count"] == 5
    assert [w["line"] for w in record["warnings"]] == [11, 20, 23, 29, 32, 57]


# ------------------------------------------------------------- written articles


@pytest.mark.parametrize("year", dataset().years())
def test_written_articles_check_clean(year: int) -> None:
    """What korelect writes from the record, read back, contradicts neither itself nor it;
    nor the year's law given as ``korelect article check --rules YEAR`` gives it."""
    findings = check_str(written(year), source=f"written-{year}")
    assert findings == (), check_text(findings)
    law = adapt_rules(year, rules_for(year))[0]
    findings = check_article(read_article(written(year), source=f"written-{year}"), rules=law)
    assert findings == (), check_text(findings)


# ------------------------------------------- errors planted in written articles, 1948-1985


@cache
def written(year: int, law: int | None = None) -> str:
    from korelect.views.article_writer import write_article

    return write_article(year, rules=None if law is None else rules_for(law))


def line_of(text: str, piece: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if piece in line)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("| Taedong Youth Corps | 578,313 | 8.57 |", "| Taedong Youth Corps | 578,313 | 8.58 |"),
        ("- Percentage3: 8.57%", "- Percentage3: 8.58%"),
    ],
)
def test_1948_a_share_a_hundredth_off(old: str, new: str) -> None:
    """8.58 beside 8.57 (their ranges meet at 8.575) is found: the exact share is 8.574%."""
    text = replaced(written(1948), (old, new))
    f = one(check_str(text), line_of(text, new), REC_PCT)
    assert f.ours.startswith("8.57% (578,313 of 6,744,822 valid constituency votes")
    assert f.theirs.startswith("8.58")


def test_1948_total_votes_without_the_votes_no_candidate_holds() -> None:
    """The valid vote is the districts' (6,744,822), not the candidates' (6,743,029)."""
    text = replaced(written(1948), ("| Total | 6,744,822 |", "| Total | 6,743,029 |"))
    (f,) = check_str(text)
    assert (f.line, f.check, f.theirs) == (
        line_of(text, "| Total | 6,743,029 |"),
        TOTALS,
        "6,743,029",
    )
    assert "the record agrees: 6744822" in f.note


def test_1973_appointed_seats_that_do_not_add_up() -> None:
    old = "| Yujeonghoe (appointed) | | | 0 | 73 | 73 |"
    text = replaced(written(1973), (old, "| Yujeonghoe (appointed) | | | 0 | 72 | 73 |"))
    findings = check_str(text)
    assert findings
    assert {f.line for f in findings} == {line_of(text, "| Yujeonghoe (appointed) |")}


def test_1973_appointed_seats_vs_the_law() -> None:
    """The bloc's seats in the seat table follow from the law: all of the appointed tier."""
    text = replaced(
        written(1973),
        ("| Appointed | 73 | 0 | 73 |", "| Appointed | 73 | 1 | 72 |"),
    )
    (f,) = check_str(text)
    assert (f.line, f.check) == (line_of(text, "| Appointed |"), REC_SEATS)
    assert "Yujeonghoe: 73" in f.ours
    assert "Yujeonghoe: 72" in f.theirs


def test_two_member_districts_are_not_a_seat_count() -> None:
    """ "The 1985 constituencies elected 2 members each" is no claim about the assembly."""
    text = written(1985, 2024)
    assert "constituencies elected 2 members each" in text
    assert check_str(text) == ()
    planted = replaced(
        text,
        (
            "The 1985 constituencies elected 2 members each",
            "Voters elected 275 members. The 1985 constituencies elected 2 members each",
        ),
    )
    f = one(check_str(planted), line_of(planted, "Voters elected 275 members"), PROSE)
    assert f.theirs == "275"


def test_the_law_quoted_is_not_the_articles_seats() -> None:
    """ "two thirds of the 92 seats" in the legal source is the law's wording, not a total."""
    text = written(1981)
    assert "two thirds of the 92 seats" in text
    assert (
        check_str(replaced(text, ("two thirds of the 92 seats", "two thirds of the 91 seats")))
        == ()
    )
    planted = replaced(text, ("Of the 276 seats", "Of the 275 seats"))
    f = one(check_str(planted), line_of(planted, "Of the 275 seats"), SYSTEM)
    assert f.theirs == "Of the 275 seats"
    counterfactual = written(2020, 1981)
    assert "two thirds of the 92 seats" in counterfactual
    assert check_str(counterfactual) == ()


def test_turnout_where_the_counts_have_too_few_figures() -> None:
    """1963: figures for 87 of 131 districts, no national turnout to compare; 1971: all."""
    text = replaced(
        written(1963), ("- Seats For Election", "- Turnout: 72.10%\n- Seats For Election")
    )
    assert check_str(text) == ()
    text = replaced(written(1971), ("- Turnout: 73.22%", "- Turnout: 73.22% (+9.99pp)"))
    assert check_str(text) == ()  # 1967 had no national turnout: no change to compare
    text = replaced(
        written(1971),
        ("- Turnout: 73.22%", "- Turnout: 73.30%"),
        ("Voter turnout was 73.22%", "Voter turnout was 73.30%"),
    )
    f = one(check_str(text), line_of(text, "- Turnout: 73.30%"), REC_TURNOUT)
    assert f.ours.startswith("73.22%")


def test_the_appointed_bloc_is_a_party_under_its_law_only() -> None:
    text = written(2004, 1973)
    assert "| Yujeonghoe (appointed) | | | 0 | 56 | 56 |" in text
    assert check_str(text) == ()  # the title names the rules: 1973's, adapted to 2004
    real = check_str(text.replace(" (under: 1973 rules)", ""))
    f = one(real, line_of(text, "| Yujeonghoe (appointed) |"), UNKNOWN)
    assert f.theirs == "Yujeonghoe (appointed)"
