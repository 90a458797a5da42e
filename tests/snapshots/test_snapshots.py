"""Snapshot tests of the reader on the sample page (pytest-textual-snapshot).

Each docstring says what the SVG must show; look at the SVG before running
``--snapshot-update``. Shots are deterministic: fixed theme, temporary data dir, no cursor
blink (conftest), and every worker (annotations, search) finished before the shot.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from tests.helpers.apps import build_sample_page_app


def settle_then(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the annotations, press ``keys``, and wait for every worker again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_main_screen_wide(snap_compare) -> None:
    """At 120×40: headlines on the left (first story highlighted, unread ones marked ●, the
    photo item and the caption tagged 图片/图注), the first story in the middle with its
    kicker, centred title, byline, body broken between hanzi with no ragged gaps, figures
    coloured by kind and names shaded, none split across two lines (赵适剑 and 李峥 whole,
    though the names come after the first paint), the legend under it, and the key numbers and names
    grouped by type with counts on the right; the footer lists the main keys."""
    assert snap_compare(build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then())


def test_main_screen_narrow(snap_compare) -> None:
    """At 80×24 the summary panel has folded away: headlines and the article only, the
    article re-broken at the narrower measure, no line wider than the pane."""
    assert snap_compare(build_sample_page_app(), terminal_size=(80, 24), run_before=settle_then())


def test_find_bar_with_matches(snap_compare) -> None:
    """The find bar under the article holds 高新区 with the counter at 2/N; every match in
    the article is shaded and the second (the current one) stands out."""
    keys = ("slash", "高", "新", "区", "enter")
    assert snap_compare(
        build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then(*keys)
    )


def test_library_search_results(snap_compare) -> None:
    """The library search box over the main screen, query 产业, listing several articles:
    each with its headline in bold, its hit count, and a snippet with 产业 marked."""
    keys = ("ctrl+f", "产", "业")
    assert snap_compare(
        build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then(*keys)
    )


def test_help_screen(snap_compare) -> None:
    """The help screen lists every key grouped by where it works (Anywhere, Reader,
    Headlines, Article, Summary panel), with a description for each."""
    assert snap_compare(
        build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then("question_mark")
    )


def test_figures_view(snap_compare) -> None:
    """The figures view over the main screen, filtered to ``money >=50亿``: the filter line
    holds the query, the status says how many figures and "largest value first", and the
    table lists amounts from 5000亿元 down to 50亿元, each with the figure as written, its
    kind (金额 money), a label from its sentence and its article's headline cut with an
    ellipsis; no column runs into the next, the hanzi are not cut in half."""
    keys = ("F", *"money", "space", *">=50亿")
    assert snap_compare(
        build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then(*keys)
    )


def test_entities_view(snap_compare) -> None:
    """The names view over the main screen: the table of people, places and organisations
    of the sample page (most named first, with their type in Chinese and the number of
    articles naming each), the first name chosen, and on the right the headlines of the
    articles naming it, the first highlighted; the status line names the choice and its
    article count."""
    keys = ("E", "down", "enter")
    assert snap_compare(
        build_sample_page_app(), terminal_size=(120, 40), run_before=settle_then(*keys)
    )


def test_main_screen_light_theme(snap_compare) -> None:
    """At 120×40 in textual-light: the same screen as the wide one, every line dark on
    light; the lines holding figures and names are drawn in the body's dark colour (not
    white on grey), figures coloured by kind, names on pale shades, headline kickers and
    summary labels in italics."""
    app = build_sample_page_app(theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle_then())
