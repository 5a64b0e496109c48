"""District counting (art. 188) on small fixtures, and malformed data files."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from korelect.errors import DataError, FileFormatError
from korelect.record.counting import count_district
from korelect.record.data import Candidate, Dataset, District


def district(*, uncontested: bool = False) -> District:
    return District(2004, "2004:seoul:X", "seoul", "X", 1000, 900, 890, 10, 100, uncontested, "t")


def cand(order: int, name: str, votes: int | None, party: str = "P") -> Candidate:
    return Candidate(2004, "2004:seoul:X", order, name, party, votes)


def test_plurality() -> None:
    r = count_district(district(), [cand(1, "A", 400), cand(2, "B", 490)])
    assert (r.winner.name_ko, r.how, r.margin) == ("B", "plurality", 90)
    assert [c.name_ko for c in r.candidates] == ["B", "A"]


def test_tie_goes_to_the_eldest() -> None:
    births = {"A": date(1960, 5, 1), "B": date(1955, 12, 31), "C": date(1950, 1, 1)}
    r = count_district(district(), [cand(1, "A", 445), cand(2, "B", 445), cand(3, "C", 0)], births)
    assert (r.winner.name_ko, r.how, r.tied) == ("B", "eldest", ("A", "B"))


def test_tie_without_birth_dates_is_a_clear_error() -> None:
    with pytest.raises(DataError, match=r"A, B tie at 445 votes .* birth date of A"):
        count_district(district(), [cand(1, "A", 445), cand(2, "B", 445)], {"B": date(1950, 1, 1)})


def test_tie_with_the_same_birth_date() -> None:
    same = date(1950, 1, 1)
    with pytest.raises(DataError, match="share the earliest birth date"):
        count_district(district(), [cand(1, "A", 445), cand(2, "B", 445)], {"A": same, "B": same})


def test_unopposed() -> None:
    r = count_district(district(uncontested=True), [cand(1, "A", None)])
    assert (r.winner.name_ko, r.how, r.margin) == ("A", "unopposed", None)


def test_no_votes_for_several_candidates_is_an_error() -> None:
    with pytest.raises(DataError, match="only a lone candidate"):
        count_district(district(), [cand(1, "A", None), cand(2, "B", None)])


def test_no_candidates() -> None:
    with pytest.raises(DataError, match="no candidates"):
        count_district(district(), [])


def test_missing_count_for_one_candidate() -> None:
    with pytest.raises(DataError, match="no vote count for B"):
        count_district(district(), [cand(1, "A", 5), cand(2, "B", None)])


# -- malformed shipped data ------------------------------------------------------------------


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    source = resources.files("korelect") / "data"
    for name in (
        "districts.csv",
        "candidates.csv",
        "winners.csv",
        "provinces.csv",
        "elections.csv",
    ):
        with resources.as_file(source / name) as path:
            shutil.copy(path, folder / name)
    return folder


def test_missing_data_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "districts.csv").unlink()
    with pytest.raises(FileFormatError, match=r"districts\.csv: data file is missing"):
        Dataset(folder).districts(2004)


def test_bad_integer_names_file_row_and_field(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "candidates.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("2004,"))
    parts = lines[number].split(",")
    parts[-1] = "many"
    lines[number] = ",".join(parts)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        Dataset(folder).candidates(2004)
    assert info.value.line == number + 1
    assert info.value.field == "votes"
    assert "expected an integer (got 'many')" in str(info.value)


def test_ragged_row(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "winners.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write("2004,too,few\n")
    with pytest.raises(FileFormatError, match=r"winners\.csv:\d+: expected 11 fields, got 3"):
        Dataset(folder).winners(2004)


def test_bad_date(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "winners.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("1956-09-16", "1956-13-16", 1), encoding="utf-8")
    with pytest.raises(FileFormatError, match="field 'birth_date': expected a date"):
        Dataset(folder).winners(2004)


def test_not_utf8(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "districts.csv").write_bytes("year,이름\n".encode("cp949"))
    with pytest.raises(FileFormatError, match="not UTF-8"):
        Dataset(folder).districts(2004)


def test_cli_reports_bad_data_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import korelect.record.data as data_module
    from korelect.cli import main

    folder = copy_data(tmp_path)
    (folder / "districts.csv").write_text("year,district_id\n2004,x\n", encoding="utf-8")
    broken = Dataset(folder)
    monkeypatch.setattr(data_module, "dataset", lambda: broken)
    monkeypatch.setattr("korelect.record.election.dataset", lambda: broken)
    monkeypatch.setattr("korelect.record.counts.dataset", lambda: broken)
    assert main(["results", "2004"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "districts.csv:2" in err
