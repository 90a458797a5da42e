"""Page dumps in the shapes real tools give them, with the truth beside each page.

``make_page(shape, seed)`` sets a few of the hand-written stories of
``tests/helpers/data/stories.py`` (``NEWS``) as one dump and returns the text with what the
importer should find: each story's title, kicker, byline (names) and their roles, dateline,
paragraphs, and each page's header and footer lines and date. The shapes:

- ``pdftotext``: columns one after another, a blank line after every line, headlines
  (one to three lines, sometimes under a kicker) before their stories;
- ``raw``: ``pdftotext -raw``: no blank lines, headlines *after* their stories;
- ``layout``: ``pdftotext -layout``: two or three columns side by side, separated by runs of
  spaces;
- ``paste``: copied from a PDF viewer: no blank lines, headlines before their stories;
- ``mixed``: blank lines between some lines and not others;
- ``headers``: one page with its header and footer lines and continuation markers;
- ``multipage``: two or three pages in one file, each with its header (form feeds between
  them, or not).

The column width is drawn from 12 to 40 characters for every page, so that nothing may
depend on one paper's measure.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.helpers.data.stories import NEWS
from tests.helpers.pagegen import Story, column_lines

SHAPES = ("pdftotext", "raw", "layout", "paste", "mixed", "headers", "multipage")

_WEEKDAYS = "一二三四五六日"
_SECTIONS = ("综合", "产业", "园区", "科技", "区域经济")
_EDITORS = ("王芳", "赵磊", "刘敏", "郑凯", "许静")


@dataclass
class Expected:
    """What the importer should make of one story."""

    title: str | None
    kicker: str | None
    byline: list[str]
    roles: list[str]
    dateline: str | None
    paragraphs: list[str]
    subheads: list[str] = field(default_factory=list)
    date: str | None = None
    page: list[str] = field(default_factory=list)  # header/footer lines, first story of a page


@dataclass
class Made:
    """A generated dump, the truth about it, and the characters printed only as marks."""

    text: str
    stories: list[Expected]
    marks: str = ""  # （）/ 报道 ▶: frames of bylines, in no field


def _title_lines(title: str, width: int, rng: random.Random) -> list[str]:
    """A headline on one to three lines, as a typesetter breaks it: where it does not fit
    the column, after a colon, or into lines of about equal length."""
    if len(title) > width:
        return column_lines(title, width, 0, rng)
    pieces = rng.choice([1, 1, 2, 3]) if len(title) >= 9 else 1
    if pieces == 1:
        return [title]
    if "：" in title and pieces == 2:
        at = title.index("：") + 1
        return [title[:at], title[at:]]
    size = -(-len(title) // pieces)
    return [title[k : k + size] for k in range(0, len(title), size)]


def _story_lines(
    story: Story, width: int, rng: random.Random, head_after: bool, marker: str | None
) -> tuple[list[tuple[str, bool]], Expected, str]:
    """The story's lines (text, tight-with-previous), its truth, and its mark characters."""
    head: list[tuple[str, bool]] = []
    if story.kicker:
        head.append((story.kicker, False))
    for n, piece in enumerate(_title_lines(story.title or "", width, rng)):
        head.append((piece, n > 0))
    names = " ".join(story.byline)
    marks = ""
    pre: list[str] = []
    post: list[str] = []
    first_prefix = ""
    glued = False
    if story.form == "bracket":
        inner = " ".join(
            f"{r} {n}" if rng.random() < 0.5 else f"{r}{n}"
            for r, n in zip(story.roles, story.byline, strict=True)
        )
        first_prefix = f"{story.dateline}（{inner}）"
        marks += "（）"
    elif story.dateline:
        first_prefix = f"{story.dateline} "
    if story.form == "reporter":
        pre.append(f"{story.roles[0]} {names} 报道")
        marks += "报道"
    elif story.form == "arrow":
        post.append("▶" + names)
        marks += "▶"
    elif story.form in ("wen", "photo-by"):
        line = " ".join(f"{r}/{n}" for r, n in zip(story.roles, story.byline, strict=True))
        (pre if rng.random() < 0.5 else post).append(line)
        marks += "/" * len(story.byline)
    elif story.form == "glued":
        glued = True
    elif story.form == "alone":
        post.append(names)
    paragraphs = list(story.paragraphs)
    body: list[tuple[str, bool]] = [(line, False) for line in pre]
    for i, para in enumerate(paragraphs):
        if i in story.subheads:
            body.append((story.subheads[i], False))
        text = first_prefix + para if i == 0 else para
        lines = column_lines(text, width, 2.0, rng)
        if glued and i == len(paragraphs) - 1:
            lines[-1] = f"{lines[-1]} {names}"
        for j, line in enumerate(lines):
            body.append((line, j > 0 and lines[j - 1][-1:].isdigit() and rng.random() < 0.5))
    if marker:
        body.append((marker, False))
        paragraphs.append(marker)
    body += [(line, False) for line in post]
    truth = Expected(
        title=story.title,
        kicker=story.kicker,
        byline=list(story.byline),
        roles=list(story.roles),
        dateline=story.dateline,
        paragraphs=paragraphs,
        subheads=[story.subheads[i] for i in sorted(story.subheads)],
    )
    return (body + head if head_after else head + body), truth, marks


