"""Places in an article that outlive a layout: what to keep across widths and visits.

A scroll offset means nothing at another width, so the article pane remembers the reader's
place as (block, offset), the code point that starts the top line, and maps search hits and
kept places back to (piece, offset) in the pieces of :mod:`reader.ui.widgets.article_layout`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.ui.widgets.article_layout import Piece, block_pieces


def reading_position(pieces: Sequence[Piece], piece: int, offset: int) -> tuple[int, int]:
    """The (piece, offset) at the top of the pane as (block, offset), to keep across runs.

    ``block`` indexes ``Article.blocks`` and ``offset`` is the code point that starts the
    top line, so the same text comes back to the top at any width. A piece outside the
    body (title, byline, captions) is ``-1 - piece index``: the top of the article is
    ``(-1, 0)`` when it has a kicker or a title.
    """
    if not 0 <= piece < len(pieces):
        return (-1, 0)
    block = pieces[piece].block
    return (block, offset) if block is not None else (-1 - piece, offset)


def piece_position(pieces: Sequence[Piece], block: int, offset: int) -> tuple[int, int] | None:
    """The (piece, offset) of a :func:`reading_position`; None if the article has no such
    place (it changed since)."""
    piece = block_pieces(pieces).get(block) if block >= 0 else -1 - block
    if piece is None or not 0 <= piece < len(pieces):
        return None
    return piece, max(0, min(offset, len(pieces[piece].text)))


def span_piece(pieces: Sequence[Piece], block: int | None, where: str = "body") -> int | None:
    """The piece of a search hit: ``block`` indexes ``Article.blocks`` for body hits; for
    other places (``where`` is a piece role such as ``title`` or ``caption``) the n-th
    piece of that role."""
    if block is not None and where in ("body", "block", "paragraph", "subhead"):
        return block_pieces(pieces).get(block)
    same_role = [i for i, p in enumerate(pieces) if p.role == where]
    return same_role[block or 0] if len(same_role) > (block or 0) else None
