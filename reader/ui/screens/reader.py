"""The main screen: sidebar, article pane and summary panel, and the mediator between them.

Widgets post messages up; this screen calls down into the others (siblings never talk).
It owns the pane visibility (reactives whose watchers set ``-no-summary``/``-no-sidebar``;
the stylesheet does the rest) and the annotation worker: figures are highlighted from the
fast regex pass at once, the full annotations follow from an exclusive thread worker, and a
result for an article no longer shown is kept in the cache but not painted.

It also keeps the reader's place: leaving an article (for another, or by quitting) stores
the text at the top of the pane as (block, offset) in the state, and showing it again opens
it there. An article counts as read once it has been on screen for ``state.read_after``
seconds, or is scrolled, or ``m`` is pressed: passing through with ``J`` marks nothing.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from reader.model import Annotations, Article, KeyFigure
from reader.search.match import SearchHit
from reader.ui import core
from reader.ui.library_actions import LibraryActions
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.find_bar import FindBar

#: Below this width the summary panel folds away; below SIDEBAR_MIN the sidebar too.
SUMMARY_MIN = 100
SIDEBAR_MIN = 80


class ReaderScreen(LibraryActions, Screen[None]):
    """Headlines, the article and its summary."""

    app: ReaderApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("J", "next_article(1)", "Next article", id="reader.next-article"),
        Binding("K", "next_article(-1)", "Previous article", id="reader.previous-article"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="reader.next-pane"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False, id="reader.prev-pane"
        ),
        Binding("space", "page(1)", "Page down", show=False, id="reader.page-down"),
        Binding("shift+space", "page(-1)", "Page up", show=False, id="reader.page-up"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("n", "find_step(1)", "Next match", show=False, id="reader.next-match"),
        Binding("N", "find_step(-1)", "Previous match", show=False, id="reader.previous-match"),
        Binding("escape", "close_find", "Close find", show=False, id="reader.close-find"),
        Binding("ctrl+f", "search_library", "Search all", id="reader.search"),
        Binding(
            "right_square_bracket",
            "key_figure(1)",
            "Next key number",
            show=False,
            id="reader.next-key-figure",
        ),
        Binding(
            "left_square_bracket",
            "key_figure(-1)",
            "Previous key number",
            show=False,
            id="reader.previous-key-figure",
        ),
        Binding("h", "toggle_highlights", "Highlights", id="reader.toggle-highlights"),
        Binding("s", "toggle_summary", "Summary", id="reader.toggle-summary"),
        Binding("b", "toggle_sidebar", "Sidebar", show=False, id="reader.toggle-sidebar"),
        Binding("m", "toggle_read", "Mark read/unread", show=False, id="reader.toggle-read"),
        Binding("B", "toggle_bookmark", "Bookmark", show=False, id="reader.toggle-bookmark"),
        Binding("F", "figures", "Figures", show=False, id="reader.figures"),
        Binding("E", "entities", "Names", show=False, id="reader.entities"),
    ]

    show_summary: reactive[bool] = reactive(True)
    """Whether the summary panel is shown (folds away on narrow terminals)."""
    show_sidebar: reactive[bool] = reactive(True)
    """Whether the headline sidebar is shown (folds away on very narrow terminals)."""
    highlights: reactive[bool] = reactive(True, init=False)
    """Whether figures and names are highlighted (the legend goes with them)."""

    def __init__(self) -> None:
        super().__init__()
        self.current: Article | None = None
        self.annotations: dict[str, Annotations] = {}
        self.key_index: int | None = None
        self._size_class: tuple[bool, bool] | None = None
        self._annotate_lock = threading.Lock()
        self._annotate_failed = False
        self._read_timer: Timer | None = None
        #: The article's read mark is the reader's to set now (``m`` was pressed on it):
        #: neither the timer nor scrolling changes it until another article is shown.
        self._read_decided = False
        self._view: ArticleView | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield HeadlineList(id="headlines")
            with Vertical(id="article-pane"):
                yield ArticleView(id="article")
                # The find bar is mounted on first use: fewer widgets before the first frame.
                yield Legend(id="legend")
            yield SummaryPanel(id="summary")

    @property
    def view(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    @property
    def headlines(self) -> HeadlineList:
        """The sidebar."""
        return self.query_one(HeadlineList)

    @property
    def find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        bars = self.query("#find-bar")
        return bars.first() if bars else None  # type: ignore[return-value]

    def _find_query(self) -> str:
        """The find text while the bar is open, else ''."""
        bar = self.find_bar
        return bar.input.value if bar is not None and bar.display else ""

    def on_mount(self) -> None:
        # Kept for on_unmount, when the widgets can no longer be queried.
        self._view = self.view
        for notice in self.app.state.notices:
            self.notify(notice, title="Reading state", severity="warning", timeout=10)
        if self.app.store is not None:
            self._mount_library()
        else:
            library = self.app.library
            state = self.app.state
            self.headlines.set_articles(library, state.is_read, state.is_bookmarked)
            if library:
                wanted = state.last_article
                index = (self.headlines.index_of(wanted) if wanted else None) or 0
                # Shown here rather than through the list's message, so the first frame
                # has it.
                self.show_article(library[index])
                self.headlines.highlighted = index
        self.headlines.focus()
        if self.app.folders is not None:
            from reader.ingest.watch import WATCH_SECONDS

            self.set_interval(WATCH_SECONDS, self.check_folders)
        # The footer builds a widget per key and rebuilds on focus changes: mounted after
        # the first frame, it costs the reader nothing before the headlines and article show.
        self.call_after_refresh(self._mount_footer)

    def on_unmount(self) -> None:
        # Quitting leaves the article too: its place is remembered for the next run.
        self._remember_position()

    async def _mount_footer(self) -> None:
        if not self.is_attached:  # the app quit before its second frame
            return
        await self.mount(Footer())
        # The footer fills itself when the bindings change; it missed the first change.
        self.refresh_bindings()

    # -- layout --------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        # Only a change of size class resets the panes, so a pane the user brought back
        # stays while the terminal is resized within the same class.
        width = event.size.width
        size_class = (width >= SUMMARY_MIN, width >= SIDEBAR_MIN)
        if size_class != self._size_class:
            self._size_class = size_class
            self.show_summary, self.show_sidebar = size_class

    def watch_show_summary(self, show: bool) -> None:
        self.set_class(not show, "-no-summary")

    def watch_show_sidebar(self, show: bool) -> None:
        self.set_class(not show, "-no-sidebar")

    def action_toggle_summary(self) -> None:
        """Show or hide the summary panel."""
        self.show_summary = not self.show_summary

    def action_toggle_sidebar(self) -> None:
        """Show or hide the headline sidebar."""
        self.show_sidebar = not self.show_sidebar

    def watch_highlights(self, highlights: bool) -> None:
        self.set_class(not highlights, "-plain")
        self.view.highlights = highlights

    def action_toggle_highlights(self) -> None:
        """Turn figure and name highlights on or off."""
        self.highlights = not self.highlights

    # -- articles ------------------------------------------------------------------------------

    @on(HeadlineList.ArticleHighlighted)
    def _article_highlighted(self, event: HeadlineList.ArticleHighlighted) -> None:
        if self.current is not None and self.current.id == event.article_id:
            return
        if self.app.store is not None:
            self.fetch_article(event.article_id)
            return
        article = self.app.article(event.article_id)
        if article is not None:
            self.show_article(article)

    def show_article(self, article: Article) -> None:
        """Show ``article`` now with its fast highlights; the full ones follow from a worker.

        The article opens where the reader last left it, and counts as read once it has
        been on screen for ``state.read_after`` seconds or is scrolled.
        """
        self._remember_position()
        self.current = article
        self.key_index = None
        state = self.app.state
        state.last_article = article.id
        self._start_read_timer(article)
        position = state.position(article.id)
        cached = self.annotations.get(article.id)
        summary = self.query_one(SummaryPanel)
        if cached is not None:
            self.view.show(article, cached.figures, position=position)
            self.view.set_annotations(cached.figures, cached.entities)
            summary.show_annotations(cached)
        else:
            # The worker starts once the article is painted, so loading the NLP stack
            # never delays a frame the reader is waiting for.
            after_paint = partial(self._annotate_if_current, article)
            self.view.show(
                article, core.quick_figures(article), after_paint=after_paint, position=position
            )
            summary.show_pending()
        query = self._find_query()
        if query and self.find_bar is not None:
            self.find_bar.set_counter(*self.view.set_query(query))

    def _remember_position(self) -> None:
        """Keep the place in the article shown, as (block, offset), for its next visit."""
        view = self._view
        if self.current is not None and view is not None and view.article is self.current:
            self.app.state.set_position(self.current.id, *view.reading_position())

    # -- read marks ------------------------------------------------------------------------

    def _stop_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None

    def _start_read_timer(self, article: Article) -> None:
        self._stop_read_timer()
        self._read_decided = False
        state = self.app.state
        if state.is_read(article.id):
            return
        if state.read_after <= 0:
            self._mark_read(article.id)
        else:
            self._read_timer = self.set_timer(
                state.read_after, partial(self._mark_read, article.id), name="read-mark"
            )

    def _mark_read(self, article_id: str) -> None:
        """The article shown has been read (long enough on screen, or scrolled)."""
        if self.current is None or self.current.id != article_id or self._read_decided:
            return
        self._stop_read_timer()
        state = self.app.state
        if not state.is_read(article_id):
            state.set_read(article_id, True)
            self.headlines.refresh_article(article_id)

    @on(ArticleView.Scrolled)
    def _article_scrolled(self, event: ArticleView.Scrolled) -> None:
        self._mark_read(event.article_id)

    def _annotate_if_current(self, article: Article) -> None:
        if article is self.current and article.id not in self.annotations:
            self.annotate_article(article)

    @work(thread=True, exclusive=True, group="annotate", exit_on_error=False)
    def annotate_article(self, article: Article) -> None:
        """Full annotations off the UI thread (the first call loads the NLP stack).

        A thread cannot be stopped, so the lock runs one annotation at a time and a worker
        cancelled while waiting (the reader moved on) never starts: holding ``j`` through
        the sidebar costs one annotation, not one per article passed.
        """
        worker = get_current_worker()
        with self._annotate_lock:
            if worker.is_cancelled:
                return
            annotations = self.app.annotator(article)
        # Handed over even if cancelled meanwhile: the work is done, so it is cached.
        with suppress(RuntimeError):  # the app closed while we worked: nothing to show
            self.app.call_from_thread(self._annotations_ready, article.id, annotations)

    def _annotations_ready(self, article_id: str, annotations: Annotations) -> None:
        self.annotations[article_id] = annotations
        # A result for an article no longer shown is cached, never painted.
        if self.current is not None and self.current.id == article_id:
            self.view.set_annotations(annotations.figures, annotations.entities)
            self.query_one(SummaryPanel).show_annotations(annotations)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group in ("fetch", "watch") and event.state == WorkerState.ERROR:
            what = "read the article" if worker.group == "fetch" else "look in the folders"
            self.notify(f"Could not {what}: {worker.error}", severity="error")
            return
        if worker.group != "annotate":
            return
        if event.state == WorkerState.ERROR and not self._annotate_failed:
            # Once per run: a broken NLP stack fails for every article alike.
            self._annotate_failed = True
            self.notify(
                f"Names and key numbers are unavailable: {worker.error}",
                title="Annotation failed",
                severity="error",
            )

    def action_next_article(self, step: int) -> None:
        """Show the next (1) or previous (-1) article in the sidebar."""
        headlines = self.headlines
        if headlines.option_count:
            current = headlines.highlighted if headlines.highlighted is not None else -step
            headlines.highlighted = max(0, min(headlines.option_count - 1, current + step))
            headlines.scroll_to_highlight()

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article shown (or remove its bookmark); the sidebar shows a ★."""
        if self.current is not None:
            state = self.app.state
            on = not state.is_bookmarked(self.current.id)
            state.set_bookmark(self.current.id, on)
            self.headlines.refresh_article(self.current.id)
            self.notify("Bookmarked." if on else "Bookmark removed.", timeout=2)

    def action_toggle_read(self) -> None:
        """Mark the article shown read, or unread again."""
        if self.current is not None:
            self._stop_read_timer()
            self._read_decided = True
            state = self.app.state
            state.set_read(self.current.id, not state.is_read(self.current.id))
            self.headlines.refresh_article(self.current.id)

    def action_page(self, direction: int) -> None:
        """Page the article down (1) or up (-1) from whichever pane has focus."""
        if direction > 0:
            self.view.action_page_down()
        else:
            self.view.action_page_up()

    # -- find in article -------------------------------------------------------------------

    async def action_find(self) -> None:
        """Open the find bar."""
        bar = self.find_bar
        if bar is None:
            from reader.ui.widgets.find_bar import FindBar

            bar = FindBar(id="find-bar")
            await self.query_one("#article-pane").mount(bar, before=self.query_one(Legend))
        bar.open()

    # Handlers by name, not @on: the find bar module is imported on first use only.
    def on_find_bar_query_changed(self, event: FindBar.QueryChanged) -> None:
        if self.find_bar is not None:
            self.find_bar.set_counter(*self.view.set_query(event.query))

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        self.action_find_step(event.step)

    def action_find_step(self, step: int) -> None:
        """Move to the next (1) or previous (-1) match."""
        if self.find_bar is not None:
            self.find_bar.set_counter(*self.view.step_match(step))

    def action_close_find(self) -> None:
        """Close the find bar from any pane (its matches go with it)."""
        bar = self.find_bar
        if bar is not None and bar.display:
            bar.action_close()

    def on_find_bar_closed(self) -> None:
        self.view.clear_query()
        self.view.focus()

    # -- key figures -------------------------------------------------------------------------

    def _key_figures(self) -> list[KeyFigure]:
        if self.current is None:
            return []
        annotations = self.annotations.get(self.current.id)
        return list(annotations.key_figures) if annotations else []

    def action_key_figure(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) key figure in the article."""
        keys = sorted(
            enumerate(self._key_figures()), key=lambda item: (item[1].block, item[1].figure.start)
        )
        if not keys:
            self.notify("No key numbers in this article (yet).", timeout=2)
            return
        order = [index for index, _key in keys]
        if self.key_index is None or self.key_index not in order:
            position = 0 if step > 0 else len(order) - 1
        else:
            position = (order.index(self.key_index) + step) % len(order)
        self._show_key_figure(order[position])

    @on(SummaryPanel.KeyFigureChosen)
    def _key_figure_chosen(self, event: SummaryPanel.KeyFigureChosen) -> None:
        self._show_key_figure(event.index)

    def _show_key_figure(self, index: int) -> None:
        keys = self._key_figures()
        if 0 <= index < len(keys):
            self.key_index = index
            self.view.show_key_figure(keys[index])

    # -- library search ----------------------------------------------------------------------

    def action_search_library(self) -> None:
        """Search every open article (ctrl+f)."""
        if self.app.store is not None:
            from reader.ui.screens.library_search import LibrarySearchScreen

            self.app.push_screen(LibrarySearchScreen(self.app.search), self.open_hit)
            return
        from reader.ui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.app.library), self.open_hit)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Show the article of a search hit, scrolled to the hit and marked."""
        if hit is not None:
            self.open_at(hit.article_id, hit.block, hit.start, hit.end, hit.where)

    def open_at(
        self,
        article_id: str,
        block: int | None = None,
        start: int = 0,
        end: int = 0,
        where: str = "body",
    ) -> None:
        """Show an article, and if a span is given scroll to it and mark it.

        In library mode the article may not be among the headlines loaded yet: it is shown
        all the same, and the sidebar cursor stays where it was.
        """
        index = self.headlines.index_of(article_id)
        article = self.app.article(article_id)
        if article is None or (index is None and self.app.store is None):
            self.notify("That article is no longer open.", severity="warning")
            return
        if index is not None:
            self.headlines.highlighted = index
        if self.current is None or self.current.id != article.id:
            self.show_article(article)
        if end > start:
            self.view.mark_block_span(block, start, end, where)
        self.view.focus()
