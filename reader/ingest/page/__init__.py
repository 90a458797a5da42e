"""Turn a newspaper page, as a PDF-to-text dump gives it, into articles in reading order.

Dumps come in many shapes (see :mod:`reader.ingest.page.shape`): columns of 12 to 40
characters, a blank line after every line or none, columns one after another or side by
side, several pages in one file. Paragraphs are marked only by the first line's indent and
the short last line; headlines and bylines stand wherever the PDF's text order put them
(before their story or after it); photo items come in long lines with a ``…/摄`` credit.

Nothing here knows any particular story. The page's own structure decides:

1. :mod:`.shape` splits the file into pages (form feeds, page header lines), puts columns
   set side by side back one after another, and measures the column width (the mode of
   line widths) and whether blank lines separate lines.
2. :func:`.lines._rows` keeps the non-blank lines with their line numbers and widths;
   page header and footer lines become page metadata.
3. :func:`.units._units` groups rows into units: paragraphs, heading elements, bylines,
   credits and wide rows, from widths relative to the column, punctuation and markers.
4. :func:`.stories._stories` cuts the units into stories (at datelines, bylines and
   titles) and :func:`.stories._assign_headings` gives each heading group its story.

Every non-whitespace character of the page ends up in exactly one field of one article
(only the marks that frame a byline — ▶, brackets, 文/ 图/ slashes, 报道 — are dropped),
which the property tests check.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from reader.ingest.page.bylines import DATELINE_RE
from reader.ingest.page.lines import (
    Row,
    Unit,
    _rows,
    is_terminal,
    join_lines,
    split_trailing_byline,
)
from reader.ingest.page.shape import (
    PageMeta,
    is_meta_line,
    measure,
    meta_date,
    meta_strength,
    page_chunks,
    why_not_a_page,
)
from reader.ingest.page.stories import _article, _assign_headings, _attach_captions, _stories
from reader.ingest.page.units import _units
from reader.model import Article

__all__ = [
    "DATELINE_RE",
    "is_terminal",
    "join_lines",
    "looks_like_page",
    "not_a_page_reason",
    "parse_page",
    "split_trailing_byline",
]


def _meta_rows(rows: list[Row]) -> list[bool]:
    """Which rows are page header or footer lines (see :func:`.shape.meta_strength`)."""
    strength = [meta_strength(row.text) for row in rows]
    edge = 3  # header and footer lines sit within this many rows of a page's edge
    meta = []
    for i, level in enumerate(strength):
        beside = (i > 0 and strength[i - 1] > 0) or (i + 1 < len(rows) and strength[i + 1] > 0)
        meta.append(level == 2 or (level == 1 and (beside or i < edge or i >= len(rows) - edge)))
    return meta


def _segments(rows: list[Row]) -> list[tuple[PageMeta, list[Row]]]:
    """Cut rows into pages at header lines; header and footer lines become metadata."""
    out: list[tuple[PageMeta, list[Row]]] = [(PageMeta(), [])]
    for row, is_meta in zip(rows, _meta_rows(rows), strict=True):
        if is_meta:
            meta, body = out[-1]
            if body and not row.text.startswith(("责任编辑", "责编", "美编", "校对", "编辑")):
                out.append((PageMeta(), []))
                meta = out[-1][0]
            meta.lines.append(row.text)
            meta.date = meta.date or meta_date(row.text)
        else:
            out[-1][1].append(row)
    return [(meta, body) for meta, body in out if body or meta.lines]


def _parse_rows(rows: list[Row], path: str, first_index: int) -> list[Article]:
    shape = measure(rows)
    if shape.separation != "all":
        # Where blank lines are missing, or come at random, tightness says nothing.
        for row in rows:
            row.tight = row.next_tight = False
    units = _units(rows, shape.column)
    if shape.separation != "all":
        _join_heading_lines(units, shape.column)
    stories, pending = _stories(units)
    _assign_headings(stories, pending)
    stories = _attach_captions(stories, units)
    stories.sort(key=lambda s: s.first if s.units else min(u.first for g in s.heads for u in g))
    return [_article(story, path, first_index + n) for n, story in enumerate(stories)]


def _join_heading_lines(units: list[Unit], column: float) -> None:
    """Mark heading lines that go on the line before, where no blank lines tell.

    A headline broken over lines is broken where it does not fit, after a colon, or into
    lines of about equal length; a kicker above a title is a phrase of its own length.
    """
    for prev, unit in itertools.pairwise(units):
        if prev.kind == "head" and unit.kind == "head":
            unit.tight_group = (
                prev.text.endswith(("：", ":"))
                or abs(len(prev.text) - len(unit.text)) <= 2
                or len(prev.text) >= column - 1
            )


def parse_page(text: str, path: str = "<page>") -> list[Article]:
    """Parse the text of one page dump (or several pages) into articles, in reading order."""
    articles: list[Article] = []
    for chunk in page_chunks(text):
        for meta, rows in _segments(_rows(chunk)):
            found = _parse_rows(rows, path, len(articles)) if rows else []
            if not found and meta.lines:
                if articles:
                    # A page of nothing but header lines: keep them on the page before.
                    articles[-1].page_lines.extend(meta.lines)
                    continue
                found = [_meta_only(path, chunk[0][0], chunk[-1][0])]
            if found:
                found[0] = replace(found[0], page_lines=list(meta.lines))
                if meta.date:
                    found = [replace(a, date=meta.date) for a in found]
            articles.extend(found)
    return articles


def _meta_only(path: str, first: int, last: int) -> Article:
    from reader.model import Source

    return Article(id=f"{path}#1", source=Source(path, first, last), kind="caption")


def not_a_page_reason(text: str) -> str | None:
    """None when ``text`` has the shape of a page dump, else why it does not."""
    rows = [row for chunk in page_chunks(text) for row in _rows(chunk)]
    return why_not_a_page(measure([r for r in rows if not is_meta_line(r.text)]))


def looks_like_page(text: str) -> bool:
    """True when ``text`` has the shape of a column dump (see :func:`not_a_page_reason`)."""
    return not_a_page_reason(text) is None
