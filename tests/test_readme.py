"""The README's examples are true: its Python runs, and its CLI output is what the CLI prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import korelect
from korelect.cli import main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
ROOT = Path(__file__).parents[1]


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = re.search(r"```python\nimport korelect\n(.*?)```", README, re.DOTALL)
    assert block is not None
    namespace: dict[str, object] = {}
    exec("import korelect\n" + block.group(1), namespace)  # noqa: S102  (our own README)
    result = namespace["result"]
    assert isinstance(result, korelect.Allocation)
    assert result.seats["Uri"] == 152
    assert result.list_seats["DLP"] == 8
    assert "Step 2" in capsys.readouterr().out


def test_python_analysis_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = re.search(r"```python\n(import korelect  # analysis\n.*?)```", README, re.DOTALL)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(block.group(1), namespace)  # noqa: S102  (our own README)
    result = namespace["r"]
    assert isinstance(result, korelect.ElectionResult)
    assert result.seats("Saenuri Party") == 122
    sim = namespace["sim"]
    assert sim.projections()[0].p_majority == 0.9765  # type: ignore[attr-defined]
    assert bytes(namespace["png"]).startswith(b"\x89PNG")  # type: ignore[call-overload]
    out = capsys.readouterr().out
    assert "Uniform swing, 2016: Saenuri Party +3 pts" in out


def test_python_counts_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = re.search(r"```python\n(import korelect  # counts\n.*?)```", README, re.DOTALL)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(block.group(1), namespace)  # noqa: S102  (our own README)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("These rules provide 254 constituency")
    assert int(lines[1]) < 0  # flipped districts cost the party seats (list seats may offset some)


def test_allocate_table_matches(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    block = re.search(
        r"\$ korelect allocate examples/2004.csv --rules 2004\n(.*?)```", README, re.DOTALL
    )
    assert block is not None
    monkeypatch.chdir(ROOT)
    assert main(["allocate", "examples/2004.csv", "--rules", "2004"]) == 0
    assert capsys.readouterr().out == block.group(1)


def test_option_examples_run() -> None:
    for line in re.findall(r"^(korelect\.rules_for\(.*?\))", README, re.MULTILINE):
        assert isinstance(eval(line, {"korelect": korelect}), korelect.Rules)  # noqa: S307


def test_toml_examples_load() -> None:
    for block in re.findall(r"```toml\n(.*?)```", README, re.DOTALL):
        rules = korelect.load_rules("README.md", text=block)
        assert rules.total_seats == 300


def test_error_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line = re.search(r"^(korelect: error: bad\.csv:4: .*)$", README, re.MULTILINE)
    assert line is not None
    (tmp_path / "bad.csv").write_text(
        "party,votes,district_seats\nA,10,240\nB,5,3\nC,-3,0\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["allocate", "bad.csv", "--rules", "2004"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == line.group(1) + "\n"


@pytest.mark.parametrize("year", ["1996", "1973"])
def test_results_example_matches(capsys: pytest.CaptureFixture[str], year: str) -> None:
    block = re.search(rf"\$ korelect results {year}\n(.*?)```", README, re.DOTALL)
    assert block is not None
    assert main(["results", year]) == 0
    assert capsys.readouterr().out == block.group(1)


def test_sql_example_matches(capsys: pytest.CaptureFixture[str]) -> None:
    block = re.search(r'\$ korelect sql "(.*?)"\n(.*?)```', README, re.DOTALL)
    assert block is not None
    assert main(["sql", block.group(1)]) == 0
    assert capsys.readouterr().out == block.group(2)


def test_results_python_example() -> None:
    r = korelect.results(1996)
    assert r.party("ULD").total_seats == 50
    assert r.district("대구 달서구갑").how == "declared"
    assert korelect.parties().lookup("DLP", 2004).name_en == "Democratic Labor Party"
    for line in ('r.party("ULD").total_seats          # 50',):
        assert line in README


def test_article_check_example_matches(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    block = re.search(r"\$ korelect article check (\S+)\n(.*?)```", README, re.DOTALL)
    assert block is not None
    monkeypatch.chdir(ROOT)
    assert main(["article", "check", block.group(1)]) == 1
    assert capsys.readouterr().out == block.group(2)
