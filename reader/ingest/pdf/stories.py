"""Stories from a page's grid: who owns each column stretch, then the fields of each story.

A story owns the columns its head spans, from the head down to the next barrier in each
column (another head or a rule). A stretch of column that no head owns is, at the top of a
band, the story from the column to its left running on (the story "continues in the next
column"); a stretch that starts with a picture is a photo item; anything else is a story
without a headline. Within a story the text is read column by column, top to bottom; a
first-line indent of 1.5 em or more starts a paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.ingest.pdf.heads import Head, Picture
from reader.ingest.pdf.layout import FULL_WIDTH, Grid, Line, column_of, overlapping_columns
from reader.ingest.pdf.roles import (
    CONTINUED_RE,
    DATELINE_RE,
    SizeClass,
    byline_text,
    is_byline,
    is_credit,
    is_terminal,
    join_text,
    split_credit,
)

Item = Line | Picture
#: Blank space between two items of a column, in body ems, that parts stories like a rule
#: (inside a story, lines are 0.5 em apart and a subhead leaves about 1 em).
SPACE = 1.6
#: The same between a head and the first item under it in a column.
HEAD_SPACE = 8.0


@dataclass(slots=True)
class Story:
    """A story in the making: its head (if any) and the column stretches it owns."""

    head: Head | None
    order: tuple[float, float, float]
    stretches: list[tuple[int, float, list[Item]]] = field(default_factory=list)


@dataclass(slots=True)
class Fields:
    """The fields of one article, as the page gives them."""

    title: str | None = None
    kicker: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    captions: list[str] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    photo: bool = False


def _top(item: Item) -> float:
    return item.top


def _span(item: Item) -> tuple[float, float]:
    return (item.box.x0, item.box.x1) if isinstance(item, Picture) else (item.x0, item.x1)


def _bottom(item: Item) -> float:
    return item.bottom


@dataclass(slots=True)
class _Orphan:
    """A column stretch no head owns: ``barrier`` is the rule (or page top) above it."""

    column: int
    barrier: float
    items: list[Item]

    @property
    def top(self) -> float:
        return _top(self.items[0])

    @property
    def bottom(self) -> float:
        return max(map(_bottom, self.items))


def assign(items: list[Item], heads: list[Head], grid: Grid) -> list[Story]:
    """Give every item to a story (see the module docstring)."""
    width = max(grid.right - grid.left, 1.0)
    full = sorted(r.y for r in grid.rules if r.x1 - r.x0 >= FULL_WIDTH * width
                  and grid.header_bottom < r.y < grid.footer_top)
    stories = {id(h): Story(h, (bisect_right(full, h.top), min(h.columns), h.top)) for h in heads}
    streams: dict[int, list[Item]] = {c: [] for c in range(len(grid.columns))}
    for item in items:
        x0, x1 = _span(item)
        over = overlapping_columns(grid, x0, x1)
        streams[over[0] if over else column_of(grid, x0, x1)].append(item)
    orphans: list[_Orphan] = []
    for column, stream in streams.items():
        c0, c1 = grid.columns[column]
        events: list[tuple[float, int, object]] = [(_top(i), 2, i) for i in stream]
        events += [(h.top, 0, h) for h in heads if column in h.columns]
        events += [(r.y, 1, r) for r in grid.rules
                   if min(r.x1, c1) - max(r.x0, c0) >= 0.5 * (c1 - c0)]
        events.sort(key=lambda e: (e[0], e[1]))
        owner: Story | None = None
        barrier, current = grid.header_bottom, None
        last_bottom: float | None = None
        space = SPACE
        for y, kind, thing in events:
            if kind == 2 and last_bottom is not None and y - last_bottom >= space * grid.body:
                # White space as wide as a rule's: pages set without rules part stories so.
                owner, current, barrier = None, None, (y + last_bottom) / 2
            if kind == 0:
                owner, current = stories[id(thing)], None
                last_bottom = max(thing.bottom, thing.body_top)  # type: ignore[attr-defined]
                space = HEAD_SPACE  # a head's byline or picture may push its text down
            elif kind == 1:
                owner, current, barrier, last_bottom = None, None, y, None
            elif owner is not None:
                if current is None:
                    current = []
                    owner.stretches.append((column, y, current))
                current.append(thing)  # type: ignore[arg-type]
            else:
                if current is None:
                    current = []
                    orphans.append(_Orphan(column, barrier, current))
                current.append(thing)  # type: ignore[arg-type]
            if kind == 2:
                last_bottom, space = _bottom(thing), SPACE  # type: ignore[arg-type]
    result = list(stories.values())
    _adopt(orphans, result)
    for orphan in sorted(orphans, key=lambda o: (bisect_right(full, o.top), o.column, o.top)):
        story = Story(None, (bisect_right(full, orphan.top), orphan.column, orphan.top))
        story.stretches.append((orphan.column, orphan.top, orphan.items))
        result.append(story)
    result = [s for s in result if s.head is not None or s.stretches]
    result.sort(key=lambda s: s.order)
    return result


def _adopt(orphans: list[_Orphan], stories: list[Story]) -> None:
    """Give orphan stretches to the story beside them that starts in the same space.

    A stretch beside a story's stretch (the column to the left first: a story running
    on into the next column), overlapping it in height, under the same rule, belongs to
    that story: the head was narrower than the story, or the story ran on. A stretch
    that starts with a picture is a photo item of its own. Repeats until nothing moves,
    so a story can run on over several columns.
    """
    changed = True
    while changed:
        changed = False
        for orphan in list(orphans):
            if isinstance(orphan.items[0], Picture):
                continue
            owner = _neighbour(orphan, stories)
            if owner is not None:
                owner.stretches.append((orphan.column, orphan.top, orphan.items))
                orphans.remove(orphan)
                changed = True


def _neighbour(orphan: _Orphan, stories: list[Story]) -> Story | None:
    """The story beside an orphan stretch that it belongs to, if any.

    Candidates are stories in the column to either side that start under the same rule
    and reach the stretch's height. The stretch belongs to the one whose start it lies
    nearest: right under a head beside it (a head narrower than its story), or level
    with the top of a story running on from the left.
    """
    best: Story | None = None
    best_distance = float("inf")
    for side in (orphan.column - 1, orphan.column + 1):
        for story in stories:
            start = story.head.top if story.head is not None else story.order[2]
            if start < orphan.barrier - 1.0 or start > orphan.bottom:
                continue
            spans = [(_top(items[0]), max(map(_bottom, items)))
                     for column, _y, items in story.stretches if column == side and items]
            beside = story.head is not None and side in story.head.columns
            if beside:
                # A head owns its column down to whatever comes next, text or not.
                spans.append((story.head.top, max(story.head.bottom, orphan.top)))
            if not spans or min(t for t, _ in spans) > orphan.bottom \
                    or max(b for _, b in spans) < orphan.top:
                continue
            if beside:
                under = max(story.head.bottom, story.head.body_top)  # type: ignore[union-attr]
                distance = max(0.0, orphan.top - under, start - orphan.top)
            else:
                distance = abs(orphan.top - min(t for t, _ in spans))
            if distance < best_distance - 0.5:
                best, best_distance = story, distance
    return best


def widen_heads(heads: list[Head], pictures: list[Picture], grid: Grid) -> None:
    """A head narrower than its story: take in the columns of the byline and picture
    set right under it (a short title centred over a wide story)."""
    for head in heads:
        x0 = min(ln.x0 for ln in [*head.title, *head.kicker])
        x1 = max(ln.x1 for ln in [*head.title, *head.kicker])
        spans = [(ln.x0, ln.x1) for ln in head.bylines]
        bottom = head.bottom
        reach = max(2.5 * grid.body, max(ln.size for ln in head.title))
        for picture in pictures:
            box = picture.box
            if 0 <= box.top - bottom <= reach and min(box.x1, x1) > max(box.x0, x0):
                spans.append((box.x0, box.x1))
                head.body_top = max(head.body_top, picture.bottom)
        for s0, s1 in spans:
            head.columns = sorted(set(head.columns) | set(overlapping_columns(grid, s0, s1)))


def story_fields(story: Story, grid: Grid, classes: dict[int, SizeClass],
                 lefts: dict[int, float]) -> Fields:
    """The article fields of a story, reading its stretches column by column."""
    out = Fields()
    head = story.head
    if head is not None:
        out.title = join_text(ln.text for ln in head.title)
        if head.kicker:
            out.kicker = join_text(ln.text for ln in head.kicker)
        if head.subtitle and out.kicker is None:
            # The smaller line right under a headline plays the kicker's part (副题).
            out.kicker = join_text(ln.text for ln in head.subtitle)
        elif head.subtitle:
            out.blocks.append(("subhead", join_text(ln.text for ln in head.subtitle)))
        out.byline.extend(byline_text(ln.text) for ln in head.bylines)
    paragraph: list[str] = []
    glue = False  # the next line continues the paragraph whatever its indent

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            text = join_text(paragraph)
            if out.dateline is None and _only_subheads(out):
                match = DATELINE_RE.match(text)
                if match and match.end() < len(text):
                    out.dateline = match.group(0)
                    text = text[match.end():].lstrip()
            out.blocks.append(("paragraph", text))
        paragraph = []

    stretches = sorted(story.stretches, key=lambda s: (s[0], s[1]))
    for column, _top_y, items in stretches:
        left = lefts.get(column, grid.columns[column][0])
        subhead: list[str] = []
        for item in items:
            if isinstance(item, Picture):
                flush()
                _picture(out, item)
                continue
            text = item.text
            role = classes[id(item)]
            if role == "mid" or role == "title":
                flush()
                subhead.append(text)
                continue
            if subhead:
                out.blocks.append(("subhead", join_text(subhead)))
                subhead = []
            open_para = bool(paragraph) and not is_terminal(paragraph[-1])
            marker = CONTINUED_RE.fullmatch(text.strip())
            if marker and paragraph and marker.group(1) in ("下转", "转"):
                paragraph.append(text)
                flush()
                continue
            if not open_para and not glue and is_byline(text):
                flush()
                out.byline.append(byline_text(text))
                continue
            if not open_para and not glue and is_credit(text) and len(text) <= 30:
                flush()
                out.credit = text if out.credit is None else f"{out.credit} {text}"
                continue
            indent = item.x0 - left
            if glue or (paragraph and indent < 1.5 * grid.body):
                paragraph.append(text)
            else:
                flush()
                paragraph = [text]
            glue = bool(marker)
        if subhead:
            out.blocks.append(("subhead", join_text(subhead)))
    flush()
    if head is None and not any(kind == "paragraph" for kind, _ in out.blocks) \
            and (out.captions or out.credit):
        out.photo = True
    return out


def _only_subheads(out: Fields) -> bool:
    return all(kind == "subhead" for kind, _ in out.blocks)


def _picture(out: Fields, picture: Picture) -> None:
    for lines in picture.captions:
        text, credit = split_credit(join_text(ln.text for ln in lines))
        if text:
            out.captions.append(text)
        if credit:
            out.credit = credit if out.credit is None else f"{out.credit} {credit}"
    for line in picture.credits:
        text = line.text.strip()
        out.credit = text if out.credit is None else f"{out.credit} {text}"


def column_lefts(lines: list[Line], grid: Grid, classes: dict[int, SizeClass]) -> dict[int, float]:
    """Where each column's unindented body lines start: the column's edge from the grid, or
    a body line that starts further left."""
    lefts = {c: c0 + 1.0 for c, (c0, _c1) in enumerate(grid.columns)}
    for line in lines:
        if classes[id(line)] != "body":
            continue
        over = overlapping_columns(grid, line.x0, line.x1)
        if len(over) == 1 and line.x0 < lefts[over[0]]:
            lefts[over[0]] = line.x0
    return lefts
