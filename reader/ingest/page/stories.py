"""Cut the units of a page into stories and give each heading group to its story.

Headings come wherever the PDF's text order put them, often after their story; the
story they share most words with claims them.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from dataclasses import dataclass, field

from reader.ingest.page.lines import (
    _SOURCE_CREDIT_RE,
    Unit,
    is_terminal,
    join_lines,
)
from reader.model import Article, Block, Source
from reader.text.hanzi import is_hanzi


@dataclass(slots=True)
class _Story:
    units: list[Unit] = field(default_factory=list)
    heads: list[list[Unit]] = field(default_factory=list)  # heading elements, in order
    byline: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # beside ``byline``
    dateline: str | None = None
    kind: str = "article"
    credit: str | None = None
    captions: list[str] = field(default_factory=list)
    closed: bool = False  # a byline or credit ended it

    @property
    def first(self) -> int:
        return min(u.first for u in self.units) if self.units else 0

    def text(self) -> str:
        return "".join(u.text for u in self.units)


def _heading_groups(units: list[Unit]) -> list[Unit | list[Unit]]:
    """Fold consecutive heading units into one group (a list)."""
    out: list[Unit | list[Unit]] = []
    for unit in units:
        if unit.kind == "head" and out and isinstance(out[-1], list):
            out[-1].append(unit)
        elif unit.kind == "head":
            out.append([unit])
        else:
            out.append(unit)
    return out


def _bigrams(text: str) -> set[str]:
    han = "".join(filter(is_hanzi, text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _headlines_before(items: list[Unit | list[Unit]]) -> bool:
    """True when this page prints headlines above their stories.

    Such a page opens with a headline and never ends on one; a page that runs story,
    byline, headline (as PDF text order often does) opens with text.
    """
    text = [it for it in items if isinstance(it, list) or it.kind in ("para", "wide")]
    if not text or not isinstance(text[0], list):
        return False
    return not isinstance(text[-1], list)


#: How many more word pairs a heading must share with the story before it than with the
#: text after it to be taken for that story's title rather than a subhead.
_CLEARLY = 2


def _may_be_subhead(head: str, story: _Story, following: str, before: bool) -> bool:
    """Whether a lone heading line inside a story may be its subhead, not a title.

    A story whose byline is known already (it came with the dateline, or above the body)
    has no byline line left to end it. On a page of headlines-before, a heading inside
    such a story opens the next one; one inside a story still waiting for its byline
    (▶ names at the end) is its subhead. On a page of headlines-after, a heading after
    such a story that shares clearly more words with it than with the text after it is
    its title: a title names its own story's places and people, while a subhead sums
    up the text after it.
    """
    if not story.byline:
        return True
    if before:
        return False
    grams = _bigrams(head)
    behind = len(grams & _bigrams(story.text()))
    return len(grams & _bigrams(following)) + _CLEARLY >= behind


def _stories(units: list[Unit]) -> tuple[list[_Story], list[tuple[int, list[Unit]]]]:
    """Cut units into stories; return them and the heading groups still to place.

    Each pending heading group carries the index of the story it follows (-1: none).
    """
    stories: list[_Story] = []
    pending: list[tuple[int, list[Unit]]] = []
    current: _Story | None = None
    items = _heading_groups(units)
    before = _headlines_before(items)
    waiting: list[Unit] = []  # a headline printed above the story still to come

    def start(**kwargs: object) -> _Story:
        story = _Story(**kwargs)  # type: ignore[arg-type]
        if waiting:
            story.heads.extend(_element_units(waiting))
            waiting.clear()
        stories.append(story)
        return story

    for index, item in enumerate(items):
        nxt = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, list):
            followed_by_byline = isinstance(nxt, Unit) and nxt.kind == "byline"
            is_subhead = (
                current is not None
                and not current.closed
                and current.kind == "article"
                and len(item) == 1
                and current.units
                and isinstance(nxt, Unit)
                and nxt.kind == "para"
                and nxt.dateline is None
                and _may_be_subhead(item[0].text, current, nxt.text, before)
            )
            if is_subhead and current is not None:
                current.units.append(Unit("subhead", item[0].text, item[0].first, item[0].last))
                continue
            if current is not None and (before or not followed_by_byline):
                current.closed = True
            if before and not waiting:
                waiting.extend(item)
            else:
                pending.append((len(stories) - 1, item))
            continue
        if item.kind == "para":
            if current is None or current.closed or current.kind != "article" or item.dateline:
                current = start(dateline=item.dateline)
            if item.names and not current.byline:
                current.byline = list(item.names)
                current.roles = _roles(item)
            current.units.append(item)
        elif item.kind == "marker":
            if current is None or current.kind != "article" or item.text[1:3] in ("上接", "接第"):
                current = start()
            current.units.append(item)
            # （下转第N版）: the story goes on elsewhere; nothing after it here is its own.
            current.closed = current.closed or "下转" in item.text or item.text[1:2] == "转"
        elif item.kind == "byline":
            prev = items[index - 1] if index else None
            # A byline above a body opens its story: after a heading, at the top of the
            # page, or after a story already closed.
            opening = item.opens or (
                isinstance(nxt, Unit)
                and nxt.kind == "para"
                and nxt.dateline is None
                and not item.text.startswith("▶")
                and (prev is None or isinstance(prev, list) or bool(current and current.closed))
            )
            target = current if current is not None and not opening else start()
            target.byline.extend(item.names)
            target.roles.extend(_roles(item))
            target.units.append(Unit("mark", "", item.first, item.last))
            target.closed = not opening
            if opening:
                current = target
        elif item.kind == "wide":
            if current is None or current.kind == "article" or current.closed:
                current = start(kind="caption")
            current.units.append(item)
            credit = _SOURCE_CREDIT_RE.search(item.text)
            if credit:
                item.text = item.text[: credit.start()].rstrip()
                current.credit = credit.group(0)
                current.closed = True
        elif item.kind == "credit":
            target = current if current is not None and current.kind != "article" else None
            if target is None or target.credit:
                target = start(kind="caption")
            target.kind = "photo"
            target.credit = item.text
            target.units.append(Unit("mark", "", item.first, item.last))
            target.closed = True
    return stories, pending


def _roles(unit: Unit) -> list[str]:
    return unit.roles if len(unit.roles) == len(unit.names) else [""] * len(unit.names)


#: How many stories either side of a heading group may claim it (see `_assign_headings`).
_NEAR_STORIES = 48


def _assign_headings(stories: list[_Story], pending: list[tuple[int, list[Unit]]]) -> None:
    """Give each heading group to the story it belongs to.

    The story just before a group owns it when it has no title yet: that is how these
    pages run (story, byline, headline). A group can also carry the next headline along
    (a news item's title followed by the lead story's kicker and title, set at the foot of
    the page): an element that shares more word pairs with another untitled story than
    with the story before goes to that story, with the elements after it.
    """
    cache: dict[int, set[str]] = {}
    for after, group in pending:
        elements = _element_units(group)
        before = stories[after] if after >= 0 else None
        if before is not None and (before.heads or before.kind != "article"):
            before = None
        # Only stories near the group compete for it: a printed page has a few dozen at
        # most, so this changes nothing there, while a text of thousands of short lines
        # would otherwise compare every heading with every story (quadratic).
        near = stories[max(0, after - _NEAR_STORIES) : max(0, after) + _NEAR_STORIES + 1]
        others = [s for s in near if not s.heads and s.kind == "article" and s is not before]
        # Word pairs are kept only for the stories in reach: on a 4 MB text the pairs of
        # every story at once were most of the parser's memory.
        if len(cache) > 4 * _NEAR_STORIES:
            reach = {id(s) for s in near}
            for key in [key for key in cache if key not in reach]:
                del cache[key]
        if before is None:
            target = _best_match(others, elements, cache) if others else None
            if target is None:
                target = _Story(closed=True)
                stories.append(target)
            target.heads.extend(elements)
            continue
        split = len(elements)
        if others:
            for j, element in enumerate(elements[1:], start=1):
                grams = _bigrams("".join(u.text for u in element))
                best = max(len(grams & _story_bigrams(s, cache)) for s in others)
                if best > len(grams & _story_bigrams(before, cache)):
                    split = j
                    break
        before.heads.extend(elements[:split])
        if split < len(elements):
            rest = elements[split:]
            target = _best_match(others, rest, cache)
            assert target is not None
            target.heads.extend(rest)


def _story_bigrams(story: _Story, cache: dict[int, set[str]]) -> set[str]:
    """``_bigrams(story.text())``, computed once per story (its units do not change here)."""
    grams = cache.get(id(story))
    if grams is None:
        grams = cache[id(story)] = _bigrams(story.text())
    return grams


def _best_match(
    stories: list[_Story], elements: list[list[Unit]], cache: dict[int, set[str]]
) -> _Story | None:
    """The story sharing the most word pairs with ``elements`` (None if none is given)."""
    if not stories:
        return None
    grams = _bigrams("".join(u.text for e in elements for u in e))
    return max(stories, key=lambda s: len(grams & _story_bigrams(s, cache)))


def _element_units(group: list[Unit]) -> list[list[Unit]]:
    """Split a heading group into elements: rows with no blank line between are one."""
    elements: list[list[Unit]] = []
    for unit in group:
        if unit.tight_group and elements:
            elements[-1].append(unit)
        else:
            elements.append([unit])
    return elements


def _element_text(element: list[Unit]) -> str:
    return join_lines(u.text for u in element)


def _attach_captions(stories: list[_Story], order: list[Unit]) -> list[_Story]:
    """A caption that comes right after a story's headline is that story's photo caption."""
    last_head_story: dict[int, _Story] = {}
    for story in stories:
        for group in story.heads:
            last_head_story[group[-1].last] = story
    # Units come in page order, so those ending before a line are a prefix of ``order``:
    # found by bisection, not by a scan per caption (quadratic on pages of many photos).
    lasts = [u.last for u in order]
    in_order = all(a <= b for a, b in itertools.pairwise(lasts))
    kept: list[_Story] = []
    for story in stories:
        if story.kind == "caption" and story.credit and story.units:
            first = story.units[0].first
            if in_order:
                before = bisect_left(lasts, first)
                prev = order[before - 1] if before else None
            else:
                prev = next((u for u in reversed(order) if u.last < first), None)
            if prev is not None and prev.kind == "head" and prev.last in last_head_story:
                owner = last_head_story[prev.last]
                if owner is not story and owner.kind == "article" and not owner.captions:
                    owner.captions.extend(u.text for u in story.units if u.text)
                    owner.credit = owner.credit or story.credit
                    owner.units.extend(Unit("mark", "", u.first, u.last) for u in story.units)
                    continue
        kept.append(story)
    return kept


def _article(story: _Story, path: str, index: int) -> Article:
    blocks: list[Block] = []
    captions = list(story.captions)
    for unit in story.units:
        if unit.kind in ("para", "marker") and unit.text:
            blocks.append(Block("paragraph", unit.text))
        elif unit.kind == "subhead":
            blocks.append(Block("subhead", unit.text))
        elif unit.kind == "wide" and unit.text:
            if story.kind == "caption":
                captions.append(unit.text)
            else:
                body, caption = _split_photo_caption(unit.text)
                if body:
                    blocks.append(Block("paragraph", body))
                if caption:
                    captions.append(caption)
    kicker: str | None = None
    title: str | None = None
    elements = [_element_text(e) for e in story.heads]
    if len(elements) == 1:
        title = elements[0]
    elif elements:
        kicker, title = elements[0], " ".join(elements[1:])
    lines = [u.first for u in story.units] + [u.last for u in story.units]
    lines += [u.first for g in story.heads for u in g] + [u.last for g in story.heads for u in g]
    kind = story.kind
    if kind == "caption" and story.credit is None and blocks:
        kind = "article"
    return Article(
        id=f"{path}#{index + 1}",
        source=Source(path, min(lines), max(lines)),
        kind=kind,  # type: ignore[arg-type]
        title=title,
        kicker=kicker,
        byline=list(story.byline),
        byline_roles=list(story.roles) if any(story.roles) else [],
        dateline=story.dateline,
        credit=story.credit,
        captions=captions,
        blocks=blocks,
    )


def _split_photo_caption(text: str) -> tuple[str, str]:
    """Split off a trailing ``图为…`` sentence: it describes the photo, not the news."""
    at = text.rfind("图为")
    if at > 0 and text[at - 1] in "。！？" and is_terminal(text):
        return text[:at], text[at:]
    return text, ""
