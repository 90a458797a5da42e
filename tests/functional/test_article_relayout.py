"""The article pane laid out again when the names arrive, the reader's place kept.

A figure or name is never split across two lines. On a cold first visit the names come from
a worker after the first paint: one a line break falls inside lays the article out again
from there, the line at the top of the view staying at the top (its first character the
same), the end in view at the end, the find matches and the place reopened at kept; names
no break falls inside are only painted over the lines, which stay as they are.

A long article is shown with the fast figures first; ``G`` glides to the end for a second:
names arriving meanwhile used to anchor the new lines at the place the glide had reached, so
``G`` stopped halfway (seen with a 1 MB line, whose annotations take about as long as the
glide).
"""

from __future__ import annotations

import threading
from itertools import pairwise

import pytest

from reader.annotate.pipeline import figure_annotations
from reader.model import Annotations, Article, Entity, Located
from reader.ui.widgets.article_layout import Layout
from reader.ui.widgets.article_view import ArticleView
from tests.helpers.apps import build_app, make_article, plain_annotator

pytestmark = pytest.mark.asyncio


def long_article() -> Article:
    return make_article(
        1,
        [f"第{i}段：示范区新引进项目 {i} 个，投资 {i * 3} 亿元，增长 {i}.5%。" for i in range(400)],
        title="示范区长文",
    )


async def test_names_arriving_during_the_glide_to_the_end_keep_the_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.ui.widgets.piece_view as piece_view

    # A piece per slice between frames: laying the rest out again outlasts the glide, as
    # it does for a 1 MB line at full speed.
    monkeypatch.setattr(piece_view, "LAYOUT_SLICE", 0.0)
    article = long_article()
    app = build_app([article], annotator=lambda a: plain_annotator(a).__class__())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("G")  # lays the whole article out, then glides to its end
        await pilot.wait_for_scheduled_animations()
        await pilot.press("g")
        await pilot.wait_for_scheduled_animations()
        assert view.max_scroll_y > 300 and view.scroll_offset.y == 0
        view.action_scroll_end()  # G: the glide starts
        assert app.animator.is_being_animated(view, "scroll_y")
        await pilot.pause(0.3)  # the glide lasts a second: part of the way
        assert 0 < view.scroll_offset.y < view.max_scroll_y
        full = plain_annotator(article)
        view.set_annotations(full.figures, full.entities)  # the names arrive mid-glide
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert view.entities  # the names are shown...
        assert round(view.scroll_offset.y) == view.max_scroll_y  # ...and the end too
        last = view.lines[len(view.lines) - 1]
        assert last.end == len(view.pieces[last.piece].text)


async def test_names_arriving_mid_article_keep_the_line_at_the_top() -> None:
    article = long_article()
    app = build_app([article], annotator=lambda a: plain_annotator(a).__class__())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.scroll_to(y=60, animate=False, immediate=True)
        top = view.top_position()
        full = plain_annotator(article)
        view.set_annotations(full.figures, full.entities)
        await pilot.pause()
        assert view.top_position() == top


def figures_only(article: Article) -> Annotations:
    """The full annotations, the names left out (the tests bring their own)."""
    return Annotations(figures=figure_annotations(article))


def wrapping_article(paragraphs: int = 60) -> Article:
    """Paragraphs of four or five lines at 80 columns, so most breaks fall inside one."""
    return make_article(
        2,
        [
            f"第{i}段：示范区今年新引进项目 {i * 7} 个，投资总额约 {i * 12} 亿元，同比增长"
            f" {i}.5%，新建厂房 {i * 3} 万平方米。{'管委会负责人表示' * (1 + i % 3)}，将进一步"
            "做强产业链、做大产业集群、做优产业生态，推动园区高质量发展迈上新台阶。"
            for i in range(paragraphs)
        ],
        title="示范区项目建设提速",
    )


def kept_and_split(view: ArticleView) -> list[tuple[int, int, int]]:
    """The figures and names kept whole (short names) that a line of the view starts inside."""
    from rich.cells import cell_len

    from reader.ui.widgets.article_paint import keep_spans

    if isinstance(view.lines, Layout):
        view.lines.extend()
    starts = {(line.piece, line.start) for line in view.lines if line.piece >= 0}
    measure = view.lines.measure if isinstance(view.lines, Layout) else 0
    return [
        (piece, start, end)
        for piece, spans in keep_spans(view.pieces, view.figures, view.entities).items()
        for start, end in spans
        if cell_len(view.pieces[piece].text[start:end]) <= measure
        and any((piece, at) in starts for at in range(start + 1, end))
    ]


