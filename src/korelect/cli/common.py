"""What every command shares: the one-line error parser, ``--rules`` and whole-file writes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from korelect.errors import FileFormatError, InputError
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import Rules
from korelect.law.rulesfile import load_rules


def rules_arg(value: str) -> Rules:
    """``--rules YEAR|RULES.toml``: an election's law or a rules file."""
    text = value.strip()
    if text.isascii() and text.isdigit():
        return rules_for(int(text))
    if text.lower().endswith(".toml") or Path(text).exists():
        return load_rules(text)
    years = ", ".join(str(y) for y in registered_years())
    raise InputError(
        f"--rules: expected an election year ({years}) or a .toml file (got {value!r})"
    )


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        """Print one error line and exit with status 2."""
        self.exit(2, f"korelect: error: {message} (see '{self.prog} --help')\n")


def election_year(text: str, command: str, *, also: str = "") -> int:
    """A year korelect has data for, or one clear error naming the command and the known years."""
    from korelect.record.data import dataset  # noqa: PLC0415  (only commands that load data ask)

    years = dataset().years()
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) not in years:
        known = ", ".join(str(y) for y in years)
        raise InputError(f"{command}: expected an election year ({known}){also} (got {text!r})")
    return int(value)


def write_whole(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file renamed into place."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise FileFormatError("no such folder", path=str(path))
    tmp = folder / f".{path.name}.korelect-tmp"
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileFormatError(f"cannot write: {exc.strerror}", path=str(path)) from None
