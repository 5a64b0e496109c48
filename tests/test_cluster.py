"""The simulation on a local Dask cluster gives the local seats, run for run."""

from __future__ import annotations

import numpy as np
import pytest

from korelect.analysis.simulate import simulate
from korelect.cli import main
from korelect.errors import InputError

pytest.importorskip("distributed")


def test_local_cluster_equals_local_run() -> None:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        for year in (2004, 2020):
            here = simulate(year, 1300, seed=11)
            there = simulate(year, 1300, seed=11, dask=client)
            assert np.array_equal(here.seats, there.seats)
            assert here.to_dict() == there.to_dict()
        # A scheduler address works the same way.
        address = simulate(2016, 600, seed=3, dask=cluster.scheduler_address)
        assert np.array_equal(address.seats, simulate(2016, 600, seed=3).seats)


def test_cli_workers_gives_the_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "2016", "-n", "800", "--seed", "4"]) == 0
    local = capsys.readouterr().out
    assert main(["simulate", "2016", "-n", "800", "--seed", "4", "--workers", "2"]) == 0
    assert capsys.readouterr().out == local


def test_progress_reaches_n() -> None:
    calls: list[int] = []
    simulate(2016, 900, dask=1, progress=lambda done, n: calls.append(done))
    assert calls[-1] == 900
    assert calls == sorted(calls)


@pytest.mark.parametrize("target", [0, 1000, True, 2.5, object()])
def test_bad_targets(target: object) -> None:
    with pytest.raises(InputError, match=r"(?i)dask"):
        simulate(2016, 10, dask=target)


def test_unreachable_scheduler_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "2016", "-n", "10", "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("korelect: error: cannot reach the Dask scheduler")
    assert len(err.strip().splitlines()) == 1


def test_dask_and_workers_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["simulate", "2016", "--dask", "tcp://x:1", "--workers", "2"])
    assert exc.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