def names_across_breaks(view: ArticleView, skip: set[int] = frozenset()) -> list[Located[Entity]]:
    """A made-up three-character name over each break between two lines of a paragraph
    (laid out so far), but the breaks before the lines numbered in ``skip``."""
    names = []
    for y in range(1, len(view.lines)):
        line, after = view.lines[y - 1], view.lines[y]
        piece = view.pieces[line.piece]
        if y in skip or line.piece != after.piece or piece.block is None or line.end < 2:
            continue
        start = after.start - 2
        if start < line.start:
            continue
        text = piece.text[start : start + 3]
        names.append(Located(piece.block, Entity(start, start + 3, text, "person")))
    return names


def top_line(view: ArticleView) -> tuple[int, int, str]:
    """The piece and offset of the line at the top of the view (the first with text) and
    its first character."""
    piece, start = view.top_position()
    return piece, start, view.pieces[piece].text[start : start + 1]


async def test_names_arriving_after_the_first_paint_are_never_split_the_top_line_stays() -> None:
    """Cold first visit: the names come from the worker after the text is on screen; a
    name across a line break lays the article out again, the top line where it was."""
    release, names = threading.Event(), []

    def slow_annotator(article: Article) -> Annotations:
        release.wait(timeout=10)  # the names come seconds after the first paint
        return Annotations(figures=figure_annotations(article), entities=list(names))

    article = wrapping_article()
    app = build_app([article], annotator=slow_annotator)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        for _ in range(3):
            await pilot.press("pagedown")  # the reader reads on
        await pilot.pause()
        assert view.scroll_offset.y > 30 and not view.entities
        before, top, y = view.lines, top_line(view), round(view.scroll_offset.y)
        shown = [view.render_line(row).text for row in range(view.size.height)]
        # Names over every break laid out, on screen and above it, but the one just above
        # the top line (a line starting inside a name cannot stay as it is).
        names.extend(names_across_breaks(view, skip={y}))
        assert len(names) > 20
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.entities == names  # the names are shown...
        assert view.lines is not before  # ...laid out again...
        assert not kept_and_split(view)  # ...none split across two lines...
        assert top_line(view) == top  # ...and the top line starts where it did
        now = [view.render_line(row).text for row in range(view.size.height)]
        assert now[0].strip()[:1] == shown[0].strip()[:1] == top[2]  # as the reader sees it
        assert now != shown  # the names on screen moved down whole


