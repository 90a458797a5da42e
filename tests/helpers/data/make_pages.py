"""Regenerate the test pages from ``stories.py``: ``python -m tests.helpers.data.make_pages``."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.data.stories import PAGE_A, PAGE_B
from tests.helpers.pagegen import layout_page

HERE = Path(__file__).parent
PAGES = {"page-a.txt": (PAGE_A, 7, 16.0), "page-b.txt": (PAGE_B, 11, 15.0)}


def main() -> None:
    for name, (stories, seed, width) in PAGES.items():
        (HERE / name).write_text(layout_page(stories, seed=seed, width=width), encoding="utf-8")


if __name__ == "__main__":
    main()
