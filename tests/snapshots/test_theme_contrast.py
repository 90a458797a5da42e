"""Every built-in theme keeps the reader legible, measured on its SVG screenshot.

Each run of text is compared with every background cell under it (WCAG contrast); the
threshold is 3:1 for every run and 4.5:1 for the body text (the colour most text is drawn
in, on the background it is most drawn on). The ``ansi-*`` themes are left out: they draw
in the terminal's own palette, which the SVG can only guess.
"""

from __future__ import annotations

from collections import Counter

import pytest
from textual.theme import BUILTIN_THEMES

from tests.helpers.apps import build_sample_page_app
from tests.helpers.svg_contrast import Run, text_runs

THEMES = sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi"))


def _failures(runs: list[Run]) -> list[str]:
    body, _ = Counter((run.fill, run.background) for run in runs).most_common(1)[0]
    return [
        f"{run.text[:16]!r} {run.fill} on {run.background}: {run.ratio:.2f}"
        for run in runs
        if run.ratio < 3 or ((run.fill, run.background) == body and run.ratio < 4.5)
    ]


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_every_builtin_theme_keeps_text_legible(size: tuple[int, int]) -> None:
    app = build_sample_page_app()
    failures: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            runs = text_runs(app.export_screenshot())
            assert len(runs) > 50, theme  # the article, headlines and summary are there
            bad = _failures(runs)
            if bad:
                failures[theme] = bad[:5]
    assert failures == {}


def test_contrast_of_known_colours() -> None:
    """The measure itself: black on white is 21:1, a colour on itself 1:1."""
    svg = (
        ".terminal-1-r1 { fill: #000000 }\n"
        '<rect fill="#ffffff" x="0" y="1.5" width="24.4" height="24.65" shape-rendering="x"/>\n'
        '<rect fill="#000000" x="24.4" y="1.5" width="24.4" height="24.65" shape-rendering="x"/>\n'
        '<text class="terminal-1-r1" x="0" y="20" textLength="48.8">示范</text>'
    )
    ratios = sorted(round(run.ratio, 1) for run in text_runs(svg))
    assert ratios == [1.0, 21.0]


VIEWS = [("F",), ("E", "down", "enter"), ("U",), ("ctrl+f", "产", "业"), ("question_mark",)]


@pytest.mark.asyncio
@pytest.mark.parametrize("keys", VIEWS, ids=["figures", "names", "unread", "search", "help"])
async def test_every_builtin_theme_keeps_the_views_legible(keys: tuple[str, ...]) -> None:
    """The box of each view over the reader (the reader dimmed behind it is not read)."""
    app = build_sample_page_app()
    failures: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = app.screen.query_one(".library-box, #search-box, #help-box").region
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            runs = [
                run for run in text_runs(app.export_screenshot())
                if box.contains(run.column, run.row)
            ]
            assert len(runs) > 5, theme
            bad = [f"{r.text[:16]!r} {r.fill} on {r.background}: {r.ratio:.2f}"
                   for r in runs if r.ratio < 3]
            if bad:
                failures[theme] = bad[:5]
    assert failures == {}
