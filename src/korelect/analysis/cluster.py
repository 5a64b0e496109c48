"""Simulation chunks on a Dask cluster: ``korelect simulate --dask ADDRESS`` or ``--workers N``.

:func:`korelect.simulate` draws its runs in chunks, each from its own seeded
generator, so a chunk gives the same seats wherever it runs. Here the chunks
are grouped into tasks (about four per worker, so a slow worker does not hold
the others up), the election's base arrays are sent to every worker once, and
the results come back in chunk order: the merged seats are the seats of the
same simulation run locally, run for run (``tests/test_cluster.py`` checks it
on a local cluster of two worker processes).

The target is a ``distributed.Client``, a scheduler address (``tcp://host:8786``;
every worker needs korelect installed), or a number of local worker processes.
Dask is an optional dependency: ``pip install 'korelect[dask]'``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from korelect.errors import InputError

__all__ = ["run_chunks"]

TASKS_PER_WORKER = 4


def _group(fn: Callable[..., Any], base: Any, sds: Any, seed: int, group: Any, exact: bool) -> Any:
    """Run a task's chunks on a worker."""
    return [fn(base, sds, seed, index, runs, exact) for index, runs in group]


def _connect(target: object, stack: ExitStack) -> Any:
    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415  (optional dependency)
    except ImportError:
        raise InputError(
            "running on Dask needs the 'distributed' package: pip install 'korelect[dask]'"
        ) from None
    if isinstance(target, Client):
        return target
    if isinstance(target, bool) or not isinstance(target, int | str):
        raise InputError(
            "'dask' must be a distributed.Client, a scheduler address or a number of "
            f"local workers (got {target!r})"
        )
    if isinstance(target, int):
        if not 1 <= target <= 256:
            raise InputError(f"the number of local Dask workers must be 1 to 256 (got {target})")
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=target,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        )
        return stack.enter_context(Client(cluster))
    try:
        return stack.enter_context(Client(target, timeout="5s"))
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {target!r}: {exc}") from None


def run_chunks(
    target: object,
    fn: Callable[..., Any],
    base: Any,
    sds: dict[str, float],
    seed: int,
    chunks: list[tuple[int, int]],
    exact: bool,
    progress: Callable[[int, int], None] | None,
    n: int,
) -> list[Any]:
    """``fn(base, sds, seed, index, runs, exact)`` for every chunk, on the cluster, in order."""
    from distributed import as_completed  # noqa: PLC0415  (optional dependency)

    with ExitStack() as stack:
        client = _connect(target, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, math.ceil(len(chunks) / (TASKS_PER_WORKER * workers)))
        groups = [chunks[i : i + size] for i in range(0, len(chunks), size)]
        [shared] = client.scatter([base], broadcast=True, hash=False)
        futures = [
            client.submit(_group, fn, shared, sds, seed, group, exact, pure=False)
            for group in groups
        ]
        runs = {f.key: sum(r for _, r in g) for f, g in zip(futures, groups, strict=True)}
        done = 0
        for future in as_completed(futures):
            done += runs[future.key]
            if progress is not None:
                progress(done, n)
        parts = client.gather(futures)
    return [chunk for part in parts for chunk in part]
