"""Pilot tests: find in the article (/), library search (ctrl+f) and key figures (] [)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from reader.model import Article
from reader.search.match import SearchHit
from reader.ui.screens.search import SearchScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar, FindInput
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.summary_panel import KeyFigureList, SummaryPanel
from tests.helpers.apps import build_app, make_article

pytestmark = pytest.mark.asyncio


async def test_find_highlights_as_you_type_and_counts(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert not app.query(FindBar)  # mounted on first use
        await pilot.press("slash")
        bar = app.query_one(FindBar)
        assert bar.display and isinstance(app.focused, FindInput)
        await pilot.press("示")  # typed hanzi, as an IME commits them
        expected = sum(piece.text.count("示") for piece in view.pieces)
        assert len(view.matches) == expected
        assert bar.counter == f"1/{expected}"
        await pilot.press("范", "区")
        total = sum(piece.text.count("示范区") for piece in view.pieces)
        assert total > 3 and bar.counter == f"1/{total}"
        await pilot.press("enter")
        assert bar.counter == f"2/{total}" and view.current_match == 1
        await pilot.press("enter", "enter")
        assert bar.counter == f"4/{total}"
        await pilot.press("shift+enter")
        assert bar.counter == f"3/{total}"
        assert isinstance(app.focused, FindInput)  # still typing in the bar
        await pilot.press("escape")
        assert not bar.display and app.focused is view
        assert view.matches == []
        await pilot.press("slash")  # reopens with the query kept, ready to retype
        assert bar.display and bar.input.value == "示范区"
        assert bar.counter == f"1/{total}"


async def test_n_and_shift_n_move_between_matches(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        await pilot.press("slash", *"亿元")
        bar = app.query_one(FindBar)
        total = len(view.matches)
        view.focus()
        await pilot.press("n", "n")
        assert bar.counter == f"3/{total}"
        await pilot.press("N")
        assert bar.counter == f"2/{total}"
        await pilot.press("N", "N")  # wraps around to the last match
        assert bar.counter == f"{total}/{total}"
        assert app.focused is view
        match = view.matches[view.current_match or 0]
        top = round(view.scroll_offset.y)
        height = view.scrollable_content_region.height
        shown = [line.piece for line in view.lines[top : top + height]]
        assert match.piece in shown  # the current match is scrolled into view
        await pilot.press("escape")  # closes the bar from the article too
        assert not bar.display and view.matches == []


async def test_find_with_no_match_says_so(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"不存在的词")
        assert app.query_one(FindBar).counter == "0/0"
        await pilot.press("enter")
        assert app.query_one(FindBar).counter == "0/0"


async def test_find_follows_the_reader_to_the_next_article(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"企业")
        app.query_one(ArticleView).focus()
        await pilot.press("J", "J", "J")
        view = app.query_one(ArticleView)
        assert view.article is articles[3]
        assert app.query_one(FindBar).counter == "1/1"


async def test_library_search_opens_the_hit(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"研发中心")
        await app.workers.wait_for_complete()
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert [hit.article_id for hit in search.hits] == ["test-3"]
        await pilot.press("down", "enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert not isinstance(app.screen, SearchScreen)
        assert view.article is articles[2] and app.focused is view
        assert app.query_one(HeadlineList).highlighted == 2
        piece, start, end = view.mark_span or (None, 0, 0)
        assert piece is not None and view.pieces[piece].text[start:end] == "研发中心"


async def test_library_search_hit_in_body_scrolls_to_it(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        last = len(articles[0].blocks) - 1
        text = articles[0].blocks[last].text
        hit = SearchHit("test-1", "t", "body", last, 0, 4, text[:20], ((0, 4),), 1)
        app.reader.open_hit(hit)
        await pilot.pause()
        piece, _start, _end = view.mark_span or (None, 0, 0)
        assert piece is not None and view.pieces[piece].block == last
        top = round(view.scroll_offset.y)
        height = view.scrollable_content_region.height
        assert piece in [line.piece for line in view.lines[top : top + height]]


async def test_escape_closes_library_search(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "escape")
        assert not isinstance(app.screen, SearchScreen)
        assert app.query_one(ArticleView).article is articles[0]


async def test_key_figure_jumps_and_summary_choice(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        keys = app.query_one(SummaryPanel).key_figures
        assert len(keys) == 6
        in_order = sorted(keys, key=lambda key: (key.block, key.figure.start))

        def marked() -> tuple[int, int]:
            assert view.key_span is not None
            piece, start, _end = view.key_span
            block = view.pieces[piece].block
            assert block is not None
            return block, start

        await pilot.press("right_square_bracket")
        assert marked() == (in_order[0].block, in_order[0].figure.start)
        await pilot.press("right_square_bracket")
        assert marked() == (in_order[1].block, in_order[1].figure.start)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert marked() == (in_order[-1].block, in_order[-1].figure.start)
        # Choosing the fourth key number in the summary panel scrolls there and marks it.
        app.query_one(KeyFigureList).focus()
        await pilot.press("home", "down", "down", "down", "enter")
        await pilot.pause()
        assert marked() == (keys[3].block, keys[3].figure.start)
        top = round(view.scroll_offset.y)
        height = view.scrollable_content_region.height
        assert view.key_span[0] in [line.piece for line in view.lines[top : top + height]]


async def test_entities_arrive_for_the_article_shown(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j", "k", "k", "k")  # faster than the workers report
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.article is articles[0]
        assert view.entities and all(loc.span.text == "示范区" for loc in view.entities)
        summary = app.query_one(SummaryPanel)
        assert summary.key_figures
        assert all(key.figure.kind == "money" for key in summary.key_figures)


async def test_racing_through_headlines_annotates_only_what_stays(
    articles: list[Article],
) -> None:
    import threading

    from tests.helpers.apps import plain_annotator

    release = threading.Event()
    calls: list[str] = []

    def slow_annotator(article: Article):
        calls.append(article.id)
        release.wait(timeout=10)  # the first call holds the lock while the reader moves on
        return plain_annotator(article)

    app = build_app(articles, annotator=slow_annotator)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("j")
            await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls[0] == "test-1" and calls[-1] == "test-4"
        assert len(calls) < 4  # the articles passed over were never annotated
        assert app.query_one(ArticleView).article is articles[3]
        assert app.reader.annotations.keys() == {"test-1", "test-4"}


async def test_search_results_that_look_alike_show_date_and_file() -> None:
    """Two stories under one headline with the same opening: each result says its date and
    file (#12); a result like no other says nothing more."""
    from reader.model import Source

    same = "园区新增科技企业 40 家，研发中心同步投用。"
    one = make_article(1, [same], title="园区快讯", date="2024-05-06")
    two = make_article(2, [same, "另有 3 家落户。"], title="园区快讯", date="2024-05-07")
    two.source = Source("second-page.txt", 1, 9)
    other = make_article(3, ["光谷研发中心落成。"], title="光谷快讯")
    app = build_app([one, two, other])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", *"研发中心")
        await app.workers.wait_for_complete()
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        results = search.query_one("#search-results", OptionList)
        prompts = {hit.article_id: str(results.get_option_at_index(i).prompt)
                   for i, hit in enumerate(search.hits)}
        assert set(prompts) == {"test-1", "test-2", "test-3"}
        assert "2024-05-06 · made-up.txt" in prompts["test-1"]
        assert "2024-05-07 · second-page.txt" in prompts["test-2"]
        assert "·" not in prompts["test-3"]
