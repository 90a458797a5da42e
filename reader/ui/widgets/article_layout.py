"""How an article is set on screen: pieces in reading order, broken into lines.

This is the part of the article pane that knows nothing about Textual: it turns an
:class:`~reader.model.Article` into *pieces* (kicker, title, byline, body blocks,
captions...) and breaks each piece into lines with :mod:`reader.text.linebreak`, because Rich
wraps only at spaces, which is wrong for Chinese (see /work/shared/notes/cjk.md). The widget
caches the result per width and renders one line at a time.

A :class:`Layout` is laid out as far as it is needed: a piece of a few thousand characters is
broken whole, a longer one (a 1 MB line with no newline) a window at a time with
:func:`reader.text.linebreak.break_window`, so opening it costs a screenful, not the whole text,
and the view lays out the rest in slices while the reader reads. The lines are the same as
breaking everything up front. When names arrive, :meth:`Layout.again` breaks lines again
only from the first one that splits a name, a line starting where the view's top was.

Offsets are code points into a piece's text, the same offsets the annotators use for body
blocks, so a span found in ``article.blocks[i]`` styles piece ``("block", i)`` directly.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Literal, overload

from rich.cells import cell_len

from reader.model import Article
from reader.text.fold import sanitize_for_display
from reader.text.linebreak import cached_break_lines
from reader.text.linebreak_window import WINDOW, break_window

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

#: Pieces longer than this (code points) are laid out a window at a time.
LONG_PIECE = 2 * WINDOW


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
    layout = Layout(pieces, width, keep)
    layout.extend()
    return list(layout)


class Layout(Sequence[Line]):
    """The lines of some pieces at one width, laid out from the top as far as asked.

    As a sequence it holds the lines laid out so far (a prefix of the whole, which changes
    only by :meth:`take_head`); :meth:`extend` lays out more, :attr:`complete` says when.
    """

    def __init__(
        self,
        pieces: Sequence[Piece],
        width: int,
        keep: dict[int, list[tuple[int, int]]] | None = None,
    ) -> None:
        self.pieces = pieces
        self.width = width
        self.measure = measure_for(width)
        self._keep: dict[int, list[tuple[int, int]]] = {}
        self._reach: dict[int, int] = {}
        self.rekeep(keep or {})
        self._lines: list[Line] = []
        #: Index of the first line of each piece laid out or being laid out.
        self._first: list[int] = []
        #: The piece being laid out and where in it to go on (None: not started).
        self._piece = 0
        self._resume: int | None = None
        #: (piece, offset) where :meth:`again` made a line start (the top of the view), and
        #: the same until that line is laid out.
        self.cut: tuple[int, int] | None = None
        self._cut: tuple[int, int] | None = None

    @property
    def complete(self) -> bool:
        """True once every piece is laid out."""
        return self._piece >= len(self.pieces)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        return self._lines[index]

    def __iter__(self) -> Iterator[Line]:
        return iter(self._lines)

    def extend(self, lines: int | None = None, seconds: float | None = None) -> bool:
        """Lay out until there are ``lines`` lines (None: all), or ``seconds`` have passed
        (None: no limit). Returns True if lines were added."""
        before = len(self._lines)
        deadline = None if seconds is None else time.perf_counter() + seconds
        while not self.complete and (lines is None or len(self._lines) < lines):
            self._step()
            if deadline is not None and time.perf_counter() >= deadline:
                break
        return len(self._lines) > before

    def extend_to(self, piece: int, offset: int, seconds: float | None = None) -> bool:
        """Lay out at least the line showing ``offset`` of ``piece``, or for ``seconds`` at
        most (None: no limit). Returns True once that line is laid out."""
        deadline = None if seconds is None else time.perf_counter() + seconds
        while not self._reached(piece, offset):
            self._step()
            if deadline is not None and time.perf_counter() >= deadline:
                return self._reached(piece, offset)
        return True

    def _reached(self, piece: int, offset: int) -> bool:
        return self.complete or self._piece > piece or (
            self._piece == piece and (self._resume or 0) > offset
        )

    def line_of(self, piece: int, offset: int) -> int | None:
        """The line showing ``offset`` of ``piece`` (laid out as needed): the last line of
        the piece starting at or before it, None for a piece not in the layout."""
        if not 0 <= piece < len(self.pieces):
            return None
        self.extend_to(piece, offset)
        first = self._first[piece]
        stop = self._first[piece + 1] if piece + 1 < len(self._first) else len(self._lines)
        while stop > first and self._lines[stop - 1].piece != piece:
            stop -= 1  # the blank line before the next piece
        found = bisect_right(self._lines, offset, first, stop, key=_line_start) - 1
        return max(first, found) if stop > first else None

    def _step(self) -> None:
        """Lay out one piece, or one window of a long one (with the blank line before it)."""
        index = self._piece
        piece = self.pieces[index]
        if self._resume is None:
            if index and not _hugs_previous(piece, self.pieces[index - 1]):
                self._lines.append(Line(-1, 0, 0))
            self._first.append(len(self._lines))
            self._resume = 0
        keep = self._keep.get(index, ())
        if len(piece.text) <= LONG_PIECE and not self._resume:
            ranges: Sequence[tuple[int, int]] = break_text(piece.text, self.measure, keep)
            resume = None
        else:  # a long piece, or one taken up again at a line start (see `again`)
            ranges, resume = break_window(
                piece.text, self.measure, keep, self._resume, reach=self._reach.get(index, 0)
            )
        if self._cut is not None and self._cut[0] == index:
            ranges, resume = self._cut_ranges(ranges, resume)
        self._add(index, piece, ranges or [(0, 0)])
        self._resume = resume
        if resume is None:
            self._piece += 1

    def splits(self, keep: dict[int, list[tuple[int, int]]]) -> int | None:
        """The first line laid out so far that starts inside a span of ``keep`` (sorted, as
        ``keep_spans`` gives it) this layout was not made with, narrow enough to keep whole.

        A new span no line starts inside moves no break, so with None the lines stand with
        ``keep`` (:meth:`rekeep`); else the lines before the one returned, less one, do, and
        :meth:`again` breaks the rest again."""
        for piece in sorted(p for p in keep if p < len(self._first)):
            first = self._first[piece]
            starts = []
            for line in islice(self._lines, first, None):
                if line.piece != piece:
                    break
                starts.append(line.start)
            text = self.pieces[piece].text
            limit = len(text)
            if piece == self._piece and self._resume:
                starts.append(self._resume)  # the next line starts there
                limit = self._resume  # a long piece laid out in part: spans up to there
            spans, old = keep[piece], self._keep.get(piece, [])
            known = set(old[: bisect_left(old, (limit,))])
            for start, end in spans[: bisect_left(spans, (limit,))]:  # by start: the first
                index = bisect_right(starts, start)  # found is in the first line found
                if (
                    index < len(starts) and starts[index] < end and (start, end) not in known
                    and cell_len(text[start:end]) <= self.measure
                ):
                    return first + index
        return None

    def rekeep(self, keep: dict[int, list[tuple[int, int]]]) -> None:
        """Keep ``keep`` whole in the lines still to lay out too (spans no line laid out
        starts inside: :meth:`splits` says None)."""
        self._keep = {index: sorted(spans) for index, spans in keep.items()}
        self._reach = {
            index: max((end - start for start, end in spans), default=0)
            for index, spans in self._keep.items()
        }

    def again(
        self, keep: dict[int, list[tuple[int, int]]], line: int, cut: tuple[int, int] | None
    ) -> Layout:
        """A layout keeping ``keep`` whole with this one's lines before ``line`` (the same
        with ``keep``, see :meth:`splits`) and the rest broken again, a line starting at
        ``cut`` (piece, offset; moved back to the start of a span it falls inside) if that
        lies beyond ``line``'s start: what was at the top of the view stays at its top.

        :attr:`cut` is then where that line starts, else None.
        """
        new = Layout(self.pieces, self.width, keep)
        while line > 0 and self._lines[line].piece < 0:
            line -= 1
        start = self._lines[line]
        new._lines = self._lines[:line]
        new._first = self._first[: start.piece + 1]
        new._piece, new._resume = start.piece, start.start
        if cut is not None and (cut := (cut[0], new._outside_spans(*cut))) > (
            start.piece, start.start
        ):
            new.cut = new._cut = cut
        return new

    def take_head(self, head: Layout) -> None:
        """Put ``head``'s lines before its :attr:`cut` in place of these lines before it:
        both made by :meth:`again` with that cut, ``head`` from further up (the lines above
        the top of the view broken again, see ``PieceView._put_head``)."""
        assert head.cut is not None
        piece, offset = head.cut
        mine, theirs = self.line_of(piece, offset), head.line_of(piece, offset)
        assert mine is not None and theirs is not None
        self._lines[:mine] = head._lines[:theirs]
        shift = theirs - mine
        self._first[: piece + 1] = head._first[: piece + 1]
        self._first[piece + 1 :] = [first + shift for first in self._first[piece + 1 :]]

    def _outside_spans(self, piece: int, offset: int) -> int:
        """``offset``, or the start of the kept spans it falls inside."""
        spans, reach = self._keep.get(piece, []), self._reach.get(piece, 0)
        text = self.pieces[piece].text
        for start, end in reversed(spans[: bisect_left(spans, (offset,))]):
            if start + reach <= offset:
                break
            if start < offset < end and cell_len(text[start:end]) <= self.measure:
                offset = start
        return offset

    def _cut_ranges(
        self, ranges: Sequence[tuple[int, int]], resume: int | None
    ) -> tuple[Sequence[tuple[int, int]], int | None]:
        """``ranges`` ending where a line must start (at the cut), and where to go on."""
        assert self._cut is not None
        at = self._cut[1]
        if resume is not None and resume <= at:
            return ranges, resume  # the cut lies further on
        self._cut = None
        if not ranges or any(start == at for start, _end in ranges):
            return ranges, resume
        return [(start, min(end, at)) for start, end in ranges if start < at], at

    def _add(self, index: int, piece: Piece, ranges: Iterable[tuple[int, int]]) -> None:
        measure, centred, text = self.measure, piece.role in CENTRED, piece.text
        for start, end in ranges:
            indent = 1
            if centred:
                indent = 1 + max(0, (measure - cell_len(text[start:end])) // 2)
            self._lines.append(Line(index, start, end, indent))


def _line_start(line: Line) -> int:
    return line.start


def _hugs_previous(piece: Piece, previous: Piece) -> bool:
    """Kicker, title, byline and dateline are set tight, as one masthead."""
    masthead = {"kicker", "title", "byline", "dateline"}
    return piece.role in masthead and previous.role in masthead and piece.role != "title"


def line_of(lines: Sequence[Line], piece: int, offset: int) -> int | None:
    """The index of the line showing ``offset`` of ``piece``, if any."""
    if isinstance(lines, Layout):
        return lines.line_of(piece, offset)
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
