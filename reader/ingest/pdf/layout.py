"""Lines, the body size, columns and bands of a page, from its characters' boxes.

A printed page is a grid: body text set in one size in equal columns, headlines in larger
type across one or more of them, horizontal rules between stories and under the page
header. This module recovers that grid and nothing more; what each line *is* (title,
byline, caption…) is decided in :mod:`reader.ingest.pdf.roles`.

* Lines: characters grouped by vertical centre, split where the gap exceeds 0.9 em or the
  type size changes (two columns' lines share a baseline but not a gap that wide).
* Body size: the size carrying the most characters.
* Columns: the left edges that body lines share and few lines cross, on one regular grid
  when the page has one.
* The page header and footer: above the first full-width rule near the top, below the last
  near the bottom (or, without rules, the header-like lines at the very edges).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from reader.ingest.pdf.extract import Char, RawPage, Rule

#: Rules at least this share of the page's text width cut the page into bands.
FULL_WIDTH = 0.6
_HEADER_RE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*版|星期[一二三四五六日天]|"
                        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|责任编辑|美\s*编|校\s*对")


@dataclass(slots=True)
class Line:
    """A run of characters on one baseline in one size, with no wide gap inside."""

    chars: list[Char]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Grid:
    """What the layout found: body size, columns, the header/footer cut-offs and rules."""

    body: float
    columns: list[tuple[float, float]]
    header_bottom: float
    footer_top: float
    rules: list[Rule]
    left: float
    right: float


def make_lines(chars: list[Char]) -> list[Line]:
    """Group characters into lines (top to bottom, then left to right)."""
    ordered = sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0))
    rows: list[list[Char]] = []
    centre = -1e9
    for char in ordered:
        mid = (char.top + char.bottom) / 2
        if rows and abs(mid - centre) <= 0.3 * max(char.size, 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
            centre = mid
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        run: list[Char] = []
        for char in row:
            if run and _breaks(run[-1], char):
                _emit(run, lines)
                run = []
            run.append(char)
        _emit(run, lines)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _breaks(previous: Char, char: Char) -> bool:
    # A marker or bracket in its own size (▶ from a symbol font) stays with its words.
    if abs(previous.size - char.size) > 0.08 * max(previous.size, char.size) \
            and previous.text.isalnum() and char.text.isalnum():
        return True
    return char.x0 - previous.x1 > 0.9 * max(previous.size, char.size)


def _emit(run: list[Char], lines: list[Line]) -> None:
    while run and run[-1].text.isspace():
        run.pop()
    while run and run[0].text.isspace():
        run.pop(0)
    if not run:
        return
    sizes = Counter(c.size for c in run)
    fonts = Counter(c.font for c in run)
    lines.append(Line(run, "".join(c.text for c in run), run[0].x0, run[-1].x1,
                      min(c.top for c in run), max(c.bottom for c in run),
                      sizes.most_common(1)[0][0], fonts.most_common(1)[0][0]))


def body_size(lines: list[Line]) -> float:
    """The type size that carries the most characters (0 for a page without text)."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[round(line.size * 2) / 2] += len(line.chars)
    return weight.most_common(1)[0][0] if weight else 0.0


def find_grid(page: RawPage, lines: list[Line]) -> Grid:
    """Body size, header and footer cut-offs, and the columns of the page."""
    body = body_size(lines) or 10.0
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max((ln.x1 for ln in lines), default=page.width)
    width = max(right - left, 1.0)
    full = sorted(r.y for r in page.rules if r.x1 - r.x0 >= FULL_WIDTH * width)
    header_bottom = 0.0
    top_rules = [y for y in full if y <= 0.2 * page.height]
    if top_rules and any(ln.bottom <= top_rules[0] and _HEADER_RE.search(ln.text)
                         for ln in lines):
        header_bottom = top_rules[0]
    else:
        header_bottom = _edge_lines(lines, body, page.height, top=True)
    footer_top = page.height
    bottom_rules = [y for y in full if y >= 0.85 * page.height]
    if bottom_rules and any(ln.top >= bottom_rules[-1] and _HEADER_RE.search(ln.text)
                            for ln in lines):
        footer_top = bottom_rules[-1]
    else:
        footer_top = _edge_lines(lines, body, page.height, top=False)
    inner = [ln for ln in lines if ln.top >= header_bottom and ln.bottom <= footer_top]
    columns = _columns([ln for ln in inner if abs(ln.size - body) <= 0.11 * body], body)
    if not columns:
        columns = [(left, right)]
    return Grid(body, columns, header_bottom, footer_top, page.rules, left, right)


def _edge_lines(lines: list[Line], body: float, height: float, *, top: bool) -> float:
    """Without a rule: the band of header-like lines at the page's top (or bottom) edge."""
    edge = [ln for ln in lines if (ln.bottom <= 0.08 * height if top else ln.top >= 0.92 * height)]
    edge_rows = {round(ln.mid) for ln in edge
                 if _HEADER_RE.search(ln.text) and ln.size <= body * 1.3}
    if not edge_rows:
        return 0.0 if top else height
    chosen = [ln for ln in edge if any(abs(ln.mid - r) <= 2 for r in edge_rows)]
    if top:
        return max(ln.bottom for ln in chosen) + 0.5
    return min(ln.top for ln in chosen) - 0.5


