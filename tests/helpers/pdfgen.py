"""Lay out newspaper pages as PDF with reportlab, and say what each page holds.

The pages look like e-paper pages of a Chinese paper: a page header with the date, 星期,
section and 第N版 over a full-width rule, a footer naming the editors, 3–6 columns of
body type, a lead story whose headline (with a kicker above it) spans several columns,
smaller stories side by side in bands, subheads, bylines and datelines in their printed
forms, photos (grey boxes) with captions and credits, stories that run on into the next
column, bands parted by rules or (on about a third of the pages) by white space only,
and a story jumped to another page (``（下转第2版）`` / ``（上接第1版）``). The CID font
STSong-Light needs no font file; ``▶`` is not in it, so it is drawn as a triangle,
as many papers draw it.

:func:`make_pdf` writes the file and returns, per page, the :class:`Expected` stories
(what a perfect reader would find) and every string drawn outside the header and footer.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.data import pdfnews as news

FONT = "STSong-Light"
WIDTH, HEIGHT = 842.0, 1191.0
MARGIN = 40.0
#: False: no page has rules between its bands (tests of pages set with white space only).
BAND_RULES = True
_TOKEN_RE = re.compile(r"[A-Za-z0-9.%]+|.", re.S)


@dataclass
class Expected:
    """One story as a perfect reader reports it."""

    title: str | None = None
    kicker: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    subheads: dict[int, str] = field(default_factory=dict)  # before paragraph i
    captions: list[str] = field(default_factory=list)
    credit: str | None = None
    photo: bool = False
    #: Drawing options: the head's byline (▶ or not), the byline after the body, the title
    #: over the first column only, an inset photo.
    head_byline: str | None = None
    marked: bool = False
    end_byline: str | None = None
    narrow_head: bool = False
    jump_to: int | None = None
    inline_credit: bool = False
    jump_from: int | None = None


@dataclass
class GenPage:
    number: int
    date: str
    stories: list[Expected] = field(default_factory=list)
    drawn: list[str] = field(default_factory=list)


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def width_of(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, FONT, size)


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Break ``text`` into lines of at most ``width`` points, never inside a Latin word."""
    lines: list[str] = []
    line, used, room = "", 0.0, width - indent
    for token in _TOKEN_RE.findall(text):
        w = width_of(token, size)
        if used + w > room and line:
            lines.append(line)
            line, used, room = "", 0.0, width
        line += token
        used += w
    if line:
        lines.append(line)
    return lines


_used_titles: set[str] = set()


def random_story(rng: random.Random, *, lead: bool = False, photo_ok: bool = True) -> Expected:
    fresh = [t for t in news.TITLES if t not in _used_titles] or news.TITLES
    story = Expected(title=rng.choice(fresh))
    _used_titles.add(story.title)
    if lead:
        story.kicker = rng.choice(news.KICKERS)
    count = rng.randint(3, 6) if lead else rng.randint(2, 5)
    pool = list(news.SENTENCES)
    rng.shuffle(pool)
    story.paragraphs = ["".join(rng.sample(pool, rng.randint(1, 3))) for _ in range(count)]
    if lead or rng.random() < 0.3:
        for i in rng.sample(range(1, count), k=min(2, count - 1)):
            story.subheads[i] = rng.choice(news.SUBHEADS)
    names = rng.sample(news.NAMES, 2)
    form = rng.randrange(5)
    if form == 0:
        story.head_byline, story.marked = f"本报记者 {names[0]}", True
    elif form == 1:
        story.head_byline = f"本报记者 {names[0]} 通讯员 {names[1]}"
    elif form == 2:
        place = rng.choice(["", rng.choice(news.PLACES)])
        story.dateline = f"本报{place}讯（记者 {names[0]}）"
    elif form == 3:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        story.dateline = f"新华社{rng.choice(news.PLACES)}{month}月{day}日电（记者 {names[0]}）"
    else:
        story.end_byline = rng.choice([f"文/图 {names[0]}", f"记者 {names[0]} 通讯员 {names[1]}"])
    story.byline = [b for b in (story.head_byline, story.end_byline) if b]
    if photo_ok and rng.random() < 0.25:
        story.captions = [rng.choice(news.CAPTIONS)]
        story.credit = f"{rng.choice(news.NAMES)}/摄"
        story.inline_credit = rng.random() < 0.5
    return story


