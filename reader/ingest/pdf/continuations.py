"""Stories continued on another page: ``（下转第4版）`` joined to its ``（上接第1版）``.

Papers jump long stories: the front page ends a story's first part with ``（下转第4版）`` and
page 4 starts the rest with ``（上接第1版）``, usually under a short repeat of the headline.
When both parts were read together (one multi-page issue, or the page files of a folder
opened at once), they become one article. The markers go; a repeated title goes; a
sentence cut at the jump is mended. When the other part is missing, nothing changes: the
marker stays in the text, which is what tells the reader where the story goes on.

For PDFs an article's :class:`~reader.model.Source` line range is its page range, in the
paper's own page (版) numbers when the page header prints them.
"""

from __future__ import annotations

from dataclasses import replace

from reader.ingest.pdf.roles import CONTINUED_RE, continuation, is_terminal
from reader.model import Article, Block


def _marker(article: Article, word: str) -> int | None:
    """The page a 下转/上接 marker of ``article`` points to."""
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
    if not paragraphs:
        return None
    found = continuation(paragraphs[-1] if word == "下转" else paragraphs[0])
    return found[1] if found and found[0] == word else None


def _same_issue(a: Article, b: Article) -> bool:
    return a.date is None or b.date is None or a.date == b.date


def _likeness(a: Article, b: Article) -> int:
    """How much two parts look like the same story: shared title characters."""
    return len(set(a.title or "") & set(b.title or ""))


def join_continuations(articles: list[Article]) -> list[Article]:
    """Join every first part to its continuation among ``articles`` (order kept).

    Only articles whose text carries a marker take part, so this is cheap on any list.
    """
    heads = [(i, a, p) for i, a in enumerate(articles) if (p := _marker(a, "下转")) is not None]
    if not heads:
        return articles
    tails = [(i, a, p) for i, a in enumerate(articles) if (p := _marker(a, "上接")) is not None]
    joined: dict[int, Article] = {}
    dropped: set[int] = set()
    for i, first, to_page in heads:
        candidates = [(j, rest) for j, rest, from_page in tails
                      if j not in dropped and j != i and rest.source.first_line == to_page
                      and from_page == first.source.last_line and _same_issue(first, rest)]
        if not candidates:
            continue
        j, rest = max(candidates, key=lambda c: _likeness(first, c[1]))
        joined[i] = merge(joined.get(i, first), rest)
        dropped.add(j)
    return [joined.get(i, a) for i, a in enumerate(articles) if i not in dropped]


def _strip(text: str) -> str:
    return CONTINUED_RE.sub("", text).strip()


def merge(first: Article, rest: Article) -> Article:
    """One article from a first part and its continuation."""
    blocks = list(first.blocks)
    last = max((k for k, b in enumerate(blocks) if b.kind == "paragraph"), default=None)
    if last is not None:
        blocks[last] = Block("paragraph", _strip(blocks[last].text))
    more = list(rest.blocks)
    head = next((k for k, b in enumerate(more) if b.kind == "paragraph"), None)
    if head is not None:
        more[head] = Block("paragraph", _strip(more[head].text))
        if last is not None and last == len(blocks) - 1 and not is_terminal(blocks[last].text):
            # The jump cut a sentence: the two halves are one paragraph.
            blocks[last] = Block("paragraph", blocks[last].text + more[head].text)
            del more[head]
    title = first.title or ""
    if rest.title and rest.title not in title and not (title and title in rest.title):
        more.insert(0, Block("subhead", rest.title))
    blocks += [b for b in more if b.text]
    blocks = [b for b in blocks if b.text]
    return replace(
        first,
        source=replace(first.source, last_line=max(first.source.last_line,
                                                   rest.source.last_line)),
        byline=first.byline + [b for b in rest.byline if b not in first.byline],
        captions=first.captions + rest.captions,
        credit=first.credit if rest.credit is None else
        (rest.credit if first.credit is None else f"{first.credit} {rest.credit}"),
        blocks=blocks,
    )
