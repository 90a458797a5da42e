"""Hostile and broken input through the app: what reaches the screen, tiny terminals, lost files.

The app is built with :func:`reader.ui.app.make_app` on files of
``tests/helpers/data/bad/``, as the CLI
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
from reader.state.user import State
from reader.ui.app import ReaderApp, make_app
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.find_bar import FindBar
from reader.ui.widgets.headline_list import HeadlineList
from tests.helpers.apps import record_notifications
from tests.helpers.data.make_bad import BAD, GOOD, PAGE, REFUSED

pytestmark = pytest.mark.asyncio

#: What a terminal would act on: C0 controls, DEL, C1 controls, bidi embeddings and overrides.
TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def figures_only(article: Article) -> Annotations:
    from reader.annotate.pipeline import figure_annotations

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
        # ⼤学 in the file is read as 大学 (radicals are unified when a file is read).
        assert "😀" in shown and "𠀀" in shown and "大学" in shown and "１０００" in shown


async def test_hostile_headlines_in_the_sidebar_are_drawn_safely() -> None:
    app = build([BAD / "hostile.txt"])
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert not any(TERMINAL_CONTROLS.search(line) for line in lines)
        screen = "\n".join(lines)
        assert "[bold]粗体[/bold]" in screen  # the first headline, literally


# The file's ⼤ (a Kangxi radical) is read as 大; full-width digits stay as printed.
@pytest.mark.parametrize(("needle", "expected"), [("大", "大"), ("1000", "１０００")])
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


# --- a 1 MB line ---------------------------------------------------------------------------


def pane_text(view: ArticleView) -> str:
    """What the article pane shows now (the lines in view), joined without spaces."""
    height = view.scrollable_content_region.height
    return "".join(view.render_line(y).text for y in range(height)).replace(" ", "")


async def test_a_long_piece_is_laid_out_as_far_as_asked_with_the_lines_of_a_whole_break() -> None:
    from reader.text.linebreak import break_lines
    from reader.ui.widgets.article_layout import Layout, Piece, measure_for
    from tests.helpers.data.make_bad import long_line

    text = long_line(200_000)
    pieces = [Piece("title", "题目"), Piece("paragraph", text, 0), Piece("paragraph", "尾。", 1)]
    keep = {1: [(m.start(), m.end()) for m in re.finditer("[0-9.]+(?:亿元|%)", text)]}
    layout = Layout(pieces, 80, keep)
    layout.extend(60)
    assert 60 <= len(layout) < 1000 and not layout.complete  # a screenful, not 5,000 lines
    first = len(layout)
    assert layout.line_of(1, 150_000) is not None  # finding a place lays out up to it
    assert first < len(layout) < 5000 and not layout.complete
    layout.extend()
    assert layout.complete
    body = [(ln.start, ln.end) for ln in layout if ln.piece == 1]
    assert body == break_lines(text, measure_for(80), keep[1])
    assert [ln.piece for ln in layout][-3:] == [1, -1, 2]
    y = layout.line_of(1, 150_000)
    assert y is not None and layout[y].start <= 150_000 < layout[y].end


async def test_a_styled_line_is_the_slice_of_the_styled_piece() -> None:
    import random

    from rich.console import Console
    from rich.style import Style
    from rich.text import Text

    from reader.ui.widgets.styled_piece import StyledPiece

    rng = random.Random(6)
    text = "高新区产业发展迅速，总投资1000亿元，同比增长15.5%。" * 20
    styles = [Style(color="red"), Style(bold=True), Style(underline=True), Style(), Style.null()]
    spans = []
    for _ in range(60):
        start = rng.randrange(len(text))
        spans.append((start, start + rng.randrange(0, 40), rng.choice(styles)))
    whole = Text(text, style="italic", end="")
    for start, end, style in spans:
        whole.stylize(style, start, end)
    styled = StyledPiece(text, "italic", spans)
    layered = StyledPiece(text, "italic", spans[:40]).over(spans[40:])  # matches over figures
    console = Console(width=200)
    for _ in range(200):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randrange(0, 50))
        expected = list(whole[start:end].render(console, end=""))
        assert list(styled.line(start, end).render(console, end="")) == expected
        assert list(layered.line(start, end).render(console, end="")) == expected


async def test_a_one_megabyte_line_opens_and_its_end_and_matches_are_reachable(
    tmp_path: Path,
) -> None:
    from tests.helpers.data.make_bad import long_line

    end_mark = "全文完ＥＮＤ"  # the text repeats itself: only this says the end is on screen
    text = long_line(1_000_000 - len(end_mark)) + end_mark
    path = tmp_path / "一行.txt"
    path.write_text(text, encoding="utf-8")
    app = build([path])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.article is not None
        (index, piece), *_ = [(i, p) for i, p in enumerate(view.pieces) if len(p.text) > 10**5]
        assert piece.text == text  # one piece: nothing lost, nothing added
        start = text[:12]
        assert start in pane_text(view)
        view.focus()

        await pilot.press("G")
        await pilot.wait_for_scheduled_animations()  # G scrolls smoothly
        await pilot.pause()
        last = view.lines[len(view.lines) - 1]
        assert (last.piece, last.end) == (index, len(text))  # laid out to the very end
        assert text[-30:].endswith(end_mark) and text[-30:] in pane_text(view)
        assert round(view.scroll_offset.y) == view.max_scroll_y > 20_000

        await pilot.press("g")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert round(view.scroll_offset.y) == 0 and start in pane_text(view)

        await pilot.press("slash", *"同比增长")
        await app.workers.wait_for_complete()
        await pilot.pause()
        total = text.count("同比增长")
        assert app.query_one(FindBar).counter == f"1/{total}"
        assert len(view.matches) == total > 20_000
        await pilot.press("shift+enter")  # back from the first match: round to the last
        await pilot.pause()
        assert app.query_one(FindBar).counter == f"{total}/{total}"
        last_match = view.matches[-1]
        assert text[last_match.start :].startswith("同比增长")
        y = view.lines.index(next(ln for ln in view.lines if ln.start <= last_match.start < ln.end))
        top = round(view.scroll_offset.y)
        assert top <= y < top + view.scrollable_content_region.height


# --- broken files ------------------------------------------------------------------------------


async def test_corpus_folder_opens_the_good_files_and_names_every_bad_one() -> None:
    notes: list[str] = []
    app = build([BAD], notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The same text in several encodings is one article (#12) that knows every file.
        opened = {Path(path).name for a in app.source.articles  # type: ignore[attr-defined]
                  for path in app.source.copies(a.id)}
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
    from tests.helpers.data.make_bad import many_files

    many_files(tmp_path, 2000)
    app = build([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        headlines = app.query_one(HeadlineList)
        assert headlines.option_count == len(app.source.articles) >= 2000  # type: ignore[attr-defined]
        await pilot.press("G")
        assert headlines.highlighted == headlines.option_count - 1
        assert app.query_one(ArticleView).article is app.source.articles[-1]  # type: ignore[attr-defined]


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


# --- user text in notifications and the command palette is never markup ---------------------


async def test_a_file_name_with_markup_is_named_literally_in_the_notification(
    tmp_path: Path,
) -> None:
    """Textual parses notifications as markup unless told not to: the name's ``[b]`` would
    turn bold and its ``[@click=…]`` would become an action to run."""
    name = "坏[@click=app.quit]文件[b].txt"
    bad = tmp_path / name
    bad.write_text("")
    good = tmp_path / "好.txt"
    good.write_text(PAGE, encoding="utf-8")
    app = build([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("B")  # a screen's own notification, through Widget.notify
        await pilot.pause()
        toasts = list(app._notifications)
        assert [n.message.split(":")[0] for n in toasts][1:] == ["Bookmarked."]
        assert [n.markup for n in toasts] == [False, False]
        assert name in toasts[0].message
        assert app.is_running


async def test_the_palette_shows_headlines_and_help_literally(tmp_path: Path) -> None:
    page = tmp_path / "[b]来源[i].md"
    page.write_text("---\ntitle: 方括号 [b]不是[/b] 粗体 [/x]\n---\n\n正文。\n", encoding="utf-8")
    app = build([page])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"方括号")
        await pilot.pause(0.5)  # the palette debounces its search
        shown = "\n".join(screen_lines(app))
        assert "Go to: 方括号 [b]不是[/b] 粗体 [/x]" in shown
        assert "[b]来源[i].md" in shown
