"""What the article pane paints on its text: highlights, find matches and marks, as styles.

Pure span work for :class:`~reader.ui.widgets.article_view.ArticleView`: which spans a line
break must keep whole, where the find matches are, and each piece's text styled from its
figures, names, marks and matches (cached per piece: the figures and names are styled
once, the marks and matches over them as they change). Styles come from the pane's
component classes, so every theme works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style

from reader.model import Entity, Figure, Located
from reader.search.match import find_in_text
from reader.ui.widgets.article_layout import Piece, block_pieces
from reader.ui.widgets.styled_piece import StyledPiece

#: Names up to this many code points are kept on one line (people, most places).
KEEP_MAX = 6

#: (piece index, start, end): a span in the pane's pieces.
PieceSpan = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Match:
    """A find match: ``piece`` indexes the pane's pieces; offsets are code points."""

    piece: int
    start: int
    end: int


def find_matches(pieces: Sequence[Piece], query: str) -> list[Match]:
    """Every match of ``query`` in the pieces, in reading order."""
    found: list[Match] = []
    if query:
        for index, piece in enumerate(pieces):
            found.extend(Match(index, s, e) for s, e in find_in_text(piece.text, query))
    return found


def keep_spans(
    pieces: Sequence[Piece],
    figures: Sequence[Located[Figure]],
    entities: Sequence[Located[Entity]],
) -> dict[int, list[tuple[int, int]]]:
    """Per piece, the spans no line break may cut: figures, and short names."""
    to_piece = block_pieces(pieces)
    keep: dict[int, list[tuple[int, int]]] = {}
    # Long names (organisations) may break like any text: keeping them whole leaves a
    # gap of up to a dozen cells at the end of the line before. Figures always stay whole.
    short_names = [loc for loc in entities if loc.span.end - loc.span.start <= KEEP_MAX]
    for located in (*figures, *short_names):
        piece = to_piece.get(located.block)
        if piece is not None:
            keep.setdefault(piece, []).append((located.span.start, located.span.end))
    return {piece: sorted(spans) for piece, spans in keep.items()}


class Painter:
    """Styled pieces of one article, cached until what they show changes.

    Args:
        style_of: the rich style of a component class (the pane's).
    """

    def __init__(self, style_of: Callable[[str], Style]) -> None:
        self._style_of = style_of
        self._styles: dict[str, Style] = {}
        #: Per piece, its figures and names styled (kept while only the marks change).
        self._base: dict[int, StyledPiece] = {}
        self._texts: dict[int, StyledPiece] = {}
        self.pieces: Sequence[Piece] = ()
        self.figures: Sequence[Located[Figure]] = ()
        self.entities: Sequence[Located[Entity]] = ()
        self.matches: Sequence[Match] = ()
        self.current_match: int | None = None
        self.key_span: PieceSpan | None = None
        self.mark_span: PieceSpan | None = None

    def style(self, name: str) -> Style:
        """The style of a component class (cached until the theme changes)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self._style_of(name)
        return style

    def forget_styles(self) -> None:
        """The theme or the CSS changed: style everything again."""
        self._styles.clear()
        self._base.clear()
        self._texts.clear()

    def forget_highlights(self) -> None:
        """A new article or new annotations: style the pieces again."""
        self._base.clear()
        self._texts.clear()

    def forget_marks(self) -> None:
        """The matches or marks changed: lay them over the pieces again."""
        self._texts.clear()

    def styled(self, index: int) -> StyledPiece:
        """Piece ``index`` with every span it shows."""
        styled = self._texts.get(index)
        if styled is not None:
            return styled
        # Spans in the order they layer: figures, names, the marks, then find matches.
        spans: list[tuple[int, int, Style]] = []
        for span, name in (
            (self.key_span, "article--key-current"),
            (self.mark_span, "article--mark"),
        ):
            if span is not None and span[0] == index:
                spans.append((span[1], span[2], self.style(name)))
        for number, match in enumerate(self.matches):
            if match.piece == index:
                name = (
                    "article--match-current" if number == self.current_match else "article--match"
                )
                spans.append((match.start, match.end, self.style(name)))
        styled = self._texts[index] = self._highlighted(index).over(spans)
        return styled

    def _highlighted(self, index: int) -> StyledPiece:
        styled = self._base.get(index)
        if styled is not None:
            return styled
        piece = self.pieces[index]
        spans: list[tuple[int, int, Style]] = []
        if piece.block is not None:
            for located in self.figures:
                if located.block == piece.block:
                    figure = located.span
                    spans.append(
                        (figure.start, figure.end, self.style(f"article--figure-{figure.kind}"))
                    )
            for located in self.entities:
                if located.block == piece.block:
                    entity = located.span
                    spans.append(
                        (entity.start, entity.end, self.style(f"article--entity-{entity.type}"))
                    )
        styled = StyledPiece(piece.text, self.style(f"article--{piece.role}"), spans)
        self._base[index] = styled
        return styled
