"""The article source of files opened directly: everything in memory, the folders watched.

:class:`MemorySource` is the :class:`~reader.library.source.ArticleSource` of
``hitech-reader PATH...``: the files are read once (through its
:class:`~reader.library.parse_cache.ParseCache`, so a known file is not parsed again), their
articles are held in a list in file order, and each article is annotated once, when first
shown or when the figures and names views ask (:mod:`reader.library.catalogue`). Folders
among the paths are watched (:class:`reader.ingest.watch.FolderWatch`): :meth:`refresh`
reads the pages dropped in or changed and merges them into the list. No textual import here.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.source import Marked, Notice, Refreshed
from reader.model import Annotations, Article, Figure, Located
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.state.user import State

if TYPE_CHECKING:
    from reader.ingest.watch import FolderWatch
    from reader.library.parse_cache import ParseCache
    from reader.search.match import SearchHit

Annotator = Callable[[Article], Annotations]


def full_annotations(article: Article) -> Annotations:
    """Figures, names and key figures; the first call loads the NLP stack."""
    from reader.annotate.pipeline import annotate

    return annotate(article)


def sidebar_row(article: Article, lookalike: bool = False) -> HeadlineRow:
    """The sidebar row of a loaded article: it knows its kicker and its place in the file.

    A ``lookalike`` (another article has the same headline and kicker) gives neither, so the
    sidebar shows its date and file instead, as it does for the library's rows.
    """
    if lookalike:
        return HeadlineRow(article.id, article.headline, article.date, article.kind,
                           article.source.path)
    return HeadlineRow(article.id, article.headline, article.date, article.kind,
                       article.source.path, article.kicker, article.source.first_line)


class MemorySource:
    """Articles read from files, held in memory.

    Args:
        articles: the open articles, in sidebar order.
        state: the reader's state (read marks, positions...).
        annotator: full annotations of one article (default: the NLP pipeline).
        errors: one line per file that could not be read, told once the app runs.
        read_as_plain: one line per .txt read as plain text (not a page dump), and why.
        cache: the parse cache the files were read through (its first-paint figures).
        watch: the folders opened, looked at again by :meth:`refresh`.
    """

    page_size: int | None
    refresh_every: float | None

    def __init__(
        self,
        articles: Sequence[Article],
        state: State | None = None,
        *,
        annotator: Annotator | None = None,
        errors: Sequence[str] = (),
        read_as_plain: Sequence[str] = (),
        cache: ParseCache | None = None,
        watch: FolderWatch | None = None,
    ) -> None:
        self.state = state if state is not None else State()
        self.annotator: Annotator = annotator or full_annotations
        self.errors = list(errors)
        self.read_as_plain = list(read_as_plain)
        self.cache = cache
        self.watch = watch
        self.articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        self._set_articles(list(articles))
        self._annotations: dict[str, Annotations] = {}
        # One annotation at a time: the NLP stack is never entered from two threads.
        self._lock = threading.Lock()
        if watch is not None:
            from reader.ingest.watch import WATCH_SECONDS

            self.refresh_every = WATCH_SECONDS
        else:
            self.refresh_every = None

    def _set_articles(self, articles: list[Article]) -> None:
        """Hold ``articles`` (every file's, in order), a copy of one already held as one.

        Copies of a page (under two names, in two folders) are one article: the first read
        is shown, the others add their paths (:meth:`copies`). ``_read`` keeps every file's
        articles, so that taking one copy's file away leaves the article shown from another.
        """
        from reader.model.codec import content_fields

        shown: dict[tuple[object, ...], Article] = {}
        paths: dict[str, list[str]] = {}
        for article in articles:
            first = shown.setdefault(content_fields(article), article)
            paths.setdefault(first.id, []).append(article.source.path)
        kept = list(shown.values())
        looks = Counter((a.headline, a.kicker) for a in kept)
        self._lookalikes = {a.id for a in kept if looks[(a.headline, a.kicker)] > 1}
        # Replaced, never changed in place: a reader on another thread sees one or the other.
        self._read = articles
        self._paths = paths
        self._by_id = {article.id: article for article in kept}
        self.articles = kept
        self.page_size = max(1, len(kept))  # every headline at once: they are in memory

    def notices(self) -> list[Notice]:
        found = [Notice(e, "Could not open a file", "error", 10) for e in self.errors]
        found += [Notice(n, "Read as plain text", "warning", 10, True) for n in self.read_as_plain]
        if not self.articles:
            found.append(Notice("No articles to show."))
        return found

    # -- articles ---------------------------------------------------------------------------

    def count(self) -> int:
        return len(self.articles)

    def headlines(self, offset: int, limit: int) -> list[HeadlineRow]:
        return [sidebar_row(a, a.id in self._lookalikes)
                for a in self.articles[max(0, offset) : max(0, offset + limit)]]

    def marked_headlines(self, which: Marked, limit: int | None = None) -> list[HeadlineRow]:
        state = self.state
        ids = set(state.bookmarks if which == "bookmarked" else state.read)  # a copy
        inside = which == "bookmarked"
        rows = [sidebar_row(a) for a in self.articles if (a.id in ids) == inside]
        return rows if limit is None else rows[:limit]

    def article_at_hand(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def article(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def copies(self, article_id: str) -> list[str]:
        return list(self._paths.get(article_id, ()))

    # -- annotations ------------------------------------------------------------------------

    def quick_figures(self, article: Article) -> list[Located[Figure]]:
        cached = self.cache.figures(article.id) if self.cache is not None else None
        if cached is not None:
            return cached
        from reader.annotate.pipeline import quick_figure_annotations

        return quick_figure_annotations(article)

    def stored_annotations(self, article_id: str) -> Annotations | None:
        return self._annotations.get(article_id)

    def annotations(self, article: Article) -> Annotations:
        found = self._annotations.get(article.id)
        if found is None:
            with self._lock:
                found = self._annotations.get(article.id)
                if found is None:
                    found = self.annotator(article)
                    self._annotations[article.id] = found
        return found

    # -- across the articles -------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        from reader.search.match import search

        return search(self.articles, query, limit=limit)

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
    ) -> list[FigureRow]:
        from reader.library.catalogue import figure_rows
        from reader.search.figure_filter import FigureQuery

        # The same FigureQuery the library turns into SQL: the filter is written once.
        return figure_rows(self.articles, self.annotations, order=order, limit=limit,
                           query=FigureQuery(kind, unit, min_value, max_value))

    def entities(self, type: str | None = None, role: str | None = None) -> list[EntityRow]:
        from reader.library.catalogue import entity_rows

        return entity_rows(self.articles, self.annotations, type, role)

    def articles_naming(
        self, entity_text: str, type: str | None = None, role: str | None = None
    ) -> list[HeadlineRow]:
        from reader.library.catalogue import naming_rows

        return naming_rows(self.articles, self.annotations, entity_text, type, role)

    def money_articles(
        self, min_value: float | None = None, max_value: float | None = None,
        date: str | None = None,
    ) -> list[tuple[Article, Annotations]]:
        from reader.search.figure_filter import money_query

        wanted = money_query(min_value, max_value)
        found = []
        for article in self.articles:
            if date and not (article.date or "").startswith(date):
                continue
            annotations = self.annotations(article)
            if any(wanted.matches(f.span) for f in annotations.figures):
                found.append((article, annotations))
        return found

    # -- watched folders -------------------------------------------------------------------

    def refresh(self) -> Refreshed | None:
        """Read the pages added to or changed in the watched folders, drop those removed."""
        if self.watch is None:
            return None
        changes = self.watch.changes()
        if not changes:
            return None
        from reader.ingest.loader import display_path, load_paths

        loaded: list[tuple[str, list[Article]]] = []
        errors: list[str] = []
        plain: list[str] = []
        for paths in _with_page_partners([*changes.added, *changes.changed]):
            result = load_paths(paths, cache=self.cache)
            # Read together, page PDFs join a story jumped from one to another; each file
            # gets the articles that start in it.
            for path in paths:
                shown = display_path(path)
                loaded.append((str(path), [a for a in result.articles if a.source.path == shown]))
            errors.extend(str(error) for error in result.errors)
            plain.extend(str(notice) for notice in result.notices)
        changed = [a.id for _path, articles in loaded for a in articles]
        for article_id in changed:
            self._annotations.pop(article_id, None)  # a changed page is annotated anew
        added = self.merge_files(loaded, [str(path) for path in changes.removed])
        return Refreshed(added, changed, errors, plain)

    def merge_files(
        self, loaded: Sequence[tuple[str, list[Article]]], removed: Iterable[str]
    ) -> int:
        """Put the articles of new or changed files in, take out those of removed files.

        ``loaded`` is (file path, its articles): a file already open has its articles
        replaced where they were; a new one goes at the end. Returns the articles added to
        the list (a copy of one already listed adds none).
        """
        fresh = {path: articles for path, articles in loaded if articles}
        by_source = {articles[0].source.path: articles for articles in fresh.values()}
        gone = set(removed) - set(by_source)
        merged: list[Article] = []
        placed: set[str] = set()
        for article in self._read:
            source = article.source.path
            if source in gone:
                continue
            if source in by_source:
                if source not in placed:
                    merged.extend(by_source[source])
                    placed.add(source)
                continue
            merged.append(article)
        added = [
            a for source, articles in by_source.items() if source not in placed for a in articles
        ]
        merged.extend(added)
        listed = set(self._by_id)
        self._set_articles(merged)
        # A copy of a page already open adds a path, not a row: only new rows count.
        return sum(1 for article in self.articles if article.id not in listed)

    def close(self) -> None:
        """Nothing to let go of: the files were read and closed."""


def load_files(
    paths: Sequence[str | Path], cache: ParseCache | None
) -> tuple[list[Article], list[str], list[str]]:
    """Articles from ``paths`` (files or folders), one line per file that failed, and one
    per .txt read as plain text because it is no page dump."""
    from reader.ingest.loader import load_paths

    result = load_paths(paths, cache=cache)
    return (list(result.articles), [str(error) for error in result.errors],
            [str(notice) for notice in result.notices])


def _with_page_partners(paths: Sequence[Path]) -> list[list[Path]]:
    """The files to read again, in groups read together: a changed page PDF brings the other
    PDFs of its folder (a story may jump between them); any other file is read alone."""
    groups: list[list[Path]] = []
    folders: dict[Path, list[Path]] = {}
    for path in paths:
        if path.suffix.lower() == ".pdf":
            folders.setdefault(path.parent, []).append(path)
        else:
            groups.append([path])
    for folder, changed in folders.items():
        try:
            pages = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".pdf")
        except OSError:
            pages = []
        groups.append(pages or changed)
    return groups
