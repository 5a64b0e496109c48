"""Every reader fuzzed for a bounded time (issue 12): ``fuzz/fuzz.py``, 8 s a target.

``make fuzz`` runs the same targets for 5 minutes each; the README quotes its figures.
A crash (any exception other than a KorelectError, an input over the time limit, memory
over the limit) fails the run, and the crashing input is kept under the crash folder.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 8

pytest.importorskip("atheris", reason="atheris is in the dev extra (Linux)")


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("korelect_fuzz", ROOT / "fuzz" / "fuzz.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz_module()


def test_every_reader_survives_a_bounded_fuzzing(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    crashes = tmp_path / "crashes"
    command = [sys.executable, str(ROOT / "fuzz" / "fuzz.py"), "--seconds", str(SECONDS)]
    done = subprocess.run(
        [*command, "--seed", "1", "--crashes", str(crashes), "--json", str(figures)],
        capture_output=True,
        text=True,
        check=False,
        timeout=SECONDS * 60,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    rows = {r["target"]: r for r in json.loads(figures.read_text(encoding="utf-8"))}
    assert set(rows) == set(fuzz.TARGETS)
    for name, row in rows.items():
        assert row["crashes"] == [], (name, row)
        assert row["inputs"] >= row["seeds"], (name, row)  # every seed ran, and more
        assert row["coverage"] > 50, (name, row)  # the instrumentation reached korelect's code
    assert not list(crashes.iterdir())
    assert "inputs in all, 0 crashes" in done.stdout


def test_a_refusal_passes_and_anything_else_is_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = fuzz.Target("threshold", tmp_path)
    target(b"3% OR 5 seats")
    target(b"3 parsecs")  # an InputError: a clear refusal, not a crash
    import korelect.law.thresholds

    def broken(text: str) -> None:
        raise ZeroDivisionError(text)

    monkeypatch.setattr(korelect.law.thresholds, "parse_threshold", broken)
    with pytest.raises(ZeroDivisionError):
        target(b"3%")


def test_the_counts_target_unpacks_a_folder(tmp_path: Path) -> None:
    packed = fuzz.pack_folder(fuzz.small_folder(tmp_path / "seed"))
    names = [name for name, _ in fuzz.split_folder(packed)]
    assert {"election.toml", "districts.csv", "candidates.csv", "rules.toml"} <= set(names)
    assert dict(fuzz.split_folder(b"\n%%% ../x\nA\n%%% a/b.csv\nB")) == {
        "..x": b"A",
        "ab.csv": b"B",
    }
    fuzz.Target("counts", tmp_path)(packed)  # the seed itself reads and computes
    assert (tmp_path / "counts" / "rules.toml").is_file()


def test_the_web_target_answers_like_the_server(tmp_path: Path) -> None:
    target = fuzz.Target("web", tmp_path)
    try:
        run = target.loop.run_until_complete
        assert run(fuzz.get(target.app, b"/api/elections")) == 200
        assert run(fuzz.get(target.app, b"/api/elections/1999")) == 404
        assert run(fuzz.get(target.app, b"/elections/2016/whatif?list_seats=-1")) == 400
        assert run(fuzz.get(target.app, "/elections/2016?q=종로\x00".encode())) == 200
        target(b"/api/elections/2016/simulate?n=5")
    finally:
        target.close()
