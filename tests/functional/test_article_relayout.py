"""The article pane laid out again (the names arrive) while the reader moves keeps the goal.

A long article is shown with the fast figures first; the full annotations follow from a
worker and lay the pane out again. ``G`` glides to the end for a second: names arriving
meanwhile used to anchor the new lines at the place the glide had reached, so ``G`` stopped
halfway (seen with a 1 MB line, whose annotations take about as long as the glide).
"""

from __future__ import annotations

import pytest

from reader.model import Article
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


async def test_names_arriving_leave_every_line_where_it_was() -> None:
    """Cold start: the names come seconds after the text is read; keeping them whole
    then would pull words to the next line under the reader's eyes."""
    from reader.model import Entity, Located

    article = long_article()
    app = build_app([article], annotator=lambda a: plain_annotator(a).__class__())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.action_scroll_end()
        await pilot.wait_for_scheduled_animations()
        before = [(line.piece, line.start, line.end) for line in view.lines]
        # A three-hanzi name across each break between two lines of one paragraph.
        names = []
        for line, after in zip(view.lines, view.lines[1:], strict=False):
            piece = view.pieces[line.piece]
            if line.piece == after.piece and piece.block is not None and line.end >= 2:
                text = piece.text[line.end - 2 : line.end + 1]
                name = Entity(line.end - 2, line.end + 1, text, "person")
                names.append(Located(piece.block, name))
        assert len(names) > 20
        y = view.scroll_offset.y
        view.set_annotations(view.figures, names)
        await pilot.pause()
        assert view.entities == names  # shown...
        assert [(line.piece, line.start, line.end) for line in view.lines] == before
        assert view.scroll_offset.y == y  # ...and nothing moved
