"""Search across articles held in memory, and find-in-text for one article.

The app searches the articles it has open (ctrl+f) with :func:`search`; the library index
(:mod:`reader.library`) answers the same queries from SQLite and returns the same
:class:`SearchHit`, so the UI shows both alike. Matching is done on folded text, so that
searching 大 finds the Kangxi radical ⼤ a PDF extractor left behind and 1000 finds １０００,
while every offset returned points into the text the user sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.model import Article
from reader.search.query import FieldTerm, Query, as_query

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


# --- folding -----------------------------------------------------------------------


def fold_text(text: str) -> str:
    """The folded form used for matching and for the library's full-text index."""
    from reader.text.fold import fold

    return fold(text).text


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


def field_matches(article: Article, term: FieldTerm) -> bool:
    """Whether ``article`` satisfies one ``field:value`` restriction (negation ignored)."""
    if term.field == "kind":
        return fold_text(article.kind) == fold_text(term.value)
    if term.field == "source":
        return bool(find_in_text(article.source.path, term.value))
    if term.field == "title":
        return bool(article.title and find_in_text(article.title, term.value))
    return any(find_in_text(name, term.value) for name in article.byline)


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


def match_article(article: Article, query: str | Query) -> SearchHit | None:
    """The :class:`SearchHit` for ``article`` if it satisfies ``query``, else None."""
    q = as_query(query)
    find = find_in_text
    for term in q.fields:
        if field_matches(article, term) == term.negated:
            return None
    parts = list(article_parts(article))
    for exclude in q.excludes:
        if any(find(text, exclude) for _, _, text in parts):
            return None
    # Positive title:/byline: terms count as hits in their own field only.
    scoped = {"title": [], "byline": []}  # type: dict[str, list[str]]
    for term in q.fields:
        if not term.negated and term.field in scoped:
            scoped[term.field].append(term.value)
    found_terms: set[str] = set()
    located: list[tuple[str, int | None, str, list[tuple[int, int]]]] = []
    total = 0
    for where, index, text in parts:
        spans: list[tuple[int, int]] = []
        for term in (*q.positives, *scoped.get(where, ())):
            matches = find(text, term)
            if matches:
                found_terms.add(term)
                spans.extend(matches)
        if spans:
            total += len(spans)
            located.append((where, index, text, spans))
    if any(term not in found_terms for term in q.positives):
        return None
    in_title = any(where == "title" for where, *_ in located)
    if not located:
        if q.positives or scoped["title"] or scoped["byline"]:
            return None
        # Only exclusions or source:/kind: restrictions: the article matches as a whole.
        where, index, text = parts[0] if parts else ("title", None, article.headline)
        return build_hit(article, where, index, text, [], 0, False)
    # The title is already shown beside the snippet, so point at the first hit elsewhere.
    body_hits = [entry for entry in located if entry[0] != "title"]
    where, index, text, spans = (body_hits or located)[0]
    return build_hit(article, where, index, text, spans, total, in_title)


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
        in_title,
    )


def rank_key(hit: SearchHit) -> tuple[bool, int]:
    """Sort key: headline hits first, then by number of hits (stable for ties)."""
    return (not hit.in_title, -hit.hits)


def search(articles: Sequence[Article], query: str | Query, limit: int = 50) -> list[SearchHit]:
    """Search ``articles`` for ``query``; the best ``limit`` hits, ranked.

    An empty query matches nothing (there is nothing to rank or highlight).
    """
    q = as_query(query)
    if q.is_empty or limit <= 0:
        return []
    hits = [hit for article in articles if (hit := match_article(article, q)) is not None]
    hits.sort(key=rank_key)
    return hits[:limit]
