"""The main screen: sidebar, article pane and summary panel, and the mediator between them.

Widgets post messages up; this screen calls down into the others (siblings never talk).
Everything it shows comes from one :class:`~reader.library.source.ArticleSource`. It owns
the pane visibility (reactives whose watchers set ``-no-summary``/``-no-sidebar`` and, with
no room beside the article, ``-summary-over``/``-sidebar-over``) and what is shown: fast
figures at once, the full annotations from
:class:`~reader.ui.screens.source_workers.SourceWorkers` (a result for an article no longer
shown is kept, not painted; an article not at hand is fetched there too).

It keeps the reader's place: leaving an article (for another, or by quitting) stores the
text at the top of the pane as (block, offset) in the state, and showing it again opens it
there. When an article counts as read is :class:`reader.state.reading.ReadingRule`'s to
decide; this screen only runs the timer it asks for.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker

from reader.model import Annotations, Article
from reader.state.reading import ReadingRule
from reader.ui.screens.navigator import Navigator
from reader.ui.screens.pane_fit import fit
from reader.ui.screens.read_marks import ReadMarks
from reader.ui.screens.reader_bindings import READER_BINDINGS
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from textual.binding import BindingType

    from reader.library.source import ArticleSource
    from reader.search.match import SearchHit
    from reader.ui.screens.source_workers import SourceWorkers
    from reader.ui.widgets.find_bar import FindBar

#: Below this width the summary panel folds away; below SIDEBAR_MIN the sidebar too.
SUMMARY_MIN = 100
SIDEBAR_MIN = 80


class ReaderScreen(Screen[None]):
    """Headlines, the article and its summary."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    show_summary: reactive[bool] = reactive(True)
    """Whether the summary panel is shown (folds away on narrow terminals)."""
    show_sidebar: reactive[bool] = reactive(True)
    """Whether the headline sidebar is shown (folds away on very narrow terminals)."""
    sidebar_over: reactive[bool] = reactive(False)
    """The sidebar (``summary_over``: the summary) is over the article: see pane_fit."""
    summary_over: reactive[bool] = reactive(False)
    highlights: reactive[bool] = reactive(True, init=False)
    """Whether figures and names are highlighted (the legend goes with them)."""

    def __init__(self, source: ArticleSource) -> None:
        super().__init__()
        self.source = source
        self.current: Article | None = None
        self.annotations: dict[str, Annotations] = {}
        """Full annotations of the articles shown so far."""
        self.read_marks = ReadMarks(self, ReadingRule(source.state), self._mark_changed)
        self._size_class: tuple[bool, bool] | None = None
        self._view: ArticleView | None = None
        self.navigator = Navigator(self)
        self._source_workers: SourceWorkers | None = None
        """Opens articles where asked (first, after a refresh, from the views)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield HeadlineList(id="headlines")
            yield ArticlePane(id="article-pane")
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
    def pane(self) -> ArticlePane:
        """The article with its find bar and legend."""
        return self.query_one(ArticlePane)

    @property
    def find_bar(self) -> FindBar | None:
        """The find bar, once it has been opened."""
        return self.pane.find_bar

    @property
    def source_workers(self) -> SourceWorkers:
        """Where the slow calls on the source run (not ``workers``: Textual's own name).
        Made on first use, after the first frame: one module fewer before it."""
        if self._source_workers is None:
            from reader.ui.screens.source_workers import SourceWorkers

            self._source_workers = SourceWorkers(self, self.source)
        return self._source_workers

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.source_workers.worker_changed(event)

    def on_mount(self) -> None:
        # Kept for on_unmount, when the widgets can no longer be queried.
        self._view = self.view
        state = self.source.state
        for notice in state.notices:
            self.notify(notice, title="Reading state", severity="warning", timeout=10)
        self.fill_sidebar()
        # Shown only when a panel opens over the article (the stylesheet gives it a border).
        self.headlines.border_title = "b or esc: back to the article"
        self.query_one(SummaryPanel).border_title = "s or esc: back"
        self.navigator.open_first()
        self.headlines.focus()
        if self.source.refresh_every is not None:
            self.set_interval(self.source.refresh_every, self.check_folders)
        # The footer builds a widget per key and rebuilds on focus changes: mounted after
        # the first frame, it costs the reader nothing before the headlines and article show.
        self.call_after_refresh(self._mount_footer)

    def fill_sidebar(self) -> None:
        """List the source's headlines in the sidebar (again)."""
        state = self.source.state
        self.headlines.set_pages(
            self.source.headlines,
            self.source.count(),
            state.is_read,
            state.is_bookmarked,
            page_size=self.source.page_size,
        )

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
        self._fit()

    def _fit(self) -> None:
        """Panels beside the article while it keeps a readable width, else over it."""
        if self.size.width:
            placed = fit(self.size.width, self.show_sidebar, self.show_summary)
            self.sidebar_over = not placed.sidebar_beside
            self.summary_over = not placed.summary_beside

    def watch_show_summary(self, show: bool) -> None:
        self.set_class(not show, "-no-summary")
        self._fit()

    def watch_show_sidebar(self, show: bool) -> None:
        self.set_class(not show, "-no-sidebar")
        self._fit()

    def watch_sidebar_over(self, over: bool) -> None:
        self.set_class(over, "-sidebar-over")

    def watch_summary_over(self, over: bool) -> None:
        self.set_class(over, "-summary-over")

    def action_toggle_summary(self) -> None:
        """Show or hide the summary panel (over the article when there is no room)."""
        if self.show_summary and self.summary_over and self.close_overlay():
            return
        self.show_summary = not self.show_summary
        if self.show_summary and self.sidebar_over:
            self.show_sidebar = False  # one panel over the article at a time
        if self.show_summary and self.summary_over:
            self.query_one(SummaryPanel).focus_key_figures()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the headline sidebar (over the article when there is no room)."""
        if self.show_sidebar and self.sidebar_over and self.close_overlay():
            return
        self.show_sidebar = not self.show_sidebar
        if self.show_sidebar and self.summary_over:
            self.show_summary = False  # one panel over the article at a time
        if self.show_sidebar and self.sidebar_over:
            self.headlines.focus()

    def close_overlay(self) -> bool:
        """Close a panel shown over the article; whether there was one."""
        if self.show_summary and self.summary_over:
            self.show_summary = False
        elif self.show_sidebar and self.sidebar_over:
            self.show_sidebar = False
        else:
            return False
        self.view.focus()
        return True

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
        article = self.source.article_at_hand(event.article_id)
        if article is not None:
            self.show_article(article)
        else:
            self.source_workers.fetch(event.article_id)

    @on(HeadlineList.ArticleChosen)
    def _article_chosen(self, event: HeadlineList.ArticleChosen) -> None:
        self.show_sidebar = self.show_sidebar and not self.sidebar_over  # not over it now
        self.view.focus()

    # Handlers by name, not @on: the workers' module is imported on first use only.
    def on_source_workers_article_fetched(self, event: SourceWorkers.ArticleFetched) -> None:
        article = event.article
        if event.annotations is not None:
            self.annotations.setdefault(article.id, event.annotations)
        highlighted = self.headlines.highlighted_option
        wanted = highlighted is not None and highlighted.id == article.id
        # Held through j: only the article under the cursor is painted, and only once.
        if wanted and (self.current is None or self.current.id != article.id):
            self.show_article(article)

    def show_article(self, article: Article) -> None:
        """Show ``article`` now with its fast highlights; the full ones follow from a worker.

        The article opens where the reader last left it; the reading rule says when it
        counts as read.
        """
        self._remember_position()
        self.current = article
        state = self.source.state
        state.last_article = article.id
        self.read_marks.shown(article.id)
        position = state.position(article.id)
        cached = self.annotations.get(article.id)
        summary = self.query_one(SummaryPanel)
        if cached is not None:
            self.view.show(article, cached.figures, position=position, entities=cached.entities)
            summary.show_annotations(cached)
        else:
            # The worker starts once the article is painted, so loading the NLP stack
            # never delays a frame the reader is waiting for.
            after_paint = partial(self._annotate_if_current, article)
            figures = self.source.quick_figures(article)
            self.view.show(article, figures, after_paint=after_paint, position=position)
            summary.show_pending()
        self.pane.article_shown()

    def _mark_changed(self, article_id: str) -> None:
        self.headlines.refresh_article(article_id)

    def _remember_position(self) -> None:
        """Keep the place in the article shown, as (block, offset), for its next visit."""
        view = self._view
        if self.current is not None and view is not None and view.article is self.current:
            self.source.state.set_position(self.current.id, *view.reading_position())

    def _annotate_if_current(self, article: Article) -> None:
        if article is self.current and article.id not in self.annotations:
            self.source_workers.annotate(article)

    def on_source_workers_annotated(self, event: SourceWorkers.Annotated) -> None:
        self.annotations[event.article_id] = event.annotations
        # A result for an article no longer shown is cached, never painted.
        if self.current is not None and self.current.id == event.article_id:
            annotations = event.annotations
            self.view.set_annotations(annotations.figures, annotations.entities)
            self.query_one(SummaryPanel).show_annotations(annotations)

    def check_folders(self) -> None:
        """Look for pages added to, changed in or removed from the folders opened."""
        self.source_workers.refresh_source()

    def on_source_workers_source_refreshed(self, event: SourceWorkers.SourceRefreshed) -> None:
        self.navigator.refreshed(event.changes)

    # -- read marks ------------------------------------------------------------------------

    @on(ArticleView.Scrolled)
    def _article_scrolled(self, event: ArticleView.Scrolled) -> None:
        self.read_marks.reached(event.article_id)

    def action_toggle_read(self) -> None:
        """Mark the article shown read, or unread again."""
        if self.current is not None:
            self.read_marks.toggled(self.current.id)

    def action_toggle_bookmark(self) -> None:
        """Bookmark the article shown (or remove its bookmark); the sidebar shows a ★."""
        if self.current is not None:
            state = self.source.state
            on = not state.is_bookmarked(self.current.id)
            state.set_bookmark(self.current.id, on)
            self.headlines.refresh_article(self.current.id)
            self.notify("Bookmarked." if on else "Bookmark removed.", timeout=2)

    # -- moving around -------------------------------------------------------------------

    def action_next_article(self, step: int) -> None:
        """Show the next (1) or previous (-1) article in the sidebar."""
        headlines = self.headlines
        if headlines.option_count:
            current = headlines.highlighted if headlines.highlighted is not None else -step
            headlines.highlighted = max(0, min(headlines.option_count - 1, current + step))
            headlines.scroll_to_highlight()

    def action_page(self, direction: int) -> None:
        """Page the article down (1) or up (-1) from whichever pane has focus."""
        if direction > 0:
            self.view.action_page_down()
        else:
            self.view.action_page_up()

    async def action_find(self) -> None:
        """Open the find bar."""
        await self.pane.open_find()

    def action_find_step(self, step: int) -> None:
        """Move to the next (1) or previous (-1) match."""
        self.pane.step_match(step)

    def action_close_find(self) -> None:
        """Close a panel shown over the article, else the find bar (its matches hide)."""
        if not self.close_overlay():
            self.pane.close_find()

    def action_key_figure(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) key figure in the article."""
        key = self.query_one(SummaryPanel).step_key_figure(step)
        if key is None:
            self.notify("No key numbers in this article (yet).", timeout=2)
        else:
            self.view.show_key_figure(key)

    @on(SummaryPanel.KeyFigureChosen)
    def _key_figure_chosen(self, event: SummaryPanel.KeyFigureChosen) -> None:
        key = self.query_one(SummaryPanel).choose(event.index)
        if key is not None:
            self.view.show_key_figure(key)

    # -- across the articles: search, figures, names ----------------------------------------

    def action_search_library(self) -> None:
        """Search every article (ctrl+f)."""
        self.navigator.open_view("search")

    def action_figures(self) -> None:
        """Every figure of the library in a table, sortable and filterable (F)."""
        self.navigator.open_view("figures")

    def action_entities(self) -> None:
        """Every person, place and organisation with the articles naming them (E)."""
        self.navigator.open_view("entities")

    def action_marked(self, which: Literal["bookmarked", "unread"]) -> None:
        """The bookmarked (L) or unread (U) articles in a list; enter opens one."""
        self.navigator.open_view(which)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Show the article of a search hit, scrolled to the hit and marked."""
        self.navigator.open_hit(hit)
