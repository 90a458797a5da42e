"""Search across articles held in memory, and find-in-text for one article.

The app searches the articles it has open (ctrl+f) with :func:`search`; the library index
(:mod:`reader.search.sql`) answers the same queries from SQLite with the same predicate
(:mod:`reader.search.predicate`) and :func:`locate`, and returns the same :class:`SearchHit`,
so the UI shows both alike. Matching is done on folded text, so that
searching 大 finds the Kangxi radical ⼤ a PDF extractor left behind and 1000 finds １０００,
while every offset returned points into the text the user sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.model import Article
from reader.search.predicate import FoldedParts, Predicate, fold_text
from reader.search.query import Query, as_query

__all__ = ["Predicate", "SearchHit", "fold_text", "lookalike_notes", "match_article", "search"]

#: How many characters of context a snippet shows around its first hit.
SNIPPET_WIDTH = 40
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article, located at its first hit.

    ``where`` names the part of the article holding that hit: "title", "kicker",
    "byline", "dateline", "caption", "body" or "credit". ``block`` indexes
    ``Article.blocks`` for "body" and ``Article.captions`` for "caption", else it is None.
    ``start``/``end`` are code points into that text; ``snippet_spans`` are the matches
    inside ``snippet``; ``hits`` counts the matches of every positive term in the article.
    """

    article_id: str
    title: str
    where: str
    block: int | None
    start: int
    end: int
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    hits: int
    #: True when a term matched the headline: such hits rank first.
    in_title: bool = False
    #: The article's date and the file it was read from (the first, for one held in
    #: several copies): what tells apart two hits that otherwise look the same.
    date: str | None = None
    source: str = ""


# --- finding -----------------------------------------------------------------------