async def test_a_top_line_that_started_inside_a_name_starts_with_the_name() -> None:
    article = wrapping_article()
    app = build_app([article], annotator=figures_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.scroll_to(y=41, animate=False, immediate=True)
        await pilot.pause()
        y = round(view.scroll_offset.y)
        while view.lines[y].piece != view.lines[y - 1].piece:
            y += 1  # a line that goes on from the one above
        view.scroll_to(y=y, animate=False, immediate=True)
        await pilot.pause()
        piece, start, _char = top_line(view)
        block = view.pieces[piece].block
        name = next(
            n for n in names_across_breaks(view) if (n.block, n.span.start) == (block, start - 2)
        )
        view.set_annotations(view.figures, [name])
        await pilot.pause()
        assert not kept_and_split(view)
        assert top_line(view)[:2] == (piece, start - 2)  # the whole name at the top


async def test_names_no_break_falls_inside_leave_the_lines_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Names that fit within the lines laid out are painted over them: the same lines (not
    laid out again), nothing moved; the lines laid out after keep them whole too."""
    from reader.ui.widgets.article_paint import keep_spans
    from reader.ui.widgets.piece_view import PieceView

    # The rest of the article is not laid out in the background: it is still to come.
    monkeypatch.setattr(PieceView, "_extend_layout", lambda self, lines, sized_at=0.0: None)
    article = wrapping_article(400)
    app = build_app([article], annotator=figures_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.scroll_to(y=30, animate=False, immediate=True)
        await pilot.pause()
        lines = view.lines
        assert isinstance(lines, Layout) and not lines.complete
        laid_out, y = list(lines), view.scroll_offset.y
        # A name inside each line of the screen, clear of its ends...
        names, rows = [], {}
        for row, line in enumerate(view.lines[30 : 30 + view.size.height]):
            piece = view.pieces[line.piece] if line.piece >= 0 else None
            if piece is None or piece.block is None:
                continue
            # Three hanzi clear of the line's ends (and of the figures).
            for start in range(line.start + 1, line.end - 4):
                text = piece.text[start : start + 3]
                if all("\u4e00" <= char <= "\u9fff" for char in text):
                    names.append(Located(piece.block, Entity(start, start + 3, text, "person")))
                    rows[row] = text
                    break
        assert len(names) > 10
        # ...and one over each break of the last paragraphs, not laid out yet.
        whole = Layout(view.pieces, lines.width, keep_spans(view.pieces, view.figures, []))
        whole.extend()
        tail = [line for line in whole if line.piece >= len(view.pieces) - 20]
        for line, after in pairwise(tail):
            if line.piece == after.piece:
                block = view.pieces[line.piece].block
                text = view.pieces[line.piece].text[after.start - 2 : after.start + 1]
                name = Entity(after.start - 2, after.start + 1, text, "person")
                names.append(Located(block, name))
        assert len(names) > 40
        view.set_annotations(view.figures, names)
        await pilot.pause()
        assert view.lines is lines and list(view.lines)[: len(laid_out)] == laid_out
        assert view.scroll_offset.y == y
        # Painted all the same: each name's cells are styled apart from the text around.
        for row, text in rows.items():
            segments = list(view.render_line(row))
            plain = segments[1].style  # after the indent
            assert any(seg.text == text and seg.style != plain for seg in segments), text
        assert not kept_and_split(view)  # the lines laid out since keep them whole


async def test_names_arriving_at_the_end_keep_the_end() -> None:
    article = wrapping_article()
    app = build_app([article], annotator=figures_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("G")
        await pilot.wait_for_scheduled_animations()
        names = names_across_breaks(view)
        view.set_annotations(view.figures, names)
        await pilot.pause()
        assert not kept_and_split(view)
        assert round(view.scroll_offset.y) == view.max_scroll_y  # the end still in view
        last = view.lines[len(view.lines) - 1]
        assert last.end == len(view.pieces[last.piece].text)


async def test_names_arriving_keep_the_find_matches_and_the_place_reopened_at() -> None:
    """An article reopened at its place (from an earlier visit), a find under way: the
    names arrive; the place and the current match stay on screen, n goes on from it."""
    article = wrapping_article()
    app = build_app([article], annotator=figures_only)
    app.state.set_position(article.id, 40, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.reading_position() == (40, 0)
        current, total = view.set_query("亿元")
        assert current is not None and total > 50
        match = view.matches[current]
        view.set_annotations(view.figures, names_across_breaks(view))
        await pilot.pause()
        assert not kept_and_split(view)
        assert view.reading_position() == (40, 0)
        assert view.current_match == current and view.matches[current] == match
        y = view.lines.line_of(match.piece, match.start)
        top = round(view.scroll_offset.y)
        assert y is not None and top <= y < top + view.size.height
        assert view.step_match(1) == (current + 1, total)


def split_on_screen(view: ArticleView) -> list[tuple[int, int, int]]:
    """Like :func:`kept_and_split`, for the lines on screen only (nothing laid out more)."""
    from reader.ui.widgets.article_paint import keep_spans

    top = round(view.scroll_offset.y)
    shown = view.lines[top : top + view.size.height]
    starts = {(line.piece, line.start) for line in shown[1:] if line.piece >= 0}
    return [
        (piece, start, end)
        for piece, spans in keep_spans(view.pieces, view.figures, view.entities).items()
        for start, end in spans
        if any((piece, at) in starts for at in range(start + 1, end))
    ]


@pytest.mark.parametrize("place", ["middle", "end"])
async def test_far_into_a_long_text_the_lines_above_the_top_are_broken_again_after(
    monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    """Far into a long text, breaking every line above the top again would hold the screen
    (half a second at the end of a 1 MB line): the screen is laid out again at once, the
    lines above it between frames and put in after, the view not moving."""
    import reader.ui.widgets.piece_view as piece_view

    monkeypatch.setattr(piece_view, "HEAD_AT_ONCE", 200)  # this article counts as long
    article = wrapping_article()
    app = build_app([article], annotator=figures_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        if place == "end":
            await pilot.press("G")
            await pilot.wait_for_scheduled_animations()
        else:
            view.scroll_to(y=120, animate=False, immediate=True)
        await pilot.pause()
        y = round(view.scroll_offset.y)
        top = top_line(view)
        names = names_across_breaks(view, skip={view.lines.line_of(*top[:2])})
        view.set_annotations(view.figures, names)
        # At once: the screen is right, the lines above it still as they were.
        assert not split_on_screen(view)
        assert top_line(view) == top and round(view.scroll_offset.y) == y
        above = [(line.piece, line.start) for line in view.lines[: y - 1] if line.piece >= 0]
        assert any((1 + name.block, name.span.start + 2) in above for name in names)
        for _ in range(100):  # a slice a frame: one or two here, more on a loaded machine
            await pilot.pause()
            if round(view.scroll_offset.y) != y:
                break
        # Between frames: the lines above broken again and put in, the view where it was.
        assert not kept_and_split(view)
        assert top_line(view) == top
        assert round(view.scroll_offset.y) > y  # the names above pushed the lines down
        if place == "end":
            assert round(view.scroll_offset.y) == view.max_scroll_y