def photo_story(rng: random.Random) -> Expected:
    story = Expected(photo=True, captions=[rng.choice(news.CAPTIONS)])
    story.credit = rng.choice([f"{rng.choice(news.NAMES)}/摄", rng.choice(news.SOURCES)])
    story.inline_credit = rng.random() < 0.5
    return story


class _Page:
    """Draws one page on a reportlab canvas and records what it drew."""

    def __init__(self, canvas: object, rng: random.Random, record: GenPage) -> None:
        self.c = canvas
        self.rng = rng
        self.record = record
        self.body = rng.choice([9.0, 9.5, 10.0, 10.5])
        self.lead = self.body * 1.5
        self.columns = rng.randint(3, 6)
        self.gutter = self.body * 1.5
        self.colw = (WIDTH - 2 * MARGIN - (self.columns - 1) * self.gutter) / self.columns
        # Some papers part stories with white space only.
        self.band_rules = BAND_RULES and rng.random() >= 0.3

    def text(self, x: float, top: float, text: str, size: float, *, body: bool = True) -> None:
        self.c.setFont(FONT, size)  # type: ignore[attr-defined]
        self.c.drawString(x, HEIGHT - top - size * 0.88, text)  # type: ignore[attr-defined]
        if body:
            self.record.drawn.append(text)

    def rule(self, x0: float, x1: float, y: float) -> None:
        self.c.setLineWidth(0.8)  # type: ignore[attr-defined]
        self.c.line(x0, HEIGHT - y, x1, HEIGHT - y)  # type: ignore[attr-defined]

    def col_x(self, column: int) -> float:
        return MARGIN + column * (self.colw + self.gutter)

    def header(self, section: str) -> float:
        day = dt.date.fromisoformat(self.record.date)
        weekday = "一二三四五六日"[day.weekday()]
        size = 9.0
        self.text(MARGIN, MARGIN, f"{day.year}年{day.month}月{day.day}日 星期{weekday}", size,
                  body=False)
        name = "中国高新技术产业导报"
        self.text((WIDTH - width_of(name, 14)) / 2, MARGIN - 3, name, 14, body=False)
        right = f"第{self.record.number}版 {section}"
        self.text(WIDTH - MARGIN - width_of(right, size), MARGIN, right, size, body=False)
        self.rule(MARGIN, WIDTH - MARGIN, MARGIN + 18)
        foot = HEIGHT - MARGIN - 14
        self.rule(MARGIN, WIDTH - MARGIN, foot)
        names = self.rng.sample(news.NAMES, 2)
        self.text(MARGIN, foot + 4, f"责任编辑：{names[0]} 美编：{names[1]}", size, body=False)
        return MARGIN + 30

    def triangle(self, x: float, top: float, size: float) -> None:
        path = self.c.beginPath()  # type: ignore[attr-defined]
        y = HEIGHT - top - size * 0.85
        path.moveTo(x, y)
        path.lineTo(x, y + size * 0.7)
        path.lineTo(x + size * 0.6, y + size * 0.35)
        path.close()
        self.c.drawPath(path, stroke=0, fill=1)  # type: ignore[attr-defined]

    # -- a story in a cell of columns ------------------------------------------------------
    def story_cell(self, story: Expected, first: int, span: int, top: float,
                   height: float | None = None) -> float:
        """Draw ``story`` (or only measure it, when ``height`` is None); its height."""
        draw = height is not None
        b = self.body
        x0 = self.col_x(first)
        width = self.colw * span + self.gutter * (span - 1)
        y = top
        if story.kicker:
            size = round(b * 1.3, 1)
            if draw:
                self.text(x0 + (width - width_of(story.kicker, size)) / 2, y, story.kicker, size)
            y += size * 1.5
        if story.title:
            size = round(b * (2.4 if story.kicker else 1.8), 1)
            head_w = self.colw if story.narrow_head else width
            if not story.narrow_head:
                # A headline covers the legs of type under it, as papers set them.
                fit = 0.7 * width / width_of(story.title, 1.0)
                size = round(min(max(size, fit), 3.2 * b), 1)
            for line in wrap(story.title, head_w, size):
                if draw:
                    self.text(x0 + (head_w - width_of(line, size)) / 2, y, line, size)
                y += size * 1.25
            y += b * 0.4
        if story.head_byline:
            if draw:
                x = x0
                if story.marked:
                    self.triangle(x, y, b)
                    x += b
                self.text(x, y, story.head_byline, b)
            y += self.lead * 1.2
        if story.captions and not story.photo:
            y = self._picture(story, x0, width, y, draw) + b
        ops = self._ops(story)
        columns = list(range(first, first + span))
        if not draw:
            return self._fit(ops, len(columns), y - top) + (y - top)
        starts = {c: (top if story.narrow_head and c != first else y) for c in columns}
        if not self._flow(ops, columns, starts, top + height):
            raise AssertionError(f"story did not fit: {story.title}")
        return height

    def _picture(self, story: Expected, x0: float, width: float, y: float, draw: bool) -> float:
        box_h = min(width * 0.5, 180.0)
        if draw:
            self.c.setFillGray(0.6)  # type: ignore[attr-defined]
            self.c.rect(x0, HEIGHT - y - box_h, width, box_h, stroke=0, fill=1)  # type: ignore[attr-defined]
            self.c.setFillGray(0)  # type: ignore[attr-defined]
        y += box_h + self.body * 0.4
        small = round(self.body * 0.85, 1)
        inline = bool(story.credit and story.credit.endswith("/摄")) and story.inline_credit
        text = story.captions[0] + (f" {story.credit}" if inline else "")
        for line in wrap(text, width, small):
            if draw:
                self.text(x0, y, line, small)
            y += small * 1.4
        if story.credit and not inline:
            if draw:
                self.text(x0 + width - width_of(story.credit, small), y, story.credit, small)
            y += small * 1.4
        return y

    def _ops(self, story: Expected) -> list[tuple[str, str, float]]:
        b = self.body
        ops: list[tuple[str, str, float]] = []
        for i, para in enumerate(story.paragraphs):
            if i in story.subheads:
                ops.append(("subhead", story.subheads[i], 0.0))
            text = (story.dateline or "") + para if i == 0 else para
            if i == 0 and story.jump_from:
                text = f"（上接第{story.jump_from}版）{text}"
            for k, line in enumerate(wrap(text, self.colw, b, indent=2 * b)):
                ops.append(("line", line, 2 * b if k == 0 else 0.0))
        if story.end_byline:
            ops.append(("right", story.end_byline, 0.0))
        if story.jump_to:
            ops.append(("right", f"（下转第{story.jump_to}版）", 0.0))
        return ops

    def _fit(self, ops: list[tuple[str, str, float]], columns: int, used: float) -> float:
        total = sum(self.lead * (1.8 if op[0] == "subhead" else 1.0) for op in ops)
        height = total / columns
        while not self._flow(ops, list(range(columns)), dict.fromkeys(range(columns), 0.0),
                             height, dry=True):
            height += self.lead / 2
        return height

    def _flow(self, ops: list[tuple[str, str, float]], columns: list[int],
              starts: dict[int, float], bottom: float, *, dry: bool = False) -> bool:
        b = self.body
        k, y = 0, starts[columns[0]]
        for kind, text, indent in ops:
            need = self.lead * (1.8 if kind == "subhead" else 1.0)
            if y + need > bottom + 0.01:
                k += 1
                if k >= len(columns):
                    return False
                y = starts[columns[k]]
            if not dry:
                x = self.col_x(columns[k])
                if kind == "subhead":
                    size = round(b * 1.2, 1)
                    self.text(x + (self.colw - width_of(text, size)) / 2, y + self.lead * 0.3,
                              text, size)
                elif kind == "right":
                    self.text(x + self.colw - width_of(text, b), y, text, b)
                else:
                    self.text(x + indent, y, text, b)
            y += need
        return True

    def photo_cell(self, story: Expected, first: int, span: int, top: float, draw: bool) -> float:
        width = self.colw * span + self.gutter * (span - 1)
        return self._picture(story, self.col_x(first), width, top, draw) - top

    def cell_height(self, story: Expected, first: int, span: int, top: float) -> float:
        if story.photo:
            return self.photo_cell(story, first, span, top, False)
        return self.story_cell(story, first, span, top)

    def draw_cell(self, story: Expected, first: int, span: int, top: float, height: float) -> None:
        if story.photo:
            self.photo_cell(story, first, span, top, True)
        else:
            self.story_cell(story, first, span, top, height)

    def compose(self, lead: Expected | None) -> None:
        rng = self.rng
        y = self.header(rng.choice(news.SECTIONS))
        bottom = HEIGHT - MARGIN - 24
        first_band = True
        misses = 0
        while misses < 4:
            cells = self._band(lead if first_band else None)
            heights = [self.cell_height(s, f, n, y) for s, f, n in cells]
            while y + max(heights) > bottom and any(len(s.paragraphs) > 1 for s, _, _ in cells):
                longest = max(range(len(cells)), key=lambda i: heights[i])
                story = cells[longest][0]
                if len(story.paragraphs) <= 1:
                    break
                story.paragraphs.pop()
                story.subheads = {i: t for i, t in story.subheads.items()
                                  if i < len(story.paragraphs)}
                heights[longest] = self.cell_height(*cells[longest], y)
            height = max(heights)
            if y + height > bottom:
                if first_band:
                    raise ValueError("the lead story does not fit the page")
                misses += 1  # try a band of other stories in the room left
                continue
            for (story, f, n), _h in zip(cells, heights, strict=True):
                self.draw_cell(story, f, n, y, height)
                self.record.stories.append(story)
            for (_s, f, _n) in cells[1:]:
                if rng.random() < 0.5:
                    x = self.col_x(f) - self.gutter / 2
                    self.c.line(x, HEIGHT - y, x, HEIGHT - y - height)  # type: ignore[attr-defined]
            y += height + self.body * 0.6
            if self.band_rules:
                self.rule(MARGIN, WIDTH - MARGIN, y)
            y += self.body * 0.8
            first_band = False

    def _band(self, lead: Expected | None) -> list[tuple[Expected, int, int]]:
        rng = self.rng
        n = self.columns
        cells: list[tuple[Expected, int, int]] = []
        if lead is not None:
            span = n if n <= 3 else rng.choice([n, n - 1])
            cells.append((lead, 0, span))
            if span < n:
                other = photo_story(rng) if rng.random() < 0.5 else random_story(rng)
                cells.append((other, span, n - span))
            return cells
        column = 0
        while column < n:
            span = min(n - column, rng.choice([1, 2, 2, 3]))
            if rng.random() < 0.2:
                story = photo_story(rng)
            else:
                story = random_story(rng, photo_ok=span > 1)
                story.narrow_head = span == 2 and not story.captions and rng.random() < 0.3
            cells.append((story, column, span))
            column += span
        return cells


