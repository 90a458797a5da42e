"""The fixed points of a page: story heads (kicker, title, subtitle, bylines) and pictures.

A head is where a story begins: its title, set clearly larger than the body, with a
kicker right above it and a subtitle right below (both in between sizes) and, often, the
byline under them. The columns the head spans are the story's columns. A picture is an
image box with the small type next to it: its caption and credit (``图为…``, ``…/摄``).
Everything consumed here is left out of the column streams of :mod:`.stories`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.ingest.pdf.extract import Box
from reader.ingest.pdf.layout import Grid, Line, overlapping_columns
from reader.ingest.pdf.roles import (
    CAPTION_START,
    SizeClass,
    is_byline,
    is_credit,
    is_terminal,
)


@dataclass(slots=True)
class Head:
    """A story's head: title lines, kicker and subtitle lines, byline lines under it."""

    title: list[Line]
    kicker: list[Line] = field(default_factory=list)
    subtitle: list[Line] = field(default_factory=list)
    bylines: list[Line] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    #: Where the story's text can start: under the head and a picture set right under it.
    body_top: float = 0.0

    @property
    def top(self) -> float:
        return min(ln.top for ln in [*self.kicker, *self.title])

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in [*self.title, *self.subtitle, *self.bylines])


@dataclass(slots=True)
class Picture:
    """An image box with its caption lines and credit lines."""

    box: Box
    captions: list[list[Line]] = field(default_factory=list)
    credits: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min([self.box.top, *(ln.top for ln in self._lines())])

    @property
    def bottom(self) -> float:
        """The bottom of the picture with its caption and credit."""
        return max([self.box.bottom, *(ln.bottom for ln in self._lines())])

    def _lines(self) -> list[Line]:
        return [*(ln for group in self.captions for ln in group), *self.credits]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


#: A line at least this much larger than the body that opens a space under a rule (or the
#: page header) is a headline even below the title ratio: small stories' titles.
PROMOTE_RATIO = 1.3


def promote_heads(lines: list[Line], classes: dict[int, SizeClass], grid: Grid) -> None:
    """Headline a mid-size line that is the first thing under a rule, unless it is a kicker
    (a title follows right under it)."""
    body = grid.body
    for line in lines:
        if classes[id(line)] != "mid" or line.size < PROMOTE_RATIO * body:
            continue
        barrier = max((r.y for r in grid.rules if r.y <= line.top + 1
                       and _overlap(r.x0, r.x1, line.x0, line.x1) > 0),
                      default=grid.header_bottom)
        if line.top - barrier > 3 * line.size:
            continue
        above = any(_overlap(o.x0, o.x1, line.x0, line.x1) > 0 and barrier < o.bottom <= line.top
                    for o in lines if o is not line)
        below = any(classes[id(o)] == "title" and _overlap(o.x0, o.x1, line.x0, line.x1) > 0
                    and 0 <= o.top - line.bottom <= 1.2 * line.size for o in lines)
        if not above and not below:
            classes[id(line)] = "title"


def find_heads(lines: list[Line], classes: dict[int, SizeClass], grid: Grid,
               used: set[int]) -> list[Head]:
    """Group title-size lines into heads and attach their kickers, subtitles and bylines."""
    titles = [ln for ln in lines if classes[id(ln)] == "title"]
    titles.sort(key=lambda ln: (ln.top, ln.x0))
    groups: list[list[Line]] = []
    for line in titles:
        best: list[Line] | None = None
        best_overlap = 0.0
        for group in groups:
            last = group[-1]
            # Letter-spaced titles come apart into single characters on one row.
            if abs(line.mid - last.mid) <= 0.3 * line.size and \
                    0 <= line.x0 - last.x1 <= 1.2 * line.size and \
                    min(len(line.text), len(last.text)) <= 2:
                best, best_overlap = group, float("inf")
                continue
            mid = (line.x0 + line.x1) / 2
            # Of two titles above, the one this line is centred under.
            overlap = _overlap(line.x0, line.x1, last.x0, last.x1) \
                - 0.01 * abs(mid - (last.x0 + last.x1) / 2)
            if 0 <= line.top - last.bottom <= 0.7 * line.size and overlap > best_overlap \
                    and min(g.x0 for g in group) <= mid <= max(g.x1 for g in group) \
                    and abs(line.size - last.size) <= 0.1 * line.size:
                best, best_overlap = group, overlap
        if best is None:
            groups.append([line])
        else:
            best.append(line)
    heads = [Head(group) for group in groups]
    for head in heads:
        used.update(id(ln) for ln in head.title)
    for head in heads:
        _attach(head, lines, classes, grid, used)
    return heads


