"""Line breaking for Chinese text in terminal cells.

Rich and Textual wrap only at whitespace: a run of hanzi is one "word" to them, so lines end
half empty, ``1000 亿元`` breaks at its space and a line can start with ``，``
(Textualize/rich#2494, textual#3567, rich PR #3180: "wrapping does not consider punctuation").
This module computes the display lines itself and hands back code-point ranges, so the UI can
render pre-broken lines that Rich never re-wraps.

Rules, in order of strength (a weaker rule gives way only when a line could not be filled at
all otherwise):

* hard: newlines end a line; a grapheme cluster (base + combining marks, ZWJ emoji) is never
  split;
* words and keep spans (level 2): no break inside a run of Latin letters/digits/ASCII symbols
  and none inside a caller's ``keep`` span (figures, names) that fits the width alone;
* kinsoku (level 1): no break before closing punctuation (``，。」…`` and ASCII ``,.;:!?)``), no
  break after opening punctuation (``“《（`` …) or a currency prefix, no break inside ``——`` or
  ``……``. Only when a kept span or word plus its punctuation is wider than the line does a
  line start with ``，`` rather than split the figure;
* otherwise a break may fall between any two hanzi, between hanzi and Latin, and after spaces.

When the greedy end of a line falls on a forbidden boundary the line ends at the last allowed
boundary before it: the character before a ``，`` is pulled down with it (oikomi, squeezing the
punctuation in, is impossible in a terminal where widths are whole cells). If no boundary of any
level exists the line is cut where it is full (tiny widths), so the loop always advances.

Spaces at a break are dropped from both lines' ranges (they "hang"); a paragraph's leading
spaces (indentation) and its final trailing spaces when they fit are kept. ``\\r\\n`` counts as
one hard break and the ``\\r`` is left out too. Cell widths come from
``rich.cells.split_graphemes`` so they match what Rich draws.

Time is linear in the text: widths are summed once, the end of a line is found by bisection on
the running sums and the last allowed boundary by a precomputed table. A very long paragraph
(a 1 MB line) can also be broken a window at a time (:mod:`reader.text.linebreak_window`),
which gives exactly the lines `break_lines` would, so a view lays out only what it shows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count, islice
from typing import NamedTuple

from rich.cells import get_character_cell_size, split_graphemes

__all__ = [
    "CLOSING",
    "OPENING",
    "Line",
    "break_lines",
    "break_lines_detailed",
    "cached_break_lines",
]

#: No line may start with these (clreq 3.1.7 "行首禁则"); includes postfix signs like ％.
CLOSING = frozenset("，。、；：！？”’）》」』】〕〉｝］〗〙｠…‥．｡､｣,.;:!?)]}％%‰℃°′″")
#: No line may end with these: opening brackets and quotes, and currency prefixes.
OPENING = frozenset("“‘（《「『【〔〈｛［〖〘｟｢([{¥￥€£￡＄")

# Breakable spaces. NBSP (U+00A0), figure space (U+2007) and narrow NBSP (U+202F) are left out
# on purpose: they exist to forbid a break.
_SPACES = frozenset(
    " \u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"
)

_SP = 1  # a breakable space
_WD = 2  # part of a Latin/digit "word": no break between two of these
_NB_BEFORE = 4  # closing punctuation
_NB_AFTER = 8  # opening punctuation
_DASH = 16  # —— is one mark: never split
_ELLIPSIS = 32  # …… likewise
_INSEPARABLE = _DASH | _ELLIPSIS

_FORBIDDEN = 9  # level of a boundary no tier may use (before or inside a run of spaces)
# Boundary levels mapped to 0 where a tier may break, 1 where it may not.
_TIER0 = bytes([0] + [1] * 255)
_TIER1 = bytes([0, 0] + [1] * 254)

_flag_cache: dict[str, int] = {}


def _flags_of(ch: str) -> int:
    flags = _flag_cache.get(ch)
    if flags is not None:
        return flags
    code = ord(ch)
    flags = 0
    if ch in _SPACES:
        flags |= _SP
    elif (32 < code < 127) or (
        # Full-width Latin letters and digits (１０００, ＡＢＣ) are words too.
        0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A
    ):
        flags |= _WD
    elif ch.isalnum() and not _is_wide(ch):
        # Accented Latin, Greek, Cyrillic, Thai...: written with spaces between words (or, for
        # Thai, needing a dictionary we do not have), so treated as unbreakable runs.
        flags |= _WD
    elif ch == "\u00a0" or ch == "\u2007" or ch == "\u202f":
        flags |= _NB_BEFORE | _NB_AFTER
    if ch in CLOSING:
        flags |= _NB_BEFORE
    if ch in OPENING:
        flags |= _NB_AFTER
    if ch in "—―":
        flags |= _DASH
    elif ch in "…⋯":
        flags |= _ELLIPSIS
    _flag_cache[ch] = flags
    return flags


def _is_wide(ch: str) -> bool:
    # Hanzi, kana and hangul are 2 cells; they break between any two characters.
    return get_character_cell_size(ch) == 2


class Line(NamedTuple):
    """One display line: code points ``start``..``end`` of the text and how it ended."""

    start: int
    end: int
    #: Width in terminal cells.
    cells: int
    #: True when a rule (kinsoku, keep span, Latin word, space) ended the line before it was
    #: full; False when it was cut where it was full or ends a paragraph.
    forced: bool
    #: True for the last line of a paragraph (before a newline or the end of the text).
    final: bool


def break_lines(
    text: str, width: int, keep: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Break ``text`` into display lines no wider than ``width`` cells.

    Args:
        text: Plain text; ``\\n`` is a hard break.
        width: Available width in terminal cells (values below 1 count as 1).
        keep: ``(start, end)`` code-point spans that must stay on one line (figures, names);
            a span wider than ``width`` is broken like ordinary text.

    Returns:
        ``(start, end)`` code-point ranges, one per line, in order. What lies between two ranges
        is only the spaces dropped at a break or the newline. An empty paragraph gives an empty
        range, so ``""`` gives ``[(0, 0)]``.
    """
    return [(line.start, line.end) for line in break_lines_detailed(text, width, keep)]


