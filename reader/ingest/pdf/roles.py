"""What each line of a page is: its type-size class and the newspaper forms its text takes.

Size decides most of it, relative to the body size: a title is set at 1.6× the body or
more; 1.12–1.6× is a kicker above a title, a subtitle under it, or a subhead in a column;
under 0.9× is caption or credit type (stories on one page vary their body type by up to
10 %, so the bands leave room). The text forms come from the way Chinese papers
print them: bylines (``▶``, ``本报记者 王芳``, ``通讯员``, ``文/图``), datelines (``本报讯``,
``本报北京讯``, ``新华社北京3月5日电``) with the writers in brackets after them, credits
(``…/摄``, ``图片来源：…``), captions (``图为…``) and continuation markers (``（下转第4版）``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from reader.ingest.pdf.layout import Line

SizeClass = Literal["title", "mid", "body", "small"]

TITLE_RATIO = 1.6
BYLINE_MARK = "▶"
_ROLE = (r"(?:本报|本刊)?(?:特约|首席|实习)?(?:记者|通讯员|评论员)|实习生|特约撰稿人?|撰稿|"
         r"文\s*[/／]\s*图|图\s*[/／]\s*文|文|图|摄影|编译")
_NAME = r"[\u3400-\u9fff·]{2,9}"
# Bylines after the body are often bracketed: （记者 王芳）.
_BYLINE_RE = re.compile(rf"^[（(]?(?:{BYLINE_MARK}\s*)?(?:(?:{_ROLE})\s*[:：]?\s*{_NAME}"
                        rf"(?:[\s、]+{_NAME})*[\s、]*)+[）)]?$")
_MARKED_RE = re.compile(rf"^{BYLINE_MARK}\s*{_NAME}(?:[\s、]+{_NAME})*$")
DATELINE_RE = re.compile(r"^(?:本报[\u3400-\u9fff]{0,4}讯|本刊讯|新华社电|"
                         r"新华社[\u3400-\u9fff]{1,6}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电)"
                         r"(?:\s*[（(][^（()）]{1,40}[）)])?")
CREDIT_RE = re.compile(r"^[（(]?(?:[^\s。！？，（(]{1,12}(?:[\s、]+[^\s。！？，]{1,12}){0,3}"
                       r"(?:\s*[/／]\s*|\s+)摄|"
                       r"(?:图片来源|图片提供|图片由|摄影)\s*[：:]?.{1,40}|\S{1,20}供图)[）)]?$")
TRAILING_CREDIT_RE = re.compile(r"[\s（(]*([^\s。！？，（(]{1,12}"
                                r"(?:[\s、]+[^\s。！？，]{1,12}){0,3}\s*[/／]\s*摄)[）)]?$")
CONTINUED_RE = re.compile(r"[（(]\s*(下转|上接|转|接)\s*第?\s*([0-9０-９]+|[一二三四五六七八九十]+)"
                          r"\s*版\s*[）)]")
CAPTION_START = "图为"
_TERMINAL = "。！？!?…”’」』）)"
_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", start=1)}


_HEAVY_RE = re.compile(r"bold|black|heavy|demi|hei|黑", re.IGNORECASE)


def is_heavy(line: Line, body_font: str) -> bool:
    """Set in a bold or sans (黑体) face while the body is not: how papers mark subheads
    in body size."""
    return line.font != body_font and bool(_HEAVY_RE.search(line.font)) \
        and not _HEAVY_RE.search(body_font)


def size_class(line: Line, body: float) -> SizeClass:
    ratio = line.size / body if body else 1.0
    if ratio >= TITLE_RATIO:
        return "title"
    if ratio >= 1.12:
        return "mid"
    if ratio < 0.9:
        return "small"
    return "body"


def is_byline(text: str) -> bool:
    """A line that is nothing but writers: a role word or ▶, then names."""
    text = text.strip()
    if not text or len(text) > 40 or text[-1] in "。！？，；":
        return False
    return bool(_BYLINE_RE.match(text) or _MARKED_RE.match(text))


def byline_text(text: str) -> str:
    """The byline as it is kept: the ▶ marker dropped, spaces single."""
    return " ".join(text.removeprefix(BYLINE_MARK).split())


def is_credit(text: str) -> bool:
    return bool(CREDIT_RE.match(text.strip()))


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption's own text and the ``…/摄`` credit it ends with, if any."""
    match = TRAILING_CREDIT_RE.search(text)
    if not match or match.start() == 0:
        return text, None
    return text[: match.start()].rstrip(), match.group(1)


def continuation(text: str) -> tuple[str, int] | None:
    """``("下转", 4)`` for a text holding ``（下转第4版）``, else None."""
    match = CONTINUED_RE.search(text)
    if not match:
        return None
    word, number = match.groups()
    word = {"转": "下转", "接": "上接"}.get(word, word)
    if number.isdigit():
        return word, int(number)
    if number in _NUMERALS:
        return word, _NUMERALS[number]
    if number.startswith("十") and len(number) == 2:
        return word, 10 + _NUMERALS.get(number[1], 0)
    return None


def is_terminal(text: str) -> bool:
    return bool(text) and text[-1] in _TERMINAL


def join_text(pieces: Iterable[str]) -> str:
    """Lines of one paragraph or title joined as printed: nothing between hanzi, a space only
    between two Latin words broken at a line end."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and piece[0].isascii() \
                and piece[0].isalpha():
            out += " "
        out += piece
    return out
