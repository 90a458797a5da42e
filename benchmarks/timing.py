"""Timing helpers shared by the benchmark scripts (run as scripts, so this sits beside them)."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any


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


def record_first_frame(stamps: dict[str, float], ready: Callable[[], bool]) -> None:
    """Patch ``App._display`` to stamp the first frame painted once ``ready()`` holds.

    Headless, the compositor still renders each frame and hands it to ``_display``, which
    only skips writing it: that call is the moment the frame exists.
    """
    from textual.app import App

    display = App._display

    def timed_display(self: App[object], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and "frame" not in stamps and ready():
            stamps["frame"] = time.time()
            # CPU seconds of this process so far: unlike wall time, not inflated by other
            # programs on a busy machine (or a virtual machine's stolen time).
            stamps["cpu"] = time.process_time()

    App._display = timed_display  # type: ignore[method-assign]


def reader_shows_content(app: Any) -> bool:
    """The reader has headlines in its sidebar and the article laid out in its pane."""
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.headline_list import HeadlineList

    views = app.query(ArticleView)
    lists = app.query(HeadlineList)
    return bool(views and views.first().lines and lists and lists.first().option_count)
