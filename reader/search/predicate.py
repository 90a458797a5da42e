"""The one meaning of a query: which articles match it, and how many hits each has.

In-memory search (:mod:`reader.search.match`) and the library index (:mod:`reader.search.sql`)
answer the same queries. Both reduce an article to its :class:`FoldedParts` (the folded
texts the library also stores) and ask :meth:`Predicate.matches`: memory for every open
article, the library for the candidates its indexes narrow the search to. The indexes only
ever make the candidate list shorter; what matches, and its rank, is decided here alone, so
the two paths cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from reader.search.query import Query


def fold_text(text: str) -> str:
    """The folded form used for matching and for the library's full-text index."""
    from reader.text.fold import fold  # not at import: the app's first frame needs none of it

    return fold(text).text


class FoldedParts(NamedTuple):
    """The folded texts a query is matched against (what the library stores per article)."""

    #: The article's kind as stored ("article", "photo", "caption").
    kind: str
    title: str
    #: Every byline name, joined with "、".
    byline: str
    source: str
    #: Every searchable part (see :func:`reader.search.match.article_parts`), one per line,
    #: so that a term (which never holds a newline) cannot match across two parts.
    all: str

    @classmethod
    def of(cls, kind: str, source: str, parts: Iterable[tuple[str, str]]) -> FoldedParts:
        """From (where, text) pairs in reading order, as the article gives them."""
        folded = [(where, fold_text(text)) for where, text in parts]
        first = dict(reversed(folded))
        return cls(kind, first.get("title", ""), first.get("byline", ""), fold_text(source),
                   "\n".join(text for _, text in folded))


class Predicate:
    """A query folded once: its terms for the indexes, and the test of a candidate."""

    def __init__(self, query: Query) -> None:
        self.query = query
        #: Terms and phrases that must occur somewhere (hits are counted for these).
        self.positives = [fold_text(t) for t in query.positives]
        #: ``-term``: an article holding any of these is left out.
        self.excludes = [e for e in (fold_text(t) for t in query.excludes) if e]
        #: A term that folds to nothing (a lone zero-width mark) matches no article.
        self.empty_term = any(not p for p in self.positives)
        #: (field, folded value, negated) of every ``field:value``.
        self.fields = [(f.field, fold_text(f.value), f.negated) for f in query.fields]
        self.title_terms = self.scoped("title")
        self.byline_terms = self.scoped("byline")
        # (as typed, folded) per part: positives everywhere, title:/byline: in their part.
        self._everywhere = list(zip(query.positives, self.positives, strict=True))
        self._wanted = {
            name: [(f.value, fold_text(f.value)) for f in query.fields
                   if f.field == name and not f.negated]
            for name in ("title", "byline")
        }

    @property
    def never(self) -> bool:
        """True when nothing can match (an empty query, or an empty term)."""
        return self.query.is_empty or self.empty_term

    @property
    def locates(self) -> bool:
        """Whether a match points at a hit (else it matches the article as a whole)."""
        return bool(self.positives or self.title_terms or self.byline_terms)

    def scoped(self, name: str, negated: bool = False) -> list[str]:
        """The folded values of ``name:`` terms (non-empty), negated ones if asked."""
        return [v for field, v, neg in self.fields if field == name and neg == negated and v]

    def wanted(self, where: str) -> list[tuple[str, str]]:
        """(as typed, folded) of the terms whose matches count in the part ``where``."""
        return self._everywhere + self._wanted.get(where, [])

    def matches(self, parts: FoldedParts) -> tuple[bool, int] | None:
        """(term in the headline, number of hits) if the article matches, else None."""
        if self.never:
            return None
        texts = {"title": parts.title, "byline": parts.byline, "source": parts.source}
        for name, value, negated in self.fields:
            if name == "kind":
                ok = fold_text(parts.kind) == value
            else:
                ok = bool(value) and value in texts[name]
            if ok == negated:
                return None
        if any(e in parts.all for e in self.excludes):
            return None
        hits = 0
        for term in self.positives:
            n = parts.all.count(term)
            if not n:
                return None
            hits += n
        hits += sum(parts.title.count(t) for t in self.title_terms)
        hits += sum(parts.byline.count(t) for t in self.byline_terms)
        return any(t in parts.title for t in (*self.positives, *self.title_terms)), hits
