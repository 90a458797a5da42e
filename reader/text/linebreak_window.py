"""Chinese line breaking a window at a time, for texts too long to break at once.

A file that is one 1 MB line must show at once: :func:`break_window` breaks about
:data:`WINDOW` code points from where the last call stopped and gives exactly the ranges
:func:`reader.text.linebreak.break_lines` gives for the whole text, so the article view lays
out what is on screen first and the rest in the background.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from rich.cells import get_character_cell_size

from reader.text.linebreak import (
    Line,
    _break_paragraph,
    _break_range,
    _measure,
)

#: Code points `break_window` breaks per call: enough that the per-window set-up is a small
#: part of the work (a window of hanzi is some 100 lines at width 80).
WINDOW = 8192
# Lines are only taken from a window while they end this many code points before its cut:
# the last grapheme of a window may be cut short (combining marks after the cut).
_WINDOW_MARGIN = 16


def break_window(
    text: str,
    width: int,
    keep: Sequence[tuple[int, int]] = (),
    start: int = 0,
    size: int = WINDOW,
    reach: int | None = None,
) -> tuple[list[tuple[int, int]], int | None]:
    """Break ``text`` from ``start`` for about ``size`` code points; resume where it says.

    Successive calls, each from the offset the last one returned, give exactly the ranges of
    ``break_lines(text, width, keep)``, so a 1 MB paragraph can be laid out as it is read.

    Args:
        text: As for `break_lines`.
        width: As for `break_lines`.
        keep: As for `break_lines`, but sorted by start (it is bisected).
        start: 0, or an offset a previous call returned.
        size: Roughly how many code points to break; whole paragraphs up to twice this are
            broken in one go.
        reach: The longest span in ``keep`` in code points (computed when not given; pass it
            when calling again and again with many spans).

    Returns:
        The line ranges and where the next call starts, or ``None`` after the last line.
    """
    width = max(1, width)
    size = max(1, size)
    if reach is None:
        reach = max((end - begin for begin, end in keep), default=0)
    ranges: list[tuple[int, int]] = []
    pos, limit, total = start, start + size, len(text)
    while True:
        # Newlines are looked for a window ahead only: a 16 MB line must not be scanned to
        # its end for every window of it.
        newline = text.find("\n", pos, pos + 2 * size + 1)
        if newline == -1 and pos + 2 * size + 1 < total:
            lines, resume = _break_window(text, pos, width, keep, reach, size)
            ranges.extend((line.start, line.end) for line in lines)
            return ranges, resume
        end = total if newline == -1 else newline
        if newline != -1 and end > pos and text[end - 1] == "\r":
            end -= 1
        spans = _keep_in(keep, reach, text, pos, total if newline == -1 else newline, width)
        lines = _break_paragraph(text, pos, end, width, spans)
        ranges.extend((line.start, line.end) for line in lines)
        if newline == -1:
            return ranges, None
        pos = newline + 1
        if pos >= limit:
            return ranges, pos


def _break_window(
    text: str,
    pos: int,
    width: int,
    keep: Sequence[tuple[int, int]],
    reach: int,
    size: int,
) -> tuple[list[Line], int | None]:
    """Lines from ``pos`` of a paragraph running past ``pos + 2 * size``; where to resume."""
    while True:
        cut = pos + size
        if text.find("\n", pos, cut + _WINDOW_MARGIN) != -1 or cut + _WINDOW_MARGIN >= len(text):
            # Grown to the paragraph's end: the ordinary path breaks the rest whole.
            ranges, resume = break_window(text, width, keep, pos, 2 * size, reach)
            return [Line(start, end, 0, False, False) for start, end in ranges], resume
        spans = _keep_in(keep, reach, text, pos, cut, width)
        lines, resume = _break_range(text, pos, cut, width, spans, safe=cut - _WINDOW_MARGIN)
        if lines:
            return lines, resume
        size *= 2  # not one whole line in the window (a long run of spaces): look further


def _keep_in(
    keep: Sequence[tuple[int, int]], reach: int, text: str, pos: int, stop: int, width: int
) -> list[tuple[int, int]]:
    """The keep spans that touch ``text[pos:stop]`` (``stop`` at most the paragraph's end),
    clipped to it as `break_lines` sees them: a span is first clipped to the paragraph of
    ``pos``, and one that runs out of the range is kept only if that whole part fits."""
    spans = []
    for begin, finish in keep[bisect_left(keep, (pos - reach,)) : bisect_left(keep, (stop,))]:
        begin, finish = max(begin, 0), min(finish, len(text))
        if finish <= pos or finish - begin < 2:
            continue
        if begin < pos or finish > stop:
            # Clip to the paragraph (searching the span only: it is short).
            begin = max(begin, text.rfind("\n", begin, pos) + 1)
            newline = text.find("\n", pos, finish)
            finish = finish if newline == -1 else newline
            if finish - begin < 2 or _span_cells(text, begin, finish) > width:
                continue  # too wide: `break_lines` breaks it as plain text too
            begin, finish = max(begin, pos), min(finish, stop)
        if finish - begin >= 2:
            spans.append((begin, finish))
    return spans


def _span_cells(text: str, begin: int, finish: int) -> int:
    """Cells of ``text[begin:finish]`` measured as `_keep_mask` does: from the start of the
    grapheme ``begin`` falls in (walking back over zero-width and joined characters)."""
    while (
        begin > 0
        and text[begin - 1] != "\n"
        and (
            text[begin] in "\u200d\ufe0f"
            or text[begin - 1] == "\u200d"
            or get_character_cell_size(text[begin]) == 0
        )
    ):
        begin -= 1
    return _measure(text[begin:finish])[1][-1]
