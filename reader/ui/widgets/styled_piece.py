"""A piece's text with its style spans, cut into one Rich Text per screen line.

The article pane renders one line at a time; slicing a Rich Text of the whole piece for
every line divides the entire text (seconds a frame for a 1 MB piece), so the spans are
kept sorted for bisection and only those touching a line are applied to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from operator import itemgetter

from rich.style import Style
from rich.text import Span, Text


class StyledPiece:
    """A piece's text and style spans, cut into one Text per line on demand.

    The same Text as ``Text(text, style=style)`` stylized with ``spans`` in order and sliced
    at the line, without copying the whole piece (and all its spans) for every line: a
    slice of a Rich Text divides the entire text, which for a 1 MB piece is seconds a frame.
    `over` adds spans on top (find matches over figures) without redoing the ones below.
    """

    def __init__(
        self, text: str, style: Style | str, spans: Iterable[tuple[int, int, Style | str]]
    ) -> None:
        self.text = text
        self.style = style
        self._layers = [_SpanLayer(len(text), spans)]

    def over(self, spans: Iterable[tuple[int, int, Style | str]]) -> StyledPiece:
        """This piece with ``spans`` stylized after the ones it has."""
        layered = StyledPiece(self.text, self.style, ())
        layered._layers = [*self._layers, _SpanLayer(len(self.text), spans)]
        return layered

    def line(self, start: int, end: int) -> Text:
        """The styled text of code points ``start``..``end``."""
        text = Text(self.text[start:end], style=self.style, end="")
        for layer in self._layers:
            for span_start, span_end, _order, style in layer.touching(start, end):
                new_start, new_end = max(0, span_start - start), min(span_end, end) - start
                if new_end > new_start:
                    text.spans.append(Span(new_start, new_end, style))
        return text


class _SpanLayer:
    """Spans sorted by start for bisection, each with its place in the order given."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int, Style | str]]) -> None:
        items: list[tuple[int, int, int, Style | str]] = []
        for order, (start, end, span_style) in enumerate(spans):
            # What Text.stylize keeps: no empty style, no empty span, the end clipped.
            start, end = (
                (start + length if start < 0 else start),
                (end + length if end < 0 else end),
            )
            if span_style and start < length and end > start:
                items.append((start, min(length, end), order, span_style))
        items.sort(key=itemgetter(0))
        self.items = items
        self.starts = [item[0] for item in items]
        self.reach = max((item[1] - item[0] for item in items), default=0)

    def touching(self, start: int, end: int) -> list[tuple[int, int, int, Style | str]]:
        """The spans overlapping ``start``..``end``, in the order they were given."""
        low = bisect_left(self.starts, start - self.reach)
        high = bisect_left(self.starts, end)
        found = [item for item in self.items[low:high] if item[1] > start]
        found.sort(key=itemgetter(2))  # Rich layers overlapping spans in the order given
        return found