def find_in_text(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``needle`` in ``text``, as (start, end) code points.

    Matching ignores what :mod:`reader.text.fold` folds away (lookalike characters, width,
    case, stray spaces); the offsets point into ``text`` as given, so they can be
    highlighted directly.
    """
    if not needle or not text:
        return []
    from reader.text.fold import find_all

    return find_all(text, needle)


# --- articles ------------------------------------------------------------------------


def article_parts(article: Article) -> Iterator[tuple[str, int | None, str]]:
    """(where, index, text) for every searchable text of ``article``, in reading order."""
    if article.title:
        yield "title", None, article.title
    if article.kicker:
        yield "kicker", None, article.kicker
    if article.byline:
        yield "byline", None, "、".join(article.byline)
    if article.dateline:
        yield "dateline", None, article.dateline
    for i, caption in enumerate(article.captions):
        yield "caption", i, caption
    for i, block in enumerate(article.blocks):
        yield "body", i, block.text
    if article.credit:
        yield "credit", None, article.credit


def make_snippet(
    text: str, spans: Sequence[tuple[int, int]], first: tuple[int, int], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``width`` characters of ``text`` around ``first``, with the spans inside it.

    Cut ends are marked with an ellipsis; returned spans are offsets into the snippet.
    """
    start, end = first
    before = max(0, (width - (end - start)) // 2)
    lo = max(0, start - before)
    hi = min(len(text), max(end, lo + width))
    lo = max(0, min(lo, hi - width))
    lead = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(text) else ""
    snippet = lead + text[lo:hi].replace("\n", " ") + tail
    shift = len(lead) - lo
    inside = tuple(
        (max(s, lo) + shift, min(e, hi) + shift) for s, e in sorted(spans) if s < hi and e > lo
    )
    return snippet, inside


def folded_parts(article: Article) -> FoldedParts:
    """What :class:`~reader.search.predicate.Predicate` matches ``article`` against."""
    parts = ((where, text) for where, _, text in article_parts(article))
    return FoldedParts.of(article.kind, article.source.path, parts)


def match_article(article: Article, query: str | Query | Predicate) -> SearchHit | None:
    """The :class:`SearchHit` for ``article`` if it satisfies ``query``, else None."""
    predicate = query if isinstance(query, Predicate) else Predicate(as_query(query))
    parts = folded_parts(article)
    found = predicate.matches(parts)
    if found is None:
        return None
    return locate(article, parts.all, predicate, *found)


def locate(
    article: Article, folded_all: str, predicate: Predicate, in_title: bool, hits: int
) -> SearchHit | None:
    """The hit of a matching article, at its first match outside the headline if any.

    ``folded_all`` is :attr:`FoldedParts.all` of the article (the library stores it), which
    finds the part holding a match without folding every part again.
    """
    parts = list(article_parts(article))
    if not predicate.locates:
        # Only exclusions or source:/kind: restrictions: the article matches as a whole.
        where, index, text = parts[0] if parts else ("title", None, article.headline)
        return build_hit(article, where, index, text, [], 0, False)
    folded = folded_all.split("\n")
    aligned = len(folded) == len(parts)
    # The title is shown beside the snippet, so the snippet shows the first hit elsewhere.
    order = sorted(range(len(parts)), key=lambda i: parts[i][0] == "title")
    for i in order:
        where, index, text = parts[i]
        wanted = predicate.wanted(where)
        if aligned:
            if not any(term in folded[i] for _, term in wanted):
                continue
            spans = _spans(text, folded[i], wanted)
        else:
            spans = [span for typed, _ in wanted for span in find_in_text(text, typed)]
        if spans:
            return build_hit(article, where, index, text, spans, hits, in_title)
    return None


def _spans(text: str, folded: str, wanted: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The matches of ``wanted`` in ``text`` that a snippet around the first one shows.

    Folding a whole part to map offsets back is slow in Python, so the folded form locates
    the first match and only a window of the original after it is folded. Folding only
    drops characters (spaces, zero-width marks) and replaces others one for one, so a match
    found at folded offset ``p`` starts in the original between ``p`` and ``p + dropped``.
    Anything unexpected falls back to folding the whole part.
    """
    dropped = len(text) - len(folded)
    firsts = [at for _, term in wanted if (at := folded.find(term)) != -1]
    if dropped < 0 or not firsts:
        return [span for typed, _ in wanted for span in find_in_text(text, typed)]
    # Original offsets keep the order of folded ones, so nothing before ``at`` matches and
    # one window holds the first match and whatever else the snippet can show.
    at = min(firsts)
    longest = max(len(term) for _, term in wanted)
    hi = at + longest + dropped + SNIPPET_WIDTH
    spans = [(at + s, at + e) for typed, _ in wanted
             for s, e in find_in_text(text[at:hi], typed)]
    if not spans:
        return [span for typed, _ in wanted for span in find_in_text(text, typed)]
    return sorted(spans)


def build_hit(
    article: Article,
    where: str,
    index: int | None,
    text: str,
    spans: Sequence[tuple[int, int]],
    hits: int,
    in_title: bool,
) -> SearchHit:
    """The :class:`SearchHit` pointing at the first of ``spans`` in one part of ``article``."""
    first = min(spans) if spans else (0, 0)
    snippet, inside = make_snippet(text, spans, first)
    return SearchHit(
        article.id, article.headline, where, index, first[0], first[1], snippet, inside, hits,
        in_title, article.date, article.source.path,
    )


def lookalike_notes(hits: Sequence[SearchHit]) -> list[str]:
    """Per hit, "date · file" when another hit shows the same title and snippet, else "":
    what a list of results adds so that no two lines look the same."""
    from pathlib import PurePath

    seen: dict[tuple[str, str], int] = {}
    for hit in hits:
        seen[(hit.title, hit.snippet)] = seen.get((hit.title, hit.snippet), 0) + 1
    return [
        " · ".join(p for p in (hit.date, PurePath(hit.source).name) if p)
        if seen[(hit.title, hit.snippet)] > 1 else ""
        for hit in hits
    ]


def rank_key(hit: SearchHit) -> tuple[bool, int]:
    """Sort key: headline hits first, then by number of hits (stable for ties)."""
    return (not hit.in_title, -hit.hits)


def search(articles: Sequence[Article], query: str | Query, limit: int = 50) -> list[SearchHit]:
    """Search ``articles`` for ``query``; the best ``limit`` hits, ranked.

    An empty query matches nothing (there is nothing to rank or highlight).
    """
    predicate = Predicate(as_query(query))
    if predicate.never or limit <= 0:
        return []
    hits = [hit for article in articles if (hit := match_article(article, predicate)) is not None]
    hits.sort(key=rank_key)
    return hits[:limit]
