"""The article pane: one article in a :class:`~reader.ui.widgets.piece_view.PieceView`.

The view lays the article's pieces out lazily and paints their spans
(:mod:`reader.ui.widgets.piece_view`); this class says what is shown: the article with its
figures, then its names, the find matches, the current key figure and a marked search hit,
and it tells the screen when the reader (not the pane) scrolled.

Every colour is a component class styled in ``reader.tcss`` from theme variables; turning
highlights off is the ``-plain`` class, which the stylesheet maps to plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, get_args

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive

from reader.model import Article, Entity, EntityType, Figure, FigureKind, KeyFigure, Located
from reader.ui.widgets.article_layout import Role, article_pieces, block_pieces
from reader.ui.widgets.article_paint import find_matches
from reader.ui.widgets.article_places import piece_position, span_piece
from reader.ui.widgets.piece_view import PieceView

FIGURE_KINDS = get_args(FigureKind)
ENTITY_TYPES = get_args(EntityType)


class ArticleView(PieceView, can_focus=True):
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

    # -- content ---------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        figures: Sequence[Located[Figure]] = (),
        after_paint: Callable[[], object] | None = None,
        position: tuple[int, int] | None = None,
        entities: Sequence[Located[Entity]] = (),
    ) -> None:
        """Show ``article`` with its figures highlighted (and its names when they are known
        already, else they come later), from its top or from ``position`` (a
        :meth:`reading_position` kept from an earlier visit).

        ``after_paint`` is called once the article has been laid out and painted (on the
        first resize if the pane has no size yet): slow work waits for it.
        """
        self._after_paint = after_paint
        self.article = article
        self.pieces = article_pieces(article)
        self.figures = list(figures)
        self.entities = list(entities)
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
        """Add the full annotations over the text as it is laid out.

        A figure or name is never split across two lines: if a line break falls inside a new
        one, the article is laid out again from there, keeping the line at the top of the
        view where it is (and the end in view at the end); else the lines stay as they are.
        """
        self.figures = list(figures)
        self.entities = list(entities)
        if self.lines:
            self._keep_whole()
        else:
            self._relayout(keep_position=True)  # not laid out yet: lay out with them

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

    def mark_first(self, text: str) -> bool:
        """Mark the first mention of ``text`` (as find matches it) and scroll to it."""
        found = find_matches(self.pieces, text)
        if not found:
            return False
        first = found[0]
        self.mark_span = (first.piece, first.start, first.end)
        self._reveal(first.piece, first.start)
        self._restyle()
        return True

    # -- scrolling ------------------------------------------------------------------------------

    def action_half_page(self, direction: int) -> None:
        """Scroll half a screen down (1) or up (-1)."""
        self.scroll_relative(y=direction * max(1, self.size.height // 2), animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._quiet and self.article is not None and round(old_value) != round(new_value):
            self._pending = None  # the reader's own place now
            self.post_message(self.Scrolled(self.article.id))

    def watch_highlights(self, highlights: bool) -> None:
        self.set_class(not highlights, "-plain")
