"""Hostile and broken input through the app: what reaches the screen, tiny terminals, lost files.

The app is built with :func:`reader.ui.app.make_app` on files of ``tests/data/bad/``, as the CLI
builds it. The annotator is the fast figure pass only (the NLP annotator has its own tests;
here it would only add jieba's load time). "On screen" is every cell the compositor would
send to the terminal: no cell may hold a character a terminal would obey.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.model import Annotations, Article
from reader.state import State
from reader.ui.app import ReaderApp, make_app
from reader.ui.article_view import ArticleView
from reader.ui.find_bar import FindBar
from reader.ui.headline_list import HeadlineList
from tests.data.make_bad import BAD, GOOD, PAGE, REFUSED
from tests.snapshot_apps.library import record_notifications

pytestmark = pytest.mark.asyncio

#: What a terminal would act on: C0 controls, DEL, C1 controls, bidi embeddings and overrides.
TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def figures_only(article: Article) -> Annotations:
    from reader.annotate import figure_annotations

    return Annotations(figures=list(figure_annotations(article)))


def build(paths: list[Path], notes: list[str] | None = None) -> ReaderApp:
    """The app on ``paths``; notifications are appended to ``notes`` when given."""
    app = make_app(paths, state=State.load(), theme="textual-dark", annotator=figures_only)
    if notes is not None:
        record_notifications(app, notes)
    return app


def screen_lines(app: ReaderApp) -> list[str]:
    """Every line of the screen as the terminal would get it (text of each cell)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def article_text(view: ArticleView) -> str:
    """Every line of the article pane, scrolled or not, as plain text."""
    return "\n".join(view.render_line(y).text for y in range(len(view.lines)))


# --- hostile content ---------------------------------------------------------------------------


async def test_hostile_article_shows_markup_literally_and_no_controls() -> None:
    app = build([BAD / "hostile.txt"])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        view = app.query_one(ArticleView)
        seen: list[str] = []
        for index in range(headlines.option_count):
            headlines.highlighted = index
            await app.workers.wait_for_complete()
            await pilot.pause()
            for line in screen_lines(app):
                assert not TERMINAL_CONTROLS.search(line), repr(line)
            text = article_text(view)  # every line of the article, scrolled into view or not
            assert not TERMINAL_CONTROLS.search(text.replace("\n", "")), repr(text)
            seen.append(text)
        shown = "".join(seen).replace(" ", "").replace("\n", "")
        assert "[bold]粗体[/bold]和[/x]" in shown
        assert "[link=file:///etc/passwd]点我[/link]" in shown
        assert "␛[31m红色␛[0m" in shown  # the escape is drawn, not obeyed
        assert "😀" in shown and "𠀀" in shown and "⼤学" in shown and "１０００" in shown


async def test_hostile_headlines_in_the_sidebar_are_drawn_safely() -> None:
    app = build([BAD / "hostile.txt"])
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert not any(TERMINAL_CONTROLS.search(line) for line in lines)
        screen = "\n".join(lines)
        assert "[bold]粗体[/bold]" in screen  # the first headline, literally


@pytest.mark.parametrize(("needle", "expected"), [("大", "⼤"), ("1000", "１０００")])
async def test_find_bar_finds_lookalikes(needle: str, expected: str) -> None:
    app = build([BAD / "hostile.txt"])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        view = app.query_one(ArticleView)
        # The article holding the PDF lookalikes: show each until its pieces have them.
        for index in range(headlines.option_count):
            headlines.highlighted = index
            await pilot.pause()
            if any(expected in piece.text for piece in view.pieces):
                break
        else:
            pytest.fail(f"no article shows {expected}")
        await pilot.press("slash", *needle)
        await pilot.pause()
        bar = app.query_one(FindBar)
        texts = [view.pieces[m.piece].text[m.start : m.end] for m in view.matches]
        assert expected in texts, texts
        assert bar.counter.endswith(f"/{len(view.matches)}") and view.matches


# --- broken files ------------------------------------------------------------------------------


async def test_corpus_folder_opens_the_good_files_and_names_every_bad_one() -> None:
    notes: list[str] = []
    app = build([BAD], notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        opened = {Path(a.source.path).name for a in app.library}
        assert opened == set(GOOD)
        for name in REFUSED:
            named = [n for n in notes if name in n]
            assert len(named) == 1 and "\n" not in named[0], (name, notes)
        await pilot.press("J", "J", "K")
        assert app.query_one(ArticleView).article is not None


async def test_a_file_deleted_after_loading_keeps_showing(tmp_path: Path) -> None:
    first = tmp_path / "第一 页.txt"
    second = tmp_path / "second.txt"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(PAGE.replace("科技园区", "软件园区"), encoding="utf-8")
    app = build([first, second])
    first.unlink()
    second.write_bytes(b"\x89PNG changed into an image")  # changed under the app's feet
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert "科技园区发展提速" in article_text(view)
        await pilot.press("J")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "软件园区发展提速" in article_text(view)
        await pilot.press("K", "slash", *"亿元", "escape", "ctrl+f", *"园区", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running


async def test_a_folder_of_many_files_opens(tmp_path: Path) -> None:
    from tests.data.make_bad import many_files

    many_files(tmp_path, 2000)
    app = build([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        assert headlines.option_count == len(app.library) >= 2000
        await pilot.press("G")
        assert headlines.highlighted == headlines.option_count - 1
        assert app.query_one(ArticleView).article is app.library[-1]


# --- the terminal ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(20, 8), (31, 10), (79, 24)])
async def test_tiny_terminals_do_not_crash(size: tuple[int, int]) -> None:
    app = build([BAD / "hostile.txt", BAD / "gbk.txt"])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in ("j", "tab", "space", "G", "g", "s", "b", "slash", "大", "escape", "J"):
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_lines(app)
        assert len(lines) == size[1]
        assert not any(TERMINAL_CONTROLS.search(line) for line in lines)


async def test_resizing_in_a_loop_does_not_crash() -> None:
    app = build([BAD / "hostile.txt", BAD / "gbk.txt"])
    sizes = [(20, 8), (200, 60), (33, 9), (120, 40), (21, 50), (99, 8), (80, 24), (25, 11)]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for round_ in range(3):
            for width, height in sizes:
                await pilot.resize_terminal(width, height)
                await pilot.press("j" if round_ % 2 else "space")
            await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert view.article is not None and view.lines
        assert app.screen.size == (100, 30)
        # Laid out again for the final width: every line fits the pane.
        width = view.scrollable_content_region.width
        assert all(view.render_line(y).cell_length <= view.size.width for y in range(10))
        assert max(cell_len(view.render_line(y).text.rstrip()) for y in range(10)) <= width