def _attach(head: Head, lines: list[Line], classes: dict[int, SizeClass], grid: Grid,
            used: set[int]) -> None:
    x0 = min(ln.x0 for ln in head.title)
    x1 = max(ln.x1 for ln in head.title)
    size = max(ln.size for ln in head.title)
    for line in sorted(lines, key=lambda ln: -ln.bottom):  # upward from the title
        if id(line) in used or classes[id(line)] != "mid":
            continue
        if 0 <= head.top - line.bottom <= 1.0 * size and _overlap(line.x0, line.x1, x0, x1) > 0:
            head.kicker.insert(0, line)
            used.add(id(line))
    for line in lines:  # downward: subtitle lines, then bylines
        if id(line) in used or _overlap(line.x0, line.x1, x0, x1) <= 0:
            continue
        gap = line.top - head.bottom
        centred = abs((line.x0 + line.x1) / 2 - (x0 + x1) / 2) <= max((x1 - x0) / 4, size)
        if classes[id(line)] == "mid" and not head.bylines and 0 <= gap <= 0.8 * size \
                and centred and not _beside_body(line, lines, classes, grid, x0, x1):
            head.subtitle.append(line)
            used.add(id(line))
        elif classes[id(line)] != "title" and 0 <= gap <= max(2.0 * grid.body, 0.8 * size) \
                and is_byline(line.text):
            head.bylines.append(line)
            used.add(id(line))
    span_x0 = min(ln.x0 for ln in [*head.title, *head.kicker])
    span_x1 = max(ln.x1 for ln in [*head.title, *head.kicker])
    head.columns = overlapping_columns(grid, span_x0, span_x1)
    if not head.columns:
        from reader.ingest.pdf.layout import column_of

        head.columns = [column_of(grid, span_x0, span_x1)]


def _beside_body(line: Line, lines: list[Line], classes: dict[int, SizeClass], grid: Grid,
                 x0: float, x1: float) -> bool:
    """True when body text in or beside the head's columns starts level with ``line``: then
    it is the subhead heading a column, not a subtitle (which comes before any body text)."""
    near = {c + step for c in overlapping_columns(grid, x0, x1) for step in (-1, 0, 1)}
    return any(classes[id(other)] == "body" and other.top < line.bottom
               and other.bottom > line.top
               and near.intersection(overlapping_columns(grid, other.x0, other.x1))
               for other in lines)


def find_pictures(lines: list[Line], classes: dict[int, SizeClass], boxes: list[Box],
                  grid: Grid, used: set[int]) -> list[Picture]:
    """Each image box with the caption and credit lines set right above or below it."""
    pictures = [Picture(box) for box in boxes
                if box.bottom > grid.header_bottom and box.top < grid.footer_top]
    reach = 2.5 * grid.body
    for picture in pictures:
        group = _caption_lines(picture.box, lines, classes, used, reach, below=True) or \
            _caption_lines(picture.box, lines, classes, used, reach, below=False)
        _split_caption(picture, group)
        used.update(id(ln) for ln in group)
    return pictures


def _caption_lines(box: Box, lines: list[Line], classes: dict[int, SizeClass], used: set[int],
                   reach: float, *, below: bool) -> list[Line]:
    """The caption type under (or above) a box, line by line away from it."""
    candidates = sorted((ln for ln in lines if id(ln) not in used
                         and _overlap(ln.x0, ln.x1, box.x0, box.x1) > 0
                         and (ln.top >= box.bottom - 2 if below else ln.bottom <= box.top + 2)),
                        key=lambda ln: ln.top if below else -ln.bottom)
    group: list[Line] = []
    edge = box.bottom if below else box.top
    for line in candidates:
        gap = (line.top - edge) if below else (edge - line.bottom)
        if gap > (reach if not group else 0.8 * line.size):
            break
        small = classes[id(line)] == "small"
        if not (small or is_credit(line.text)
                or (not group and line.text.startswith(CAPTION_START))
                or (group and not is_terminal(group[-1].text)
                    and classes[id(group[-1])] != "small")):
            break
        group.append(line)
        edge = line.bottom if below else line.top
    if not below:
        group.reverse()
    return group


def _split_caption(picture: Picture, group: list[Line]) -> None:
    current: list[Line] = []
    for line in group:
        # A credit broken over two lines (``…设备。 郑`` / ``浩/摄``) is part of the caption.
        if is_credit(line.text) and (not current or is_terminal(current[-1].text)):
            if current:
                picture.captions.append(current)
                current = []
            picture.credits.append(line)
        else:
            current.append(line)
    if current:
        picture.captions.append(current)
