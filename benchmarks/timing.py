"""Timing helpers shared by the benchmark scripts (run as scripts, so this sits beside them)."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def median_time(function: Callable[[], object], runs: int = 5) -> float:
    """Median wall-clock seconds of ``runs`` calls of ``function``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child process.

    ``PYTHONDONTWRITEBYTECODE`` is dropped: pip compiles an installed package's bytecode at
    install time, but a child run from this checkout with that variable set would compile
    every module again at every start (~35 ms here), a cost no user pays.
    """
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
