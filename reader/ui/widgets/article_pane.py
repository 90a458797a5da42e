"""The article pane: the article view, its find bar (mounted on first use) and the legend.

It mediates between the find bar and the article view, which never talk to each other:
the bar reports what the user types and asks for (:class:`FindBar.QueryChanged`,
:class:`FindBar.Step`, :class:`FindBar.Closed`), the pane asks the view for matches and
sets the bar's counter. A new article shown while the bar is open is searched at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical

from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.legend import Legend

if TYPE_CHECKING:
    from reader.ui.widgets.find_bar import FindBar


class ArticlePane(Vertical):
    """The article, the find bar over its legend."""

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")
        # The find bar is mounted on first use: fewer widgets before the first frame.
        yield Legend(id="legend")

    @property
    def view(self) -> ArticleView:
        """The article view."""
        return self.query_one(ArticleView)

    @property
    def find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        bars = self.query("#find-bar")
        return bars.first() if bars else None  # type: ignore[return-value]

    def find_query(self) -> str:
        """The find text while the bar is open, else ''."""
        bar = self.find_bar
        return bar.input.value if bar is not None and bar.display else ""

    async def open_find(self) -> None:
        """Open the find bar (mounting it the first time)."""
        bar = self.find_bar
        if bar is None:
            from reader.ui.widgets.find_bar import FindBar

            bar = FindBar(id="find-bar")
            await self.mount(bar, before=self.query_one(Legend))
        bar.open()

    def article_shown(self) -> None:
        """A new article is in the view: find what the open bar holds in it."""
        query = self.find_query()
        if query and self.find_bar is not None:
            self.find_bar.set_counter(*self.view.set_query(query))

    def step_match(self, step: int) -> None:
        """Move to the next (1) or previous (-1) match; with the bar closed, the last
        query is found again first (as ``n`` in less and vim)."""
        bar = self.find_bar
        if bar is None:
            return
        query = bar.input.value
        if not bar.display and query and not self.view.matches:
            # The first match from the top of the screen on is the "next" one.
            current, total = self.view.set_query(query)
            if step < 0 and total:
                current, total = self.view.step_match(step)
            bar.set_counter(current, total)
            return
        bar.set_counter(*self.view.step_match(step))

    def close_find(self) -> None:
        """Close the find bar (its matches are hidden; the query is kept for ``n``)."""
        bar = self.find_bar
        if bar is not None and bar.display:
            bar.action_close()

    # Handlers by name, not @on: the find bar module is imported on first use only.
    def on_find_bar_query_changed(self, event: FindBar.QueryChanged) -> None:
        if self.find_bar is not None:
            self.find_bar.set_counter(*self.view.set_query(event.query))

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        self.step_match(event.step)

    def on_find_bar_closed(self) -> None:
        self.view.clear_query()
        self.view.focus()
