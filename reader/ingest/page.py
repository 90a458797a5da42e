"""Turn a newspaper page, as a PDF-to-text dump gives it, into articles in reading order.

A dump of a page of the 中国高新技术产业导报 looks like this: body text set in columns of
about sixteen characters, every line followed by a blank line (now and then two lines with
none between them), paragraphs marked only by the first line's indent and the short last
line, headlines and bylines wherever the PDF's text order put them (often *after* their
story), photo items in long lines with a ``…/摄`` credit, and captions.

Nothing here knows any particular story. The page's own structure decides:

1. :func:`_rows` keeps the non-blank lines with their line numbers, their width in ems and
   whether a blank line separated them from the previous one.
2. :func:`_units` groups rows into units: paragraphs (joined lines), heading elements,
   bylines, credits, and wide rows (photo text and captions), from line widths relative to
   the local column width, punctuation, and markers (▶ 本报讯 /摄 图片来源).
3. :func:`_stories` cuts the units into stories (at 本报讯 datelines, bylines and titles)
   and :func:`_assign_headings` gives each heading group to the story it belongs to:
   the one before it, or the untitled story whose text it shares most words with.

Every non-whitespace character of the page ends up in exactly one field of one article
(only the ▶ marker is dropped), which the property tests check.
"""

from __future__ import annotations

import itertools
import re
import statistics
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.model import Article, Block, Source

#: Punctuation that ends a sentence, possibly followed by closing quotes or brackets.
_TERMINAL_RE = re.compile(r"[。！？!?…；;]+[”’」』）)》]*$|[”’」』]+[。！？!?]$")
#: Punctuation that shows a line runs on (a heading never ends with it).
_RUN_ON = set("，、：；,:;（(“‘《「『【")

_BYLINE_MARK = "▶"
_MIN_COLUMN = 12.0
_DATELINE_RE = re.compile(r"^(本报讯|本刊讯|新华社电|新华社\S{2,4}\d{1,2}月\d{1,2}日电)")
_DATELINE_BYLINE_RE = re.compile(r"^[（(]([^（()）]{2,40})[）)]")
#: ``…/摄`` or ``… 摄`` at the end of a line: a photo credit.
_PHOTO_CREDIT_RE = re.compile(r"^(?:[^\s。！？]{1,12}(?:\s+[^\s。！？]{1,12}){0,3})\s*/?\s*摄$")
_SOURCE_CREDIT_RE = re.compile(r"(?:图片来源|图片提供|供图|来源)\s*[：:]\s*\S.*$")
#: A line that ends inside a number or before its unit (``1168 亿`` / ``元``).
_SPLIT_NUMBER_RE = re.compile(r"[0-9０-９.．%％]\s*[十百千万亿]?$|[A-Za-z]$")


