"""The article pane: a line-API scroll view over pre-broken lines.

Rich's word wrap breaks Chinese in the wrong places, so the pane never lets Rich wrap:
:mod:`reader.ui.widgets.article_layout` breaks the pieces into lines once per width, and
:meth:`ArticleView.render_line` styles one line at a time (only the lines on screen are ever
rendered). A long article is laid out a screenful ahead of what is shown and the rest in
slices between events, so a 1 MB line opens as fast as a short story. Article text is put
in :class:`rich.text.Text` as plain text and styled from spans, never parsed as markup.

Every colour is a component class styled in ``reader.tcss`` from theme variables; turning
highlights off is the ``-plain`` class, which the stylesheet maps to plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from time import monotonic
from typing import ClassVar, get_args

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article, Entity, EntityType, Figure, FigureKind, KeyFigure, Located
from reader.ui.widgets.article_layout import (
    Layout,
    Line,
    Piece,
    Role,
    article_pieces,
    block_pieces,
    line_of,
    piece_position,
    reading_position,
    span_piece,
)
from reader.ui.widgets.article_paint import Match, Painter, PieceSpan, find_matches, keep_spans

FIGURE_KINDS = get_args(FigureKind)
ENTITY_TYPES = get_args(EntityType)

#: Lines laid out past the screen before the first paint (the rest of a long article
#: follows in slices of LAYOUT_SLICE seconds between events).
LAYOUT_AHEAD = 100
LAYOUT_SLICE = 0.03
#: Seconds between growths of the scrollable size while a long article is laid out.
LAYOUT_RESIZE_EVERY = 0.5


class ArticleView(ScrollView, can_focus=True):
    """Shows one article, its highlights, find matches and the current key figure."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Line down", show=False, id="article.line-down"),
        Binding("k,up", "scroll_up", "Line up", show=False, id="article.line-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="article.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page-up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="article.half-down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="article.half-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article--{role}" for role in get_args(Role)),
        *(f"article--figure-{kind}" for kind in FIGURE_KINDS),
        *(f"article--entity-{kind}" for kind in ENTITY_TYPES),
        "article--match",
        "article--match-current",
        "article--key-current",
        "article--mark",
    }

    highlights: reactive[bool] = reactive(True)
    """Whether figures and names are highlighted (find matches always are)."""

    @dataclass
    class Scrolled(Message):
        """The reader scrolled the article (not the pane keeping or restoring its place)."""

        article_id: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.pieces: list[Piece] = []
        self.lines: Sequence[Line] = []
        self.figures: list[Located[Figure]] = []
        self.entities: list[Located[Entity]] = []
        self.matches: list[Match] = []
        self.current_match: int | None = None
        self.key_span: PieceSpan | None = None
        self.mark_span: PieceSpan | None = None
        self._width = 0
        self._painter = Painter(lambda name: self.get_component_rich_style(name, partial=True))
        self._strips: dict[int, Strip] = {}
        self._after_paint: Callable[[], object] | None = None
        self._pending: tuple[int, int] | None = None
        self._quiet = False

    # -- content ---------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        figures: Sequence[Located[Figure]] = (),
        after_paint: Callable[[], object] | None = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        """Show ``article`` with its figures highlighted (names come later), from its top
        or from ``position`` (a :meth:`reading_position` kept from an earlier visit).

        ``after_paint`` is called once the article has been laid out and painted (on the
        first resize if the pane has no size yet): slow work waits for it.
        """
        self._after_paint = after_paint
        self.article = article
        self.pieces = article_pieces(article)
        self.figures = list(figures)
        self.entities = []
        self.matches, self.current_match = [], None
        self.key_span = self.mark_span = None
        self._pending = piece_position(self.pieces, *position) if position is not None else None
        self.lines = []
        with self._quietly():
            self.scroll_to(y=0, animate=False, immediate=True)
        self._relayout(keep_position=False)

    def set_annotations(
        self, figures: Sequence[Located[Figure]], entities: Sequence[Located[Entity]]
    ) -> None:
        """Add the full annotations; the reading position stays where it is."""
        self.figures = list(figures)
        self.entities = list(entities)
        self._relayout(keep_position=True)

    # -- find --------------------------------------------------------------------------------

    def set_query(self, query: str) -> tuple[int | None, int]:
        """Highlight every match of ``query``; the current one is the first on screen or after.

        Returns ``(current index or None, total)`` for the counter.
        """
        self.matches = find_matches(self.pieces, query)
        self.current_match = None
        if self.matches:
            top = self._line_at(round(self.scroll_offset.y))
            self.current_match = 0
            for index, match in enumerate(self.matches):
                if (match.piece, match.end) > top:
                    self.current_match = index
                    break
            self._reveal(
                self.matches[self.current_match].piece, self.matches[self.current_match].start
            )
        self._restyle()
        return self.current_match, len(self.matches)

    def step_match(self, step: int) -> tuple[int | None, int]:
        """Move to the next (``step=1``) or previous (``-1``) match, wrapping around."""
        if not self.matches:
            return None, 0
        current = -1 if self.current_match is None and step > 0 else (self.current_match or 0)
        self.current_match = (current + step) % len(self.matches)
        match = self.matches[self.current_match]
        self._reveal(match.piece, match.start)
        self._restyle()
        return self.current_match, len(self.matches)

    def clear_query(self) -> None:
        """Forget the find matches."""
        self.matches, self.current_match = [], None
        self._restyle()

    # -- marks ------------------------------------------------------------------------------

    def show_key_figure(self, key: KeyFigure) -> None:
        """Mark ``key`` as the current key figure and scroll to it."""
        piece = block_pieces(self.pieces).get(key.block)
        if piece is None:
            return
        self.key_span = (piece, key.figure.start, key.figure.end)
        self._reveal(piece, key.figure.start)
        self._restyle()

    def mark_block_span(self, block: int | None, start: int, end: int, where: str = "body") -> None:
        """Mark a span (a library search hit) and scroll to it.

        ``block`` indexes ``Article.blocks`` for body hits; for other places (``where`` is a
        piece role such as ``title`` or ``caption``) the n-th piece of that role is used.
        """
        piece = span_piece(self.pieces, block, where)
        if piece is None:
            return
        self.mark_span = (piece, start, end)
        self._reveal(piece, start)
        self._restyle()

    # -- scrolling ------------------------------------------------------------------------------

    def action_half_page(self, direction: int) -> None:
        """Scroll half a screen down (1) or up (-1)."""
        self.scroll_relative(y=direction * max(1, self.size.height // 2), animate=False)

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
        (see :func:`~reader.ui.widgets.article_layout.reading_position`)."""
        return reading_position(self.pieces, *self.top_position())

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """While open, the pane's own scrolling is not reported as the reader's."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._quiet and self.article is not None and round(old_value) != round(new_value):
            self._pending = None  # the reader's own place now
            self.post_message(self.Scrolled(self.article.id))

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

    def watch_highlights(self, highlights: bool) -> None:
        self.set_class(not highlights, "-plain")

    def _relayout(self, keep_position: bool) -> None:
        with self._quietly():
            self._relayout_now(keep_position)

    def _relayout_now(self, keep_position: bool) -> None:
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
        at_end = (
            keep_position and restoring is None and isinstance(self.lines, Layout)
            and self.lines.complete and 0 < self.max_scroll_y <= round(self._scroll_goal())
        )
        self._pending = None
        self._width = width
        lines = Layout(self.pieces, width, keep_spans(self.pieces, self.figures, self.entities))
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
