"""Articles from e-paper PDFs: the page's own layout, not a text dump's guess at it.

A PDF keeps what a text dump throws away: every character's position, size and font. From
them :mod:`.layout` finds the body size, the columns and the page header; :mod:`.heads` the
story heads and pictures; :mod:`.stories` which column stretches each story owns and its
fields; :mod:`.continuations` joins stories jumped to another page. The page header (date,
星期, 第N版, section, 责任编辑) is page metadata: its date becomes the articles' date, its
page number their :class:`~reader.model.Source` line range.

Use :func:`read_pdf`; it raises :class:`PdfError` with a one-line reason for a bad file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.ingest.pdf.continuations import join_continuations
from reader.ingest.pdf.extract import MAX_BYTES, SCANNED, PdfError, RawPage, read_pages
from reader.ingest.pdf.heads import find_heads, find_pictures, promote_heads
from reader.ingest.pdf.layout import Line, find_grid, make_lines, split_at_gutters
from reader.ingest.pdf.roles import SizeClass, is_byline, is_credit, is_heavy, size_class
from reader.ingest.pdf.stories import Item, assign, column_lefts, story_fields, widen_heads
from reader.model import Article, Block, Source

__all__ = ["MAX_BYTES", "PageMeta", "PdfError", "join_continuations", "parse_page",
           "read_pdf"]

_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE_RE = re.compile(r"第\s*([0-9０-９]{1,3})\s*版")


@dataclass(slots=True)
class PageMeta:
    """What the page header and footer say: not article text."""

    index: int
    number: int | None = None
    date: str | None = None
    header: str = ""


def read_pdf(path: Path, shown: str | None = None) -> list[Article]:
    """Every article of every page of the PDF at ``path``, continued stories joined.

    Raises:
        PdfError: too large, encrypted, damaged, or no text layer (a scanned page).
    """
    shown = shown or str(path)
    articles: list[Article] = []
    any_text = False
    for page in read_pages(path):
        if any(not c.text.isspace() for c in page.chars):
            any_text = True
        found, _meta = parse_page(page, shown)
        articles.extend(found)
    if not any_text:
        raise PdfError(SCANNED)
    return join_continuations(articles)


def parse_page(page: RawPage, shown: str) -> tuple[list[Article], PageMeta]:
    """The articles of one page and its header metadata."""
    lines = make_lines(page.chars)
    meta = PageMeta(page.index)
    if not lines:
        return [], meta
    grid = find_grid(page, lines)
    lines = split_at_gutters(lines, grid)
    edge = [ln for ln in lines if ln.bottom <= grid.header_bottom or ln.top >= grid.footer_top]
    meta.header = " ".join(ln.text for ln in edge)
    _read_meta(meta, edge)
    inner = [ln for ln in lines if ln.bottom > grid.header_bottom and ln.top < grid.footer_top]
    classes = {id(ln): size_class(ln, grid.body) for ln in inner}
    _heavy_subheads(inner, classes)
    promote_heads(inner, classes, grid)
    used: set[int] = set()
    heads = find_heads(inner, classes, grid, used)
    pictures = find_pictures(inner, classes, page.boxes, grid, used)
    widen_heads(heads, pictures, grid)
    items: list[Item] = [ln for ln in inner if id(ln) not in used]
    items += pictures
    stories = assign(items, heads, grid)
    lefts = column_lefts(inner, grid, classes)
    number = meta.number or page.index
    articles: list[Article] = []
    for story in stories:
        fields = story_fields(story, grid, classes, lefts)
        if not (fields.title or fields.blocks or fields.captions or fields.credit
                or fields.byline or fields.kicker):
            continue
        articles.append(Article(
            id=f"{shown}#p{page.index}-{len(articles) + 1}",
            source=Source(shown, number, number),
            kind="photo" if fields.photo else "article",
            title=fields.title,
            kicker=fields.kicker,
            byline=fields.byline,
            dateline=fields.dateline,
            credit=fields.credit,
            captions=fields.captions,
            blocks=[Block(kind, text) for kind, text in fields.blocks],  # type: ignore[arg-type]
            date=meta.date,
        ))
    return articles, meta


def _heavy_subheads(lines: list[Line], classes: dict[int, SizeClass]) -> None:
    """Body-size lines in a bold or 黑体 face, short and not a byline: subheads."""
    fonts: Counter[str] = Counter()
    for line in lines:
        if classes[id(line)] == "body":
            fonts[line.font] += len(line.chars)
    if not fonts:
        return
    body_font = fonts.most_common(1)[0][0]
    for line in lines:
        if classes[id(line)] == "body" and is_heavy(line, body_font) and len(line.text) <= 24 \
                and not is_byline(line.text) and not is_credit(line.text):
            classes[id(line)] = "mid"


def _read_meta(meta: PageMeta, edge: list[Line]) -> None:
    for line in edge:
        if meta.date is None and (match := _DATE_RE.search(line.text)):
            with contextlib.suppress(ValueError):
                meta.date = dt.date(*map(int, match.groups())).isoformat()
        if meta.number is None and (match := _PAGE_RE.search(line.text)):
            meta.number = int(match.group(1))
