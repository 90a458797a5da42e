"""Pilot tests: the reading position kept per article, and when an article counts as read.

The position is (block, offset), the text at the top of the pane, not a scroll offset in
lines, so it comes back at another terminal size. An article counts as read once it has been
on screen for ``state.read_after`` seconds, or is scrolled, or ``m`` is pressed: holding
``J`` through the sidebar marks nothing. Delays are set per test, short or out of reach, so
no test waits more than a fraction of a second.
"""

from __future__ import annotations

import pytest

from reader.model import Article
from reader.state.user import State
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from tests.helpers.apps import build_app

pytestmark = pytest.mark.asyncio


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def reader_app(articles: list[Article], read_after: float = 60) -> ReaderApp:
    app = build_app(articles)
    app.state.read_after = read_after
    return app


def top_line(view: ArticleView) -> tuple[int, int, int]:
    """(piece, start, end) of the first text line at the top of the pane."""
    for line in view.lines[round(view.scroll_offset.y):]:
        if line.piece >= 0:
            return line.piece, line.start, line.end
    raise AssertionError("no text on screen")


# -- the reading position ---------------------------------------------------------------------


async def test_leaving_an_article_and_coming_back_keeps_the_place(
    articles: list[Article],
) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("space", "space")
        await settle(pilot)
        place, y = view.reading_position(), view.scroll_offset.y
        assert place[0] > 0 and y > 0  # well into the body
        await pilot.press("J")
        await settle(pilot)
        assert view.article is articles[1] and view.scroll_offset.y == 0
        await pilot.press("K")
        await settle(pilot)
        assert view.article is articles[0]
        assert view.reading_position() == place and view.scroll_offset.y == y
    # Kept as (block, offset) in the state file.
    assert State.load().position(articles[0].id) == place


async def test_quitting_and_reopening_shows_the_same_article_at_the_same_place(
    articles: list[Article],
) -> None:
    first = reader_app(articles)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "space")
        await settle(pilot)
        view = first.query_one(ArticleView)
        place, y = view.reading_position(), view.scroll_offset.y
        assert place[0] > 0
        await pilot.press("q")
    second = reader_app(articles)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = second.query_one(ArticleView)
        assert view.article is articles[0]
        assert view.reading_position() == place and view.scroll_offset.y == y


async def test_at_another_terminal_size_the_same_text_is_at_the_top(
    articles: list[Article],
) -> None:
    first = reader_app(articles)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "tab", "j", "j", "j")
        await settle(pilot)
        place = first.query_one(ArticleView).reading_position()
        block, offset = place
        assert block > 0
    for size in ((84, 30), (130, 30), (70, 20)):
        again = reader_app(articles)
        async with again.run_test(size=size) as pilot:
            await settle(pilot)
            view = again.query_one(ArticleView)
            piece, start, end = top_line(view)
            # The same block, and the top line holds the text that was at the top.
            assert view.pieces[piece].block == block
            assert start <= offset < end or start == offset


async def test_a_place_past_the_last_screenful_is_kept_for_a_smaller_terminal(
    articles: list[Article],
) -> None:
    first = reader_app(articles)
    async with first.run_test(size=(84, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "G", "k", "k", "k")  # near the end, in a small terminal
        await settle(pilot)
        place = first.query_one(ArticleView).reading_position()
    tall = reader_app(articles)
    async with tall.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        view = tall.query_one(ArticleView)
        # The article ends before that place reaches the top: as far down as it goes...
        assert view.scroll_offset.y == view.max_scroll_y > 0
    # ...and leaving without scrolling keeps the place, not where the big screen ended.
    assert State.load().position(articles[0].id) == place


async def test_an_article_never_scrolled_opens_at_its_top(articles: list[Article]) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "J", "K", "K")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is articles[0] and view.scroll_offset.y == 0


# -- when an article counts as read ------------------------------------------------------------


async def test_passing_through_with_J_marks_nothing(articles: list[Article]) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "J", "J")
        await settle(pilot)
        assert app.query_one(ArticleView).article is articles[3]
        headlines = app.query_one(HeadlineList)
        assert all(headlines.render_line(2 * n).text.startswith("●") for n in range(4))
    assert State.load().read == set()


async def _until(pilot, condition, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (a loaded machine fires timers late)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)


async def test_an_article_shown_long_enough_counts_as_read(articles: list[Article]) -> None:
    app = reader_app(articles, read_after=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _until(pilot, lambda: app.state.is_read(articles[0].id))
        assert app.state.is_read(articles[0].id)
        assert not app.query_one(HeadlineList).render_line(0).text.startswith("●")
    assert State.load().is_read(articles[0].id)


async def test_moving_on_cancels_the_timer(articles: list[Article]) -> None:
    app = reader_app(articles)  # the first article's delay is out of reach
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Long enough that J then K never take as long, even on a loaded machine.
        app.state.read_after = 2.0
        await pilot.press("J", "K")  # the second is left at once; the first stays
        await _until(pilot, lambda: app.state.is_read(articles[0].id))
        await pilot.pause(0.3)
        assert app.state.is_read(articles[0].id)
        assert not app.state.is_read(articles[1].id)


async def test_scrolling_counts_as_reading_at_once(articles: list[Article]) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.state.is_read(articles[0].id)
        await pilot.press("space")
        await pilot.pause()
        assert app.state.is_read(articles[0].id)


async def test_m_decides_and_neither_the_timer_nor_scrolling_overrules_it(
    articles: list[Article],
) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.state.read_after = 2.0  # J then m take far less, even on a loaded machine
        await pilot.press("J")
        await pilot.pause()  # the article comes through the sidebar's message
        assert app.query_one(ArticleView).article is articles[1]
        await pilot.press("m")  # marked read at once, the timer dropped
        assert app.state.is_read(articles[1].id)
        await pilot.press("m")
        await pilot.pause(2.3)
        await pilot.press("tab", "j")  # scroll the article pane
        await pilot.pause()
        assert not app.state.is_read(articles[1].id)


async def test_coming_back_to_a_place_is_not_reading(articles: list[Article]) -> None:
    app = reader_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "m")  # scrolled (read), then marked unread
        await pilot.pause()
        assert not app.state.is_read(articles[0].id)
        await pilot.press("J", "K")  # back at the same place: restored, not scrolled
        await settle(pilot)
        assert app.query_one(ArticleView).scroll_offset.y > 0
        assert not app.state.is_read(articles[0].id)
