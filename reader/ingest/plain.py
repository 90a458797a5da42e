"""Plain text copied from a web page: a title on the first line, then paragraphs.

Web copies come one paragraph per line, or with blank lines between paragraphs and the
paragraphs themselves hard-wrapped; Chinese sites indent paragraphs with full-width spaces
(``　　``). A dateline (本报讯) opening the first paragraph is recognised as on pages.
"""

from __future__ import annotations

from reader.ingest.page import DATELINE_RE as _DATELINE_RE
from reader.ingest.page import is_terminal, join_lines
from reader.ingest.page.shape import is_meta_line, meta_date
from reader.model import Article, Block, Source

_INDENT = " \t\u3000\u00a0"
#: A first line longer than this is the story itself, not its title (headlines in the paper
#: run to about 30 characters, web titles rarely past 60).
TITLE_MAX = 100


def _groups(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line.strip(_INDENT):
            groups[-1].append((number, line))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _is_wrapped(group: list[tuple[int, str]]) -> bool:
    """True when a blank-separated group is one paragraph broken into lines."""
    if len(group) < 2:
        return False
    inner = [line.strip(_INDENT) for _, line in group[:-1]]
    starts_indented = [line[:1] in "\u3000" or line.startswith("  ") for _, line in group[1:]]
    return not any(starts_indented) and sum(not is_terminal(t) for t in inner) >= len(inner) / 2


def parse_plain(text: str, path: str = "<text>") -> list[Article]:
    """Parse web-copied text into one article."""
    numbered = list(enumerate(text.splitlines(), start=1))
    content = [(n, line) for n, line in numbered if line.strip(_INDENT)]
    if not content:
        return []
    # A page header copied along (2023年3月8日 星期三 第5版) is no title: page metadata.
    page_lines: list[str] = []
    starts = content[0][0]
    while len(content) > 1 and is_meta_line(content[0][1].strip()):
        page_lines.append(content.pop(0)[1].strip())
    first_line, title = content[0][0], content[0][1].strip(_INDENT)
    body_from = first_line + 1
    if len(title) > TITLE_MAX:
        title, body_from = None, first_line
    rest = [(n, line) for n, line in numbered if n >= body_from]
    blocks: list[Block] = []
    for group in _groups(rest):
        if _is_wrapped(group):
            blocks.append(Block("paragraph", join_lines(line.strip(_INDENT) for _, line in group)))
        else:
            blocks.extend(Block("paragraph", line.strip(_INDENT)) for _, line in group)
    dateline = None
    if blocks:
        match = _DATELINE_RE.match(blocks[0].text)
        if match:
            dateline = match.group(1)
            remainder = blocks[0].text[match.end() :].lstrip(_INDENT)
            blocks[0] = Block("paragraph", remainder)
            if not remainder:
                blocks.pop(0)
    return [
        Article(
            id=f"{path}#1",
            source=Source(path, starts, content[-1][0]),
            title=title or None,
            dateline=dateline,
            blocks=blocks,
            page_lines=page_lines,
            date=next(filter(None, map(meta_date, page_lines)), None),
        )
    ]
