"""The shell's calls into the core, one function each.

The UI reaches the loader, the annotators and the search through these few functions so
that each integration point is one call, imported lazily: launching the app must not pay
for modules (or the NLP stack) the first frame does not need.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.model import Annotations, Article, Figure, Located
from reader.search import SearchHit


def load_library(paths: Sequence[str | Path]) -> tuple[list[Article], list[str]]:
    """Articles from ``paths`` (files or folders) and one line per file that failed."""
    from reader.loader import load_paths

    result = load_paths(paths, cache=True)
    return list(result.articles), [str(error) for error in result.errors]


def bundled_articles_dir() -> Path:
    """The folder of sample pages shipped with the app."""
    from reader.loader import bundled_articles_dir as bundled

    return bundled()


#: How much text :func:`quick_figures` reads before the first paint; the worker that runs
#: after it finds the figures of the rest (a 1 MB text would otherwise take seconds).
QUICK_CHARS = 20_000
#: Figures ending this close to the cut may be cut short themselves (1000 亿元 → 1000 亿).
_CUT_MARGIN = 32


def quick_figures(article: Article) -> list[Located[Figure]]:
    """Figures found by the fast regex pass over the first QUICK_CHARS characters."""
    from reader.figures import find_figures

    found: list[Located[Figure]] = []
    budget = QUICK_CHARS
    for index, block in enumerate(article.blocks):
        if budget <= 0:
            break
        text = block.text
        if len(text) <= budget:
            found.extend(Located(index, figure) for figure in find_figures(text))
        else:
            cut = budget
            found.extend(
                Located(index, figure)
                for figure in find_figures(text[:cut])
                if figure.end <= cut - _CUT_MARGIN
            )
        budget -= len(text)
    return found


def full_annotations(article: Article) -> Annotations:
    """Figures, names and key figures; the first call loads the NLP stack (run in a worker)."""
    from reader.annotate import annotate

    return annotate(article)


def search_library(articles: Sequence[Article], query: str, limit: int = 50) -> list[SearchHit]:
    """Library search (ctrl+f) over the open articles."""
    from reader.search import search

    return search(articles, query, limit=limit)
