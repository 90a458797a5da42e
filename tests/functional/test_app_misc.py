"""Pilot tests: palette, help, quitting, remembered state, bad files, the real sample page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article
from reader.state.user import State
from reader.ui.app import ReaderApp, make_app
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.summary_panel import SummaryPanel
from tests.helpers.apps import (
    SAMPLE_PAGE,
    build_app,
    build_sample_page_app,
    record_notifications,
)

pytestmark = pytest.mark.asyncio


async def test_palette_goes_to_an_article_by_headline(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"短讯")
        await pilot.pause(0.5)  # the palette debounces its search
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ArticleView).article is articles[3]
        assert app.query_one(HeadlineList).highlighted == 3


async def test_palette_toggles_highlights_and_switches_theme(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"toggle highlights")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert not view.highlights
        dark = view.render_line(4)
        await pilot.press("ctrl+p", *"theme: light")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert app.state.theme == "textual-light"
        light = view.render_line(4)
        assert light.text == dark.text and light != dark  # repainted in the new theme


async def test_help_is_generated_from_the_bindings(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-text").content)
        for binding in [*ReaderScreen.BINDINGS, *ArticleView.BINDINGS, *ReaderApp.BINDINGS]:
            assert binding.description in shown  # type: ignore[union-attr]
        assert "Next match" in shown and "Close find" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, ReaderScreen)


async def test_every_binding_has_a_description_and_id() -> None:
    from reader.ui.app import binding_owners

    owners = binding_owners()
    ids = []
    for owner in owners:
        for binding in owner.BINDINGS:
            assert binding.description, binding  # type: ignore[union-attr]
            assert binding.id, binding  # type: ignore[union-attr]
            ids.append(binding.id)  # type: ignore[union-attr]
    assert len(ids) == len(set(ids))


async def test_q_quits(articles: list[Article]) -> None:
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_read_marks_last_article_and_theme_are_remembered(articles: list[Article]) -> None:
    first = build_app(articles)
    first.state.read_after = 60  # only `m` marks here (the delay has its own tests)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m", "j")
        await pilot.pause()  # the article comes through the sidebar's message
        await pilot.press("m")
        await pilot.pause()
        first.theme = "textual-light"
        await pilot.pause()
    state = State.load()
    assert state.last_article == "test-2"
    assert state.is_read("test-1") and state.is_read("test-2") and not state.is_read("test-3")
    assert state.theme == "textual-light"

    second = build_app(articles, theme=None)
    async with second.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert second.theme == "textual-light"
        assert second.query_one(ArticleView).article is articles[1]
        headlines = second.query_one(HeadlineList)
        assert headlines.highlighted == 1
        assert headlines.render_line(4).text.startswith("●")  # test-3 still unread
        assert not headlines.render_line(0).text.startswith("●")
        await pilot.press("tab", "m")  # mark the article shown unread again
    assert not State.load().is_read("test-2")


async def test_a_file_that_cannot_be_read_is_named_and_the_rest_opens(tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    app = make_app([SAMPLE_PAGE, bad], state=State.load(), theme="textual-dark")
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.query_one(HeadlineList).option_count > 3
        assert any("broken.txt" in message for message in shown)


async def test_sample_page_first_paint_then_real_annotations() -> None:
    app = build_sample_page_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.article is not None and view.figures  # figures before the NLP stack
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.entities, "the worker's names reach the article"
        assert {loc.span.type for loc in view.entities} <= {"person", "place", "org"}
        summary = app.query_one(SummaryPanel)
        assert summary.key_figures
        await pilot.press("right_square_bracket")
        assert view.key_span is not None


async def test_annotation_failure_is_told_once_and_keys_still_work(
    articles: list[Article],
) -> None:
    def broken(article: Article):
        raise RuntimeError("no dictionary")

    app = build_app(articles, annotator=broken)
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("j", "j", "k", "k"):
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(ArticleView).article is articles[0]
        assert app.query_one(ArticleView).figures  # the fast figures still show
        assert [m for m in shown if "no dictionary" in m] == [shown[0]]
