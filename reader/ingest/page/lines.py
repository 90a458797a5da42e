"""The lines of a page dump and the small text tests every other page module uses.

Widths in ems, sentence ends, names as bylines print them, and how the lines of one
paragraph join back together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.text.hanzi import is_hanzi

#: Punctuation that ends a sentence, possibly followed by closing quotes or brackets.
_TERMINAL_RE = re.compile(r"[。！？!?…；;]+[”’」』）)》]*$|[”’」』]+[。！？!?]$")
#: Punctuation that shows a line runs on (a heading never ends with it).
_RUN_ON = set("，、：；,:;（(“‘《「『【")

_BYLINE_MARK = "▶"
_MIN_COLUMN = 12.0
#: ``…/摄`` or ``… 摄`` at the end of a line: a photo credit.
_PHOTO_CREDIT_RE = re.compile(r"^(?:[^\s。！？]{1,12}(?:\s+[^\s。！？]{1,12}){0,3})\s*/?\s*摄$")
_SOURCE_CREDIT_RE = re.compile(r"(?:图片来源|图片提供|供图|来源)\s*[：:]\s*\S.*$")
#: A line that ends inside a number or before its unit (``1168 亿`` / ``元``).
_SPLIT_NUMBER_RE = re.compile(r"[0-9０-９.．%％]\s*[十百千万亿]?$|[A-Za-z]$")


def _is_name(token: str) -> bool:
    """A personal name as bylines carry it: 2-4 hanzi, or two hanzi runs joined by ·."""
    if "·" in token:
        first, _, last = token.partition("·")
        return 1 <= len(first) <= 6 and 1 <= len(last) <= 8 and all(map(is_hanzi, first + last))
    return 2 <= len(token) <= 4 and all(map(is_hanzi, token))


def _is_names(text: str) -> bool:
    """True when ``text`` is nothing but names separated by spaces."""
    tokens = text.split()
    return bool(tokens) and all(map(_is_name, tokens))


_SENTENCE_END_CHARS = "。！？!?…"
_CLOSERS = "”’」』）)"


def split_trailing_byline(text: str) -> tuple[str, str] | None:
    """``(body, names)`` when a line ends a sentence and then names its writers after a
    space (``…质量发展。 博闻``), else None."""
    for at in range(len(text) - 1, 0, -1):
        if not text[at].isspace() or text[at - 1].isspace():
            continue
        end = text[at - 1]
        if end in _SENTENCE_END_CHARS or (end in _CLOSERS and at >= 2 and text[at - 2] in "。！？"):
            names = text[at:].strip()
            return (text[:at], names) if _is_names(names) else None
    return None


def _ems(text: str) -> float:
    """Printed width of a line in ems: hanzi 1, Latin and digits ½, quotes ½, spaces ¼.

    Counted with C string methods, not a loop over characters: a file that is one 1 MB
    line is measured here before anything is shown (the sums are exact: halves and quarters).
    """
    quotes = sum(map(text.count, "“”‘’"))
    spaces = text.count(" ")
    latin = len(text.encode("latin-1", "ignore"))  # the characters below U+0100
    return 0.5 * quotes + 0.25 * spaces + 0.5 * (latin - spaces) + (len(text) - latin - quotes)


def is_terminal(text: str) -> bool:
    """True when ``text`` ends a sentence (。！？… optionally closed by quotes)."""
    return bool(_TERMINAL_RE.search(text))


@dataclass(slots=True)
class Row:
    """A non-blank line of the page."""

    line: int
    text: str
    ems: float
    tight: bool  # no blank line between this row and the previous one
    wide: bool = False
    next_text: str = ""
    next_tight: bool = False


@dataclass(slots=True)
class Unit:
    """A piece of the page: a paragraph, heading element, byline, credit or wide text."""

    kind: str  # "para" | "head" | "byline" | "credit" | "wide" | "caption"
    text: str
    first: int
    last: int
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # beside ``names`` ("" where none)
    opens: bool = False  # a byline printed above its story's body
    dateline: str | None = None
    credit: str | None = None
    tight_group: bool = False  # a heading that continues the previous heading (no blank)


def _rows(lines: Iterable[tuple[int, str]]) -> list[Row]:
    """The non-blank lines of numbered ``lines``, with widths and blank-line spacing."""
    rows: list[Row] = []
    blank_before = True
    for number, raw in lines:
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        rows.append(Row(number, line, _ems(line), tight=not blank_before and bool(rows)))
        if len(rows) > 1:
            rows[-2].next_text, rows[-2].next_tight = line, rows[-1].tight
        blank_before = False
    return rows


def _split_names(text: str) -> list[str]:
    return [n for n in text.replace("　", " ").split() if n]


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one paragraph as the page meant them.

    Nothing goes between hanzi, nor between a number and a unit split across lines
    (``总投资 1168 亿`` + ``元。`` → ``总投资 1168 亿元。``). Only two Latin words broken
    at a line end get a space, as in English text.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if (
            out
            and out[-1].isascii()
            and out[-1].isalpha()
            and line[0].isascii()
            and line[0].isalpha()
        ):
            out += " "
        out += line
    return out