@lru_cache(maxsize=512)
def cached_break_lines(
    text: str, width: int, keep: tuple[tuple[int, int], ...] = ()
) -> tuple[tuple[int, int], ...]:
    """``break_lines`` memoised on (text, width, keep), for re-wrapping on every resize."""
    return tuple(break_lines(text, width, keep))


def break_lines_detailed(text: str, width: int, keep: Sequence[tuple[int, int]] = ()) -> list[Line]:
    """Like `break_lines`, with each line's width and whether a rule shortened it."""
    width = max(1, width)
    starts = _paragraph_starts(text)
    keep_by_paragraph = _keep_by_paragraph(keep, starts, len(text))
    lines: list[Line] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        if end > start and text[end - 1] == "\r" and end < len(text):
            end -= 1
        lines.extend(_break_paragraph(text, start, end, width, keep_by_paragraph.get(index, ())))
    return lines


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _keep_by_paragraph(
    keep: Iterable[tuple[int, int]], starts: list[int], size: int
) -> dict[int, list[tuple[int, int]]]:
    """Clip keep spans to the paragraphs they touch, in text offsets."""
    buckets: dict[int, list[tuple[int, int]]] = {}
    for span_start, span_end in keep:
        span_start, span_end = max(0, span_start), min(size, span_end)
        if span_end - span_start < 2:
            continue  # nothing inside to protect
        first = bisect_right(starts, span_start) - 1
        last = bisect_right(starts, span_end - 1) - 1
        for index in range(first, last + 1):
            paragraph_end = starts[index + 1] - 1 if index + 1 < len(starts) else size
            clipped = (max(span_start, starts[index]), min(span_end, paragraph_end))
            if clipped[1] - clipped[0] >= 2:
                buckets.setdefault(index, []).append(clipped)
    return buckets


def _break_paragraph(
    text: str, offset: int, stop: int, width: int, keep: Sequence[tuple[int, int]]
) -> list[Line]:
    return _break_range(text, offset, stop, width, keep)[0]


def _break_range(
    text: str,
    offset: int,
    stop: int,
    width: int,
    keep: Sequence[tuple[int, int]],
    safe: int | None = None,
) -> tuple[list[Line], int]:
    """Break ``text[offset:stop]``, one paragraph; also return where the next line starts.

    With ``safe`` set, ``stop`` is a window's end inside a longer paragraph: lines are given
    only while everything they depend on lies before code point ``safe`` (the window's end
    cuts graphemes, keep spans and the final line short), and the caller resumes at the
    returned offset. Without it the whole range is broken and ``stop`` is returned.
    """
    if stop <= offset:
        return [Line(offset, offset, 0, False, True)], stop
    paragraph = text[offset:stop]
    gstart, cum, flags = _measure(paragraph)
    n = len(flags)
    safe_g = n + 1 if safe is None else bisect_left(gstart, safe - offset)

    # sp_start[i]: where the run of spaces just before boundary i begins (i itself if none).
    sp_start = list(range(n + 1))
    for i in compress(range(1, n + 1), [flag & _SP for flag in flags]):
        sp_start[i] = sp_start[i - 1]
    inside_keep = _keep_mask(keep, offset, gstart, cum, width, n)
    level = _boundary_levels(flags, inside_keep, sp_start, n)
    # The last allowed boundary is found with bytes.rfind (memrchr in C): per line it scans at
    # most the line, so even text with no break opportunity at all stays fast.
    strict = level.translate(_TIER0)
    relaxed = level.translate(_TIER1)

    lines: list[Line] = []
    s = 0
    while s < n:
        j = bisect_right(cum, cum[s] + width, s) - 1  # graphemes s..j-1 fit, j does not
        if j >= safe_g:
            break  # the rest of the line lies past the window's safe part
        if j >= n:
            lines.append(_line(offset, gstart, cum, s, n, False, True))
            return lines, stop
        greedy = j
        while greedy < n and flags[greedy] & _SP:  # spaces hang past the edge
            greedy += 1
        if greedy >= safe_g:
            break
        b = strict.rfind(b"\x00", s + 1, greedy + 1)
        if b <= s or sp_start[b] <= s:
            b = relaxed.rfind(b"\x00", s + 1, greedy + 1)
        if b > s and sp_start[b] > s:
            end, forced = sp_start[b], b < greedy
        else:
            # Nothing allowed at all: cut where the line is full (at least one grapheme, even
            # when a single one is wider than the line).
            b = max(j, s + 1)
            end = sp_start[b] if sp_start[b] > s else b
            forced = False
            while b < n and flags[b] & _SP:
                b += 1
            if b >= safe_g:
                break  # the spaces may go on past the window: where the next line starts is unknown
        lines.append(_line(offset, gstart, cum, s, end, forced, b >= n))
        s = b
    # Stopped short of a window's end: the next line starts at grapheme s.
    return lines, (stop if s >= n else offset + gstart[s])


