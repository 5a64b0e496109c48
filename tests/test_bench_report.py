"""benchmarks/report.py: make bench's figures become the README's performance table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[1] / "benchmarks"
README = Path(__file__).parents[1] / "README.md"
START = "<!-- make bench: start -->"
END = "<!-- make bench: end -->"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH / "report.py"), *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )


def _record(path: Path, **fields: object) -> None:
    """What _figures.record writes when make bench names the file."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import _figures, json; "
        "_figures.record(**json.loads(sys.argv[2]))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(BENCH), json.dumps(fields)],
        check=True,
        env={"KORELECT_BENCH_FIGURES": str(path), "PATH": "/usr/bin:/bin"},
    )


def test_figures_become_the_readme_table(tmp_path: Path) -> None:
    figures = tmp_path / "figures.jsonl"
    _record(
        figures,
        figure="one allocation",
        korelect="40 µs",
        peer="apportionment 50 µs",
        ratio=0.8,
        target="≤ 1×",
        met=True,
    )
    _record(figures, figure="what-if | API", korelect="90 req/s", target="≥ 500", met=False)
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nbefore\n{START}\nold table\n{END}\nafter\n", encoding="utf-8")
    done = _run(str(figures), "--readme", str(readme), "--date", "2026-12-03")
    assert done.returncode == 0, done.stderr
    text = readme.read_text(encoding="utf-8")
    assert "old table" not in text
    assert text.startswith("# x\n\nbefore\n" + START + "\nMeasured by `make bench` on 2026-12-03")
    assert text.endswith(END + "\nafter\n")
    assert "| one allocation | 40 µs | apportionment 50 µs | 0.80× | ≤ 1× | yes |" in text
    assert "| what-if \\| API | 90 req/s |  |  | ≥ 500 | **no** |" in text
    # Running it again with the same figures changes nothing.
    again = _run(str(figures), "--readme", str(readme), "--date", "2026-12-03")
    assert again.returncode == 0
    assert readme.read_text(encoding="utf-8") == text


def test_nothing_recorded_without_make_bench(tmp_path: Path) -> None:
    code = (
        f"import sys; sys.path.insert(0, {str(BENCH)!r}); "
        "import _figures; _figures.record('x', '1 s')"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"}
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no figures"),
        ("{not json\n", "line 1: not JSON"),
        ('{"figure": "x", "korelect": 3, "peer": "", "ratio": null}\n', "field 'korelect'"),
        ('{"figure": "x", "korelect": "1", "peer": "", "ratio": null, "met": "yes"}\n', "'met'"),
    ],
)
def test_bad_figures_are_refused_and_readme_untouched(
    tmp_path: Path, content: str, message: str
) -> None:
    figures = tmp_path / "figures.jsonl"
    figures.write_text(content, encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(f"{START}\nold\n{END}\n", encoding="utf-8")
    done = _run(str(figures), "--readme", str(readme))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert readme.read_text(encoding="utf-8") == f"{START}\nold\n{END}\n"


def test_readme_needs_one_pair_of_markers(tmp_path: Path) -> None:
    figures = tmp_path / "figures.jsonl"
    _record(figures, figure="x", korelect="1 s")
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n", encoding="utf-8")
    done = _run(str(figures), "--readme", str(readme))
    assert done.returncode == 2
    assert "expected one" in done.stderr
    assert readme.read_text(encoding="utf-8") == "no markers\n"


def test_the_readme_has_the_table_markers() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count(START) == 1
    assert text.count(END) == 1
    assert text.index(START) < text.index(END)
