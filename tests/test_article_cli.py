"""``korelect article read|check|write`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import korelect
from korelect.analysis.article.checker import check_article
from korelect.analysis.article.reader import read_article
from korelect.cli import main
from korelect.views.article_writer import write_article

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED_1992 = ARTICLES / "001_5ff811948e8edf5d.txt"


def test_read_prints_the_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "read", str(SEED_1992)]) == 0
    out = capsys.readouterr().out
    assert "election date: 1992-03-24" in out
    assert "change -70 (sign implied)" in out
    assert "columns: Total seats, DLP, DP, UNP, NPRP, Ind." in out


def test_read_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "read", str(SEED_1992), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 1992


def test_check_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["article", "check", str(SEED_1992)]) == 1
    assert "25 March 1992" in capsys.readouterr().out
    clean = tmp_path / "1996.txt"
    assert main(["article", "write", "1996", "-o", str(clean)]) == 0
    capsys.readouterr()
    assert main(["article", "check", str(clean)]) == 0
    assert capsys.readouterr().out.strip() == "No findings."
    assert main(["article", "check", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_write_to_a_missing_folder_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "a.txt"
    assert main(["article", "write", "2004", "-o", str(target)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not target.exists()


def test_write_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "write", "1999"]) == 2
    assert "expected an election year" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("year", "rules"),
    [(2020, "2016"), (2004, "2024"), (2004, "1973"), (1948, "2024"), (1973, "1958")],
)
def test_counterfactual_checks_clean_against_its_rules(
    year: int, rules: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "cf.txt"
    assert main(["article", "write", str(year), "--rules", rules, "-o", str(path)]) == 0
    capsys.readouterr()
    article = read_article(path.read_text(encoding="utf-8"), source=str(path))
    assert f"(under: {rules} rules)" in article.title
    assert check_article(article) == ()  # the title names the rules it was computed under
    assert main(["article", "check", str(path), "--rules", rules]) == 0


def test_counterfactual_checked_against_the_real_law_disagrees() -> None:
    text = write_article(2020, rules=korelect.rules_for(2016))
    article = read_article(text.replace(" (under: 2016 rules)", ""), source="cf")
    assert check_article(article), "the 2016 rules give other list seats than the 2020 law"


@pytest.mark.parametrize("year", ["1948", "1954", "1973"])
def test_an_early_election_written_read_and_checked(
    year: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """1948 (seats no count covers), 1954 (no turnout figures), 1973 (the appointed bloc):
    written, read back, and clean against the year's own law, given or not."""
    path = tmp_path / f"{year}.txt"
    assert main(["article", "write", year, "-o", str(path)]) == 0
    assert main(["article", "write", year, "--rules", year, "-o", str(tmp_path / "own.txt")]) == 0
    assert (tmp_path / "own.txt").read_bytes() == path.read_bytes()  # not a counterfactual
    capsys.readouterr()
    assert main(["article", "read", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("  turnout: -" in out) == (year != "1973")
    assert "Warnings: 0" in out
    assert main(["article", "check", str(path)]) == 0
    assert main(["article", "check", str(path), "--rules", year]) == 0
    assert capsys.readouterr().out.split() == ["No", "findings."] * 2