# Hanzi tests are plain comparisons, not regular expressions: a character class over the
# CJK block costs about a millisecond per use to compile, and this module is imported
# before the app's first paint.
def _is_hanzi(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _has_hanzi(text: str) -> bool:
    return any(map(_is_hanzi, text))


def _is_name(token: str) -> bool:
    """A personal name as bylines carry it: 2-4 hanzi, or two hanzi runs joined by ·."""
    if "·" in token:
        first, _, last = token.partition("·")
        return 1 <= len(first) <= 6 and 1 <= len(last) <= 8 and all(map(_is_hanzi, first + last))
    return 2 <= len(token) <= 4 and all(map(_is_hanzi, token))


def _is_names(text: str) -> bool:
    """True when ``text`` is nothing but names separated by spaces."""
    tokens = text.split()
    return bool(tokens) and all(map(_is_name, tokens))


_SENTENCE_END_CHARS = "。！？!?…"
_CLOSERS = "”’」』）)"


def split_trailing_byline(text: str) -> tuple[str, str] | None:
    """``(body, names)`` when a line ends a sentence and then names its writers after a
    space (``…质量发展。 博闻``), else None."""
    for at in range(len(text) - 1, 0, -1):
        if not text[at].isspace() or text[at - 1].isspace():
            continue
        end = text[at - 1]
        if end in _SENTENCE_END_CHARS or (end in _CLOSERS and at >= 2 and text[at - 2] in "。！？"):
            names = text[at:].strip()
            return (text[:at], names) if _is_names(names) else None
    return None


def _ems(text: str) -> float:
    """Printed width of a line in ems: hanzi 1, Latin and digits ½, quotes ½, spaces ¼.

    Counted with C string methods, not a loop over characters: a file that is one 1 MB
    line is measured here before anything is shown (the sums are exact: halves and quarters).
    """
    quotes = sum(map(text.count, "“”‘’"))
    spaces = text.count(" ")
    latin = len(text.encode("latin-1", "ignore"))  # the characters below U+0100
    return 0.5 * quotes + 0.25 * spaces + 0.5 * (latin - spaces) + (len(text) - latin - quotes)


def is_terminal(text: str) -> bool:
    """True when ``text`` ends a sentence (。！？… optionally closed by quotes)."""
    return bool(_TERMINAL_RE.search(text))


@dataclass(slots=True)
class Row:
    """A non-blank line of the page."""

    line: int
    text: str
    ems: float
    tight: bool  # no blank line between this row and the previous one
    wide: bool = False
    next_text: str = ""
    next_tight: bool = False


@dataclass(slots=True)
class Unit:
    """A piece of the page: a paragraph, heading element, byline, credit or wide text."""

    kind: str  # "para" | "head" | "byline" | "credit" | "wide" | "caption"
    text: str
    first: int
    last: int
    names: list[str] = field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    tight_group: bool = False  # a heading that continues the previous heading (no blank)


def _rows(text: str) -> list[Row]:
    rows: list[Row] = []
    blank_before = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        rows.append(Row(number, line, _ems(line), tight=not blank_before and bool(rows)))
        if len(rows) > 1:
            rows[-2].next_text, rows[-2].next_tight = line, rows[-1].tight
        blank_before = False
    return rows


def _column_width(rows: list[Row]) -> float:
    """The page's usual column width in ems: a high quantile of the rows' widths."""
    widths = sorted(r.ems for r in rows)
    if not widths:
        return _MIN_COLUMN
    core = widths[len(widths) // 10 : max(len(widths) * 9 // 10, 1)] or widths
    estimate = statistics.median(core) if len(core) < 4 else core[len(core) * 3 // 4]
    # Newspaper columns are never narrower than this; a page of a few short lines
    # must not make its ordinary lines look "wide".
    return max(estimate, _MIN_COLUMN)


def _local_width(rows: list[Row], i: int, column: float) -> float:
    """Column width near row ``i``: a high quantile of the nearby full-looking rows.

    Most lines of a column are full; the first lines of paragraphs (indented), the
    last ones and headings are shorter, so the upper quartile is the column's measure.
    """
    near = sorted(
        r.ems
        for r in rows[max(0, i - 8) : i + 9]
        if not r.wide and r.ems >= column * 0.8 and r.ems <= column * 1.3
    )
    return near[len(near) * 3 // 4] if len(near) >= 3 else column


def _split_names(text: str) -> list[str]:
    return [n for n in text.replace("　", " ").split() if n]


def _is_byline_row(row: Row, column: float) -> bool:
    if row.text.startswith(_BYLINE_MARK):
        return True
    if _is_names(row.text):
        tokens = row.text.split()
        return len(tokens) >= 2 or len(tokens[0]) <= 3
    return False


def _units(rows: list[Row]) -> list[Unit]:
    column = _column_width(rows)
    for row in rows:
        row.wide = row.ems > column * 1.45
    units: list[Unit] = []
    para: list[Row] = []

    def flush() -> None:
        if para:
            units.append(_paragraph(para))
            para.clear()

    n = len(rows)
    for i, row in enumerate(rows):
        text = row.text
        local = _local_width(rows, i, column)
        at_start = not para
        if (
            _PHOTO_CREDIT_RE.match(text)
            and (i + 1 == n or not para or row.ems < local * 0.6)
            and (not para or is_terminal(para[-1].text) or para[-1].wide)
        ):
            flush()
            units.append(Unit("credit", text, row.line, row.line))
            continue
        if at_start and _is_byline_row(row, local):
            units.append(
                Unit(
                    "byline",
                    text,
                    row.line,
                    row.line,
                    names=_split_names(text.removeprefix(_BYLINE_MARK)),
                )
            )
            continue
        if para and para[-1].wide and not row.wide and not is_terminal(para[-1].text):
            # The short last line of a paragraph set in long lines.
            para.append(row)
            if is_terminal(text) or i + 1 == n or not rows[i + 1].wide:
                flush()
            continue
        if row.wide:
            if para and not para[-1].wide:
                flush()
            if is_terminal(text) or _SOURCE_CREDIT_RE.search(text) or i + 1 == n:
                para.append(row)
                flush()
            elif not para and not (
                i + 1 < n and (rows[i + 1].wide or is_terminal(rows[i + 1].text))
            ):
                # A lone wide row that ends open and runs into no more text is a long
                # headline (set across columns), not photo text.
                units.append(Unit("head", text, row.line, row.line))
            else:
                para.append(row)
            continue
        if (
            at_start
            and units
            and units[-1].kind == "head"
            and units[-1].last == rows[i - 1].line
            and row.tight
            and not is_terminal(text)
            and "，" not in text
        ):
            # The second line of a headline set on two lines (no blank between them).
            units.append(Unit("head", text, row.line, row.line, tight_group=True))
            continue
        if at_start and _is_heading_row(rows, i, local):
            tight = bool(units) and units[-1].kind == "head" and row.tight
            units.append(Unit("head", text, row.line, row.line, tight_group=tight))
            continue
        trailing = split_trailing_byline(text) if row.ems < local + 4 else None
        if trailing:
            # Body text never puts a space after a full stop: names there are a byline.
            para.append(Row(row.line, trailing[0], row.ems, row.tight))
            flush()
            units.append(
                Unit(
                    "byline",
                    trailing[1],
                    row.line,
                    row.line,
                    names=_split_names(trailing[1]),
                )
            )
            continue
        para.append(row)
        # A short line that ends a sentence ends its paragraph (lines inside a paragraph
        # are full); a full one does unless the next line carries on unindented.
        # A paragraph's first line is short anyway (indented), so only the next line can
        # tell whether it goes on.
        short = row.ems < local - 1.5 and len(para) > 1
        if is_terminal(text) and (short or i + 1 == n or not _continues(rows[i + 1], local)):
            flush()
    flush()
    return _fold_photo_tails(units)


def _fold_photo_tails(units: list[Unit]) -> list[Unit]:
    """A one-line paragraph between photo text and its credit is the photo text's end.

    Long-line text can end a sentence exactly at a line end and carry a short last line.
    """
    out: list[Unit] = []
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        if (
            unit.kind == "para"
            and unit.first == unit.last
            and unit.dateline is None
            and out
            and out[-1].kind == "wide"
            and nxt is not None
            and nxt.kind == "credit"
        ):
            out[-1].text = join_lines([out[-1].text, unit.text])
            out[-1].last = unit.last
            continue
        out.append(unit)
    return out


def _heads_a_byline(row: Row) -> bool:
    """True when ``row`` is directly followed by a ▶ byline: it is that story's headline."""
    return row.next_text.startswith(_BYLINE_MARK) and row.next_tight


def _continues(next_row: Row, local: float) -> bool:
    """True when ``next_row`` reads as the same paragraph going on (full width, no indent)."""
    if next_row.wide or next_row.text.startswith(_BYLINE_MARK):
        return False
    if _DATELINE_RE.match(next_row.text) or next_row.ems > local + 2.5:
        return False
    if next_row.ems < local + 2.5 and not next_row.tight and _heads_a_byline(next_row):
        return False
    # A new paragraph's first line is indented by two ems; a continuing one is full, or
    # is the short line that ends the paragraph (one-line paragraphs are rare in news).
    return next_row.ems >= local - 0.75 or is_terminal(next_row.text)


def _reaches_sentence_end(rows: list[Row], i: int, limit: int = 40) -> bool:
    """True when a sentence ends in the rows from ``i`` on, before any structural break
    (a byline, a dateline, a wide row, a credit) or the end of the page."""
    for row in rows[i : i + limit]:
        if (
            row.wide
            or row.text.startswith(_BYLINE_MARK)
            or (row is not rows[i] and _DATELINE_RE.match(row.text))
        ):
            return False
        if is_terminal(row.text) or split_trailing_byline(row.text):
            return True
    # Past the look-ahead window we cannot tell; at the end of the page we can.
    return i + limit < len(rows)


def _is_heading_row(rows: list[Row], i: int, local: float) -> bool:
    """A row standing alone between paragraphs, with no sentence punctuation."""
    row = rows[i]
    text = row.text
    if is_terminal(text) or text[-1] in _RUN_ON or _DATELINE_RE.match(text):
        return False
    if "。" in text or "；" in text or not _has_hanzi(text) or text[-1].isdigit():
        return False
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is None or nxt.wide or nxt.text.startswith(_BYLINE_MARK) or _DATELINE_RE.match(nxt.text):
        return True
    if not _reaches_sentence_end(rows, i):
        # Nothing from here to the next break ends a sentence: no paragraph starts here.
        return True
    if (
        nxt.tight
        and not _SPLIT_NUMBER_RE.search(text)
        and not is_terminal(nxt.text)
        and "，" not in nxt.text
        and nxt.ems < local - 1.0
    ):
        # Two lines with no blank between them, not a number split from its unit: a
        # headline set on two lines.
        return True
    if "，" in text and row.ems > local * 0.6:
        return False
    # A heading is followed by a fresh start: a paragraph's indented first line. A
    # paragraph's own first line is followed by a full line carrying its sentence on,
    # or by the line that ends it (one-line paragraphs after a subhead are rare).
    ends = is_terminal(nxt.text) or bool(split_trailing_byline(nxt.text))
    return nxt.ems < local - 1.0 and not ends


def _paragraph(rows: list[Row]) -> Unit:
    text = join_lines(r.text for r in rows)
    unit = Unit("wide" if rows[0].wide else "para", text, rows[0].line, rows[-1].line)
    match = _DATELINE_RE.match(text)
    if match and unit.kind == "para":
        unit.dateline = match.group(1)
        rest = text[match.end() :].lstrip()
        inner = _DATELINE_BYLINE_RE.match(rest)
        if inner:
            unit.names = _split_names(inner.group(1).replace("、", " "))
            rest = rest[inner.end() :].lstrip()
        unit.text = rest
    return unit


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one paragraph as the page meant them.

    Nothing goes between hanzi, nor between a number and a unit split across lines
    (``总投资 1168 亿`` + ``元。`` → ``总投资 1168 亿元。``). Only two Latin words broken
    at a line end get a space, as in English text.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if (
            out
            and out[-1].isascii()
            and out[-1].isalpha()
            and line[0].isascii()
            and line[0].isalpha()
        ):
            out += " "
        out += line
    return out


@dataclass(slots=True)
class _Story:
    units: list[Unit] = field(default_factory=list)
    heads: list[list[Unit]] = field(default_factory=list)  # heading elements, in order
    byline: list[str] = field(default_factory=list)
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
    han = "".join(filter(_is_hanzi, text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _stories(units: list[Unit]) -> tuple[list[_Story], list[tuple[int, list[Unit]]]]:
    """Cut units into stories; return them and the heading groups still to place.

    Each pending heading group carries the index of the story it follows (-1: none).
    """
    stories: list[_Story] = []
    pending: list[tuple[int, list[Unit]]] = []
    current: _Story | None = None
    items = _heading_groups(units)

    def start(**kwargs: object) -> _Story:
        story = _Story(**kwargs)  # type: ignore[arg-type]
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
            )
            if is_subhead and current is not None:
                current.units.append(Unit("subhead", item[0].text, item[0].first, item[0].last))
                continue
            pending.append((len(stories) - 1, item))
            if current is not None and not followed_by_byline:
                current.closed = True
            continue
        if item.kind == "para":
            if current is None or current.closed or current.kind != "article" or item.dateline:
                current = start(dateline=item.dateline)
            if item.names and not current.byline:
                current.byline = list(item.names)
            current.units.append(item)
        elif item.kind == "byline":
            target = current if current is not None else start()
            target.byline.extend(item.names)
            target.units.append(Unit("mark", "", item.first, item.last))
            target.closed = True
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


def parse_page(text: str, path: str = "<page>") -> list[Article]:
    """Parse the text of one page dump into articles, in reading order."""
    rows = _rows(text)
    if not rows:
        return []
    units = _units(rows)
    stories, pending = _stories(units)
    _assign_headings(stories, pending)
    stories = _attach_captions(stories, units)
    stories.sort(key=lambda s: s.first if s.units else min(u.first for g in s.heads for u in g))
    return [_article(story, path, n) for n, story in enumerate(stories)]


def _article(story: _Story, path: str, index: int) -> Article:
    blocks: list[Block] = []
    captions = list(story.captions)
    for unit in story.units:
        if unit.kind == "para" and unit.text:
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


def looks_like_page(text: str) -> bool:
    """True when ``text`` has the shape of a column dump: short lines, blank-separated."""
    rows = _rows(text)
    if len(rows) < 6:
        return False
    short = sum(1 for r in rows if r.ems <= 22)
    spaced = sum(1 for r in rows if not r.tight)
    return short >= len(rows) * 0.6 and spaced >= len(rows) * 0.6
