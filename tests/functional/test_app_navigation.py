"""Pilot tests: moving through headlines, panes and the article, and fitting the terminal."""

from __future__ import annotations

import pytest

from reader.model import Article
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.summary_panel import KeyFigureList, SummaryPanel
from tests.helpers.apps import build_app as build

pytestmark = pytest.mark.asyncio


def screen_text(view: ArticleView) -> str:
    """The article lines on screen, as plain text."""
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def test_first_screen_shows_headlines_and_first_article(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        view = app.query_one(ArticleView)
        assert app.focused is headlines
        assert headlines.option_count == 4
        assert view.article is articles[0]
        # Figures are there from the fast pass, before (or without) the worker.
        assert any(loc.span.kind == "money" for loc in view.figures)
        assert "示范区项目建设提速" in screen_text(view)
        # The footer (mounted after the first frame) lists keys without any key pressed.
        from textual.widgets._footer import FooterKey

        assert {key.action for key in app.query(FooterKey)} >= {"find", "search_library"}


async def test_moving_in_sidebar_shows_article_at_once(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("j")
        assert view.article is articles[1]
        await pilot.press("down")
        assert view.article is articles[2]
        await pilot.press("k")
        assert view.article is articles[1]
        await pilot.press("G")
        assert view.article is articles[3]
        await pilot.press("g")
        assert view.article is articles[0]


async def test_next_and_previous_article_from_the_article_pane(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("tab")
        assert app.focused is view
        await pilot.press("J")
        assert view.article is articles[1]
        await pilot.press("J", "J", "J")  # stops at the last one
        assert view.article is articles[3]
        await pilot.press("K")
        assert view.article is articles[2]
        assert app.focused is view
        assert app.query_one(HeadlineList).highlighted == 2


async def test_tab_cycles_the_panes(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        order = []
        for _ in range(4):
            order.append(type(app.focused))
            await pilot.press("tab")
        assert order == [HeadlineList, ArticleView, KeyFigureList, HeadlineList]
        assert isinstance(app.focused, ArticleView)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, KeyFigureList)


async def test_scroll_keys_in_the_article(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("tab")
        height = view.scrollable_content_region.height
        assert view.virtual_size.height > 2 * height  # the long article scrolls

        async def y_after(*keys: str) -> int:
            await pilot.press(*keys)
            await pilot.pause()
            return round(view.scroll_offset.y)

        assert await y_after("j", "j", "down") == 3
        assert await y_after("k", "up") == 1
        assert await y_after("space") == 1 + height
        assert await y_after("shift+space") == 1
        assert await y_after("pagedown") == 1 + height
        assert await y_after("pageup") == 1
        assert await y_after("ctrl+d") == 1 + height // 2
        assert await y_after("ctrl+u") == 1
        assert await y_after("G") == view.max_scroll_y
        assert await y_after("g") == 0
        assert await y_after("end") == view.max_scroll_y
        assert await y_after("home") == 0


async def test_space_pages_the_article_from_the_sidebar(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.focused, HeadlineList)
        assert round(view.scroll_offset.y) == view.scrollable_content_region.height


async def test_panes_fold_to_fit_the_terminal(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        summary, headlines = app.query_one(SummaryPanel), app.query_one(HeadlineList)
        assert summary.display and headlines.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not summary.display and headlines.display
        assert app.screen.has_class("-no-summary")
        await pilot.press("s")  # a key brings it back
        await pilot.pause()
        assert summary.display
        await pilot.press("s")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not summary.display and not headlines.display
        await pilot.press("b")
        await pilot.pause()
        assert headlines.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert summary.display and headlines.display


async def test_resizing_keeps_the_reading_position(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press(*["j"] * 25)
        await pilot.pause()
        piece, offset = view.top_position()
        assert piece > 3
        for size in ((80, 24), (60, 20), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            top = view.lines[round(view.scroll_offset.y)]
            assert top.piece == piece
            assert top.start <= offset < max(top.end, offset + 1)


async def test_article_text_is_never_markup(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        shown = screen_text(app.query_one(ArticleView))
        assert "[bold]粗体[/bold]" in shown
        assert "[/x]" in shown
        assert "[link=https://example.com]链接[/link]" in shown
        assert "方括号 [b]不是[/b] 标记" in shown
        headline = app.query_one(HeadlineList).render_line(2).text
        assert "[b]不是[/b]" in headline


async def test_photo_item_shows_captions_and_credit_apart(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        view = app.query_one(ArticleView)
        assert [piece.role for piece in view.pieces] == ["caption", "credit"]
        assert "图片" in app.query_one(HeadlineList).render_line(4).text


async def test_highlights_toggle(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        y = next(y for y in range(20) if "亿元" in view.render_line(y).text)
        first = view.render_line(y)
        await pilot.press("h")
        await pilot.pause()
        assert not view.highlights and view.has_class("-plain")
        assert not app.query_one("#legend").display
        plain = view.render_line(y)
        assert plain.text == first.text and plain != first
        await pilot.press("h")
        assert view.highlights and app.query_one("#legend").display


async def test_mouse_reaches_headlines_key_numbers_and_footer(articles: list[Article]) -> None:
    app = build(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert await pilot.click(HeadlineList, offset=(4, 6))  # the fourth headline
        await pilot.pause()
        assert view.article is articles[3]
        assert await pilot.click(HeadlineList, offset=(4, 0))
        await pilot.pause()
        assert view.article is articles[0]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert await pilot.click(KeyFigureList, offset=(3, 1))  # the second key number
        await pilot.pause()
        keys = app.query_one(SummaryPanel).key_figures
        assert view.key_span is not None
        assert view.pieces[view.key_span[0]].block == keys[1].block
        assert view.key_span[1] == keys[1].figure.start
        from textual.widgets._footer import FooterKey

        find_key = next(key for key in app.query(FooterKey) if key.action == "find")
        assert await pilot.click(find_key)
        await pilot.pause()
        assert app.query_one("#find-bar").display
