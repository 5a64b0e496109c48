"""The shipped tables are exactly what the scripts in the repo build from ../shared."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "data").is_dir(), reason="../shared is not beside the checkout"
)

BUILT = (
    "elections.csv",
    "districts.csv",
    "candidates.csv",
    "winners.csv",
    "national_seats.csv",
    "list_votes.csv",
    "list_turnout.csv",
    "list_shares.csv",
    "official_seats.csv",
    "polling_2020.csv.gz",
    "polling_2012.csv.gz",
    "polling_2016.csv.gz",
)


def shipped(name: str) -> bytes:
    return (resources.files("korelect") / "data" / name).read_bytes()


def test_build_data_reproduces_the_shipped_tables(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_data.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in BUILT:
        assert (tmp_path / name).read_bytes() == shipped(name), name


def test_seed_tables_reproduced(tmp_path: Path) -> None:
    out = tmp_path / "seed_tables.csv"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/extract_seed_tables.py"),
            "--seeds",
            str(SHARED / "seeds"),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == shipped("seed_tables.csv")