def _dates(rng: random.Random) -> str:
    return (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))).isoformat()


def make_pdf(path: Path, seed: int, *, pages: int = 1, number: int = 1,
             per_page: bool = False) -> list[GenPage]:
    """Write a PDF of ``pages`` pages (a lead story jumped from page 1 to page 2 when there
    are two or more); the expected content of each page. With ``per_page``, each page is
    its own file, ``STEM-N.pdf`` beside ``path`` (as e-paper sites hand them out)."""
    from reportlab.pdfgen import canvas as rl_canvas

    _font()
    rng = random.Random(seed)

    def new_canvas(k: int) -> object:
        target = path.with_name(f"{path.stem}-{number + k}.pdf") if per_page else path
        return rl_canvas.Canvas(str(target), pagesize=(WIDTH, HEIGHT), invariant=1)

    canvas = new_canvas(0)
    date = _dates(rng)
    records: list[GenPage] = []
    jumped: Expected | None = None
    _used_titles.clear()
    for k in range(pages):
        record = GenPage(number + k, date)
        lead = random_story(rng, lead=True)
        if pages > 1 and k == 0:
            lead.end_byline = None
            lead.byline = [b for b in lead.byline if b == lead.head_byline]
            lead.jump_to = number + 1
            rest = random_story(rng, photo_ok=False)
            rest.title, rest.kicker = lead.title, None
            rest.head_byline = rest.end_byline = rest.dateline = None
            rest.byline, rest.subheads, rest.jump_from = [], {}, number
            jumped = rest
        elif jumped is not None and k == 1:
            lead = jumped
        if per_page and k:
            canvas = new_canvas(k)
        _Page(canvas, rng, record).compose(lead)
        canvas.showPage()  # type: ignore[attr-defined]
        if per_page:
            canvas.save()  # type: ignore[attr-defined]
        records.append(record)
    if not per_page:
        canvas.save()  # type: ignore[attr-defined]
    return records


def expected_paragraphs(story: Expected) -> list[str]:
    """The paragraphs as the reader keeps them (continuation markers left in the text)."""
    paragraphs = list(story.paragraphs)
    if story.jump_from and paragraphs:
        paragraphs[0] = f"（上接第{story.jump_from}版）{paragraphs[0]}"
    if story.jump_to and paragraphs:
        paragraphs[-1] += f"（下转第{story.jump_to}版）"
    return paragraphs
