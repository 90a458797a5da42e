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

from reader.ingest.page.lines import (
    _DATELINE_RE,
    _rows,
    is_terminal,
    join_lines,
    split_trailing_byline,
)
from reader.ingest.page.stories import _article, _assign_headings, _attach_captions, _stories
from reader.ingest.page.units import _units
from reader.model import Article

__all__ = [
    "DATELINE_RE",
    "is_terminal",
    "join_lines",
    "looks_like_page",
    "parse_page",
    "split_trailing_byline",
]

DATELINE_RE = _DATELINE_RE


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


def looks_like_page(text: str) -> bool:
    """True when ``text`` has the shape of a column dump: short lines, blank-separated."""
    rows = _rows(text)
    if len(rows) < 6:
        return False
    short = sum(1 for r in rows if r.ems <= 22)
    spaced = sum(1 for r in rows if not r.tight)
    return short >= len(rows) * 0.6 and spaced >= len(rows) * 0.6