def _header(rng: random.Random, page_no: int) -> tuple[list[str], list[str], str]:
    """Header lines, footer lines and the ISO date of a page."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    weekday = _WEEKDAYS[(day + month) % 7]
    date = f"2023年{month}月{day}日 星期{weekday}"
    section = rng.choice(_SECTIONS)
    if rng.random() < 0.5:
        top = [f"{date} 第{page_no}版 {section}"]
    else:
        top = [date, f"第{page_no}版 {section}"]
    foot = [f"责任编辑：{rng.choice(_EDITORS)} 美编：{rng.choice(_EDITORS)}"]
    return top, foot, f"2023-{month:02d}-{day:02d}"


def _join(lines: list[tuple[str, bool]], separation: str, rng: random.Random) -> str:
    out: list[str] = []
    for text, tight in lines:
        if out:
            blank = {"all": not tight, "none": False, "mixed": rng.random() < 0.5}[separation]
            if blank:
                out.append("")
        out.append(text)
    return "\n".join(out)


def _side_by_side(lines: list[str], rng: random.Random, width: int) -> list[str]:
    """Lay a column stream out as ``pdftotext -layout`` does: columns next to each other."""
    ncols = rng.choice([2, 3]) if width <= 24 else 2
    height = -(-len(lines) // ncols)
    cols = [lines[k * height : (k + 1) * height] for k in range(ncols)]
    gap = rng.randint(3, 6)
    size = max(len(line) for line in lines) + gap
    out = []
    for i in range(height):
        cells = [col[i] if i < len(col) else "" for col in cols]
        out.append("".join(c.ljust(size) for c in cells).rstrip())
    return out


def _pick(rng: random.Random, count: int) -> list[Story]:
    return rng.sample(NEWS, count)


def make_page(shape: str, seed: int) -> Made:
    """One dump in ``shape`` (see :data:`SHAPES`) and its truth, drawn from ``seed``."""
    rng = random.Random(f"{shape}:{seed}")
    width = rng.randint(12, 24) if shape == "layout" else rng.randint(12, 40)
    pages = rng.randint(2, 3) if shape == "multipage" else 1
    chosen = _pick(rng, min(len(NEWS), rng.randint(3, 4) * pages))
    per_page = -(-len(chosen) // pages)
    texts: list[str] = []
    truths: list[Expected] = []
    marks = ""
    for p in range(pages):
        stories = chosen[p * per_page : (p + 1) * per_page]
        head_after = shape == "raw"
        lines: list[tuple[str, bool]] = []
        page_truths: list[Expected] = []
        for k, story in enumerate(stories):
            marker = None
            if shape in ("headers", "multipage") and k == len(stories) - 1 and rng.random() < 0.5:
                marker = f"（下转第{p + 2}版）"
            story_lines, truth, story_marks = _story_lines(story, width, rng, head_after, marker)
            lines += story_lines
            page_truths.append(truth)
            marks += story_marks
        separation = {"pdftotext": "all", "mixed": "mixed", "headers": "all"}.get(shape, "none")
        if shape == "multipage":
            separation = rng.choice(["all", "none"])
        if shape == "layout":
            body = "\n".join(_side_by_side([t for t, _ in lines], rng, width))
        else:
            body = _join(lines, separation, rng)
        if shape in ("headers", "multipage"):
            top, foot, date = _header(rng, p + 1)
            sep = "\n\n" if separation == "all" else "\n"
            body = sep.join(["\n".join(top), body, "\n".join(foot)])
            page_truths[0].page = top + foot
            for truth in page_truths:
                truth.date = date
        texts.append(body)
        truths += page_truths
    joiner = "\n\f" if shape == "multipage" and rng.random() < 0.5 else "\n"
    return Made(joiner.join(texts) + "\n", truths, marks)
