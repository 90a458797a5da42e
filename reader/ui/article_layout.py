"""How an article is set on screen: pieces in reading order, broken into lines.

This is the part of the article pane that knows nothing about Textual: it turns an
:class:`~reader.model.Article` into *pieces* (kicker, title, byline, body blocks,
captions...) and breaks each piece into lines with :mod:`reader.linebreak`, because Rich
wraps only at spaces, which is wrong for Chinese (see /work/shared/notes/cjk.md). The widget
caches the result per width and renders one line at a time.

Offsets are code points into a piece's text, the same offsets the annotators use for body
blocks, so a span found in ``article.blocks[i]`` styles piece ``("block", i)`` directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len

from reader.linebreak import cached_break_lines
from reader.model import Article
from reader.textfold import sanitize_for_display

Role = Literal[
    "kicker",
    "title",
    "byline",
    "dateline",
    "subhead",
    "paragraph",
    "captions-head",
    "caption",
    "credit",
]

#: Roles set centred, as a newspaper sets headlines and subheads.
CENTRED: frozenset[str] = frozenset({"title", "subhead", "captions-head"})

#: The widest measure the body is set at: long lines of hanzi are hard to read.
MAX_MEASURE = 72


@dataclass(frozen=True, slots=True)
class Piece:
    """One paragraph-like unit of the page as shown, with its own role and style."""

    role: Role
    text: str
    block: int | None = None
    """Index into ``Article.blocks`` for body pieces, else ``None``."""


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: ``piece`` indexes the piece list (-1 is a blank line)."""

    piece: int
    start: int
    end: int
    indent: int = 0


def article_pieces(article: Article) -> list[Piece]:
    """The pieces of an article in the order a reader meets them.

    Captions and the photo credit go after the body, under their own heading, so they
    stand apart from the story; a photo item (no body) is its captions.
    """
    pieces: list[Piece] = []
    if article.kicker:
        pieces.append(Piece("kicker", article.kicker))
    if article.title:
        pieces.append(Piece("title", article.title))
    if article.byline:
        pieces.append(Piece("byline", "、".join(article.byline)))
    if article.dateline:
        pieces.append(Piece("dateline", article.dateline))
    for index, block in enumerate(article.blocks):
        role: Role = "subhead" if block.kind == "subhead" else "paragraph"
        pieces.append(Piece(role, block.text, index))
    if article.captions or article.credit:
        if article.blocks:
            pieces.append(Piece("captions-head", "图片说明"))
        pieces.extend(Piece("caption", caption) for caption in article.captions)
        if article.credit:
            pieces.append(Piece("credit", article.credit))
    # Control characters are shown, not obeyed; the length is kept so offsets still match.
    return [Piece(p.role, sanitize_for_display(p.text), p.block) for p in pieces]


def measure_for(width: int) -> int:
    """The text measure for a pane ``width`` cells wide (one cell of margin each side)."""
    return max(4, min(MAX_MEASURE, width - 2))


def break_text(
    text: str, width: int, keep: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Line ranges for ``text`` at ``width`` cells: the one call into the line breaker."""
    return list(cached_break_lines(text, width, tuple(keep)))


def layout_lines(
    pieces: Sequence[Piece],
    width: int,
    keep: dict[int, list[tuple[int, int]]] | None = None,
) -> list[Line]:
    """Break every piece at ``width`` cells, with one blank line between pieces.

    ``keep`` maps a piece index to spans (figures, names) the breaker must not split.
    """
    measure = measure_for(width)
    lines: list[Line] = []
    keep = keep or {}
    for index, piece in enumerate(pieces):
        if index and not _hugs_previous(piece, pieces[index - 1]):
            lines.append(Line(-1, 0, 0))
        ranges = break_text(piece.text, measure, keep.get(index, ())) or [(0, 0)]
        for start, end in ranges:
            indent = 1
            if piece.role in CENTRED:
                indent = 1 + max(0, (measure - cell_len(piece.text[start:end])) // 2)
            lines.append(Line(index, start, end, indent))
    return lines


def _hugs_previous(piece: Piece, previous: Piece) -> bool:
    """Kicker, title, byline and dateline are set tight, as one masthead."""
    masthead = {"kicker", "title", "byline", "dateline"}
    return piece.role in masthead and previous.role in masthead and piece.role != "title"


def line_of(lines: Sequence[Line], piece: int, offset: int) -> int | None:
    """The index of the line showing ``offset`` of ``piece``, if any."""
    candidate = None
    for y, line in enumerate(lines):
        if line.piece != piece:
            if candidate is not None:
                break
            continue
        candidate = y
        if line.start <= offset < line.end:
            return y
    return candidate


def block_pieces(pieces: Iterable[Piece]) -> dict[int, int]:
    """Map ``Article.blocks`` index → piece index."""
    return {piece.block: index for index, piece in enumerate(pieces) if piece.block is not None}
