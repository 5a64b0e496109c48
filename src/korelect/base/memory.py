"""How the C heap gives memory back: kept for reuse in long NumPy runs (glibc only).

NumPy asks the C library for every large temporary array. glibc serves a request of more than
its mmap threshold (128 KiB at first, growing to at most 32 MiB) with a fresh ``mmap`` and
returns it with ``munmap`` when the array is freed, so a simulation that makes the same
temporaries chunk after chunk spends its time in the kernel, mapping and zeroing pages:
``korelect simulate 2020 --rules 2024 -n 100000`` spent 1.9 s of 8.5 s there (23%).
:func:`keep_freed_memory` raises the thresholds, so freed arrays stay in the heap and are
reused: the same run then spent 0.14 s in the kernel (2%), its peak memory 112 MB instead of
101 MB (``benchmarks/bench_simulate.py`` measures both).
"""

from __future__ import annotations

import ctypes
import os

__all__ = ["KEEP_FREED_BYTES", "keep_freed_memory", "mallopt"]

KEEP_FREED_BYTES = 256 << 20
"""Freed memory the heap may keep for reuse; requests up to 32 MiB are served from it."""

_M_TRIM_THRESHOLD = -1  # glibc's malloc.h
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3
_TUNING = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_")
_MMAP_MOST = 32 << 20
"""The highest mmap threshold every glibc takes (half its heap size on 64-bit systems)."""


def keep_freed_memory(limit: int = KEEP_FREED_BYTES) -> bool:
    """Let the C heap keep up to ``limit`` bytes of freed memory for reuse; True where it can.

    Process-wide: the command line calls it for the commands that simulate (``simulate``,
    ``chart histogram``); a Python caller running long simulations may call it too. Left alone
    where the environment tunes glibc's malloc itself, and a no-op where the C library is not
    glibc.

    >>> isinstance(keep_freed_memory(), bool)
    True
    """
    if any(name in os.environ for name in _TUNING):
        return False
    done = (
        mallopt(_M_MMAP_THRESHOLD, min(limit, _MMAP_MOST)),
        mallopt(_M_TRIM_THRESHOLD, limit),
        mallopt(_M_TOP_PAD, min(limit, 64 << 20)),
    )
    return all(done)


def mallopt(option: int, value: int) -> bool:
    """Glibc's ``mallopt(option, value)``: True where it took it, False elsewhere (not glibc)."""
    try:
        call = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_int]
    call.restype = ctypes.c_int
    return bool(call(option, value))