def _columns(body_lines: list[Line], body: float) -> list[tuple[float, float]]:
    """Columns from the left edges body lines share.

    Flush lines start at their column's left edge; an edge is a column start when few
    lines cross it (an indented first line starts 2 em in, where every full line of the
    column crosses). Pages are set on a regular grid, so when the well-supported starts
    are whole multiples of one pitch apart, the grid fills in a column that holds only a
    line or two beside a photo, and a stray edge (a right-aligned byline) is ignored.
    """
    if not body_lines:
        return []
    edges: Counter[int] = Counter(round(ln.x0) for ln in body_lines)
    starts: list[tuple[int, int]] = []  # (edge, lines starting there)
    for edge in sorted(edges):
        if starts and edge - starts[-1][0] <= 3:
            continue
        count = sum(n for e, n in edges.items() if abs(e - edge) <= 3)
        crossing = sum(1 for ln in body_lines if ln.x0 < edge - 3 and ln.x1 > edge + 3)
        if crossing * 3 < count + 1:
            starts.append((edge, count))
    right_end = max(ln.x1 for ln in body_lines)
    grid = _regular(body_lines, [e for e, n in starts if n >= 3], right_end, body)
    if grid:
        return grid
    columns: list[tuple[float, float]] = []
    for k, (edge, _count) in enumerate(starts):
        limit = starts[k + 1][0] - 2 if k + 1 < len(starts) else float("inf")
        members = [ln for ln in body_lines if edge - 3 <= ln.x0 < limit]
        inside = [ln.x1 for ln in members if ln.x1 <= limit] or [ln.x1 for ln in members]
        right = max(inside, default=edge)
        if right - edge >= 4 * body:
            columns.append((edge - 1.0, right + 1.0))
    return columns


def _regular(body_lines: list[Line], strong: list[int], right_end: float,
             body: float) -> list[tuple[float, float]]:
    """Equal columns at one pitch through the strong starts, or [] if they do not fit one."""
    if len(strong) < 2:
        return []
    widths: Counter[int] = Counter(round(ln.x1 - ln.x0) for ln in body_lines
                                   if any(abs(ln.x0 - s) <= 1.5 for s in strong))
    width = widths.most_common(1)[0][0]
    gaps = [b - a for a, b in pairwise(strong)]
    pitch = min(gaps)
    if pitch < width + 0.3 * body or pitch > width + 4 * body or width < 4 * body:
        return []
    for gap in gaps:
        steps = round(gap / pitch)
        if steps < 1 or abs(gap - steps * pitch) > 3 * steps:
            return []
    pitch = (strong[-1] - strong[0]) / round((strong[-1] - strong[0]) / pitch)
    columns: list[tuple[float, float]] = []
    start = float(strong[0])
    while start - pitch >= min(ln.x0 for ln in body_lines) - 3:
        start -= pitch
    last_start = max(ln.x0 for ln in body_lines)
    while start + width <= right_end + 3 or start <= last_start + 3:
        columns.append((start - 1.0, start + width + 1.0))
        start += pitch
    return columns


def split_at_gutters(lines: list[Line], grid: Grid) -> list[Line]:
    """Split lines where a gap falls in a column gutter.

    Titles of stories side by side can sit closer than 0.9 of their own em (a gutter is
    about 1.5 body ems), and a byline can run into the gutter up to its neighbour's, so
    :func:`make_lines` joins them; the gutters found from the body text tell them apart.
    """
    gutters = [(a[1] - 2.0, b[0] + 2.0) for a, b in pairwise(grid.columns)]
    if not gutters:
        return lines
    out: list[Line] = []
    for line in lines:
        if len(line.chars) < 2 or not any(line.x0 < g0 and line.x1 > g1 for g0, g1 in gutters):
            out.append(line)
            continue
        run: list[Char] = []
        for char in line.chars:
            if run and char.x0 - run[-1].x1 >= 0.25 * grid.body and any(
                    g0 <= (char.x0 + run[-1].x1) / 2 <= g1 for g0, g1 in gutters):
                _emit(run, out)
                run = []
            run.append(char)
        _emit(run, out)
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


def overlapping_columns(grid: Grid, x0: float, x1: float) -> list[int]:
    """Indexes of the columns that ``x0``..``x1`` covers by more than a third of an em."""
    margin = grid.body / 3
    return [i for i, (c0, c1) in enumerate(grid.columns) if min(x1, c1) - max(x0, c0) > margin]


def column_of(grid: Grid, x0: float, x1: float) -> int:
    """The column a narrow element sits in (the one its middle falls in, else the nearest)."""
    mid = (x0 + x1) / 2
    best, distance = 0, float("inf")
    for i, (c0, c1) in enumerate(grid.columns):
        d = 0.0 if c0 <= mid <= c1 else min(abs(mid - c0), abs(mid - c1))
        if d < distance:
            best, distance = i, d
    return best
