"""The shell's calls into the core, one function each.

The UI reaches the loader, the annotators and the search through these few functions so
that each integration point is one call, imported lazily: launching the app must not pay
for modules (or the NLP stack) the first frame does not need.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.model import Annotations, Article, Figure, Located
from reader.search.match import SearchHit


def load_library(
    paths: Sequence[str | Path],
) -> tuple[list[Article], list[str], list[str]]:
    """Articles from ``paths`` (files or folders), one line per file that failed, and one
    per file read otherwise than its shape suggested (a .txt that is no page dump)."""
    from reader.ingest.loader import load_paths

    result = load_paths(paths, cache=True)
    errors = [str(error) for error in result.errors]
    return list(result.articles), errors, [str(notice) for notice in result.notices]


def bundled_articles_dir() -> Path:
    """The folder of sample pages shipped with the app."""
    from reader.ingest.loader import bundled_articles_dir as bundled

    return bundled()


def quick_figures(article: Article) -> list[Located[Figure]]:
    """The figures to show on the first paint: from the parse cache when it has them."""
    from reader.annotate.pipeline import quick_figure_annotations
    from reader.ingest import parse_cache

    cached = parse_cache.cached_figures(article.id)
    return cached if cached is not None else quick_figure_annotations(article)


def full_annotations(article: Article) -> Annotations:
    """Figures, names and key figures; the first call loads the NLP stack (run in a worker)."""
    from reader.annotate.pipeline import annotate

    return annotate(article)


def search_library(articles: Sequence[Article], query: str, limit: int = 50) -> list[SearchHit]:
    """Library search (ctrl+f) over the open articles."""
    from reader.search.match import search

    return search(articles, query, limit=limit)
