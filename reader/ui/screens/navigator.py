"""Which article the reader screen shows, when it is not the cursor that says so.

On opening: the last article read (even past the first page of a big library), else the
first listed. After the source took in changed folders: the same article, re-read if its
page changed, or the one in its place if it went. From the search, figures and names
views and the command palette: the article chosen, scrolled to the span and marked. The
screen owns one :class:`Navigator` and asks it; it knows the screen only as
:class:`NavigatedScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from reader.library.source import ArticleSource, Refreshed
    from reader.model import Annotations, Article
    from reader.model.rows import FigureRow
    from reader.search.match import SearchHit
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.headline_list import HeadlineList


class NavigatedScreen(Protocol):
    """What the navigator uses of the reader screen."""

    source: ArticleSource
    app: App[None]
    current: Article | None
    annotations: dict[str, Annotations]

    @property
    def headlines(self) -> HeadlineList: ...
    @property
    def view(self) -> ArticleView: ...
    def show_article(self, article: Article) -> None: ...
    def fill_sidebar(self) -> None: ...
    def notify(self, message: str, **options: object) -> None: ...  # type: ignore[misc]


class Navigator:
    """Opens articles for the reader screen."""

    def __init__(self, screen: NavigatedScreen) -> None:
        self.screen = screen

    def open_first(self) -> None:
        """The article to show on opening, fetched now (the first frame has it)."""
        screen, source = self.screen, self.screen.source
        headlines = screen.headlines
        wanted = source.state.last_article
        index = headlines.index_of(wanted) if wanted else None
        # The last article read opens again even when it is not on the first page: it is
        # shown and the cursor stays off the sidebar (as for a search hit far down).
        article = source.article(wanted) if wanted and index is None else None
        if article is None and headlines.rows:
            index = index or 0
            article = source.article(headlines.rows[index].article_id)
        if article is not None:
            # Stored at import (library): the first frame has every highlight and the key
            # numbers, without compiling the figure finder or waiting for a worker.
            stored = source.stored_annotations(article.id)
            if stored is not None:
                screen.annotations[article.id] = stored
            # Shown here rather than through the list's message: the first frame has it.
            screen.show_article(article)
        if index is not None:
            headlines.highlighted = index

    def refreshed(self, changes: Refreshed) -> None:
        """The source took in changes: list them, keep the reader where they were."""
        screen = self.screen
        for article_id in changes.changed:
            screen.annotations.pop(article_id, None)  # a changed page is annotated anew
        headlines = screen.headlines
        current = screen.current.id if screen.current is not None else None
        before = headlines.highlighted
        screen.fill_sidebar()
        index = headlines.index_of(current) if current else None
        if index is None and headlines.option_count:
            index = min(before or 0, headlines.option_count - 1)  # it went: the one in its place
        if index is not None:
            headlines.highlighted = index
            article = screen.source.article(headlines.rows[index].article_id)
            # The article shown was re-read from a changed page: show the new text.
            if article is not None and article is not screen.current:
                screen.show_article(article)
        for message in changes.errors:
            screen.notify(message, title="Could not open a file", severity="error", timeout=10)
        for message in changes.read_as_plain:
            screen.notify(message, title="Read as plain text", severity="warning", timeout=10)
        if changes.added:
            added = changes.added
            screen.notify(f"{added} new article{'s' if added != 1 else ''} in the folder.")

    def open_view(
        self, view: Literal["search", "figures", "entities", "bookmarked", "unread"]
    ) -> None:
        """Open a view across the articles; the article chosen there is shown here."""
        app, source = self.screen.app, self.screen.source
        if view == "search":
            from reader.ui.screens.search import SearchScreen

            app.push_screen(SearchScreen(source), self.open_hit)
        elif view == "figures":
            from reader.ui.screens.figures import FiguresScreen

            app.push_screen(FiguresScreen(source), self.open_figure)
        elif view in ("bookmarked", "unread"):
            from reader.ui.screens.marked import MarkedScreen

            app.push_screen(MarkedScreen(source, view), self.open_listed)
        else:
            from reader.ui.screens.entities import EntitiesScreen

            app.push_screen(EntitiesScreen(source), self.open_naming)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Show the article of a search hit, scrolled to the hit and marked."""
        if hit is not None:
            self.open_at(hit.article_id, hit.block, hit.start, hit.end, hit.where)

    def open_figure(self, row: FigureRow | None) -> None:
        """Show the article of a figure chosen in the figures view, at the figure, marked."""
        if row is not None:
            self.open_at(row.article_id, row.block, row.start, row.end)

    def open_listed(self, article_id: str | None) -> None:
        """Show an article chosen from the bookmarked or unread ones, and read it there."""
        if article_id is not None:
            self.go_to(article_id)
            self.screen.view.focus()

    def open_naming(self, choice: tuple[str, str] | None) -> None:
        """Show an article chosen in the names view at the first mention of the name,
        marked like a search hit."""
        if choice is not None:
            article_id, name = choice
            self.open_at(article_id)
            screen = self.screen
            if screen.current is not None and screen.current.id == article_id:
                screen.view.mark_first(name)

    def go_to(self, article_id: str) -> None:
        """Show an article by id (the command palette): the sidebar cursor goes to it."""
        headlines = self.screen.headlines
        index = headlines.index_of(article_id)
        if index is not None:
            headlines.highlighted = index
            headlines.scroll_to_highlight()
        else:
            self.open_at(article_id)

    def open_at(
        self,
        article_id: str,
        block: int | None = None,
        start: int = 0,
        end: int = 0,
        where: str = "body",
    ) -> None:
        """Show an article, and if a span is given scroll to it and mark it.

        The article may not be among the headlines loaded yet (a big library): it is
        shown all the same, and the sidebar cursor stays where it was.
        """
        screen = self.screen
        article = screen.source.article(article_id)
        if article is None:
            screen.notify("That article is no longer open.", severity="warning")
            return
        index = screen.headlines.index_of(article_id)
        if index is not None:
            screen.headlines.highlighted = index
        if screen.current is None or screen.current.id != article.id:
            screen.show_article(article)
        if end > start:
            screen.view.mark_block_span(block, start, end, where)
        screen.view.focus()
