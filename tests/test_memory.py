"""korelect.base.memory: the C heap keeps freed memory for the simulations (glibc)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from korelect.base.memory import keep_freed_memory

PROBE = """
import ctypes, os
from korelect.base.memory import keep_freed_memory
said = keep_freed_memory()
tuned = sorted(k for k in os.environ if k.startswith(("MALLOC_", "GLIBC_")))
print(said, tuned)
"""


def _probe(env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_glibc_takes_the_thresholds() -> None:
    # Dask's nanny puts MALLOC_TRIM_THRESHOLD_ in the environment of the process that imported
    # it (tests/test_cluster.py runs first): a fresh process without it, as a user's shell.
    own = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_"))}
    assert _probe(own) == "True []"


def test_the_environment_s_own_tuning_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert keep_freed_memory() is False


def test_simulate_still_runs_with_it(capsys: pytest.CaptureFixture[str]) -> None:
    from korelect.cli import main

    assert main(["simulate", "2016", "-n", "50", "--json"]) == 0
    assert '"n": 50' in capsys.readouterr().out
