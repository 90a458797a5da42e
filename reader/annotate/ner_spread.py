"""A person named once in a story is the same person wherever the story writes the name again.

News introduces an official with a title (党工委书记孙某某) and then writes the bare name
(孙某某一行来到…, 孙某某说…). Read alone, the later mention may lose to a place inside it
(海东 in 孙海东) or be cut short (王君 of 王君正说): this pass marks every later mention of a full
name found in the article as that person, replacing the shorter names inside it: names of
three characters or more, and those of two that a title or a speech verb stands beside
(市长孙某率团; two characters alone are too often pieces of other words). Names never cross
an organisation's or another name's edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from reader.model import Entity, Located
from reader.text.hanzi import is_hanzi

__all__ = ["spread_persons"]

#: Shorter names are too often pieces of other words to be marked wherever they occur.
_MIN_CHARS = 3


def spread_persons(texts: Sequence[str], found: list[Located[Entity]],
                   titled: Callable[[str, int, int], bool] = lambda *_: False,
                   ) -> list[Located[Entity]]:
    """``found`` (the entities of an article whose blocks are ``texts``) with every further
    mention of a person's full name marked as that person (see the module docstring).
    ``titled(text, start, end)`` says a title or a speech verb stands beside a name."""
    names = sorted({
        loc.span.text for loc in found
        if loc.span.type == "person" and all(is_hanzi(ch) for ch in loc.span.text) and (
            len(loc.span.text) >= _MIN_CHARS or (
                len(loc.span.text) == 2 and 0 <= loc.block < len(texts)
                and titled(texts[loc.block], loc.span.start, loc.span.end)))
    }, key=len, reverse=True)
    if not names:
        return found
    by_block: dict[int, list[Located[Entity]]] = {}
    for loc in found:
        by_block.setdefault(loc.block, []).append(loc)
    out: list[Located[Entity]] = []
    for block, text in enumerate(texts):
        spans = by_block.pop(block, [])
        for name in names:
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                inside = [s for s in spans if pos <= s.span.start and s.span.end <= end]
                crossing = any(s.span.start < end and pos < s.span.end and s not in inside
                               for s in spans)
                if not crossing and not any(
                        s.span.type == "person" and (s.span.start, s.span.end) == (pos, end)
                        for s in inside):
                    template = next((s.span for s in inside if s.span.type == "person"), None)
                    person = Entity(pos, end, name, "person") if template is None else replace(
                        template, start=pos, end=end, text=name)
                    spans = [s for s in spans if s not in inside]
                    spans.append(Located(block, person))
                pos = text.find(name, end)
        out.extend(sorted(spans, key=lambda loc: loc.span.start))
    for rest in by_block.values():  # (entities of blocks past ``texts``: kept as found)
        out.extend(rest)
    return out
