"""The command line's one protocol: every command module adds its subcommands with a ``run``.

Each module of :mod:`korelect.cli` but ``main`` and ``common`` has
``add_parser(sub)``, and every subcommand it adds (every action of a command
with actions) has a callable ``run`` default; ``korelect --help`` lists exactly
the subcommands of :data:`korelect.cli.main.COMMANDS`, in their order.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import subprocess
import sys
from types import ModuleType

import pytest

import korelect.cli
from korelect.cli.common import Output, Parser
from korelect.cli.main import COMMANDS, main

NOT_COMMANDS = {"main", "common", "__main__"}
MODULES = sorted(
    info.name
    for info in pkgutil.iter_modules(korelect.cli.__path__)
    if info.name not in NOT_COMMANDS
)


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands a parser has, by name (empty when it has none)."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def added_by(module: ModuleType) -> dict[str, argparse.ArgumentParser]:
    """The subcommands ``module.add_parser`` adds to a fresh parser, in the order it adds them."""
    parser = Parser(prog="korelect")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    assert module.add_parser(sub) is None
    return subparsers(parser)


def leaves(name: str, parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """The commands that run: ``parser`` itself, or each of its actions, recursively."""
    below = subparsers(parser)
    if not below:
        return [(name, parser)]
    return [leaf for sub, p in below.items() for leaf in leaves(f"{name} {sub}", p)]


def test_every_command_module_is_listed() -> None:
    assert sorted(m.__name__.rpartition(".")[2] for m in COMMANDS) == MODULES
    assert len(set(COMMANDS)) == len(COMMANDS)


@pytest.mark.parametrize("name", MODULES)
def test_module_follows_the_protocol(name: str) -> None:
    module = importlib.import_module(f"korelect.cli.{name}")
    assert callable(getattr(module, "add_parser", None)), f"korelect.cli.{name}: no add_parser"
    added = added_by(module)
    assert added, f"korelect.cli.{name}.add_parser adds no subcommand"
    for command, parser in added.items():
        for leaf, p in leaves(command, parser):
            run = p.get_default("run")
            assert callable(run), f"korelect {leaf}: no callable run default"
            assert run.__module__ == module.__name__, f"korelect {leaf}: run from {run.__module__}"


def test_help_lists_the_modules_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    listed = re.findall(r"^ {4}(\S+)", text.split("positional arguments:")[1], flags=re.MULTILINE)
    assert listed == [name for module in COMMANDS for name in added_by(module)]
    assert listed[:4] == ["allocate", "apportion", "results", "district"]
    assert listed[-1] == "rules"


def test_a_run_returns_text_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    out = Output("findings", 1)
    assert out == "findings"
    assert out.status == 1
    assert Output("x").status == 0
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.startswith("year")


def test_help_and_rules_load_no_heavy_module() -> None:
    """``korelect --help`` and ``korelect rules`` import no analysis, views, charts, web, DuckDB."""
    code = (
        "import sys\n"
        "from korelect.cli import main\n"
        "main(['rules'])\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('korelect.analysis', 'korelect.views', 'korelect.charts', 'korelect.web',\n"
        "         'duckdb', 'numpy', 'pandas', 'uvicorn', 'fastapi')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.rstrip().splitlines()[-1] == "[]"
