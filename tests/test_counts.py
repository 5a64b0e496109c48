"""Your own counts: the counts folder format, its round trip, its errors and district magnitude."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

import korelect
from korelect.errors import FileFormatError, UnknownElectionError
from korelect.record.counts import counts_files, counts_of, read_counts, write_counts
from korelect.record.data import dataset
from korelect.record.election import district_record

YEARS = dataset().years()  # the elections with shipped counts


def _everything(result: korelect.ElectionResult) -> dict[str, object]:
    """All a result says: the JSON with provinces, every district, the trail and findings."""
    return {
        "json": result.to_dict(provinces=True),
        "districts": [district_record(result.year, d) for d in result.districts],
        "explain": result.allocation.explain(),
        "findings": [f.to_dict() for f in result.findings],
        "rules": result.rules,
        "notes": result.notes,
    }


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("counts")
    return {
        year: (write_counts(counts_of(year), root / str(year)) and root / str(year))
        for year in YEARS
    }


@pytest.mark.parametrize("year", YEARS)
def test_export_then_compute_gives_the_shipped_result(year: int, exported: dict[int, Path]) -> None:
    shipped = korelect.results(year)
    again = korelect.results(exported[year])
    assert _everything(again) == _everything(shipped)
    assert again.counts is not None
    assert again.counts.source == str(exported[year])


@pytest.mark.parametrize("year", YEARS)
def test_the_folder_reads_back_to_the_same_counts(year: int, exported: dict[int, Path]) -> None:
    shipped = counts_of(year)
    again = read_counts(exported[year])
    for name in ("year", "name", "rules", "districts", "candidates", "list_votes"):
        assert getattr(again, name) == getattr(shipped, name), name
    assert again.list_shares == shipped.list_shares
    assert again.list_turnout == shipped.list_turnout
    assert [(w.district_id, w.name_ko, w.party_ko, w.birth_date) for w in again.winners] == [
        (w.district_id, w.name_ko, w.party_ko, w.birth_date) for w in shipped.winners
    ]
    assert counts_files(again) == counts_files(shipped)


@pytest.mark.parametrize("year", YEARS)
def test_other_rules_on_exported_counts_equal_the_shipped_path(
    year: int, exported: dict[int, Path]
) -> None:
    assert _everything(korelect.results(exported[year], rules=2024)) == _everything(
        korelect.results(year, rules=2024)
    )


def test_the_request_function_takes_a_year_text_a_path_or_counts(
    exported: dict[int, Path],
) -> None:
    by_year = _everything(korelect.results(2016))
    assert _everything(korelect.results("2016")) == by_year
    assert _everything(korelect.results(str(exported[2016]))) == by_year
    assert _everything(korelect.results(counts_of(2016))) == by_year
    with pytest.raises(UnknownElectionError, match="known years: 1948, 1950, "):
        korelect.results(2017)


def test_rules_as_year_text_file_or_rules_adapt_once(tmp_path: Path) -> None:
    by_rules = korelect.results(2020, rules=korelect.rules_for(2024))
    assert korelect.results(2020, rules=2024).rules == by_rules.rules
    assert korelect.results(2020, rules="2024").rules == by_rules.rules
    toml = tmp_path / "r.toml"
    toml.write_text(korelect.rules_to_toml(korelect.rules_for(2024)), encoding="utf-8")
    assert korelect.results(2020, rules=toml).total_seats == by_rules.total_seats
    assert len(by_rules.notes) == 1
    # adapting the adapted rules again adds nothing
    assert korelect.results(2020, rules=by_rules.rules).notes == ()
    assert korelect.results(2020).notes == ()


# -- a worked what-if: flip three districts and recount ------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_flipping_three_districts_moves_three_seats(tmp_path: Path) -> None:
    folder = tmp_path / "2016"
    write_counts(counts_of(2016), folder)
    base = korelect.results(folder)
    flipped = [d for d in base.districts if d.winner_party == "새누리당" and d.count][:3]
    rows = _rows(folder / "candidates.csv")
    for d in flipped:
        assert d.count is not None
        runner_up = d.count.candidates[1]
        for row in rows:
            if row["district_id"] == d.district.district_id and row["name_ko"] == runner_up.name_ko:
                row["votes"] = str(d.count.winner.votes + 1)  # type: ignore[operator]
    _write_rows(folder / "candidates.csv", rows)
    (folder / "winners.csv").unlink()  # the declared winners would keep the seats
    after = korelect.results(folder)
    assert after.party("새누리당").district_seats == base.party("새누리당").district_seats - 3
    moved = {d.count.candidates[1].party_ko for d in flipped if d.count}
    gained = sum(after.party(p).district_seats - base.party(p).district_seats for p in moved)
    assert gained == 3


def test_declared_winners_hold_the_seat_and_the_difference_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "2004"
    write_counts(counts_of(2004), folder)
    winner = _rows(folder / "winners.csv")[0]
    rows = _rows(folder / "candidates.csv")
    for i, row in enumerate(rows):
        if row["district_id"] == winner["district_id"]:
            row["votes"] = "0" if row["name_ko"] == winner["name_ko"] else str(10 + i)
    _write_rows(folder / "candidates.csv", rows)
    result = korelect.results(folder)
    (finding,) = [f for f in result.findings if f.where == winner["district_id"]]
    assert finding.check == "declared winner vs counts"
    assert result.district(winner["district_id"]).winner_name == winner["name_ko"]


# -- district magnitude ---------------------------------------------------------------------

TWO_MEMBER = {
    "election.toml": 'format = "korelect-counts"\nversion = 1\nyear = 1978\n'
    'name = "Two-member test"\nrules = "rules.toml"\n',
    "rules.toml": 'name = "two-member districts, no list tier"\ntotal_seats = 4\n'
    'district_seats = 4\n[list_tier]\nformula = "proportional"\n',
    "districts.csv": "district_id,province,name_ko,magnitude\nA,seoul,갑,2\nB,busan,을,2\n",
    "candidates.csv": "district_id,ballot_order,name_ko,party_ko,votes,birth_date\n"
    "A,1,가,P,100,\nA,2,나,Q,90,\nA,3,다,P,80,\n"
    "B,1,라,P,50,1940-01-01\nB,2,마,Q,70,\nB,3,바,R,50,1930-01-01\n",
}


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "counts"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_member_districts_elect_the_top_two_and_the_eldest_on_a_tie(tmp_path: Path) -> None:
    result = korelect.results(_folder(tmp_path, TWO_MEMBER))
    a, b = result.districts
    assert a.members == (("가", "P"), ("나", "Q"))
    assert b.members == (("마", "Q"), ("바", "R"))
    assert b.how == "eldest"
    assert result.total_seats == 4
    assert {p.info.name_ko: p.district_seats for p in result.parties} == {"P": 1, "Q": 2, "R": 1}
    assert [pl.total_seats for pl in result.provinces] == [2, 2]


def test_unopposed_two_member_district_elects_both(tmp_path: Path) -> None:
    files = dict(TWO_MEMBER)
    files["candidates.csv"] = (
        "district_id,ballot_order,name_ko,party_ko,votes\nA,1,가,P,\nA,2,나,Q,\n"
        "B,1,라,P,5\nB,2,마,Q,7\nB,3,바,R,1\n"
    )
    result = korelect.results(_folder(tmp_path, files))
    assert result.districts[0].how == "unopposed"
    assert result.districts[0].members == (("가", "P"), ("나", "Q"))


def test_namesakes_stand_apart_by_ballot_order(tmp_path: Path) -> None:
    # 1954 논산군 을, 1960 부여군 을, 1971 김포군·강화군, 1978 진안군·무주군·장수군: two
    # candidates of one name in one district, neither of them elected
    files = dict(TWO_MEMBER)
    files["candidates.csv"] = (
        "district_id,ballot_order,name_ko,party_ko,votes\n"
        "A,1,가,P,100\nA,2,나,Q,90\nA,3,나,R,80\nB,1,라,P,50\nB,2,마,Q,70\n"
    )
    result = korelect.results(_folder(tmp_path, files))
    assert result.districts[0].members == (("가", "P"), ("나", "Q"))
    count = result.districts[0].count
    assert count is not None
    assert [(c.name_ko, c.party_ko) for c in count.candidates][1:] == [("나", "Q"), ("나", "R")]
    files["winners.csv"] = "district_id,name_ko,party_ko\nA,가,P\nA,나,Q\n"
    (tmp_path / "w").mkdir()
    with pytest.raises(FileFormatError, match="namesakes") as info:
        korelect.results(_folder(tmp_path / "w", files))
    assert (info.value.line, info.value.field) == (3, "name_ko")


# -- every mistake is one error naming the file, line and field ----------------------------


BAD = [
    ("districts.csv", "district_id,province,name_ko,magnitude\nA,seoul,갑,two\n", 2, "magnitude"),
    ("districts.csv", "district_id,province,name_ko,magnitude\nA,seoul,갑,0\n", 2, "magnitude"),
    ("districts.csv", "district_id,province,name_ko\nA,mars,갑\n", 2, "province"),
    ("districts.csv", "district_id,province,name_ko\nA,seoul,갑\nA,seoul,을\n", 3, "district_id"),
    ("districts.csv", "district_id,province\nA,seoul\n", 1, "name_ko"),
    ("districts.csv", "district_id,province,name_ko,colour\nA,seoul,갑,red\n", 1, "colour"),
    (
        "candidates.csv",
        "district_id,ballot_order,name_ko,party_ko,votes\nZ,1,가,P,1\n",
        2,
        "district_id",
    ),
    (
        "candidates.csv",
        "district_id,ballot_order,name_ko,party_ko,votes\nA,1,가,P,-4\n",
        2,
        "votes",
    ),
    (
        "candidates.csv",
        "district_id,ballot_order,name_ko,party_ko,votes\nA,1,가,P,1,9\n",
        2,
        None,
    ),
    (
        "candidates.csv",
        "district_id,ballot_order,name_ko,party_ko,votes,birth_date\nA,1,가,P,1,1940-13-01\n",
        2,
        "birth_date",
    ),
    ("list_votes.csv", "province,party_ko,votes\nnowhere,P,5\n", 2, "province"),
    ("list_shares.csv", "party_ko,pct\nP,120\n", 2, "pct"),
    ("winners.csv", "district_id,name_ko,party_ko\nQ,가,P\n", 2, "district_id"),
    (
        "candidates.csv",
        "district_id,ballot_order,name_ko,party_ko,votes\nA,1,가,P,1\nA,1,나,Q,2\n",
        3,
        "ballot_order",
    ),
]


@pytest.mark.parametrize(("name", "text", "line", "field"), BAD)
def test_bad_files_name_the_file_line_and_field(
    tmp_path: Path, name: str, text: str, line: int, field: str | None
) -> None:
    files = dict(TWO_MEMBER)
    files[name] = text
    with pytest.raises(FileFormatError) as info:
        korelect.results(_folder(tmp_path, files))
    assert info.value.path is not None
    assert info.value.path.endswith(name)
    assert info.value.line == line
    assert info.value.field == field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('format = "x"\nversion = 1\nyear = 1978\nrules = 2004\n', "format"),
        ('format = "korelect-counts"\nversion = 2\nyear = 1978\nrules = 2004\n', "version"),
        ('format = "korelect-counts"\nversion = 1\nyear = "soon"\nrules = 2004\n', "year"),
        ('format = "korelect-counts"\nversion = 1\nyear = 2028\n', "rules"),
        ('format = "korelect-counts"\nversion = 1\nyear = 2028\nrules = 2005\n', "rules"),
        ('format = "korelect-counts"\nversion = 1\nyear = 2028\nrules = "none.toml"\n', "rules"),
        ('format = "korelect-counts"\nversion = 1\nyear = 2028\nrules = 2004\nx = 1\n', "x"),
        ("format = \n", None),
    ],
)
def test_bad_election_toml(tmp_path: Path, text: str, field: str | None) -> None:
    files = dict(TWO_MEMBER)
    files["election.toml"] = text
    with pytest.raises(FileFormatError) as info:
        korelect.results(_folder(tmp_path, files))
    assert info.value.field == field


def test_magnitudes_must_add_up_to_the_rules_district_seats(tmp_path: Path) -> None:
    files = dict(TWO_MEMBER)
    files["districts.csv"] = "district_id,province,name_ko,magnitude\nA,seoul,갑,2\nB,busan,을,1\n"
    with pytest.raises(FileFormatError, match="elect 3 members, but the rules"):
        korelect.results(_folder(tmp_path, files))


def test_missing_folder_and_files(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="not a folder of counts"):
        korelect.results(tmp_path / "nothing" / "here")
    folder = _folder(tmp_path, {k: v for k, v in TWO_MEMBER.items() if k != "candidates.csv"})
    with pytest.raises(FileFormatError, match=r"candidates\.csv"):
        korelect.results(folder)


def test_export_is_whole_or_nothing_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileFormatError, match="not an empty folder"):
        write_counts(counts_of(2004), target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    with pytest.raises(FileFormatError, match="no such folder"):
        write_counts(counts_of(2004), tmp_path / "a" / "b")
    written = write_counts(counts_of(2004), tmp_path / "fresh")
    assert "election.toml" in written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh", "out"]


def test_what_the_writer_writes_the_reader_reads_or_it_writes_nothing(tmp_path: Path) -> None:
    base = counts_of(2016)
    quoted = replace(base, name='The "next" election\\ of 2016\t\x7f')
    assert read_counts(tmp_path / "q" if write_counts(quoted, tmp_path / "q") else "").name == (
        quoted.name
    )
    first = replace(base.districts[0], name_ko="종로\n구")
    broken = replace(base, districts=(first, *base.districts[1:]))
    with pytest.raises(korelect.errors.InputError, match="no line break inside a cell"):
        write_counts(broken, tmp_path / "n")
    assert not (tmp_path / "n").exists()


def test_new_provinces_and_a_next_election(tmp_path: Path) -> None:
    files = dict(TWO_MEMBER)
    files["election.toml"] = (
        'format = "korelect-counts"\nversion = 1\nyear = 2028\nname = "Next"\n'
        'rules = "rules.toml"\n'
    )
    files["provinces.csv"] = "code,name_ko,name_en\nnewcity,새도시,New City\n"
    files["districts.csv"] = (
        "district_id,province,name_ko,magnitude\nA,newcity,갑,2\nB,busan,을,2\n"
    )
    result = korelect.results(_folder(tmp_path, files))
    assert result.year == 2028
    assert result.provinces[-1].name_en == "New City"
    copy = tmp_path / "copy"
    assert result.counts is not None
    write_counts(result.counts, copy)
    assert _everything(korelect.results(copy)) == _everything(result)


def test_counts_replace_keeps_working() -> None:
    counts = counts_of(1992)
    changed = replace(counts, name="1992, edited")
    assert korelect.results(changed).seats("민주자유당") == korelect.results(1992).seats(
        "민주자유당"
    )


# -- the command line ----------------------------------------------------------------------


def test_cli_export_then_results_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    folder = tmp_path / "e"
    assert main(["export", "2004", "-o", str(folder)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {folder}: candidates.csv")
    assert main(["results", "2004", "--rules", "2024", "--json"]) == 0
    shipped = capsys.readouterr().out
    assert main(["results", "--counts", str(folder), "--rules", "2024", "--json"]) == 0
    assert capsys.readouterr().out == shipped
    assert main(["export", "2004", "-o", str(folder)]) == 2
    assert "not an empty folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["results"], "give a YEAR or --counts DIR"),
        (["results", "2004", "--counts", "x"], "give a YEAR or --counts DIR"),
        (["export", "1999", "-o", "x"], "export: expected an election year"),
    ],
)
def test_cli_request_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from korelect.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_cli_bad_counts_is_one_line_naming_file_line_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from korelect.cli import main

    files = dict(TWO_MEMBER)
    files["candidates.csv"] = "district_id,ballot_order,name_ko,party_ko,votes\nA,1,가,P,1,204\n"
    assert main(["results", "--counts", str(_folder(tmp_path, files))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "candidates.csv" in err
    assert ":2" in err or "line 2" in err


def test_an_article_of_your_own_counts(tmp_path: Path) -> None:
    from korelect.views.article_writer import write_article

    files = dict(TWO_MEMBER)
    files["election.toml"] = files["election.toml"].replace("year = 1978", "year = 2028")
    text = write_article(_folder(tmp_path, files))
    assert text.startswith("= 2028 South Korean legislative election =\n")
    assert "Previous Election: 2024 South Korean legislative election" in text
    assert "elect the 4 members" in text
