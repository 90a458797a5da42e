"""Short labels drawn from the text around a figure: its clause and its sentence, clipped.

The library stores a label for every figure (the key figures' own label when there is one,
else the clause around the figure), and a key figure keeps its sentence for the summary.
Both are read per figure, so both must cost the same however long the paragraph is: a
paragraph of 50,000 figures with no punctuation, or a sentence that never ends, must not
make every figure walk to the end of its clause or sentence (issue #14). So the clause is
looked for only within the window its label can show, and sentence bounds are found once
per block and looked up by bisection; a kept sentence is clipped around its figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.text.hanzi import STATEMENT_END

__all__ = ["LABEL_CHARS", "SENTENCE_CHARS", "Sentences", "clause_label"]

#: Ends a label taken from a figure's sentence when it has no key-figure label.
_CLAUSE_END = re.compile(r"[，。；！？：,;!?:\n]")
#: The longest clause label, in characters (longer clauses are cut around the figure).
LABEL_CHARS = 24
_SENTENCE_SPLIT = re.compile(f"[{re.escape(STATEMENT_END)}]")
#: The longest sentence a key figure keeps; a longer one is cut around the figure with "…".
SENTENCE_CHARS = 160


def clause_label(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``start``..``end``, cut to :data:`LABEL_CHARS`.

    Only ``LABEL_CHARS`` plus the figure's length are read on either side: a clause end
    further away cannot change the label, which is cut around the figure anyway.
    """
    reach = LABEL_CHARS + (end - start)
    floor = max(0, start - reach)
    lo = start
    while lo > floor and not _CLAUSE_END.match(text, lo - 1):
        lo -= 1
    ceiling = min(len(text), end + reach)
    stop = _CLAUSE_END.search(text, end, ceiling)
    hi = stop.start() if stop else ceiling
    clause = text[lo:hi].strip()
    if len(clause) > LABEL_CHARS:
        # Keep the figure in view: cut around it rather than from the clause start.
        left = max(lo, min(start - (LABEL_CHARS - (end - start)) // 2, hi - LABEL_CHARS))
        clause = text[left : left + LABEL_CHARS].strip() + "…"
    return clause


class Sentences:
    """The sentences of one block (split on 。！？；), found once and looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [m.end() for m in _SENTENCE_SPLIT.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding offset ``pos``."""
        k = bisect_right(self._ends, pos)
        start = self._ends[k - 1] if k else 0
        end = self._ends[k] if k < len(self._ends) else len(self.text)
        return start, end

    def at(self, pos: int, limit: int = SENTENCE_CHARS) -> str:
        """The sentence holding ``pos``, stripped, clipped to ``limit`` characters around it."""
        start, end = self.bounds(pos)
        if end - start > limit:
            lo = max(start, min(pos - limit // 2, end - limit))
            hi = min(end, lo + limit)
            head = "…" if lo > start else ""
            tail = "…" if hi < end else ""
            return head + self.text[lo:hi].strip() + tail
        return self.text[start:end].strip()
