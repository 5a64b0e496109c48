"""The audit of a counts folder: the checks a user's counts can fail on their own."""

from __future__ import annotations

from pathlib import Path

import pytest

import korelect
from korelect.analysis.audit.counts import audit_counts
from korelect.cli import main
from korelect.record.counts import counts_of, write_counts
from korelect.record.data import dataset

YEARS = dataset().years()  # the elections with shipped counts


def key(f: korelect.Finding) -> tuple[str, str, str, str]:
    return (f.check, f.where, f.ours, f.theirs)


@pytest.mark.parametrize("year", YEARS)
def test_a_shipped_years_counts_find_what_the_full_audit_finds(year: int) -> None:
    full = {key(f) for f in korelect.audit(year)}
    own = [key(f) for f in audit_counts(year)]
    assert set(own) <= full
    checks = {"declared winner vs counts", "candidates vs valid votes"}
    assert {k for k in full if k[0] in checks} <= set(own)


def test_audit_of_an_edited_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "2004"
    write_counts(counts_of(2004), folder)
    text = (folder / "districts.csv").read_text(encoding="utf-8").splitlines()
    cells = text[1].split(",")
    cells[6] = str(int(cells[6]) + 10)  # valid_votes of the first district
    text[1] = ",".join(cells)
    (folder / "districts.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    found = {f.check for f in audit_counts(folder)}
    assert found == {"candidates vs valid votes", "valid + invalid vs ballots"}
    assert main(["audit", "--counts", str(folder), "--json"]) == 0
    assert '"candidates vs valid votes"' in capsys.readouterr().out
    assert main(["audit"]) == 2
    assert "audit: give a YEAR or --counts DIR" in capsys.readouterr().err
