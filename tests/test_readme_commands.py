"""Every command the README shows runs: each ``korelect ...`` line of its code blocks.

Lines that are templates (FILE.csv, YEAR|RULES.toml, ARTICLE.txt), the deliberate error
example (``bad.csv``, whose output tests/test_readme.py checks) and ``korelect serve``
(which serves until stopped; tests/test_web_api.py runs it) are left out. The rest run in
order in a scratch folder, so that ``korelect export 2016 -o my2016`` comes before the
command that reads ``my2016``.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from korelect.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEMPLATES = ("FILE.csv", "RULES.toml", "ARTICLE.txt", "CF.txt", "[", "bad.csv")


def blocks() -> list[tuple[str, list[str]]]:
    """The README's fenced code blocks: (language, lines)."""
    found: list[tuple[str, list[str]]] = []
    language: str | None = None
    lines: list[str] = []
    for line in README.splitlines():
        if line.startswith("```"):
            if language is None:
                language, lines = line[3:].strip(), []
            else:
                found.append((language, lines))
                language = None
        elif language is not None:
            lines.append(line)
    return found


def commands() -> list[str]:
    """Shell blocks' ``korelect`` lines, and ``$ korelect`` prompts in any block."""
    found = []
    for language, lines in blocks():
        for line in lines:
            prompt = line.startswith("$ korelect ")
            if not (prompt or (language in ("sh", "console", "") and line.startswith("korelect "))):
                continue
            text = line.removeprefix("$ ").split("  #")[0].strip()
            if any(t in text for t in TEMPLATES) or text.startswith("korelect serve"):
                continue
            found.append(text)
    return found


COMMANDS = commands()


def test_the_readme_shows_commands() -> None:
    assert len(COMMANDS) >= 20
    assert "korelect export 2016 -o my2016" in COMMANDS


def test_every_readme_command_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    for command in COMMANDS:
        argv = shlex.split(command)[1:]
        status = main(argv)
        err = capsys.readouterr().err
        allowed = (0, 1) if argv[:2] == ["article", "check"] else (0,)
        assert status in allowed, f"{command}: exit {status}: {err}"


PYTHON = [lines for language, lines in blocks() if language == "python"]


@pytest.mark.parametrize("block", PYTHON, ids=[f"block{i}" for i in range(len(PYTHON))])
def test_every_readme_python_block_runs(
    block: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec("import korelect\n" + "\n".join(block), namespace)  # noqa: S102  (our own README)
