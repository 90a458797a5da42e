"""Checks that line ranges cover a text in order (line breaking and hostile input tests)."""

from __future__ import annotations

from rich.cells import cell_len, split_graphemes

ALLOWED_IN_GAPS = set(
    " \u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\n\r"
)


def check_cover(text: str, ranges: list[tuple[int, int]], width: int) -> None:
    assert ranges and ranges[0][0] == 0
    position = 0
    for start, end in ranges:
        assert position <= start <= end <= len(text)
        assert set(text[position:start]) <= ALLOWED_IN_GAPS
        line = text[start:end]
        assert cell_len(line) <= width or len(split_graphemes(line)[0]) <= 1, (line, width)
        position = end
    assert set(text[position:]) <= ALLOWED_IN_GAPS
    assert len(ranges) >= text.count("\n") + 1
