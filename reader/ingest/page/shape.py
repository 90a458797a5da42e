"""What kind of dump a text is, measured on the text itself: pages, columns, separation.

Dumps come from different tools and papers: columns 12 to 40 characters wide, a blank line
after every line (pdftotext's default on many papers) or none (``-raw``, a copy from a PDF
viewer) or some; columns side by side (``-layout``); several pages in one file, split by
form feeds or by the page's own header lines. Nothing here is tuned to one paper: the
column width is the most common line width of the text in hand, and every other width
test is relative to it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.ingest.page.lines import Row, _ems

#: Column widths a newspaper sets (in ems); the mode of line widths must fall in here.
MIN_COLUMN, MAX_COLUMN = 12, 40
#: A run of this many spaces inside a line separates two columns set side by side.
_GUTTER_RE = re.compile(r"\S( {3,})(?=\S)")

_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EDITION_RE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版")
_STAFF_RE = re.compile(r"^(?:责任编辑|责编|美编|美术编辑|校对|版式|编辑|组版)\s*[：:]")
_WEEKDAY_RE = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")


@dataclass(slots=True)
class Shape:
    """The measured layout of a dump."""

    column: float  # the mode of line widths, in ems
    support: float  # the share of lines within an em of it (full column lines)
    within: float  # the share of lines no wider than it
    separation: str  # "all" | "none" | "mixed": blank lines between lines
    rows: int


@dataclass(slots=True)
class PageMeta:
    """A page's header and footer lines and the date they print."""

    lines: list[str] = field(default_factory=list)
    date: str | None = None


def is_meta_line(text: str) -> bool:
    """A page header or footer line: date with 星期 or 版次, 第N版 with a section, staff."""
    return meta_strength(text) > 0


def meta_strength(text: str) -> int:
    """2: surely a header or footer line (a date with 星期 or 版次, 责任编辑：…); 1: one
    only where it stands by other such lines or at a page's edge (a date alone, 第N版
    with a section name: body text can say as much); 0: not one."""
    if len(text) > 40 or "。" in text or "，" in text:
        return 0
    if _STAFF_RE.match(text):
        return 2
    if _DATE_RE.search(text) and (_WEEKDAY_RE.search(text) or _EDITION_RE.search(text)):
        return 2
    if _DATE_RE.fullmatch(text.strip()):
        return 1
    if _EDITION_RE.search(text):
        rest = _EDITION_RE.sub("", text).strip()
        return int(len(rest) <= 8 and not re.search(r"[（(]|转|接", text))
    return 0


def meta_date(text: str) -> str | None:
    """The ISO date a header line prints, if it is a real date."""
    import datetime as dt

    match = _DATE_RE.search(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def measure(rows: list[Row]) -> Shape:
    """Column width (mode of line widths), its support, and how lines are separated."""
    # Counted from a little under the narrowest column: a page of short items can have
    # most lines shorter than its column.
    widths = Counter(round(r.ems) for r in rows if MIN_COLUMN - 4 <= r.ems <= MAX_COLUMN + 1)
    if widths:
        # Ties go to the wider width: short lines (indents, paragraph ends) sit below it.
        mode = max(widths, key=lambda w: (widths[w] + widths[w - 1] + widths[w + 1], w))
        near = sum(widths[w] for w in (mode - 1, mode, mode + 1))
        # First lines of paragraphs (indented two ems) make a second peak under the
        # column's: the column is the upper quartile of the widths around the mode.
        around = sorted(r.ems for r in rows if mode - 3 <= r.ems <= mode + 3)
        mode = max(mode, round(around[len(around) * 3 // 4]))
    else:
        mode, near = MIN_COLUMN, 0
    # Headlines and photo text may run past the column; body text never does.
    within = sum(1 for r in rows if r.ems <= mode + 1.5)
    blanks = sum(1 for r in rows[1:] if not r.tight)
    share = blanks / max(len(rows) - 1, 1)
    separation = "all" if share >= 0.75 else "none" if share <= 0.1 else "mixed"
    count = max(len(rows), 1)
    return Shape(float(max(mode, MIN_COLUMN)), near / count, within / count, separation, len(rows))


def why_not_a_page(shape: Shape) -> str | None:
    """None when the measured shape is a column dump, else the reason it is not."""
    if shape.rows < 6:
        return "too few lines for a page"
    if shape.within < 0.75:
        longer = 1 - shape.within
        return f"no column structure found ({longer:.0%} of lines are longer than a column)"
    if shape.support < 0.15:
        return "no column structure found (no common line width)"
    return None


def split_layout(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Columns set side by side (``pdftotext -layout``) put back one after another.

    A gutter is a position where many lines have a run of three or more spaces before
    their text; every line is cut there and the columns follow each other. Text with no
    such position comes back as it was.
    """
    starts: Counter[int] = Counter()
    content = 0
    for _, line in lines:
        if line.strip():
            content += 1
            starts.update(m.end(1) for m in _GUTTER_RE.finditer(line))
    cuts = sorted(p for p, n in starts.items() if n >= max(3, content * 0.2))
    # Neighbouring positions are one gutter seen from lines of different lengths.
    gutters: list[int] = []
    for p in cuts:
        if not gutters or p - gutters[-1] > 3:
            gutters.append(p)
    if not gutters:
        return lines
    columns: list[list[tuple[int, str]]] = [[] for _ in range(len(gutters) + 1)]
    bounds = [0, *gutters, None]
    for number, line in lines:
        for k in range(len(gutters) + 1):
            cell = line[bounds[k] : bounds[k + 1]].strip()
            if cell:
                columns[k].append((number, cell))
    return [item for column in columns for item in column]


def page_chunks(text: str) -> list[list[tuple[int, str]]]:
    """The numbered lines of each page: split at form feeds, side-by-side columns undone."""
    chunks: list[list[tuple[int, str]]] = [[]]
    # splitlines() ends a line at a form feed too: a line so ended closes its page.
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        chunks[-1].append((number, raw.rstrip()))
        if raw.endswith("\f"):
            chunks.append([])
    return [split_layout(chunk) for chunk in chunks if any(line.strip() for _, line in chunk)]


def width(text: str) -> float:
    """Printed width of a line in ems."""
    return _ems(text)
