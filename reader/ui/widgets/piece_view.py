"""A line-API scroll view over pre-broken pieces of text, laid out lazily.

Rich's word wrap breaks Chinese in the wrong places, so the view never lets Rich wrap:
:mod:`reader.ui.widgets.article_layout` breaks the pieces into lines once per width, and
:meth:`PieceView.render_line` styles one line at a time (only the lines on screen are ever
rendered). A long text is laid out a screenful ahead of what is shown and the rest in
slices between events, so a 1 MB line opens as fast as a short story. A new layout (a new
width; new figures or names a line break falls inside, from the first such line on) keeps
the text at the top of the view, or the goal of a scroll under way, or the end. Text is put
in :class:`rich.text.Text` as plain text and styled from spans
(:mod:`reader.ui.widgets.article_paint`), never parsed as markup.

:class:`~reader.ui.widgets.article_view.ArticleView` is this view showing an article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from time import monotonic

from rich.style import Style
from textual.actions import SkipAction
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Entity, Figure, Located
from reader.ui.widgets.article_layout import Layout, Line, Piece, line_of
from reader.ui.widgets.article_paint import Match, Painter, PieceSpan, keep_spans
from reader.ui.widgets.article_places import reading_position
from reader.ui.widgets.theme_style import ACCENT_CONTRAST, BODY_CONTRAST, component_style

#: Lines laid out past the screen before the first paint (the rest of a long text
#: follows in slices of LAYOUT_SLICE seconds between events).
LAYOUT_AHEAD = 100
LAYOUT_SLICE = 0.03
#: Seconds between growths of the scrollable size while a long text is laid out.
LAYOUT_RESIZE_EVERY = 0.5
#: Code points above the top of the view broken again at once when names arrive; more (a
#: long text read far in) are broken between frames, then put in (see `_put_head`).
HEAD_AT_ONCE = 16_384
#: Pieces read as running text (held to body-text contrast).
BODY_ROLES = frozenset({"paragraph", "title", "byline"})


class PieceView(ScrollView):
    """Pieces of text with their highlights, marks and matches, laid out lazily."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pieces: list[Piece] = []
        self.lines: Sequence[Line] = []
        self.figures: list[Located[Figure]] = []
        self.entities: list[Located[Entity]] = []
        self.matches: list[Match] = []
        self.current_match: int | None = None
        self.key_span: PieceSpan | None = None
        self.mark_span: PieceSpan | None = None
        self._width = 0
        self._painter = Painter(self._component_style)
        self._strips: dict[int, Strip] = {}
        self._after_paint: Callable[[], object] | None = None
        self._pending: tuple[int, int] | None = None
        self._quiet = False

    def _component_style(self, name: str) -> Style:
        # Body text needs 4.5:1; figures are bold and names shaded, 3:1 is the WCAG floor.
        plain = name.removeprefix("article--") in BODY_ROLES
        return component_style(self, name, BODY_CONTRAST if plain else ACCENT_CONTRAST)

    # -- where the reader is -------------------------------------------------------------

    def top_position(self) -> tuple[int, int]:
        """The (piece, offset) at the top of the pane: what a resize must keep on screen."""
        if self._pending is not None:
            return self._pending  # not laid out yet: the place it will open at
        return self._line_at(round(self._scroll_goal()))

    def _scroll_goal(self) -> float:
        """Where the pane is going: the end of a scroll under way (``G`` glides for a
        second), else where it is. A relayout meanwhile (the names arrive) keeps the goal,
        not the place the glide had reached."""
        if self.app.animator.is_being_animated(self, "scroll_y"):
            return self.scroll_target_y
        return self.scroll_offset.y

    def reading_position(self) -> tuple[int, int]:
        """Where the reader is, as (block, offset): what to remember for the next visit
        (see :func:`~reader.ui.widgets.article_places.reading_position`)."""
        return reading_position(self.pieces, *self.top_position())

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """While open, the pane's own scrolling is not reported as the reader's."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def _line_at(self, y: int) -> tuple[int, int]:
        for index in range(max(0, y), len(self.lines)):  # no slice: a copy of 25,000 lines
            line = self.lines[index]
            if line.piece >= 0:
                return line.piece, line.start
        return 0, 0

    def _reveal(self, piece: int, offset: int) -> None:
        y = line_of(self.lines, piece, offset)  # lays out up to there if need be
        self._sync_size()
        if y is None:
            return
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= y < top + height:
            self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    # -- layout and rendering ---------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            # A new width needs new lines; a new height alone (the find bar opening) does
            # not, and laying a 1 MB line out again for it would cost a second.
            self._relayout(keep_position=True)
        elif self._pending is not None and self.lines:
            with self._quietly():
                anchor, self._pending = self._pending, None
                self._scroll_to_anchor(anchor, retry=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.forget_styles()
        self._restyle()

    def _repaint_highlights(self) -> None:
        """New figures or names over the same lines."""
        painter = self._painter
        painter.pieces, painter.figures, painter.entities = self.pieces, self.figures, self.entities
        painter.forget_highlights()
        self._restyle()

    def _keep_whole(self) -> None:
        """New figures or names over the lines laid out: lay out again from the first line
        that splits one (a figure or a name is never split), the top line keeping its
        first character; else only paint them, and keep them whole in the lines to come."""
        keep = keep_spans(self.pieces, self.figures, self.entities)
        lines = self.lines
        if not isinstance(lines, Layout):
            self._relayout(keep_position=True)
            return
        split = lines.splits(keep)
        if split is None:
            lines.rekeep(keep)
            self._repaint_highlights()
        else:
            self._relayout(keep_position=True, keep=keep, split=split)

    def _relayout(
        self,
        keep_position: bool,
        keep: dict[int, list[tuple[int, int]]] | None = None,
        split: int | None = None,
    ) -> None:
        with self._quietly():
            self._relayout_now(keep_position, keep, split)

    def _relayout_now(
        self,
        keep_position: bool,
        keep: dict[int, list[tuple[int, int]]] | None = None,
        split: int | None = None,
    ) -> None:
        """Lay the pieces out again, at a new width or with new spans to keep whole
        (``keep``, the spans of the pieces' figures and names if not given).

        With ``split`` (the first line that splits a span to keep, same width) the lines
        before it are kept, and a line starts where the top of the view was (lines above it
        broken again as they must, see :meth:`Layout.again`): the lines on screen change
        only from the first name or figure that moves down whole.
        """
        painter = self._painter  # shown for a new article or new annotations
        painter.pieces, painter.figures, painter.entities = self.pieces, self.figures, self.entities
        painter.forget_highlights()
        width = self.scrollable_content_region.width
        if width <= 0:
            self._width = 0  # lay out at the first resize that gives the pane a width
            return
        restoring = self._pending
        anchor = self.top_position() if keep_position and self.lines else restoring
        # At the end (or gliding there): the end stays on screen, whatever the new lines.
        at_end = keep_position and self._at_end()
        self._pending = None
        if keep is None:
            keep = keep_spans(self.pieces, self.figures, self.entities)
        old, head = self.lines, None
        if split and isinstance(old, Layout) and width == self._width and 0 < split <= len(old):
            top = anchor if restoring is None else None
            lines, head = self._laid_out_again(old, keep, split, top)
            if at_end and head is None:
                lines = old.again(keep, split - 1, None)  # no line need start at the top
            anchor = (head or lines).cut or anchor
        else:
            lines = Layout(self.pieces, width, keep)
        self._width = width
        if at_end:
            lines.extend()
        elif anchor is not None:
            lines.extend_to(*anchor)
        # A screenful past what is shown; a long article gets the rest in slices.
        lines.extend(len(lines) + LAYOUT_AHEAD + 2 * self.scrollable_content_region.height)
        self.lines = lines
        self.virtual_size = Size(width, len(self.lines))
        if not lines.complete:
            self.call_after_refresh(self._extend_layout, lines)
        self._restyle()
        if self._after_paint is not None:
            self.call_after_refresh(self._after_paint)
            self._after_paint = None
        if at_end:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)
        elif anchor is not None:
            self._scroll_to_anchor(anchor, retry=restoring is not None)
        if head is not None:
            self.call_after_refresh(self._put_head, lines, head)

    def _at_end(self) -> bool:
        """At the end of a text laid out whole, or gliding there."""
        lines = self.lines
        return (
            self._pending is None and isinstance(lines, Layout) and lines.complete
            and 0 < self.max_scroll_y <= round(self._scroll_goal())
        )

    def _laid_out_again(
        self,
        old: Layout,
        keep: dict[int, list[tuple[int, int]]],
        split: int,
        top: tuple[int, int] | None,
    ) -> tuple[Layout, Layout | None]:
        """``old`` laid out again with ``keep`` from line ``split`` less one, a line starting
        at ``top`` (the top of the view); and None, or when the lines from there to the top
        are many, the head that breaks those apart.

        The head is broken between frames (:meth:`_put_head`); the lines returned take the
        lines above the top as they were meanwhile, breaking again only from the top.
        """
        lines = old.again(keep, split - 1, top)
        if lines.cut is None:
            return lines, None
        line, (piece, offset) = old[split - 1], lines.cut
        between = sum(len(p.text) for p in self.pieces[line.piece : piece]) - line.start + offset
        if between <= HEAD_AT_ONCE:
            return lines, None
        top_line = old.line_of(piece, offset)
        assert top_line is not None
        return old.again(keep, top_line, lines.cut), lines

    def _put_head(self, lines: Layout, head: Layout) -> None:
        """Break the lines above the top of the view again, a slice between frames; then put
        them in place of the ones there, the view staying where it is (or at the end)."""
        if lines is not self.lines:
            return  # laid out again since (a new width, another article)
        assert head.cut is not None
        if not head.extend_to(*head.cut, seconds=LAYOUT_SLICE):
            self.call_after_refresh(self._put_head, lines, head)
            return
        with self._quietly():
            at_end, anchor = self._at_end(), self.top_position()
            lines.take_head(head)
            self._sync_size()
            self._restyle()
            if at_end:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)
            else:
                self._scroll_to_anchor(anchor, retry=False)

    def _scroll_to_anchor(self, anchor: tuple[int, int], retry: bool) -> None:
        """Bring the line showing ``anchor`` (piece, offset) to the top.

        With ``retry`` (a place to reopen at), a place not reachable yet (the footer is not
        mounted, so the pane is a line taller) stays pending: the next resize tries again,
        until the reader scrolls.
        """
        y = line_of(self.lines, *anchor)  # lays out up to there if need be
        self._sync_size()
        if y is None:
            return
        if y != round(self.scroll_offset.y):
            # Forced: on the first layout the scrollbar is not there yet, and without one
            # Textual ignores a scroll (the place to reopen at would be lost).
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        if retry and round(self.scroll_offset.y) < y:
            self._pending = anchor

    def _extend_layout(self, lines: Layout, sized_at: float = 0.0) -> None:
        """Lay out one more slice of a long article and queue the next for after the
        screen's next refresh, so frames and keys come between slices; stops when the
        article is replaced or laid out again.

        The scrollable size grows only now and then, or when the reader nears its end:
        each change lays out the whole screen again (the sidebar too).
        """
        if lines is not self.lines:
            return
        lines.extend(seconds=LAYOUT_SLICE)
        now = monotonic()
        near_end = self.scroll_offset.y + 3 * self.size.height >= self.virtual_size.height
        if lines.complete or near_end or now - sized_at >= LAYOUT_RESIZE_EVERY:
            self._sync_size()
            sized_at = now
        if not lines.complete:
            self.call_after_refresh(self._extend_layout, lines, sized_at)

    def _complete_layout(self) -> None:
        if isinstance(self.lines, Layout) and not self.lines.complete:
            self.lines.extend()
            self._sync_size()

    def _sync_size(self) -> None:
        if self._width > 0 and self.virtual_size.height != len(self.lines):
            self.virtual_size = Size(self._width, len(self.lines))

    def action_scroll_end(self) -> None:
        """To the end of the article, laying out what is left of a long one first."""
        if not self._allow_scroll:
            raise SkipAction()
        self._complete_layout()
        # Now, not after the next refresh as Textual's own does: the size is already
        # synced, and a scroll queued behind a 25,000-line relayout starts its animation
        # late, after whoever waits for animations (a test, a script) has stopped waiting.
        self.scroll_end(x_axis=self.scroll_y == self.is_vertical_scroll_end, immediate=True)

    def _restyle(self) -> None:
        painter = self._painter
        painter.matches, painter.current_match = self.matches, self.current_match
        painter.key_span, painter.mark_span = self.key_span, self.mark_span
        painter.forget_marks()
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width and self.pieces and width > 0:
            # The pane's first paint comes before its Resize event: laying out here puts the
            # article in the very first frame instead of the one after (the gutter is
            # stable, so the width does not change when the scrollbar appears).
            self._relayout(keep_position=True)
        index = round(self.scroll_offset.y) + y
        strip = self._strips.get(index)
        if strip is not None and strip.cell_length == width:
            return strip
        base = self.rich_style
        if not 0 <= index < len(self.lines) or self.lines[index].piece < 0:
            return Strip.blank(width, base)
        line = self.lines[index]
        text = self._painter.styled(line.piece).line(line.start, line.end)
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(segments).apply_style(base)
        strip = Strip.join([Strip.blank(line.indent, base), strip])
        strip = strip.extend_cell_length(width, base).crop(0, width)
        self._strips[index] = strip
        return strip
