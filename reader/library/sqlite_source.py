"""The article source of the library database: nothing loaded up front, everything asked.

:class:`SqliteSource` is the :class:`~reader.library.source.ArticleSource` of
``hitech-reader --library``. It wraps :class:`reader.library.sqlite.Library` and holds the
lock around its one connection: the UI thread (a page of headlines) and the workers (an
article, a search, the figures view) take turns, so their cursors never mix. Annotations
are those made at import, read back (one indexed query), never the NLP stack again. The
marks live in the library's own state file (:class:`LibraryState`), so they survive a
rebuild of the library and are shared by every copy of the app on it. No textual import.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from reader.library.source import Marked, Notice, Refreshed
from reader.model import Annotations, Article, Figure, Located
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.state.user import State

if TYPE_CHECKING:
    from reader.library.sqlite import Library
    from reader.search.match import SearchHit

#: How many fetched articles are kept in memory: going back and forth costs no query;
#: holding ``j`` through a big library does not keep every article passed.
FETCHED_KEPT = 64


class LibraryState(State):
    """The app's state in library mode: marks, positions and the last article in the
    library's own state file (:attr:`Library.state <reader.library.sqlite.Library.state>`).

    The theme is the app's, not the library's: it stays in ``base`` (the default state
    file). The library's connection is the library's to close.
    """

    SETTINGS: ClassVar[tuple[str, ...]] = ("last_article",)

    def __init__(self, base: State, library: Library) -> None:
        super().__init__(path=library.state.path, store=library.state)
        self.base = base
        self.notices = base.notices
        self.read_after = base.read_after
        self._fill(library.state)
        self.theme = base.theme

    def save(self) -> None:
        self.base.theme = self.theme
        try:
            self.base.save()
        except OSError as exc:
            self.error = self.error or str(exc)
        super().save()


class SqliteSource:
    """The library database as an article source.

    Args:
        library: the open library (closed by :meth:`close`).
        state: the app's own state (theme, reading delay); marks go to the library's.
    """

    page_size: int | None = None
    refresh_every: float | None = None

    def __init__(self, library: Library, state: State | None = None) -> None:
        self.library = library
        self.lock = threading.Lock()
        """Held around every use of the library's connection."""
        self.state: State = LibraryState(state if state is not None else State(), library)
        self._fetched: dict[str, Article] = {}

    def notices(self) -> list[Notice]:
        found = [Notice(n, "Library", "warning", 10) for n in self.library.notices]
        if not self.count():
            found.append(Notice("The library is empty. Add pages with: hitech-reader import PATH"))
        return found

    def count(self) -> int:
        with self.lock:
            return self.library.count()

    def headlines(self, offset: int, limit: int) -> list[HeadlineRow]:
        with self.lock:
            return self.library.headlines(offset, limit)

    def marked_headlines(self, which: Marked, limit: int | None = None) -> list[HeadlineRow]:
        state = self.state
        ids = set(state.bookmarks if which == "bookmarked" else state.read)  # a copy
        with self.lock:
            return self.library.headlines_among(ids, which == "bookmarked", limit)

    def article_at_hand(self, article_id: str) -> Article | None:
        return self._fetched.get(article_id)

    def article(self, article_id: str) -> Article | None:
        found = self._fetched.get(article_id)
        if found is None:
            with self.lock:
                found = self.library.get(article_id)
            if found is not None:
                fetched = dict(self._fetched)  # replaced whole: the UI thread reads it
                if len(fetched) >= FETCHED_KEPT:
                    del fetched[next(iter(fetched))]
                fetched[article_id] = found
                self._fetched = fetched
        return found

    def copies(self, article_id: str) -> list[str]:
        with self.lock:
            return self.library.copies(article_id)

    def quick_figures(self, article: Article) -> list[Located[Figure]]:
        from reader.annotate.pipeline import quick_figure_annotations

        return quick_figure_annotations(article)

    def stored_annotations(self, article_id: str) -> Annotations | None:
        with self.lock:
            return self.library.annotations(article_id)

    def annotations(self, article: Article) -> Annotations:
        found = self.stored_annotations(article.id)
        return found if found is not None else Annotations()

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        if not query.strip():
            return []  # the index has nothing to say about no words
        with self.lock:
            return self.library.search(query, limit)

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
    ) -> list[FigureRow]:
        with self.lock:
            return self.library.figures(kind, unit, min_value, max_value, order, limit)

    def entities(self, type: str | None = None, role: str | None = None) -> list[EntityRow]:
        with self.lock:
            return self.library.entities(type, role)

    def articles_naming(
        self, entity_text: str, type: str | None = None, role: str | None = None
    ) -> list[HeadlineRow]:
        with self.lock:
            return self.library.articles_naming(entity_text, type, role)

    def money_articles(
        self, min_value: float | None = None, max_value: float | None = None,
        date: str | None = None,
    ) -> list[tuple[Article, Annotations]]:
        with self.lock:
            return list(self.library.money_articles(min_value, max_value, date))

    def refresh(self) -> Refreshed | None:
        """Nothing is watched: pages enter the library through ``hitech-reader import``."""
        return None

    def close(self) -> None:
        with self.lock:
            self.library.close()
