"""Lay stories out as a newspaper page dump, the way a PDF-to-text tool gives them.

Used by the property tests (random stories) and to build the hand-written test pages in
``tests/helpers/data/``. It mimics what real dumps do: columns of about sixteen ems with a blank
line after every line, paragraphs marked by a two-em indent, a number and its unit split
across lines with no blank between them now and then, bylines hanging off the last line or
standing alone, headlines *after* their story, the lead story's kicker and title at the
very end of the page, photo items in long lines with a ``…/摄`` credit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Story:
    """What a story is, independent of how the page sets it."""

    paragraphs: list[str]
    title: str | None = None
    kicker: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    subheads: dict[int, str] = field(default_factory=dict)  # before paragraph i
    #: "lead" (▶ byline, kicker+title at page end), "news" (本报讯, byline, headline
    #: after), "feature" (headline then ▶ byline after the body), "photo", "caption".
    style: str = "news"
    credit: str | None = None
    inline_byline: bool = True
    #: The role printed before each name in ``byline`` (记者, 通讯员…), when the page prints any.
    roles: list[str] = field(default_factory=list)
    #: How the shapes of ``pageshapes.py`` print the byline: "bracket" (本报讯（记者 X）),
    #: "reporter" (本报记者 X 报道), "arrow" (▶X), "wen" (文/X 图/Y), "photo-by" (图/X),
    #: "glued" (hung off the last line), "alone" (names on a line of their own).
    form: str = "alone"


def _ems(ch: str) -> float:
    if ch in "“”‘’":
        return 0.5
    if ch == " ":
        return 0.25
    return 0.5 if ch < "\u0100" else 1.0


_NO_START = set("，。、；：！？”’）》")
_NO_END = set("“‘（《")


def column_lines(text: str, width: float, indent: float, rng: random.Random) -> list[str]:
    """Break ``text`` into column lines of about ``width`` ems, the first one indented."""
    lines: list[str] = []
    current = ""
    used = indent
    for ch in text:
        w = _ems(ch)
        if current and used + w > width + 0.3 and ch not in _NO_START:
            carry = ""
            while current and current[-1] in _NO_END:
                carry, current = current[-1] + carry, current[:-1]
            lines.append(current)
            current, used = carry, sum(_ems(c) for c in carry)
        current += ch
        used += w
    if current:
        lines.append(current)
    return [line.strip() for line in lines if line.strip()]


def _emit(out: list[str], line: str, tight: bool = False) -> None:
    if out and not tight:
        out.append("")
    out.append(line)


def _body(story: Story, out: list[str], rng: random.Random, width: float) -> bool:
    """Emit the body; True when the byline was hung off its last line."""
    hung = False
    for i, para in enumerate(story.paragraphs):
        if i in story.subheads:
            _emit(out, story.subheads[i])
        text = para
        if i == 0 and story.dateline:
            text = f"{story.dateline} {para}"
        lines = column_lines(text, width, 2.0, rng)
        if i == len(story.paragraphs) - 1 and story.byline and story.style == "news":
            names = " ".join(story.byline)
            # The byline hangs off the last line when there is room for it.
            if story.inline_byline and sum(map(_ems, lines[-1] + names)) + 0.5 <= width:
                lines[-1] = f"{lines[-1]} {names}"
                hung = True
        for j, line in enumerate(lines):
            # A line ending in a digit whose next line starts with its unit sometimes
            # comes out with no blank line between them.
            tight = j > 0 and lines[j - 1][-1:].isdigit() and rng.random() < 0.5
            _emit(out, line, tight)
    return hung


def _headline(story: Story, out: list[str], rng: random.Random, width: float) -> None:
    title = story.title or ""
    if len(title) > 10 and rng.random() < 0.5 and story.style == "news":
        cut = rng.randint(4, 6)
        _emit(out, title[:cut])
        _emit(out, title[cut:], tight=True)
    else:
        _emit(out, title)


def layout_page(stories: list[Story], seed: int = 0, width: float = 16.0) -> str:
    """The page dump of ``stories`` in reading order (the first lead story first)."""
    rng = random.Random(seed)
    out: list[str] = []
    deferred: list[Story] = []
    pictures = [s for s in stories if s.style in ("photo", "caption")]
    for story in stories:
        if story in pictures:
            continue
        hung = _body(story, out, rng, width)
        if story.style == "lead":
            if story.byline:
                _emit(out, "▶" + " ".join(story.byline))
            deferred.append(story)
        elif story.style == "feature":
            _emit(out, story.title or "")
            if story.byline:
                _emit(out, "▶ " + " ".join(story.byline), tight=True)
        else:
            if story.byline and not hung:
                _emit(out, " ".join(story.byline))
            if story.title:
                _headline(story, out, rng, width)
    for story in deferred:
        if story.kicker:
            _emit(out, story.kicker)
        if story.title:
            _emit(out, story.title)
    for story in pictures:
        text = "".join(story.paragraphs)
        for line in column_lines(text, width * 2.2, 0, rng):
            _emit(out, line)
        if story.credit:
            _emit(out, story.credit)
    return "\n".join(out) + "\n"
