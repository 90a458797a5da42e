"""Pilot tests for what a new user tripped over on a first day (issue #12): Enter on a
headline, ``n``/``N`` after the find bar is closed, panels on narrow terminals."""

from __future__ import annotations

import pytest

from reader.model import Article
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.headline_list import HeadlineList
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
