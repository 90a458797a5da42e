"""The reader screen's library half: library mode, watched folders, figures and names.

A mixin of :class:`~reader.ui.screens.reader.ReaderScreen`, kept apart so each module stays
small: the screen reads articles and this part feeds it from the library. In library mode
the sidebar is filled a page at a time and articles are fetched in a worker; watched folders
are polled and their new pages merged into the sidebar; ``F`` and ``E`` open the figures and
names views over :attr:`ReaderApp.catalogue <reader.ui.app.ReaderApp.catalogue>` and come
back with the article to open.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any, Protocol

from textual import work
from textual.worker import get_current_worker

from reader.model import Annotations, Article
from reader.ui import core

if TYPE_CHECKING:
    from reader.model.rows import FigureRow
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.headline_list import HeadlineList


class Reader(Protocol):
    """What these methods use of the reader screen (the self type of the mixin)."""

    app: ReaderApp
    current: Article | None
    annotations: dict[str, Annotations]

    @property
    def headlines(self) -> HeadlineList: ...
    def show_article(self, article: Article) -> None: ...
    def open_at(
        self, article_id: str, block: int | None = ..., start: int = ..., end: int = ...,
        where: str = ...,
    ) -> None: ...
    def notify(
        self, message: str, *, title: str = ..., severity: Any = ...,
        timeout: float | None = ..., markup: bool = ...,
    ) -> None: ...
    def read_folder_changes(self) -> Any: ...
    def _folders_changed(
        self, loaded: list[tuple[str, list[Article]]], removed: list[str], errors: list[str]
    ) -> None: ...
    def _article_fetched(self, article: Article) -> None: ...
    def open_figure(self, row: FigureRow | None) -> None: ...
    def open_article_id(self, article_id: str | None) -> None: ...


class LibraryActions:
    """Library mode, watched folders and the views across the library (mixed into the
    reader screen)."""

    # -- library mode -----------------------------------------------------------------------

    def _mount_library(self: Reader) -> None:
        """Library mode: the first page of headlines and the article to show, fetched now
        (two indexed queries) so the first frame has them; the rest comes as needed."""
        app, state = self.app, self.app.state
        total = app.article_count()
        self.headlines.set_pages(app.headline_page, total, state.is_read, state.is_bookmarked)
        if not total:
            self.notify(
                "The library is empty. Add pages with: hitech-reader import PATH",
                severity="warning",
            )
            return
        wanted = state.last_article
        index = self.headlines.index_of(wanted) if wanted else None
        # The last article read opens again even when it is not on the first page: it is
        # shown and the cursor stays off the sidebar (as for a search hit far down).
        article = app.article(wanted) if wanted and index is None else None
        if article is None:
            index = index or 0
            article = app.article(self.headlines.rows[index].article_id)
        if article is not None:
            # Stored at import: the first frame has every highlight and the key numbers,
            # without compiling the figure finder or waiting for a worker.
            stored = app.stored_annotations(article.id)
            if stored is not None:
                self.annotations[article.id] = stored
            self.show_article(article)
        if index is not None:
            self.headlines.highlighted = index

    # -- watched folders ------------------------------------------------------------------------

    def check_folders(self: Reader) -> None:
        """Look for pages added to, changed in or removed from the folders opened."""
        self.read_folder_changes()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def read_folder_changes(self: Reader) -> None:
        """Walk the watched folders and read the new or changed pages, off the UI thread."""
        watch = self.app.folders
        if watch is None:
            return
        changes = watch.changes()
        if not changes:
            return
        loaded: list[tuple[str, list[Article]]] = []
        errors: list[str] = []
        notices: list[str] = []
        for path in [*changes.added, *changes.changed]:
            articles, failed, read_as_plain = core.load_library([path])
            loaded.append((str(path), articles))
            errors.extend(failed)
            notices.extend(read_as_plain)
        removed = [str(path) for path in changes.removed]
        with suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._folders_changed, loaded, removed, errors, notices)

    def _folders_changed(
        self: Reader,
        loaded: list[tuple[str, list[Article]]],
        removed: list[str],
        errors: list[str],
        notices: list[str] = (),  # type: ignore[assignment]
    ) -> None:
        app = self.app
        added = app.merge_files(loaded, removed)
        for article_id in [a.id for _path, articles in loaded for a in articles]:
            self.annotations.pop(article_id, None)  # a changed page is annotated anew
        headlines = self.headlines
        current = self.current.id if self.current is not None else None
        before = headlines.highlighted
        state = app.state
        headlines.set_articles(app.library, state.is_read, state.is_bookmarked)
        index = headlines.index_of(current) if current else None
        if index is None and headlines.option_count:
            index = min(before or 0, headlines.option_count - 1)
        if index is not None:
            headlines.highlighted = index
            article = app.library[index]
            # The article shown was re-read from a changed page: show the new text.
            if self.current is None or article is not self.current:
                self.show_article(article)
        for message in errors:
            self.notify(message, title="Could not open a file", severity="error", timeout=10)
        for message in notices:
            self.notify(message, title="Read as plain text", severity="warning", timeout=10)
        if added:
            self.notify(f"{added} new article{'s' if added != 1 else ''} in the folder.")

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def fetch_article(self: Reader, article_id: str) -> None:
        """Library mode: read the article off the UI thread, show it if still wanted."""
        article = self.app.article(article_id)
        if article is None or get_current_worker().is_cancelled:
            return
        stored = self.app.stored_annotations(article_id)
        with suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._article_fetched, article, stored)

    def _article_fetched(self: Reader, article: Article, stored: Annotations | None) -> None:
        if stored is not None:
            self.annotations.setdefault(article.id, stored)
        highlighted = self.headlines.highlighted_option
        wanted = highlighted is not None and highlighted.id == article.id
        # Held through j: only the article under the cursor is painted, and only once.
        if wanted and (self.current is None or self.current.id != article.id):
            self.show_article(article)

    # -- across the library: figures and names ---------------------------------------------

    def action_figures(self: Reader) -> None:
        """Every figure of the library in a table, sortable and filterable (F)."""
        from reader.ui.screens.figures import FiguresScreen

        self.app.push_screen(FiguresScreen(self.app.catalogue), self.open_figure)

    def open_figure(self: Reader, row: FigureRow | None) -> None:
        """Show the article of a figure chosen in the figures view, at the figure, marked."""
        if row is not None:
            self.open_at(row.article_id, row.block, row.start, row.end)

    def action_entities(self: Reader) -> None:
        """Every person, place and organisation with the articles naming them (E)."""
        from reader.ui.screens.entities import EntitiesScreen

        self.app.push_screen(EntitiesScreen(self.app.catalogue), self.open_article_id)

    def open_article_id(self: Reader, article_id: str | None) -> None:
        """Show an article chosen in the entities view."""
        if article_id is not None:
            self.open_at(article_id)