_width_cache: dict[str, int] = {}


def _measure(paragraph: str) -> tuple[list[int], list[int], list[int]]:
    """Grapheme starts (plus the end), running cell widths and rule flags of a paragraph."""
    try:
        widths = list(map(_width_cache.__getitem__, paragraph))
    except KeyError:
        for ch in set(paragraph):
            _width_cache[ch] = get_character_cell_size(ch)
            _flags_of(ch)
        widths = list(map(_width_cache.__getitem__, paragraph))
    if 0 not in widths:
        # Fast path: with no zero-width character every code point is its own grapheme,
        # exactly as split_graphemes would find (it only merges zero-width ones).
        gstart = list(range(len(paragraph) + 1))
        cum = list(accumulate(widths, initial=0))
        return gstart, cum, list(map(_flag_cache.__getitem__, paragraph))
    spans, _total = split_graphemes(paragraph)
    gstart = [span[0] for span in spans]
    gstart.append(len(paragraph))
    cum = list(accumulate((span[2] for span in spans), initial=0))
    flags = []
    for start, end, _cells in spans:
        flag = _flag_cache[paragraph[start]]
        # A space carrying a zero-width character (a stray control, a combining mark) is
        # content: dropping it at a break would lose that character.
        flags.append(0 if end - start > 1 and flag & _SP else flag)
    return gstart, cum, flags


def _line(
    offset: int, gstart: list[int], cum: list[int], s: int, e: int, forced: bool, final: bool
) -> Line:
    return Line(offset + gstart[s], offset + gstart[e], cum[e] - cum[s], forced, final)


def _keep_mask(
    keep: Sequence[tuple[int, int]],
    offset: int,
    gstart: list[int],
    cum: list[int],
    width: int,
    n: int,
) -> list[int]:
    """Per boundary, how many keep spans (that fit the width) it falls strictly inside."""
    diff = [0] * (n + 2)
    for span_start, span_end in keep:
        start, end = span_start - offset, span_end - offset
        first_grapheme = bisect_right(gstart, start) - 1
        after_last = bisect_left(gstart, end)
        if cum[min(after_last, n)] - cum[max(first_grapheme, 0)] > width:
            continue  # too wide to keep: break it as plain text
        first_boundary = bisect_right(gstart, start)
        last_boundary = after_last - 1
        if first_boundary <= last_boundary:
            diff[first_boundary] += 1
            diff[last_boundary + 1] -= 1
    return list(accumulate(diff))


def _boundary_levels(
    flags: list[int], inside_keep: list[int], sp_start: list[int], n: int
) -> bytearray:
    """Strength of the rule against breaking before grapheme ``i`` (0: free to break)."""
    level = bytearray(n + 1)
    for i, before, after in zip(count(1), flags, islice(flags, 1, None)):
        if not before | after:
            continue  # two plain graphemes (hanzi, emoji...): the common case
        if after & _SP:
            level[i] = _FORBIDDEN  # break after the spaces, never before them
        elif before & after & _WD:
            level[i] = 2
        elif before & _SP:
            run = sp_start[i]
            last_word = flags[run - 1] if run else 0
            if after & _NB_BEFORE or last_word & _NB_AFTER:
                level[i] = 1
        elif before & _NB_AFTER or after & _NB_BEFORE or before & after & _INSEPARABLE:
            level[i] = 1
    for i in compress(range(n + 1), inside_keep):
        if level[i] < 2:
            level[i] = 2
    return level
