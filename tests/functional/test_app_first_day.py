"""Pilot tests for what a new user tripped over on a first day (issue #12): Enter on a
headline, ``n``/``N`` after the find bar is closed, panels on narrow terminals."""

from __future__ import annotations

import pytest

from reader.model import Article
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.summary_panel import SummaryPanel
from tests.helpers.apps import build_app

pytestmark = pytest.mark.asyncio


async def test_enter_on_a_headline_moves_focus_to_the_article(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        assert app.focused is headlines
        await pilot.press("down", "enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert app.focused is view
        assert view.article is not None and view.article.id == articles[1].id
        await pilot.press("j")  # the keys now scroll the article, not the list
        assert headlines.highlighted == 1


async def test_n_repeats_the_last_find_after_the_bar_is_closed(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("slash", *"亿元")
        bar = app.query_one(FindBar)
        total = len(view.matches)
        assert total > 3
        await pilot.press("escape")
        assert not bar.display and app.focused is view
        assert view.matches == []  # the highlights hide with the bar
        await pilot.press("n")
        assert len(view.matches) == total and view.current_match == 0
        await pilot.press("n", "n")
        assert view.current_match == 2
        await pilot.press("N")
        assert view.current_match == 1
        assert not bar.display  # n does not reopen the bar
        await pilot.press("slash")  # the query was never lost
        assert bar.input.value == "亿元"


async def test_capital_n_after_closing_goes_to_the_match_before(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("slash", *"亿元", "escape")
        await pilot.press("N")  # from the top: wraps to the last match
        assert view.current_match == len(view.matches) - 1


@pytest.mark.parametrize(
    ("size", "keys"), [((80, 24), ("s",)), ((60, 20), ("b", "s")), ((40, 20), ("b",))]
)
async def test_a_panel_with_no_room_opens_over_the_article(
    articles: list[Article], size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    app = build_app(articles)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            assert view.size.width >= 30  # never squeezed beside a panel
        screen = app.screen
        over = "-summary-over" if keys[-1] == "s" else "-sidebar-over"
        panel = app.query_one(SummaryPanel if keys[-1] == "s" else HeadlineList)
        assert screen.has_class(over) and panel.display
        assert "esc" in str(panel.border_title)  # says how to go back
        assert panel.region.width >= 30  # and is itself readable
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and app.focused is view
        assert not screen.has_class(over)


async def test_panels_stay_beside_the_article_when_there_is_room(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.has_class("-summary-over", "-sidebar-over")
        view = app.query_one(ArticleView)
        summary = app.query_one(SummaryPanel)
        assert view.region.right <= summary.region.x  # side by side, nothing covered
        await pilot.resize_terminal(80, 24)
        await pilot.press("b", "b")  # the sidebar fits beside at 80
        await pilot.pause()
        assert not app.screen.has_class("-sidebar-over") and view.size.width >= 30
        await pilot.resize_terminal(60, 20)
        await pilot.press("s", "b")  # a panel opened closes the one over the article
        await pilot.pause()
        assert app.query_one(HeadlineList).display and not summary.display
        assert view.size.width >= 30


async def test_bookmarked_and_unread_articles_are_listed_and_open(
    articles: list[Article],
) -> None:
    from textual.widgets import OptionList

    from reader.ui.screens.marked import MarkedScreen

    app = build_app(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("J", "J", "B")  # bookmark the third article
        await pilot.press("L")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MarkedScreen)
        assert [row.article_id for row in screen.rows] == [articles[2].id]
        await pilot.press("u")  # the unread ones, in sidebar order
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        unread = [a.id for a in articles if not app.state.is_read(a.id)]
        assert unread and [row.article_id for row in screen.rows] == unread
        listing = screen.query_one(OptionList)
        assert listing.option_count == len(unread)
        await pilot.press("escape", "K", "K")  # back to the first article
        await pilot.press("L")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == articles[2].id
        assert app.focused is view
        assert app.query_one(HeadlineList).highlighted == 2


async def test_the_palette_lists_the_unread_articles(articles: list[Article]) -> None:
    from reader.ui.screens.marked import MarkedScreen

    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Unread articles")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MarkedScreen) and app.screen.which == "unread"
