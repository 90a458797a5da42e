"""The article pane: a line-API scroll view over pre-broken lines.

Rich's word wrap breaks Chinese in the wrong places, so the pane never lets Rich wrap:
:mod:`reader.ui.article_layout` breaks every piece into lines once per width, and
:meth:`ArticleView.render_line` styles and slices one line at a time (only the lines on
screen are ever rendered). Article text is put in :class:`rich.text.Text` as plain text and
styled from spans, never parsed as markup.

Every colour is a component class styled in ``reader.tcss`` from theme variables; turning
highlights off is the ``-plain`` class, which the stylesheet maps to plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, get_args

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article, Entity, EntityType, Figure, FigureKind, KeyFigure, Located
from reader.search import find_in_text as find_spans
from reader.ui.article_layout import (
    Line,
    Piece,
    Role,
    article_pieces,
    block_pieces,
    layout_lines,
    line_of,
)

FIGURE_KINDS = get_args(FigureKind)
ENTITY_TYPES = get_args(EntityType)

#: Names up to this many code points are kept on one line (people, most places).
KEEP_MAX = 6


@dataclass(frozen=True, slots=True)
class Match:
    """A find match: ``piece`` indexes the pane's pieces; offsets are code points."""

    piece: int
    start: int
    end: int


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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.pieces: list[Piece] = []
        self.lines: list[Line] = []
        self.figures: list[Located[Figure]] = []
        self.entities: list[Located[Entity]] = []
        self.matches: list[Match] = []
        self.current_match: int | None = None
        self.key_span: tuple[int, int, int] | None = None
        self.mark_span: tuple[int, int, int] | None = None
        self._width = 0
        self._texts: dict[int, Text] = {}
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] | None = None
        self._after_paint: Callable[[], object] | None = None

    # -- content ---------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        figures: Sequence[Located[Figure]] = (),
        after_paint: Callable[[], object] | None = None,
    ) -> None:
        """Show ``article`` from its top with its figures highlighted (names come later).

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
        self._relayout(keep_position=False)
        self.scroll_to(y=0, animate=False, immediate=True)

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
        self.matches = []
        if query:
            for index, piece in enumerate(self.pieces):
                self.matches.extend(Match(index, s, e) for s, e in find_spans(piece.text, query))
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
        piece: int | None
        if block is not None and where in ("body", "block", "paragraph", "subhead"):
            piece = block_pieces(self.pieces).get(block)
        else:
            same_role = [i for i, p in enumerate(self.pieces) if p.role == where]
            piece = same_role[block or 0] if len(same_role) > (block or 0) else None
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
        return self._line_at(round(self.scroll_offset.y))

    def _line_at(self, y: int) -> tuple[int, int]:
        for line in self.lines[y:]:
            if line.piece >= 0:
                return line.piece, line.start
        return 0, 0

    def _reveal(self, piece: int, offset: int) -> None:
        y = line_of(self.lines, piece, offset)
        if y is None:
            return
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= y < top + height:
            self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    # -- layout and rendering ---------------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout(keep_position=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._restyle()

    def watch_highlights(self, highlights: bool) -> None:
        self.set_class(not highlights, "-plain")

    def _keep_spans(self) -> dict[int, list[tuple[int, int]]]:
        to_piece = block_pieces(self.pieces)
        keep: dict[int, list[tuple[int, int]]] = {}
        # Long names (organisations) may break like any text: keeping them whole leaves a
        # gap of up to a dozen cells at the end of the line before. Figures always stay whole.
        short_names = [loc for loc in self.entities if loc.span.end - loc.span.start <= KEEP_MAX]
        for located in (*self.figures, *short_names):
            piece = to_piece.get(located.block)
            if piece is not None:
                keep.setdefault(piece, []).append((located.span.start, located.span.end))
        return {piece: sorted(spans) for piece, spans in keep.items()}

    def _relayout(self, keep_position: bool) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        anchor = self.top_position() if keep_position and self.lines else None
        self._width = width
        self.lines = layout_lines(self.pieces, width, self._keep_spans())
        self.virtual_size = Size(width, len(self.lines))
        self._restyle()
        if self._after_paint is not None:
            self.call_after_refresh(self._after_paint)
            self._after_paint = None
        if anchor is not None:
            y = line_of(self.lines, *anchor)
            if y is not None and y != round(self.scroll_offset.y):
                self.scroll_to(y=y, animate=False, immediate=True)

    def _restyle(self) -> None:
        self._texts.clear()
        self._strips.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        if self._styles is None:
            self._styles = {}
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _piece_text(self, index: int) -> Text:
        text = self._texts.get(index)
        if text is not None:
            return text
        piece = self.pieces[index]
        text = Text(piece.text, style=self._style(f"article--{piece.role}"), end="")
        if piece.block is not None:
            for located in self.figures:
                if located.block == piece.block:
                    figure = located.span
                    text.stylize(
                        self._style(f"article--figure-{figure.kind}"), figure.start, figure.end
                    )
            for located in self.entities:
                if located.block == piece.block:
                    entity = located.span
                    text.stylize(
                        self._style(f"article--entity-{entity.type}"), entity.start, entity.end
                    )
        for span, name in (
            (self.key_span, "article--key-current"),
            (self.mark_span, "article--mark"),
        ):
            if span is not None and span[0] == index:
                text.stylize(self._style(name), span[1], span[2])
        for number, match in enumerate(self.matches):
            if match.piece == index:
                name = (
                    "article--match-current" if number == self.current_match else "article--match"
                )
                text.stylize(self._style(name), match.start, match.end)
        self._texts[index] = text
        return text

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        strip = self._strips.get(index)
        if strip is not None and strip.cell_length == width:
            return strip
        base = self.rich_style
        if not 0 <= index < len(self.lines) or self.lines[index].piece < 0:
            return Strip.blank(width, base)
        line = self.lines[index]
        text = self._piece_text(line.piece)[line.start : line.end]
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(segments).apply_style(base)
        strip = Strip.join([Strip.blank(line.indent, base), strip])
        strip = strip.extend_cell_length(width, base).crop(0, width)
        self._strips[index] = strip
        return strip
