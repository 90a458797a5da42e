"""One door to the figures and names across everything the app has open.

The figures and entities screens ask a :class:`Catalogue` for rows and never care where
they come from: :class:`StoreCatalogue` passes the questions to the library database
(:class:`reader.library.Library`), :class:`MemoryCatalogue` answers them from the articles
the app loaded from plain files, annotating each once. Both give the same row types
(:class:`~reader.library.sqlite.FigureRow`, ``EntityRow``, ``HeadlineRow``), so a screen has
one code path. Calls may be slow (SQL over a big library, or the NLP stack): screens make
them from thread workers. No textual import here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, MutableMapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from reader.library.rows import clause_label
from reader.model import Annotations, Article
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.state.user import State

if TYPE_CHECKING:
    from reader.library import Library

ORDERS = ("value", "date")


class Catalogue(Protocol):
    """What the figures and entities screens need to know about the open articles."""

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
    ) -> list[FigureRow]:
        """Figures, largest value first (``order="value"``) or newest article first."""
        ...

    def entities(self, type: str | None = None) -> list[EntityRow]:
        """Every name with the number of articles naming it, most named first."""
        ...

    def articles_naming(self, entity_text: str, type: str | None = None) -> list[HeadlineRow]:
        """The articles naming ``entity_text``."""
        ...


class StoreCatalogue:
    """The library database's answers, as they are.

    ``lock`` is held around each query: the app shares one connection between the UI
    thread and its workers, and one query at a time keeps their cursors apart.
    """

    def __init__(self, library: Library, lock: threading.Lock | None = None) -> None:
        self.library = library
        self.lock = lock or threading.Lock()

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

    def entities(self, type: str | None = None) -> list[EntityRow]:
        with self.lock:
            return self.library.entities(type)

    def articles_naming(self, entity_text: str, type: str | None = None) -> list[HeadlineRow]:
        with self.lock:
            return self.library.articles_naming(entity_text, type)


def headline_row(article: Article) -> HeadlineRow:
    """The sidebar row of a loaded article."""
    return HeadlineRow(article.id, article.headline, article.date, article.kind,
                       article.source.path)


class MemoryCatalogue:
    """The same answers computed from loaded articles (the app opened on plain files).

    Args:
        articles: the open articles, in sidebar order.
        annotate: full annotations of one article (the app's annotator).
        cache: annotations already made (the reader screen's cache), filled as we go.
        lock: held around each ``annotate`` call, shared with the reader screen's worker
            so the NLP stack is never entered from two threads at once.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        annotate: Callable[[Article], Annotations],
        cache: MutableMapping[str, Annotations] | None = None,
        lock: threading.Lock | None = None,
    ) -> None:
        self.articles = list(articles)
        self.annotate = annotate
        self.cache: MutableMapping[str, Annotations] = {} if cache is None else cache
        self.lock = lock or threading.Lock()

    def _annotations(self, article: Article) -> Annotations:
        found = self.cache.get(article.id)
        if found is None:
            with self.lock:
                found = self.cache.get(article.id)
                if found is None:
                    found = self.annotate(article)
                    self.cache[article.id] = found
        return found

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
    ) -> list[FigureRow]:
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        rows: list[tuple[int, FigureRow]] = []
        for position, article in enumerate(self.articles):
            ann = self._annotations(article)
            keyed = {(k.block, k.figure.start, k.figure.end): k.label for k in ann.key_figures}
            for located in ann.figures:
                fig = located.span
                if kind is not None and fig.kind != kind:
                    continue
                if unit is not None and fig.unit != unit:
                    continue
                # Like SQL, a figure without a value fails any bound on the value.
                if min_value is not None and (fig.value is None or fig.value < min_value):
                    continue
                if max_value is not None and (fig.value is None or fig.value > max_value):
                    continue
                text = (article.blocks[located.block].text
                        if 0 <= located.block < len(article.blocks) else "")
                label = (keyed.get((located.block, fig.start, fig.end))
                         or clause_label(text, fig.start, fig.end))
                rows.append((position, FigureRow(
                    fig.value, fig.unit, fig.kind, label, article.id, article.headline,
                    article.date, located.block, fig.start, fig.end, fig.text, fig.value_max,
                )))
        if order == "value":
            # Largest first, figures without a value last (as the library's SQL does).
            rows.sort(key=lambda item: (item[1].value is None, -(item[1].value or 0.0)))
        else:
            # Newest first, undated last; then page order.
            rows.sort(key=lambda item: (item[1].block, item[1].start))
            rows.sort(key=lambda item: item[0])
            rows.sort(key=lambda item: item[1].date or "", reverse=True)
        found = [row for _position, row in rows]
        return found if limit is None else found[:limit]

    def entities(self, type: str | None = None) -> list[EntityRow]:
        articles: dict[tuple[str, str], set[str]] = {}
        for article in self.articles:
            for located in self._annotations(article).entities:
                entity = located.span
                if type is None or entity.type == type:
                    articles.setdefault((entity.text, entity.type), set()).add(article.id)
        rows = [EntityRow(text, etype, len(ids)) for (text, etype), ids in articles.items()]
        rows.sort(key=lambda row: (-row.articles, row.text))
        return rows

    def articles_naming(self, entity_text: str, type: str | None = None) -> list[HeadlineRow]:
        found = [
            article for article in self.articles
            if any(
                loc.span.text == entity_text and (type is None or loc.span.type == type)
                for loc in self._annotations(article).entities
            )
        ]
        # Newest first, then the order the sidebar has them in (sorted is stable).
        return [headline_row(a) for a in sorted(found, key=lambda a: a.date or "", reverse=True)]


class LibraryState(State):
    """The app's state in library mode: marks, positions and the last article in the
    library's own state file (:attr:`Library.state <reader.library.Library.state>`).

    They survive a rebuild of the library and are shared with every copy of the app on
    the same library. The theme is the app's, not the library's: it stays in ``base``
    (the default state file). The library's connection is the library's to close.
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
