"""Laying an article out again when new spans must be kept whole (the names arrive).

:meth:`Layout.splits` finds the first line starting inside a new span; with none, the lines
stand as they are (:meth:`Layout.rekeep` keeps the spans in the lines still to come), else
:meth:`Layout.again` keeps the lines before it and breaks the rest, optionally starting a line
where the top of the view was. Either way the result must be the lines a fresh layout with
the new spans gives (up to that one forced line start), and no span kept whole is split.
"""

from __future__ import annotations

import re

from hypothesis import event, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.text.linebreak_window import break_window
from reader.ui.widgets.article_layout import Layout, Piece

# Hanzi, Latin, digits, spaces and the punctuation the kinsoku rules look at.
ALPHABET = "高新区产业园赵钱孙李周吴郑王项目投资亿元 abc123，。、“”（）%…—"


def ranges(layout: Layout) -> list[tuple[int, int, int]]:
    return [(line.piece, line.start, line.end) for line in layout if line.piece >= 0]


def split_spans(layout: Layout, keep: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Kept spans narrow enough to keep whole that a line starts inside."""
    starts = {(line.piece, line.start) for line in layout if line.piece >= 0}
    return [
        (start, end)
        for piece, spans in keep.items()
        for start, end in spans
        if cell_len(layout.pieces[piece].text[start:end]) <= layout.measure
        and any((piece, at) in starts for at in range(start + 1, end))
    ]


@st.composite
def articles(draw: st.DrawFn) -> tuple[list[Piece], dict, dict, int]:
    texts = draw(st.lists(st.text(ALPHABET, max_size=160), min_size=1, max_size=4))
    pieces = [Piece("paragraph", text, index) for index, text in enumerate(texts)]

    def spans() -> dict[int, list[tuple[int, int]]]:
        found: dict[int, list[tuple[int, int]]] = {}
        for index, text in enumerate(texts):
            if len(text) < 2:
                continue
            for _ in range(draw(st.integers(0, 6))):
                start = draw(st.integers(0, len(text) - 2))
                end = draw(st.integers(start + 2, min(len(text), start + 6)))
                found.setdefault(index, []).append((start, end))
        return found

    old = spans()
    new = {index: list(found) for index, found in old.items()}
    for index, extra in spans().items():
        new.setdefault(index, []).extend(extra)
    return pieces, old, new, draw(st.integers(8, 30))


def across_breaks(
    data: st.DataObject, layout: Layout, keep: dict[int, list[tuple[int, int]]]
) -> dict[int, list[tuple[int, int]]]:
    """``keep`` (sorted, as ``keep_spans`` gives it) with a few spans more, each across a
    line start of ``layout``: names a break falls inside, as they arrive."""
    new = {index: list(spans) for index, spans in keep.items()}
    starts = [(line.piece, line.start) for line in layout if line.piece >= 0 and line.start]
    for _ in range(data.draw(st.integers(1, 3)) if starts else 0):
        piece, at = data.draw(st.sampled_from(starts))
        start = max(0, at - data.draw(st.integers(1, 3)))
        end = min(len(layout.pieces[piece].text), at + data.draw(st.integers(1, 3)))
        new.setdefault(piece, []).append((start, end))
    return {index: sorted(spans) for index, spans in new.items()}


@settings(max_examples=300, deadline=None)
@given(articles(), st.data())
def test_laid_out_again_from_the_split_is_a_fresh_layout(case, data: st.DataObject) -> None:
    pieces, old_keep, new_keep, width = case
    old = Layout(pieces, width, old_keep)
    old.extend(data.draw(st.integers(1, 60)))  # as far as the view had laid out
    new_keep = across_breaks(data, old, new_keep)
    fresh = Layout(pieces, width, new_keep)
    fresh.extend()
    split = old.splits(new_keep)
    event("no line starts inside a new span" if split is None else "laid out again")
    if split is None:
        old.rekeep(new_keep)
        old.extend()
        assert ranges(old) == ranges(fresh)
    else:
        again = old.again(new_keep, split - 1, None)
        assert again[: split - 1] == old[: split - 1]  # the lines before are kept
        again.extend()
        assert ranges(again) == ranges(fresh)


def lines_from(text: str, measure: int, keep: list[tuple[int, int]], at: int) -> list:
    """The lines of ``text`` broken from ``at`` (a line start) to its end."""
    found, _resume = break_window(text, measure, sorted(keep), at, size=len(text) + 1)
    return found


@settings(max_examples=300, deadline=None)
@given(articles(), st.data())
def test_a_line_starts_where_the_top_of_the_view_was(case, data: st.DataObject) -> None:
    pieces, old_keep, new_keep, width = case
    old = Layout(pieces, width, old_keep)
    old.extend()
    new_keep = across_breaks(data, old, new_keep)
    split = old.splits(new_keep)
    if split is None:
        return
    top = old[data.draw(st.integers(max(0, split - 3), len(old) - 1))]
    if top.piece < 0:
        return
    again = old.again(new_keep, split - 1, (top.piece, top.start))
    cut = again.cut
    again.extend()
    fresh = Layout(pieces, width, new_keep)
    fresh.extend()
    event("no cut" if cut is None else "a line starts at the top")
    if cut is None:  # the top line comes before the first line to change: a fresh layout
        assert ranges(again) == ranges(fresh)
        return
    piece, at = cut
    assert piece == top.piece and at <= top.start
    # Moved back to the start of the spans kept whole now that the top line started inside.
    fits = [
        (s, e) for s, e in new_keep.get(piece, [])
        if cell_len(pieces[piece].text[s:e]) <= again.measure
    ]
    expected = top.start
    while inside := [s for s, e in fits if s < expected < e]:
        expected = min(inside)
    assert at == expected
    # The other pieces as a fresh layout has them; this one's lines as there up to the
    # cut, where a line starts, and from there broken as from the piece's start.
    assert [r for r in ranges(again) if r[0] != piece] == [
        r for r in ranges(fresh) if r[0] != piece
    ]
    mine = [(s, e) for p, s, e in ranges(again) if p == piece]
    assert [r for r in mine if r[0] < at] == [
        (s, min(e, at)) for p, s, e in ranges(fresh) if p == piece and s < at
    ]
    text, kept = pieces[piece].text, new_keep.get(piece, [])
    assert [r for r in mine if r[0] >= at] == lines_from(text, again.measure, kept, at)
    # In two steps (a long text read far in): from the top first, the lines above it after.
    first = old.again(new_keep, old.line_of(*cut) or 0, cut)
    head = old.again(new_keep, split - 1, cut)
    first.extend(data.draw(st.integers(0, 60)))
    head.extend_to(*cut)
    first.take_head(head)
    first.extend()
    assert ranges(first) == ranges(again)
    assert all(first.line_of(line.piece, line.start) == y for y, line in enumerate(first)
               if line.piece >= 0)


def long_text(chars: int) -> str:
    """One line of made-up zone news, no newline, its sentences of varying length."""
    parts, size, index = [], 0, 0
    while size < chars:
        part = (
            f"示范区第{index}批项目集中签约，总投资{index * 3 + 1}亿元，同比增长{index % 40}.5%，"
            f"管委会主任张建国表示将{'加快' * (index % 4)}推进建设。"
        )
        parts.append(part)
        size, index = size + len(part), index + 1
    return "".join(parts)[:chars]


def test_a_long_piece_laid_out_in_part_is_laid_out_again_from_the_split() -> None:
    """The windowed path: a 200,000-character line laid out a screenful at a time, the
    figures and names of the whole line arriving (the first paint had the figures of its
    opening only)."""
    text = long_text(200_000)
    pieces = [Piece("title", "题目"), Piece("paragraph", text, 0)]
    figures = [(m.start(), m.end()) for m in re.finditer("[0-9.]+(?:亿元|%)", text)]
    names = [(m.start(), m.end()) for m in re.finditer("张建国|示范区", text)]
    quick = {1: [span for span in figures if span[1] < 2_000]}
    full = {1: sorted(figures + names)}
    old = Layout(pieces, 80, quick)
    old.line_of(1, 50_000)  # the reader went some way in
    assert not old.complete
    split = old.splits(full)
    assert split is not None
    top = old[old.line_of(1, 40_000) or 0]
    again = old.again(full, split - 1, (1, top.start))
    assert again[: split - 1] == old[: split - 1]  # the lines before are kept
    assert again.cut is not None
    at = again.cut[1]
    again.extend()
    assert not split_spans(again, full)  # hanzi names and figures: none need be split
    fresh = Layout(pieces, 80, full)
    fresh.extend()
    mine = [(s, e) for p, s, e in ranges(again) if p == 1]
    assert [r for r in mine if r[0] < at] == [
        (s, min(e, at)) for p, s, e in ranges(fresh) if p == 1 and s < at
    ]
    assert [r for r in mine if r[0] >= at] == lines_from(text, again.measure, full[1], at)
    # In two steps: from the top, then the 40,000 characters above it broken again apart.
    first = old.again(full, old.line_of(1, at) or 0, (1, at))
    head = old.again(full, split - 1, (1, at))
    first.extend_to(1, at)
    assert len(first) < len(again) and not first.complete
    while not head.extend_to(1, at, seconds=0.0):
        pass  # a slice at a time, as between frames
    first.take_head(head)
    first.extend()
    assert ranges(first) == ranges(again)
