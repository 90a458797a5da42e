"""Shared fixtures: temporary app directories, no blinking cursors, hand-built articles.

Every test gets its own data, config and cache directories through the environment
variables :mod:`reader.paths` reads, so no test touches the user's files or another
test's state. Input cursors never blink, so snapshots are the same on every run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from reader.model import Article
from reader.paths import CACHE_ENV, CONFIG_ENV, DATA_ENV

# CI must give the same verdict on the same code: there the property tests draw a fixed
# sequence of examples. Locally they explore new ones on every run (and the fuzz benchmark,
# benchmarks/bench_hostile.py, explores tens of thousands).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the data, config and cache directories at a fresh temporary folder."""
    dirs = {}
    for env, name in ((DATA_ENV, "data"), (CONFIG_ENV, "config"), (CACHE_ENV, "cache")):
        dirs[name] = tmp_path / name
        monkeypatch.setenv(env, str(dirs[name]))
    return dirs


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop every Input's cursor blinking (a blink mid-snapshot makes it flaky)."""
    from textual.widgets import Input

    original = Input._on_mount

    def mount_without_blink(self: Input, event: object) -> None:
        original(self, event)
        self.cursor_blink = False

    monkeypatch.setattr(Input, "_on_mount", mount_without_blink)


@pytest.fixture
def articles() -> list[Article]:
    """Four small made-up articles: a long one, one with markup-like text, a photo, a short one."""
    from tests.helpers.apps import sample_articles

    return sample_articles()
